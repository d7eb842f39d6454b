#include "record.h"

#include <QJsonDocument>

#include <zlib.h>

using namespace Qt::StringLiterals;

namespace tandem::spool::record {

namespace {
QByteArray checksum(const QByteArray &body)
{
    const uLong crc =
        crc32(0L, reinterpret_cast<const Bytef *>(body.constData()), uInt(body.size()));
    return QByteArray::number(quint32(crc), 16).rightJustified(8, '0');
}
} // namespace

QByteArray encode(const char *type, int version, const QJsonObject &body)
{
    const QByteArray json = QJsonDocument(body).toJson(QJsonDocument::Compact);
    return QByteArray("tandem-") + type + ' ' + QByteArray::number(version) + '\n' + json +
           "\n%end " + checksum(json) + '\n';
}

std::optional<QJsonObject> decode(const QByteArray &bytes, const char *type, int maxVersion,
                                  QString *error)
{
    const QByteArray magic = QByteArray("tandem-") + type + ' ';
    if (!bytes.startsWith(magic)) {
        *error = u"not a %1 record"_s.arg(QString::fromLatin1(type));
        return std::nullopt;
    }
    const qsizetype firstNl = bytes.indexOf('\n');
    bool ok = false;
    const int version = bytes.mid(magic.size(), firstNl - magic.size()).toInt(&ok);
    if (firstNl < 0 || !ok || version < 1 || version > maxVersion) {
        *error = u"unknown record version"_s;
        return std::nullopt;
    }
    const qsizetype endLine = bytes.lastIndexOf("\n%end ");
    if (endLine < firstNl || !bytes.endsWith('\n')) {
        *error = u"record is incomplete (no end marker)"_s;
        return std::nullopt;
    }
    const QByteArray json = bytes.mid(firstNl + 1, endLine - firstNl - 1);
    const QByteArray sum = bytes.mid(endLine + 6, bytes.size() - endLine - 7);
    if (sum != checksum(json)) {
        *error = u"record checksum does not match"_s;
        return std::nullopt;
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        *error = u"record body is not readable: "_s + parseError.errorString();
        return std::nullopt;
    }
    return doc.object();
}

} // namespace tandem::spool::record
