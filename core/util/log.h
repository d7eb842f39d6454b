#pragma once

#include <QDateTime>
#include <QString>

#include <functional>

// One line per event. The engine logs through here; tandemd prints to stderr, the console
// installs a sink that forwards entries to its log window, and both write the data folder's
// log file (FileLog). Safe to call from any thread.
namespace tandem::log {

class FileLog;

enum class Level { Debug, Info, Warning, Error };
QString toString(Level level);

struct Entry {
    QDateTime time;
    Level level = Level::Info;
    QString component; // "smtp", "spool", "router", ...
    QString queueId;   // empty when the event concerns no message
    QString text;
    QString session; // the SMTP session ("S17") the event belongs to, if any
};

using Sink = std::function<void(const Entry &)>;
void setSink(Sink sink);           // replaces the sink; nullptr restores the stderr printer
void setMinimumLevel(Level level); // of the sink or stderr
void setFileLevel(Level level);    // of the log files (Info unless changed)
QString format(const Entry &entry);
// Every entry at or above the file level also goes to each file added (FileLog does this
// itself when it is opened and destroyed).
void addFile(FileLog *file);
void removeFile(FileLog *file);
// On: lines for stderr are written by a thread of their own (tandemd's, so that no session or
// dispatcher waits for a write per line); a warning or an error still returns only once it is
// written, after every line before it. Off: what waits is written, and lines go straight out.
void bufferStderr(bool on);
// Whether stderr is the systemd journal (JOURNAL_STREAM names it, sd-daemon(3)): lines on
// stderr then carry the journal's "<N>" priority prefix and no time stamp of their own.
bool stderrIsJournal();

void write(Level level, const QString &component, const QString &text, const QString &queueId = {},
           const QString &session = {});

// SMTP transcripts (every command and reply of every session, AUTH secrets masked) are
// logged at debug level under the component "transcript" while this is on.
void setTranscripts(bool on);
bool transcriptsEnabled();
inline void info(const QString &c, const QString &t, const QString &q = {})
{
    write(Level::Info, c, t, q);
}
inline void warning(const QString &c, const QString &t, const QString &q = {})
{
    write(Level::Warning, c, t, q);
}
inline void error(const QString &c, const QString &t, const QString &q = {})
{
    write(Level::Error, c, t, q);
}
inline void debug(const QString &c, const QString &t, const QString &q = {})
{
    write(Level::Debug, c, t, q);
}

} // namespace tandem::log
