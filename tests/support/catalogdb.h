#pragma once

// The tests' own connection to an archive's catalog (to read the ledger and to tamper with
// it), and a verify report as one line: shared by the archive's unit tests.
#include "archive/archive.h"

#include <QString>
#include <QStringList>

#include <sqlite3.h>

namespace tandem::test {

using namespace Qt::StringLiterals;

class Db {
public:
    explicit Db(const QString &path)
    {
        sqlite3_open(path.toUtf8().constData(), &m_db);
        sqlite3_busy_timeout(m_db, 30000);
    }
    ~Db() { sqlite3_close(m_db); }
    Db(const Db &) = delete;
    Db &operator=(const Db &) = delete;
    sqlite3 *get() const { return m_db; }
    bool exec(const QString &sql)
    {
        return sqlite3_exec(m_db, sql.toUtf8().constData(), nullptr, nullptr, nullptr) == SQLITE_OK;
    }
    QStringList column(const QString &sql)
    {
        QStringList out;
        sqlite3_stmt *s = nullptr;
        if (sqlite3_prepare_v2(m_db, sql.toUtf8().constData(), -1, &s, nullptr) != SQLITE_OK)
            return {u"<error>"_s};
        while (sqlite3_step(s) == SQLITE_ROW)
            out.append(
                QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(s, 0))));
        sqlite3_finalize(s);
        return out;
    }
    qint64 count(const QString &sql) { return column(sql).value(0).toLongLong(); }

private:
    sqlite3 *m_db = nullptr;
};

inline QString describe(const archive::VerifyReport &report)
{
    QStringList lines;
    for (const archive::VerifyProblem &p : report.problems)
        lines.append(u"%1 [%2] %3"_s.arg(p.what, p.mailbox, p.detail));
    return lines.join(u"; "_s);
}

} // namespace tandem::test
