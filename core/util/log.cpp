#include "log.h"

#include "logfile.h"

#include <QList>
#include <QMutex>

#include <atomic>
#include <cstdio>
#include <memory>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace tandem::log {

namespace {
QMutex g_mutex;
Sink g_sink;
Level g_minimum = Level::Info;
Level g_fileMinimum = Level::Info;
QList<FileLog *> g_files;
std::unique_ptr<FileLog> g_stderrWriter; // bufferStderr(true)
std::atomic<bool> g_transcripts{false};

// sd-daemon(3)'s priorities: LOG_DEBUG, LOG_INFO, LOG_WARNING, LOG_ERR.
int journalPriority(Level level)
{
    switch (level) {
    case Level::Debug:
        return 7;
    case Level::Info:
        return 6;
    case Level::Warning:
        return 4;
    case Level::Error:
        return 3;
    }
    return 6;
}
} // namespace

bool stderrIsJournal()
{
    // "device:inode" of the stream systemd connected; a stderr redirected elsewhere by the
    // unit (or a shell started from it) is not the journal even though the variable is set.
    static const bool journal = [] {
        const QList<QByteArray> parts = qgetenv("JOURNAL_STREAM").split(':');
        struct stat st;
        if (parts.size() != 2 || ::fstat(STDERR_FILENO, &st) != 0)
            return false;
        bool devOk = false;
        bool inoOk = false;
        const qulonglong dev = parts.at(0).toULongLong(&devOk);
        const qulonglong ino = parts.at(1).toULongLong(&inoOk);
        return devOk && inoOk && dev == qulonglong(st.st_dev) && ino == qulonglong(st.st_ino);
    }();
    return journal;
}

void addFile(FileLog *file)
{
    QMutexLocker lock(&g_mutex);
    g_files.append(file);
}

void removeFile(FileLog *file)
{
    QMutexLocker lock(&g_mutex);
    g_files.removeAll(file);
}

void bufferStderr(bool on)
{
    QMutexLocker lock(&g_mutex);
    if (on && !g_stderrWriter)
        g_stderrWriter = FileLog::forStream(STDERR_FILENO, u"stderr"_s);
    else if (!on)
        g_stderrWriter.reset(); // writes what waits, before any line after it (its thread
                                // never takes this lock)
}

void setFileLevel(Level level)
{
    QMutexLocker lock(&g_mutex);
    g_fileMinimum = level;
}

QString toString(Level level)
{
    switch (level) {
    case Level::Debug:
        return u"debug"_s;
    case Level::Info:
        return u"info"_s;
    case Level::Warning:
        return u"warning"_s;
    case Level::Error:
        return u"error"_s;
    }
    return {};
}

void setSink(Sink sink)
{
    QMutexLocker lock(&g_mutex);
    g_sink = std::move(sink);
}

void setMinimumLevel(Level level)
{
    QMutexLocker lock(&g_mutex);
    g_minimum = level;
}

QString format(const Entry &e)
{
    QString line =
        e.time.toString(Qt::ISODateWithMs) + u' ' + toString(e.level) + u' ' + e.component + u':';
    if (!e.session.isEmpty())
        line += u' ' + e.session + u':';
    if (!e.queueId.isEmpty())
        line += u' ' + e.queueId + u':';
    return line + u' ' + e.text;
}

void setTranscripts(bool on)
{
    g_transcripts = on;
}
bool transcriptsEnabled()
{
    return g_transcripts;
}

void write(Level level, const QString &component, const QString &text, const QString &queueId,
           const QString &session)
{
    QMutexLocker lock(&g_mutex);
    // A transcript asked for is shown whatever the level; the console filters it.
    const bool transcript = component == u"transcript"_s && g_transcripts;
    const bool shown = level >= g_minimum || transcript;
    const bool filed = !g_files.isEmpty() && (level >= g_fileMinimum || transcript);
    if (!shown && !filed)
        return;
    const Entry entry{QDateTime::currentDateTimeUtc(), level, component, queueId, text, session};
    if (filed) {
        // One event, one line: a reader of the file (the console's history) splits on LF.
        QString line = format(entry);
        line.replace(u'\n', u' ').replace(u'\r', u' ');
        const QByteArray bytes = line.toUtf8() + '\n';
        for (FileLog *file : std::as_const(g_files))
            file->append(bytes);
    }
    if (!shown)
        return;
    if (g_sink) {
        g_sink(entry);
        return;
    }
    QByteArray line;
    if (stderrIsJournal()) {
        const QString text = format(entry); // without its time: the journal stamps each line
        line = '<' + QByteArray::number(journalPriority(level)) + '>' +
               text.mid(text.indexOf(u' ') + 1).toUtf8() + '\n';
    } else {
        line = format(entry).toUtf8() + '\n';
    }
    if (g_stderrWriter) {
        g_stderrWriter->append(line);
        if (level >= Level::Warning)
            g_stderrWriter->flush();
        return;
    }
    std::fwrite(line.constData(), 1, size_t(line.size()), stderr);
    std::fflush(stderr);
}

} // namespace tandem::log
