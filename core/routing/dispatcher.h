#pragma once

#include "config/settings.h"
#include "delivery/deliveryqueue.h"
#include "mailbox/mailboxstore.h"
#include "spool/envelope.h"

#include <QObject>
#include <QQueue>
#include <QSet>
#include <QTimer>

#include <memory>
#include <vector>

namespace tandem::spool {
class Spool;
}
namespace tandem::mailbox {
class MailboxSizes;
} // namespace tandem::mailbox
namespace tandem::delivery {
class Outbox;
}
namespace tandem::archive {
class Archive;
}

// Carries out the plan of every committed message, action by action, recording each
// completion in the spool, on its own thread so that mailbox fsyncs never stall a session.
// A redo after a crash skips completed actions and finds a copy it made but had not yet
// recorded (deterministic Maildir names, Outbox ids), so nothing is stored twice.
namespace tandem::routing {

class Router;

class Dispatcher : public QObject {
    Q_OBJECT
public:
    Dispatcher(spool::Spool *spool, mailbox::MailboxStore *mailboxes, delivery::Outbox *outbox,
               std::shared_ptr<const Router> router, QObject *parent = nullptr);
    ~Dispatcher() override;

    // Thread-safe: queues the message for processing on the dispatcher's thread.
    void enqueue(const QString &id);
    // Thread-safe: the committed messages found at start; what waited or was held before
    // shows again, and a held one stays held.
    void resume(const QStringList &ids);
    // Takes over the wait records (failures, holds) of these committed messages, without
    // scheduling them: resume() at start, tandemd queue ... on a stopped daemon's folder.
    void adopt(const QStringList &ids);
    int pending() const;
    // On its thread, before the thread ends: what was filed is recorded in the archive.
    void stop();
    // Every copy filed into a mailbox is recorded in the archive's catalog, in batches (one
    // transaction for many messages); a message leaves the spool only once its copies are
    // recorded, so a crash in between redoes the recording, never the copy. Set before the
    // dispatcher's thread starts; the dispatcher owns it from then on.
    void setArchive(std::unique_ptr<archive::Archive> archive);
    // The live sizes the size cap reads: raised by each copy filed.
    void setMailboxSizes(mailbox::MailboxSizes *sizes) { m_sizes = sizes; }
    static constexpr int kArchiveBatch = 64; // messages per catalog transaction, at most
    // Messages carried out per turn of the event loop; their completion marks and new Outbox
    // records are made durable by one transaction of the queue's database.
    static constexpr int kDispatchBatch = 64;
    void setRouter(std::shared_ptr<const Router> router) { m_router = std::move(router); }

    // The administrator's operations on messages that wait here (a failed local delivery, a
    // held one): retry now, hold, release, delete, or return to the sender.
    delivery::OperationResult apply(delivery::QueueOperation op, const QStringList &ids, bool all);
    // Tries every message that waits after a failure now (held ones stay held).
    void retryWaiting();
    // The messages waiting here, as queue rows.
    QList<delivery::OutboxEntry> waitingEntries() const;
    // A spooled message's queue row (next hop "local"), from its envelope and wait record;
    // nullopt when it does not wait (or cannot be read). Used without a dispatcher too.
    static std::optional<delivery::OutboxEntry> waitingEntry(const spool::Spool &spool,
                                                             const QString &id);

    static constexpr int kRetrySeconds = 60;
    static constexpr char kLocalHop[] = "local"; // the next hop shown for messages waiting here

signals:
    void messageFinished(const QString &id);
    void outboxChanged();
    // An Outbox record just written (as written), and the id of one a redo found written.
    void entryAdded(const tandem::delivery::OutboxEntry &entry);
    void entryFoundAgain(const QString &entryId);
    void idle();
    // Messages that began or went on waiting here, and those that no longer wait.
    void waitingChanged(const QList<tandem::delivery::OutboxEntry> &changedOrAdded,
                        const QStringList &removed);

private:
    void schedule(const QString &id);
    void retryLater(const QString &id, const QString &error);
    void stopWaiting(const QString &id);
    void armRetryTimer();
    void processQueue();
    enum class Result { Finished, Gone, Retry }; // Gone: finished meanwhile, or corrupt
    Result process(const QString &id, QString *why);
    // What a batch of messages carried out, made durable together by commitBatch().
    struct Batch {
        QList<QPair<QString, int>> marks; // (message, action) carried out
        QSet<QString> folders; // Maildir new/ folders given copies: fsynced before the marks
        QList<delivery::OutboxEntry> newEntries;              // records to write
        QStringList foundEntries;                             // ids a redo found written
        QList<std::tuple<QString, Result, QString>> outcomes; // (message, result, why)
        // Maildir copies written but not yet durable (MailboxStore::completeCopies), and what
        // each stands for: what follows a stored copy (the archive's record, a success notice,
        // the log line) waits until it is in new/.
        struct StoredCopy {
            QString message;
            int action = 0;
            QString fileName;
        };
        std::vector<mailbox::PendingCopy> copies;
        QList<StoredCopy> stored;                   // one per copy, in the same order
        QHash<QString, spool::Envelope> envelopes;  // of the messages with stored copies
        QHash<QPair<QString, int>, QString> failed; // (message, action) -> why: not marked
    };
    // Copies held open at once, at most: a batch with more completes them on the way.
    static constexpr size_t kMaxPendingCopies = 128;
    // Completes the batch's copies so far; a copy (or its record) that failed goes in failed.
    void completeCopies(Batch &batch);
    bool commitBatch(Batch &batch, QString *error);
    bool returnToSender(const QString &id);
    // mayExist: an attempt at this message was made before (a redo): look for copies made.
    bool run(const spool::Envelope &envelope, int index, const spool::Action &action, bool mayExist,
             QString *error);
    bool deliver(const spool::Envelope &envelope, int index, const spool::Action &action,
                 bool mayExist, QString *error);
    bool queueOutbox(const spool::Envelope &envelope, int index, const spool::Action &action,
                     bool mayExist, QString *error);
    void notifyDelivered(const spool::Envelope &envelope, int index, const spool::Action &action);
    static QByteArray livePrefix(const spool::Envelope &envelope, const spool::Action &action);
    bool recordFiled(const spool::Envelope &envelope, int index, const spool::Action &action,
                     QString *error);
    void finish(const QString &id);
    void commitArchive();
    bool bounce(const spool::Envelope &envelope, int index, const spool::Action &action,
                QString *error);

    spool::Spool *m_spool;
    mailbox::MailboxStore *m_mailboxes;
    delivery::Outbox *m_outbox;
    std::shared_ptr<const Router> m_router;
    QQueue<QString> m_queue;
    QSet<QString> m_queued;
    QHash<QString, QDateTime> m_waiting; // failed: when to try again (m_retryTimer)
    QSet<QString> m_held;                // held by the administrator: not tried until released
    QSet<QString> m_shown;               // waiting or held: rows of the queue until they finish
    QTimer m_retryTimer; // a child, so that it moves to the dispatcher's thread with it
    bool m_scheduled = false;
    std::unique_ptr<archive::Archive> m_archive;
    mailbox::MailboxSizes *m_sizes = nullptr;
    QStringList m_awaitingCommit; // done, waiting for their copies' catalog transaction
    QSet<QString> m_resumed;      // found at start: completed copies may lack their catalog rows
    QSet<QString> m_attempted;    // tried before in this process and not finished
    QTimer m_commitRetry;
    Batch *m_batch = nullptr; // the batch being carried out, during processQueue()
};

} // namespace tandem::routing
