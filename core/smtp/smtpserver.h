#pragma once

#include "authguard.h"
#include "ratelimit.h"
#include "smtpsession.h"
#include "tlscontext.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QTcpServer>
#include <QThread>

#include <functional>
#include <memory>

// The listeners of smtp.listeners and the connection limits: max_connections overall and
// max_connections_per_ip per client address, answered 421 beyond them.
namespace tandem::smtp {

class SmtpServer : public QObject {
    Q_OBJECT
public:
    SmtpServer(std::shared_ptr<const config::Settings> settings, spool::Spool *spool,
               std::shared_ptr<const routing::Router> router, QObject *parent = nullptr);
    ~SmtpServer() override;

    bool listen(QString *error);
    void setDiskSpace(util::DiskSpace *disk) { m_disk = disk; } // for the sessions after this
    // The size caps that RCPT enforces (mailboxes.template.max_size_mb, a mailbox's own), for
    // the sessions after this; null: none. Kept alive as long as the server.
    void setMailboxSizes(std::shared_ptr<mailbox::MailboxSizes> sizes);
    // New sessions use the new settings; listeners are re-bound only if they changed.
    bool applySettings(std::shared_ptr<const config::Settings> settings,
                       std::shared_ptr<const routing::Router> router, QString *error);
    QStringList listeningAddresses() const;
    int sessionCount() const { return int(m_sessions.size()); }
    // Stops accepting and asks every session to finish; finished() when the last has gone.
    void shutdown();
    void abortSessions();

signals:
    void finished();

private:
    void onNewConnection(QTcpServer *server, const config::Listener &listener);
    void onSessionClosed(SmtpSession *session);
    void maybeFinish();

    std::shared_ptr<const config::Settings> m_settings;
    spool::Spool *m_spool;
    util::DiskSpace *m_disk = nullptr;
    std::shared_ptr<mailbox::MailboxSizes> m_sizes;
    std::shared_ptr<const routing::Router> m_router;
    QList<QTcpServer *> m_servers;
    TlsContext *m_tls = nullptr;
    AuthGuard m_authGuard;
    HourlyLimit m_newMailboxes;
    std::unique_ptr<PasswordVerifier> m_verifier; // after the guard: goes first
    QList<SmtpSession *> m_sessions;
    QHash<QString, int> m_perAddress;
    bool m_shuttingDown = false;
    bool m_finished = false;
};

} // namespace tandem::smtp
