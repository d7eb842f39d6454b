#pragma once

#include "spool/envelope.h"
#include "spool/filepool.h"
#include "spool/queuedb.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <memory>
#include <mutex>
#include <optional>

// The Outbox: messages waiting for a next hop. One entry per message and next hop, carrying
// all of that message's recipients for it. Its record (spool/record.h) is a row of the queue's
// database (spool/queuedb.h, table outbox); its message bytes are data/spool/outbox/<entry>.msg,
// a hard link to the queue's file when it is made. A small message's row keeps its bytes too,
// and its file is not flushed (spool::kInlineBytes): restoreFiles() writes it again after a
// crash that lost it.
namespace tandem::delivery {

enum class EntryState { Queued, Delivering, Deferred, Held };
QString toString(EntryState state);
std::optional<EntryState> entryStateFromString(const QString &text);

struct Attempt {
    QDateTime time;
    QString reply;
};

// Where one recipient of an entry stands after the attempts so far.
enum class RecipientOutcome { Deferred, Delivered, Failed };
QString toString(RecipientOutcome outcome);
std::optional<RecipientOutcome> recipientOutcomeFromString(const QString &text);

struct RecipientResult {
    QString recipient;
    RecipientOutcome outcome = RecipientOutcome::Deferred;
    QString reply; // the latest reply for this recipient
    QDateTime time;
    bool operator==(const RecipientResult &other) const = default;
};

using spool::RecipientDsn; // carried to the next hop and honoured in notices

struct OutboxEntry {
    static constexpr int kVersion = 1;
    QString id;        // "<queue id>-<action index>"
    QString messageId; // the queue id of the message it came from
    QString sender;
    QStringList recipients; // the ones still to deliver
    QString subject;        // of the message, decoded (spool::Envelope::subject)
    QString client;         // the address the message came from; empty: made here
    QString helo;
    qint64 size = 0;
    QString nextHop;
    EntryState state = EntryState::Queued;
    int attempts = 0;
    QDateTime created;
    QDateTime nextAttempt;
    QString lastReply;
    QList<Attempt> history;           // the latest attempts, oldest first
    QList<RecipientResult> results;   // each recipient tried so far, with its latest reply
    bool warned = false;              // a delay notice was sent
    QString ret;                      // RFC 3461 RET of the message
    QString envid;                    // RFC 3461 ENVID of the message
    bool eightBit = true;             // has bytes over 127 (older records: maybe)
    bool smtpUtf8 = false;            // needs SMTPUTF8 (RFC 6531) for UTF-8 addresses/headers
    QHash<QString, RecipientDsn> dsn; // by recipient

    static constexpr int kMaxHistory = 20;
};

class Outbox {
public:
    // db: the queue's database; without one, the Outbox opens the database of the spool folder
    // that holds directory when first needed.
    explicit Outbox(const QString &directory, std::shared_ptr<spool::QueueDb> db = {});

    QString directory() const { return m_dir; }
    // Where removed entries' message files go to be used again (the spool's); without one they
    // are deleted.
    void setFilePool(std::shared_ptr<spool::FilePool> pool) { m_pool = std::move(pool); }
    QString messagePath(const QString &entryId) const;
    bool contains(const QString &entryId) const;
    // Makes the entry durable: links (or copies) the message file, writes the record, fsyncs.
    // Adding an entry that already exists succeeds and changes nothing. Joins the calling
    // thread's QueueDb::Transaction when one is open (the dispatcher's batch): durable with it.
    // A non-empty prefix (a trace header) is written before the message's bytes.
    bool add(const OutboxEntry &entry, const QString &messageFile, QString *error,
             const QByteArray &prefix = {});
    // add() in two steps, for a batch of entries made durable together: each entry's message
    // file first, then every record in one transaction (joining the caller's, if open).
    // syncFolder false: the caller has fsynced directory() since the files were made, if
    // flushedFiles() said it must.
    bool prepare(const OutboxEntry &entry, const QString &messageFile, QString *error,
                 const QByteArray &prefix = {});
    bool insert(const QList<OutboxEntry> &entries, QString *error, bool syncFolder = true);
    // Whether one of these prepared entries has a flushed file (too large for its row), whose
    // name must then be made durable before the records: an fsync of directory().
    bool flushedFiles(const QList<OutboxEntry> &entries) const;
    // After a crash: writes again each small message's file whose bytes it lost, from its row.
    // The number written; -1 with *error when the records cannot be read.
    int restoreFiles(QString *error);
    bool update(const OutboxEntry &entry, QString *error);
    bool remove(const QString &entryId, QString *error);
    bool remove(const QStringList &entryIds, QString *error); // one transaction
    std::optional<OutboxEntry> load(const QString &entryId, QString *error) const;
    // Moves an entry that cannot be delivered (unreadable record, message file missing) to
    // spool/corrupt/ with a .why file saying so: kept for the administrator, never deleted.
    void moveToCorrupt(const QString &entryId, const QString &why);
    QString corruptDir() const;
    // Every readable entry, oldest first; unreadable ones are named in *unreadable as
    // "<entry id>: <why>".
    QList<OutboxEntry> list(QStringList *unreadable = nullptr) const;

private:
    std::shared_ptr<spool::QueueDb> db(QString *error) const;
    bool write(const QList<OutboxEntry> &entries, QString *error, bool newFiles);
    std::optional<QByteArray> record(const QString &entryId) const;
    // The row's copy of a small message's bytes: null when it keeps none.
    QByteArray rowBody(const QString &entryId) const;

    QString m_dir;
    std::shared_ptr<spool::FilePool> m_pool;
    // The bytes of prepared entries whose rows keep them, until insert() writes the rows.
    mutable std::mutex m_preparedMutex;
    QHash<QString, QByteArray> m_prepared;
    mutable std::mutex m_dbMutex;
    mutable std::shared_ptr<spool::QueueDb> m_db;
};

QByteArray serialize(const OutboxEntry &entry);
std::optional<OutboxEntry> deserializeEntry(const QByteArray &bytes, QString *error);

} // namespace tandem::delivery
