#pragma once

#include "config/settings.h"
#include "smtp/address.h"
#include "spool/envelope.h"

#include <functional>
#include <memory>

// The passthrough rules of PRODUCT.md §1 as a pure decision: given the configuration, which
// mailboxes exist, and an accepted message's envelope, the list of actions to carry out.
namespace tandem::routing {

enum class RecipientVerdict { Accept, NoSuchUser };

struct MessageFacts {
    int receivedHeaders = 0;    // Received: fields other than the one this server added
    bool generated = false;     // made by this server (then it added no Received: either)
    bool sentCopyFiled = false; // a repeated hand-over: the sender's Sent copy exists already
    // From a relay network or an authenticated client: only then are mailboxes created and
    // Sent copies filed (an Internet client must not fill an Archive with either).
    bool trustedClient = true;
};

class Router {
public:
    using MailboxExists = std::function<bool(const QString &localPart, const QString &domain)>;

    Router(std::shared_ptr<const config::Settings> settings, MailboxExists mailboxExists);

    const config::Settings &settings() const { return *m_settings; }
    bool isLocal(const smtp::Address &address) const;
    bool isConfiguredUser(const QString &localPart, const QString &domain) const;
    bool mailboxExists(const QString &localPart, const QString &domain) const;
    // The RCPT-time check for a local recipient (the Undelivered Mail action decides).
    RecipientVerdict checkLocalRecipient(const smtp::Address &address, bool trusted = true) const;
    // The mailbox ("user@domain") a local recipient's copy is filed in: its own, the
    // postmaster's or the catch-all; empty when it is returned to its sender.
    QString mailboxFor(const smtp::Address &address, bool trusted) const;
    // Whether delivering to this local recipient creates a mailbox that is not there yet.
    bool createsMailbox(const smtp::Address &address, bool trusted) const;
    // "[host]:port" for a static route or the SmartHost, else the domain (MX look-up).
    QString nextHop(const QString &domain) const;
    QList<spool::Action> plan(const QString &sender, const QStringList &recipients,
                              const MessageFacts &facts) const;

private:
    struct Target {
        QString localPart;
        QString domain;
        bool create = false;
    };
    std::optional<Target> localTarget(const smtp::Address &address, bool trusted) const;
    // The mailbox named `name` in domain, where "postmaster" is the user that
    // mailboxes.postmaster names, if it names one.
    Target mailboxTarget(const QString &name, const QString &domain) const;

    std::shared_ptr<const config::Settings> m_settings;
    MailboxExists m_mailboxExists;
};

QString hopFor(const QString &host, quint16 port);
// Whether a next hop passes mail for `domain` on (a static route or the SmartHost) rather than
// being the domain's own server (its MX, or the host of an address literal such as [192.0.2.1]).
bool isRelayHop(const QString &hop, const QString &domain);

} // namespace tandem::routing
