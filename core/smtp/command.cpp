#include "command.h"

#include <cctype>

using namespace Qt::StringLiterals;

namespace tandem::smtp {

Command parseCommand(const QByteArray &line)
{
    const qsizetype space = line.indexOf(' ');
    Command c;
    c.verb = (space < 0 ? line : line.left(space)).toUpper();
    if (space >= 0)
        c.argument = line.mid(space + 1);
    return c;
}

std::optional<QByteArray> stripPrefix(const QByteArray &argument, const QByteArray &prefix)
{
    if (argument.size() < prefix.size() ||
        argument.left(prefix.size()).toUpper() != prefix.toUpper())
        return std::nullopt;
    QByteArray rest = argument.mid(prefix.size());
    while (rest.startsWith(' '))
        rest.remove(0, 1);
    return rest;
}

std::optional<QList<Parameter>> parseParameters(const QByteArray &text, QString *error)
{
    QList<Parameter> out;
    const QList<QByteArray> parts = text.split(' ');
    for (const QByteArray &part : parts) {
        if (part.isEmpty())
            continue;
        const qsizetype eq = part.indexOf('=');
        Parameter p;
        p.keyword = (eq < 0 ? part : part.left(eq)).toUpper();
        if (eq >= 0)
            p.value = part.mid(eq + 1);
        bool ok = !p.keyword.isEmpty() && std::isalnum(static_cast<unsigned char>(p.keyword.at(0)));
        for (char ch : std::as_const(p.keyword))
            ok = ok && (std::isalnum(static_cast<unsigned char>(ch)) || ch == '-');
        if (eq >= 0 && p.value.isEmpty())
            ok = false;
        for (char ch : std::as_const(p.value))
            ok = ok && ch >= 33 && ch <= 126 && ch != '=';
        if (!ok) {
            *error = u"malformed parameter \"%1\""_s.arg(QString::fromLatin1(part));
            return std::nullopt;
        }
        out.append(p);
    }
    return out;
}

} // namespace tandem::smtp
