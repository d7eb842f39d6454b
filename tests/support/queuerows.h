#pragma once

// The tests' own hands on the queue's database (spool/queuedb.h): read a record row as the
// engine wrote it, and put damaged or leftover rows where a crash or a bad disk would.
#include "catalogdb.h"
#include "util/sqlitestmt.h"

#include <QByteArray>
#include <QString>

#include <sqlite3.h>

#include <optional>

namespace tandem::test {

// table: "messages" (column envelope), "outbox" (column record).
inline QByteArray recordColumn(const char *table)
{
    return QByteArray(table) == "messages" ? "envelope" : "record";
}

inline std::optional<QByteArray> queueRow(const QString &dbPath, const char *table,
                                          const QString &id)
{
    Db db(dbPath);
    sqlite::Stmt row(db.get(),
                     "SELECT " + recordColumn(table) + " FROM " + table + " WHERE id = ?");
    if (row.bind(1, id).step() != SQLITE_ROW)
        return std::nullopt;
    return row.blob(0);
}

inline bool setQueueRow(const QString &dbPath, const char *table, const QString &id,
                        const QByteArray &bytes)
{
    Db db(dbPath);
    // A row's other columns (a small message's bytes) stay as they are.
    sqlite::Stmt upsert(db.get(), "INSERT INTO " + QByteArray(table) + " (id, " +
                                      recordColumn(table) + ") VALUES (?, ?) ON CONFLICT (id) " +
                                      "DO UPDATE SET " + recordColumn(table) + " = excluded." +
                                      recordColumn(table));
    return upsert.bind(1, id).bindBlob(2, bytes).step() == SQLITE_DONE;
}

// The message bytes a row keeps (a small message's, spool::kInlineBytes): nullopt when it keeps
// none or there is no row.
inline std::optional<QByteArray> queueBody(const QString &dbPath, const char *table,
                                           const QString &id)
{
    Db db(dbPath);
    sqlite::Stmt row(db.get(), "SELECT body FROM " + QByteArray(table) + " WHERE id = ?");
    if (row.bind(1, id).step() != SQLITE_ROW || row.isNull(0))
        return std::nullopt;
    return row.blob(0);
}

inline bool addDoneRow(const QString &dbPath, const QString &id, int action)
{
    Db db(dbPath);
    sqlite::Stmt insert(db.get(), "INSERT OR REPLACE INTO done (id, action) VALUES (?, ?)");
    return insert.bind(1, id).bind(2, action).step() == SQLITE_DONE;
}

} // namespace tandem::test
