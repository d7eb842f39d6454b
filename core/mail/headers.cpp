#include "headers.h"

#include "mime/mime.h"

#include <algorithm>

namespace tandem::mail {

QString decodeHeaderText(const QByteArray &raw)
{
    QByteArray value = raw.left(kMaxFieldBytes);
    // Unfolding (RFC 5322 §2.2.3) removes the line breaks and keeps the white space after.
    value.replace("\r\n", "");
    value.replace('\n', "");
    value.replace('\r', "");
    if (value.trimmed().isEmpty())
        return {};
    // Plain ASCII without an encoded word is its own decoding: the MIME module (GMime and the
    // libraries it brings, mime/mime.h) is not loaded for it.
    const bool plain =
        !value.contains("=?") &&
        std::all_of(value.cbegin(), value.cend(), [](char c) { return c >= 0x20 && c < 0x7f; });
    if (plain)
        return QString::fromLatin1(value).simplified();
    if (const mime::Api *mime = mime::api())
        return mime->decodeText(value);
    // Without the MIME module (logged): the text as it came.
    return QString::fromUtf8(value).simplified();
}

QString headerField(const QByteArray &message, const QByteArray &name)
{
    const QByteArray wanted = name.toLower() + ':';
    qsizetype pos = 0;
    while (pos < message.size()) {
        qsizetype end = message.indexOf('\n', pos);
        if (end < 0)
            end = message.size();
        QByteArray line = message.mid(pos, end - pos);
        if (line.endsWith('\r'))
            line.chop(1);
        if (line.isEmpty())
            return {}; // the end of the header section
        if (line.size() >= wanted.size() && line.left(wanted.size()).toLower() == wanted) {
            QByteArray value = line.mid(wanted.size());
            // The continuation lines: those that start with white space.
            qsizetype next = end + 1;
            while (next < message.size() && (message.at(next) == ' ' || message.at(next) == '\t') &&
                   value.size() < kMaxFieldBytes) {
                qsizetype lineEnd = message.indexOf('\n', next);
                if (lineEnd < 0)
                    lineEnd = message.size();
                value += message.mid(next, lineEnd - next);
                if (value.endsWith('\r'))
                    value.chop(1);
                next = lineEnd + 1;
            }
            return decodeHeaderText(value);
        }
        pos = end + 1;
    }
    return {};
}

} // namespace tandem::mail
