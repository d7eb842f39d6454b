#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <optional>

// The on-disk shape of every spool record (envelopes, Outbox entries):
//   tandem-<type> <version>\n<compact JSON>\n%end <crc32 of the JSON, hex>\n
// A record without its end line, or whose checksum does not match, is not trusted.
namespace tandem::spool::record {

QByteArray encode(const char *type, int version, const QJsonObject &body);
std::optional<QJsonObject> decode(const QByteArray &bytes, const char *type, int maxVersion,
                                  QString *error);

} // namespace tandem::spool::record
