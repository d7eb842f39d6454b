// The passthrough decision table of PRODUCT.md §1: for each kind of message, the exact list
// of actions Router::plan decides, in the Mailbox and in the Archive preset.
#include "routing/router.h"
#include "threadwarnings.h"

#include <QSet>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace tandem;
using config::Settings;
using config::UndeliveredAction;
using routing::MessageFacts;
using routing::RecipientVerdict;
using routing::Router;
using spool::Action;
using spool::ActionKind;

namespace {

const QString kArchiveHop = u"[192.0.2.20]:2525"_s; // the Mailbox's static route "*"
const QString kMailboxHop = u"[192.0.2.10]:25"_s;   // the Archive's route for local domains

const QString alice = u"alice@example.com"_s;
const QString bob = u"bob@example.com"_s;
const QString dave = u"dave@example.com"_s; // local domain, no mailbox
const QString erin = u"erin@example.org"_s; // the second local domain
const QString carol = u"carol@remote.test"_s;
const QString dan = u"dan@other.test"_s;

// Built field by field: the structures grow, and aggregate initialisation would warn.
config::StaticRoute route(const QStringList &domains, const QString &host, quint16 port)
{
    config::StaticRoute r;
    r.domains = domains;
    r.host = host;
    r.port = port;
    return r;
}

Action action(ActionKind kind)
{
    Action a;
    a.kind = kind;
    return a;
}

smtp::Address address(const QString &localPart, const QString &domain)
{
    smtp::Address a;
    a.localPart = localPart;
    a.domain = domain;
    a.domainIsLiteral = domain.startsWith(u'[');
    return a;
}

config::User user(const QString &name)
{
    config::User u;
    u.name = name;
    return u;
}

Settings base()
{
    Settings s;
    s.server.domain = u"example.com"_s;
    s.server.localDomains = {u"example.org"_s};
    s.server.hostname = u"host.example.com"_s;
    s.server.maxHops = 30;
    return s;
}

Settings mailboxPreset()
{
    Settings s = base();
    s.server.role = config::Role::Mailbox;
    s.passthrough.allDomains = true;
    s.passthrough.copyToSenderSentItems = false;
    s.passthrough.createMailboxIfNecessary = false;
    s.passthrough.copyLocalDomainsToOutbox = true;
    s.passthrough.copyWithoutReceivedToOutbox = false;
    s.undelivered.action = UndeliveredAction::ReturnToSender;
    s.outgoing.staticRoutes = {route({u"*"_s}, u"192.0.2.20"_s, 2525)};
    return s;
}

Settings archivePreset()
{
    Settings s = base();
    s.server.role = config::Role::Archive;
    s.passthrough.allDomains = true;
    s.passthrough.copyToSenderSentItems = true;
    s.passthrough.createMailboxIfNecessary = true;
    s.passthrough.copyLocalDomainsToOutbox = false;
    s.passthrough.copyWithoutReceivedToOutbox = true;
    s.undelivered.action = UndeliveredAction::CreateMailboxAndStore;
    s.outgoing.staticRoutes = {route({u"example.com"_s, u"example.org"_s}, u"192.0.2.10"_s, 25)};
    return s;
}

Router makeRouter(const Settings &s, const QSet<QString> &mailboxes = {alice, bob, erin})
{
    return Router(std::make_shared<const Settings>(s),
                  [mailboxes](const QString &local, const QString &domain) {
                      return mailboxes.contains(local + u'@' + domain);
                  });
}

// One line per action, so that QCOMPARE shows the whole plan when it differs.
QString describe(const Action &a)
{
    switch (a.kind) {
    case ActionKind::Deliver:
        return u"deliver %1 folder=%2 create=%3 to=%4"_s.arg(
            a.mailbox, a.folder.isEmpty() ? u"INBOX"_s : a.folder, a.create ? u"yes"_s : u"no"_s,
            a.deliveredTo);
    case ActionKind::Outbox:
        return u"outbox %1 rcpt=%2"_s.arg(a.nextHop, a.recipients.join(u','));
    case ActionKind::Hold:
        return u"hold rcpt=%1"_s.arg(a.recipients.join(u','));
    case ActionKind::Bounce: {
        QStringList f;
        for (const spool::Failure &x : a.failures)
            f.append(x.recipient + u' ' + x.status);
        return u"bounce "_s + f.join(u',');
    }
    }
    return u"?"_s;
}

QStringList describe(const QList<Action> &actions)
{
    QStringList out;
    for (const Action &a : actions)
        out.append(describe(a));
    return out;
}

QString deliver(const QString &mailbox, const QString &deliveredTo, const QString &folder = {},
                bool create = true)
{
    Action a = action(ActionKind::Deliver);
    a.mailbox = mailbox;
    a.folder = folder;
    a.create = create;
    a.deliveredTo = deliveredTo;
    return describe(a);
}

QString sent(const QString &sender)
{
    return deliver(sender, sender, u"Sent"_s, true);
}

QString outbox(const QString &hop, const QStringList &recipients)
{
    Action a = action(ActionKind::Outbox);
    a.nextHop = hop;
    a.recipients = recipients;
    return describe(a);
}

QString bounce(const QStringList &recipients, const QString &status)
{
    Action a = action(ActionKind::Bounce);
    for (const QString &r : recipients)
        a.failures.append({r, status, {}});
    return describe(a);
}

QStringList plan(const Settings &s, const QString &sender, const QStringList &recipients,
                 int receivedHeaders, bool generated = false)
{
    return describe(
        makeRouter(s).plan(sender, recipients, MessageFacts{receivedHeaders, generated}));
}

// Received: counts: mail from the Internet carries some; mail handed in by a client or made
// here carries none; mail passed on by the partner machine carries the partner's.
constexpr int kFromInternet = 2;
constexpr int kFromClient = 0;
constexpr int kFromPartner = 1;

} // namespace

class TestRouter : public QObject {
    Q_OBJECT

private slots:
    void init() { tandem::test::failOnThreadWarnings(); }
    void externalToLocal();
    void localToLocal();
    void localToRemote();
    void localAndRemoteInOneTransaction();
    void remoteRecipientsGroupedByNextHop();
    void archiveCreatesUnknownLocalUser();
    void archiveSentCopyCreatesMailbox();
    void archiveWithoutReceivedGoesToOutbox();
    void nullSenderHasNoSentItems();
    void hopLimit();
    void forwardToMailbox();
    void returnToSenderAfterAcceptance();
    void unknownRecipientIsNotCopiedToOutbox();
    void nullSenderFailureGoesToPostmaster();
    void passthroughRestrictedToOneDomain();
    void postmasterAlwaysAccepted();
    void postmasterIsANamedUser();
    void checkLocalRecipient();
    void mailboxForIsWhereThePlanFiles();
    void configuredUsersCount();
    void isLocal();
    void nextHop();
    void relayHop();
};

void TestRouter::externalToLocal()
{
    QCOMPARE(plan(mailboxPreset(), carol, {alice}, kFromInternet),
             (QStringList{deliver(alice, alice), outbox(kArchiveHop, {alice})}));
    QCOMPARE(plan(archivePreset(), carol, {alice}, kFromInternet),
             (QStringList{deliver(alice, alice)}));
}

void TestRouter::localToLocal()
{
    // Alice's client hands the message to the Mailbox; the Mailbox passes its copy on to the
    // Archive, which then files it for Bob and in Alice's Sent items.
    QCOMPARE(plan(mailboxPreset(), alice, {bob}, kFromClient),
             (QStringList{deliver(bob, bob), outbox(kArchiveHop, {bob})}));
    QCOMPARE(plan(archivePreset(), alice, {bob}, kFromPartner),
             (QStringList{deliver(bob, bob), sent(alice)}));
    // The Mailbox does the same with mail that already has Received: headers.
    QCOMPARE(plan(mailboxPreset(), alice, {bob}, kFromPartner),
             (QStringList{deliver(bob, bob), outbox(kArchiveHop, {bob})}));
}

void TestRouter::localToRemote()
{
    QCOMPARE(plan(mailboxPreset(), alice, {carol}, kFromClient),
             (QStringList{outbox(kArchiveHop, {carol})}));
    // The Archive files the Sent copy and sends the message out by MX.
    QCOMPARE(plan(archivePreset(), alice, {carol}, kFromPartner),
             (QStringList{sent(alice), outbox(u"remote.test"_s, {carol})}));
    // Handed to the Archive directly: no local recipient to divert, so the same.
    QCOMPARE(plan(archivePreset(), alice, {carol}, kFromClient),
             (QStringList{sent(alice), outbox(u"remote.test"_s, {carol})}));
}

void TestRouter::localAndRemoteInOneTransaction()
{
    // One message with local and remote recipients leaves the Mailbox as ONE transaction.
    QCOMPARE(plan(mailboxPreset(), alice, {bob, carol}, kFromClient),
             (QStringList{deliver(bob, bob), outbox(kArchiveHop, {bob, carol})}));
    QCOMPARE(plan(mailboxPreset(), alice, {carol, bob, erin, dan}, kFromClient),
             (QStringList{deliver(bob, bob), deliver(erin, erin),
                          outbox(kArchiveHop, {carol, bob, erin, dan})}));
    QCOMPARE(plan(archivePreset(), alice, {bob, carol}, kFromPartner),
             (QStringList{deliver(bob, bob), sent(alice), outbox(u"remote.test"_s, {carol})}));
}

void TestRouter::remoteRecipientsGroupedByNextHop()
{
    const QString carol2 = u"carol2@REMOTE.test"_s;
    QCOMPARE(plan(archivePreset(), alice, {carol, dan, carol2}, kFromPartner),
             (QStringList{sent(alice), outbox(u"remote.test"_s, {carol, carol2}),
                          outbox(u"other.test"_s, {dan})}));
    // A recipient named twice travels once.
    QCOMPARE(plan(mailboxPreset(), alice, {carol, carol}, kFromClient),
             (QStringList{outbox(kArchiveHop, {carol})}));
}

void TestRouter::archiveCreatesUnknownLocalUser()
{
    QCOMPARE(plan(archivePreset(), carol, {dave}, kFromInternet),
             (QStringList{deliver(dave, dave)}));
    const QString mixedCase = u"Dave@Example.com"_s;
    QCOMPARE(plan(archivePreset(), carol, {mixedCase}, kFromInternet),
             (QStringList{deliver(u"dave@example.com"_s, mixedCase)}));
    // A local part that cannot be a folder name goes to the catch-all, never refused.
    const QString odd = u"\"john doe\"@example.com"_s;
    QCOMPARE(plan(archivePreset(), carol, {odd}, kFromInternet),
             (QStringList{deliver(u"postmaster@example.com"_s, odd)}));
    QCOMPARE(
        makeRouter(archivePreset()).checkLocalRecipient(address(u"john doe"_s, u"example.com"_s)),
        RecipientVerdict::Accept);
}

void TestRouter::archiveSentCopyCreatesMailbox()
{
    const QString zoe = u"zoe@example.com"_s; // local sender without a mailbox
    QCOMPARE(plan(archivePreset(), zoe, {carol}, kFromPartner),
             (QStringList{sent(zoe), outbox(u"remote.test"_s, {carol})}));

    Settings noCreate = archivePreset();
    noCreate.passthrough.createMailboxIfNecessary = false;
    QCOMPARE(plan(noCreate, zoe, {carol}, kFromPartner),
             (QStringList{outbox(u"remote.test"_s, {carol})}));
    QCOMPARE(plan(noCreate, alice, {carol}, kFromPartner),
             (QStringList{sent(alice), outbox(u"remote.test"_s, {carol})}));

    // A sender whose local part cannot be a mailbox name gets no Sent copy.
    QCOMPARE(plan(archivePreset(), u"\"zoe x\"@example.com"_s, {carol}, kFromPartner),
             (QStringList{outbox(u"remote.test"_s, {carol})}));
    // Nor does a sender at an address literal or a remote domain.
    QCOMPARE(plan(archivePreset(), u"zoe@[192.0.2.1]"_s, {carol}, kFromPartner),
             (QStringList{outbox(u"remote.test"_s, {carol})}));
    QCOMPARE(plan(archivePreset(), dan, {carol}, kFromPartner),
             (QStringList{outbox(u"remote.test"_s, {carol})}));
    // The sender's mailbox is lower-cased; Delivered-To keeps the envelope's spelling.
    const QString upper = u"Alice@EXAMPLE.com"_s;
    QCOMPARE(plan(archivePreset(), upper, {carol}, kFromPartner),
             (QStringList{deliver(alice, upper, u"Sent"_s), outbox(u"remote.test"_s, {carol})}));
}

void TestRouter::archiveWithoutReceivedGoesToOutbox()
{
    // No Received: header apart from ours: local recipients go back to the Mailbox, nothing is
    // filed here, and the Sent copy waits for the Mailbox's copy to come back.
    QCOMPARE(plan(archivePreset(), alice, {bob}, kFromClient),
             (QStringList{outbox(kMailboxHop, {bob})}));
    QCOMPARE(plan(archivePreset(), alice, {bob, carol, erin}, kFromClient),
             (QStringList{outbox(kMailboxHop, {bob, erin}), outbox(u"remote.test"_s, {carol})}));
    // Unknown local users too: the Mailbox decides about them.
    QCOMPARE(plan(archivePreset(), carol, {dave}, kFromClient),
             (QStringList{outbox(kMailboxHop, {dave})}));
    // With the option off, the Archive files it.
    Settings off = archivePreset();
    off.passthrough.copyWithoutReceivedToOutbox = false;
    QCOMPARE(plan(off, alice, {bob}, kFromClient), (QStringList{deliver(bob, bob), sent(alice)}));
}

void TestRouter::nullSenderHasNoSentItems()
{
    // A failure report made by this server: sender <>, no Received: header, generated.
    QCOMPARE(plan(archivePreset(), QString(), {alice}, 0, true),
             (QStringList{outbox(kMailboxHop, {alice})}));
    QCOMPARE(plan(mailboxPreset(), QString(), {alice}, 0, true),
             (QStringList{deliver(alice, alice), outbox(kArchiveHop, {alice})}));
    QCOMPARE(plan(archivePreset(), QString(), {carol}, 0, true),
             (QStringList{outbox(u"remote.test"_s, {carol})}));
    QCOMPARE(plan(mailboxPreset(), QString(), {carol}, 0, true),
             (QStringList{outbox(kArchiveHop, {carol})}));
    // A bounce from the Internet to a local user: filed, and no Sent copy for anybody.
    QCOMPARE(plan(archivePreset(), QString(), {alice}, kFromInternet),
             (QStringList{deliver(alice, alice)}));
    // The Mailbox passing a bounce on to the Archive.
    QCOMPARE(plan(archivePreset(), QString(), {alice}, kFromPartner),
             (QStringList{deliver(alice, alice)}));
}

void TestRouter::hopLimit()
{
    for (const Settings &s : {mailboxPreset(), archivePreset()}) {
        const Router router = makeRouter(s);
        const int limit = s.server.maxHops;

        // One below the limit: routed as usual.
        QVERIFY(!describe(router.plan(carol, {alice}, MessageFacts{limit - 1, false}))
                     .join(u'\n')
                     .contains(u"bounce"_s));

        const QList<Action> bounced = router.plan(carol, {alice, dan}, MessageFacts{limit, false});
        QCOMPARE(describe(bounced), (QStringList{bounce({alice, dan}, u"5.4.6"_s)}));
        for (const spool::Failure &f : bounced.at(0).failures)
            QVERIFY2(f.diagnostic.contains(u"5.4.6"_s), qPrintable(f.diagnostic));

        // Null sender: nobody to tell, so the message is held for the administrator.
        const QList<Action> held = router.plan(QString(), {alice, dan}, MessageFacts{limit, false});
        QCOMPARE(held.size(), 1);
        QCOMPARE(toString(held.at(0).kind), toString(ActionKind::Hold));
        QCOMPARE(held.at(0).recipients, (QStringList{alice, dan}));
        QVERIFY2(held.at(0).reason.contains(u"5.4.6"_s), qPrintable(held.at(0).reason));
    }

    Settings low = mailboxPreset();
    low.server.maxHops = 3;
    QCOMPARE(plan(low, carol, {alice}, 3), (QStringList{bounce({alice}, u"5.4.6"_s)}));
    QCOMPARE(plan(low, carol, {alice}, 2),
             (QStringList{deliver(alice, alice), outbox(kArchiveHop, {alice})}));
}

void TestRouter::forwardToMailbox()
{
    Settings s = mailboxPreset();
    s.undelivered.action = UndeliveredAction::ForwardToMailbox;
    s.undelivered.forwardMailbox = u"catchall"_s;
    s.passthrough.copyLocalDomainsToOutbox = false;
    QCOMPARE(plan(s, carol, {dave}, kFromInternet),
             (QStringList{deliver(u"catchall@example.com"_s, dave)}));
    QCOMPARE(plan(s, carol, {u"nobody@example.org"_s, alice}, kFromInternet),
             (QStringList{deliver(u"catchall@example.org"_s, u"nobody@example.org"_s),
                          deliver(alice, alice)}));
    QCOMPARE(makeRouter(s).checkLocalRecipient(address(u"dave"_s, u"example.com"_s)),
             RecipientVerdict::Accept);

    // In the Mailbox preset the catch-all delivery is passed on like any local delivery.
    s.passthrough.copyLocalDomainsToOutbox = true;
    QCOMPARE(plan(s, carol, {dave}, kFromInternet),
             (QStringList{deliver(u"catchall@example.com"_s, dave), outbox(kArchiveHop, {dave})}));
}

void TestRouter::returnToSenderAfterAcceptance()
{
    // Found out only after acceptance (RCPT had said yes): a DSN to the sender, never a
    // delivery, and the known recipients are served as usual.
    Settings s = mailboxPreset();
    s.passthrough.copyLocalDomainsToOutbox = false;
    const QList<Action> actions = makeRouter(s).plan(carol, {dave, alice}, MessageFacts{2, false});
    QCOMPARE(describe(actions), (QStringList{deliver(alice, alice), bounce({dave}, u"5.1.1"_s)}));
    QVERIFY(actions.last().failures.at(0).diagnostic.contains(u"550 5.1.1"_s));
}

void TestRouter::unknownRecipientIsNotCopiedToOutbox()
{
    // PRODUCT.md §1: the Outbox copy is "besides being delivered to their mailboxes" and the
    // Archive keeps mail "to, from and between local users". A recipient the Mailbox bounces
    // as "no such user" must not also be passed to the Archive, whose Undelivered Mail action
    // (create mailbox and store) would then create a mailbox for the address the sender was
    // told does not exist.
    QCOMPARE(plan(mailboxPreset(), carol, {dave}, kFromInternet),
             (QStringList{bounce({dave}, u"5.1.1"_s)}));
    QCOMPARE(
        plan(mailboxPreset(), alice, {bob, dave}, kFromClient),
        (QStringList{deliver(bob, bob), outbox(kArchiveHop, {bob}), bounce({dave}, u"5.1.1"_s)}));
}

void TestRouter::nullSenderFailureGoesToPostmaster()
{
    Settings s = mailboxPreset();
    s.passthrough.copyLocalDomainsToOutbox = false;
    // Never a notification about a notification: the postmaster gets the message instead.
    QCOMPARE(plan(s, QString(), {dave}, kFromInternet),
             (QStringList{deliver(u"postmaster@example.com"_s, dave)}));
}

void TestRouter::passthroughRestrictedToOneDomain()
{
    Settings mbox = mailboxPreset();
    mbox.passthrough.allDomains = false;
    mbox.passthrough.domains = {u"example.com"_s};
    QCOMPARE(plan(mbox, alice, {bob, erin}, kFromClient),
             (QStringList{deliver(bob, bob), deliver(erin, erin), outbox(kArchiveHop, {bob})}));
    // Remote recipients always use the Outbox, whatever the passthrough domains.
    QCOMPARE(plan(mbox, erin, {erin, carol}, kFromClient),
             (QStringList{deliver(erin, erin), outbox(kArchiveHop, {carol})}));

    Settings arch = archivePreset();
    arch.passthrough.allDomains = false;
    arch.passthrough.domains = {u"example.com"_s};
    QCOMPARE(plan(arch, erin, {carol}, kFromPartner),
             (QStringList{outbox(u"remote.test"_s, {carol})}));
    QCOMPARE(plan(arch, alice, {carol}, kFromPartner),
             (QStringList{sent(alice), outbox(u"remote.test"_s, {carol})}));
    // Without Received: headers only the covered domain is diverted; example.org is filed.
    QCOMPARE(plan(arch, carol, {erin, bob}, kFromClient),
             (QStringList{deliver(erin, erin), outbox(kMailboxHop, {bob})}));
    // A sender in the uncovered domain to it: filed, no Sent copy.
    QCOMPARE(plan(arch, u"frank@example.org"_s, {erin}, kFromPartner),
             (QStringList{deliver(erin, erin)}));
}

void TestRouter::postmasterAlwaysAccepted()
{
    for (const Settings &s : {mailboxPreset(), archivePreset()}) {
        const Router router = makeRouter(s, {});
        for (const QString &local : {u"postmaster"_s, u"Postmaster"_s, u"POSTMASTER"_s})
            QCOMPARE(router.checkLocalRecipient(address(local, u"example.com"_s)),
                     RecipientVerdict::Accept);
        QCOMPARE(router.checkLocalRecipient(address(u"postmaster"_s, u"example.org"_s)),
                 RecipientVerdict::Accept);
    }
    Settings s = mailboxPreset();
    s.passthrough.copyLocalDomainsToOutbox = false;
    QCOMPARE(describe(makeRouter(s, {}).plan(carol, {u"PostMaster@example.com"_s},
                                             MessageFacts{kFromInternet, false})),
             (QStringList{deliver(u"postmaster@example.com"_s, u"PostMaster@example.com"_s)}));
}

// mailboxes.postmaster: postmaster@ of every local domain, the null sender's failures and a
// catch-all named "postmaster" all go to that user's mailbox; no "postmaster" mailbox is made.
// The size cap is looked up at RCPT for the mailbox the copy will be filed in: the same one
// plan() names, through the postmaster's user and the catch-all.
void TestRouter::mailboxForIsWhereThePlanFiles()
{
    Settings s = mailboxPreset();
    s.mailboxes.users = {user(u"alice"_s)};
    s.mailboxes.postmaster = u"alice"_s;
    const Router router = makeRouter(s);
    QCOMPARE(router.mailboxFor(address(u"Bob"_s, u"example.com"_s), false), u"bob@example.com"_s);
    QCOMPARE(router.mailboxFor(address(u"postmaster"_s, u"example.org"_s), false),
             u"alice@example.com"_s);
    QCOMPARE(router.mailboxFor(address(u"dave"_s, u"example.com"_s), false), QString());
    s.undelivered.action = UndeliveredAction::ForwardToMailbox;
    s.undelivered.forwardMailbox = u"catchall"_s;
    QCOMPARE(makeRouter(s).mailboxFor(address(u"dave"_s, u"example.com"_s), false),
             u"catchall@example.com"_s);
    QCOMPARE(plan(s, carol, {dave}, kFromInternet).first(),
             deliver(u"catchall@example.com"_s, dave));
}

void TestRouter::postmasterIsANamedUser()
{
    Settings s = mailboxPreset();
    s.passthrough.copyLocalDomainsToOutbox = false;
    s.mailboxes.users = {user(u"alice"_s), user(u"erin@example.org"_s)};
    s.mailboxes.postmaster = u"alice"_s;
    const Router router = makeRouter(s, {});
    for (const QString &to : {u"postmaster@example.com"_s, u"PostMaster@example.org"_s}) {
        QCOMPARE(describe(router.plan(carol, {to}, MessageFacts{kFromInternet, false})),
                 (QStringList{deliver(alice, to)}));
        const qsizetype at = to.indexOf(u'@');
        const smtp::Address a = address(to.left(at), to.mid(at + 1));
        QCOMPARE(router.checkLocalRecipient(a, false), RecipientVerdict::Accept);
        QVERIFY(!router.createsMailbox(a, false)); // alice is a user: nothing new to make
    }
    // Never a notification about a notification: the postmaster, alice, gets it.
    QCOMPARE(describe(router.plan(QString(), {dave}, MessageFacts{kFromInternet, false})),
             (QStringList{deliver(alice, dave)}));
    // A catch-all named postmaster is the same person.
    Settings forward = s;
    forward.undelivered.action = UndeliveredAction::ForwardToMailbox;
    QCOMPARE(plan(forward, carol, {dave}, kFromInternet), (QStringList{deliver(alice, dave)}));
    forward.undelivered.forwardMailbox = u"bob"_s;
    QCOMPARE(plan(forward, carol, {dave}, kFromInternet),
             (QStringList{deliver(u"bob@example.com"_s, dave)}));

    // A user of another local domain; the passthrough copy keeps the address it was sent to.
    Settings other = mailboxPreset();
    other.mailboxes.users = {user(u"erin@example.org"_s)};
    other.mailboxes.postmaster = u"erin@example.org"_s;
    QCOMPARE(plan(other, carol, {u"postmaster@example.com"_s}, kFromInternet),
             (QStringList{deliver(erin, u"postmaster@example.com"_s),
                          outbox(kArchiveHop, {u"postmaster@example.com"_s})}));
}

void TestRouter::checkLocalRecipient()
{
    const smtp::Address known = address(u"alice"_s, u"example.com"_s);
    const smtp::Address knownUpper = address(u"ALICE"_s, u"example.com"_s);
    const smtp::Address unknown = address(u"dave"_s, u"example.com"_s);
    const smtp::Address unknownOther = address(u"alice"_s, u"example.org"_s);

    Settings s = mailboxPreset();
    QCOMPARE(makeRouter(s).checkLocalRecipient(known), RecipientVerdict::Accept);
    QCOMPARE(makeRouter(s).checkLocalRecipient(knownUpper), RecipientVerdict::Accept);
    QCOMPARE(makeRouter(s).checkLocalRecipient(unknown), RecipientVerdict::NoSuchUser);
    QCOMPARE(makeRouter(s).checkLocalRecipient(unknownOther), RecipientVerdict::NoSuchUser);

    s.undelivered.action = UndeliveredAction::CreateMailboxAndStore;
    QCOMPARE(makeRouter(s).checkLocalRecipient(known), RecipientVerdict::Accept);
    QCOMPARE(makeRouter(s).checkLocalRecipient(unknown), RecipientVerdict::Accept);

    s.undelivered.action = UndeliveredAction::ForwardToMailbox;
    QCOMPARE(makeRouter(s).checkLocalRecipient(unknown), RecipientVerdict::Accept);

    QCOMPARE(makeRouter(archivePreset()).checkLocalRecipient(unknown), RecipientVerdict::Accept);
}

void TestRouter::configuredUsersCount()
{
    // A user listed in the configuration exists before its folder is made.
    Settings s = mailboxPreset();
    s.mailboxes.users = {user(u"gina"_s), user(u"hank@example.org"_s)};
    const Router router = makeRouter(s, {});
    QVERIFY(router.isConfiguredUser(u"gina"_s, u"example.com"_s));
    QVERIFY(router.isConfiguredUser(u"Gina"_s, u"EXAMPLE.com"_s));
    QVERIFY(!router.isConfiguredUser(u"gina"_s, u"example.org"_s));
    QVERIFY(router.isConfiguredUser(u"hank"_s, u"example.org"_s));
    QVERIFY(!router.isConfiguredUser(u"hank"_s, u"example.com"_s));
    QCOMPARE(router.checkLocalRecipient(address(u"gina"_s, u"example.com"_s)),
             RecipientVerdict::Accept);
    QCOMPARE(router.checkLocalRecipient(address(u"gina"_s, u"example.org"_s)),
             RecipientVerdict::NoSuchUser);
}

void TestRouter::isLocal()
{
    const Router router = makeRouter(mailboxPreset());
    QVERIFY(router.isLocal(address(u"a"_s, u"example.com"_s)));
    QVERIFY(router.isLocal(address(u"a"_s, u"EXAMPLE.ORG"_s)));
    QVERIFY(!router.isLocal(address(u"a"_s, u"sub.example.com"_s)));
    QVERIFY(!router.isLocal(address(u"a"_s, u"remote.test"_s)));
    QVERIFY(!router.isLocal(address(u"a"_s, u"[192.0.2.1]"_s)));
}

void TestRouter::nextHop()
{
    Settings s = base();
    s.outgoing.staticRoutes = {
        route({u"example.net"_s}, u"192.0.2.1"_s, 2501),
        route({u"*.example.net"_s}, u"192.0.2.2"_s, 2502),
        route({u"lan.test"_s, u"*.lan.test"_s}, u"relay.lan.test"_s, 25),
        route({u"*"_s}, u"192.0.2.3"_s, 2503),
    };
    {
        const Router r = makeRouter(s);
        QCOMPARE(r.nextHop(u"example.net"_s), u"[192.0.2.1]:2501"_s);
        QCOMPARE(r.nextHop(u"EXAMPLE.net"_s), u"[192.0.2.1]:2501"_s);
        QCOMPARE(r.nextHop(u"mx.example.net"_s), u"[192.0.2.2]:2502"_s);
        QCOMPARE(r.nextHop(u"a.b.example.net"_s), u"[192.0.2.2]:2502"_s);
        QCOMPARE(r.nextHop(u"badexample.net"_s), u"[192.0.2.3]:2503"_s); // not a subdomain
        QCOMPARE(r.nextHop(u"lan.test"_s), u"[relay.lan.test]:25"_s);
        QCOMPARE(r.nextHop(u"pc.lan.test"_s), u"[relay.lan.test]:25"_s);
        QCOMPARE(r.nextHop(u"remote.test"_s), u"[192.0.2.3]:2503"_s);
    }
    // "*.domain" alone does not match the domain itself.
    s.outgoing.staticRoutes = {route({u"*.example.net"_s}, u"192.0.2.2"_s, 2502)};
    {
        const Router r = makeRouter(s);
        QCOMPARE(r.nextHop(u"example.net"_s), u"example.net"_s);
        QCOMPARE(r.nextHop(u"mx.example.net"_s), u"[192.0.2.2]:2502"_s);
    }
    // The first matching route wins, even "*" ahead of an exact one.
    s.outgoing.staticRoutes = {route({u"*"_s}, u"192.0.2.3"_s, 2503),
                               route({u"example.net"_s}, u"192.0.2.1"_s, 2501)};
    QCOMPARE(makeRouter(s).nextHop(u"example.net"_s), u"[192.0.2.3]:2503"_s);

    // No static route matches: the SmartHost, then the domain itself (MX look-up).
    s.outgoing.staticRoutes = {route({u"example.net"_s}, u"192.0.2.1"_s, 2501)};
    s.outgoing.smarthost.host = u"smtp.isp.test"_s;
    s.outgoing.smarthost.port = 587;
    {
        const Router r = makeRouter(s);
        QCOMPARE(r.nextHop(u"example.net"_s), u"[192.0.2.1]:2501"_s);
        QCOMPARE(r.nextHop(u"remote.test"_s), u"[smtp.isp.test]:587"_s);
    }
    s.outgoing.smarthost.host.clear();
    {
        const Router r = makeRouter(s);
        QCOMPARE(r.nextHop(u"Remote.TEST"_s), u"remote.test"_s);
        QCOMPARE(r.nextHop(u"[192.0.2.9]"_s), u"[192.0.2.9]:25"_s);
        QCOMPARE(r.nextHop(u"[IPv6:2001:db8::9]"_s), u"[2001:db8::9]:25"_s);
    }
    QCOMPARE(routing::hopFor(u"10.0.0.1"_s, 26), u"[10.0.0.1]:26"_s);
}

// The log says "relayed to" for a hop that passes the message on, "delivered to" for the
// recipient's own server.
void TestRouter::relayHop()
{
    QVERIFY(routing::isRelayHop(u"[127.0.0.1]:4526"_s, u"remote.test"_s));
    QVERIFY(routing::isRelayHop(u"[smtp.isp.test]:587"_s, u"remote.test"_s));
    QVERIFY(!routing::isRelayHop(u"remote.test"_s, u"remote.test"_s));
    QVERIFY(!routing::isRelayHop(u"[192.0.2.9]:25"_s, u"[192.0.2.9]"_s));
    QVERIFY(!routing::isRelayHop(u"[2001:db8::9]:25"_s, u"[IPv6:2001:DB8::9]"_s));
    QVERIFY(routing::isRelayHop(u"[10.0.0.1]:26"_s, u"[192.0.2.9]"_s));
}

QTEST_GUILESS_MAIN(TestRouter)
#include "tst_router.moc"
