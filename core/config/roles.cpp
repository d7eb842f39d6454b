#include "config/roles.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QSet>

using namespace Qt::StringLiterals;

namespace tandem::config {

namespace {

// The translation context of this file's sentences ("Roles" in the .ts files).
class Roles {
    Q_DECLARE_TR_FUNCTIONS(Roles)
};

bool isSubmissionMode(ListenerMode mode)
{
    return mode == ListenerMode::Submission || mode == ListenerMode::Smtps;
}

QList<Subnet> toSubnets(const QStringList &texts)
{
    QList<Subnet> out;
    for (const QString &t : texts) {
        const QString text = t.trimmed();
        const auto parsed = QHostAddress::parseSubnet(text);
        if (parsed.first.isNull())
            continue;
        const bool seen = std::any_of(out.cbegin(), out.cend(), [&](const Subnet &n) {
            return n.address == parsed.first && n.prefix == parsed.second;
        });
        if (!seen)
            out.append(Subnet{parsed.first, parsed.second, text});
    }
    return out;
}

QStringList normalizedLocalDomains(const RoleChoice &c)
{
    const QString primary = c.domain.trimmed().toLower();
    QStringList out;
    for (const QString &d : c.localDomains) {
        const QString domain = d.trimmed().toLower();
        if (!domain.isEmpty() && domain != primary && !out.contains(domain))
            out.append(domain);
    }
    return out;
}

bool isWildcard(const QHostAddress &a)
{
    return a == QHostAddress(QHostAddress::AnyIPv4) || a == QHostAddress(QHostAddress::AnyIPv6);
}

// Two listeners clash on one port when their addresses are equal or one listens on all.
bool sameSocket(const QHostAddress &a, const QHostAddress &b)
{
    return a == b || isWildcard(a) || isWildcard(b);
}

bool isHostNetwork(const Subnet &net)
{
    return net.prefix == (net.address.protocol() == QAbstractSocket::IPv4Protocol ? 32 : 128);
}

constexpr qint64 kArchiveAfterHours = 30 * 24; // the Archive role's preset: 30 days

QString onOff(bool on)
{
    return on ? Roles::tr("on") : Roles::tr("off");
}

// The Mailbox's route to the Archive: one static route for "*", or no route and the SmartHost.
bool hasRouteToArchive(const Settings &s)
{
    const auto &routes = s.outgoing.staticRoutes;
    if (routes.isEmpty())
        return !s.outgoing.smarthost.host.isEmpty();
    return routes.size() == 1 && routes.first().domains == QStringList{u"*"_s} &&
           !routes.first().host.isEmpty();
}

// The Archive's outgoing mail: MX (no route), or one route for exactly the local domains.
bool hasArchiveRoutes(const Settings &s)
{
    const auto &routes = s.outgoing.staticRoutes;
    if (routes.isEmpty())
        return true;
    if (routes.size() != 1 || routes.first().host.isEmpty())
        return false;
    QStringList local = s.allLocalDomains();
    QStringList domains = routes.first().domains;
    for (QString &d : local)
        d = d.toLower();
    for (QString &d : domains)
        d = d.toLower();
    local.sort();
    domains.sort();
    return local == domains;
}

// The Archive relays for the Mailbox machine: a single-host network, and when the Mailbox's
// address is known from the route to it, one that covers that address.
bool relaysForMailbox(const Settings &s)
{
    if (std::none_of(s.smtp.relayNetworks.cbegin(), s.smtp.relayNetworks.cend(), isHostNetwork))
        return false;
    if (!s.outgoing.staticRoutes.isEmpty()) {
        const QHostAddress mailbox(s.outgoing.staticRoutes.first().host);
        if (!mailbox.isNull() && !s.isRelayClient(mailbox))
            return false;
    }
    return true;
}

QString archiveDestinationName(const ArchivePolicy &p)
{
    switch (p.destination) {
    case ArchiveDestination::Store:
        return Roles::tr("the archive store");
    case ArchiveDestination::Folder:
        return Roles::tr("the mailbox's Archive folder");
    case ArchiveDestination::Delete:
        break;
    }
    return Roles::tr("deletion");
}

} // namespace

QString hostNetwork(const QString &address)
{
    const QHostAddress a(address.trimmed());
    if (a.isNull())
        return {};
    const bool v4 = a.protocol() == QAbstractSocket::IPv4Protocol;
    return a.toString() + (v4 ? u"/32"_s : u"/128"_s);
}

Settings applyRole(Settings s, const RoleChoice &c)
{
    if (c.role == Role::Custom)
        return s;
    const bool mailbox = c.role == Role::Mailbox;

    s.server.role = c.role;
    s.server.domain = c.domain.trimmed().toLower();
    s.server.localDomains = normalizedLocalDomains(c);
    s.server.hostname = c.hostname.trimmed().toLower();

    // Port 25 takes mail from the Internet: no AUTH there. A Mailbox refuses outsiders that
    // claim a local sender and takes its users' mail on submission, with AUTH; an Archive
    // has no users to submit mail.
    s.smtp.listeners.clear();
    for (Listener l : c.listeners) {
        if (l.mode == ListenerMode::Smtp) {
            l.rejectNonLocalSendersClaimingLocal = mailbox;
            l.requireAuth = false;
            l.trustedClientsOnly = !mailbox; // an Archive takes mail from its partner only
        } else {
            if (!mailbox)
                continue;
            l.rejectNonLocalSendersClaimingLocal = false;
            l.requireAuth = true;
        }
        s.smtp.listeners.append(l);
    }
    QStringList networks = c.lanNetworks;
    if (!mailbox)
        networks.prepend(hostNetwork(c.partnerHost));
    s.smtp.relayNetworks = toSubnets(networks);
    s.smtp.tlsCertificate = c.tlsCertificate;
    s.smtp.tlsKey = c.tlsKey;

    auto &pt = s.passthrough;
    pt.allDomains = true;
    pt.domains.clear();
    pt.copyToSenderSentItems = !mailbox;
    pt.createMailboxIfNecessary = !mailbox;
    pt.copyLocalDomainsToOutbox = mailbox;
    pt.copyWithoutReceivedToOutbox = !mailbox;
    s.undelivered.action =
        mailbox ? UndeliveredAction::ReturnToSender : UndeliveredAction::CreateMailboxAndStore;

    // The template (default archive settings): a Mailbox archives nothing, its partner keeps
    // every copy; the Archive moves mail older than 30 days into its store and keeps it for
    // ever. Its destination, expiry action and size cap stay the administrator's.
    auto &t = s.mailboxes.mailboxTemplate;
    t.archiveAfterHours = mailbox ? 0 : kArchiveAfterHours;
    t.expireAfterHours = 0;
    if (!mailbox)
        t.destination = ArchiveDestination::Store;

    StaticRoute toPartner;
    toPartner.host = c.partnerHost.trimmed();
    toPartner.port = c.partnerPort;
    s.outgoing.staticRoutes.clear();
    if (mailbox) {
        toPartner.domains = {u"*"_s};
        s.outgoing.staticRoutes.append(toPartner);
        s.outgoing.smarthost = SmartHost{}; // never used behind the "*" route
    } else {
        if (!c.useDns) {
            toPartner.domains = s.allLocalDomains();
            s.outgoing.staticRoutes.append(toPartner);
        }
        if (c.smarthostHost.trimmed().isEmpty()) {
            s.outgoing.smarthost = SmartHost{};
        } else {
            s.outgoing.smarthost.host = c.smarthostHost.trimmed();
            s.outgoing.smarthost.port = c.smarthostPort;
        }
    }
    return s;
}

Settings wizardStart(const Settings *current, const QString &baseDir)
{
    if (current && toJson(*current) != toJson(defaultSettings()))
        return *current;
    Settings blank;
    blank.baseDir = baseDir;
    return blank;
}

QList<RoleProblem> validateRoleChoice(const RoleChoice &c)
{
    QList<RoleProblem> problems;
    auto problem = [&](RoleField field, const QString &message) {
        problems.append(RoleProblem{field, message});
    };
    if (c.role == Role::Custom)
        problem(RoleField::Role, Roles::tr("Choose Mailbox or Archive."));
    const bool mailbox = c.role == Role::Mailbox;

    const QString domain = c.domain.trimmed().toLower();
    if (domain.isEmpty())
        problem(RoleField::Domain, Roles::tr("Enter the domain, such as example.com."));
    else if (!isValidDomain(domain))
        problem(RoleField::Domain,
                Roles::tr("\"%1\" is not a domain name such as example.com.").arg(domain));
    for (const QString &d : normalizedLocalDomains(c)) {
        if (!isValidDomain(d))
            problem(RoleField::LocalDomains,
                    Roles::tr("\"%1\" is not a domain name such as example.org.").arg(d));
    }
    const QString hostname = c.hostname.trimmed().toLower();
    if (hostname.isEmpty())
        problem(RoleField::Hostname, Roles::tr("Enter this machine's host name, such as "
                                               "mail.example.com."));
    else if (!isValidDomain(hostname))
        problem(RoleField::Hostname,
                Roles::tr("\"%1\" is not a host name such as mail.example.com.").arg(hostname));

    const QString partner = c.partnerHost.trimmed();
    const bool partnerIsAddress = !QHostAddress(partner).isNull();
    if (partner.isEmpty())
        problem(RoleField::Partner, mailbox ? Roles::tr("Enter the Archive machine's address.")
                                            : Roles::tr("Enter the Mailbox machine's address."));
    else if (mailbox && !partnerIsAddress && !isValidDomain(partner))
        problem(RoleField::Partner,
                Roles::tr("\"%1\" is not a host name or an IP address.").arg(partner));
    else if (!mailbox && !partnerIsAddress)
        problem(RoleField::Partner,
                Roles::tr("\"%1\" is not an IP address: the Archive lets the Mailbox relay by "
                          "its address.")
                    .arg(partner));
    if (c.partnerPort == 0)
        problem(RoleField::Partner, mailbox ? Roles::tr("The Archive's port must be 1-65535.")
                                            : Roles::tr("The Mailbox's port must be 1-65535."));

    bool anyNetwork = false;
    for (const QString &t : c.lanNetworks) {
        const QString text = t.trimmed();
        if (text.isEmpty())
            continue;
        const auto parsed = QHostAddress::parseSubnet(text);
        if (parsed.first.isNull()) {
            problem(RoleField::Networks,
                    Roles::tr("\"%1\" is not a network such as 192.168.1.0/24.").arg(text));
            continue;
        }
        anyNetwork = true;
        const bool v4 = parsed.first.protocol() == QAbstractSocket::IPv4Protocol;
        if (parsed.second < (v4 ? 8 : 16))
            problem(
                RoleField::Networks,
                Roles::tr("\"%1\" is wider than any LAN and would make an open relay.").arg(text));
    }
    if (mailbox && !anyNetwork)
        problem(RoleField::Networks,
                Roles::tr("Enter the LAN whose machines may send mail, such as 192.168.1.0/24."));

    int smtpListeners = 0;
    int submissionListeners = 0;
    for (qsizetype i = 0; i < c.listeners.size(); ++i) {
        const Listener &l = c.listeners.at(i);
        const QHostAddress address(l.address);
        if (address.isNull())
            problem(RoleField::Listeners,
                    Roles::tr("\"%1\" is not an IP address to listen on.").arg(l.address));
        if (l.port == 0)
            problem(RoleField::Listeners,
                    Roles::tr("The %1 listener's port must be 1-65535.").arg(displayName(l.mode)));
        for (qsizetype j = 0; j < i; ++j) {
            const Listener &other = c.listeners.at(j);
            if (other.port == l.port && sameSocket(QHostAddress(other.address), address))
                problem(RoleField::Listeners,
                        Roles::tr("%1 port %2 is used twice.").arg(l.address).arg(l.port));
        }
        if (l.mode == ListenerMode::Smtp)
            ++smtpListeners;
        else
            ++submissionListeners;
        // Sending the Outbox to one's own listener would loop until the hop limit.
        if (mailbox && l.port == c.partnerPort && partnerIsAddress) {
            const QHostAddress p(partner);
            if (p == address || (isWildcard(address) && p.isLoopback()))
                problem(RoleField::Partner,
                        Roles::tr("The Archive cannot be this machine's own %1 port %2.")
                            .arg(l.address)
                            .arg(l.port));
        }
    }
    if (smtpListeners == 0)
        problem(RoleField::Listeners, Roles::tr("An SMTP listener is needed to receive mail."));
    if (mailbox && submissionListeners == 0)
        problem(RoleField::Listeners,
                Roles::tr("A Mailbox needs a submission listener for its users' mail clients."));

    const QString smarthost = c.smarthostHost.trimmed();
    if (!mailbox && !smarthost.isEmpty()) {
        if (QHostAddress(smarthost).isNull() && !isValidDomain(smarthost))
            problem(RoleField::SmartHost,
                    Roles::tr("\"%1\" is not a host name or an IP address.").arg(smarthost));
        if (c.smarthostPort == 0)
            problem(RoleField::SmartHost, Roles::tr("The SmartHost's port must be 1-65535."));
    }
    if (c.tlsCertificate.isEmpty() != c.tlsKey.isEmpty())
        problem(RoleField::Tls, Roles::tr("Give both the certificate and its key, or neither."));
    return problems;
}

std::optional<Role> detectRole(const Settings &s)
{
    const auto &pt = s.passthrough;
    if (!pt.allDomains)
        return std::nullopt;
    const auto &listeners = s.smtp.listeners;
    const auto anyListener = [&](auto pred) {
        return std::any_of(listeners.cbegin(), listeners.cend(), pred);
    };
    const auto allListeners = [&](auto pred) {
        return std::all_of(listeners.cbegin(), listeners.cend(), pred);
    };
    const auto isSmtp = [](const Listener &l) { return l.mode == ListenerMode::Smtp; };

    const bool mailbox =
        !pt.copyToSenderSentItems && !pt.createMailboxIfNecessary && pt.copyLocalDomainsToOutbox &&
        !pt.copyWithoutReceivedToOutbox &&
        s.undelivered.action == UndeliveredAction::ReturnToSender && anyListener(isSmtp) &&
        anyListener([](const Listener &l) { return l.mode == ListenerMode::Submission; }) &&
        allListeners([](const Listener &l) {
            return isSubmissionMode(l.mode)
                       ? l.requireAuth && !l.rejectNonLocalSendersClaimingLocal
                       : !l.requireAuth && l.rejectNonLocalSendersClaimingLocal;
        }) &&
        hasRouteToArchive(s) && !s.smtp.relayNetworks.isEmpty();
    if (mailbox)
        return Role::Mailbox;

    const bool archive = pt.copyToSenderSentItems && pt.createMailboxIfNecessary &&
                         !pt.copyLocalDomainsToOutbox && pt.copyWithoutReceivedToOutbox &&
                         s.undelivered.action == UndeliveredAction::CreateMailboxAndStore &&
                         anyListener(isSmtp) && allListeners([](const Listener &l) {
                             return l.mode == ListenerMode::Smtp && !l.requireAuth &&
                                    !l.rejectNonLocalSendersClaimingLocal;
                         }) &&
                         hasArchiveRoutes(s) && relaysForMailbox(s);
    if (archive)
        return Role::Archive;
    return std::nullopt;
}

QStringList describeRole(const Settings &s)
{
    QStringList lines;
    lines << Roles::tr("Server › role: %1").arg(displayName(s.server.role))
          << Roles::tr("Server › primary domain: %1").arg(s.server.domain)
          << Roles::tr("Server › extra local domains: %1")
                 .arg(s.server.localDomains.isEmpty() ? Roles::tr("none")
                                                      : s.server.localDomains.join(u", "_s))
          << Roles::tr("Server › host name: %1").arg(s.server.hostname);

    const auto &pt = s.passthrough;
    lines << Roles::tr("Passthrough › domains it applies to: %1")
                 .arg(pt.allDomains ? Roles::tr("all local domains") : pt.domains.join(u", "_s))
          << Roles::tr("Passthrough › Copy all mail to sender's Sent items: %1")
                 .arg(onOff(pt.copyToSenderSentItems))
          << Roles::tr("Passthrough › Create mailbox if necessary: %1")
                 .arg(onOff(pt.createMailboxIfNecessary))
          << Roles::tr("Passthrough › Copy all mail for local domains to Outbox: %1")
                 .arg(onOff(pt.copyLocalDomainsToOutbox))
          << Roles::tr("Passthrough › Copy all mail without Received: headers to Outbox: %1")
                 .arg(onOff(pt.copyWithoutReceivedToOutbox))
          << Roles::tr("Undelivered Mail › action: %1")
                 .arg(displayName(s.undelivered.action, s.undelivered.forwardMailbox));
    const auto &t = s.mailboxes.mailboxTemplate;
    lines << (t.archiveAfterHours == 0
                  ? Roles::tr("Mailbox template › archive: never")
                  : Roles::tr("Mailbox template › archive after %1 to %2")
                        .arg(formatDuration(t.archiveAfterHours), archiveDestinationName(t)))
          << (t.expireAfterHours == 0
                  ? Roles::tr("Mailbox template › expire: never (kept for ever)")
                  : Roles::tr("Mailbox template › expire after %1")
                        .arg(formatDuration(t.expireAfterHours)));

    for (const Listener &l : s.smtp.listeners) {
        const QString where = Roles::tr("SMTP service %1 port %2 (%3)")
                                  .arg(l.address)
                                  .arg(l.port)
                                  .arg(displayName(l.mode));
        lines << Roles::tr("%1 › Reject non-local senders claiming to be local: %2")
                     .arg(where, onOff(l.rejectNonLocalSendersClaimingLocal))
              << Roles::tr("%1 › Require authentication: %2").arg(where, onOff(l.requireAuth));
    }
    QStringList networks;
    for (const Subnet &n : s.smtp.relayNetworks)
        networks.append(n.text);
    lines << Roles::tr("Relaying › allowed networks: %1")
                 .arg(networks.isEmpty() ? Roles::tr("none") : networks.join(u", "_s));
    lines << (s.smtp.tlsCertificate.isEmpty() ? Roles::tr("TLS › certificate: none (no STARTTLS)")
                                              : Roles::tr("TLS › certificate: %1, key: %2")
                                                    .arg(s.smtp.tlsCertificate, s.smtp.tlsKey));

    bool coversAll = false;
    for (const StaticRoute &r : s.outgoing.staticRoutes) {
        coversAll = coversAll || r.domains.contains(u"*"_s);
        lines << Roles::tr("Outgoing Mail › static route %1 → %2 port %3")
                     .arg(r.domains.join(u", "_s), r.host)
                     .arg(r.port);
    }
    if (!s.outgoing.smarthost.host.isEmpty())
        lines << Roles::tr("Outgoing Mail › SmartHost: %1 port %2")
                     .arg(s.outgoing.smarthost.host)
                     .arg(s.outgoing.smarthost.port);
    else if (s.outgoing.staticRoutes.isEmpty())
        lines << Roles::tr("Outgoing Mail › MX delivery (DNS), no SmartHost");
    else if (!coversAll)
        lines << Roles::tr("Outgoing Mail › other mail: MX delivery (DNS), no SmartHost");
    return lines;
}

QString displayName(Role role)
{
    switch (role) {
    case Role::Mailbox:
        return Roles::tr("Mailbox");
    case Role::Archive:
        return Roles::tr("Archive");
    case Role::Custom:
        break;
    }
    return Roles::tr("Custom");
}

QString displayName(ListenerMode mode)
{
    switch (mode) {
    case ListenerMode::Smtp:
        return Roles::tr("SMTP");
    case ListenerMode::Submission:
        return Roles::tr("submission");
    case ListenerMode::Smtps:
        break;
    }
    return Roles::tr("SMTPS");
}

QString displayName(UndeliveredAction action, const QString &mailbox)
{
    switch (action) {
    case UndeliveredAction::ReturnToSender:
        return Roles::tr("Return undelivered mail to sender");
    case UndeliveredAction::CreateMailboxAndStore:
        return Roles::tr("Create mailbox and store");
    case UndeliveredAction::ForwardToMailbox:
        break;
    }
    return Roles::tr("Forward to mailbox %1").arg(mailbox);
}

} // namespace tandem::config
