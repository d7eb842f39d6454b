#include "dispatcher.h"

#include "archive/archive.h"
#include "config/settings.h"
#include "delivery/notifier.h"
#include "delivery/outbox.h"
#include "mailbox/mailboxsize.h"
#include "mailbox/mailboxstore.h"
#include "router.h"
#include "spool/spool.h"
#include "util/clock.h"
#include "util/fsutil.h"
#include "util/log.h"

#include <QDateTime>
#include <QFileInfo>
#include <QLocale>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace tandem::routing {

Dispatcher::Dispatcher(spool::Spool *spool, mailbox::MailboxStore *mailboxes,
                       delivery::Outbox *outbox, std::shared_ptr<const Router> router,
                       QObject *parent)
    : QObject(parent)
    , m_spool(spool)
    , m_mailboxes(mailboxes)
    , m_outbox(outbox)
    , m_router(std::move(router))
    , m_retryTimer(this)
    , m_commitRetry(this)
{
    m_commitRetry.setSingleShot(true);
    m_commitRetry.setInterval(1000);
    connect(&m_commitRetry, &QTimer::timeout, this, &Dispatcher::commitArchive);
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, [this] {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QStringList due;
        for (auto it = m_waiting.cbegin(); it != m_waiting.cend(); ++it) {
            if (it.value() <= now)
                due.append(it.key());
        }
        for (const QString &id : std::as_const(due)) {
            m_waiting.remove(id);
            schedule(id);
        }
        armRetryTimer();
    });
}

void Dispatcher::enqueue(const QString &id)
{
    QMetaObject::invokeMethod(
        this, [this, id] { schedule(id); }, Qt::QueuedConnection);
}

Dispatcher::~Dispatcher() = default;

void Dispatcher::setArchive(std::unique_ptr<archive::Archive> archive)
{
    m_archive = std::move(archive);
}

void Dispatcher::stop()
{
    m_retryTimer.stop();
    m_commitRetry.stop();
    commitArchive();
}

void Dispatcher::resume(const QStringList &ids)
{
    QMetaObject::invokeMethod(
        this,
        [this, ids] {
            for (const QString &id : ids)
                m_resumed.insert(id);
            adopt(ids);
            for (const QString &id : ids)
                schedule(id);
        },
        Qt::QueuedConnection);
}

void Dispatcher::adopt(const QStringList &ids)
{
    // What waited before the restart is shown again; a hold outlives the restart.
    QList<delivery::OutboxEntry> shown;
    for (const QString &id : ids) {
        if (const auto wait = m_spool->waitRecord(id)) {
            m_shown.insert(id);
            if (wait->held)
                m_held.insert(id);
            if (auto entry = waitingEntry(*m_spool, id))
                shown.append(*entry);
        }
    }
    if (!shown.isEmpty())
        emit waitingChanged(shown, {});
}

int Dispatcher::pending() const
{
    return int(m_queue.size() + m_waiting.size());
}

void Dispatcher::schedule(const QString &id)
{
    if (m_queued.contains(id) || m_held.contains(id))
        return;
    m_queued.insert(id);
    m_queue.enqueue(id);
    if (!m_scheduled) {
        m_scheduled = true;
        QMetaObject::invokeMethod(this, &Dispatcher::processQueue, Qt::QueuedConnection);
    }
}

void Dispatcher::processQueue()
{
    // A batch of messages per turn of the event loop, so stop requests and new work interleave
    // and the batch's records cost one write of the queue's log.
    m_scheduled = false;
    if (m_queue.isEmpty()) {
        emit idle();
        return;
    }
    Batch batch;
    m_batch = &batch;
    while (!m_queue.isEmpty() && batch.outcomes.size() < kDispatchBatch) {
        const QString id = m_queue.dequeue();
        m_queued.remove(id);
        if (m_held.contains(id) || m_awaitingCommit.contains(id))
            continue;
        QString why;
        const Result result = process(id, &why);
        batch.outcomes.append({id, result, why});
    }
    m_batch = nullptr;
    QString error;
    const bool durable = commitBatch(batch, &error);
    if (!durable)
        log::error(u"spool"_s, u"cannot record completion: "_s + error);
    for (const auto &[id, result, why] : std::as_const(batch.outcomes)) {
        if (!durable) {
            retryLater(id, u"cannot record completion: "_s + error);
        } else if (result == Result::Retry) {
            retryLater(id, why);
        } else {
            stopWaiting(id);
            if (result == Result::Finished)
                finish(id);
        }
    }
    if (durable) {
        for (const delivery::OutboxEntry &entry : std::as_const(batch.newEntries))
            log::info(u"outbox"_s,
                      u"%1 %2 for %3 via %4"_s.arg(
                          entry.state == delivery::EntryState::Held ? u"held"_s : u"queued"_s,
                          entry.id, entry.recipients.join(u", "_s), entry.nextHop),
                      entry.messageId);
        if (!batch.newEntries.isEmpty())
            emit outboxChanged();
        // The delivery queue takes a new record as it was written, without reading it back.
        for (const delivery::OutboxEntry &entry : std::as_const(batch.newEntries))
            emit entryAdded(entry);
        for (const QString &id : std::as_const(batch.foundEntries))
            emit entryFoundAgain(id);
    }
    // One catalog transaction for a batch of messages: when the batch is full or no more
    // work waits (so a lone message is not kept waiting).
    if (!m_awaitingCommit.isEmpty() &&
        (m_queue.isEmpty() || m_awaitingCommit.size() >= kArchiveBatch))
        commitArchive();
    m_scheduled = true;
    QMetaObject::invokeMethod(this, &Dispatcher::processQueue, Qt::QueuedConnection);
}

void Dispatcher::completeCopies(Batch &batch)
{
    if (batch.copies.empty())
        return;
    QStringList folders;
    for (const mailbox::PendingCopy &c : batch.copies)
        folders.append(c.folder + u"/new"_s);
    const QStringList errors = m_mailboxes->completeCopies(batch.copies);
    for (qsizetype i = 0; i < batch.stored.size(); ++i) {
        const Batch::StoredCopy &copy = batch.stored.at(i);
        const spool::Envelope &envelope = batch.envelopes[copy.message];
        const spool::Action &action = envelope.actions.at(copy.action);
        QString error = errors.value(i);
        // A record that fails is made by the redo, which finds the copy made.
        if (error.isEmpty() && !recordFiled(envelope, copy.action, action, &error) &&
            error.isEmpty())
            error = u"cannot record the copy in the archive"_s;
        if (!error.isEmpty()) {
            const QString why = u"%1 failed: %2"_s.arg(toString(action.kind), error);
            log::warning(u"router"_s,
                         u"%1, will retry in %2 s"_s.arg(why).arg(kRetrySeconds /
                                                                  m_router->settings().timeScale),
                         copy.message);
            batch.failed.insert({copy.message, copy.action}, why);
            continue;
        }
        batch.folders.insert(folders.at(i));
        if (m_sizes)
            m_sizes->added(action.mailbox, mailbox::MailboxSizes::sizeFromFileName(copy.fileName),
                           envelope.id);
        notifyDelivered(envelope, copy.action, action);
        log::info(u"mailbox"_s,
                  u"stored for <%1> in %2%3"_s.arg(
                      action.deliveredTo, action.mailbox,
                      action.folder.isEmpty() ? QString() : u" folder "_s + action.folder),
                  envelope.id);
    }
    batch.stored.clear();
    batch.envelopes.clear();
}

bool Dispatcher::commitBatch(Batch &batch, QString *error)
{
    completeCopies(batch);
    // A copy that could not be made durable is not marked done, and its message waits for a
    // retry that makes it again (its other actions stay done).
    if (!batch.failed.isEmpty()) {
        QHash<QString, QString> why;
        for (auto it = batch.failed.cbegin(); it != batch.failed.cend(); ++it) {
            batch.marks.removeAll(it.key());
            if (!why.contains(it.key().first))
                why.insert(it.key().first, it.value());
        }
        for (auto &[id, result, text] : batch.outcomes) {
            if (why.contains(id) && result == Result::Finished) {
                result = Result::Retry;
                text = why.value(id);
            }
        }
    }
    if (batch.marks.isEmpty() && batch.newEntries.isEmpty() && batch.folders.isEmpty())
        return true;
    const auto db = m_spool->db();
    if (!db) {
        *error = u"the queue's database cannot be opened"_s;
        return false;
    }
    // The new names (Maildir copies, Outbox links) durable first, before the records that rely
    // on them, and outside the transaction: the queue's database is not held while they sync.
    if (m_outbox->flushedFiles(batch.newEntries))
        batch.folders.insert(m_outbox->directory());
    for (const QString &folder : std::as_const(batch.folders)) {
        if (!fsutil::fsyncDirectory(folder, error))
            return false;
    }
    // The Outbox's records and the marks of the actions that made them, all or none.
    spool::QueueDb::Transaction t(*db);
    return m_outbox->insert(batch.newEntries, error, false) &&
           m_spool->markCompleted(batch.marks, error) && t.commit(error);
}

void Dispatcher::armRetryTimer()
{
    if (m_waiting.isEmpty()) {
        m_retryTimer.stop();
        return;
    }
    const QDateTime next = *std::min_element(m_waiting.cbegin(), m_waiting.cend());
    const qint64 ms = QDateTime::currentDateTimeUtc().msecsTo(next);
    m_retryTimer.start(int(std::clamp<qint64>(ms, 0, kRetrySeconds * 1000)));
}

void Dispatcher::retryLater(const QString &id, const QString &error)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const double scale = m_router->settings().timeScale;
    spool::Spool::Wait wait = m_spool->waitRecord(id).value_or(spool::Spool::Wait{});
    wait.attempts += 1;
    wait.lastAttempt = now;
    wait.nextAttempt = now.addMSecs(qint64(kRetrySeconds * 1000 / (scale > 0 ? scale : 1.0)));
    wait.error = error;
    m_spool->recordWait(id, wait);
    m_waiting.insert(id, wait.nextAttempt);
    m_shown.insert(id);
    armRetryTimer();
    if (auto entry = waitingEntry(*m_spool, id))
        emit waitingChanged({*entry}, {});
}

void Dispatcher::retryWaiting()
{
    const QStringList due = m_waiting.keys();
    m_waiting.clear();
    for (const QString &id : due)
        schedule(id);
    armRetryTimer();
}

void Dispatcher::stopWaiting(const QString &id)
{
    m_waiting.remove(id);
    m_held.remove(id);
    m_attempted.remove(id);
    if (m_shown.remove(id))
        emit waitingChanged({}, {id});
}

QList<delivery::OutboxEntry> Dispatcher::waitingEntries() const
{
    QList<delivery::OutboxEntry> entries;
    for (const QString &id : m_shown) {
        if (auto entry = waitingEntry(*m_spool, id))
            entries.append(*entry);
    }
    return entries;
}

std::optional<delivery::OutboxEntry> Dispatcher::waitingEntry(const spool::Spool &spool,
                                                              const QString &id)
{
    const auto wait = spool.waitRecord(id);
    QString error;
    const auto envelope = wait ? spool.loadEnvelope(id, &error) : std::nullopt;
    if (!envelope)
        return std::nullopt;
    const QSet<int> done = spool.completedActions(id);
    delivery::OutboxEntry e;
    e.id = id;
    e.messageId = id;
    e.sender = envelope->sender;
    e.subject = envelope->subject;
    e.client = envelope->clientAddress;
    e.helo = envelope->helo;
    for (int i = 0; i < envelope->actions.size(); ++i) {
        const spool::Action &a = envelope->actions.at(i);
        if (done.contains(i))
            continue;
        if (a.kind == spool::ActionKind::Deliver)
            e.recipients.append(a.deliveredTo.isEmpty() ? a.mailbox : a.deliveredTo);
        else if (a.kind == spool::ActionKind::Bounce)
            e.recipients.append(envelope->sender);
        else
            e.recipients.append(a.recipients);
    }
    e.recipients.removeDuplicates();
    if (e.recipients.isEmpty())
        e.recipients = envelope->recipients;
    e.size = envelope->size;
    e.nextHop = QString::fromLatin1(kLocalHop);
    e.state = wait->held ? delivery::EntryState::Held : delivery::EntryState::Deferred;
    e.attempts = wait->attempts;
    e.created = envelope->received;
    e.nextAttempt = wait->nextAttempt;
    e.lastReply = wait->error;
    if (wait->lastAttempt.isValid())
        e.history.append(delivery::Attempt{wait->lastAttempt, wait->error});
    return e;
}

delivery::OperationResult Dispatcher::apply(delivery::QueueOperation op, const QStringList &ids,
                                            bool all)
{
    using delivery::QueueOperation;
    delivery::OperationResult result;
    const QStringList targets = all ? QStringList(m_shown.cbegin(), m_shown.cend()) : ids;
    for (const QString &id : targets) {
        if (!m_shown.contains(id) || !m_spool->exists(id)) {
            result.missing.append(id);
            continue;
        }
        const bool held = m_held.contains(id);
        switch (op) {
        case QueueOperation::Retry:
            if (held)
                continue;
            m_waiting.remove(id);
            schedule(id);
            break;
        case QueueOperation::Hold:
        case QueueOperation::Release: {
            if (held == (op == QueueOperation::Hold))
                continue;
            spool::Spool::Wait wait = m_spool->waitRecord(id).value_or(spool::Spool::Wait{});
            wait.held = op == QueueOperation::Hold;
            m_spool->recordWait(id, wait);
            if (wait.held) {
                m_held.insert(id);
                m_waiting.remove(id);
            } else {
                m_held.remove(id);
                schedule(id);
            }
            if (auto entry = waitingEntry(*m_spool, id))
                emit waitingChanged({*entry}, {});
            break;
        }
        case QueueOperation::Bounce:
            if (!returnToSender(id))
                continue;
            [[fallthrough]];
        case QueueOperation::Delete:
            m_spool->remove(id);
            stopWaiting(id);
            emit messageFinished(id);
            break;
        }
        log::info(u"router"_s, u"%1 by the administrator"_s.arg(delivery::toString(op)), id);
        result.changed.append(id);
    }
    armRetryTimer();
    return result;
}

bool Dispatcher::returnToSender(const QString &id)
{
    QString error;
    const auto envelope = m_spool->loadEnvelope(id, &error);
    if (!envelope) {
        log::error(u"router"_s, u"cannot return the message: "_s + error, id);
        return false;
    }
    const QSet<int> done = m_spool->completedActions(id);
    delivery::ReportInput in;
    in.kind = delivery::ReportKind::Failed;
    in.original = *envelope;
    in.envid = envelope->envid;
    in.ret = envelope->ret;
    for (int i = 0; i < envelope->actions.size(); ++i) {
        const spool::Action &a = envelope->actions.at(i);
        if (done.contains(i) || a.kind == spool::ActionKind::Bounce)
            continue;
        const QStringList recipients =
            a.kind == spool::ActionKind::Deliver ? QStringList{a.deliveredTo} : a.recipients;
        for (const QString &r : recipients)
            in.failures.append(
                {r, u"5.0.0"_s, u"x-tandem; returned to the sender by the administrator"_s});
    }
    delivery::Notifier notifier(m_spool, m_router, [this](const QString &n) { schedule(n); });
    if (!notifier.send(in, m_spool->messagePath(id), id + u"A"_s, &error)) {
        log::error(u"dsn"_s, u"cannot queue a notice: "_s + error, id);
        return false;
    }
    return true;
}

Dispatcher::Result Dispatcher::process(const QString &id, QString *why)
{
    QString error;
    bool missing = false;
    const auto envelope = m_spool->loadEnvelope(id, &error, &missing);
    if (missing)
        return Result::Gone; // finished meanwhile
    if (!envelope) {
        m_spool->moveToCorrupt(id, error);
        return Result::Gone;
    }
    const QSet<int> done = m_spool->completedActions(id);
    // Found at start: a copy made before the crash may not have reached the catalog.
    const bool resumed = m_resumed.remove(id);
    // A copy made but not recorded exists only where an attempt was made before: after a
    // crash (found at start) or a failure (tried before here).
    const bool mayExist = resumed || m_attempted.contains(id);
    m_attempted.insert(id);
    for (int i = 0; i < envelope->actions.size(); ++i) {
        if (done.contains(i)) {
            const spool::Action &action = envelope->actions.at(i);
            if (resumed && action.kind == spool::ActionKind::Deliver &&
                !recordFiled(*envelope, i, action, &error)) {
                m_resumed.insert(id);
                *why = u"cannot record the copy in the archive: "_s + error;
                log::warning(u"archive"_s, *why, id);
                return Result::Retry;
            }
            continue;
        }
        const spool::Action &action = envelope->actions.at(i);
        if (!run(*envelope, i, action, mayExist, &error)) {
            log::warning(u"router"_s,
                         u"%1 failed, will retry in %2 s: %3"_s.arg(toString(action.kind))
                             .arg(kRetrySeconds / m_router->settings().timeScale)
                             .arg(error),
                         id);
            *why = u"%1 failed: %2"_s.arg(toString(action.kind), error);
            return Result::Retry;
        }
        m_batch->marks.append({id, i});
    }
    return Result::Finished;
}

void Dispatcher::finish(const QString &id)
{
    if (!m_archive) {
        m_spool->remove(id);
        emit messageFinished(id);
        return;
    }
    m_awaitingCommit.append(id);
}

void Dispatcher::commitArchive()
{
    if (m_awaitingCommit.isEmpty() && (!m_archive || m_archive->pendingFiled() == 0))
        return;
    QString error;
    if (m_archive && !m_archive->commit(&error)) {
        // The copies are in their mailboxes; only their catalog rows wait. The messages stay
        // in the spool until they are written, and a restart records them again.
        log::error(u"archive"_s, u"cannot record %1 filed message(s) in the catalog, will retry: "
                                 "%2"_s.arg(m_awaitingCommit.size())
                                     .arg(error));
        m_commitRetry.start();
        return;
    }
    // One transaction removes them all.
    const QStringList ids = std::exchange(m_awaitingCommit, {});
    m_spool->remove(ids);
    for (const QString &id : ids)
        emit messageFinished(id);
}

bool Dispatcher::recordFiled(const spool::Envelope &envelope, int index,
                             const spool::Action &action, QString *error)
{
    if (!m_archive)
        return true;
    const qsizetype at = action.mailbox.lastIndexOf(u'@');
    archive::FiledCopy copy;
    copy.mailbox = config::mailboxName(action.mailbox.left(at)) + u'@' +
                   config::asciiDomain(action.mailbox.mid(at + 1));
    copy.folder = action.folder;
    copy.key = envelope.id + u'A' + QString::number(index);
    copy.deliveredTo = action.deliveredTo;
    copy.prefix = livePrefix(envelope, action);
    copy.messagePath = m_spool->messagePath(envelope.id);
    // A message's age counts from here, on the one clock retention reads (tests set it).
    copy.filed = clock::now();
    return m_archive->recordFiled(copy, error);
}

QByteArray Dispatcher::livePrefix(const spool::Envelope &envelope, const spool::Action &action)
{
    // Return-Path: names the envelope sender, as a final delivery does (RFC 5321 §4.4), and
    // the archive's search finds mail by it; Delivered-To: names the envelope recipient of this
    // copy, so Bcc recipients stay on record; a Sent copy also lists every envelope recipient.
    QByteArray prefix = "Return-Path: <" + envelope.sender.toUtf8() +
                        ">\r\nDelivered-To: " + action.deliveredTo.toUtf8() + "\r\n";
    if (action.folder == u"Sent"_s && !envelope.recipients.isEmpty())
        prefix += "X-Envelope-To: " + envelope.recipients.join(u",\r\n\t"_s).toUtf8() + "\r\n";
    return prefix;
}

bool Dispatcher::run(const spool::Envelope &envelope, int index, const spool::Action &action,
                     bool mayExist, QString *error)
{
    switch (action.kind) {
    case spool::ActionKind::Deliver:
        return deliver(envelope, index, action, mayExist, error);
    case spool::ActionKind::Outbox:
    case spool::ActionKind::Hold:
        return queueOutbox(envelope, index, action, mayExist, error);
    case spool::ActionKind::Bounce:
        return bounce(envelope, index, action, error);
    }
    return false;
}

bool Dispatcher::deliver(const spool::Envelope &envelope, int index, const spool::Action &action,
                         bool mayExist, QString *error)
{
    const qsizetype at = action.mailbox.lastIndexOf(u'@');
    mailbox::DeliveryRequest request;
    request.localPart = action.mailbox.left(at);
    request.domain = action.mailbox.mid(at + 1);
    request.folder = action.folder;
    request.create = action.create;
    request.uniqueBase = envelope.id + u'A' + QString::number(index);
    request.time = envelope.received;
    request.sourcePath = m_spool->messagePath(envelope.id);
    QString fileName;
    request.prefix = livePrefix(envelope, action);
    // The copy's name in new/ is made durable with the batch's marks (commitBatch).
    request.syncFolder = false;
    request.mayExist = mayExist;
    // Made durable and moved into new/ with the batch's other copies (completeCopies).
    request.batch = &m_batch->copies;
    const mailbox::DeliveryOutcome outcome = m_mailboxes->deliver(request, &fileName, error);
    // A copy found made is in new/ (which the batch syncs); a copy stored joins new/ when it
    // is complete (completeCopies).
    if (outcome == mailbox::DeliveryOutcome::AlreadyStored)
        m_batch->folders.insert(
            m_mailboxes->folderPath(request.localPart, request.domain, request.folder) + u"/new"_s);
    switch (outcome) {
    case mailbox::DeliveryOutcome::Stored:
        m_batch->stored.append({envelope.id, index, fileName});
        if (!m_batch->envelopes.contains(envelope.id))
            m_batch->envelopes.insert(envelope.id, envelope);
        // Not one descriptor per recipient of a message to thousands.
        if (m_batch->copies.size() >= kMaxPendingCopies)
            completeCopies(*m_batch);
        return true;
    case mailbox::DeliveryOutcome::AlreadyStored:
        if (!recordFiled(envelope, index, action, error))
            return false;
        log::info(u"mailbox"_s, u"already stored in %1 (recovered)"_s.arg(action.mailbox),
                  envelope.id);
        return true;
    case mailbox::DeliveryOutcome::NoMailbox:
        // The plan said the mailbox existed and was not to be created; it is gone since.
        *error = u"mailbox %1 does not exist"_s.arg(action.mailbox);
        return false;
    case mailbox::DeliveryOutcome::Failed:
        return false;
    }
    return false;
}

bool Dispatcher::queueOutbox(const spool::Envelope &envelope, int index,
                             const spool::Action &action, bool mayExist, QString *error)
{
    delivery::OutboxEntry entry;
    entry.id = envelope.id + u'-' + QString::number(index);
    entry.messageId = envelope.id;
    entry.sender = envelope.sender;
    entry.recipients = action.recipients;
    entry.subject = envelope.subject;
    entry.client = envelope.clientAddress;
    entry.helo = envelope.helo;
    entry.nextHop = action.nextHop;
    entry.ret = envelope.ret;
    entry.envid = envelope.envid;
    entry.eightBit = envelope.eightBit;
    entry.smtpUtf8 = envelope.smtpUtf8;
    for (const QString &r : action.recipients) {
        spool::RecipientDsn dsn = envelope.dsn.value(r);
        // A passthrough copy of a recipient delivered here must not make the partner machine
        // report its delivery a second time; failures (a loop stopped by the hop limit) it
        // still reports.
        for (const spool::Action &a : envelope.actions) {
            if (a.kind == spool::ActionKind::Deliver && a.deliveredTo == r && a.folder.isEmpty() &&
                !dsn.notify.isEmpty() && dsn.notify != u"NEVER"_s) {
                QStringList kinds = dsn.notify.split(u',');
                kinds.removeAll(u"SUCCESS"_s);
                dsn.notify = kinds.isEmpty() ? u"NEVER"_s : kinds.join(u',');
            }
        }
        if (!dsn.notify.isEmpty() || !dsn.orcpt.isEmpty())
            entry.dsn.insert(r, dsn);
    }
    entry.created = QDateTime::currentDateTimeUtc();
    entry.nextAttempt = entry.created;
    const QString source = m_spool->messagePath(envelope.id);
    entry.size = QFileInfo(source).size();
    if (action.kind == spool::ActionKind::Hold) {
        entry.state = delivery::EntryState::Held;
        entry.lastReply = action.reason;
    }
    // A message this server made (a notice) leaves with a trace of where it was made, like
    // Postfix's "Received: by host (Postfix)": without one, the partner machine's rule for
    // messages without Received: headers would send it straight back.
    QByteArray trace;
    if (envelope.generated)
        trace = "Received: by " + m_router->settings().server.hostname.toLatin1() +
                " (Tandem) id " + envelope.id.toLatin1() + "; " +
                QLocale::c()
                    .toString(envelope.received.toUTC(), u"ddd, dd MMM yyyy hh:mm:ss"_s)
                    .toLatin1() +
                " +0000\r\n";
    entry.size += trace.size();
    // Found again by a redo after a crash: already durable; the delivery queue is told again.
    // A message not tried before has no record to look for.
    if (mayExist && m_outbox->contains(entry.id)) {
        m_batch->foundEntries.append(entry.id);
        return true;
    }
    if (!m_outbox->prepare(entry, source, error, trace))
        return false;
    m_batch->newEntries.append(entry);
    return true;
}

// RFC 3461 NOTIFY=SUCCESS: the sender asked to hear of the delivery.
void Dispatcher::notifyDelivered(const spool::Envelope &envelope, int index,
                                 const spool::Action &action)
{
    if (!action.folder.isEmpty() ||
        !envelope.dsn.value(action.deliveredTo).notify.split(u',').contains(u"SUCCESS"_s))
        return;
    delivery::ReportInput in;
    in.kind = delivery::ReportKind::Delivered;
    in.original = envelope;
    in.envid = envelope.envid;
    in.failures = {{action.deliveredTo, u"2.0.0"_s, QString()}};
    QString error;
    delivery::Notifier notifier(m_spool, m_router, [this](const QString &id) { schedule(id); });
    if (!notifier.send(in, m_spool->messagePath(envelope.id),
                       envelope.id + u'S' + QString::number(index), &error))
        log::error(u"dsn"_s, u"cannot queue a delivery notice: "_s + error, envelope.id);
}

bool Dispatcher::bounce(const spool::Envelope &envelope, int index, const spool::Action &action,
                        QString *error)
{
    // The notice's id is fixed by the original's, so a redo after a crash between its commit
    // and this action's completion record finds it instead of making a second one.
    delivery::ReportInput in;
    in.kind = delivery::ReportKind::Failed;
    in.original = envelope;
    in.envid = envelope.envid;
    in.ret = envelope.ret;
    for (const spool::Failure &f : action.failures) {
        const QString notify = envelope.dsn.value(f.recipient).notify;
        if (notify.isEmpty() || notify.split(u',').contains(u"FAILURE"_s))
            in.failures.append(f);
    }
    delivery::Notifier notifier(m_spool, m_router, [this](const QString &id) { schedule(id); });
    return notifier.send(in, m_spool->messagePath(envelope.id),
                         envelope.id + u'B' + QString::number(index), error);
}

} // namespace tandem::routing
