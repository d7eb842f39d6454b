#include "engine.h"

#include "mailbox/mailboxstore.h"
#include "routing/dispatcher.h"
#include "routing/router.h"
#include "smtp/smtpserver.h"
#include "spool/spool.h"
#include "util/fsutil.h"
#include "util/log.h"

#include <QTimer>

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
}

Engine::~Engine()
{
    if (m_server)
        m_server->abortSessions();
    delete m_server;
    m_server = nullptr;
    if (m_spool)
        m_spool->close();
    m_dispatchThread.quit();
    m_dispatchThread.wait();
    delete m_dispatcher;
}

bool Engine::start(QString *error)
{
    if (m_running)
        return true;
    const config::Settings &s = *m_settings;
    if (!fsutil::ensureDirectory(s.dataPath(), error) ||
        !fsutil::ensureDirectory(mailboxDir(s), error) ||
        !fsutil::ensureDirectory(s.dataPath() + u"/log"_s, error))
        return false;
    m_spool = std::make_unique<spool::Spool>(spoolDir(s));
    if (!m_spool->open(error))
        return false;
    m_mailboxes = std::make_unique<mailbox::MailboxStore>(mailboxDir(s), s.server.hostname,
                                                          s.mailboxes.mailboxTemplate);
    m_outbox = std::make_unique<delivery::Outbox>(m_spool->outboxDir());
    m_router = std::make_shared<routing::Router>(
        m_settings, [store = m_mailboxes.get()](const QString &local, const QString &domain) {
            return store->existsOnDisk(local, domain);
        });

    m_dispatcher =
        new routing::Dispatcher(m_spool.get(), m_mailboxes.get(), m_outbox.get(), m_router);
    m_dispatcher->moveToThread(&m_dispatchThread);
    connect(m_dispatcher, &routing::Dispatcher::outboxChanged, this, &Engine::outboxChanged);
    connect(m_dispatcher, &routing::Dispatcher::messageFinished, this, &Engine::messageFinished);
    connect(m_spool.get(), &spool::Spool::committed, m_dispatcher,
            [d = m_dispatcher](const QString &id) { d->enqueue(id); });
    m_dispatchThread.start();

    const spool::Spool::Recovery recovery = m_spool->recover();
    if (recovery.discarded || !recovery.corrupted.isEmpty() || !recovery.resume.isEmpty())
        log::info(u"spool"_s, u"recovery: %1 to resume, %2 incomplete discarded, %3 corrupt"_s
                                  .arg(recovery.resume.size())
                                  .arg(recovery.discarded)
                                  .arg(recovery.corrupted.size()));
    for (const QString &id : recovery.resume)
        m_dispatcher->enqueue(id);

    m_server = new smtp::SmtpServer(m_settings, m_spool.get(), m_router, this);
    if (!m_server->listen(error)) {
        delete m_server;
        m_server = nullptr;
        return false;
    }
    m_running = true;
    log::info(u"engine"_s, u"started as %1 for %2 (data in %3)"_s.arg(
                               config::toString(s.server.role), s.allLocalDomains().join(u", "_s),
                               s.dataPath()));
    emit started();
    return true;
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
    m_spool->close(); // every commit in flight is answered before this returns
    m_dispatchThread.quit();
    m_dispatchThread.wait();
    delete m_dispatcher;
    m_dispatcher = nullptr;
    m_running = false;
    m_stopping = false;
    log::info(u"engine"_s, u"stopped"_s);
    emit stopped();
}

QStringList Engine::listeningAddresses() const
{
    return m_server ? m_server->listeningAddresses() : QStringList();
}

QList<delivery::OutboxEntry> Engine::outboxEntries() const
{
    return m_outbox ? m_outbox->list() : readOutbox(*m_settings);
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

int Engine::sessionCount() const
{
    return m_server ? m_server->sessionCount() : 0;
}

} // namespace tandem
