// The role presets of PRODUCT.md §1: applyRole() sets every row of a role's column and
// nothing else, the result is a valid configuration file, and detectRole() recognises the
// column and nothing that differs from it in a single row.
#include "config/roles.h"
#include "config/settings.h"
#include "threadwarnings.h"

#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace tandem::config;

namespace {

Settings baseSettings()
{
    LoadResult loaded = parse(defaultConfigJson(), u"/tmp/tandem-config"_s);
    Q_ASSERT(loaded.ok());
    return loaded.settings;
}

RoleChoice mailboxChoice()
{
    RoleChoice c;
    c.role = Role::Mailbox;
    c.domain = u"Example.COM"_s;
    c.localDomains = {u"example.org"_s};
    c.hostname = u"mailbox.example.com"_s;
    c.partnerHost = u"192.168.1.20"_s;
    c.partnerPort = 25;
    c.lanNetworks = {u"192.168.1.0/24"_s, u"127.0.0.1/32"_s};
    // The reject/auth flags are deliberately the wrong way round: applyRole() sets them.
    c.listeners = {Listener{u"0.0.0.0"_s, 25, ListenerMode::Smtp, false, true},
                   Listener{u"0.0.0.0"_s, 587, ListenerMode::Submission, true, false}};
    c.tlsCertificate = u"tls/cert.pem"_s;
    c.tlsKey = u"tls/key.pem"_s;
    return c;
}

RoleChoice archiveChoice(bool useDns)
{
    RoleChoice c;
    c.role = Role::Archive;
    c.domain = u"example.com"_s;
    c.localDomains = {u"example.org"_s};
    c.hostname = u"archive.example.com"_s;
    c.partnerHost = u"192.168.1.10"_s;
    c.partnerPort = 2525;
    c.lanNetworks = {u"127.0.0.1/32"_s};
    c.listeners = {Listener{u"0.0.0.0"_s, 25, ListenerMode::Smtp, true, true},
                   Listener{u"0.0.0.0"_s, 587, ListenerMode::Submission, false, true}};
    c.useDns = useDns;
    return c;
}

QStringList networks(const Settings &s)
{
    QStringList out;
    for (const Subnet &n : s.smtp.relayNetworks)
        out.append(n.text);
    return out;
}

QByteArray json(const Settings &s)
{
    return QJsonDocument(toJson(s)).toJson(QJsonDocument::Compact);
}

// The rows of the table, in its order; mutate() changes one of them away from the column.
enum Row {
    PassthroughDomains,
    SentItems,
    CreateMailbox,
    CopyLocalToOutbox,
    CopyWithoutReceived,
    Undelivered,
    Port25Reject,
    Submission,
    OutgoingMail,
    RelayNetworks,
};

void mutate(Role role, int row, Settings &s)
{
    const bool mailbox = role == Role::Mailbox;
    switch (Row(row)) {
    case PassthroughDomains:
        s.passthrough.allDomains = false;
        s.passthrough.domains = {s.server.domain};
        break;
    case SentItems:
        s.passthrough.copyToSenderSentItems = !s.passthrough.copyToSenderSentItems;
        break;
    case CreateMailbox:
        s.passthrough.createMailboxIfNecessary = !s.passthrough.createMailboxIfNecessary;
        break;
    case CopyLocalToOutbox:
        s.passthrough.copyLocalDomainsToOutbox = !s.passthrough.copyLocalDomainsToOutbox;
        break;
    case CopyWithoutReceived:
        s.passthrough.copyWithoutReceivedToOutbox = !s.passthrough.copyWithoutReceivedToOutbox;
        break;
    case Undelivered:
        s.undelivered.action = UndeliveredAction::ForwardToMailbox;
        break;
    case Port25Reject:
        s.smtp.listeners[0].rejectNonLocalSendersClaimingLocal = !mailbox;
        break;
    case Submission:
        if (mailbox)
            s.smtp.listeners[1].requireAuth = false;
        else
            s.smtp.listeners.append(
                Listener{u"0.0.0.0"_s, 587, ListenerMode::Submission, false, true});
        break;
    case OutgoingMail:
        if (mailbox) {
            s.outgoing.staticRoutes.clear(); // and no SmartHost: MX delivery
        } else {
            StaticRoute isp;
            isp.domains = {u"*"_s};
            isp.host = u"smtp.isp.test"_s;
            s.outgoing.staticRoutes.append(isp);
        }
        break;
    case RelayNetworks:
        if (mailbox)
            s.smtp.relayNetworks.clear();
        else
            // Without DNS the route names the Mailbox; with MX delivery nothing does, so a
            // single-host network is what marks it.
            s.smtp.relayNetworks = {Subnet{QHostAddress(u"10.0.0.0"_s), 8, u"10.0.0.0/8"_s}};
        break;
    }
}

} // namespace

class TestRoles : public QObject {
    Q_OBJECT
private slots:
    void init() { tandem::test::failOnThreadWarnings(); }
    void mailboxColumn();
    void archiveColumn_data();
    void archiveColumn();
    void keepsOtherOptions();
    void resultIsValidFile_data();
    void resultIsValidFile();
    void detectRoundTrip_data();
    void detectRoundTrip();
    void singleRowChangeIsCustom_data();
    void singleRowChangeIsCustom();
    void mailboxBySmartHost();
    void validation();
    void describesEveryRow();
    void wizardStartsBlankWithoutAConfigurationOfOurOwn();
};

void TestRoles::mailboxColumn()
{
    const Settings s = applyRole(baseSettings(), mailboxChoice());
    QVERIFY(s.server.role == Role::Mailbox);
    QCOMPARE(s.server.domain, u"example.com"_s);
    QCOMPARE(s.server.localDomains, QStringList{u"example.org"_s});
    QCOMPARE(s.server.hostname, u"mailbox.example.com"_s);
    // Passthrough
    QVERIFY(s.passthrough.allDomains);
    QVERIFY(s.passthrough.domains.isEmpty());
    QCOMPARE(s.passthrough.copyToSenderSentItems, false);
    QCOMPARE(s.passthrough.createMailboxIfNecessary, false);
    QCOMPARE(s.passthrough.copyLocalDomainsToOutbox, true);
    QCOMPARE(s.passthrough.copyWithoutReceivedToOutbox, false);
    // Undelivered Mail
    QVERIFY(s.undelivered.action == UndeliveredAction::ReturnToSender);
    // SMTP port 25 and 587
    QCOMPARE(s.smtp.listeners.size(), 2);
    const Listener &smtp = s.smtp.listeners.at(0);
    QCOMPARE(smtp.port, quint16(25));
    QVERIFY(smtp.mode == ListenerMode::Smtp);
    QCOMPARE(smtp.rejectNonLocalSendersClaimingLocal, true);
    QCOMPARE(smtp.requireAuth, false);
    QCOMPARE(smtp.trustedClientsOnly, false); // a Mailbox takes the Internet's mail
    const Listener &submission = s.smtp.listeners.at(1);
    QCOMPARE(submission.port, quint16(587));
    QVERIFY(submission.mode == ListenerMode::Submission);
    QCOMPARE(submission.requireAuth, true);
    QCOMPARE(submission.rejectNonLocalSendersClaimingLocal, false);
    // Outgoing Mail: "*" → the Archive, nothing else
    QCOMPARE(s.outgoing.staticRoutes.size(), 1);
    QCOMPARE(s.outgoing.staticRoutes.at(0).domains, QStringList{u"*"_s});
    QCOMPARE(s.outgoing.staticRoutes.at(0).host, u"192.168.1.20"_s);
    QCOMPARE(s.outgoing.staticRoutes.at(0).port, quint16(25));
    QVERIFY(s.outgoing.smarthost.host.isEmpty());
    // Relaying: the LAN
    QCOMPARE(networks(s), QStringList({u"192.168.1.0/24"_s, u"127.0.0.1/32"_s}));
    QVERIFY(s.isRelayClient(QHostAddress(u"192.168.1.55"_s)));
    QCOMPARE(s.smtp.tlsCertificate, u"tls/cert.pem"_s);
    QCOMPARE(s.smtp.tlsKey, u"tls/key.pem"_s);
    // The template: a Mailbox archives nothing (its Archive keeps every copy).
    QCOMPARE(s.mailboxes.mailboxTemplate.archiveAfterHours, 0);
    QCOMPARE(s.mailboxes.mailboxTemplate.expireAfterHours, 0);
}

void TestRoles::archiveColumn_data()
{
    QTest::addColumn<bool>("useDns");
    QTest::addColumn<QString>("smarthost");
    QTest::newRow("MX delivery") << true << QString();
    QTest::newRow("no DNS") << false << QString();
    QTest::newRow("ISP SmartHost") << true << u"smtp.isp.test"_s;
    QTest::newRow("no DNS, ISP SmartHost") << false << u"smtp.isp.test"_s;
}

void TestRoles::archiveColumn()
{
    QFETCH(bool, useDns);
    QFETCH(QString, smarthost);
    RoleChoice c = archiveChoice(useDns);
    c.smarthostHost = smarthost;
    c.smarthostPort = 587;
    const Settings s = applyRole(baseSettings(), c);
    QVERIFY(s.server.role == Role::Archive);
    QCOMPARE(s.server.hostname, u"archive.example.com"_s);
    QVERIFY(s.passthrough.allDomains);
    QCOMPARE(s.passthrough.copyToSenderSentItems, true);
    QCOMPARE(s.passthrough.createMailboxIfNecessary, true);
    QCOMPARE(s.passthrough.copyLocalDomainsToOutbox, false);
    QCOMPARE(s.passthrough.copyWithoutReceivedToOutbox, true);
    QVERIFY(s.undelivered.action == UndeliveredAction::CreateMailboxAndStore);
    // Port 25 without the reject option, and no submission listener.
    QCOMPARE(s.smtp.listeners.size(), 1);
    QCOMPARE(s.smtp.listeners.at(0).port, quint16(25));
    QVERIFY(s.smtp.listeners.at(0).mode == ListenerMode::Smtp);
    QCOMPARE(s.smtp.listeners.at(0).rejectNonLocalSendersClaimingLocal, false);
    QCOMPARE(s.smtp.listeners.at(0).requireAuth, false);
    // Mail only from its partner (a relay network) and authenticated clients.
    QCOMPARE(s.smtp.listeners.at(0).trustedClientsOnly, true);
    // Outgoing Mail
    if (useDns) {
        QVERIFY(s.outgoing.staticRoutes.isEmpty());
    } else {
        QCOMPARE(s.outgoing.staticRoutes.size(), 1);
        QCOMPARE(s.outgoing.staticRoutes.at(0).domains,
                 QStringList({u"example.com"_s, u"example.org"_s}));
        QCOMPARE(s.outgoing.staticRoutes.at(0).host, u"192.168.1.10"_s);
        QCOMPARE(s.outgoing.staticRoutes.at(0).port, quint16(2525));
    }
    QCOMPARE(s.outgoing.smarthost.host, smarthost);
    QCOMPARE(s.outgoing.smarthost.port, quint16(smarthost.isEmpty() ? 25 : 587));
    // Relaying: the Mailbox machine as a single host, plus the extra networks.
    QCOMPARE(networks(s), QStringList({u"192.168.1.10/32"_s, u"127.0.0.1/32"_s}));
    QVERIFY(s.isRelayClient(QHostAddress(u"192.168.1.10"_s)));
    QVERIFY(!s.isRelayClient(QHostAddress(u"192.168.1.11"_s)));
    QVERIFY(s.smtp.tlsCertificate.isEmpty());
    // The template: into the archive store after 30 days, kept for ever.
    QCOMPARE(s.mailboxes.mailboxTemplate.archiveAfterHours, 30 * 24);
    QVERIFY(s.mailboxes.mailboxTemplate.destination == ArchiveDestination::Store);
    QCOMPARE(s.mailboxes.mailboxTemplate.expireAfterHours, 0);
}

void TestRoles::keepsOtherOptions()
{
    Settings base = baseSettings();
    // The template's periods belong to the role's column; the rest of it is the
    // administrator's.
    auto &t = base.mailboxes.mailboxTemplate;
    t.archiveAfterHours = 12;
    t.expireAfterHours = 24 * 365;
    t.destination = ArchiveDestination::Folder;
    t.onExpiry = ExpiryAction::Export;
    t.maxSizeMb = 2048;
    t.warnPercent = 75;
    base.outgoing.retry.warnAfterHours = 2;
    base.smtp.maxRecipients = 500;
    const Settings s = applyRole(base, archiveChoice(true));
    QCOMPARE(s.mailboxes.mailboxTemplate.archiveAfterHours, 30 * 24);
    QCOMPARE(s.mailboxes.mailboxTemplate.expireAfterHours, 0);
    QVERIFY(s.mailboxes.mailboxTemplate.destination == ArchiveDestination::Store);
    QVERIFY(s.mailboxes.mailboxTemplate.onExpiry == ExpiryAction::Export);
    QCOMPARE(s.mailboxes.mailboxTemplate.maxSizeMb, 2048);
    QCOMPARE(s.mailboxes.mailboxTemplate.warnPercent, 75);
    const Settings m = applyRole(base, mailboxChoice());
    QCOMPARE(m.mailboxes.mailboxTemplate.archiveAfterHours, 0);
    QCOMPARE(m.mailboxes.mailboxTemplate.expireAfterHours, 0);
    QVERIFY(m.mailboxes.mailboxTemplate.destination == ArchiveDestination::Folder);
    QCOMPARE(m.mailboxes.mailboxTemplate.maxSizeMb, 2048);
    // The role proposes the template; detectRole() does not insist on it.
    Settings changed = s;
    changed.mailboxes.mailboxTemplate.archiveAfterHours = 60 * 24;
    QCOMPARE(detectRole(changed), std::optional<Role>(Role::Archive));
    QCOMPARE(s.mailboxes.users.size(), base.mailboxes.users.size());
    QCOMPARE(s.outgoing.retry.warnAfterHours, 2);
    QCOMPARE(s.smtp.maxRecipients, 500);
    QCOMPARE(s.server.dataDir, base.server.dataDir);
    // A custom choice changes nothing.
    RoleChoice custom = mailboxChoice();
    custom.role = Role::Custom;
    QCOMPARE(json(applyRole(base, custom)), json(base));
}

void TestRoles::resultIsValidFile_data()
{
    QTest::addColumn<int>("which");
    QTest::newRow("mailbox") << 0;
    QTest::newRow("archive, MX") << 1;
    QTest::newRow("archive, no DNS") << 2;
}

static RoleChoice choiceNumber(int which)
{
    return which == 0 ? mailboxChoice() : archiveChoice(which == 1);
}

void TestRoles::resultIsValidFile()
{
    QFETCH(int, which);
    const RoleChoice c = choiceNumber(which);
    QVERIFY(validateRoleChoice(c).isEmpty());
    const Settings s = applyRole(baseSettings(), c);
    const LoadResult loaded =
        parse(QJsonDocument(toJson(s)).toJson(QJsonDocument::Indented), s.baseDir);
    QVERIFY2(loaded.ok(), qPrintable(loaded.errors.join(u"; "_s)));
    QCOMPARE(json(loaded.settings), json(s));
}

void TestRoles::detectRoundTrip_data()
{
    resultIsValidFile_data();
}

void TestRoles::detectRoundTrip()
{
    QFETCH(int, which);
    const RoleChoice c = choiceNumber(which);
    const Settings s = applyRole(baseSettings(), c);
    QCOMPARE(detectRole(s), std::optional<Role>(c.role));
    // Through the file too.
    const LoadResult loaded = parse(QJsonDocument(toJson(s)).toJson(), s.baseDir);
    QCOMPARE(detectRole(loaded.settings), std::optional<Role>(c.role));
    // Applying the same role again changes nothing.
    QCOMPARE(json(applyRole(s, c)), json(s));
    // Settings without listeners are no role at all.
    QCOMPARE(detectRole(Settings{}), std::nullopt);
}

void TestRoles::singleRowChangeIsCustom_data()
{
    QTest::addColumn<int>("which");
    QTest::addColumn<int>("row");
    const char *rows[] = {
        "passthrough domains",   "sent items",    "create mailbox", "copy local to outbox",
        "copy without Received", "undelivered",   "port 25 reject", "submission",
        "outgoing mail",         "relay networks"};
    const char *roles[] = {"mailbox", "archive MX", "archive no DNS"};
    for (int which = 0; which < 3; ++which) {
        for (int row = PassthroughDomains; row <= RelayNetworks; ++row)
            QTest::addRow("%s: %s", roles[which], rows[row]) << which << row;
    }
}

void TestRoles::singleRowChangeIsCustom()
{
    QFETCH(int, which);
    QFETCH(int, row);
    const RoleChoice c = choiceNumber(which);
    Settings s = applyRole(baseSettings(), c);
    QCOMPARE(detectRole(s), std::optional<Role>(c.role));
    mutate(c.role, row, s);
    QCOMPARE(detectRole(s), std::nullopt);
}

void TestRoles::mailboxBySmartHost()
{
    // The column's alternative: no static route and the SmartHost is the Archive.
    Settings s = applyRole(baseSettings(), mailboxChoice());
    s.outgoing.staticRoutes.clear();
    s.outgoing.smarthost.host = u"192.168.1.20"_s;
    QCOMPARE(detectRole(s), std::optional<Role>(Role::Mailbox));
    // A route for one domain besides "*" is no longer the preset.
    s = applyRole(baseSettings(), mailboxChoice());
    StaticRoute extra;
    extra.domains = {u"partner.test"_s};
    extra.host = u"mx.partner.test"_s;
    s.outgoing.staticRoutes.prepend(extra);
    QCOMPARE(detectRole(s), std::nullopt);
    // An Archive whose route to the Mailbox is not among its relay networks.
    s = applyRole(baseSettings(), archiveChoice(false));
    s.smtp.relayNetworks = {Subnet{QHostAddress(u"10.0.0.9"_s), 32, u"10.0.0.9/32"_s}};
    QCOMPARE(detectRole(s), std::nullopt);
}

void TestRoles::validation()
{
    const auto fields = [](const RoleChoice &c) {
        QList<RoleField> out;
        for (const RoleProblem &p : validateRoleChoice(c)) {
            if (!p.message.isEmpty()) // every problem says what is wrong
                out.append(p.field);
        }
        return out;
    };
    RoleChoice c = mailboxChoice();
    c.domain.clear();
    QCOMPARE(fields(c), QList<RoleField>{RoleField::Domain});
    c = mailboxChoice();
    c.domain = u"not a domain"_s;
    QCOMPARE(fields(c), QList<RoleField>{RoleField::Domain});
    c = mailboxChoice();
    c.hostname = u"-bad-"_s;
    QCOMPARE(fields(c), QList<RoleField>{RoleField::Hostname});
    c = mailboxChoice();
    c.partnerHost = u"archive.example.com"_s; // a name is fine for the Archive
    QVERIFY(fields(c).isEmpty());
    c = archiveChoice(true);
    c.partnerHost = u"mailbox.example.com"_s; // but the Mailbox must be an address
    QCOMPARE(fields(c), QList<RoleField>{RoleField::Partner});
    c = mailboxChoice();
    c.partnerPort = 0;
    QCOMPARE(fields(c), QList<RoleField>{RoleField::Partner});
    c = mailboxChoice();
    c.lanNetworks = {u"0.0.0.0/0"_s};
    QCOMPARE(fields(c), QList<RoleField>{RoleField::Networks});
    c = mailboxChoice();
    c.lanNetworks = {u"192.168.1.300/24"_s};
    QCOMPARE(fields(c), QList<RoleField>({RoleField::Networks, RoleField::Networks}));
    c = mailboxChoice();
    c.listeners.removeLast();
    QCOMPARE(fields(c), QList<RoleField>{RoleField::Listeners});
    c = mailboxChoice();
    c.listeners[1].port = 25;
    QCOMPARE(fields(c), QList<RoleField>{RoleField::Listeners});
    c = mailboxChoice();
    c.partnerHost = u"127.0.0.1"_s; // its own port 25 on 0.0.0.0: a loop
    QCOMPARE(fields(c), QList<RoleField>{RoleField::Partner});
    c = archiveChoice(true);
    c.smarthostHost = u"bad host"_s;
    QCOMPARE(fields(c), QList<RoleField>{RoleField::SmartHost});
    c = mailboxChoice();
    c.tlsKey.clear();
    QCOMPARE(fields(c), QList<RoleField>{RoleField::Tls});
}

void TestRoles::describesEveryRow()
{
    const QString mailbox = describeRole(applyRole(baseSettings(), mailboxChoice())).join(u'\n');
    for (
        const QString &expected :
        {u"Passthrough › domains it applies to: all local domains"_s,
         u"Passthrough › Copy all mail to sender's Sent items: off"_s,
         u"Passthrough › Create mailbox if necessary: off"_s,
         u"Passthrough › Copy all mail for local domains to Outbox: on"_s,
         u"Passthrough › Copy all mail without Received: headers to Outbox: off"_s,
         u"Undelivered Mail › action: Return undelivered mail to sender"_s,
         u"SMTP service 0.0.0.0 port 25 (SMTP) › Reject non-local senders claiming to be local: on"_s,
         u"SMTP service 0.0.0.0 port 587 (submission) › Require authentication: on"_s,
         u"SMTP service 0.0.0.0 port 587 (submission) › Reject non-local senders claiming to be local: off"_s,
         u"Outgoing Mail › static route * → 192.168.1.20 port 25"_s,
         u"Mailbox template › archive: never"_s,
         u"Mailbox template › expire: never (kept for ever)"_s,
         u"Relaying › allowed networks: 192.168.1.0/24, 127.0.0.1/32"_s})
        QVERIFY2(mailbox.contains(expected), qPrintable(expected));

    RoleChoice c = archiveChoice(false);
    c.smarthostHost = u"smtp.isp.test"_s;
    const QString archive = describeRole(applyRole(baseSettings(), c)).join(u'\n');
    for (
        const QString &expected :
        {u"Passthrough › Copy all mail to sender's Sent items: on"_s,
         u"Passthrough › Create mailbox if necessary: on"_s,
         u"Passthrough › Copy all mail for local domains to Outbox: off"_s,
         u"Passthrough › Copy all mail without Received: headers to Outbox: on"_s,
         u"Undelivered Mail › action: Create mailbox and store"_s,
         u"SMTP service 0.0.0.0 port 25 (SMTP) › Reject non-local senders claiming to be local: off"_s,
         u"Outgoing Mail › static route example.com, example.org → 192.168.1.10 port 2525"_s,
         u"Outgoing Mail › SmartHost: smtp.isp.test port 25"_s,
         u"Mailbox template › archive after 30d to the archive store"_s,
         u"Mailbox template › expire: never (kept for ever)"_s,
         u"Relaying › allowed networks: 192.168.1.10/32, 127.0.0.1/32"_s})
        QVERIFY2(archive.contains(expected), qPrintable(expected));
    QVERIFY(!archive.contains(u"587"_s));
    QVERIFY(describeRole(applyRole(baseSettings(), archiveChoice(true)))
                .contains(u"Outgoing Mail › MX delivery (DNS), no SmartHost"_s));
    c.smarthostHost.clear();
    QVERIFY(describeRole(applyRole(baseSettings(), c))
                .contains(u"Outgoing Mail › other mail: MX delivery (DNS), no SmartHost"_s));
}

// The wizard proposes a real installation (ports 25 and 587, no demo users) on a first start
// and over the default configuration untouched; over the administrator's own file it keeps it.
void TestRoles::wizardStartsBlankWithoutAConfigurationOfOurOwn()
{
    const QString dir = u"/tmp/tandem-config"_s;
    const Settings defaults = baseSettings();
    for (const Settings *current : {static_cast<const Settings *>(nullptr), &defaults}) {
        const Settings start = wizardStart(current, dir);
        QCOMPARE(start.baseDir, dir);
        QVERIFY(start.server.domain.isEmpty());
        QVERIFY(start.smtp.listeners.isEmpty());
        QVERIFY(start.smtp.relayNetworks.isEmpty());
        QVERIFY(start.outgoing.staticRoutes.isEmpty());
        QVERIFY(start.mailboxes.users.isEmpty());
    }
    Settings own = defaults;
    own.server.domain = u"example.net"_s;
    const Settings kept = wizardStart(&own, dir);
    QCOMPARE(QJsonDocument(toJson(kept)), QJsonDocument(toJson(own)));
    QCOMPARE(kept.mailboxes.users.size(), own.mailboxes.users.size());
}

QTEST_GUILESS_MAIN(TestRoles)
#include "tst_roles.moc"
