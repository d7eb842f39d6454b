#include "router.h"

#include <QMap>

using namespace Qt::StringLiterals;

namespace tandem::routing {

namespace {

bool routeMatches(const QString &pattern, const QString &domain)
{
    if (pattern == u"*"_s)
        return true;
    if (pattern.startsWith(u"*."_s))
        return domain.endsWith(pattern.mid(1)); // subdomains only, as Postfix's ".domain"
    return pattern == domain;
}

bool isPostmaster(const QString &localPart)
{
    return localPart.compare(u"postmaster"_s, Qt::CaseInsensitive) == 0;
}

spool::Action makeAction(spool::ActionKind kind)
{
    spool::Action a;
    a.kind = kind;
    return a;
}

} // namespace

QString hopFor(const QString &host, quint16 port)
{
    return u"[%1]:%2"_s.arg(host).arg(port);
}

bool isRelayHop(const QString &hop, const QString &domain)
{
    if (!hop.startsWith(u'['))
        return false; // a domain: its MX records
    if (!domain.startsWith(u'['))
        return true;
    const QString literal =
        domain.mid(1, domain.size() - 2).remove(u"ipv6:"_s, Qt::CaseInsensitive);
    return hop.compare(hopFor(literal, 25), Qt::CaseInsensitive) != 0;
}

Router::Router(std::shared_ptr<const config::Settings> settings, MailboxExists mailboxExists)
    : m_settings(std::move(settings))
    , m_mailboxExists(std::move(mailboxExists))
{}

bool Router::isLocal(const smtp::Address &address) const
{
    return !address.domainIsLiteral && m_settings->isLocalDomain(address.domain);
}

bool Router::isConfiguredUser(const QString &localPart, const QString &domain) const
{
    const QString local = config::mailboxName(localPart);
    const QString d = config::asciiDomain(domain);
    for (const config::User &u : m_settings->mailboxes.users) {
        if (u.name == local + u'@' + d || (u.name == local && d == m_settings->server.domain))
            return true;
    }
    return false;
}

bool Router::mailboxExists(const QString &localPart, const QString &domain) const
{
    return isConfiguredUser(localPart, domain) ||
           (config::isValidMailboxName(config::mailboxName(localPart)) &&
            m_mailboxExists(localPart, domain));
}

Router::Target Router::mailboxTarget(const QString &name, const QString &domain) const
{
    const QString postmaster = m_settings->mailboxes.postmaster;
    if (!isPostmaster(name) || postmaster.isEmpty())
        return Target{name, domain, true};
    const QString user = m_settings->userAddress(postmaster);
    const qsizetype at = user.lastIndexOf(u'@');
    return Target{user.left(at), user.mid(at + 1), true};
}

// Where a local recipient's copy goes: its own mailbox, or the catch-all, or nowhere (return
// to sender). Postmaster is always accepted (RFC 5321 §4.5.1): the user mailboxes.postmaster
// names gets it, else a mailbox of its own made on demand.
std::optional<Router::Target> Router::localTarget(const smtp::Address &a, bool trusted) const
{
    const QString local = config::mailboxName(a.localPart);
    if (isPostmaster(local))
        return mailboxTarget(local, a.domain);
    if (mailboxExists(local, a.domain))
        return Target{local, a.domain, true};
    const bool nameOk = config::isValidMailboxName(local);
    switch (m_settings->undelivered.action) {
    case config::UndeliveredAction::ReturnToSender:
        return std::nullopt;
    case config::UndeliveredAction::CreateMailboxAndStore:
        // Only mail from the partner or an authenticated client makes a mailbox; anyone
        // else's goes to the catch-all, still kept (an Archive refuses nothing local).
        if (nameOk && trusted)
            return Target{local, a.domain, true};
        // A name that cannot be a folder still must not be refused on an Archive.
        return mailboxTarget(m_settings->undelivered.forwardMailbox, a.domain);
    case config::UndeliveredAction::ForwardToMailbox:
        return mailboxTarget(m_settings->undelivered.forwardMailbox, a.domain);
    }
    return std::nullopt;
}

RecipientVerdict Router::checkLocalRecipient(const smtp::Address &address, bool trusted) const
{
    return localTarget(address, trusted) ? RecipientVerdict::Accept : RecipientVerdict::NoSuchUser;
}

QString Router::mailboxFor(const smtp::Address &address, bool trusted) const
{
    const auto target = localTarget(address, trusted);
    return target ? target->localPart + u'@' + target->domain : QString();
}

bool Router::createsMailbox(const smtp::Address &address, bool trusted) const
{
    const auto target = localTarget(address, trusted);
    return target && !mailboxExists(target->localPart, target->domain);
}

QString Router::nextHop(const QString &domain) const
{
    const QString d = domain.toLower();
    for (const config::StaticRoute &route : m_settings->outgoing.staticRoutes) {
        for (const QString &pattern : route.domains) {
            if (routeMatches(pattern, d))
                return hopFor(route.host, route.port);
        }
    }
    const config::SmartHost &sh = m_settings->outgoing.smarthost;
    if (!sh.host.isEmpty())
        return hopFor(sh.host, sh.port);
    if (d.startsWith(u'[')) // an address literal: straight to that address
        return hopFor(d.mid(1, d.size() - 2).remove(u"ipv6:"_s, Qt::CaseInsensitive), 25);
    return d;
}

QList<spool::Action> Router::plan(const QString &sender, const QStringList &recipients,
                                  const MessageFacts &facts) const
{
    using spool::Action;
    using spool::ActionKind;
    const config::Settings &s = *m_settings;
    const auto &pt = s.passthrough;
    QList<Action> deliveries;
    QMap<QString, QStringList> outbox; // next hop -> recipients; QMap keeps the order stable
    QStringList hops;                  // first-seen order of next hops
    QList<spool::Failure> failures;

    auto queue = [&](const QString &domain, const QString &rcpt) {
        const QString hop = nextHop(domain);
        if (!outbox.contains(hop))
            hops.append(hop);
        if (!outbox[hop].contains(rcpt))
            outbox[hop].append(rcpt);
    };

    // Loop protection: every Received: field counts, this server's own included.
    const int hopCount = facts.receivedHeaders + (facts.generated ? 0 : 1);
    if (hopCount > s.server.maxHops) {
        const QString why = u"5.4.6 too many hops (%1 Received: headers, limit %2): mail "
                            "forwarding loop"_s.arg(hopCount)
                                .arg(s.server.maxHops);
        if (sender.isEmpty()) {
            Action hold = makeAction(ActionKind::Hold);
            hold.recipients = recipients;
            hold.reason = why;
            return {hold};
        }
        Action bounce = makeAction(ActionKind::Bounce);
        for (const QString &r : recipients)
            bounce.failures.append({r, u"5.4.6"_s, u"smtp; 554 "_s + why});
        return {bounce};
    }

    const bool noForeignReceived = facts.receivedHeaders == 0;
    bool divertedLocal = false;
    for (const QString &rcpt : recipients) {
        const auto address = smtp::parseMailbox(rcpt);
        if (!address)
            continue; // the session only accepts parsable paths; nothing to route
        if (!isLocal(*address)) {
            queue(address->domain, rcpt);
            continue;
        }
        const bool covered = s.passthroughCovers(address->domain);
        if (pt.copyWithoutReceivedToOutbox && noForeignReceived && covered) {
            queue(address->domain, rcpt);
            divertedLocal = true;
            continue;
        }
        if (const auto target = localTarget(*address, facts.trustedClient)) {
            Action d = makeAction(ActionKind::Deliver);
            d.mailbox = target->localPart + u'@' + target->domain;
            d.create = target->create;
            d.deliveredTo = rcpt;
            deliveries.append(d);
        } else {
            // Returned to its sender: not a message anyone here keeps, so no copy either.
            failures.append(
                {rcpt, u"5.1.1"_s, u"smtp; 550 5.1.1 <%1>: no such user here"_s.arg(rcpt)});
            continue;
        }
        if (pt.copyLocalDomainsToOutbox && covered)
            queue(address->domain, rcpt);
    }

    // The sender's Sent items. When local recipients were diverted to the Outbox because the
    // message had no Received: header, the copy comes back through the partner machine and
    // is filed then, so it is not filed twice.
    const auto from = smtp::parseMailbox(sender);
    if (pt.copyToSenderSentItems && from && isLocal(*from) && s.passthroughCovers(from->domain) &&
        !divertedLocal && !facts.sentCopyFiled && facts.trustedClient) {
        const QString local = config::mailboxName(from->localPart);
        const bool exists = mailboxExists(local, from->domain);
        if (exists || (pt.createMailboxIfNecessary && config::isValidMailboxName(local))) {
            Action d = makeAction(ActionKind::Deliver);
            d.mailbox = local + u'@' + from->domain;
            d.folder = u"Sent"_s;
            d.create = true;
            d.deliveredTo = sender;
            deliveries.append(d);
        }
    }

    QList<Action> actions = deliveries;
    for (const QString &hop : std::as_const(hops)) {
        Action o = makeAction(ActionKind::Outbox);
        o.nextHop = hop;
        o.recipients = outbox.value(hop);
        actions.append(o);
    }
    if (!failures.isEmpty()) {
        if (!sender.isEmpty()) {
            Action b = makeAction(ActionKind::Bounce);
            b.failures = failures;
            actions.append(b);
        } else {
            // Never a notification about a notification: the postmaster gets the message.
            const Target postmaster = mailboxTarget(u"postmaster"_s, s.server.domain);
            for (const spool::Failure &f : std::as_const(failures)) {
                Action d = makeAction(ActionKind::Deliver);
                d.mailbox = postmaster.localPart + u'@' + postmaster.domain;
                d.create = true;
                d.deliveredTo = f.recipient;
                actions.append(d);
            }
        }
    }
    return actions;
}

} // namespace tandem::routing
