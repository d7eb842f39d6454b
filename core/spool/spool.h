#pragma once

#include "envelope.h"
#include "filepool.h"
#include "handovers.h"
#include "queuedb.h"
#include "util/fsutil.h"

#include <QObject>
#include <QSet>
#include <QString>

#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>

// The durable queue. Under data/spool/:
//   queue.db        the envelopes, completed actions and Outbox entries (spool/queuedb.h)
//   queue/<id>.msg  the message bytes, immutable once committed; written here as they arrive,
//                   and committed when the envelope's row is (a file without one is discarded);
//                   a small message's row holds its bytes too, and its file is not flushed
//                   (kInlineBytes in spool/queuedb.h)
//   queue/<id>.wait why a message waits: its last failure, or held by the administrator
//   corrupt/        entries that could not be read, kept for the administrator
//   free/           finished message files, to be used again (spool/filepool.h)
//   outbox/         the Outbox's message files (see delivery/outbox.h)
//   tmp/            left by older versions; emptied on start
//
// Commits go to one writer thread which takes every commit waiting at that moment as a
// batch and ends it with one database transaction (and an fsync of the queue folder when the
// batch has a message too large for its row), so
// concurrent sessions share the cost of making their messages durable (group commit), and no
// session's disk wait stalls the event loop.
namespace tandem::spool {

QString newQueueId();

// A message being received: the session writes its bytes here as they arrive.
class IncomingMessage {
public:
    ~IncomingMessage();
    const QString &id() const { return m_id; }
    bool write(const QByteArray &bytes);
    qint64 size() const { return m_size; }
    bool failed() const { return !m_error.isEmpty(); }
    bool outOfSpace() const { return m_outOfSpace; } // failed for want of disk space
    const QString &error() const { return m_error; }

private:
    friend class Spool;
    IncomingMessage() = default;
    bool flush();
    QString m_id;
    QString m_path;
    fsutil::Fd m_fd;
    QByteArray m_buffer;
    qint64 m_size = 0;
    QString m_error;
    bool m_outOfSpace = false;
    bool m_committed = false;
    bool m_pooled = false; // written over a finished message's file, which may be longer
};

struct CommitResult {
    bool ok = false;
    QString error;
    QString id;              // the committed message's queue id
    bool outOfSpace = false; // failed for want of disk space (ENOSPC, EDQUOT)
};

class Spool : public QObject {
    Q_OBJECT
public:
    explicit Spool(const QString &directory, QObject *parent = nullptr);
    ~Spool() override;

    bool open(QString *error, double timeScale = 1.0);
    void close(); // waits for the commits in flight

    QString directory() const { return m_dir; }
    QString queueDir() const { return m_dir + QStringLiteral("/queue"); }
    QString outboxDir() const { return m_dir + QStringLiteral("/outbox"); }
    QString messagePath(const QString &id) const;
    HandoverLog &handovers() { return m_handovers; }
    // Where finished message files wait to be used again (the Outbox gives its own back here).
    std::shared_ptr<FilePool> filePool() const { return m_pool; }

    std::unique_ptr<IncomingMessage> begin(QString *error, const QString &fixedId = {});
    // Makes the message durable on the writer thread, then calls done on context's thread
    // (dropped if context is gone) and emits committed(id). The envelope's id must be the
    // message's.
    void commit(std::unique_ptr<IncomingMessage> message, const Envelope &envelope,
                QObject *context, std::function<void(const CommitResult &)> done);
    // Synchronous commit on the calling thread, for messages the server generates; uses the
    // envelope's id when it has one.
    CommitResult commitNow(const QByteArray &bytes, Envelope envelope);

    struct Recovery {
        QStringList resume;    // committed entries, oldest first
        int discarded = 0;     // incomplete, never acknowledged
        QStringList corrupted; // moved to corrupt/
    };
    Recovery recover();

    // Null with *error when the envelope cannot be read; *missing (when given) then says
    // whether the queue has no row for it at all (the message is gone, not damaged).
    std::optional<Envelope> loadEnvelope(const QString &id, QString *error,
                                         bool *missing = nullptr) const;
    QSet<int> completedActions(const QString &id) const;
    // Joins the calling thread's QueueDb::Transaction when one is open (the dispatcher's batch).
    bool markCompleted(const QString &id, int action, QString *error);
    bool markCompleted(const QList<QPair<QString, int>> &marks, QString *error); // (id, action)
    // Why a committed message waits instead of being carried out: the last failure of its plan
    // or the administrator's hold, kept beside it so that tandemd queue list and the console
    // show it, with or without a daemon, and a hold outlives a restart.
    struct Wait {
        int attempts = 0;
        QDateTime lastAttempt;
        QDateTime nextAttempt;
        QString error;
        bool held = false;
    };
    void recordWait(const QString &id, const Wait &wait);
    std::optional<Wait> waitRecord(const QString &id) const;
    // The committed messages whose plan is not finished, oldest first.
    QStringList pendingIds() const;
    bool exists(const QString &id) const;
    void remove(const QString &id);
    void remove(const QStringList &ids); // one transaction
    // The queue's database, opened when first needed (a Spool that was not opened reads it
    // too); null when it cannot be opened (said in the log).
    std::shared_ptr<QueueDb> db() const;
    void moveToCorrupt(const QString &id, const QString &why);

signals:
    void committed(const QString &id);

private:
    struct Job {
        std::unique_ptr<IncomingMessage> message;
        QByteArray envelope;
        QObject *context = nullptr;
        std::function<void(const CommitResult &)> done;
        QString handover; // recorded in the HandoverLog once the commit is durable
        QStringList recipients;
        QByteArray body; // a small message's bytes, for its row; null: its file is flushed
    };
    struct Row {
        QString id;
        QByteArray envelope;
        QByteArray body;
    };
    static std::optional<Envelope> decodeEnvelope(const QString &id, const QByteArray &bytes,
                                                  QString *error);
    std::optional<QByteArray> envelopeBytes(const QString &id) const;
    bool deleteRows(const QStringList &ids, QString *error);
    void writerLoop();
    void commitBatch(std::deque<Job> &batch);
    // Completes the message file and, unless its row keeps its bytes (inlined), flushes it;
    // its envelope's row is written by the caller.
    static bool finishMessage(IncomingMessage &message, bool inlined, QString *error);
    // syncFolder: a row's message file was flushed, and its name must be durable first.
    bool insertEnvelopes(const std::vector<Row> &rows, bool syncFolder, QString *error);
    // A small message's bytes, from its row: null when the row has none (or is gone).
    QByteArray rowBody(const QString &id) const;

    QString m_dir;
    // The messages with a <id>.wait file, once recover() has looked (before, any may have
    // one): remove() deletes only those, not a name per message that is nearly never there.
    std::mutex m_waitMutex;
    QSet<QString> m_waitFiles;
    bool m_knowsWaitFiles = false;
    mutable std::mutex m_dbMutex;
    mutable std::shared_ptr<QueueDb> m_db;
    HandoverLog m_handovers;
    std::shared_ptr<FilePool> m_pool;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<Job> m_pending;
    bool m_stopping = false;
    std::thread m_writer;
};

} // namespace tandem::spool
