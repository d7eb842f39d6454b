#include "engine.h"

#include "archive/maintenance.h"
#include "delivery/deliveryqueue.h"
#include "delivery/notifier.h"
#include "mailbox/mailboxsize.h"
#include "mailbox/mailboxstore.h"
#include "mime/mime.h"
#include "routing/dispatcher.h"
#include "routing/router.h"
#include "smtp/smtpserver.h"
#include "smtp/tlscontext.h"
#include "spool/spool.h"
#include "util/clock.h"
#include "util/diskspace.h"
#include "util/fsutil.h"
#include "util/log.h"
#include "util/logfile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace tandem {

namespace {
QString spoolDir(const config::Settings &s)
{
    return s.dataPath() + u"/spool"_s;
}
QString mailboxDir(const config::Settings &s)
{
    return s.dataPath() + u"/mailboxes"_s;
}
} // namespace

Engine::Engine(config::Settings settings, QObject *parent)
    : QObject(parent)
    , m_settings(std::make_shared<const config::Settings>(std::move(settings)))
{
    m_dispatchThread.setObjectName(u"tandem-dispatch"_s);
    m_deliveryThread.setObjectName(u"tandem-delivery"_s);
    m_maintenanceThread.setObjectName(u"tandem-archive"_s);
}

Engine::~Engine()
{
    if (m_server)
        m_server->abortSessions();
    delete m_server;
    m_server = nullptr;
    if (m_delivery) {
        delivery::DeliveryQueue *queue = m_delivery;
        QMetaObject::invokeMethod(
            queue, [queue] { queue->stop(); }, Qt::BlockingQueuedConnection);
    }
    if (m_spool)
        m_spool->close();
    if (m_dispatcher)
        QMetaObject::invokeMethod(m_dispatcher, &routing::Dispatcher::stop,
                                  Qt::BlockingQueuedConnection);
    m_dispatchThread.quit();
    m_dispatchThread.wait();
    m_deliveryThread.quit();
    m_deliveryThread.wait();
    stopMaintenance();
    delete m_dispatcher;
    delete m_delivery;
    if (m_lockFd >= 0)
        ::close(m_lockFd);
}

QString Engine::controlDir(const config::Settings &settings)
{
    return spoolDir(settings) + u"/control"_s;
}

QString Engine::logPath(const config::Settings &settings)
{
    return settings.dataPath() + u"/log/tandem.log"_s;
}

QList<log::Entry> Engine::recentLog(const config::Settings &settings, int maxLines)
{
    return log::readRecent(logPath(settings), maxLines);
}

bool Engine::lockDataFolder(QString *error)
{
    if (m_lockFd >= 0)
        return true;
    const QString path = m_settings->dataPath() + u"/tandemd.lock"_s;
    m_lockFd = ::open(QFile::encodeName(path).constData(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (m_lockFd < 0) {
        *error = u"cannot open %1: %2 (running as user %3)"_s.arg(path, fsutil::errnoText(errno),
                                                                  fsutil::currentUserName());
        return false;
    }
    if (::flock(m_lockFd, LOCK_EX | LOCK_NB) != 0) {
        QFile pidFile(path);
        const QString pid = pidFile.open(QIODevice::ReadOnly)
                                ? QString::fromLatin1(pidFile.readAll()).trimmed()
                                : QString();
        *error = u"the data folder %1 is in use by another Tandem engine (pid %2)"_s.arg(
            m_settings->dataPath(), pid);
        ::close(m_lockFd);
        m_lockFd = -1;
        return false;
    }
    const QByteArray pid = QByteArray::number(::getpid()) + '\n';
    if (::ftruncate(m_lockFd, 0) != 0 || ::write(m_lockFd, pid.constData(), size_t(pid.size())) < 0)
        log::warning(u"engine"_s, u"cannot write the pid into "_s + path);
    return true;
}

bool Engine::isDataFolderInUse(const config::Settings &settings)
{
    const QString path = settings.dataPath() + u"/tandemd.lock"_s;
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return false;
    const bool inUse = ::flock(fd, LOCK_SH | LOCK_NB) != 0;
    ::close(fd);
    return inUse;
}

QStringList Engine::checkDataFolder(const config::Settings &settings)
{
    // What a start creates and writes: the folder itself (or the parent it is created in), and
    // those of its folders that exist already.
    const QString data = settings.dataPath();
    QString error;
    if (!fsutil::checkWritableFolder(data, &error))
        return {u"server.data_dir: "_s + error};
    QStringList errors;
    for (const QString &sub :
         {u"spool"_s, u"spool/tmp"_s, u"spool/queue"_s, u"spool/outbox"_s, u"spool/corrupt"_s,
          u"spool/control"_s, u"mailboxes"_s, u"log"_s, u"archive"_s, u"archive/blobs"_s}) {
        const QString path = data + u'/' + sub;
        if (QFileInfo::exists(path) && !fsutil::checkWritableFolder(path, &error))
            errors.append(u"server.data_dir: "_s + error);
    }
    return errors;
}

bool Engine::start(QString *error)
{
    if (m_running)
        return true;
    // Everything that can fail comes first, and a failure undoes what was done: no delivery
    // starts and nothing claims to listen for an engine that did not start.
    if (!prepare(error)) {
        log::error(u"engine"_s, u"cannot start: "_s + *error);
        delete m_server;
        m_server = nullptr;
        delete m_disk;
        m_disk = nullptr;
        m_router.reset();
        m_outbox.reset();
        m_mailboxes.reset();
        m_filingArchive.reset();
        m_spool.reset();
        m_logFile.reset();
        if (m_lockFd >= 0) {
            ::close(m_lockFd);
            m_lockFd = -1;
        }
        return false;
    }
    const config::Settings &s = *m_settings;

    m_dispatcher =
        new routing::Dispatcher(m_spool.get(), m_mailboxes.get(), m_outbox.get(), m_router);
    m_dispatcher->setArchive(std::move(m_filingArchive));
    m_dispatcher->setMailboxSizes(m_sizes.get());
    connect(m_sizes.get(), &mailbox::MailboxSizes::alarm, this, &Engine::mailboxSizeAlarm);
    connect(m_sizes.get(), &mailbox::MailboxSizes::alarmCleared, this,
            &Engine::mailboxSizeAlarmCleared);
    connect(m_sizes.get(), &mailbox::MailboxSizes::postmasterNotice, this,
            [this](const QString &subject, const QString &text) {
                if (!m_dispatcher)
                    return;
                delivery::Notifier notifier(
                    m_spool.get(), m_router,
                    [d = m_dispatcher](const QString &id) { d->enqueue(id); });
                QString error;
                if (!notifier.tellPostmaster(subject, text, {}, &error))
                    log::error(u"mailbox"_s, u"cannot tell the postmaster: "_s + error);
            });
    m_dispatcher->moveToThread(&m_dispatchThread);
    connect(m_dispatcher, &routing::Dispatcher::outboxChanged, this, &Engine::outboxChanged);
    connect(m_dispatcher, &routing::Dispatcher::messageFinished, this, &Engine::messageFinished);
    connect(m_spool.get(), &spool::Spool::committed, m_dispatcher,
            [d = m_dispatcher](const QString &id) { d->enqueue(id); });
    m_localEntries.clear();
    connect(m_dispatcher, &routing::Dispatcher::waitingChanged, this,
            [this](const QList<delivery::OutboxEntry> &changed, const QStringList &removed) {
                for (const delivery::OutboxEntry &e : changed)
                    m_localEntries.insert(e.id, e);
                for (const QString &id : removed)
                    m_localEntries.remove(id);
                emit outboxUpdated(changed, removed);
                emit outboxChanged();
            });
    m_dispatchThread.start();

    routing::Dispatcher *dispatcher = m_dispatcher;
    m_delivery =
        new delivery::DeliveryQueue(m_settings, m_outbox.get(), m_spool.get(), m_router,
                                    [dispatcher](const QString &id) { dispatcher->enqueue(id); });
    m_delivery->moveToThread(&m_deliveryThread);
    connect(m_delivery, &delivery::DeliveryQueue::changed, this, &Engine::outboxChanged);
    connect(m_delivery, &delivery::DeliveryQueue::entriesSnapshot, this,
            [this](QList<delivery::OutboxEntry> entries) {
                entries.append(m_localEntries.values());
                emit outboxSnapshot(entries);
            });
    connect(m_delivery, &delivery::DeliveryQueue::entriesUpdated, this, &Engine::outboxUpdated);
    connect(m_dispatcher, &routing::Dispatcher::entryAdded, m_delivery,
            qOverload<const delivery::OutboxEntry &>(&delivery::DeliveryQueue::add));
    connect(m_dispatcher, &routing::Dispatcher::entryFoundAgain, m_delivery,
            qOverload<const QString &>(&delivery::DeliveryQueue::add));
    m_deliveryThread.start();
    QMetaObject::invokeMethod(m_delivery, &delivery::DeliveryQueue::start);

    const spool::Spool::Recovery recovery = m_spool->recover();
    if (recovery.discarded || !recovery.corrupted.isEmpty() || !recovery.resume.isEmpty())
        log::info(u"spool"_s, u"recovery: %1 to resume, %2 incomplete discarded, %3 corrupt"_s
                                  .arg(recovery.resume.size())
                                  .arg(recovery.discarded)
                                  .arg(recovery.corrupted.size()));
    m_dispatcher->resume(recovery.resume);

    connect(m_disk, &util::DiskSpace::levelChanged, this,
            [this](util::DiskSpace::Level level, qint64 free, qint64 reserve) {
                // Deliveries that failed for want of space need not wait for their next try.
                if (level != util::DiskSpace::Level::Full && m_dispatcher)
                    QMetaObject::invokeMethod(m_dispatcher, &routing::Dispatcher::retryWaiting);
                emit diskSpaceChanged(util::DiskSpace::toString(level), free, reserve);
            });
    m_disk->start();
    // Mailboxes that reached their cap before this start: the console shows them at once.
    QMetaObject::invokeMethod(
        this,
        [this] {
            if (m_sizes)
                m_sizes->announceFull();
        },
        Qt::QueuedConnection);

    m_maintenance = new archive::Maintenance(m_settings);
    m_maintenance->moveToThread(&m_maintenanceThread);
    connect(m_maintenance, &archive::Maintenance::runProgress, this, &Engine::archiveProgress);
    // Archived mail leaves the live folders: the size caps measure again, and the mailboxes
    // at their cap are looked at now (an alarm ends when a run brings one below).
    connect(m_maintenance, &archive::Maintenance::runFinished, this, [this] {
        if (!m_sizes)
            return;
        m_sizes->forgetAll();
        m_sizes->announceFull();
    });
    connect(m_maintenance, &archive::Maintenance::runFinished, this,
            [this](const archive::RunReport &report) {
                const QJsonObject reply = archive::toJson(report);
                if (!m_runAnswers.isEmpty()) {
                    QString error;
                    fsutil::writeDurably(m_runAnswers.takeFirst(), QJsonDocument(reply).toJson(),
                                         &error, false);
                }
                emit archiveRunFinished(report);
            });
    connect(m_maintenance, &archive::Maintenance::verifyFinished, this,
            [this](const archive::VerifyReport &report) {
                const QJsonObject reply = archive::toJson(report);
                if (!m_verifyAnswers.isEmpty()) {
                    QString error;
                    fsutil::writeDurably(m_verifyAnswers.takeFirst(), QJsonDocument(reply).toJson(),
                                         &error, false);
                }
                emit archiveVerified(report);
            });
    connect(m_maintenance, &archive::Maintenance::reindexFinished, this,
            [this](const archive::ReindexReport &report) {
                if (!m_reindexAnswers.isEmpty()) {
                    QString error;
                    fsutil::writeDurably(m_reindexAnswers.takeFirst(),
                                         QJsonDocument(archive::toJson(report)).toJson(), &error,
                                         false);
                }
            });
    connect(m_maintenance, &archive::Maintenance::digestDue, this,
            [this](const QString &subject, const QString &text, const QString &fixedId) {
                if (!m_spool || !m_dispatcher)
                    return;
                routing::Dispatcher *d = m_dispatcher;
                delivery::Notifier notifier(m_spool.get(), m_router,
                                            [d](const QString &id) { d->enqueue(id); });
                QString error;
                if (!notifier.tellPostmaster(subject, text, fixedId, &error))
                    log::error(u"archive"_s,
                               u"cannot send the ledger heads to the postmaster: "_s + error);
            });
    m_maintenanceThread.start();
    QMetaObject::invokeMethod(m_maintenance, &archive::Maintenance::start);

    m_controlTimer = new QTimer(this);
    m_controlTimer->setInterval(200);
    connect(m_controlTimer, &QTimer::timeout, this, &Engine::pollControl);
    m_controlTimer->start();
    m_running = true;
    log::info(u"engine"_s, u"started as %1 for %2 (data in %3)"_s.arg(
                               config::toString(s.server.role), s.allLocalDomains().join(u", "_s),
                               s.dataPath()));
    emit started();
    return true;
}

// The steps of a start that can fail: folders, the lock, the spool, the listening sockets.
bool Engine::prepare(QString *error)
{
    const config::Settings &s = *m_settings;
    // Loaded when a message first needs MIME read (mime/mime.h); its absence is found now, not
    // at the first encoded subject or archived copy.
    if (mime::modulePath().isEmpty()) {
        *error = u"Tandem's MIME module is missing (looked for %1); install Tandem with "
                 u"cmake --install, or run it from its build tree"_s.arg(
                     mime::candidatePaths().join(u", "_s));
        return false;
    }
    if (!fsutil::ensureDirectory(s.dataPath(), error) ||
        !fsutil::ensureDirectory(mailboxDir(s), error) ||
        !fsutil::ensureDirectory(s.dataPath() + u"/log"_s, error))
        return false;
    if (!lockDataFolder(error))
        return false;
    // After the lock: one engine writes and rotates the file.
    m_logFile = log::FileLog::open(logPath(s), qint64(s.server.logMaxSizeKb) * 1024,
                                   s.server.logFiles, error);
    if (!m_logFile)
        return false;
    m_spool = std::make_unique<spool::Spool>(spoolDir(s));
    if (!m_spool->open(error, s.timeScale) || !fsutil::ensureDirectory(controlDir(s), error))
        return false;
    m_mailboxes = std::make_unique<mailbox::MailboxStore>(mailboxDir(s), s.server.hostname,
                                                          s.mailboxes.mailboxTemplate);
    m_outbox = std::make_unique<delivery::Outbox>(m_spool->outboxDir(), m_spool->db());
    m_outbox->setFilePool(m_spool->filePool());
    m_filingArchive = openArchive(s, error);
    if (!m_filingArchive)
        return false;
    m_router = std::make_shared<routing::Router>(
        m_settings, [store = m_mailboxes.get()](const QString &local, const QString &domain) {
            return store->existsOnDisk(local, domain);
        });
    m_disk = new util::DiskSpace(s.dataPath(), s.freeSpaceReserve(), this);
    m_server = new smtp::SmtpServer(m_settings, m_spool.get(), m_router, this);
    m_server->setDiskSpace(m_disk);
    m_sizes = std::make_shared<mailbox::MailboxSizes>(mailboxDir(s));
    m_server->setMailboxSizes(m_sizes);
    return m_server->listen(error);
}

void Engine::stop(int stopTimeoutMs)
{
    if (!m_running || m_stopping)
        return;
    m_stopping = true;
    log::info(u"engine"_s, u"stopping: no new connections, finishing open sessions"_s);
    connect(m_server, &smtp::SmtpServer::finished, this, &Engine::finishStop, Qt::QueuedConnection);
    QTimer::singleShot(stopTimeoutMs, this, [this] {
        if (m_stopping && m_server) {
            log::warning(u"engine"_s, u"closing sessions still open after the stop timeout"_s);
            m_server->abortSessions();
        }
    });
    m_server->shutdown();
}

void Engine::finishStop()
{
    if (!m_stopping)
        return;
    m_server->deleteLater();
    m_server = nullptr;
    delete m_controlTimer;
    m_controlTimer = nullptr;
    delete m_disk;
    m_disk = nullptr;
    stopMaintenance();
    delivery::DeliveryQueue *queue = m_delivery;
    QMetaObject::invokeMethod(
        queue, [queue] { queue->stop(); }, Qt::BlockingQueuedConnection);
    m_deliveryThread.quit();
    m_deliveryThread.wait();
    delete m_delivery;
    m_delivery = nullptr;
    m_spool->close(); // every commit in flight is answered before this returns
    if (m_dispatcher)
        QMetaObject::invokeMethod(m_dispatcher, &routing::Dispatcher::stop,
                                  Qt::BlockingQueuedConnection);
    m_dispatchThread.quit();
    m_dispatchThread.wait();
    delete m_dispatcher;
    m_dispatcher = nullptr;
    m_running = false;
    m_stopping = false;
    if (m_lockFd >= 0) { // another engine may take the data folder now
        ::close(m_lockFd);
        m_lockFd = -1;
    }
    log::info(u"engine"_s, u"stopped"_s);
    m_logFile.reset(); // every line written
    emit stopped();
}

QStringList Engine::listeningAddresses() const
{
    return m_server ? m_server->listeningAddresses() : QStringList();
}

QList<delivery::OutboxEntry> Engine::outboxEntries() const
{
    if (!m_outbox)
        return readQueue(*m_settings);
    return m_outbox->list() + m_localEntries.values();
}

QList<delivery::OutboxEntry> Engine::readQueue(const config::Settings &settings,
                                               QStringList *unreadable)
{
    QList<delivery::OutboxEntry> entries = readOutbox(settings, unreadable);
    const spool::Spool spool(spoolDir(settings));
    for (const QString &id : spool.pendingIds()) {
        if (auto entry = routing::Dispatcher::waitingEntry(spool, id))
            entries.append(*entry);
    }
    return entries;
}

QList<delivery::OutboxEntry> Engine::readOutbox(const config::Settings &settings,
                                                QStringList *unreadable)
{
    return delivery::Outbox(spoolDir(settings) + u"/outbox"_s).list(unreadable);
}

QStringList Engine::mailboxes() const
{
    return mailbox::MailboxStore(mailboxDir(*m_settings), m_settings->server.hostname,
                                 m_settings->mailboxes.mailboxTemplate)
        .mailboxes();
}

void Engine::applyQueueOperation(const QString &operation, const QStringList &ids, bool all,
                                 OperationDone done)
{
    const auto op = delivery::queueOperationFromString(operation);
    if (!op || !m_delivery) {
        done({}, ids, {});
        return;
    }
    QStringList targets = ids;
    QStringList refused;
    // Legal hold: no path deletes mail of a mailbox on hold, the queue's delete and bounce
    // (which drops the message after telling the sender) included.
    if (*op == delivery::QueueOperation::Delete || *op == delivery::QueueOperation::Bounce) {
        QString error;
        const auto archive = openArchive(*m_settings, &error);
        const QList<delivery::OutboxEntry> entries = outboxEntries();
        if (all) {
            targets.clear();
            for (const delivery::OutboxEntry &e : entries)
                targets.append(e.id);
            all = false;
        }
        for (const delivery::OutboxEntry &e : entries) {
            if (!targets.contains(e.id))
                continue;
            const QString held = archive ? heldMailboxOf(*archive, e) : u"the archive"_s;
            if (held.isEmpty())
                continue;
            targets.removeAll(e.id);
            refused.append(u"%1: %2 is on legal hold%3"_s.arg(
                e.id, held,
                archive ? QString() : u" (the archive cannot be read: "_s + error + u')'));
        }
        for (const QString &r : std::as_const(refused))
            log::warning(u"archive"_s, u"%1 refused: "_s.arg(operation) + r);
    }
    // Messages waiting for local delivery belong to the dispatcher, the rest to the Outbox.
    QStringList local;
    QStringList outbox;
    for (const QString &id : std::as_const(targets))
        (m_localEntries.contains(id) ? local : outbox).append(id);
    delivery::DeliveryQueue *queue = m_delivery;
    routing::Dispatcher *dispatcher = m_dispatcher;
    QMetaObject::invokeMethod(queue, [=, this] {
        const delivery::OperationResult fromOutbox = queue->apply(*op, outbox, all);
        QMetaObject::invokeMethod(dispatcher, [=, this] {
            const delivery::OperationResult fromLocal = local.isEmpty() && !all
                                                            ? delivery::OperationResult{}
                                                            : dispatcher->apply(*op, local, all);
            QMetaObject::invokeMethod(this, [=] {
                done(fromOutbox.changed + fromLocal.changed, fromOutbox.missing + fromLocal.missing,
                     refused);
            });
        });
    });
}

QString Engine::heldMailboxOf(const archive::Archive &archive, const delivery::OutboxEntry &entry)
{
    // The local mailboxes the entry's mail is for or from.
    QStringList addresses = entry.recipients;
    addresses.append(entry.sender);
    for (const QString &address : std::as_const(addresses)) {
        const qsizetype at = address.lastIndexOf(u'@');
        if (at <= 0 || !m_settings->isLocalDomain(address.mid(at + 1)))
            continue;
        const QString mailbox =
            config::mailboxName(address.left(at)) + u'@' + config::asciiDomain(address.mid(at + 1));
        if (archive.isHeld(mailbox))
            return mailbox;
    }
    return {};
}

// tandemd queue ... and tandemd reload on a running daemon drop a request file into
// spool/control/; the engine answers each with a .done file next to it.
void Engine::pollControl()
{
    const QDir dir(controlDir(*m_settings));
    for (const QString &name : dir.entryList({u"*.req"_s}, QDir::Files, QDir::Name)) {
        QFile file(dir.filePath(name));
        const QString answer = dir.filePath(name.chopped(4) + u".done"_s);
        if (!file.open(QIODevice::ReadOnly)) {
            // Answered all the same, or the command would wait for nothing (a request written
            // by another user that this one may not read).
            const QString why = u"cannot read %1: %2"_s.arg(file.fileName(), file.errorString());
            log::error(u"engine"_s, why);
            QString error;
            fsutil::writeDurably(answer, QJsonDocument(QJsonObject{{u"error"_s, why}}).toJson(),
                                 &error, false);
            QFile::remove(file.fileName());
            continue;
        }
        const QJsonObject request = QJsonDocument::fromJson(file.readAll()).object();
        file.close();
        QFile::remove(file.fileName());
        if (request.value(u"op"_s).toString().startsWith(u"archive-"_s)) {
            answerArchiveRequest(request, answer);
            continue;
        }
        if (request.value(u"op"_s).toString() == u"reload"_s) {
            const QStringList problems =
                m_reloader ? m_reloader()
                           : QStringList{u"this engine runs in the Tandem console, which does not "
                                         "read its configuration file again by itself: open it "
                                         "there again (File › Open configuration…)"_s};
            const QJsonObject reply = problems.isEmpty()
                                          ? QJsonObject{{u"reloaded"_s, true}}
                                          : QJsonObject{{u"error"_s, problems.join(u'\n')}};
            QString error;
            fsutil::writeDurably(answer, QJsonDocument(reply).toJson(), &error, false);
            continue;
        }
        QStringList ids;
        for (const QJsonValue &v : request.value(u"ids"_s).toArray())
            ids.append(v.toString());
        applyQueueOperation(
            request.value(u"op"_s).toString(), ids, request.value(u"all"_s).toBool(),
            [answer](const QStringList &changed, const QStringList &missing,
                     const QStringList &refused) {
                const QJsonObject reply{{u"changed"_s, QJsonArray::fromStringList(changed)},
                                        {u"missing"_s, QJsonArray::fromStringList(missing)},
                                        {u"refused"_s, QJsonArray::fromStringList(refused)}};
                QString error;
                fsutil::writeDurably(answer, QJsonDocument(reply).toJson(), &error, false);
            });
    }
}

void Engine::requestOutboxSnapshot()
{
    QMetaObject::invokeMethod(this, [this] {
        if (delivery::DeliveryQueue *queue = m_delivery)
            QMetaObject::invokeMethod(queue, &delivery::DeliveryQueue::sendSnapshot);
        else
            emit outboxSnapshot(readQueue(*m_settings));
    });
}

void Engine::requestEntryDetails(const QString &id, DetailsDone done)
{
    if (!m_running) {
        done(readEntryDetails(*m_settings, id));
        return;
    }
    if (const auto it = m_localEntries.constFind(id); it != m_localEntries.constEnd()) {
        done(delivery::describeEntry(*it, *m_spool, *m_outbox));
        return;
    }
    // The delivery thread's own copy: it knows an attempt under way, the file does not.
    delivery::DeliveryQueue *queue = m_delivery;
    QMetaObject::invokeMethod(queue, [this, queue, id, done] {
        const std::optional<delivery::OutboxEntry> entry = queue->entry(id);
        QMetaObject::invokeMethod(this, [this, entry, done] {
            if (!entry || !m_spool || !m_outbox)
                done(std::nullopt);
            else
                done(delivery::describeEntry(*entry, *m_spool, *m_outbox));
        });
    });
}

bool Engine::checkCertificate(const QString &certificatePath, const QString &keyPath,
                              const QString &keyPassphrase, QString *error)
{
    return smtp::TlsContext::check(certificatePath, keyPath, keyPassphrase, error);
}

bool Engine::makeSelfSignedCertificate(const QString &hostname, const QString &certificatePath,
                                       const QString &keyPath, QString *error)
{
    return smtp::TlsContext::makeSelfSigned(hostname, certificatePath, keyPath, error);
}

std::optional<delivery::EntryDetails> Engine::readEntryDetails(const config::Settings &settings,
                                                               const QString &id)
{
    for (const delivery::OutboxEntry &entry : readQueue(settings)) {
        if (entry.id == id) {
            const spool::Spool spool(spoolDir(settings));
            const delivery::Outbox outbox(spool.outboxDir(), spool.db());
            return delivery::describeEntry(entry, spool, outbox);
        }
    }
    return std::nullopt;
}

bool Engine::applySettings(config::Settings settings, QString *error)
{
    if (!m_running) {
        m_settings = std::make_shared<const config::Settings>(std::move(settings));
        emit settingsApplied();
        return true;
    }
    if (m_stopping) {
        *error = u"the engine is stopping"_s;
        return false;
    }
    if (settings.dataPath() != m_settings->dataPath()) {
        *error = u"server.data_dir changed: stop and start the engine to use the new folder"_s;
        return false;
    }
    // Kept from the keychain or secrets file when the new settings bring none. A new passphrase
    // of smtp.tls.key makes the server load the key again (SmtpServer::applySettings).
    if (settings.passwords.isEmpty())
        settings.passwords = m_settings->passwords;
    if (settings.tlsKeyPassphrase.isEmpty())
        settings.tlsKeyPassphrase = m_settings->tlsKeyPassphrase;
    settings.timeScale = m_settings->timeScale;
    auto shared = std::make_shared<const config::Settings>(std::move(settings));
    auto router = std::make_shared<routing::Router>(
        shared, [store = m_mailboxes.get()](const QString &local, const QString &domain) {
            return store->existsOnDisk(local, domain);
        });
    if (!m_server->applySettings(shared, router, error))
        return false;
    m_settings = shared;
    m_router = router;
    m_disk->setReserve(shared->freeSpaceReserve());
    m_logFile->setLimits(qint64(shared->server.logMaxSizeKb) * 1024, shared->server.logFiles);
    QMetaObject::invokeMethod(
        m_dispatcher, [d = m_dispatcher, store = m_mailboxes.get(), shared, router] {
            store->setTemplate(shared->server.hostname, shared->mailboxes.mailboxTemplate);
            d->setRouter(router);
        });
    QMetaObject::invokeMethod(m_delivery,
                              [q = m_delivery, shared, router] { q->setSettings(shared, router); });
    if (m_maintenance)
        m_maintenance->setSettings(shared);
    // A cap raised (or removed) ends the alarms of the mailboxes now below it.
    if (m_sizes)
        m_sizes->announceFull();
    log::info(u"engine"_s, u"configuration applied"_s);
    emit settingsApplied();
    return true;
}

void Engine::stopMaintenance()
{
    if (!m_maintenance)
        return;
    m_maintenance->interrupt(); // a run under way ends after its batch
    archive::Maintenance *m = m_maintenance;
    QMetaObject::invokeMethod(
        m, [m] { m->stop(); }, Qt::BlockingQueuedConnection);
    m_maintenanceThread.quit();
    m_maintenanceThread.wait();
    delete m_maintenance;
    m_maintenance = nullptr;
    // Requests that will not be answered by a run or a verify now.
    const QJsonObject reply{{u"error"_s, u"the engine stopped before it finished"_s}};
    for (const QString &answer : std::exchange(m_runAnswers, {}) +
                                     std::exchange(m_verifyAnswers, {}) +
                                     std::exchange(m_reindexAnswers, {})) {
        QString error;
        fsutil::writeDurably(answer, QJsonDocument(reply).toJson(), &error, false);
    }
}

void Engine::answerArchiveRequest(const QJsonObject &request, const QString &answer)
{
    const QString op = request.value(u"op"_s).toString();
    const QString mailbox = request.value(u"mailbox"_s).toString();
    if (op == u"archive-run"_s && m_maintenance) {
        m_runAnswers.append(answer);
        m_maintenance->requestRun(mailbox);
        return;
    }
    if (op == u"archive-verify"_s && m_maintenance) {
        m_verifyAnswers.append(answer);
        m_maintenance->requestVerify(mailbox);
        return;
    }
    if (op == u"archive-reindex"_s && m_maintenance) {
        m_reindexAnswers.append(answer);
        m_maintenance->requestReindex();
        return;
    }
    QString error;
    fsutil::writeDurably(
        answer,
        QJsonDocument(QJsonObject{{u"error"_s, u"unknown request \"%1\""_s.arg(op)}}).toJson(),
        &error, false);
}

void Engine::runArchive(const QString &onlyMailbox)
{
    if (m_maintenance)
        m_maintenance->requestRun(onlyMailbox);
}

void Engine::verifyArchive(const QString &onlyMailbox)
{
    if (m_maintenance)
        m_maintenance->requestVerify(onlyMailbox);
}

std::unique_ptr<archive::Archive> Engine::openArchive(const config::Settings &settings,
                                                      QString *error)
{
    return archive::Archive::open(
        archive::Maintenance::archiveDir(settings), [] { return clock::now(); }, error);
}

config::MailboxArchiveSettings Engine::mailboxArchiveSettings(const config::Settings &settings,
                                                              const QString &mailbox,
                                                              QString *error)
{
    return mailbox::MailboxStore(mailboxDir(settings), settings.server.hostname,
                                 settings.mailboxes.mailboxTemplate)
        .archiveSettings(mailbox, error);
}

bool Engine::setMailboxArchiveSettings(const config::Settings &settings, const QString &mailbox,
                                       const config::MailboxArchiveSettings &own, QString *error)
{
    const bool ok = mailbox::MailboxStore(mailboxDir(settings), settings.server.hostname,
                                          settings.mailboxes.mailboxTemplate)
                        .setArchiveSettings(mailbox, own, error);
    if (ok)
        log::info(u"archive"_s,
                  u"%1 now archives by %2 settings"_s.arg(
                      mailbox, own.mode == config::ArchiveMode::Default ? u"the default"_s
                               : own.mode == config::ArchiveMode::None  ? u"no"_s
                                                                        : u"its own"_s));
    return ok;
}

QStringList Engine::listMailboxes(const config::Settings &settings)
{
    return mailbox::MailboxStore(mailboxDir(settings), settings.server.hostname,
                                 settings.mailboxes.mailboxTemplate)
        .mailboxes();
}

int Engine::sessionCount() const
{
    return m_server ? m_server->sessionCount() : 0;
}

} // namespace tandem
