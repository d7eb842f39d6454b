#include "logfile.h"

#include "fsutil.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QRegularExpression>
#include <QThread>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace tandem::log {

namespace {

QString rotated(const QString &path, int n)
{
    return n == 0 ? path : path + u'.' + QString::number(n);
}

int openForAppend(const QString &path)
{
    return ::open(QFile::encodeName(path).constData(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC,
                  0640);
}

// The last maxLines lines of one file, oldest first: read backwards in blocks, so a large file
// costs what the lines wanted cost.
QList<QByteArray> tailLines(const QString &path, int maxLines)
{
    QFile file(path);
    if (maxLines <= 0 || !file.open(QIODevice::ReadOnly))
        return {};
    constexpr qint64 kBlock = 64 * 1024;
    QByteArray tail;
    qint64 pos = file.size();
    while (pos > 0 && tail.count('\n') <= maxLines) {
        const qint64 start = std::max<qint64>(0, pos - kBlock);
        if (!file.seek(start))
            break;
        tail.prepend(file.read(pos - start));
        pos = start;
    }
    QList<QByteArray> lines = tail.split('\n');
    if (pos > 0 && !lines.isEmpty())
        lines.removeFirst(); // begun in the middle
    while (!lines.isEmpty() && lines.last().isEmpty())
        lines.removeLast();
    if (lines.size() > maxLines)
        lines = lines.mid(lines.size() - maxLines);
    return lines;
}

} // namespace

std::unique_ptr<FileLog> FileLog::open(const QString &path, qint64 maxBytes, int files,
                                       QString *error)
{
    const int fd = openForAppend(path);
    struct stat st;
    if (fd < 0 || ::fstat(fd, &st) != 0) {
        *error = u"cannot open the log file %1: %2 (running as user %3)"_s.arg(
            path, fsutil::errnoText(errno), fsutil::currentUserName());
        if (fd >= 0)
            ::close(fd);
        return nullptr;
    }
    std::unique_ptr<FileLog> log(new FileLog(path, fd, st.st_size, maxBytes, files));
    log->startThread();
    addFile(log.get());
    return log;
}

std::unique_ptr<FileLog> FileLog::forStream(int fd, const QString &name)
{
    std::unique_ptr<FileLog> log(new FileLog(name, fd, 0, 0, 0));
    log->m_stream = true;
    log->startThread();
    return log;
}

void FileLog::startThread()
{
    m_thread = QThread::create([this] { run(); });
    m_thread->setObjectName(m_stream ? u"tandem-stderr"_s : u"tandem-log"_s);
    m_thread->start();
}

FileLog::FileLog(const QString &path, int fd, qint64 size, qint64 maxBytes, int files)
    : m_path(path)
    , m_fd(fd)
    , m_size(size)
    , m_maxBytes(maxBytes)
    , m_files(files)
{}

FileLog::~FileLog()
{
    if (!m_stream)
        removeFile(this);
    {
        QMutexLocker lock(&m_mutex);
        m_stopping = true;
        m_wake.wakeAll();
    }
    m_thread->wait();
    delete m_thread;
    if (m_fd >= 0 && !m_stream)
        ::close(m_fd);
}

void FileLog::append(const QByteArray &line)
{
    QMutexLocker lock(&m_mutex);
    if (m_pending.size() >= kMaxPending) {
        ++m_dropped;
        return;
    }
    // Only a writer that sleeps needs waking: one that is awake (gathering, or writing) takes
    // this line with the rest. Under load that is a wake-up (and a switch to the writer) and a
    // write per kGatherMs rather than per line.
    const bool asleep = m_pending.isEmpty() && !m_busy;
    m_pending.append(line);
    if (asleep)
        m_wake.wakeOne();
}

void FileLog::setLimits(qint64 maxBytes, int files)
{
    QMutexLocker lock(&m_mutex);
    m_maxBytes = maxBytes;
    m_files = files;
}

void FileLog::flush()
{
    QMutexLocker lock(&m_mutex);
    m_hurry = true;
    m_wake.wakeOne();
    while (!m_pending.isEmpty() || m_busy)
        m_idle.wait(&m_mutex);
}

void FileLog::run()
{
    QMutexLocker lock(&m_mutex);
    for (;;) {
        while (m_pending.isEmpty() && !m_stopping)
            m_wake.wait(&m_mutex);
        // Lines come in bursts (a message makes several): gather them a moment, so that one
        // write takes many, unless someone waits for them.
        const QDeadlineTimer gathered(kGatherMs);
        while (!m_stopping && !m_hurry && !gathered.hasExpired())
            m_wake.wait(&m_mutex, gathered);
        m_hurry = false;
        if (m_pending.isEmpty())
            break; // stopping, and everything is written
        QList<QByteArray> batch = std::exchange(m_pending, {});
        if (const qint64 dropped = std::exchange(m_dropped, 0))
            batch.append(u"%1 warning log: %2 lines not written: the disk did not keep up"_s
                             .arg(QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs))
                             .arg(dropped)
                             .toUtf8() +
                         '\n');
        const qint64 maxBytes = m_maxBytes;
        const int files = m_files;
        m_busy = true;
        lock.unlock();
        writeBatch(batch, maxBytes, files);
        lock.relock();
        m_busy = false;
        m_idle.wakeAll();
    }
    m_idle.wakeAll();
}

void FileLog::writeBatch(const QList<QByteArray> &lines, qint64 maxBytes, int files)
{
    QString error;
    QByteArray chunk;
    bool ok = true;
    for (const QByteArray &line : lines) {
        // A line never starts a file it would not fit in alone: a file holds at least one.
        if (!m_stream && m_size + chunk.size() > 0 &&
            m_size + chunk.size() + line.size() > maxBytes) {
            ok = ok && writeChunk(chunk, &error) && rotate(files, &error);
            chunk.clear();
        }
        chunk += line;
    }
    ok = ok && writeChunk(chunk, &error);
    // Said once, on stderr (or the console's window) only: the file is what fails.
    if (!ok && !m_failing && !m_stream) {
        const QByteArray text =
            u"%1 error log: cannot write %2: %3\n"_s
                .arg(QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs), m_path, error)
                .toUtf8();
        [[maybe_unused]] const auto n =
            ::write(STDERR_FILENO, text.constData(), size_t(text.size()));
    }
    m_failing = !ok;
}

bool FileLog::writeChunk(const QByteArray &chunk, QString *error)
{
    if (chunk.isEmpty())
        return true;
    if (m_fd < 0) {
        m_fd = openForAppend(m_path);
        if (m_fd < 0) {
            *error = fsutil::errnoText(errno);
            return false;
        }
    }
    fsutil::Fd fd(m_fd);
    const bool ok = fd.writeAll(chunk.constData(), chunk.size(), error);
    m_fd = fd.release();
    m_size += chunk.size(); // a short write still counts towards the rotation
    return ok;
}

bool FileLog::rotate(int files, QString *error)
{
    if (m_fd >= 0)
        ::close(m_fd);
    m_fd = -1;
    // Files beyond the number kept (left from a larger setting) go first.
    for (int n = std::max(files, 1); QFile::exists(rotated(m_path, n)); ++n)
        QFile::remove(rotated(m_path, n));
    if (files <= 1) {
        QFile::remove(m_path);
    } else {
        for (int n = files - 1; n >= 1; --n) {
            const QByteArray from = QFile::encodeName(rotated(m_path, n - 1));
            if (::rename(from.constData(), QFile::encodeName(rotated(m_path, n)).constData()) !=
                    0 &&
                errno != ENOENT) {
                *error = u"rename %1: %2"_s.arg(rotated(m_path, n - 1), fsutil::errnoText(errno));
                return false;
            }
        }
    }
    m_size = 0;
    m_fd = openForAppend(m_path);
    if (m_fd < 0) {
        *error = fsutil::errnoText(errno);
        return false;
    }
    return true;
}

std::optional<Entry> parse(const QString &line)
{
    // time level component: [session:] [queue id:] text -- the optional parts as format()
    // writes them: "S17", and a queue id (hex, with "-N" for an Outbox entry).
    static const QRegularExpression shape(
        u"^(\\S+) (debug|info|warning|error) ([^\\s:]+):(?: (S\\d+):)?(?: ([0-9A-F]{16,}(?:-\\d+)?):)? (.*)$"_s);
    const QRegularExpressionMatch m = shape.match(line);
    if (!m.hasMatch())
        return std::nullopt;
    Entry e;
    e.time = QDateTime::fromString(m.captured(1), Qt::ISODateWithMs);
    if (!e.time.isValid())
        return std::nullopt;
    const QString level = m.captured(2);
    e.level = level == u"debug"_s     ? Level::Debug
              : level == u"warning"_s ? Level::Warning
              : level == u"error"_s   ? Level::Error
                                      : Level::Info;
    e.component = m.captured(3);
    e.session = m.captured(4);
    e.queueId = m.captured(5);
    e.text = m.captured(6);
    return e;
}

QList<Entry> readRecent(const QString &path, int maxLines)
{
    QList<QByteArray> lines = tailLines(path, maxLines);
    for (int n = 1; lines.size() < maxLines && QFile::exists(rotated(path, n)); ++n)
        lines = tailLines(rotated(path, n), maxLines - int(lines.size())) + lines;
    QList<Entry> entries;
    for (const QByteArray &line : std::as_const(lines)) {
        if (auto e = parse(QString::fromUtf8(line)))
            entries.append(*e);
    }
    return entries;
}

} // namespace tandem::log
