#include "queuedb.h"

#include "util/log.h"
#include "util/sqlitestmt.h"

#include <QDir>
#include <QFile>
#include <QHash>

#include <sqlite3.h>

using namespace Qt::StringLiterals;

namespace tandem::spool {

namespace {

constexpr char kSchema[] = R"(
CREATE TABLE IF NOT EXISTS messages (id TEXT PRIMARY KEY, envelope BLOB NOT NULL, body BLOB)
    WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS done (id TEXT NOT NULL, action INTEGER NOT NULL,
                                 PRIMARY KEY (id, action)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS outbox (id TEXT PRIMARY KEY, record BLOB NOT NULL, body BLOB)
    WITHOUT ROWID;
)";

QByteArray readFile(const QString &path, bool *ok)
{
    QFile file(path);
    *ok = file.open(QIODevice::ReadOnly);
    return *ok ? file.readAll() : QByteArray();
}

} // namespace

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
    sqlite::Stmt version(db->m_db, "PRAGMA user_version");
    const int have = version.step() == SQLITE_ROW ? int(version.integer(0)) : 0;
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
    if (have < kSchemaVersion &&
        !db->exec(
            QByteArray("PRAGMA user_version=" + QByteArray::number(kSchemaVersion)).constData(),
            error))
        return nullptr;
    if (!db->importOlderLayout(spoolDir, error))
        return nullptr;
    registry.insert(path, db);
    return db;
}

QueueDb::~QueueDb()
{
    m_statements.clear();
    sqlite3_close_v2(m_db);
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
