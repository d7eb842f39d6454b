#pragma once

#include <QDateTime>
#include <QString>

// The time the archive's ages are measured against. In tests it can be moved: the file named
// by TANDEM_CLOCK_FILE holds a whole number of seconds (negative allowed) added to the real UTC
// time, so that a running tandemd sees messages age by days without anyone sleeping. Read
// again when the file changes (looked at no more than every 200 ms); no file, or an empty
// one, is no offset; an unreadable one is no offset too, with one warning in the log.
namespace tandem::clock {

// The current UTC time plus the offset. Thread-safe.
QDateTime now();
// The offset in seconds now in force (0 without TANDEM_CLOCK_FILE). Thread-safe.
qint64 offsetSeconds();

// For tests of this module: read the offset from `path` from now on ("" = none, as without
// the variable), forgetting what was read before.
void setFileForTesting(const QString &path);

} // namespace tandem::clock
