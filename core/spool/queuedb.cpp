#include "queuedb.h"

#include "util/log.h"
#include "util/sqlitestmt.h"

#include <QDir>
#include <QFile>
#include <QHash>

#include <pthread.h>
#include <sqlite3.h>

using namespace Qt::StringLiterals;

namespace tandem::spool {

namespace {

// messages and outbox are rowid tables: a small message's row (its bytes and record, more than
// 1 KiB) stays in its leaf page, where a WITHOUT ROWID table (whose rows are limited to a quarter
// of a page) spilled every one into an overflow page of its own: a page more in the log for each
// insert, and the free list's pages for each delete.
constexpr char kSchema[] = R"(
CREATE TABLE IF NOT EXISTS messages (id TEXT PRIMARY KEY, envelope BLOB NOT NULL, body BLOB);
CREATE TABLE IF NOT EXISTS done (id TEXT NOT NULL, action INTEGER NOT NULL,
                                 PRIMARY KEY (id, action)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS outbox (id TEXT PRIMARY KEY, record BLOB NOT NULL, body BLOB);
)";

QByteArray readFile(const QString &path, bool *ok)
{
    QFile file(path);
    *ok = file.open(QIODevice::ReadOnly);
    return *ok ? file.readAll() : QByteArray();
}

} // namespace

bool QueueDb::toRowidTable(const char *table, const char *columns, QString *error)
{
    {
        sqlite::Stmt definition(m_db,
                                "SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = ?");
        if (definition.bind(1, QString::fromLatin1(table)).step() != SQLITE_ROW ||
            !definition.text(0).contains(u"WITHOUT ROWID"_s, Qt::CaseInsensitive))
            return true;
    }
    const QByteArray t(table);
    const QByteArray c(columns);
    Transaction move(*this);
    if (!move.ok()) {
        *error = move.error();
        return false;
    }
    return exec(("CREATE TABLE " + t + "_rowid (" + c + "); INSERT INTO " + t +
                 "_rowid SELECT * FROM " + t + "; DROP TABLE " + t + "; ALTER TABLE " + t +
                 "_rowid RENAME TO " + t + ";")
                    .constData(),
                error) &&
           move.commit(error);
}

bool QueueDb::addColumn(const char *table, const char *column, const char *type, QString *error)
{
    sqlite::Stmt columns(m_db, QByteArray("PRAGMA table_info(") + table + ')');
    while (columns.step() == SQLITE_ROW) {
        if (columns.text(1) == QLatin1StringView(column))
            return true;
    }
    return exec(
        QByteArray(QByteArray("ALTER TABLE ") + table + " ADD COLUMN " + column + ' ' + type)
            .constData(),
        error);
}

std::shared_ptr<QueueDb> QueueDb::open(const QString &spoolDir, QString *error)
{
    if (!QDir(spoolDir).exists()) {
        *error = u"%1 does not exist"_s.arg(spoolDir);
        return nullptr;
    }
    // One connection per database in a process: the Spool's and the Outbox's transactions
    // join one another, and never wait for each other's write lock.
    static std::mutex registryMutex;
    static QHash<QString, std::weak_ptr<QueueDb>> registry;
    const QString path = QDir(spoolDir).absoluteFilePath(u"queue.db"_s);
    std::lock_guard registryLock(registryMutex);
    if (auto existing = registry.value(path).lock())
        return existing;
    std::shared_ptr<QueueDb> db(new QueueDb);
    db->m_path = path;
    if (sqlite3_open_v2(QFile::encodeName(db->m_path).constData(), &db->m_db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX,
                        nullptr) != SQLITE_OK) {
        *error = u"cannot open %1: %2"_s.arg(db->m_path, db->lastError());
        return nullptr;
    }
    // Another process (tandemd queue, the console) may hold the database for a moment.
    sqlite3_busy_timeout(db->m_db, 30000);
    // A page cache of 512 KiB (SQLite's default is 2 MiB per connection): what is read back
    // is the rows of the last few hundred messages, and since small messages' bytes are in
    // their rows the default cache filled with them, 1.5 MiB more of every daemon's memory.
    if (!db->exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA cache_size=-512;",
                  error) ||
        !db->exec(kSchema, error))
        return nullptr;
    const int have = [&] {
        sqlite::Stmt version(db->m_db, "PRAGMA user_version");
        return version.step() == SQLITE_ROW ? int(version.integer(0)) : 0;
    }();
    if (have > kSchemaVersion) {
        *error = u"%1 was written by a newer Tandem (queue schema %2; this one reads %3)"_s
                     .arg(db->m_path)
                     .arg(have)
                     .arg(kSchemaVersion);
        return nullptr;
    }
    // Schema 2: a small message's bytes in its row and its Outbox entries' (kInlineBytes).
    if (have < 2 && (!db->addColumn("messages", "body", "BLOB", error) ||
                     !db->addColumn("outbox", "body", "BLOB", error)))
        return nullptr;
    // Schema 3: messages and outbox as rowid tables (above).
    if (have < 3 &&
        (!db->toRowidTable("messages", "id TEXT PRIMARY KEY, envelope BLOB NOT NULL, body BLOB",
                           error) ||
         !db->toRowidTable("outbox", "id TEXT PRIMARY KEY, record BLOB NOT NULL, body BLOB",
                           error)))
        return nullptr;
    if (have < kSchemaVersion &&
        !db->exec(
            QByteArray("PRAGMA user_version=" + QByteArray::number(kSchemaVersion)).constData(),
            error))
        return nullptr;
    if (!db->importOlderLayout(spoolDir, error))
        return nullptr;
    // Replaces SQLite's automatic checkpoint for this connection (see the header).
    sqlite3_wal_hook(db->m_db, &QueueDb::walHook, db.get());
    registry.insert(path, db);
    return db;
}

QueueDb::~QueueDb()
{
    {
        std::lock_guard lock(m_checkpointMutex);
        m_closing = true;
    }
    m_checkpointWake.notify_all();
    if (m_checkpointer.joinable())
        m_checkpointer.join();
    m_statements.clear();
    // The last connection to a database checkpoints all of its log as it closes.
    sqlite3_close_v2(m_db);
}

int QueueDb::walHook(void *self, sqlite3 *, const char *, int pages)
{
    // On the committing thread, inside its COMMIT: only wake the checkpointer.
    auto *db = static_cast<QueueDb *>(self);
    if (pages < kCheckpointPages)
        return SQLITE_OK;
    {
        std::lock_guard lock(db->m_checkpointMutex);
        if (db->m_closing)
            return SQLITE_OK;
        db->m_checkpointWanted = true;
        if (!db->m_checkpointer.joinable())
            db->m_checkpointer = std::thread([db] { db->checkpointerLoop(); });
    }
    db->m_checkpointWake.notify_one();
    return SQLITE_OK;
}

quint64 QueueDb::checkpoints() const
{
    std::lock_guard lock(m_checkpointMutex);
    return m_checkpoints;
}

bool QueueDb::checkpointOnce(sqlite3 *connection, bool *complete)
{
    int logFrames = 0;
    int copied = 0;
    const int rc = sqlite3_wal_checkpoint_v2(connection, nullptr, SQLITE_CHECKPOINT_PASSIVE,
                                             &logFrames, &copied);
    *complete = rc == SQLITE_OK && copied == logFrames;
    if (rc != SQLITE_OK && rc != SQLITE_BUSY) {
        log::warning(u"spool"_s, u"checkpoint of %1 failed: %2"_s.arg(
                                     m_path, QString::fromUtf8(sqlite3_errmsg(connection))));
        return false;
    }
    return rc == SQLITE_OK;
}

void QueueDb::checkpointerLoop()
{
    ::pthread_setname_np(::pthread_self(), "tandem-ckpt");
    sqlite3 *connection = nullptr;
    if (sqlite3_open_v2(QFile::encodeName(m_path).constData(), &connection,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nullptr) != SQLITE_OK) {
        log::warning(u"spool"_s, u"cannot open %1 for checkpoints: %2"_s.arg(
                                     m_path, QString::fromUtf8(sqlite3_errmsg(connection))));
        sqlite3_close_v2(connection);
        // Back to SQLite's own checkpoints in the commits.
        std::lock_guard lock(m_mutex);
        sqlite3_wal_autocheckpoint(m_db, kCheckpointPages);
        return;
    }
    sqlite3_exec(connection, "PRAGMA synchronous=FULL", nullptr, nullptr, nullptr);
    for (;;) {
        {
            std::unique_lock lock(m_checkpointMutex);
            m_checkpointWake.wait(lock, [this] { return m_closing || m_checkpointWanted; });
            if (m_closing)
                break;
            m_checkpointWanted = false;
        }
        // The log's pages go into the database while commits go on appending to the log.
        bool complete = false;
        if (!checkpointOnce(connection, &complete))
            continue;
        // SQLite starts the log again from its beginning only when all of it is in the
        // database: the pages appended meanwhile (a few) are copied with the commits held
        // for that moment, or the log would grow for as long as the load lasts.
        if (!complete) {
            std::lock_guard hold(m_mutex);
            checkpointOnce(connection, &complete);
        }
        std::lock_guard lock(m_checkpointMutex);
        ++m_checkpoints;
    }
    sqlite3_close_v2(connection);
}

bool QueueDb::exec(const char *sql, QString *error)
{
    std::lock_guard lock(m_mutex);
    char *message = nullptr;
    if (sqlite3_exec(m_db, sql, nullptr, nullptr, &message) != SQLITE_OK) {
        *error = u"%1: %2"_s.arg(m_path, QString::fromUtf8(message));
        sqlite3_free(message);
        return false;
    }
    return true;
}

std::optional<QByteArray> QueueDb::blob(const char *sql, const QString &id)
{
    std::lock_guard lock(m_mutex);
    auto row = prepare(sql);
    if (row.bind(1, id).step() != SQLITE_ROW)
        return std::nullopt;
    return row.blob(0);
}

QString QueueDb::lastError() const
{
    return QString::fromUtf8(sqlite3_errmsg(m_db));
}

bool QueueDb::importOlderLayout(const QString &spoolDir, QString *error)
{
    // Spools written before the database: queue/<id>.env with queue/<id>.done beside it, and
    // outbox/<entry>.entry. Their rows are written first, the files removed after the commit;
    // a crash in between imports them again (INSERT OR IGNORE).
    const QDir queue(spoolDir + u"/queue"_s);
    const QDir outbox(spoolDir + u"/outbox"_s);
    const QStringList envelopes = queue.entryList({u"*.env"_s, u"*.done"_s}, QDir::Files);
    const QStringList entries = outbox.entryList({u"*.entry"_s}, QDir::Files);
    if (envelopes.isEmpty() && entries.isEmpty())
        return true;
    QStringList imported;
    {
        Transaction t(*this);
        if (!t.ok()) {
            *error = t.error();
            return false;
        }
        for (const QString &name : envelopes) {
            bool ok = false;
            const QByteArray bytes = readFile(queue.filePath(name), &ok);
            if (!ok)
                continue;
            const QString id = name.section(u'.', 0, 0);
            if (name.endsWith(u".env"_s)) {
                sqlite::Stmt insert(m_db,
                                    "INSERT OR IGNORE INTO messages (id, envelope) VALUES (?, ?)");
                if (insert.bind(1, id).bindBlob(2, bytes).step() != SQLITE_DONE) {
                    *error = u"%1: %2"_s.arg(m_path, insert.lastError());
                    return false;
                }
            } else {
                // A line cut short by a crash (no newline after it) was never complete.
                const QList<QByteArray> lines = bytes.split('\n');
                for (qsizetype i = 0; i + 1 < lines.size(); ++i) {
                    bool number = false;
                    const int action = lines.at(i).toInt(&number);
                    sqlite::Stmt insert(m_db,
                                        "INSERT OR IGNORE INTO done (id, action) VALUES (?, ?)");
                    if (number && insert.bind(1, id).bind(2, action).step() != SQLITE_DONE) {
                        *error = u"%1: %2"_s.arg(m_path, insert.lastError());
                        return false;
                    }
                }
            }
            imported.append(queue.filePath(name));
        }
        for (const QString &name : entries) {
            bool ok = false;
            const QByteArray bytes = readFile(outbox.filePath(name), &ok);
            if (!ok)
                continue;
            sqlite::Stmt insert(m_db, "INSERT OR IGNORE INTO outbox (id, record) VALUES (?, ?)");
            if (insert.bind(1, name.chopped(6)).bindBlob(2, bytes).step() != SQLITE_DONE) {
                *error = u"%1: %2"_s.arg(m_path, insert.lastError());
                return false;
            }
            imported.append(outbox.filePath(name));
        }
        if (!t.commit(error))
            return false;
    }
    for (const QString &path : std::as_const(imported))
        QFile::remove(path);
    log::info(u"spool"_s,
              u"moved %1 record file(s) of the older spool layout into %2"_s.arg(imported.size())
                  .arg(m_path));
    return true;
}

QueueDb::Transaction::Transaction(QueueDb &db)
    : m_db(db)
    , m_lock(db.m_mutex)
{
    m_outermost = m_db.m_depth == 0;
    ++m_db.m_depth;
    if (m_outermost) {
        m_db.m_failed = false;
        // IMMEDIATE: the write lock now, so that another process's writer makes this one wait
        // (busy timeout) here rather than fail at the first write.
        m_ok = m_db.exec("BEGIN IMMEDIATE", &m_error);
    }
}

QueueDb::Transaction::~Transaction()
{
    if (!m_done) {
        if (m_outermost) {
            QString ignored;
            if (m_ok)
                m_db.exec("ROLLBACK", &ignored);
        } else {
            m_db.m_failed = true;
        }
    }
    --m_db.m_depth;
}

bool QueueDb::Transaction::commit(QString *error)
{
    m_done = true;
    if (!m_ok) {
        *error = m_error;
        return false;
    }
    if (!m_outermost)
        return true;
    QString why;
    bool ok = !m_db.m_failed;
    if (!ok)
        why = u"a part of the transaction failed"_s;
    if (ok)
        ok = m_db.exec("COMMIT", &why);
    if (!ok) {
        QString ignored;
        m_db.exec("ROLLBACK", &ignored);
        *error = why;
    }
    return ok;
}

} // namespace tandem::spool
