#include "spool.h"

#include "util/log.h"
#include "util/sqlitestmt.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <fcntl.h>
#include <pthread.h>
#include <sqlite3.h>
#include <sys/stat.h>
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
    , m_pool(std::make_shared<FilePool>(directory + u"/free"_s))
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
    if (!m_handovers.open(error, timeScale) || !m_pool->open(error))
        return false;
    {
        std::lock_guard lock(m_dbMutex);
        if (!m_db && !(m_db = QueueDb::open(m_dir, error)))
            return false;
    }
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
        message->m_path = messagePath(message->m_id);
        message->m_fd = m_pool->take(message->m_path);
        message->m_pooled = message->m_fd.isValid();
        if (!message->m_fd.isValid())
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
    // A small message is all in its buffer still: the bytes go in its row as well.
    QByteArray body;
    if (!message->failed() && message->m_size > 0 && message->m_size <= kInlineBytes &&
        message->m_buffer.size() == message->m_size)
        body = message->m_buffer;
    message->flush();
    // A file to be flushed starts its writeback now, while the writer may still be busy with
    // the batch before: by the time its fsync comes, its data is mostly on its way or written.
    if (!message->failed() && body.isNull())
        ::sync_file_range(message->m_fd.get(), 0, 0, SYNC_FILE_RANGE_WRITE);
    Job job{std::move(message), serialize(envelope), context, std::move(done),
            envelope.handover,  envelope.recipients, body};
    {
        std::lock_guard lock(m_mutex);
        m_pending.push_back(std::move(job));
    }
    m_wake.notify_one();
}

void Spool::writerLoop()
{
    // Named like the engine's other threads, for top -H and perf.
    ::pthread_setname_np(::pthread_self(), "tandem-spool");
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

std::shared_ptr<QueueDb> Spool::db() const
{
    std::lock_guard lock(m_dbMutex);
    if (!m_db) {
        QString error;
        m_db = QueueDb::open(m_dir, &error);
        if (!m_db)
            log::error(u"spool"_s, u"cannot open the queue's database: "_s + error);
    }
    return m_db;
}

bool Spool::finishMessage(IncomingMessage &m, bool inlined, QString *error)
{
    if (m.failed()) {
        *error = m.error();
        return false;
    }
    // A file from the pool may be longer than this message: its tail goes. (A new file is
    // as long as what was written.)
    struct stat st;
    if (m.m_pooled && (::fstat(m.m_fd.get(), &st) != 0 ||
                       (st.st_size > m.m_size && ::ftruncate(m.m_fd.get(), m.m_size) != 0))) {
        *error = u"cannot cut %1 to its length: %2"_s.arg(m.m_path, fsutil::errnoText(errno));
        return false;
    }
    return (inlined || fsutil::fsyncFd(m.m_fd.get(), error)) && m.m_fd.close(error);
}

bool Spool::insertEnvelopes(const std::vector<Row> &rows, bool syncFolder, QString *error)
{
    const auto queueDb = db();
    if (!queueDb) {
        *error = u"the queue's database cannot be opened"_s;
        return false;
    }
    // Flushed message files' names in queue/ are made durable first (and before the database
    // is held): a row commits its message.
    if (syncFolder && !fsutil::fsyncDirectory(queueDir(), error))
        return false;
    QueueDb::Transaction t(*queueDb);
    for (const Row &row : rows) {
        auto insert =
            queueDb->prepare("INSERT INTO messages (id, envelope, body) VALUES (?, ?, ?)");
        if (insert.bind(1, row.id).bindBlob(2, row.envelope).bindBlobOrNull(3, row.body).step() !=
            SQLITE_DONE) {
            *error = u"%1: %2"_s.arg(queueDb->path(), insert.lastError());
            return false;
        }
    }
    return t.commit(error);
}

void Spool::commitBatch(std::deque<Job> &batch)
{
    std::vector<CommitResult> results(batch.size());
    std::vector<Row> rows;
    bool flushedFiles = false;
    for (size_t i = 0; i < batch.size(); ++i) {
        const bool inlined = !batch[i].body.isNull();
        results[i].id = batch[i].message->id();
        results[i].ok = finishMessage(*batch[i].message, inlined, &results[i].error);
        results[i].outOfSpace =
            !results[i].ok && (fsutil::isOutOfSpace(errno) || batch[i].message->outOfSpace());
        if (results[i].ok) {
            rows.push_back({results[i].id, batch[i].envelope, batch[i].body});
            flushedFiles = flushedFiles || !inlined;
        }
    }
    // One transaction (and one fsync of the folder, when a file was flushed) makes the whole
    // batch durable.
    QString dbError;
    if (!rows.empty() && !insertEnvelopes(rows, flushedFiles, &dbError)) {
        for (size_t i = 0; i < batch.size(); ++i) {
            if (results[i].ok) // not durable, so not acknowledged; the file goes with its message
                results[i] = CommitResult{false, dbError, batch[i].message->id()};
        }
    }
    for (size_t i = 0; i < batch.size(); ++i)
        batch[i].message->m_committed = results[i].ok;
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
    const bool inlined = !bytes.isEmpty() && bytes.size() <= kInlineBytes;
    if (!finishMessage(*message, inlined, &error) ||
        !insertEnvelopes({{envelope.id, serialize(envelope), inlined ? bytes : QByteArray()}},
                         !inlined, &error))
        return {false, error, {}};
    message->m_committed = true;
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
    const auto queueDb = db();
    if (!queueDb)
        return r;
    QHash<QString, QByteArray> envelopes;
    QSet<QString> inlined; // small messages, whose rows keep their bytes
    {
        std::lock_guard lock(queueDb->mutex());
        auto rows = queueDb->prepare("SELECT id, envelope, body IS NOT NULL FROM messages");
        while (rows.step() == SQLITE_ROW) {
            envelopes.insert(rows.text(0), rows.blob(1));
            if (rows.integer(2))
                inlined.insert(rows.text(0));
        }
    }
    const QDir queue(queueDir());
    QSet<QString> waitFiles;
    for (const QString &name : queue.entryList(QDir::Files | QDir::Hidden)) {
        const QString id = name.section(u'.', 0, 0);
        if (name.startsWith(u'.') || !envelopes.contains(id)) {
            // A message whose envelope was never committed was never acknowledged.
            QFile::remove(queue.filePath(name));
            if (name.endsWith(u".msg"_s))
                ++r.discarded;
        } else if (name.endsWith(u".wait"_s)) {
            waitFiles.insert(id);
        }
    }
    {
        std::lock_guard lock(m_waitMutex);
        m_waitFiles.unite(waitFiles);
        m_knowsWaitFiles = true;
    }
    QStringList ids = envelopes.keys();
    ids.sort();
    std::vector<std::pair<QString, QStringList>> handovers;
    int restored = 0;
    for (const QString &id : std::as_const(ids)) {
        QString error;
        std::optional<Envelope> envelope;
        // A small message's file was never flushed: a crash of the machine may have lost some
        // or all of it, and its row has the bytes. (Not one read of the file comes before.)
        bool rewritten = false;
        if (inlined.contains(id) &&
            !fsutil::restoreFile(messagePath(id), rowBody(id), &rewritten, &error))
            log::error(u"spool"_s, u"cannot write the message file again: "_s + error, id);
        restored += rewritten;
        if (!QFile::exists(messagePath(id))) {
            moveToCorrupt(id, u"message file missing"_s);
            r.corrupted.append(id);
        } else if (envelope = decodeEnvelope(id, envelopes.value(id), &error); !envelope) {
            moveToCorrupt(id, error);
            r.corrupted.append(id);
        } else {
            r.resume.append(id);
            if (!envelope->handover.isEmpty())
                handovers.emplace_back(envelope->handover, envelope->recipients);
        }
    }
    // An Outbox file without its entry's row: the entry was delivered (or moved to corrupt/)
    // when the process died, after its row went and before its file was given back.
    QSet<QString> entries;
    {
        std::lock_guard lock(queueDb->mutex());
        auto rows = queueDb->prepare("SELECT id FROM outbox");
        while (rows.step() == SQLITE_ROW)
            entries.insert(rows.text(0));
    }
    const QDir outbox(outboxDir());
    for (const QString &name : outbox.entryList({u"*.msg"_s}, QDir::Files)) {
        if (!entries.contains(name.chopped(4)))
            m_pool->release(outbox.filePath(name));
    }
    if (restored) {
        QString error;
        if (!fsutil::fsyncDirectory(queueDir(), &error))
            log::error(u"spool"_s, error);
        log::warning(u"spool"_s, u"recovery: %1 message file(s) written again from the queue's "
                                 "database (their unflushed bytes were lost)"_s.arg(restored));
    }
    {
        // Completion marks of messages that finished (their rows go with the envelope's, but a
        // crash may leave them).
        QString error;
        QueueDb::Transaction t(*queueDb);
        if (!queueDb->exec("DELETE FROM done WHERE id NOT IN (SELECT id FROM messages)", &error) ||
            !t.commit(&error))
            log::warning(u"spool"_s, u"cannot tidy the completion marks: "_s + error);
    }
    // Committed, perhaps without their line in the log (a crash before it was written).
    QString error;
    if (!handovers.empty() && !m_handovers.record(handovers, &error))
        log::error(u"spool"_s, u"cannot record hand-overs: "_s + error);
    return r;
}

std::optional<Envelope> Spool::decodeEnvelope(const QString &id, const QByteArray &bytes,
                                              QString *error)
{
    auto envelope = deserialize(bytes, error);
    if (envelope && envelope->id != id) {
        *error = u"envelope names another id"_s;
        return std::nullopt;
    }
    return envelope;
}

std::optional<QByteArray> Spool::envelopeBytes(const QString &id) const
{
    const auto queueDb = db();
    if (!queueDb)
        return std::nullopt;
    return queueDb->blob("SELECT envelope FROM messages WHERE id = ?", id);
}

QByteArray Spool::rowBody(const QString &id) const
{
    // SQLite gives a NULL column as a null pointer, hence a null QByteArray (a body is never
    // empty).
    const auto queueDb = db();
    return queueDb
               ? queueDb->blob("SELECT body FROM messages WHERE id = ?", id).value_or(QByteArray())
               : QByteArray();
}

std::optional<Envelope> Spool::loadEnvelope(const QString &id, QString *error, bool *missing) const
{
    const auto bytes = envelopeBytes(id);
    if (missing)
        *missing = !bytes;
    if (!bytes) {
        *error = u"no envelope for %1 in the queue"_s.arg(id);
        return std::nullopt;
    }
    return decodeEnvelope(id, *bytes, error);
}

QSet<int> Spool::completedActions(const QString &id) const
{
    QSet<int> done;
    const auto queueDb = db();
    if (!queueDb)
        return done;
    std::lock_guard lock(queueDb->mutex());
    auto rows = queueDb->prepare("SELECT action FROM done WHERE id = ?");
    rows.bind(1, id);
    while (rows.step() == SQLITE_ROW)
        done.insert(int(rows.integer(0)));
    return done;
}

bool Spool::markCompleted(const QString &id, int action, QString *error)
{
    return markCompleted({{id, action}}, error);
}

bool Spool::markCompleted(const QList<QPair<QString, int>> &marks, QString *error)
{
    if (marks.isEmpty())
        return true;
    const auto queueDb = db();
    if (!queueDb) {
        *error = u"the queue's database cannot be opened"_s;
        return false;
    }
    QueueDb::Transaction t(*queueDb);
    for (const auto &[id, action] : marks) {
        auto insert = queueDb->prepare("INSERT OR IGNORE INTO done (id, action) VALUES (?, ?)");
        if (insert.bind(1, id).bind(2, action).step() != SQLITE_DONE) {
            *error = u"%1: %2"_s.arg(queueDb->path(), insert.lastError());
            return false;
        }
    }
    return t.commit(error);
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
    {
        std::lock_guard lock(m_waitMutex);
        m_waitFiles.insert(id);
    }
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
    const auto queueDb = db();
    if (!queueDb)
        return ids;
    std::lock_guard lock(queueDb->mutex());
    auto rows = queueDb->prepare("SELECT id FROM messages ORDER BY id");
    while (rows.step() == SQLITE_ROW)
        ids.append(rows.text(0));
    return ids;
}

bool Spool::exists(const QString &id) const
{
    const auto queueDb = db();
    if (!queueDb)
        return false;
    std::lock_guard lock(queueDb->mutex());
    auto row = queueDb->prepare("SELECT 1 FROM messages WHERE id = ?");
    return row.bind(1, id).step() == SQLITE_ROW;
}

void Spool::remove(const QString &id)
{
    remove(QStringList{id});
}

void Spool::remove(const QStringList &ids)
{
    if (ids.isEmpty())
        return;
    // The rows first: without its envelope a message no longer exists, and recovery removes a
    // file left behind.
    QString error;
    if (!deleteRows(ids, &error))
        log::error(u"spool"_s, u"cannot remove finished messages: "_s + error);
    for (const QString &id : ids) {
        bool waited = true;
        {
            std::lock_guard lock(m_waitMutex);
            waited = m_waitFiles.remove(id) || !m_knowsWaitFiles;
        }
        if (waited)
            ::unlink(encodeName(queueDir() + u'/' + id + u".wait"_s).constData());
        m_pool->release(messagePath(id));
    }
}

bool Spool::deleteRows(const QStringList &ids, QString *error)
{
    const auto queueDb = db();
    if (!queueDb) {
        *error = u"the queue's database cannot be opened"_s;
        return false;
    }
    QueueDb::Transaction t(*queueDb);
    for (const QString &id : ids) {
        for (const char *sql :
             {"DELETE FROM messages WHERE id = ?", "DELETE FROM done WHERE id = ?"}) {
            auto erase = queueDb->prepare(sql);
            if (erase.bind(1, id).step() != SQLITE_DONE) {
                *error = u"%1: %2"_s.arg(queueDb->path(), erase.lastError());
                return false;
            }
        }
    }
    return t.commit(error);
}

void Spool::moveToCorrupt(const QString &id, const QString &why)
{
    const QString corrupt = m_dir + u"/corrupt/"_s;
    QString error;
    if (const auto bytes = envelopeBytes(id))
        fsutil::writeDurably(corrupt + id + u".env"_s, *bytes, &error);
    for (const QString &ext : {u".msg"_s, u".wait"_s}) {
        const QString from = queueDir() + u'/' + id + ext;
        if (QFile::exists(from)) {
            QString ignored;
            renameFile(from, corrupt + id + ext, &ignored);
        }
    }
    // A small message's bytes are durable in its row, not in its file.
    if (const QByteArray body = rowBody(id); !body.isNull())
        fsutil::writeDurably(corrupt + id + u".msg"_s, body, &error);
    if (!deleteRows({id}, &error))
        log::error(u"spool"_s, u"cannot remove the entry from the queue: "_s + error, id);
    fsutil::writeDurably(corrupt + id + u".why"_s, why.toUtf8() + '\n', &error);
    log::error(u"spool"_s, u"entry moved to corrupt/: "_s + why, id);
}

} // namespace tandem::spool
