#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>

#include <sqlite3.h>

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

} // namespace tandem::sqlite
