#pragma once

#include "config/settings.h"
#include "dsn.h"
#include "outbox.h"
#include "resolver.h"
#include "smtpclient.h"

#include <QHash>
#include <QObject>
#include <QQueue>
#include <QSet>
#include <QTimer>

#include <functional>
#include <memory>

namespace tandem::spool {
class Spool;
}
namespace tandem::routing {
class Router;
}

// Delivers the Outbox: picks the entries that are due, groups them by next hop, opens
// connections within the limits (per next hop and overall), reuses a connection for every
// entry waiting for its hop, and records each attempt. 2xx and 5xx replies end a recipient
// (5xx with a failure notice to the sender), 4xx ones wait for the next try of the retry
// schedule; a delay notice after warn_after_hours, a failure notice after
// give_up_after_hours. Runs on a thread of its own; its public slots may be invoked from
// any thread with a queued call.
namespace tandem::delivery {

enum class QueueOperation { Retry, Hold, Release, Delete, Bounce };
QString toString(QueueOperation op);
std::optional<QueueOperation> queueOperationFromString(const QString &text);

struct OperationResult {
    QStringList changed;
    QStringList missing;
    QStringList refused; // "id: why"
};

class DeliveryQueue : public QObject {
    Q_OBJECT
public:
    // Postfix's defaults (default_process_limit, default_destination_concurrency_limit): each
    // transaction waits for the next hop's 250, so a busy hop needs many connections at once
    // to keep up (4 per hop relayed 1,300 msg/s where 16 kept up with 1,800 accepted).
    static constexpr int kMaxConnections = 100;
    static constexpr int kMaxConnectionsPerHop = 20;
    // Slow start, as Postfix's initial_destination_concurrency: a hop gets this many
    // connections at first, one more for each message it accepts (up to the maximum), and one
    // fewer for each connection that fails before its first transaction (down to one). A busy
    // relay reaches 20 within its first 15 messages; a hop that is struggling is not flooded.
    static constexpr int kInitialConnectionsPerHop = 5;
    static constexpr int kIdleSeconds = 5; // a connection waits this long for more work
    // After a failed STARTTLS handshake, opportunistic TLS skips STARTTLS at that address for
    // this long (scaled by the time scale), then tries it again.
    static constexpr int kClearTextSeconds = 3600;

    DeliveryQueue(std::shared_ptr<const config::Settings> settings, Outbox *outbox,
                  spool::Spool *spool, std::shared_ptr<const routing::Router> router,
                  std::function<void(const QString &)> enqueueMessage, QObject *parent = nullptr);
    ~DeliveryQueue() override;

    void load(); // reads the Outbox from disk
    void start();
    void stop();
    // A record just written to the Outbox, as written; add(id) reads one back (a redo's).
    void add(const tandem::delivery::OutboxEntry &entry);
    void add(const QString &entryId);
    OperationResult apply(QueueOperation op, const QStringList &ids, bool all);
    QList<OutboxEntry> entries() const;
    std::optional<OutboxEntry> entry(const QString &id) const;
    // Emits entriesSnapshot() with every entry; entriesUpdated() then reports each change.
    void sendSnapshot();
    void setSettings(std::shared_ptr<const config::Settings> settings,
                     std::shared_ptr<const routing::Router> router);
    static constexpr int kNotifyMs = 200;
    // Delivered entries' rows are removed together, in one transaction (one fsync of the
    // queue's log) at most this long after the first of them, or at once when this many wait.
    static constexpr int kRemoveMs = 20;
    static constexpr qsizetype kRemoveBatch = 256;

    // The same operations on an Outbox no daemon is running on (tandemd queue ... offline).
    static OperationResult applyOffline(const config::Settings &settings, Outbox *outbox,
                                        spool::Spool *spool,
                                        std::shared_ptr<const routing::Router> router,
                                        QueueOperation op, const QStringList &ids, bool all);

signals:
    void changed();
    void entriesSnapshot(const QList<tandem::delivery::OutboxEntry> &entries);
    void entriesUpdated(const QList<tandem::delivery::OutboxEntry> &changedOrAdded,
                        const QStringList &removed);

private:
    struct Connection {
        SmtpClient *client = nullptr;
        QString hop;
        QString entryId; // the entry in flight, if any
        QString host;    // the server's name, for a notice's Remote-MTA
        QTimer *idle = nullptr;
        bool ready = false; // greeted and ready once: failures after that end the connection
    };
    struct Hop {
        QQueue<QString> waiting;
        QSet<QString> waitingIds; // the same ids: a look-up, not a scan, per entry scheduled
        int connections = 0;
        int limit = kInitialConnectionsPerHop; // connections it may have now (slow start)
        bool resolving = false;
    };

    // Finds the entries due (a scan of them all) and serves the hops.
    void schedule();
    // The same in a later turn of the event loop, once however often asked for in this one;
    // without a scan when only entries added (and put in their hop's line) asked for it.
    void scheduleSoon(bool scan = true);
    void collectDue();
    void serveHops();
    void touch(const QString &id);
    void touchRemoved(const QString &id);
    void notifyNow();
    int countIdle(const QString &hop) const;
    int totalConnections() const;
    void openConnection(const QString &hop);
    // inClearText: the first destination again, after its TLS handshake failed.
    void tryDestinations(const QString &hop, QList<Destination> destinations,
                         const ServerReply &lastError, bool inClearText = false);
    void feed(Connection *connection);
    void onTransaction(Connection *connection, const ClientResult &result);
    void onConnectionGone(Connection *connection);
    void deferHop(const QString &hop, const ServerReply &reply);
    void recordOutcome(OutboxEntry entry, const QHash<QString, ServerReply> &replies,
                       const QString &remoteMta, bool relayedWithoutDsn);
    void finishEntry(const QString &id);
    void removeFinished();
    void quarantine(const QString &id, const QString &why);
    bool persist(const OutboxEntry &entry);
    bool notice(const OutboxEntry &entry, ReportKind kind, const QList<spool::Failure> &recipients,
                const QString &idSuffix, const QDateTime &now);
    ClientJob jobFor(const OutboxEntry &entry) const;
    ClientOptions optionsFor(const QString &hop) const;
    bool tlsFailedLately(const QString &destination);

    std::shared_ptr<const config::Settings> m_settings;
    Outbox *m_outbox;
    spool::Spool *m_spool;
    std::shared_ptr<const routing::Router> m_router;
    std::function<void(const QString &)> m_enqueueMessage;
    QHash<QString, OutboxEntry> m_entries;
    QSet<QString> m_inFlight;
    QSet<QString> m_holdAfterFlight;
    QSet<QString> m_deleteAfterFlight;
    QHash<QString, Hop> m_hops;
    QHash<QString, QDateTime> m_clearTextUntil; // "address:port" whose TLS handshake failed
    QList<Connection *> m_connections;
    QTimer m_timer;
    QTimer m_notifyTimer;
    QTimer m_removeTimer;
    QSet<QString> m_dirty;
    QSet<QString> m_removed;
    QStringList m_finished; // delivered or given up, their records not yet removed
    bool m_running = false;
    bool m_scheduled = false;
    bool m_scanSoon = false;
};

} // namespace tandem::delivery
