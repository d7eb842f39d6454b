#pragma once

#include "util/sqlitestmt.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <condition_variable>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>

// The queue's records in one SQLite database, data/spool/queue.db (WAL, synchronous=FULL):
//   messages(id, envelope, body)  a committed message's envelope and plan: its row is the commit
//                                 point; body: a small message's bytes (below)
//   done(id, action)              the actions of a message's plan carried out
//   outbox(id, record, body)      the Outbox entries (delivery/outbox.h); body as for messages
// Records keep their own versioned, checksummed encoding (spool/record.h). One row per record
// instead of one small file: creating and deleting three or four files per message cost more
// than anything else the server did (ext4's inode allocator), and a transaction makes a whole
// batch durable with one write of the log.
//
// One connection per database, shared by the threads and objects of a process (open() hands
// out the same one for the same folder); a Transaction holds it for its thread until it ends. Other
// processes (tandemd queue on a stopped daemon's folder, the console reading the queue) open their
// own; WAL lets them read while the daemon writes.
//
// Checkpoints (copying the log's pages into the database file, and its fsync) run on a thread of
// their own with a second connection, not in the commit that fills the log: SQLite's automatic
// checkpoint would run inside that commit, holding the connection and so every thread's next
// commit (and the 250s waiting on it) for a write and an fsync of several MiB.
namespace tandem::spool {

// A message of at most this many bytes (an Outbox entry's, with its trace header) keeps them in
// its row as well as in its file, and the file is never flushed: the transaction that writes the
// row makes them durable, with the rest of its batch, at the cost of one write of the log. A
// crash that loses a file's unflushed bytes finds them in the row, and the file is written again
// from it before anything reads it (Spool::recover, Outbox::restoreFiles). Larger messages'
// files are flushed before their rows are written, and the rows have no body.
constexpr qint64 kInlineBytes = 32 * 1024;

class QueueDb {
public:
    static constexpr int kSchemaVersion = 3;
    // Opens <spoolDir>/queue.db, creating it, and moves the records of the older layout (one
    // file per envelope, completion list and Outbox entry) into it. Null with *error when the
    // folder does not exist or the database cannot be opened.
    static std::shared_ptr<QueueDb> open(const QString &spoolDir, QString *error);
    ~QueueDb();
    QueueDb(const QueueDb &) = delete;
    QueueDb &operator=(const QueueDb &) = delete;

    QString path() const { return m_path; }
    sqlite3 *handle() const { return m_db; }
    // Held by every statement and transaction: one thread's at a time.
    std::recursive_mutex &mutex() { return m_mutex; }
    bool exec(const char *sql, QString *error);
    // sql prepared once and kept for the connection's life (sqlite::StatementCache); the
    // caller holds mutex() while the statement lives.
    sqlite::Stmt prepare(const char *sql) { return m_statements.prepare(m_db, sql); }
    // The first column of the row that sql, a query with one parameter (an id), finds.
    std::optional<QByteArray> blob(const char *sql, const QString &id);
    QString lastError() const;

    // A write transaction on this thread; a nested one joins the outermost, whose commit makes
    // everything durable. Rolled back unless committed.
    class Transaction {
    public:
        explicit Transaction(QueueDb &db);
        ~Transaction();
        Transaction(const Transaction &) = delete;
        Transaction &operator=(const Transaction &) = delete;
        bool ok() const { return m_ok; } // false: BEGIN failed (*see error())
        const QString &error() const { return m_error; }
        bool commit(QString *error);

    private:
        QueueDb &m_db;
        std::unique_lock<std::recursive_mutex> m_lock;
        bool m_outermost = false;
        bool m_ok = true;
        bool m_done = false;
        QString m_error;
    };

    // Log pages after which a commit wakes the checkpointer (SQLite's automatic checkpoint's).
    static constexpr int kCheckpointPages = 1000;
    // Checkpoints this connection's checkpointer completed, for tests.
    quint64 checkpoints() const;

private:
    QueueDb() = default;
    static int walHook(void *self, sqlite3 *, const char *, int pages);
    void checkpointerLoop();
    bool checkpointOnce(sqlite3 *connection, bool *complete);
    bool importOlderLayout(const QString &spoolDir, QString *error);
    // ALTER TABLE ... ADD COLUMN unless the table has it (a database of an older schema).
    bool addColumn(const char *table, const char *column, const char *type, QString *error);
    // Rebuilds a WITHOUT ROWID table of an older schema as a rowid table with these columns.
    bool toRowidTable(const char *table, const char *columns, QString *error);

    QString m_path;
    sqlite3 *m_db = nullptr;
    std::recursive_mutex m_mutex;
    sqlite::StatementCache m_statements;
    int m_depth = 0;
    bool m_failed = false; // a nested transaction failed: the outermost rolls back

    // The checkpointer, started by the first commit that fills the log.
    std::thread m_checkpointer;
    mutable std::mutex m_checkpointMutex;
    std::condition_variable m_checkpointWake;
    bool m_checkpointWanted = false;
    bool m_closing = false;
    quint64 m_checkpoints = 0;
};

} // namespace tandem::spool
