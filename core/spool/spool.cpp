#include "spool.h"

#include "util/log.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <fcntl.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace tandem::spool {

namespace {

constexpr qsizetype kWriteBuffer = 64 * 1024;

QByteArray encodeName(const QString &path)
{
    return QFile::encodeName(path);
}

bool renameFile(const QString &from, const QString &to, QString *error)
{
    if (::rename(encodeName(from).constData(), encodeName(to).constData()) != 0) {
        *error = u"rename %1: %2"_s.arg(from, fsutil::errnoText(errno));
        return false;
    }
    return true;
}

fsutil::Fd createExclusive(const QString &path)
{
    return fsutil::Fd(
        ::open(encodeName(path).constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0640));
}

} // namespace

QString newQueueId()
{
    // Microseconds since the epoch, then a counter: sortable by arrival, unique in a process;
    // uniqueness on disk is enforced by O_EXCL when the file is created.
    static std::atomic<quint32> counter{0};
    const qint64 us = std::chrono::duration_cast<std::chrono::microseconds>(
                          std::chrono::system_clock::now().time_since_epoch())
                          .count();
    const quint32 n = counter.fetch_add(1) & 0xffff;
    return QString::number(us, 16).toUpper().rightJustified(14, u'0') +
           QString::number(n, 16).toUpper().rightJustified(4, u'0');
}

IncomingMessage::~IncomingMessage()
{
    if (!m_committed && !m_path.isEmpty())
        ::unlink(encodeName(m_path).constData());
}

bool IncomingMessage::write(const QByteArray &bytes)
{
    if (failed())
        return false;
    m_buffer += bytes;
    m_size += bytes.size();
    return m_buffer.size() < kWriteBuffer || flush();
}

bool IncomingMessage::flush()
{
    if (failed())
        return false;
    if (!m_fd.writeAll(m_buffer.constData(), m_buffer.size(), &m_error)) {
        m_outOfSpace = fsutil::isOutOfSpace(errno);
        return false;
    }
    m_buffer.clear();
    return true;
}

Spool::Spool(const QString &directory, QObject *parent)
    : QObject(parent)
    , m_dir(directory)
    , m_handovers(directory + u"/handovers.log"_s)
{}

Spool::~Spool()
{
    close();
}

bool Spool::open(QString *error, double timeScale)
{
    for (const QString &sub : {u"tmp"_s, u"queue"_s, u"corrupt"_s, u"outbox"_s}) {
        if (!fsutil::ensureDirectory(m_dir + u'/' + sub, error))
            return false;
    }
    if (!m_handovers.open(error, timeScale))
        return false;
    if (!m_writer.joinable()) {
        m_stopping = false;
        m_writer = std::thread([this] { writerLoop(); });
    }
    return true;
}

void Spool::close()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    if (m_writer.joinable())
        m_writer.join();
}

QString Spool::messagePath(const QString &id) const
{
    return queueDir() + u'/' + id + u".msg"_s;
}

std::unique_ptr<IncomingMessage> Spool::begin(QString *error, const QString &fixedId)
{
    std::unique_ptr<IncomingMessage> message(new IncomingMessage);
    for (int attempt = 0; attempt < (fixedId.isEmpty() ? 100 : 1); ++attempt) {
        message->m_id = fixedId.isEmpty() ? newQueueId() : fixedId;
        message->m_path = m_dir + u"/tmp/"_s + message->m_id + u".msg"_s;
        message->m_fd = createExclusive(message->m_path);
        if (message->m_fd.isValid())
            return message;
        if (errno != EEXIST)
            break;
    }
    *error = u"cannot create %1: %2"_s.arg(message->m_path, fsutil::errnoText(errno));
    message->m_path.clear();
    return nullptr;
}

void Spool::commit(std::unique_ptr<IncomingMessage> message, const Envelope &envelope,
                   QObject *context, std::function<void(const CommitResult &)> done)
{
    message->flush();
    Job job{std::move(message), serialize(envelope), context,
            std::move(done),    envelope.handover,   envelope.recipients};
    {
        std::lock_guard lock(m_mutex);
        m_pending.push_back(std::move(job));
    }
    m_wake.notify_one();
}

void Spool::writerLoop()
{
    for (;;) {
        std::deque<Job> batch;
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait(lock, [this] { return m_stopping || !m_pending.empty(); });
            if (m_pending.empty())
                return; // stopping, and nothing left to make durable
            batch.swap(m_pending);
        }
        commitBatch(batch);
    }
}

bool Spool::stageEnvelope(Job &job, QString *error)
{
    IncomingMessage &m = *job.message;
    if (m.failed()) {
        *error = m.error();
        return false;
    }
    const QString envTmp = m_dir + u"/tmp/"_s + m.id() + u".env"_s;
    fsutil::Fd env = createExclusive(envTmp);
    if (!env.isValid()) {
        *error = u"cannot create %1: %2"_s.arg(envTmp, fsutil::errnoText(errno));
        return false;
    }
    const bool ok = env.writeAll(job.envelope.constData(), job.envelope.size(), error) &&
                    fsutil::fsyncFd(env.get(), error) && env.close(error) &&
                    fsutil::fsyncFd(m.m_fd.get(), error) && m.m_fd.close(error);
    if (!ok) {
        ::unlink(encodeName(envTmp).constData());
        return false;
    }
    // The message first, the envelope last: an entry exists once its .env is in queue/.
    const QString id = m.id();
    if (!renameFile(m.m_path, messagePath(id), error) ||
        !renameFile(envTmp, queueDir() + u'/' + id + u".env"_s, error)) {
        ::unlink(encodeName(envTmp).constData());
        return false;
    }
    m.m_committed = true;
    return true;
}

void Spool::commitBatch(std::deque<Job> &batch)
{
    std::vector<CommitResult> results(batch.size());
    bool any = false;
    for (size_t i = 0; i < batch.size(); ++i) {
        results[i].id = batch[i].message->id();
        results[i].ok = stageEnvelope(batch[i], &results[i].error);
        results[i].outOfSpace =
            !results[i].ok && (fsutil::isOutOfSpace(errno) || batch[i].message->outOfSpace());
        any = any || results[i].ok;
    }
    // One fsync of the folder makes every rename of the batch durable.
    QString dirError;
    if (any && !fsutil::fsyncDirectory(queueDir(), &dirError)) {
        for (size_t i = 0; i < batch.size(); ++i) {
            if (results[i].ok) {
                // Not durable, so not acknowledged: take the entry back out of the queue.
                const QString id = batch[i].message->id();
                ::unlink(encodeName(queueDir() + u'/' + id + u".env"_s).constData());
                ::unlink(encodeName(messagePath(id)).constData());
                results[i] = CommitResult{false, dirError, id};
            }
        }
    }
    // Hand-overs are remembered once their messages are durable and before the 250: a
    // repeat is then recognised, and a crash in between leaves them in the envelopes, which
    // recover() records.
    std::vector<std::pair<QString, QStringList>> handovers;
    for (size_t i = 0; i < batch.size(); ++i) {
        if (results[i].ok && !batch[i].handover.isEmpty())
            handovers.emplace_back(batch[i].handover, batch[i].recipients);
    }
    QString handoverError;
    if (!handovers.empty() && !m_handovers.record(handovers, &handoverError))
        log::error(u"spool"_s, u"cannot record hand-overs: "_s + handoverError);
    for (size_t i = 0; i < batch.size(); ++i) {
        Job &job = batch[i];
        const QString id = job.message->id();
        if (results[i].ok)
            emit committed(id);
        else
            log::error(u"spool"_s, u"commit failed: "_s + results[i].error, id);
        if (job.context && job.done) {
            QMetaObject::invokeMethod(
                job.context, [done = std::move(job.done), r = results[i]] { done(r); },
                Qt::QueuedConnection);
        }
    }
}

CommitResult Spool::commitNow(const QByteArray &bytes, Envelope envelope)
{
    QString error;
    auto message = begin(&error, envelope.id);
    if (!message)
        return {false, error, {}};
    envelope.id = message->id();
    envelope.size = bytes.size();
    message->write(bytes);
    message->flush();
    Job job{std::move(message), serialize(envelope), nullptr, {}, {}, {}};
    if (!stageEnvelope(job, &error) || !fsutil::fsyncDirectory(queueDir(), &error))
        return {false, error, {}};
    return {true, {}, envelope.id};
}

Spool::Recovery Spool::recover()
{
    Recovery r;
    const QDir tmp(m_dir + u"/tmp"_s);
    for (const QString &name : tmp.entryList(QDir::Files | QDir::Hidden)) {
        QFile::remove(tmp.filePath(name));
        if (name.endsWith(u".msg"_s))
            ++r.discarded;
    }
    const QDir queue(queueDir());
    const QStringList names = queue.entryList(QDir::Files | QDir::Hidden, QDir::Name);
    QSet<QString> envelopes;
    for (const QString &name : names) {
        if (name.endsWith(u".env"_s))
            envelopes.insert(name.chopped(4));
    }
    for (const QString &name : names) {
        const QString id = name.section(u'.', 0, 0);
        if (name.startsWith(u'.') || (!envelopes.contains(id) && !name.endsWith(u".env"_s))) {
            // A message renamed in without its envelope was never acknowledged; a .done
            // without an envelope is the remainder of a finished entry.
            QFile::remove(queue.filePath(name));
            if (name.endsWith(u".msg"_s))
                ++r.discarded;
        }
    }
    QStringList ids = envelopes.values();
    ids.sort();
    std::vector<std::pair<QString, QStringList>> handovers;
    for (const QString &id : std::as_const(ids)) {
        QString error;
        std::optional<Envelope> envelope;
        if (!QFile::exists(messagePath(id))) {
            moveToCorrupt(id, u"message file missing"_s);
            r.corrupted.append(id);
        } else if (envelope = loadEnvelope(id, &error); !envelope) {
            moveToCorrupt(id, error);
            r.corrupted.append(id);
        } else {
            r.resume.append(id);
            if (!envelope->handover.isEmpty())
                handovers.emplace_back(envelope->handover, envelope->recipients);
        }
    }
    // Committed, perhaps without their line in the log (a crash before it was written).
    QString error;
    if (!handovers.empty() && !m_handovers.record(handovers, &error))
        log::error(u"spool"_s, u"cannot record hand-overs: "_s + error);
    return r;
}

std::optional<Envelope> Spool::loadEnvelope(const QString &id, QString *error) const
{
    QFile file(queueDir() + u'/' + id + u".env"_s);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return std::nullopt;
    }
    auto envelope = deserialize(file.readAll(), error);
    if (envelope && envelope->id != id) {
        *error = u"envelope names another id"_s;
        return std::nullopt;
    }
    return envelope;
}

QSet<int> Spool::completedActions(const QString &id) const
{
    QSet<int> done;
    QFile file(queueDir() + u'/' + id + u".done"_s);
    if (!file.open(QIODevice::ReadOnly))
        return done;
    const QByteArray bytes = file.readAll();
    const QList<QByteArray> lines = bytes.split('\n');
    // The last element is what follows the final newline: a line cut short by a crash.
    for (qsizetype i = 0; i + 1 < lines.size(); ++i) {
        bool ok = false;
        const int n = lines.at(i).toInt(&ok);
        if (ok)
            done.insert(n);
    }
    return done;
}

bool Spool::markCompleted(const QString &id, int action, QString *error)
{
    return fsutil::appendDurably(queueDir() + u'/' + id + u".done"_s,
                                 QByteArray::number(action) + '\n', error);
}

void Spool::recordWait(const QString &id, const Wait &wait)
{
    const QJsonObject o{{u"attempts"_s, wait.attempts},
                        {u"last_attempt"_s, wait.lastAttempt.toString(Qt::ISODateWithMs)},
                        {u"next_attempt"_s, wait.nextAttempt.toString(Qt::ISODateWithMs)},
                        {u"error"_s, wait.error},
                        {u"held"_s, wait.held}};
    // Written whole under a temporary name: a crash leaves the old record or the new one. No
    // fsync of the folder: the message itself is safe either way, and the disk may be the
    // thing that is failing.
    QString error;
    if (!fsutil::writeDurably(queueDir() + u'/' + id + u".wait"_s, QJsonDocument(o).toJson(),
                              &error, false))
        log::warning(u"spool"_s, u"cannot record why the message waits: "_s + error, id);
}

std::optional<Spool::Wait> Spool::waitRecord(const QString &id) const
{
    QFile file(queueDir() + u'/' + id + u".wait"_s);
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    const QJsonObject o = QJsonDocument::fromJson(file.readAll()).object();
    Wait w;
    w.attempts = o.value(u"attempts"_s).toInt();
    w.lastAttempt = QDateTime::fromString(o.value(u"last_attempt"_s).toString(), Qt::ISODateWithMs);
    w.nextAttempt = QDateTime::fromString(o.value(u"next_attempt"_s).toString(), Qt::ISODateWithMs);
    w.error = o.value(u"error"_s).toString();
    w.held = o.value(u"held"_s).toBool();
    return w;
}

QStringList Spool::pendingIds() const
{
    QStringList ids;
    for (const QString &name : QDir(queueDir()).entryList({u"*.env"_s}, QDir::Files, QDir::Name))
        ids.append(name.chopped(4));
    return ids;
}

bool Spool::exists(const QString &id) const
{
    return QFile::exists(queueDir() + u'/' + id + u".env"_s);
}

void Spool::remove(const QString &id)
{
    for (const QString &ext : {u".env"_s, u".done"_s, u".wait"_s, u".msg"_s})
        QFile::remove(queueDir() + u'/' + id + ext);
}

void Spool::moveToCorrupt(const QString &id, const QString &why)
{
    const QString corrupt = m_dir + u"/corrupt/"_s;
    for (const QString &ext : {u".msg"_s, u".done"_s, u".wait"_s, u".env"_s}) {
        const QString from = queueDir() + u'/' + id + ext;
        if (QFile::exists(from)) {
            QString ignored;
            renameFile(from, corrupt + id + ext, &ignored);
        }
    }
    QString error;
    fsutil::writeDurably(corrupt + id + u".why"_s, why.toUtf8() + '\n', &error);
    log::error(u"spool"_s, u"entry moved to corrupt/: "_s + why, id);
}

} // namespace tandem::spool
