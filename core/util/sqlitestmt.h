#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>

#include <sqlite3.h>

#include <mutex>
#include <string>
#include <unordered_map>

// A prepared statement of the SQLite C API that finalizes itself; binds and reads by position
// (from 1 to bind, from 0 to read, as SQLite counts). The archive catalog's and search's, and
// the spool's queue database.
namespace tandem::sqlite {

class Stmt {
public:
    Stmt(sqlite3 *db, const char *sql)
        : Stmt(db, QByteArray(sql))
    {}
    Stmt(sqlite3 *db, const QByteArray &sql)
        : m_db(db)
    {
        if (sqlite3_prepare_v2(db, sql.constData(), int(sql.size()), &m_stmt, nullptr) != SQLITE_OK)
            m_stmt = nullptr;
    }
    // A statement its owner keeps prepared (spool::QueueDb::prepare): reset, not finalized,
    // when this one ends.
    Stmt(sqlite3 *db, sqlite3_stmt *kept)
        : m_db(db)
        , m_stmt(kept)
        , m_kept(true)
    {}
    ~Stmt()
    {
        if (!m_kept) {
            sqlite3_finalize(m_stmt);
        } else if (m_stmt) {
            sqlite3_reset(m_stmt);
            sqlite3_clear_bindings(m_stmt);
        }
    }
    Stmt(const Stmt &) = delete;
    Stmt &operator=(const Stmt &) = delete;
    bool ok() const { return m_stmt != nullptr; }

    Stmt &bind(int i, const QString &text)
    {
        const QByteArray utf8 = text.toUtf8();
        sqlite3_bind_text(m_stmt, i, utf8.constData(), int(utf8.size()), SQLITE_TRANSIENT);
        return *this;
    }
    Stmt &bind(int i, qint64 value)
    {
        sqlite3_bind_int64(m_stmt, i, value);
        return *this;
    }
    Stmt &bindBlob(int i, const QByteArray &bytes)
    {
        sqlite3_bind_blob(m_stmt, i, bytes.constData(), int(bytes.size()), SQLITE_TRANSIENT);
        return *this;
    }
    // NULL for a null QByteArray (an empty one is a blob of no bytes).
    Stmt &bindBlobOrNull(int i, const QByteArray &bytes)
    {
        if (bytes.isNull())
            sqlite3_bind_null(m_stmt, i);
        else
            bindBlob(i, bytes);
        return *this;
    }
    // Milliseconds since the epoch; NULL for an invalid time.
    Stmt &bindTime(int i, const QDateTime &time)
    {
        if (time.isValid())
            sqlite3_bind_int64(m_stmt, i, time.toMSecsSinceEpoch());
        else
            sqlite3_bind_null(m_stmt, i);
        return *this;
    }
    // SQLITE_ROW, SQLITE_DONE or an error code.
    int step() { return m_stmt ? sqlite3_step(m_stmt) : SQLITE_ERROR; }
    QString text(int i) const
    {
        return QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, i)),
                                 sqlite3_column_bytes(m_stmt, i));
    }
    qint64 integer(int i) const { return sqlite3_column_int64(m_stmt, i); }
    bool isNull(int i) const { return sqlite3_column_type(m_stmt, i) == SQLITE_NULL; }
    QByteArray blob(int i) const
    {
        return QByteArray(static_cast<const char *>(sqlite3_column_blob(m_stmt, i)),
                          sqlite3_column_bytes(m_stmt, i));
    }
    QDateTime time(int i) const
    {
        if (isNull(i))
            return {};
        return QDateTime::fromMSecsSinceEpoch(sqlite3_column_int64(m_stmt, i), Qt::UTC);
    }
    // What the database said of the last call that failed.
    QString lastError() const { return QString::fromUtf8(sqlite3_errmsg(m_db)); }

private:
    sqlite3 *m_db = nullptr;
    sqlite3_stmt *m_stmt = nullptr;
    bool m_kept = false;
};

// Statements prepared once per connection and kept for its life: parsing a statement again for
// every row cost more than running it (the queue's database, the archive catalog). clear() (or
// the destructor) must come before the connection closes. A statement still stepping (the same
// query nested in itself) gets a fresh one. Thread-safe; each statement is its caller's until
// it goes out of scope, under whatever lock guards the connection.
class StatementCache {
public:
    StatementCache() = default;
    ~StatementCache() { clear(); }
    StatementCache(const StatementCache &) = delete;
    StatementCache &operator=(const StatementCache &) = delete;

    Stmt prepare(sqlite3 *db, const char *sql)
    {
        std::lock_guard lock(m_mutex);
        auto it = m_statements.find(sql);
        if (it == m_statements.end()) {
            sqlite3_stmt *stmt = nullptr;
            if (sqlite3_prepare_v3(db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, nullptr) !=
                SQLITE_OK)
                return Stmt(db, sql); // fails the same way, and says why
            it = m_statements.emplace(sql, stmt).first;
        }
        if (sqlite3_stmt_busy(it->second))
            return Stmt(db, sql);
        return Stmt(db, it->second);
    }
    void clear()
    {
        std::lock_guard lock(m_mutex);
        for (const auto &[sql, stmt] : m_statements)
            sqlite3_finalize(stmt);
        m_statements.clear();
    }

private:
    std::mutex m_mutex;
    std::unordered_map<std::string, sqlite3_stmt *> m_statements;
};

} // namespace tandem::sqlite
