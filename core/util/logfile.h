#pragma once

#include "log.h"

#include <QByteArray>
#include <QList>
#include <QMutex>
#include <QString>
#include <QWaitCondition>

#include <memory>
#include <optional>

class QThread;

// The engine's log on disk (data/log/tandem.log), rotated by size: when a line would take the
// file past its limit, NAME.(n-1) becomes NAME.n, ..., NAME becomes NAME.1, and a new NAME is
// begun; files beyond the number kept are deleted. Lines go to a thread of the file's own, so
// no caller (an SMTP session, the dispatcher) ever waits for the disk; nothing is fsynced.
namespace tandem::log {

class FileLog {
public:
    // Opens (creates) the file now, so that a file that cannot be written fails the start.
    static std::unique_ptr<FileLog> open(const QString &path, qint64 maxBytes, int files,
                                         QString *error);
    // A writer thread for a stream this process already has (stderr): never rotated, reopened
    // or closed, and not one of the log's files (log::bufferStderr hands it lines).
    static std::unique_ptr<FileLog> forStream(int fd, const QString &name);
    ~FileLog(); // writes every line handed over, then stops its thread

    FileLog(const FileLog &) = delete;
    FileLog &operator=(const FileLog &) = delete;

    // Thread-safe. Past kMaxPending lines waiting (a disk that stalls), lines are counted and
    // dropped, and the count is written once the disk takes lines again.
    void append(const QByteArray &line);
    void setLimits(qint64 maxBytes, int files);
    // Returns when every line handed over so far is written (tests, and history readers).
    void flush();
    QString path() const { return m_path; }

    static constexpr int kMaxPending = 20000;
    // How long the writer gathers lines after the first one wakes it (flush() cuts it short).
    static constexpr int kGatherMs = 20;

private:
    FileLog(const QString &path, int fd, qint64 size, qint64 maxBytes, int files);
    void startThread();
    void run();
    void writeBatch(const QList<QByteArray> &lines, qint64 maxBytes, int files);
    bool rotate(int files, QString *error);
    bool writeChunk(const QByteArray &chunk, QString *error);

    const QString m_path;
    int m_fd;      // the writer thread's, once started
    qint64 m_size; // of the current file
    bool m_failing = false;
    bool m_stream = false; // forStream(): the fd is not ours
    QMutex m_mutex;        // guards what follows
    QWaitCondition m_wake;
    QWaitCondition m_idle;
    QList<QByteArray> m_pending;
    qint64 m_dropped = 0;
    qint64 m_maxBytes;
    int m_files;
    bool m_busy = false;
    bool m_hurry = false; // flush() waits: write now
    bool m_stopping = false;
    QThread *m_thread = nullptr;
};

// A line as format() wrote it, back into its parts; nullopt for a line of another shape.
std::optional<Entry> parse(const QString &line);
// The last maxLines entries of the log at path (older rotated files first when the current one
// has fewer), oldest first.
QList<Entry> readRecent(const QString &path, int maxLines);

} // namespace tandem::log
