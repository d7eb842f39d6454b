#include "smtpserver.h"

#include "mailbox/mailboxsize.h"
#include "util/fsutil.h"
#include "util/log.h"

#include <QSslSocket>

using namespace Qt::StringLiterals;

namespace tandem::smtp {

namespace {

// Hands out plain QTcpSockets with Nagle's algorithm off. A session that starts TLS (STARTTLS,
// or at once for smtps) moves onto a QSslSocket of its own then (SmtpSession::relayTls).
class LowDelayTcpServer : public QTcpServer {
public:
    using QTcpServer::QTcpServer;

protected:
    void incomingConnection(qintptr descriptor) override
    {
        auto *socket = new QTcpSocket(this);
        if (!socket->setSocketDescriptor(descriptor)) {
            delete socket;
            return;
        }
        // Replies are small writes the client waits for; Nagle's algorithm would hold one back
        // until the previous is acknowledged (a pipelined group's second reply, 40 ms late).
        socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
        addPendingConnection(socket);
    }
};

// Qt's reason, and what it means here: Qt says "The address is protected" for EACCES, which on
// a port below 1024 means the privilege to bind it is missing.
QString listenError(const QTcpServer &server, quint16 port)
{
    QString why = server.errorString();
    if (server.serverError() == QAbstractSocket::SocketAccessError)
        why += port < 1024 ? u": a port below 1024 needs root or the CAP_NET_BIND_SERVICE "
                             "capability, and this process runs as user %1 without it (tandemd "
                             "under systemd: AmbientCapabilities=CAP_NET_BIND_SERVICE in its "
                             "unit; the console: setcap cap_net_bind_service=+ep on its "
                             "program)"_s.arg(fsutil::currentUserName())
                           : u" (running as user %1)"_s.arg(fsutil::currentUserName());
    return why;
}

QString addressKey(const QHostAddress &address)
{
    bool isV4 = false;
    const quint32 v4 = address.toIPv4Address(&isV4);
    return isV4 ? QHostAddress(v4).toString() : address.toString();
}
} // namespace

SmtpServer::SmtpServer(std::shared_ptr<const config::Settings> settings, spool::Spool *spool,
                       std::shared_ptr<const routing::Router> router, QObject *parent)
    : QObject(parent)
    , m_settings(std::move(settings))
    , m_spool(spool)
    , m_router(std::move(router))
    , m_authGuard(m_settings->smtp.authFailureLimit,
                  AuthGuard::kPendingPerWorker * QThread::idealThreadCount())
    , m_verifier(std::make_unique<PasswordVerifier>(&m_authGuard, QThread::idealThreadCount()))
{
    log::info(u"smtp"_s,
              u"password checks: %1 threads, at most %2 pending"_s.arg(m_verifier->workers())
                  .arg(m_authGuard.maxPending()));
}

SmtpServer::~SmtpServer()
{
    abortSessions();
    m_verifier.reset(); // waits for the checks running
}

bool SmtpServer::listen(QString *error)
{
    const config::SmtpSettings &smtp = m_settings->smtp;
    if (!smtp.tlsCertificate.isEmpty() && !m_tls) {
        m_tls = new TlsContext(m_settings->resolvePath(smtp.tlsCertificate),
                               m_settings->resolvePath(smtp.tlsKey), m_settings->tlsKeyPassphrase,
                               this);
        if (!m_tls->load(error)) {
            delete m_tls;
            m_tls = nullptr;
            return false;
        }
        if (!QSslSocket::supportsSsl()) {
            *error = u"smtp.tls: this Qt has no TLS backend (OpenSSL) available"_s;
            return false;
        }
    }
    // Every listener is bound before any is announced: a start that fails at the second one
    // logs no "listening" line for the first.
    for (qsizetype i = 0; i < m_settings->smtp.listeners.size(); ++i) {
        const config::Listener listener = m_settings->smtp.listeners.at(i);
        auto *server = new LowDelayTcpServer(this);
        if (!server->listen(QHostAddress(listener.address), listener.port)) {
            *error = u"smtp.listeners[%1]: cannot listen on %2 port %3: %4"_s.arg(i)
                         .arg(listener.address)
                         .arg(listener.port)
                         .arg(listenError(*server, listener.port));
            delete server;
            for (QTcpServer *s : std::as_const(m_servers))
                delete s;
            m_servers.clear();
            return false;
        }
        connect(server, &QTcpServer::newConnection, this,
                [this, server, listener] { onNewConnection(server, listener); });
        m_servers.append(server);
    }
    for (const config::Listener &listener : m_settings->smtp.listeners)
        log::info(u"smtp"_s, u"listening on %1 port %2 (%3)"_s.arg(listener.address)
                                 .arg(listener.port)
                                 .arg(config::toString(listener.mode)));
    return true;
}

void SmtpServer::setMailboxSizes(std::shared_ptr<mailbox::MailboxSizes> sizes)
{
    m_sizes = std::move(sizes);
    if (m_sizes)
        m_sizes->configure(*m_settings);
}

bool SmtpServer::applySettings(std::shared_ptr<const config::Settings> settings,
                               std::shared_ptr<const routing::Router> router, QString *error)
{
    const auto sameListeners = [](const config::Settings &a, const config::Settings &b) {
        if (a.smtp.listeners.size() != b.smtp.listeners.size())
            return false;
        for (qsizetype i = 0; i < a.smtp.listeners.size(); ++i) {
            const config::Listener &x = a.smtp.listeners.at(i);
            const config::Listener &y = b.smtp.listeners.at(i);
            if (x.address != y.address || x.port != y.port || x.mode != y.mode)
                return false;
        }
        return a.smtp.tlsCertificate == b.smtp.tlsCertificate && a.smtp.tlsKey == b.smtp.tlsKey &&
               a.tlsKeyPassphrase == b.tlsKeyPassphrase;
    };
    const bool rebind = !sameListeners(*m_settings, *settings);
    const auto old = std::exchange(m_settings, settings);
    const auto oldRouter = std::exchange(m_router, router);
    if (m_sizes) // the template and the role's rule, for the sessions after this
        m_sizes->configure(*m_settings);
    if (!rebind) {
        // Per-listener rules (reject, require_auth...) travel with the new listener values.
        for (QTcpServer *s : std::as_const(m_servers))
            s->disconnect(this);
        for (qsizetype i = 0; i < m_servers.size(); ++i) {
            QTcpServer *server = m_servers.at(i);
            const config::Listener listener = m_settings->smtp.listeners.at(i);
            connect(server, &QTcpServer::newConnection, this,
                    [this, server, listener] { onNewConnection(server, listener); });
        }
        return true;
    }
    const QList<QTcpServer *> previous = std::exchange(m_servers, {});
    for (QTcpServer *s : previous)
        s->close();
    // Open sessions may still use the old TLS context: it stays, a child of the server.
    TlsContext *const oldTls = std::exchange(m_tls, nullptr);
    if (listen(error)) {
        qDeleteAll(previous);
        return true;
    }
    // Back to the listeners that worked: a bad change must not leave the server deaf. The old
    // TLS context too, as loaded: its files may have changed since (a key under a new
    // passphrase) and no longer open with the old settings.
    m_settings = old;
    m_router = oldRouter;
    if (m_sizes)
        m_sizes->configure(*m_settings);
    delete m_tls; // one that loaded before a listener failed: no session has it yet
    m_tls = oldTls;
    QString again;
    if (!listen(&again)) {
        log::error(u"smtp"_s, u"the previous listeners could not be opened again: "_s + again);
        *error += u"; the previous listeners could not be opened again either: "_s + again;
    }
    qDeleteAll(previous);
    return false;
}

QStringList SmtpServer::listeningAddresses() const
{
    QStringList out;
    for (const QTcpServer *s : m_servers)
        out.append(u"%1:%2"_s.arg(s->serverAddress().toString()).arg(s->serverPort()));
    return out;
}

void SmtpServer::onNewConnection(QTcpServer *server, const config::Listener &listener)
{
    while (QTcpSocket *socket = server->nextPendingConnection()) {
        const QString key = addressKey(socket->peerAddress());
        const auto refuse = [&](const Reply &reply, const QString &why) {
            log::warning(u"smtp"_s, u"refused connection from %1: %2"_s.arg(key, why));
            socket->write(reply.toWire());
            socket->disconnectFromHost();
            connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        };
        if (m_shuttingDown) {
            refuse(replies::shuttingDown(), u"shutting down"_s);
            continue;
        }
        // Clients that have gone, but whose end has not been read yet (their connections were
        // accepted in the same turn as this one), hold no place.
        if (m_sessions.size() >= m_settings->smtp.maxConnections ||
            m_perAddress.value(key) >= m_settings->smtp.maxConnectionsPerIp) {
            const QList<SmtpSession *> sessions = m_sessions;
            for (SmtpSession *s : sessions)
                s->reapIfGone();
        }
        if (m_sessions.size() >= m_settings->smtp.maxConnections) {
            refuse(replies::tooManyConnections(), u"max_connections reached"_s);
            continue;
        }
        if (m_perAddress.value(key) >= m_settings->smtp.maxConnectionsPerIp) {
            refuse(replies::tooManyConnectionsFromAddress(), u"max_connections_per_ip reached"_s);
            continue;
        }
        m_perAddress[key] += 1;
        const SessionContext context{m_settings,      listener,     m_spool,          m_router,
                                     m_tls,           &m_authGuard, m_verifier.get(), m_disk,
                                     &m_newMailboxes, m_sizes.get()};
        auto *session = new SmtpSession(socket, context, this);
        m_sessions.append(session);
        connect(session, &SmtpSession::closed, this, &SmtpServer::onSessionClosed);
        session->start();
    }
}

void SmtpServer::onSessionClosed(SmtpSession *session)
{
    if (!m_sessions.removeOne(session))
        return;
    const QString key = addressKey(session->peerAddress());
    if (--m_perAddress[key] <= 0)
        m_perAddress.remove(key);
    session->deleteLater();
    maybeFinish();
}

void SmtpServer::maybeFinish()
{
    if (m_shuttingDown && m_sessions.isEmpty() && !m_finished) {
        m_finished = true;
        emit finished();
    }
}

void SmtpServer::shutdown()
{
    m_shuttingDown = true;
    for (QTcpServer *s : std::as_const(m_servers))
        s->close();
    const QList<SmtpSession *> sessions = m_sessions;
    for (SmtpSession *s : sessions)
        s->shutdown();
    maybeFinish();
}

void SmtpServer::abortSessions()
{
    const QList<SmtpSession *> sessions = std::exchange(m_sessions, {});
    for (SmtpSession *s : sessions)
        delete s;
    m_perAddress.clear();
    maybeFinish();
}

} // namespace tandem::smtp
