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
    sqlite::Stmt upsert(db.get(), "INSERT OR REPLACE INTO " + QByteArray(table) + " (id, " +
                                      recordColumn(table) + ") VALUES (?, ?)");
    return upsert.bind(1, id).bindBlob(2, bytes).step() == SQLITE_DONE;
}

inline bool addDoneRow(const QString &dbPath, const QString &id, int action)
{
    Db db(dbPath);
    sqlite::Stmt insert(db.get(), "INSERT OR REPLACE INTO done (id, action) VALUES (?, ?)");
    return insert.bind(1, id).bind(2, action).step() == SQLITE_DONE;
}

} // namespace tandem::test
