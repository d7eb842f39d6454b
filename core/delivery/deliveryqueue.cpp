#include "deliveryqueue.h"

#include "notifier.h"
#include "resolver.h"
#include "retry.h"
#include "routing/router.h"
#include "util/enumnames.h"
#include "util/log.h"

#include <QFileInfo>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace tandem::delivery {

namespace {

const QList<QPair<QString, QueueOperation>> kOperations{{u"retry"_s, QueueOperation::Retry},
                                                        {u"hold"_s, QueueOperation::Hold},
                                                        {u"release"_s, QueueOperation::Release},
                                                        {u"delete"_s, QueueOperation::Delete},
                                                        {u"bounce"_s, QueueOperation::Bounce}};

// RFC 3461 §4.1: without NOTIFY the server decides (failures and delays); NEVER means none.
bool wantsNotice(const OutboxEntry &entry, const QString &recipient, const char *kind)
{
    const QString notify = entry.dsn.value(recipient).notify.toUpper();
    if (notify.isEmpty())
        return qstrcmp(kind, "SUCCESS") != 0;
    return notify.split(u',').contains(QString::fromLatin1(kind));
}

QString destinationKey(const Destination &d)
{
    const QString address = d.address.toString();
    return (address.contains(u':') ? u"[%1]:%2"_s : u"%1:%2"_s).arg(address).arg(d.port);
}

} // namespace

QString toString(QueueOperation op)
{
    return enumName(kOperations, op);
}

std::optional<QueueOperation> queueOperationFromString(const QString &text)
{
    return enumFromName(kOperations, text);
}

DeliveryQueue::DeliveryQueue(std::shared_ptr<const config::Settings> settings, Outbox *outbox,
                             spool::Spool *spool, std::shared_ptr<const routing::Router> router,
                             std::function<void(const QString &)> enqueueMessage, QObject *parent)
    : QObject(parent)
    , m_settings(std::move(settings))
    , m_outbox(outbox)
    , m_spool(spool)
    , m_router(std::move(router))
    , m_enqueueMessage(std::move(enqueueMessage))
    , m_timer(this)
    , m_notifyTimer(this)
    , m_removeTimer(this)
{
    m_removeTimer.setSingleShot(true);
    m_removeTimer.setInterval(kRemoveMs);
    connect(&m_removeTimer, &QTimer::timeout, this, &DeliveryQueue::removeFinished);
    m_notifyTimer.setSingleShot(true);
    m_notifyTimer.setInterval(kNotifyMs);
    connect(&m_notifyTimer, &QTimer::timeout, this, &DeliveryQueue::notifyNow);
    m_timer.setInterval(1000);
    connect(&m_timer, &QTimer::timeout, this, &DeliveryQueue::schedule);
}

DeliveryQueue::~DeliveryQueue()
{
    stop();
}

void DeliveryQueue::load()
{
    m_entries.clear();
    // A crash of the machine may have lost small messages' unflushed files: their rows have
    // the bytes.
    QString error;
    if (const int restored = m_outbox->restoreFiles(&error); restored < 0)
        log::error(u"outbox"_s, u"cannot restore message files: "_s + error);
    else if (restored > 0)
        log::warning(u"outbox"_s, u"%1 message file(s) written again from the queue's database "
                                  "(their unflushed bytes were lost)"_s.arg(restored));
    QStringList unreadable;
    for (const OutboxEntry &e : m_outbox->list(&unreadable)) {
        OutboxEntry entry = e;
        if (entry.state == EntryState::Delivering) // a crash during an attempt
            entry.state = EntryState::Deferred;
        m_entries.insert(entry.id, entry);
        if (!QFileInfo::exists(m_outbox->messagePath(entry.id)))
            quarantine(entry.id,
                       u"the message file %1 is missing"_s.arg(m_outbox->messagePath(entry.id)));
    }
    for (const QString &u : std::as_const(unreadable))
        quarantine(u.section(u": "_s, 0, 0),
                   u"unreadable entry record: "_s + u.section(u": "_s, 1));
}

// An entry that can never be delivered as it is goes to corrupt/ (kept, never deleted), and
// the postmaster hears of it: trying it again would only open transactions it cannot finish.
void DeliveryQueue::quarantine(const QString &id, const QString &why)
{
    const auto it = m_entries.constFind(id);
    QString about;
    if (it != m_entries.constEnd())
        about = u" (from <%1> to <%2>, via %3)"_s.arg(it->sender, it->recipients.join(u">, <"_s),
                                                      it->nextHop);
    m_outbox->moveToCorrupt(id, why);
    if (it != m_entries.constEnd()) {
        m_entries.remove(id);
        touchRemoved(id);
    }
    const QString corrupt = m_outbox->corruptDir();
    QString error;
    Notifier notifier(m_spool, m_router, m_enqueueMessage);
    if (!notifier.tellPostmaster(
            u"Outbox entry %1 moved to corrupt/"_s.arg(id),
            u"The Outbox entry %1%2 cannot be delivered: %3.\n\nIts files were moved to %4, "
            "with the reason in %1.why. Nothing was deleted; the message was not sent."_s.arg(
                id, about, why, corrupt),
            id + u"P"_s, &error))
        log::error(u"outbox"_s, u"cannot tell the postmaster: "_s + error, id);
}

void DeliveryQueue::touch(const QString &id)
{
    m_removed.remove(id);
    m_dirty.insert(id);
    if (m_running && !m_notifyTimer.isActive()) // stopped: no timer on a thread about to end
        m_notifyTimer.start();
}

void DeliveryQueue::touchRemoved(const QString &id)
{
    m_dirty.remove(id);
    m_removed.insert(id);
    if (m_running && !m_notifyTimer.isActive())
        m_notifyTimer.start();
}

// Changes go out in batches, a few times a second, shaped for a table model: what changed
// or appeared (as value snapshots), and what went.
void DeliveryQueue::notifyNow()
{
    QList<OutboxEntry> changedEntries;
    for (const QString &id : std::as_const(m_dirty)) {
        const auto it = m_entries.constFind(id);
        if (it != m_entries.constEnd())
            changedEntries.append(*it);
    }
    const QStringList removed(m_removed.begin(), m_removed.end());
    m_dirty.clear();
    m_removed.clear();
    if (changedEntries.isEmpty() && removed.isEmpty())
        return;
    emit entriesUpdated(changedEntries, removed);
    emit changed();
}

void DeliveryQueue::sendSnapshot()
{
    notifyNow(); // what was pending goes first, so the snapshot is the latest word
    emit entriesSnapshot(entries());
}

void DeliveryQueue::setSettings(std::shared_ptr<const config::Settings> settings,
                                std::shared_ptr<const routing::Router> router)
{
    m_settings = std::move(settings);
    m_router = std::move(router);
    scheduleSoon();
}

void DeliveryQueue::start()
{
    load();
    m_running = true;
    m_timer.start();
    if (!m_dirty.isEmpty() || !m_removed.isEmpty()) // what load() quarantined
        m_notifyTimer.start();
    log::info(u"outbox"_s, u"delivery started with %1 entr%2"_s.arg(m_entries.size())
                               .arg(m_entries.size() == 1 ? u"y"_s : u"ies"_s));
    scheduleSoon();
}

void DeliveryQueue::stop()
{
    m_running = false;
    m_timer.stop();
    removeFinished();
    notifyNow(); // the last changes still reach the console
    m_notifyTimer.stop();
    const QList<Connection *> connections = std::exchange(m_connections, {});
    for (Connection *c : connections) {
        c->client->disconnect(this);
        delete c->client;
        delete c;
    }
    m_hops.clear();
    m_inFlight.clear();
}

void DeliveryQueue::add(const OutboxEntry &entry)
{
    // Handed over while the engine stops (the dispatcher stops after this queue): the entry
    // is on disk, and load() finds it at the next start. Taking it now would arm timers on a
    // thread about to end.
    if (!m_running)
        return;
    m_entries.insert(entry.id, entry);
    touch(entry.id);
    // A new entry due now joins its hop's line at once (after those already in it, due
    // earlier); scanning every entry for each one added cost a backlog's size per message.
    if (entry.state == EntryState::Queued && entry.nextAttempt <= QDateTime::currentDateTimeUtc()) {
        Hop &hop = m_hops[entry.nextHop];
        if (!hop.waitingIds.contains(entry.id) && !m_inFlight.contains(entry.id)) {
            hop.waiting.enqueue(entry.id);
            hop.waitingIds.insert(entry.id);
        }
        scheduleSoon(false);
        return;
    }
    scheduleSoon();
}

void DeliveryQueue::add(const QString &entryId)
{
    if (!m_running)
        return;
    QString error;
    const auto entry = m_outbox->load(entryId, &error);
    if (!entry) {
        quarantine(entryId, u"unreadable entry record: "_s + error);
        return;
    }
    add(*entry);
}

QList<OutboxEntry> DeliveryQueue::entries() const
{
    QList<OutboxEntry> list = m_entries.values();
    std::sort(list.begin(), list.end(),
              [](const OutboxEntry &a, const OutboxEntry &b) { return a.id < b.id; });
    return list;
}

std::optional<OutboxEntry> DeliveryQueue::entry(const QString &id) const
{
    const auto it = m_entries.constFind(id);
    if (it == m_entries.constEnd())
        return std::nullopt;
    return *it;
}

void DeliveryQueue::scheduleSoon(bool scan)
{
    m_scanSoon = m_scanSoon || scan;
    if (m_scheduled || !m_running)
        return;
    m_scheduled = true;
    QMetaObject::invokeMethod(
        this,
        [this] {
            m_scheduled = false;
            if (!m_running)
                return;
            if (std::exchange(m_scanSoon, false))
                collectDue();
            serveHops();
        },
        Qt::QueuedConnection);
}

void DeliveryQueue::schedule()
{
    if (!m_running)
        return;
    collectDue();
    serveHops();
}

void DeliveryQueue::collectDue()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QList<const OutboxEntry *> due;
    for (const OutboxEntry &e : std::as_const(m_entries)) {
        if ((e.state == EntryState::Queued || e.state == EntryState::Deferred) &&
            !m_inFlight.contains(e.id) && e.nextAttempt <= now) {
            const auto hop = m_hops.constFind(e.nextHop);
            if (hop == m_hops.constEnd() || !hop->waitingIds.contains(e.id))
                due.append(&e);
        }
    }
    std::sort(due.begin(), due.end(), [](const OutboxEntry *a, const OutboxEntry *b) {
        return a->nextAttempt < b->nextAttempt ||
               (a->nextAttempt == b->nextAttempt && a->id < b->id);
    });
    for (const OutboxEntry *e : std::as_const(due)) {
        Hop &hop = m_hops[e->nextHop];
        hop.waiting.enqueue(e->id);
        hop.waitingIds.insert(e->id);
    }
}

void DeliveryQueue::serveHops()
{
    for (auto it = m_hops.begin(); it != m_hops.end(); ++it) {
        const QString hop = it.key();
        if (it->waiting.isEmpty())
            continue;
        for (Connection *c : std::as_const(m_connections)) {
            if (c->hop == hop && c->entryId.isEmpty() && c->client->isReady())
                feed(c);
        }
        int busyOrStarting = 0;
        for (Connection *c : std::as_const(m_connections))
            busyOrStarting += c->hop == hop ? 1 : 0;
        // Open as many connections as there is waiting work, within both limits.
        while (m_hops[hop].waiting.size() > busyOrStarting - countIdle(hop) &&
               m_hops[hop].connections < m_hops[hop].limit &&
               totalConnections() < kMaxConnections) {
            openConnection(hop);
            ++busyOrStarting;
        }
    }
}

int DeliveryQueue::countIdle(const QString &hop) const
{
    int n = 0;
    for (const Connection *c : m_connections)
        n += (c->hop == hop && c->entryId.isEmpty()) ? 1 : 0;
    return n;
}

int DeliveryQueue::totalConnections() const
{
    int n = 0;
    for (const Hop &h : m_hops)
        n += h.connections;
    return n;
}

void DeliveryQueue::openConnection(const QString &hop)
{
    m_hops[hop].connections += 1;
    auto *resolution = new HopResolution(hop, m_settings->outgoing.dnsServer, this);
    connect(resolution, &HopResolution::resolved, this,
            [this, hop, resolution](const QList<Destination> &destinations) {
                resolution->deleteLater();
                tryDestinations(hop, destinations, ServerReply{});
            });
    connect(resolution, &HopResolution::failed, this,
            [this, hop, resolution](const ServerReply &reply) {
                resolution->deleteLater();
                m_hops[hop].connections -= 1;
                log::warning(u"outbox"_s, u"next hop %1: %2"_s.arg(hop, reply.toString()));
                deferHop(hop, reply);
            });
    resolution->start();
}

void DeliveryQueue::tryDestinations(const QString &hop, QList<Destination> destinations,
                                    const ServerReply &lastError, bool inClearText)
{
    if (!m_running)
        return;
    if (destinations.isEmpty()) {
        m_hops[hop].connections -= 1;
        log::warning(u"outbox"_s, u"next hop %1 unreachable: %2"_s.arg(hop, lastError.toString()));
        deferHop(hop,
                 lastError.code ? lastError : ServerReply{451, u"4.4.1"_s, u"no address to try"_s});
        return;
    }
    const Destination destination = destinations.takeFirst();
    const QString where = destinationKey(destination);
    ClientOptions options = optionsFor(hop);
    options.peerName = destination.host;
    options.skipStartTls =
        options.tls == config::TlsMode::Opportunistic && (inClearText || tlsFailedLately(where));
    auto *connection = new Connection;
    connection->hop = hop;
    connection->host = destination.host;
    connection->client = new SmtpClient(options);
    connection->idle = new QTimer(connection->client);
    connection->idle->setSingleShot(true);
    connection->idle->setInterval(kIdleSeconds * 1000);
    m_connections.append(connection);
    SmtpClient *client = connection->client;
    connect(connection->idle, &QTimer::timeout, client, &SmtpClient::quit);
    connect(client, &SmtpClient::ready, this, [this, connection] {
        connection->ready = true;
        feed(connection);
    });
    connect(client, &SmtpClient::transactionFinished, this,
            [this, connection](const ClientResult &result) { onTransaction(connection, result); });
    connect(client, &SmtpClient::failed, this,
            [this, connection, destination, destinations, where,
             tls = options.tls](const ServerReply &reply) {
                if (!connection->ready) {
                    // Not usable: the next address of the hop, if any (RFC 5321 §5.1).
                    log::info(u"outbox"_s,
                              u"%1: %2"_s.arg(connection->client->peer(), reply.toString()));
                    const QString hop = connection->hop;
                    Hop &h = m_hops[hop];
                    h.limit = std::max(1, h.limit - 1);
                    QList<Destination> next = destinations;
                    const QString tlsError = connection->client->tlsError();
                    const bool fallBack =
                        !tlsError.isEmpty() && tls == config::TlsMode::Opportunistic;
                    if (fallBack) {
                        // Postfix's "may": a broken handshake costs that connection, not the
                        // delivery. The same address again, without STARTTLS for a while.
                        m_clearTextUntil.insert(
                            where, QDateTime::currentDateTimeUtc().addMSecs(
                                       qint64(kClearTextSeconds * 1000.0 / m_settings->timeScale)));
                        log::warning(u"outbox"_s,
                                     u"%1 (%2): TLS handshake failed (%3); retrying in clear "
                                     u"text (tls opportunistic)"_s.arg(hop, where, tlsError));
                        next.prepend(destination);
                    }
                    m_connections.removeOne(connection);
                    connection->client->deleteLater();
                    delete connection;
                    tryDestinations(hop, next, reply, fallBack);
                    return;
                }
                onConnectionGone(connection);
            });
    connect(client, &SmtpClient::closed, this,
            [this, connection] { onConnectionGone(connection); });
    client->connectToHost(destination.address.toString(), destination.port);
}

void DeliveryQueue::feed(Connection *connection)
{
    if (!connection->entryId.isEmpty() || !connection->client->isReady())
        return;
    Hop &hop = m_hops[connection->hop];
    while (!hop.waiting.isEmpty()) {
        const QString id = hop.waiting.dequeue();
        hop.waitingIds.remove(id);
        auto it = m_entries.find(id);
        if (it == m_entries.end() || m_inFlight.contains(id) ||
            (it->state != EntryState::Queued && it->state != EntryState::Deferred))
            continue;
        m_inFlight.insert(id);
        it->state = EntryState::Delivering;
        connection->entryId = id;
        connection->idle->stop();
        connection->client->send(jobFor(*it));
        touch(id);
        return;
    }
    connection->idle->start();
}

void DeliveryQueue::onTransaction(Connection *connection, const ClientResult &result)
{
    const QString id = std::exchange(connection->entryId, QString());
    m_inFlight.remove(id);
    const auto it = m_entries.constFind(id);
    if (it != m_entries.constEnd() && result.unreadableMessage) {
        m_deleteAfterFlight.remove(id);
        m_holdAfterFlight.remove(id);
        quarantine(id, result.reply.text);
    } else if (it != m_entries.constEnd()) {
        log::info(u"outbox"_s,
                  u"%1 via %2: %3"_s.arg(id, connection->client->peer(), result.reply.toString()),
                  it->messageId);
        if (result.reply.isPositive()) {
            Hop &hop = m_hops[connection->hop];
            hop.limit = std::min(kMaxConnectionsPerHop, hop.limit + 1);
        }
        recordOutcome(*it, result.recipients, connection->host, result.relayedWithoutDsn);
    }
    if (connection->client->isReady())
        QMetaObject::invokeMethod(
            this,
            [this, connection] {
                if (m_connections.contains(connection))
                    feed(connection);
            },
            Qt::QueuedConnection);
}

void DeliveryQueue::onConnectionGone(Connection *connection)
{
    if (!m_connections.removeOne(connection))
        return;
    m_hops[connection->hop].connections -= 1;
    if (!connection->entryId.isEmpty()) {
        const QString id = connection->entryId;
        m_inFlight.remove(id);
        if (m_entries.contains(id)) {
            m_entries[id].state = EntryState::Deferred;
            touch(id);
        }
    }
    connection->client->deleteLater();
    delete connection;
    scheduleSoon();
}

void DeliveryQueue::deferHop(const QString &hop, const ServerReply &reply)
{
    m_hops[hop].waitingIds.clear();
    QQueue<QString> waiting = std::exchange(m_hops[hop].waiting, {});
    while (!waiting.isEmpty()) {
        const QString id = waiting.dequeue();
        if (!m_entries.contains(id) || m_inFlight.contains(id))
            continue;
        const OutboxEntry entry = m_entries.value(id);
        if (entry.state != EntryState::Queued && entry.state != EntryState::Deferred)
            continue; // held (or changed) by the administrator while it waited
        QHash<QString, ServerReply> replies;
        for (const QString &r : entry.recipients)
            replies.insert(r, reply);
        recordOutcome(entry, replies, QString(), false);
    }
}

// remoteMta names the server that replied (RFC 3464 Remote-MTA); empty when no server did (the
// next hop could not be reached).
void DeliveryQueue::recordOutcome(OutboxEntry entry, const QHash<QString, ServerReply> &replies,
                                  const QString &remoteMta, bool relayedWithoutDsn)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QStringList pending;
    QList<spool::Failure> failed;
    QList<spool::Failure> relayed;
    ServerReply pendingReply;
    ServerReply failedReply;
    ServerReply anyReply;
    // Each recipient's own latest reply, for the queue's details: the entry's last reply
    // speaks for all of them.
    const auto noteResult = [&entry, &now](const QString &r, RecipientOutcome outcome,
                                           const QString &reply) {
        const RecipientResult result{r, outcome, reply, now};
        for (RecipientResult &known : entry.results) {
            if (known.recipient == r) {
                known = result;
                return;
            }
        }
        entry.results.append(result);
    };
    for (const QString &r : std::as_const(entry.recipients)) {
        const ServerReply reply =
            replies.value(r, ServerReply{451, u"4.4.0"_s, u"no reply for this recipient"_s});
        const QString diagnostic = u"smtp; "_s + reply.toString();
        noteResult(r,
                   reply.isPositive()    ? RecipientOutcome::Delivered
                   : reply.isPermanent() ? RecipientOutcome::Failed
                                         : RecipientOutcome::Deferred,
                   reply.toString());
        if (anyReply.code == 0)
            anyReply = reply;
        if (reply.isPositive()) {
            // A static route or the SmartHost passes the message on: it is not delivered yet.
            if (routing::isRelayHop(entry.nextHop, r.mid(r.lastIndexOf(u'@') + 1)))
                log::info(u"outbox"_s,
                          u"relayed to %1 for <%2>: %3"_s.arg(entry.nextHop, r, reply.toString()),
                          entry.messageId);
            else
                log::info(u"outbox"_s, u"delivered to <%1>: %2"_s.arg(r, reply.toString()),
                          entry.messageId);
            if (relayedWithoutDsn && wantsNotice(entry, r, "SUCCESS"))
                relayed.append({r, u"2.0.0"_s, diagnostic, remoteMta});
        } else if (reply.isPermanent()) {
            log::info(u"outbox"_s, u"failed for <%1>: %2"_s.arg(r, reply.toString()),
                      entry.messageId);
            if (wantsNotice(entry, r, "FAILURE"))
                failed.append({r, reply.enhanced.isEmpty() ? u"5.0.0"_s : reply.enhanced,
                               diagnostic, remoteMta});
            if (failedReply.code == 0)
                failedReply = reply;
        } else {
            pending.append(r);
            if (pendingReply.code == 0)
                pendingReply = reply;
        }
    }
    // What the entry shows is about the recipients it still holds, if any.
    const ServerReply summary = pendingReply.code  ? pendingReply
                                : failedReply.code ? failedReply
                                                   : anyReply;
    entry.attempts += 1;
    entry.lastReply = summary.toString();
    entry.history.append(Attempt{now, entry.lastReply});
    while (entry.history.size() > OutboxEntry::kMaxHistory)
        entry.history.removeFirst();

    const auto notify = [&](ReportKind kind, const QList<spool::Failure> &recipients,
                            const QString &suffix) {
        if (!recipients.isEmpty())
            notice(entry, kind, recipients, suffix + QString::number(entry.attempts), now);
    };
    notify(ReportKind::Failed, failed, u"F"_s);
    notify(ReportKind::Relayed, relayed, u"R"_s);

    if (m_deleteAfterFlight.remove(entry.id) || pending.isEmpty()) {
        finishEntry(entry.id);
        return;
    }
    entry.recipients = pending;
    const RetryPlan plan = planRetry(m_settings->outgoing.retry, entry.created, entry.attempts,
                                     entry.warned, now, m_settings->timeScale);
    if (plan.giveUp) {
        QList<spool::Failure> expired;
        for (const QString &r : std::as_const(pending)) {
            if (wantsNotice(entry, r, "FAILURE"))
                expired.append({r, u"5.4.7"_s,
                                u"smtp; delivery time expired (%1 hours); last reply: %2"_s
                                    .arg(m_settings->outgoing.retry.giveUpAfterHours)
                                    .arg(entry.lastReply)});
        }
        log::warning(u"outbox"_s,
                     u"%1 given up after %2 attempts"_s.arg(entry.id).arg(entry.attempts),
                     entry.messageId);
        notify(ReportKind::Failed, expired, u"X"_s);
        finishEntry(entry.id);
        return;
    }
    if (plan.warnNow) {
        QList<spool::Failure> delayed;
        for (const QString &r : std::as_const(pending)) {
            if (wantsNotice(entry, r, "DELAY"))
                delayed.append({r, summary.enhanced.isEmpty() ? u"4.0.0"_s : summary.enhanced,
                                u"smtp; "_s + summary.toString(), remoteMta});
        }
        notify(ReportKind::Delayed, delayed, u"D"_s);
        entry.warned = true;
    }
    // Held by the administrator during the attempt: it stays held.
    const bool held =
        m_holdAfterFlight.remove(entry.id) || m_entries.value(entry.id).state == EntryState::Held;
    entry.state = held ? EntryState::Held : EntryState::Deferred;
    entry.nextAttempt = plan.nextAttempt;
    persist(entry);
}

void DeliveryQueue::finishEntry(const QString &id)
{
    m_entries.remove(id);
    m_holdAfterFlight.remove(id);
    touchRemoved(id);
    // Removed from the queue's database with the others finished within kRemoveMs: one
    // transaction for them all, and not one per turn of the event loop, each an fsync that
    // the spool's next commit (and the 250s waiting on it) would wait behind. A crash before
    // then delivers them again, as a crash between the next hop's 250 and any removal would.
    m_finished.append(id);
    if (m_finished.size() >= kRemoveBatch)
        removeFinished();
    else if (!m_running && m_finished.size() == 1) // no timer on a thread about to end
        QMetaObject::invokeMethod(this, &DeliveryQueue::removeFinished, Qt::QueuedConnection);
    else if (m_running && !m_removeTimer.isActive())
        m_removeTimer.start();
}

void DeliveryQueue::removeFinished()
{
    m_removeTimer.stop();
    const QStringList ids = std::exchange(m_finished, {});
    QString error;
    if (!ids.isEmpty() && !m_outbox->remove(ids, &error))
        log::error(u"outbox"_s, u"cannot remove %1 delivered entr%2: %3"_s.arg(ids.size())
                                    .arg(ids.size() == 1 ? u"y"_s : u"ies"_s, error));
}

// A notice about an Outbox entry to its sender; its id is the entry's plus idSuffix, so a
// redo finds it instead of sending it twice.
bool DeliveryQueue::notice(const OutboxEntry &entry, ReportKind kind,
                           const QList<spool::Failure> &recipients, const QString &idSuffix,
                           const QDateTime &now)
{
    ReportInput in;
    in.kind = kind;
    in.original.id = entry.messageId;
    in.original.sender = entry.sender;
    in.original.received = entry.created;
    in.original.dsn = entry.dsn; // for Original-Recipient
    in.original.smtpUtf8 = entry.smtpUtf8;
    in.failures = recipients;
    in.envid = entry.envid;
    in.ret = entry.ret;
    in.now = now;
    QString error;
    Notifier notifier(m_spool, m_router, m_enqueueMessage);
    if (notifier.send(in, m_outbox->messagePath(entry.id), entry.id + idSuffix, &error))
        return true;
    log::error(u"dsn"_s, u"cannot queue a notice: "_s + error, entry.messageId);
    return false;
}

bool DeliveryQueue::persist(const OutboxEntry &entry)
{
    m_entries.insert(entry.id, entry);
    touch(entry.id);
    QString error;
    if (!m_outbox->update(entry, &error)) {
        log::error(u"outbox"_s, u"cannot update entry: "_s + error, entry.id);
        return false;
    }
    return true;
}

ClientJob DeliveryQueue::jobFor(const OutboxEntry &entry) const
{
    ClientJob job;
    job.sender = entry.sender;
    for (const QString &r : entry.recipients) {
        const RecipientDsn dsn = entry.dsn.value(r);
        job.recipients.append(ClientRecipient{r, dsn.notify, dsn.orcpt});
    }
    job.messagePath = m_outbox->messagePath(entry.id);
    job.size = QFileInfo(job.messagePath).size();
    job.eightBit = entry.eightBit;
    job.smtpUtf8 = entry.smtpUtf8;
    job.ret = entry.ret;
    job.envid = entry.envid;
    // The same name for every attempt of this entry: a partner that had it already (we died
    // after its 250) accepts it without storing it again.
    job.handover = m_settings->server.hostname + u'/' + entry.id;
    return job;
}

ClientOptions DeliveryQueue::optionsFor(const QString &hop) const
{
    ClientOptions o;
    o.heloName = m_settings->server.hostname;
    o.timeScale = m_settings->timeScale;
    o.password = m_settings->passwords.value(hop);
    for (const config::StaticRoute &r : m_settings->outgoing.staticRoutes) {
        if (routing::hopFor(r.host, r.port) == hop) {
            o.tls = r.tls;
            o.username = r.username;
            return o;
        }
    }
    const config::SmartHost &sh = m_settings->outgoing.smarthost;
    if (!sh.host.isEmpty() && routing::hopFor(sh.host, sh.port) == hop) {
        o.tls = sh.tls;
        o.username = sh.username;
    }
    return o;
}

bool DeliveryQueue::tlsFailedLately(const QString &destination)
{
    const auto it = m_clearTextUntil.find(destination);
    if (it == m_clearTextUntil.end())
        return false;
    if (*it > QDateTime::currentDateTimeUtc())
        return true;
    m_clearTextUntil.erase(it); // time to try TLS again
    return false;
}

OperationResult DeliveryQueue::apply(QueueOperation op, const QStringList &ids, bool all)
{
    OperationResult result;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QStringList targets = all ? QStringList(m_entries.keys()) : ids;
    for (const QString &id : targets) {
        if (!m_entries.contains(id)) {
            result.missing.append(id);
            continue;
        }
        OutboxEntry entry = m_entries.value(id);
        const bool inFlight = m_inFlight.contains(id);
        switch (op) {
        case QueueOperation::Retry:
            if (entry.state == EntryState::Held || inFlight)
                continue;
            entry.state = EntryState::Queued;
            entry.nextAttempt = now;
            persist(entry);
            break;
        case QueueOperation::Hold:
            if (inFlight) {
                m_holdAfterFlight.insert(id);
            } else {
                entry.state = EntryState::Held;
                persist(entry);
            }
            break;
        case QueueOperation::Release:
            m_holdAfterFlight.remove(id);
            if (entry.state != EntryState::Held)
                continue;
            entry.state = EntryState::Queued;
            entry.nextAttempt = now;
            persist(entry);
            break;
        case QueueOperation::Delete:
            if (inFlight)
                m_deleteAfterFlight.insert(id);
            else
                finishEntry(id);
            break;
        case QueueOperation::Bounce: {
            QList<spool::Failure> returned;
            for (const QString &r : std::as_const(entry.recipients))
                returned.append(
                    {r, u"5.0.0"_s, u"x-tandem; returned to the sender by the administrator"_s});
            if (!notice(entry, ReportKind::Failed, returned, u"A"_s, now))
                continue;
            if (inFlight)
                m_deleteAfterFlight.insert(id);
            else
                finishEntry(id);
            break;
        }
        }
        log::info(u"outbox"_s, u"%1 by the administrator"_s.arg(toString(op)), id);
        result.changed.append(id);
    }
    removeFinished(); // what the administrator deleted is gone when the answer comes
    scheduleSoon();
    return result;
}

OperationResult DeliveryQueue::applyOffline(const config::Settings &settings, Outbox *outbox,
                                            spool::Spool *spool,
                                            std::shared_ptr<const routing::Router> router,
                                            QueueOperation op, const QStringList &ids, bool all)
{
    // Notices made here wait in the spool; the next start carries them out.
    DeliveryQueue queue(std::make_shared<const config::Settings>(settings), outbox, spool,
                        std::move(router), [](const QString &) {});
    queue.load();
    return queue.apply(op, ids, all);
}

} // namespace tandem::delivery
