#include "clock.h"

#include "util/log.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QMutex>
#include <QMutexLocker>

using namespace Qt::StringLiterals;

namespace tandem::clock {

namespace {

constexpr qint64 kRecheckMs = 200;

struct State {
    QMutex mutex;
    bool initialised = false;
    QString path;
    qint64 offset = 0;
    QDateTime mtime;  // of the file when it was last read; invalid: not there then
    qint64 size = -1; // likewise
    QDateTime readAt; // when it was last read
    QElapsedTimer sinceCheck;
    bool warned = false; // one warning for an unreadable file, not one per look
};

State &state()
{
    static State s;
    return s;
}

// Reads the file again when it changed since the last read. Called with the mutex held.
void refresh(State &s)
{
    if (!s.initialised) {
        s.initialised = true;
        s.path = qEnvironmentVariable("TANDEM_CLOCK_FILE");
    }
    if (s.path.isEmpty())
        return;
    if (s.sinceCheck.isValid() && s.sinceCheck.elapsed() < kRecheckMs)
        return;
    s.sinceCheck.start();
    const QFileInfo info(s.path);
    if (!info.exists()) {
        s.offset = 0;
        s.mtime = QDateTime();
        s.size = -1;
        return;
    }
    // File times advance in kernel ticks (a few milliseconds): a file rewritten within the
    // tick of the last read keeps its time and maybe its size, so it is read once more.
    const QDateTime mtime = info.lastModified();
    if (mtime == s.mtime && info.size() == s.size && s.mtime.msecsTo(s.readAt) > 1000)
        return;
    s.mtime = mtime;
    s.size = info.size();
    s.readAt = QDateTime::currentDateTime();
    QFile file(s.path);
    QString problem;
    qint64 offset = 0;
    if (!file.open(QIODevice::ReadOnly)) {
        problem = file.errorString();
    } else {
        const QByteArray text = file.read(64).trimmed();
        bool ok = true;
        if (!text.isEmpty())
            offset = text.toLongLong(&ok);
        if (!ok)
            problem = u"\"%1\" is not a whole number of seconds"_s.arg(QString::fromLatin1(text));
    }
    if (problem.isEmpty()) {
        s.offset = offset;
        return;
    }
    s.offset = 0;
    if (!s.warned) {
        s.warned = true;
        log::warning(u"clock"_s,
                     u"TANDEM_CLOCK_FILE %1 cannot be used (%2): no offset"_s.arg(s.path, problem));
    }
}

} // namespace

qint64 offsetSeconds()
{
    State &s = state();
    const QMutexLocker lock(&s.mutex);
    refresh(s);
    return s.offset;
}

QDateTime now()
{
    return QDateTime::currentDateTimeUtc().addSecs(offsetSeconds());
}

void setFileForTesting(const QString &path)
{
    State &s = state();
    const QMutexLocker lock(&s.mutex);
    s.initialised = true;
    s.path = path;
    s.offset = 0;
    s.mtime = QDateTime();
    s.size = -1;
    s.sinceCheck.invalidate();
    s.warned = false;
}

} // namespace tandem::clock
