#pragma once

#include "config/settings.h"
#include "spool/envelope.h"

#include <QObject>
#include <QQueue>
#include <QSet>
#include <QTimer>

#include <memory>

namespace tandem::spool {
class Spool;
}
namespace tandem::mailbox {
class MailboxStore;
}
namespace tandem::delivery {
class Outbox;
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

    // Thread-safe: queues the message for processing on the dispatcher's thread.
    void enqueue(const QString &id);
    int pending() const;
    void stop() { m_retryTimer.stop(); } // on its thread, before the thread ends
    void setRouter(std::shared_ptr<const Router> router) { m_router = std::move(router); }

    static constexpr int kRetrySeconds = 60;

signals:
    void messageFinished(const QString &id);
    void outboxChanged();
    void entryAdded(const QString &entryId);
    void idle();

private:
    void schedule(const QString &id);
    void processQueue();
    bool process(const QString &id); // false: try again later
    bool run(const spool::Envelope &envelope, int index, const spool::Action &action,
             QString *error);
    bool deliver(const spool::Envelope &envelope, int index, const spool::Action &action,
                 QString *error);
    bool queueOutbox(const spool::Envelope &envelope, int index, const spool::Action &action,
                     QString *error);
    void notifyDelivered(const spool::Envelope &envelope, int index, const spool::Action &action);
    bool bounce(const spool::Envelope &envelope, int index, const spool::Action &action,
                QString *error);

    spool::Spool *m_spool;
    mailbox::MailboxStore *m_mailboxes;
    delivery::Outbox *m_outbox;
    std::shared_ptr<const Router> m_router;
    QQueue<QString> m_queue;
    QSet<QString> m_queued;
    QSet<QString> m_waiting; // failed, retried by m_retryTimer
    QTimer m_retryTimer;
    bool m_scheduled = false;
};

} // namespace tandem::routing
