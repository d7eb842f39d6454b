#include "extract.h"

#include "mime/mime.h"

using namespace Qt::StringLiterals;

namespace tandem::archive {

ExtractedMessage extractMessage(const QByteArray &original)
{
    QString error;
    const mime::Api *mime = mime::api(&error);
    // The index's rows are deleted with the values they were made from: no other reading may
    // stand in for this one. An engine that files into an archive loads the module at its start
    // and does not start without it (Engine::start), so this is a broken installation.
    if (!mime)
        qFatal("%s", qPrintable(error));
    return mime->extractMessage(original);
}

std::optional<QString> envelopeSender(const QByteArray &prefix)
{
    for (QByteArray line : prefix.split('\n')) {
        if (!line.left(12).toLower().startsWith("return-path:"))
            continue;
        line = line.mid(12).trimmed();
        const qsizetype open = line.indexOf('<');
        const qsizetype close = line.lastIndexOf('>');
        if (open >= 0 && close > open)
            line = line.mid(open + 1, close - open - 1).trimmed();
        return QString::fromUtf8(line).toLower();
    }
    return std::nullopt;
}

} // namespace tandem::archive
