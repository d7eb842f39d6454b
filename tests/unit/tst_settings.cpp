// The configuration file of PRODUCT.md §3: the example parses, every problem names its key
// path, and what toJson() writes reads back to the same typed values.
#include "config/passwords.h"
#include "config/settings.h"
#include "threadwarnings.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace tandem::config;

namespace {

// PRODUCT.md §3 with its // comments removed. The user's password placeholder
// "pbkdf2-sha256$..." is not a hash, so a real one is put in its place (see passwordHash()).
const char kExample[] = R"json({
  "server": {
    "role": "mailbox",
    "domain": "example.com",
    "local_domains": [],
    "hostname": "mailbox.example.com",
    "data_dir": "data",
    "max_hops": 30
  },
  "smtp": {
    "listeners": [
      { "address": "127.0.0.1", "port": 2525, "mode": "smtp",
        "reject_nonlocal_senders_claiming_local": true },
      { "address": "127.0.0.1", "port": 2587, "mode": "submission", "require_auth": true },
      { "address": "127.0.0.1", "port": 2465, "mode": "smtps", "require_auth": true }
    ],
    "relay_networks": ["127.0.0.1/32", "192.168.0.0/16"],
    "tls": { "certificate": "tls/cert.pem", "key": "tls/key.pem" },
    "allow_plaintext_auth": false,
    "max_message_bytes": 26214400,
    "max_recipients": 100,
    "max_connections": 200,
    "max_connections_per_ip": 20
  },
  "incoming": {
    "passthrough": {
      "domains": "all",
      "copy_to_sender_sent_items": false,
      "create_mailbox_if_necessary": false,
      "copy_local_domains_to_outbox": true,
      "copy_without_received_to_outbox": false
    },
    "undelivered": { "action": "return_to_sender", "forward_mailbox": "postmaster" }
  },
  "outgoing": {
    "dns_server": "",
    "smarthost": { "host": "", "port": 25, "username": "", "tls": "opportunistic" },
    "static_routes": [ { "domains": ["*"], "host": "127.0.0.1", "port": 3525 } ],
    "retry": { "schedule_minutes": [1, 5, 15, 30, 60, 120], "warn_after_hours": 4,
               "give_up_after_hours": 120 }
  },
  "mailboxes": {
    "template": { "archive_after": "0", "expire_after": "0", "max_size_mb": 0 },
    "users": [ { "name": "alice", "password": "@PASSWORD@" } ],
    "postmaster": "alice"
  }
})json";

const QString kBase = u"/srv/tandem"_s;

const QString &passwordHash()
{
    static const QString hash = tandem::passwords::hash("secret", 100000);
    return hash;
}

QByteArray example()
{
    return QByteArray(kExample).replace("@PASSWORD@", passwordHash().toLatin1());
}

QJsonObject exampleObject()
{
    return QJsonDocument::fromJson(example()).object();
}

QByteArray bytes(const QJsonObject &o)
{
    return QJsonDocument(o).toJson();
}

// A minimal valid file with one part replaced: {"server":{"domain":"example.com"}} + extra.
QJsonObject minimal()
{
    return QJsonObject{{u"server"_s, QJsonObject{{u"domain"_s, u"example.com"_s}}}};
}

QJsonObject with(QJsonObject root, const QString &section, const QString &key,
                 const QJsonValue &value)
{
    QJsonObject s = root.value(section).toObject();
    s.insert(key, value);
    root.insert(section, s);
    return root;
}

// smtp.tls given (the files are not read here): listeners may require AUTH, offered only
// under TLS.
QJsonObject withTls(const QJsonObject &root)
{
    return with(root, u"smtp"_s, u"tls"_s,
                QJsonObject{{u"certificate"_s, u"cert.pem"_s}, {u"key"_s, u"key.pem"_s}});
}

QJsonObject listener(const QString &address, int port, bool requireAuth = false)
{
    QJsonObject l{{u"address"_s, address}, {u"port"_s, port}, {u"mode"_s, u"smtp"_s}};
    if (requireAuth)
        l.insert(u"require_auth"_s, true);
    return l;
}

} // namespace

class TestSettings : public QObject {
    Q_OBJECT

private slots:
    void init() { tandem::test::failOnThreadWarnings(); }
    void productExampleIsValid();
    void trustedClientsOnlyFollowsRole();
    void errorsNameKeyPaths_data();
    void errorsNameKeyPaths();
    void missingDomain();
    void missingDomainReportsOnlyDomain();
    void malformedJson();
    void dataDirResolvedAgainstBaseDir();
    void passthroughDomains();
    void openRelayRefused();
    void openRelayAllowedWhenEveryListenerRequiresAuth();
    void badRelayNetwork_data();
    void badRelayNetwork();
    void duplicateListener();
    void requireAuthNeedsTls_data();
    void requireAuthNeedsTls();
    void defaultsWithoutSmtpSection();
    void defaultConfigParses();
    void roundTrip();
    void secretsFileIsAKnownKey();
    void secretsFile_data();
    void secretsFile();
    void secretsFileReadableByOthers();
    void saveAndLoadFile();
    void saveJsonMode();
    void isRelayClient();
    void passthroughCovers();
    void validNames();
    void idnDomainsAndUtf8Users();
    void postmasterNamesAUser();
    void archiveDurations_data();
    void archiveDurations();
    void durationText_data();
    void durationText();
    void archiveErrorsNameKeyPaths_data();
    void archiveErrorsNameKeyPaths();
    void archiveDefaults();
    void archiveRoundTrip();
    void supersededKeysWarn();
    void mailboxArchiveModes();
    void mailboxArchiveErrors();
    void effectivePolicyOfEachMode();
};

void TestSettings::productExampleIsValid()
{
    const LoadResult r = parse(example(), kBase);
    QVERIFY2(r.ok(), qPrintable(r.errors.join(u'\n')));
    const Settings &s = r.settings;
    QCOMPARE(toString(s.server.role), toString(Role::Mailbox));
    QCOMPARE(s.server.domain, u"example.com"_s);
    QVERIFY(s.server.localDomains.isEmpty());
    QCOMPARE(s.server.hostname, u"mailbox.example.com"_s);
    QCOMPARE(s.server.maxHops, 30);
    QCOMPARE(s.smtp.listeners.size(), 3);
    QCOMPARE(s.smtp.listeners.at(0).port, quint16(2525));
    QCOMPARE(toString(s.smtp.listeners.at(0).mode), toString(ListenerMode::Smtp));
    QVERIFY(s.smtp.listeners.at(0).rejectNonLocalSendersClaimingLocal);
    QVERIFY(!s.smtp.listeners.at(0).requireAuth);
    QCOMPARE(toString(s.smtp.listeners.at(1).mode), toString(ListenerMode::Submission));
    QVERIFY(s.smtp.listeners.at(1).requireAuth);
    QVERIFY(!s.smtp.listeners.at(1).rejectNonLocalSendersClaimingLocal);
    QCOMPARE(toString(s.smtp.listeners.at(2).mode), toString(ListenerMode::Smtps));
    QCOMPARE(s.smtp.relayNetworks.size(), 2);
    QCOMPARE(s.smtp.relayNetworks.at(1).prefix, 16);
    QCOMPARE(s.smtp.tlsCertificate, u"tls/cert.pem"_s);
    QCOMPARE(s.resolvePath(s.smtp.tlsKey), u"/srv/tandem/tls/key.pem"_s);
    QCOMPARE(s.smtp.maxMessageBytes, qint64(26214400));
    QVERIFY(s.passthrough.allDomains);
    QVERIFY(s.passthrough.copyLocalDomainsToOutbox);
    QVERIFY(!s.passthrough.copyToSenderSentItems);
    QCOMPARE(toString(s.undelivered.action), toString(UndeliveredAction::ReturnToSender));
    QCOMPARE(s.undelivered.forwardMailbox, u"postmaster"_s);
    QCOMPARE(s.outgoing.staticRoutes.size(), 1);
    QCOMPARE(s.outgoing.staticRoutes.at(0).domains, QStringList{u"*"_s});
    QCOMPARE(s.outgoing.staticRoutes.at(0).port, quint16(3525));
    QCOMPARE(s.outgoing.retry.scheduleMinutes, (QList<int>{1, 5, 15, 30, 60, 120}));
    QCOMPARE(s.mailboxes.users.size(), 1);
    QCOMPARE(s.mailboxes.users.at(0).name, u"alice"_s);
    QCOMPARE(s.mailboxes.users.at(0).password, passwordHash());

    // The example as printed, with its placeholder instead of a hash: the one problem named.
    const LoadResult placeholder =
        parse(QByteArray(kExample).replace("@PASSWORD@", "pbkdf2-sha256$..."), kBase);
    QCOMPARE(placeholder.errors.size(), 1);
    QVERIFY(placeholder.errors.at(0).startsWith(u"mailboxes.users[0].password: "_s));

    // Without tls, the smtps listener cannot work, and nobody could log in to the submission
    // listener that requires it (one problem each).
    QJsonObject noTls = exampleObject();
    QJsonObject smtp = noTls.value(u"smtp"_s).toObject();
    smtp.remove(u"tls"_s);
    noTls.insert(u"smtp"_s, smtp);
    const LoadResult r2 = parse(bytes(noTls), kBase);
    QCOMPARE(r2.errors.size(), 2);
    QVERIFY2(r2.errors.at(0).startsWith(u"smtp.listeners[1].require_auth: "_s),
             qPrintable(r2.errors.at(0)));
    QVERIFY2(r2.errors.at(1).startsWith(u"smtp.listeners[2].mode: "_s),
             qPrintable(r2.errors.at(1)));
}

// An Archive takes mail only from its partner unless a listener says otherwise; what is
// written back means the same.
void TestSettings::trustedClientsOnlyFollowsRole()
{
    const QList<std::pair<QString, bool>> roles{
        {u"archive"_s, true}, {u"mailbox"_s, false}, {u"custom"_s, false}};
    for (const auto &[role, expected] : roles) {
        const LoadResult r = parse(bytes(with(minimal(), u"server"_s, u"role"_s, role)), {});
        QVERIFY2(r.ok(), qPrintable(r.errors.join(u'\n')));
        QCOMPARE(r.settings.smtp.listeners.at(0).trustedClientsOnly, expected);
        const LoadResult again = parse(QJsonDocument(toJson(r.settings)).toJson(), {});
        QCOMPARE(again.settings.smtp.listeners.at(0).trustedClientsOnly, expected);
    }
    QJsonObject open = with(minimal(), u"server"_s, u"role"_s, u"archive"_s);
    open = with(open, u"smtp"_s, u"listeners"_s,
                QJsonArray{QJsonObject{{u"port"_s, 2525}, {u"trusted_clients_only"_s, false}}});
    const LoadResult r = parse(bytes(open), {});
    QVERIFY(r.ok());
    QCOMPARE(r.settings.smtp.listeners.at(0).trustedClientsOnly, false);
    const LoadResult again = parse(QJsonDocument(toJson(r.settings)).toJson(), {});
    QCOMPARE(again.settings.smtp.listeners.at(0).trustedClientsOnly, false);
}

void TestSettings::errorsNameKeyPaths_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("error");

    QJsonObject port = exampleObject();
    {
        QJsonObject smtp = port.value(u"smtp"_s).toObject();
        QJsonArray listeners = smtp.value(u"listeners"_s).toArray();
        QJsonObject first = listeners.at(0).toObject();
        first.insert(u"port"_s, 70000);
        listeners.replace(0, first);
        smtp.insert(u"listeners"_s, listeners);
        port.insert(u"smtp"_s, smtp);
    }
    QTest::newRow("port out of range")
        << bytes(port) << u"smtp.listeners[0].port: must be 1-65535"_s;
    QTest::newRow("unknown server key") << bytes(with(exampleObject(), u"server"_s, u"bogus"_s, 1))
                                        << u"server.bogus: unknown key"_s;
    QJsonObject top = exampleObject();
    top.insert(u"extra"_s, true);
    QTest::newRow("unknown top-level key") << bytes(top) << u"extra: unknown key"_s;
    QTest::newRow("wrong type") << bytes(with(minimal(), u"server"_s, u"max_hops"_s, u"thirty"_s))
                                << u"server.max_hops: must be a whole number"_s;
    QTest::newRow("hops out of range") << bytes(with(minimal(), u"server"_s, u"max_hops"_s, 0))
                                       << u"server.max_hops: must be 1-1000"_s;
    QTest::newRow("reserve below the largest message")
        << bytes(with(minimal(), u"server"_s, u"min_free_space_mb"_s, 10))
        << u"server.min_free_space_mb: must be at least the largest message "
           "(smtp.max_message_bytes, 25 MiB)"_s;
    QTest::newRow("reserve zero") << bytes(with(minimal(), u"server"_s, u"min_free_space_mb"_s, 0))
                                  << u"server.min_free_space_mb: must be 1-1073741824"_s;
    QTest::newRow("log size zero") << bytes(with(minimal(), u"server"_s, u"log_max_size_kb"_s, 0))
                                   << u"server.log_max_size_kb: must be 1-1048576"_s;
    QTest::newRow("log files zero") << bytes(with(minimal(), u"server"_s, u"log_files"_s, 0))
                                    << u"server.log_files: must be 1-100"_s;
    QTest::newRow("log files not a number")
        << bytes(with(minimal(), u"server"_s, u"log_files"_s, u"five"_s))
        << u"server.log_files: must be a whole number"_s;
    QTest::newRow("bad role")
        << bytes(with(minimal(), u"server"_s, u"role"_s, u"relay"_s))
        << u"server.role: must be one of \"mailbox\", \"archive\", \"custom\""_s;
    QTest::newRow("bad domain with hostname")
        << bytes(with(with(minimal(), u"server"_s, u"domain"_s, u"not a domain"_s), u"server"_s,
                      u"hostname"_s, u"mail.example.com"_s))
        << u"server.domain: must be a domain name such as example.com"_s;
    QTest::newRow("local domain twice")
        << bytes(with(minimal(), u"server"_s, u"local_domains"_s,
                      QJsonArray{u"example.org"_s, u"EXAMPLE.org"_s}))
        << u"server.local_domains[1]: \"example.org\" is listed twice"_s;
    QTest::newRow("unknown listener key")
        << bytes(with(minimal(), u"smtp"_s, u"listeners"_s,
                      QJsonArray{QJsonObject{{u"port"_s, 2525}, {u"tls"_s, true}}}))
        << u"smtp.listeners[0].tls: unknown key"_s;
    QTest::newRow("unknown passthrough key")
        << bytes(QJsonObject{{u"server"_s, QJsonObject{{u"domain"_s, u"example.com"_s}}},
                             {u"incoming"_s,
                              QJsonObject{{u"passthrough"_s, QJsonObject{{u"copy_all"_s, true}}}}}})
        << u"incoming.passthrough.copy_all: unknown key"_s;
    QTest::newRow("bad undelivered action")
        << bytes(QJsonObject{{u"server"_s, QJsonObject{{u"domain"_s, u"example.com"_s}}},
                             {u"incoming"_s, QJsonObject{{u"undelivered"_s,
                                                          QJsonObject{{u"action"_s, u"drop"_s}}}}}})
        << u"incoming.undelivered.action: must be one of \"return_to_sender\", "
           "\"create_mailbox_and_store\", \"forward_to_mailbox\""_s;
    QTest::newRow("bad static route domain")
        << bytes(with(minimal(), u"outgoing"_s, u"static_routes"_s,
                      QJsonArray{QJsonObject{{u"domains"_s, QJsonArray{u"**"_s}},
                                             {u"host"_s, u"192.0.2.1"_s}}}))
        << u"outgoing.static_routes[0].domains[0]: \"**\" must be a domain, *.domain or *"_s;
    QTest::newRow("user in a foreign domain")
        << bytes(with(minimal(), u"mailboxes"_s, u"users"_s,
                      QJsonArray{QJsonObject{{u"name"_s, u"bob@remote.test"_s}}}))
        << u"mailboxes.users[0].name: \"remote.test\" is not a local domain"_s;
    QTest::newRow("postmaster not a user")
        << bytes(with(with(minimal(), u"mailboxes"_s, u"users"_s,
                           QJsonArray{QJsonObject{{u"name"_s, u"alice"_s}}}),
                      u"mailboxes"_s, u"postmaster"_s, u"Bob"_s))
        << u"mailboxes.postmaster: \"Bob\" is not a user (mailboxes.users)"_s;
    QTest::newRow("postmaster in another domain than the user")
        << bytes(with(
               with(with(minimal(), u"server"_s, u"local_domains"_s, QJsonArray{u"example.org"_s}),
                    u"mailboxes"_s, u"users"_s, QJsonArray{QJsonObject{{u"name"_s, u"alice"_s}}}),
               u"mailboxes"_s, u"postmaster"_s, u"alice@example.org"_s))
        << u"mailboxes.postmaster: \"alice@example.org\" is not a user (mailboxes.users)"_s;
    QTest::newRow("postmaster not a string")
        << bytes(with(minimal(), u"mailboxes"_s, u"postmaster"_s, 1))
        << u"mailboxes.postmaster: must be a string"_s;
}

void TestSettings::errorsNameKeyPaths()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, error);
    const LoadResult r = parse(json, kBase);
    QVERIFY(!r.ok());
    QVERIFY2(r.errors.contains(error), qPrintable(r.errors.join(u'\n')));
    QCOMPARE(r.errors.size(), 1);
}

void TestSettings::missingDomain()
{
    QJsonObject root = exampleObject();
    QJsonObject server = root.value(u"server"_s).toObject();
    server.remove(u"domain"_s);
    root.insert(u"server"_s, server);
    const LoadResult r = parse(bytes(root), kBase);
    QVERIFY(!r.ok());
    QVERIFY2(r.errors.contains(u"server.domain: is required"_s), qPrintable(r.errors.join(u'\n')));

    const LoadResult empty = parse("{}", kBase);
    QVERIFY(empty.errors.contains(u"server.domain: is required"_s));
}

void TestSettings::missingDomainReportsOnlyDomain()
{
    // "tandemd --check" prints every problem as "path.to.key: what is wrong". A file whose
    // only fault is the missing server.domain should get that one line, not also a complaint
    // about server.hostname, a key the file does not contain (it defaults to the domain).
    const LoadResult r = parse("{}", kBase);
    QCOMPARE(r.errors, QStringList{u"server.domain: is required"_s});

    const LoadResult bad =
        parse(bytes(with(minimal(), u"server"_s, u"domain"_s, u"not a domain"_s)), kBase);
    QCOMPARE(bad.errors,
             QStringList{u"server.domain: must be a domain name such as example.com"_s});
}

void TestSettings::malformedJson()
{
    const LoadResult r = parse("{\n \"server\": {\n", kBase);
    QCOMPARE(r.errors.size(), 1);
    QVERIFY(r.errors.at(0).startsWith(u"(file): not valid JSON at line "_s));

    const LoadResult array = parse("[]", kBase);
    QCOMPARE(array.errors, QStringList{u"(file): must be a JSON object"_s});
}

void TestSettings::dataDirResolvedAgainstBaseDir()
{
    const LoadResult relative = parse(bytes(minimal()), u"/etc/tandem"_s);
    QVERIFY2(relative.ok(), qPrintable(relative.errors.join(u'\n')));
    QCOMPARE(relative.settings.server.dataDir, u"data"_s);
    QCOMPARE(relative.settings.dataPath(), u"/etc/tandem/data"_s);

    const LoadResult nested = parse(
        bytes(with(minimal(), u"server"_s, u"data_dir"_s, u"../var/./mail"_s)), u"/etc/tandem"_s);
    QVERIFY(nested.ok());
    QCOMPARE(nested.settings.server.dataDir, u"../var/./mail"_s); // kept as written
    QCOMPARE(nested.settings.dataPath(), u"/etc/var/mail"_s);

    const LoadResult absolute = parse(
        bytes(with(minimal(), u"server"_s, u"data_dir"_s, u"/var/lib/tandem"_s)), u"/etc/tandem"_s);
    QVERIFY(absolute.ok());
    QCOMPARE(absolute.settings.dataPath(), u"/var/lib/tandem"_s);

    const LoadResult empty =
        parse(bytes(with(minimal(), u"server"_s, u"data_dir"_s, u""_s)), kBase);
    QCOMPARE(empty.errors, QStringList{u"server.data_dir: must not be empty"_s});
}

void TestSettings::passthroughDomains()
{
    QJsonObject root =
        with(minimal(), u"server"_s, u"local_domains"_s, QJsonArray{u"example.org"_s});
    root.insert(
        u"incoming"_s,
        QJsonObject{{u"passthrough"_s, QJsonObject{{u"domains"_s, QJsonArray{u"Example.ORG"_s}}}}});
    const LoadResult ok = parse(bytes(root), kBase);
    QVERIFY2(ok.ok(), qPrintable(ok.errors.join(u'\n')));
    QVERIFY(!ok.settings.passthrough.allDomains);
    QCOMPARE(ok.settings.passthrough.domains, QStringList{u"example.org"_s});

    root.insert(
        u"incoming"_s,
        QJsonObject{{u"passthrough"_s,
                     QJsonObject{{u"domains"_s, QJsonArray{u"example.com"_s, u"remote.test"_s}}}}});
    const LoadResult foreign = parse(bytes(root), kBase);
    QCOMPARE(foreign.errors.size(), 1);
    QVERIFY2(foreign.errors.at(0).startsWith(
                 u"incoming.passthrough.domains[1]: \"remote.test\" is not a local domain"_s),
             qPrintable(foreign.errors.at(0)));

    root.insert(u"incoming"_s,
                QJsonObject{{u"passthrough"_s, QJsonObject{{u"domains"_s, u"some"_s}}}});
    const LoadResult word = parse(bytes(root), kBase);
    QCOMPARE(word.errors.size(), 1);
    QVERIFY(word.errors.at(0).startsWith(u"incoming.passthrough.domains: "_s));
}

void TestSettings::openRelayRefused()
{
    for (const QString &everyone : {u"0.0.0.0/0"_s, u"::/0"_s}) {
        QJsonObject root = with(withTls(minimal()), u"smtp"_s, u"listeners"_s,
                                QJsonArray{listener(u"127.0.0.1"_s, 2587, true),
                                           listener(u"127.0.0.1"_s, 2525, false)});
        root = with(root, u"smtp"_s, u"relay_networks"_s, QJsonArray{u"127.0.0.1/32"_s, everyone});
        const LoadResult r = parse(bytes(root), kBase);
        QCOMPARE(r.errors.size(), 1);
        QVERIFY2(r.errors.at(0).startsWith(u"smtp.relay_networks["_s), qPrintable(r.errors.at(0)));
        QVERIFY2(r.errors.at(0).contains(u"smtp.listeners[1]"_s), qPrintable(r.errors.at(0)));
    }
    // With no listeners given, the default listener does not require authentication.
    const LoadResult defaults = parse(
        bytes(with(minimal(), u"smtp"_s, u"relay_networks"_s, QJsonArray{u"0.0.0.0/0"_s})), kBase);
    QVERIFY(!defaults.ok());
}

void TestSettings::openRelayAllowedWhenEveryListenerRequiresAuth()
{
    QJsonObject root = with(withTls(minimal()), u"smtp"_s, u"listeners"_s,
                            QJsonArray{listener(u"127.0.0.1"_s, 2587, true)});
    root = with(root, u"smtp"_s, u"relay_networks"_s, QJsonArray{u"0.0.0.0/0"_s});
    const LoadResult r = parse(bytes(root), kBase);
    QVERIFY2(r.ok(), qPrintable(r.errors.join(u'\n')));
}

void TestSettings::badRelayNetwork_data()
{
    QTest::addColumn<QString>("network");
    QTest::newRow("word") << u"the LAN"_s;
    QTest::newRow("prefix too long") << u"10.0.0.0/33"_s;
    QTest::newRow("bad octet") << u"192.168.300.0/24"_s;
    QTest::newRow("empty") << u""_s;
}

void TestSettings::badRelayNetwork()
{
    QFETCH(QString, network);
    const LoadResult r = parse(bytes(with(minimal(), u"smtp"_s, u"relay_networks"_s,
                                          QJsonArray{u"127.0.0.1/32"_s, network})),
                               kBase);
    QCOMPARE(
        r.errors,
        QStringList{u"smtp.relay_networks[1]: \"%1\" is not a network such as 192.168.0.0/16"_s.arg(
            network)});
}

void TestSettings::duplicateListener()
{
    const QJsonObject root =
        with(minimal(), u"smtp"_s, u"listeners"_s,
             QJsonArray{listener(u"127.0.0.1"_s, 2525), listener(u"127.0.0.1"_s, 2587),
                        listener(u"127.0.0.1"_s, 2525)});
    const LoadResult r = parse(bytes(root), kBase);
    QCOMPARE(r.errors.size(), 1);
    QVERIFY2(r.errors.at(0).startsWith(u"smtp.listeners[2]: "_s), qPrintable(r.errors.at(0)));

    // Same port on another address is fine.
    const LoadResult other =
        parse(bytes(with(minimal(), u"smtp"_s, u"listeners"_s,
                         QJsonArray{listener(u"127.0.0.1"_s, 2525), listener(u"::1"_s, 2525)})),
              kBase);
    QVERIFY2(other.ok(), qPrintable(other.errors.join(u'\n')));
}

// AUTH is offered only under TLS unless allow_plaintext_auth: a listener that requires it
// with neither could never take mail from anyone.
void TestSettings::requireAuthNeedsTls_data()
{
    QTest::addColumn<QString>("mode");
    QTest::addColumn<bool>("requireAuth");
    QTest::addColumn<bool>("tls");
    QTest::addColumn<bool>("plaintextAuth");
    QTest::addColumn<QString>("error"); // the one problem expected, or empty

    const QString nobody = u"smtp.listeners[0].require_auth: "_s;
    QTest::newRow("submission") << u"submission"_s << true << false << false << nobody;
    QTest::newRow("smtp") << u"smtp"_s << true << false << false << nobody;
    QTest::newRow("smtps: its own problem only")
        << u"smtps"_s << true << false << false << u"smtp.listeners[0].mode: "_s;
    QTest::newRow("with tls") << u"submission"_s << true << true << false << QString();
    QTest::newRow("plaintext auth allowed")
        << u"submission"_s << true << false << true << QString();
    QTest::newRow("no require_auth") << u"submission"_s << false << false << false << QString();
}

void TestSettings::requireAuthNeedsTls()
{
    QFETCH(QString, mode);
    QFETCH(bool, requireAuth);
    QFETCH(bool, tls);
    QFETCH(bool, plaintextAuth);
    QFETCH(QString, error);

    QJsonObject l = listener(u"127.0.0.1"_s, 2587, requireAuth);
    l.insert(u"mode"_s, mode);
    QJsonObject root = with(minimal(), u"smtp"_s, u"listeners"_s, QJsonArray{l});
    root = with(root, u"smtp"_s, u"allow_plaintext_auth"_s, plaintextAuth);
    if (tls)
        root = withTls(root);
    const LoadResult r = parse(bytes(root), kBase);
    if (error.isEmpty()) {
        QVERIFY2(r.ok(), qPrintable(r.errors.join(u'\n')));
        return;
    }
    QCOMPARE(r.errors.size(), 1);
    QVERIFY2(r.errors.at(0).startsWith(error), qPrintable(r.errors.at(0)));
    if (error.contains(u"require_auth"_s)) {
        // It says why and both ways out.
        for (const QString &part :
             {u"nobody could log in"_s, u"smtp.tls"_s, u"smtp.allow_plaintext_auth"_s})
            QVERIFY2(r.errors.at(0).contains(part), qPrintable(r.errors.at(0)));
    }
}

void TestSettings::defaultsWithoutSmtpSection()
{
    const LoadResult r = parse(bytes(minimal()), kBase);
    QVERIFY2(r.ok(), qPrintable(r.errors.join(u'\n')));
    const Settings &s = r.settings;
    QCOMPARE(s.server.hostname, u"example.com"_s);
    QCOMPARE(toString(s.server.role), toString(Role::Custom));
    QCOMPARE(s.smtp.listeners.size(), 1);
    QCOMPARE(s.smtp.listeners.at(0).port, quint16(2525));
    QCOMPARE(s.smtp.relayNetworks.size(), 2);
    QVERIFY(s.isRelayClient(QHostAddress(u"127.0.0.1"_s)));
    QVERIFY(s.isRelayClient(QHostAddress(u"::1"_s)));
    QVERIFY(!s.isRelayClient(QHostAddress(u"192.0.2.1"_s)));
}

void TestSettings::defaultConfigParses()
{
    const QByteArray json = defaultConfigJson();
    QVERIFY(!json.isEmpty());
    const LoadResult r = parse(json, kBase);
    QVERIFY2(r.ok(), qPrintable(r.errors.join(u'\n')));
    QCOMPARE(toString(r.settings.server.role), toString(Role::Mailbox));
    QCOMPARE(r.settings.server.domain, u"example.com"_s);
    QVERIFY(!r.settings.smtp.listeners.isEmpty());
    QVERIFY(!r.settings.outgoing.staticRoutes.isEmpty());
}

void TestSettings::roundTrip()
{
    QJsonObject root = exampleObject();
    // Give the optional parts values that differ from the defaults, so the round trip shows.
    root =
        with(root, u"server"_s, u"local_domains"_s, QJsonArray{u"example.org"_s, u"example.net"_s});
    root = with(root, u"server"_s, u"role"_s, u"archive"_s);
    root = with(root, u"server"_s, u"max_hops"_s, 12);
    root = with(root, u"server"_s, u"log_max_size_kb"_s, 512);
    root = with(root, u"server"_s, u"log_files"_s, 3);
    root = with(root, u"smtp"_s, u"allow_plaintext_auth"_s, true);
    root = with(root, u"smtp"_s, u"command_timeout_seconds"_s, 42);
    root.insert(
        u"incoming"_s,
        QJsonObject{{u"passthrough"_s, QJsonObject{{u"domains"_s, QJsonArray{u"example.org"_s}},
                                                   {u"copy_to_sender_sent_items"_s, true},
                                                   {u"create_mailbox_if_necessary"_s, true},
                                                   {u"copy_local_domains_to_outbox"_s, false},
                                                   {u"copy_without_received_to_outbox"_s, true}}},
                    {u"undelivered"_s, QJsonObject{{u"action"_s, u"forward_to_mailbox"_s},
                                                   {u"forward_mailbox"_s, u"catchall"_s}}}});
    root = with(root, u"outgoing"_s, u"smarthost"_s,
                QJsonObject{{u"host"_s, u"smtp.isp.test"_s},
                            {u"port"_s, 587},
                            {u"username"_s, u"me"_s},
                            {u"tls"_s, u"required"_s}});
    root = with(root, u"outgoing"_s, u"dns_server"_s, u"192.0.2.53"_s);
    root = with(
        root, u"outgoing"_s, u"static_routes"_s,
        QJsonArray{QJsonObject{{u"domains"_s, QJsonArray{u"example.com"_s, u"*.example.org"_s}},
                               {u"host"_s, u"192.0.2.20"_s},
                               {u"port"_s, 2525}}});
    root = with(root, u"mailboxes"_s, u"template"_s,
                QJsonObject{{u"archive_after"_s, u"30d"_s},
                            {u"expire_after"_s, u"3650d"_s},
                            {u"max_size_mb"_s, 2048}});
    root = with(root, u"mailboxes"_s, u"users"_s,
                QJsonArray{QJsonObject{{u"name"_s, u"alice"_s}, {u"password"_s, passwordHash()}},
                           QJsonObject{{u"name"_s, u"bob@example.org"_s}}});

    const LoadResult first = parse(bytes(root), kBase);
    QVERIFY2(first.ok(), qPrintable(first.errors.join(u'\n')));
    const LoadResult second = parse(bytes(toJson(first.settings)), kBase);
    QVERIFY2(second.ok(), qPrintable(second.errors.join(u'\n')));
    const Settings &a = first.settings;
    const Settings &b = second.settings;

    QCOMPARE(toString(b.server.role), toString(Role::Archive));
    QCOMPARE(toString(b.server.role), toString(a.server.role));
    QCOMPARE(b.server.domain, a.server.domain);
    QCOMPARE(b.server.localDomains, (QStringList{u"example.org"_s, u"example.net"_s}));
    QCOMPARE(b.server.hostname, a.server.hostname);
    QCOMPARE(b.server.dataDir, a.server.dataDir);
    QCOMPARE(b.server.maxHops, 12);
    QCOMPARE(b.server.logMaxSizeKb, 512);
    QCOMPARE(b.server.logFiles, 3);

    QCOMPARE(b.smtp.listeners.size(), a.smtp.listeners.size());
    for (qsizetype i = 0; i < a.smtp.listeners.size(); ++i) {
        QCOMPARE(b.smtp.listeners.at(i).address, a.smtp.listeners.at(i).address);
        QCOMPARE(b.smtp.listeners.at(i).port, a.smtp.listeners.at(i).port);
        QCOMPARE(toString(b.smtp.listeners.at(i).mode), toString(a.smtp.listeners.at(i).mode));
        QCOMPARE(b.smtp.listeners.at(i).requireAuth, a.smtp.listeners.at(i).requireAuth);
        QCOMPARE(b.smtp.listeners.at(i).rejectNonLocalSendersClaimingLocal,
                 a.smtp.listeners.at(i).rejectNonLocalSendersClaimingLocal);
    }
    QCOMPARE(b.smtp.relayNetworks.size(), a.smtp.relayNetworks.size());
    for (qsizetype i = 0; i < a.smtp.relayNetworks.size(); ++i) {
        QCOMPARE(b.smtp.relayNetworks.at(i).address, a.smtp.relayNetworks.at(i).address);
        QCOMPARE(b.smtp.relayNetworks.at(i).prefix, a.smtp.relayNetworks.at(i).prefix);
        QCOMPARE(b.smtp.relayNetworks.at(i).text, a.smtp.relayNetworks.at(i).text);
    }
    QCOMPARE(b.smtp.tlsCertificate, a.smtp.tlsCertificate);
    QCOMPARE(b.smtp.tlsKey, a.smtp.tlsKey);
    QCOMPARE(b.smtp.allowPlaintextAuth, true);
    QCOMPARE(b.smtp.maxMessageBytes, a.smtp.maxMessageBytes);
    QCOMPARE(b.smtp.maxRecipients, a.smtp.maxRecipients);
    QCOMPARE(b.smtp.maxConnections, a.smtp.maxConnections);
    QCOMPARE(b.smtp.maxConnectionsPerIp, a.smtp.maxConnectionsPerIp);
    QCOMPARE(b.smtp.commandTimeoutSeconds, 42);

    QCOMPARE(b.passthrough.allDomains, false);
    QCOMPARE(b.passthrough.domains, QStringList{u"example.org"_s});
    QCOMPARE(b.passthrough.copyToSenderSentItems, true);
    QCOMPARE(b.passthrough.createMailboxIfNecessary, true);
    QCOMPARE(b.passthrough.copyLocalDomainsToOutbox, false);
    QCOMPARE(b.passthrough.copyWithoutReceivedToOutbox, true);
    QCOMPARE(toString(b.undelivered.action), toString(UndeliveredAction::ForwardToMailbox));
    QCOMPARE(b.undelivered.forwardMailbox, u"catchall"_s);

    QCOMPARE(b.outgoing.dnsServer, u"192.0.2.53"_s);
    QCOMPARE(b.outgoing.smarthost.host, u"smtp.isp.test"_s);
    QCOMPARE(b.outgoing.smarthost.port, quint16(587));
    QCOMPARE(b.outgoing.smarthost.username, u"me"_s);
    QCOMPARE(toString(b.outgoing.smarthost.tls), toString(TlsMode::Required));
    QCOMPARE(b.outgoing.staticRoutes.size(), 1);
    QCOMPARE(b.outgoing.staticRoutes.at(0).domains,
             (QStringList{u"example.com"_s, u"*.example.org"_s}));
    QCOMPARE(b.outgoing.staticRoutes.at(0).host, u"192.0.2.20"_s);
    QCOMPARE(b.outgoing.staticRoutes.at(0).port, quint16(2525));
    QCOMPARE(b.outgoing.retry.scheduleMinutes, a.outgoing.retry.scheduleMinutes);
    QCOMPARE(b.outgoing.retry.warnAfterHours, a.outgoing.retry.warnAfterHours);
    QCOMPARE(b.outgoing.retry.giveUpAfterHours, a.outgoing.retry.giveUpAfterHours);

    QCOMPARE(b.mailboxes.mailboxTemplate.archiveAfterHours, 30 * 24);
    QCOMPARE(b.mailboxes.mailboxTemplate.expireAfterHours, 3650 * 24);
    QCOMPARE(b.mailboxes.mailboxTemplate.maxSizeMb, 2048);
    QCOMPARE(b.mailboxes.users.size(), 2);
    QCOMPARE(b.mailboxes.users.at(0).name, u"alice"_s);
    QCOMPARE(b.mailboxes.users.at(0).password, passwordHash());
    QCOMPARE(b.mailboxes.users.at(1).name, u"bob@example.org"_s);
    QVERIFY(b.mailboxes.users.at(1).password.isEmpty());

    // And the JSON itself is stable: writing the re-read settings gives the same object.
    QCOMPARE(toJson(b), toJson(a));
}

void TestSettings::secretsFileIsAKnownKey()
{
    // settings.cpp reads server.secrets_file and toJson() writes it, so a file naming it, and
    // any file the console saves with it set, must load.
    const LoadResult r =
        parse(bytes(with(minimal(), u"server"_s, u"secrets_file"_s, u"secrets.json"_s)), kBase);
    QVERIFY2(r.ok(), qPrintable(r.errors.join(u'\n')));
    QCOMPARE(r.settings.server.secretsFile, u"secrets.json"_s);

    Settings s = parse(bytes(minimal()), kBase).settings;
    s.server.secretsFile = u"/etc/tandem/secrets.json"_s;
    const LoadResult again = parse(bytes(toJson(s)), kBase);
    QVERIFY2(again.ok(), qPrintable(again.errors.join(u'\n')));
    QCOMPARE(again.settings.server.secretsFile, s.server.secretsFile);
}

// Writes contents to <dir>/secrets.json with the given permissions; returns its path.
static QString writeSecrets(const QTemporaryDir &dir, const QByteArray &contents,
                            QFileDevice::Permissions permissions)
{
    const QString path = dir.filePath(u"secrets.json"_s);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(contents) != contents.size())
        return {};
    f.close();
    f.setPermissions(permissions);
    return path;
}

void TestSettings::secretsFile_data()
{
    QTest::addColumn<QByteArray>("contents");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QString>("passphrase"); // expected *tlsKeyPassphrase ("keep" unchanged)
    QTest::addColumn<int>("passwords");
    QTest::addColumn<QString>("errorNames"); // a word the error must contain

    QTest::newRow("passwords only")
        << QByteArray(R"({"passwords": {"[smtp.example.net]:587": "s3cret"}})") << true << u"keep"_s
        << 1 << QString();
    QTest::newRow("passphrase only") << QByteArray(R"({"tls_key_passphrase": "open sesame"})")
                                     << true << u"open sesame"_s << 0 << QString();
    QTest::newRow("both") << QByteArray(R"({"passwords": {"[a.test]:25": "x", "[b.test]:587": "y"},
                          "tls_key_passphrase": "p\u00e4ss"})")
                          << true << u"p\u00e4ss"_s << 2 << QString();
    QTest::newRow("neither") << QByteArray(R"({})") << false << u"keep"_s << 0
                             << u"tls_key_passphrase"_s;
    QTest::newRow("other keys only") << QByteArray(R"({"password": {"[a.test]:25": "x"}})") << false
                                     << u"keep"_s << 0 << u"tls_key_passphrase"_s;
    QTest::newRow("not JSON") << QByteArray("passwords = x") << false << u"keep"_s << 0
                              << u"passwords"_s;
    QTest::newRow("an array") << QByteArray(R"([{"tls_key_passphrase": "x"}])") << false
                              << u"keep"_s << 0 << u"tls_key_passphrase"_s;
    QTest::newRow("passphrase a number") << QByteArray(R"({"tls_key_passphrase": 1234})") << false
                                         << u"keep"_s << 0 << u"tls_key_passphrase"_s;
    QTest::newRow("passphrase null") << QByteArray(R"({"tls_key_passphrase": null})") << false
                                     << u"keep"_s << 0 << u"tls_key_passphrase"_s;
    QTest::newRow("passphrase right, passwords a string")
        << QByteArray(R"({"passwords": "x", "tls_key_passphrase": "p"})") << false << u"keep"_s << 0
        << u"passwords"_s;
    QTest::newRow("a password not a string") << QByteArray(R"({"passwords": {"[a.test]:25": 42}})")
                                             << false << u"keep"_s << 0 << u"passwords"_s;
}

void TestSettings::secretsFile()
{
    QFETCH(QByteArray, contents);
    QFETCH(bool, ok);
    QFETCH(QString, passphrase);
    QFETCH(int, passwords);
    QFETCH(QString, errorNames);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path =
        writeSecrets(dir, contents, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    QVERIFY(!path.isEmpty());
    QHash<QString, QString> gotPasswords;
    QString gotPassphrase = u"keep"_s;
    QString error;
    QCOMPARE(loadSecrets(path, &gotPasswords, &gotPassphrase, &error), ok);
    QCOMPARE(gotPassphrase, passphrase);
    QCOMPARE(gotPasswords.size(), passwords);
    if (ok) {
        QVERIFY(error.isEmpty());
        if (passwords == 1)
            QCOMPARE(gotPasswords.value(u"[smtp.example.net]:587"_s), u"s3cret"_s);
    } else {
        QVERIFY2(error.startsWith(u"server.secrets_file: "_s), qPrintable(error));
        QVERIFY2(error.contains(path), qPrintable(error));
        QVERIFY2(error.contains(errorNames), qPrintable(error));
        // A refused file never leaks a secret into the message.
        QVERIFY2(!error.contains(u"sesame"_s) && !error.contains(u"1234"_s), qPrintable(error));
    }
}

void TestSettings::secretsFileReadableByOthers()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path =
        writeSecrets(dir, R"({"tls_key_passphrase": "open sesame"})",
                     QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup);
    QHash<QString, QString> passwords;
    QString passphrase;
    QString error;
    QVERIFY(!loadSecrets(path, &passwords, &passphrase, &error));
    QVERIFY2(error.startsWith(u"server.secrets_file: "_s) && error.contains(u"chmod 600"_s),
             qPrintable(error));
    QVERIFY(passphrase.isEmpty());
}

void TestSettings::saveAndLoadFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"tandem.json"_s);
    QString error;
    QVERIFY2(saveJson(exampleObject(), path, &error), qPrintable(error));
    const LoadResult r = loadFile(path);
    QVERIFY2(r.ok(), qPrintable(r.errors.join(u'\n')));
    QCOMPARE(r.settings.baseDir, dir.path());
    QCOMPARE(r.settings.dataPath(), dir.filePath(u"data"_s));

    const LoadResult missing = loadFile(dir.filePath(u"nope.json"_s));
    QCOMPARE(missing.errors.size(), 1);
    QVERIFY(missing.errors.at(0).startsWith(u"(file): cannot read "_s));
}

// The file holds the users' password hashes: written 0600, whatever the umask, except that a
// file its administrator made 0640 (readable by a service group) stays so.
void TestSettings::saveJsonMode()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"tandem.json"_s);
    const auto mode = [&] { return QFile::permissions(path); };
    const QFileDevice::Permissions owner = QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                           QFileDevice::ReadUser | QFileDevice::WriteUser;
    QString error;
    QVERIFY2(saveJson(exampleObject(), path, &error), qPrintable(error));
    QCOMPARE(mode(), owner);

    QVERIFY(QFile::setPermissions(path, owner | QFileDevice::ReadGroup | QFileDevice::ReadOther));
    QVERIFY2(saveJson(exampleObject(), path, &error), qPrintable(error));
    QCOMPARE(mode(), owner);

    QVERIFY(QFile::setPermissions(path, owner | QFileDevice::ReadGroup));
    QVERIFY2(saveJson(exampleObject(), path, &error), qPrintable(error));
    QCOMPARE(mode(), owner | QFileDevice::ReadGroup);

    QVERIFY(QFile::setPermissions(path, owner | QFileDevice::ReadGroup | QFileDevice::WriteGroup));
    QVERIFY2(saveJson(exampleObject(), path, &error), qPrintable(error));
    QCOMPARE(mode(), owner);
}

void TestSettings::isRelayClient()
{
    Settings s;
    s.smtp.relayNetworks = {Subnet{QHostAddress(u"127.0.0.1"_s), 32, u"127.0.0.1/32"_s},
                            Subnet{QHostAddress(u"192.168.0.0"_s), 16, u"192.168.0.0/16"_s}};
    QVERIFY(s.isRelayClient(QHostAddress(u"127.0.0.1"_s)));
    QVERIFY(s.isRelayClient(QHostAddress(u"::ffff:127.0.0.1"_s)));
    QVERIFY(s.isRelayClient(QHostAddress(u"192.168.44.5"_s)));
    QVERIFY(s.isRelayClient(QHostAddress(u"::ffff:192.168.44.5"_s)));
    QVERIFY(!s.isRelayClient(QHostAddress(u"127.0.0.2"_s)));
    QVERIFY(!s.isRelayClient(QHostAddress(u"::ffff:127.0.0.2"_s)));
    QVERIFY(!s.isRelayClient(QHostAddress(u"192.169.0.1"_s)));
    QVERIFY(!s.isRelayClient(QHostAddress(u"::1"_s)));
    QVERIFY(!s.isRelayClient(QHostAddress()));

    const LoadResult parsed = parse(bytes(with(minimal(), u"smtp"_s, u"relay_networks"_s,
                                               QJsonArray{u"127.0.0.1/32"_s, u"2001:db8::/32"_s})),
                                    kBase);
    QVERIFY(parsed.ok());
    QVERIFY(parsed.settings.isRelayClient(QHostAddress(u"::ffff:127.0.0.1"_s)));
    QVERIFY(parsed.settings.isRelayClient(QHostAddress(u"2001:db8::25"_s)));
    QVERIFY(!parsed.settings.isRelayClient(QHostAddress(u"2001:db9::25"_s)));
}

void TestSettings::passthroughCovers()
{
    Settings s;
    s.server.domain = u"example.com"_s;
    s.server.localDomains = {u"example.org"_s};
    QVERIFY(s.isLocalDomain(u"EXAMPLE.com"_s));
    QVERIFY(s.isLocalDomain(u"example.org"_s));
    QVERIFY(!s.isLocalDomain(u"sub.example.com"_s));
    QCOMPARE(s.allLocalDomains(), (QStringList{u"example.com"_s, u"example.org"_s}));

    QVERIFY(s.passthrough.allDomains);
    QVERIFY(s.passthroughCovers(u"example.com"_s));
    QVERIFY(s.passthroughCovers(u"Example.ORG"_s));
    QVERIFY(!s.passthroughCovers(u"remote.test"_s));

    s.passthrough.allDomains = false;
    s.passthrough.domains = {u"example.org"_s};
    QVERIFY(!s.passthroughCovers(u"example.com"_s));
    QVERIFY(s.passthroughCovers(u"EXAMPLE.org"_s));
    QVERIFY(!s.passthroughCovers(u"remote.test"_s));

    // A listed domain that is not (or no longer) local is not covered.
    s.passthrough.domains = {u"remote.test"_s};
    QVERIFY(!s.passthroughCovers(u"remote.test"_s));
}

void TestSettings::validNames()
{
    QVERIFY(isValidDomain(u"example.com"_s));
    QVERIFY(isValidDomain(u"a-b.example"_s));
    QVERIFY(!isValidDomain(u""_s));
    QVERIFY(!isValidDomain(u"example.com."_s));
    QVERIFY(!isValidDomain(u"-a.example"_s));
    QVERIFY(!isValidDomain(u"a..example"_s));
    QVERIFY(!isValidDomain(QString(64, u'a') + u".example"_s));

    QVERIFY(isValidMailboxName(u"alice"_s));
    QVERIFY(isValidMailboxName(u"first.last+tag"_s));
    QVERIFY(!isValidMailboxName(u"Alice"_s)); // callers lower-case first
    QVERIFY(!isValidMailboxName(u".hidden"_s));
    QVERIFY(!isValidMailboxName(u"a..b"_s));
    QVERIFY(!isValidMailboxName(u"a/b"_s));
    QVERIFY(!isValidMailboxName(u".."_s));
    QVERIFY(!isValidMailboxName(u""_s));
    QVERIFY(!isValidMailboxName(QString(65, u'a')));
    // Not an option to the tools an administrator points at it, nor a name Maildir, Dovecot
    // or Tandem gives to its own files.
    QVERIFY(isValidMailboxName(u"a-b"_s));
    for (const QString &name :
         {u"-rf"_s, u"new"_s, u"cur"_s, u"tmp"_s, u"subscriptions"_s, u"maildirfolder"_s,
          u"tandem-mailbox.json"_s, u"dovecot-uidlist"_s, u"dovecot.index.log"_s})
        QVERIFY2(!isValidMailboxName(name), qPrintable(name));

    // SMTPUTF8 local parts: letters of any script are folder names; what could hide in one,
    // or change a path, is not.
    QVERIFY(isValidMailboxName(u"j\u00f6rg"_s));
    QVERIFY(isValidMailboxName(u"\u7528\u6237"_s));
    QVERIFY(isValidMailboxName(u"\u0434\u0438\u043c\u0430.\u043f"_s));
    QVERIFY(!isValidMailboxName(u"J\u00f6rg"_s));           // callers lower-case first
    QVERIFY(!isValidMailboxName(u"jo\u0308rg"_s));          // not NFC: mailboxName() composes it
    QCOMPARE(mailboxName(u"JO\u0308RG"_s), u"j\u00f6rg"_s); // one mailbox for both spellings
    QVERIFY(!isValidMailboxName(u"a\u202eb"_s));            // right-to-left override
    QVERIFY(!isValidMailboxName(u"a\u200bb"_s));            // zero-width space
    QVERIFY(!isValidMailboxName(u"a\u00a0b"_s));            // no-break space
    QVERIFY(!isValidMailboxName(u"a\u2215b"_s));            // division slash, looks like "/"
    QVERIFY(!isValidMailboxName(u"\u0308a"_s));             // a mark cannot come first
    QVERIFY(isValidMailboxName(QString(32, u'\u00f6')));    // 64 octets
    QVERIFY(!isValidMailboxName(QString(33, u'\u00f6')));   // 66 octets

    QCOMPARE(asciiDomain(u"B\u00fccher.Example"_s), u"xn--bcher-kva.example"_s);
    QCOMPARE(asciiDomain(u"Example.COM"_s), u"example.com"_s);
}

void TestSettings::idnDomainsAndUtf8Users()
{
    // Configured as U-labels, kept and compared as A-labels.
    QJsonObject root = with(minimal(), u"server"_s, u"domain"_s, u"B\u00fccher.example"_s);
    root = with(root, u"server"_s, u"local_domains"_s, QJsonArray{u"\u4f8b\u3048.test"_s});
    root = with(root, u"mailboxes"_s, u"users"_s,
                QJsonArray{QJsonObject{{u"name"_s, u"J\u00d6RG"_s}},
                           QJsonObject{{u"name"_s, u"ana@\u4f8b\u3048.test"_s}}});
    const LoadResult r = parse(bytes(root), {});
    QVERIFY2(r.errors.isEmpty(), qPrintable(r.errors.join(u'\n')));
    QCOMPARE(r.settings.server.domain, u"xn--bcher-kva.example"_s);
    QVERIFY(r.settings.isLocalDomain(u"b\u00fccher.example"_s));
    QVERIFY(r.settings.isLocalDomain(u"XN--BCHER-KVA.example"_s));
    QVERIFY(r.settings.isLocalDomain(u"\u4f8b\u3048.test"_s));
    QCOMPARE(r.settings.mailboxes.users.at(0).name, u"j\u00f6rg"_s);
    QCOMPARE(r.settings.mailboxes.users.at(1).name,
             u"ana@"_s + asciiDomain(u"\u4f8b\u3048.test"_s));
}

// mailboxes.postmaster names a user, in any spelling of its name; without it the file says
// nothing about a postmaster (a mailbox of its own, as before).
void TestSettings::postmasterNamesAUser()
{
    const QJsonObject users =
        with(with(minimal(), u"server"_s, u"local_domains"_s, QJsonArray{u"example.org"_s}),
             u"mailboxes"_s, u"users"_s,
             QJsonArray{QJsonObject{{u"name"_s, u"alice"_s}},
                        QJsonObject{{u"name"_s, u"erin@example.org"_s}}});
    const LoadResult none = parse(bytes(users), kBase);
    QVERIFY2(none.ok(), qPrintable(none.errors.join(u'\n')));
    QVERIFY(none.settings.mailboxes.postmaster.isEmpty());
    QVERIFY(!toJson(none.settings).value(u"mailboxes"_s).toObject().contains(u"postmaster"_s));

    for (const auto &[given, kept] : {std::pair{u"alice"_s, u"alice"_s},
                                      std::pair{u"ALICE@Example.com"_s, u"alice@example.com"_s},
                                      std::pair{u"erin@EXAMPLE.org"_s, u"erin@example.org"_s}}) {
        const LoadResult r =
            parse(bytes(with(users, u"mailboxes"_s, u"postmaster"_s, given)), kBase);
        QVERIFY2(r.ok(), qPrintable(given + u": "_s + r.errors.join(u'\n')));
        QCOMPARE(r.settings.mailboxes.postmaster, kept);
        const QJsonObject written = toJson(r.settings);
        QCOMPARE(written.value(u"mailboxes"_s).toObject().value(u"postmaster"_s).toString(), kept);
        const LoadResult again = parse(bytes(written), kBase);
        QVERIFY(again.ok());
        QCOMPARE(again.settings.mailboxes.postmaster, kept);
    }
    QCOMPARE(none.settings.userAddress(u"alice"_s), u"alice@example.com"_s);
    QCOMPARE(none.settings.userAddress(u"erin@example.org"_s), u"erin@example.org"_s);
}

// mailboxes.template.<key> = value on the minimal file.
static QJsonObject withTemplate(const QJsonObject &tmpl)
{
    return with(minimal(), u"mailboxes"_s, u"template"_s, tmpl);
}

void TestSettings::archiveDurations_data()
{
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<qint64>("hours");
    QTest::newRow("0") << QJsonValue(u"0"_s) << qint64(0);
    QTest::newRow("12h") << QJsonValue(u"12h"_s) << qint64(12);
    QTest::newRow("30d") << QJsonValue(u"30d"_s) << qint64(30 * 24);
    QTest::newRow("2w") << QJsonValue(u"2w"_s) << qint64(2 * 7 * 24);
    QTest::newRow("7y") << QJsonValue(u"7y"_s) << qint64(7 * 365 * 24);
    QTest::newRow("spaces") << QJsonValue(u" 3 d "_s) << qint64(3 * 24);
    QTest::newRow("a number is days") << QJsonValue(90) << qint64(90 * 24);
    QTest::newRow("number 0") << QJsonValue(0) << qint64(0);
    QTest::newRow("a thousand years") << QJsonValue(u"1000y"_s) << qint64(1000 * 8760);
}

void TestSettings::archiveDurations()
{
    QFETCH(QJsonValue, value);
    QFETCH(qint64, hours);
    // archive_after and expire_after read durations alike (expire_after 0: kept for ever).
    for (const QString &key : {u"archive_after"_s, u"expire_after"_s}) {
        const LoadResult r = parse(bytes(withTemplate(QJsonObject{{key, value}})), kBase);
        QVERIFY2(r.ok(), qPrintable(r.errors.join(u'\n')));
        const ArchivePolicy &t = r.settings.mailboxes.mailboxTemplate;
        QCOMPARE(key == u"archive_after"_s ? t.archiveAfterHours : t.expireAfterHours, hours);
    }
}

void TestSettings::durationText_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("hours"); // -1: not a duration
    QTest::addColumn<QString>("formatted");
    QTest::newRow("0") << u"0"_s << qint64(0) << u"0"_s;
    QTest::newRow("0d") << u"0d"_s << qint64(0) << u"0"_s;
    QTest::newRow("36h") << u"36h"_s << qint64(36) << u"36h"_s;
    QTest::newRow("48h is 2d") << u"48h"_s << qint64(48) << u"2d"_s;
    QTest::newRow("14d is 2w") << u"14d"_s << qint64(336) << u"2w"_s;
    QTest::newRow("365d is 1y") << u"365d"_s << qint64(8760) << u"1y"_s;
    QTest::newRow("52w stays weeks") << u"52w"_s << qint64(52 * 168) << u"52w"_s;
    QTest::newRow("no unit") << u"30"_s << qint64(-1) << QString();
    QTest::newRow("negative") << u"-5d"_s << qint64(-1) << QString();
    QTest::newRow("unknown unit") << u"3m"_s << qint64(-1) << QString();
    QTest::newRow("fraction") << u"1.5d"_s << qint64(-1) << QString();
    QTest::newRow("two") << u"1d 2h"_s << qint64(-1) << QString();
    QTest::newRow("empty") << QString() << qint64(-1) << QString();
    QTest::newRow("upper case") << u"3D"_s << qint64(-1) << QString();
}

void TestSettings::durationText()
{
    QFETCH(QString, text);
    QFETCH(qint64, hours);
    QFETCH(QString, formatted);
    const auto parsed = parseDuration(text);
    if (hours < 0) {
        QVERIFY(!parsed);
        return;
    }
    QVERIFY(parsed);
    QCOMPARE(*parsed, hours);
    QCOMPARE(formatDuration(hours), formatted);
    QCOMPARE(parseDuration(formatDuration(hours)), std::optional<qint64>(hours));
}

void TestSettings::archiveErrorsNameKeyPaths_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("error");
    const QString notDuration = u"must be a duration such as 12h, 30d, 2w or 7y (0 = never)"_s;
    const auto tmpl = [](const QString &key, const QJsonValue &value) {
        return bytes(withTemplate(QJsonObject{{key, value}}));
    };
    QTest::newRow("archive_after without unit")
        << tmpl(u"archive_after"_s, u"30"_s)
        << u"mailboxes.template.archive_after: "_s + notDuration;
    QTest::newRow("archive_after words") << tmpl(u"archive_after"_s, u"soon"_s)
                                         << u"mailboxes.template.archive_after: "_s + notDuration;
    QTest::newRow("archive_after beyond a thousand years")
        << tmpl(u"archive_after"_s, u"1001y"_s)
        << u"mailboxes.template.archive_after: "_s + notDuration;
    QTest::newRow("archive_after true")
        << tmpl(u"archive_after"_s, true) << u"mailboxes.template.archive_after: "_s + notDuration;
    QTest::newRow("expire_after negative") << tmpl(u"expire_after"_s, u"-5d"_s)
                                           << u"mailboxes.template.expire_after: "_s + notDuration;
    QTest::newRow("expire_after negative days")
        << tmpl(u"expire_after"_s, -1) << u"mailboxes.template.expire_after: must be 0-365000"_s;
    QTest::newRow("expire_after fractional days")
        << tmpl(u"expire_after"_s, 1.5)
        << u"mailboxes.template.expire_after: must be a whole number"_s;
    QTest::newRow("archive_to")
        << tmpl(u"archive_to"_s, u"tape"_s)
        << u"mailboxes.template.archive_to: must be one of \"store\", \"folder\", \"delete\""_s;
    QTest::newRow("on_expiry")
        << tmpl(u"on_expiry"_s, u"archive"_s)
        << u"mailboxes.template.on_expiry: must be one of \"delete\", \"export\""_s;
    QTest::newRow("size_warning_percent 0")
        << tmpl(u"size_warning_percent"_s, 0)
        << u"mailboxes.template.size_warning_percent: must be 1-100"_s;
    QTest::newRow("size_warning_percent 101")
        << tmpl(u"size_warning_percent"_s, 101)
        << u"mailboxes.template.size_warning_percent: must be 1-100"_s;
    QTest::newRow("max_size_mb negative")
        << tmpl(u"max_size_mb"_s, -1) << u"mailboxes.template.max_size_mb: must be 0-10000000"_s;
    QTest::newRow("expires before it is archived")
        << bytes(withTemplate(
               QJsonObject{{u"archive_after"_s, u"30d"_s}, {u"expire_after"_s, u"7d"_s}}))
        << u"mailboxes.template.expire_after: must be 0 or at least archive_after"_s;
    QTest::newRow("unknown template key")
        << tmpl(u"keep_for"_s, u"1y"_s) << u"mailboxes.template.keep_for: unknown key"_s;
    const auto schedule = [](const QString &key, const QJsonValue &value) {
        return bytes(with(minimal(), u"mailboxes"_s, u"archive"_s, QJsonObject{{key, value}}));
    };
    QTest::newRow("run_every_minutes") << schedule(u"run_every_minutes"_s, -1)
                                       << u"mailboxes.archive.run_every_minutes: must be 0-10080"_s;
    QTest::newRow("verify_every_hours")
        << schedule(u"verify_every_hours"_s, 9000)
        << u"mailboxes.archive.verify_every_hours: must be 0-8760"_s;
    QTest::newRow("digest_every_hours")
        << schedule(u"digest_every_hours"_s, u"daily"_s)
        << u"mailboxes.archive.digest_every_hours: must be a whole number"_s;
    QTest::newRow("export_dir") << schedule(u"export_dir"_s, 5)
                                << u"mailboxes.archive.export_dir: must be a string"_s;
    QTest::newRow("unknown archive key")
        << schedule(u"run_at"_s, u"03:00"_s) << u"mailboxes.archive.run_at: unknown key"_s;
}

void TestSettings::archiveErrorsNameKeyPaths()
{
    errorsNameKeyPaths();
}

void TestSettings::archiveDefaults()
{
    const LoadResult r = parse(bytes(minimal()), kBase);
    QVERIFY(r.ok());
    QVERIFY(r.warnings.isEmpty());
    // The classic product's rule: mailboxes do not archive by default.
    QVERIFY(r.settings.mailboxes.mailboxTemplate == ArchivePolicy{});
    const ArchivePolicy &t = r.settings.mailboxes.mailboxTemplate;
    QCOMPARE(t.archiveAfterHours, 0);
    QCOMPARE(toString(t.destination), u"store"_s);
    QCOMPARE(t.expireAfterHours, 0);
    QCOMPARE(toString(t.onExpiry), u"delete"_s);
    QCOMPARE(t.maxSizeMb, 0);
    QCOMPARE(t.warnPercent, 90);
    const ArchiveSchedule &a = r.settings.mailboxes.archive;
    QCOMPARE(a.runEveryMinutes, 60);
    QCOMPARE(a.verifyEveryHours, 168);
    QCOMPARE(a.digestEveryHours, 24);
    QVERIFY(a.exportDir.isEmpty());
}

void TestSettings::archiveRoundTrip()
{
    const QJsonObject tmpl{{u"archive_after"_s, u"36h"_s}, {u"archive_to"_s, u"folder"_s},
                           {u"expire_after"_s, u"7y"_s},   {u"on_expiry"_s, u"export"_s},
                           {u"max_size_mb"_s, 2048},       {u"size_warning_percent"_s, 75}};
    const QJsonObject schedule{{u"run_every_minutes"_s, 15},
                               {u"verify_every_hours"_s, 0},
                               {u"digest_every_hours"_s, 12},
                               {u"export_dir"_s, u"/srv/exports"_s}};
    QJsonObject root = withTemplate(tmpl);
    root = with(root, u"mailboxes"_s, u"archive"_s, schedule);
    const LoadResult a = parse(bytes(root), kBase);
    QVERIFY2(a.ok(), qPrintable(a.errors.join(u'\n')));
    const ArchivePolicy &t = a.settings.mailboxes.mailboxTemplate;
    QCOMPARE(t.archiveAfterHours, 36);
    QVERIFY(t.destination == ArchiveDestination::Folder);
    QCOMPARE(t.expireAfterHours, 7 * 8760);
    QVERIFY(t.onExpiry == ExpiryAction::Export);
    QCOMPARE(t.maxSizeMb, 2048);
    QCOMPARE(t.warnPercent, 75);
    const ArchiveSchedule &s = a.settings.mailboxes.archive;
    QCOMPARE(s.runEveryMinutes, 15);
    QCOMPARE(s.verifyEveryHours, 0);
    QCOMPARE(s.digestEveryHours, 12);
    QCOMPARE(s.exportDir, u"/srv/exports"_s);

    // Written as read: the same keys and values, and read back to the same settings.
    const QJsonObject written = toJson(a.settings);
    const QJsonObject mailboxes = written.value(u"mailboxes"_s).toObject();
    QCOMPARE(mailboxes.value(u"template"_s).toObject(), tmpl);
    QCOMPARE(mailboxes.value(u"archive"_s).toObject(), schedule);
    const LoadResult b = parse(QJsonDocument(written).toJson(), kBase);
    QVERIFY2(b.ok(), qPrintable(b.errors.join(u'\n')));
    QVERIFY(b.settings.mailboxes.mailboxTemplate == t);
    QCOMPARE(b.settings.mailboxes.archive.exportDir, s.exportDir);
    QCOMPARE(toJson(b.settings), written);
    // A number of days is written back as a duration.
    const LoadResult days = parse(bytes(withTemplate({{u"archive_after"_s, 30}})), kBase);
    QCOMPARE(toJson(days.settings)
                 .value(u"mailboxes"_s)
                 .toObject()
                 .value(u"template"_s)
                 .toObject()
                 .value(u"archive_after"_s),
             QJsonValue(u"30d"_s));
}

void TestSettings::supersededKeysWarn()
{
    const LoadResult r = parse(bytes(withTemplate({{u"keep_live_days"_s, 90},
                                                   {u"archive_expiry_days"_s, 3650},
                                                   {u"max_size_mb"_s, 100}})),
                               kBase);
    QVERIFY2(r.ok(), qPrintable(r.errors.join(u'\n')));
    QCOMPARE(r.warnings,
             QStringList({u"mailboxes.template.keep_live_days: superseded by archive_after and "
                          "expire_after; ignored"_s,
                          u"mailboxes.template.archive_expiry_days: superseded by archive_after "
                          "and expire_after; ignored"_s}));
    // Ignored: nothing is archived or expired because of them; the rest is read.
    QCOMPARE(r.settings.mailboxes.mailboxTemplate.archiveAfterHours, 0);
    QCOMPARE(r.settings.mailboxes.mailboxTemplate.expireAfterHours, 0);
    QCOMPARE(r.settings.mailboxes.mailboxTemplate.maxSizeMb, 100);
    // And they are not written back.
    const QJsonObject t =
        toJson(r.settings).value(u"mailboxes"_s).toObject().value(u"template"_s).toObject();
    QVERIFY(!t.contains(u"keep_live_days"_s));
    QVERIFY(!t.contains(u"archive_expiry_days"_s));
    // loadFile() (tandemd, --check) hands them on as parse() does.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QFile file(dir.filePath(u"tandem.json"_s));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(bytes(withTemplate({{u"keep_live_days"_s, 90}})));
    file.close();
    const LoadResult loaded = loadFile(file.fileName());
    QVERIFY(loaded.ok());
    QCOMPARE(loaded.warnings.size(), 1);
    QVERIFY(loaded.warnings.first().startsWith(u"mailboxes.template.keep_live_days: "_s));
    // A file with an error and a superseded key reports both, each in its list.
    const LoadResult both = parse(
        bytes(withTemplate({{u"keep_live_days"_s, 90}, {u"archive_to"_s, u"tape"_s}})), kBase);
    QCOMPARE(both.errors.size(), 1);
    QCOMPARE(both.warnings.size(), 1);
}

void TestSettings::mailboxArchiveModes()
{
    const QString path = u"/srv/data/mailboxes/example.com/alice/tandem-mailbox.json"_s;
    QStringList errors;
    // No mode, or "default": the template's settings.
    MailboxArchiveSettings m = mailboxArchiveFromJson(
        QJsonObject{{u"created"_s, u"2024-01-01T00:00:00Z"_s}}, path, &errors);
    QVERIFY(m.mode == ArchiveMode::Default);
    m = mailboxArchiveFromJson(QJsonObject{{u"archive_mode"_s, u"default"_s}}, path, &errors);
    QVERIFY(m.mode == ArchiveMode::Default);
    // Files written before the archive acted: the template's keys recorded at creation.
    m = mailboxArchiveFromJson(QJsonObject{{u"keep_live_days"_s, 90},
                                           {u"archive_expiry_days"_s, 0},
                                           {u"max_size_mb"_s, 0}},
                               path, &errors);
    QVERIFY(m.mode == ArchiveMode::Default);
    m = mailboxArchiveFromJson(QJsonObject{{u"archive_mode"_s, u"none"_s}}, path, &errors);
    QVERIFY(m.mode == ArchiveMode::None);
    m = mailboxArchiveFromJson(
        QJsonObject{{u"archive_mode"_s, u"custom"_s},
                    {u"archive"_s, QJsonObject{{u"archive_after"_s, u"2w"_s},
                                               {u"archive_to"_s, u"delete"_s},
                                               {u"max_size_mb"_s, 500}}}},
        path, &errors);
    QVERIFY2(errors.isEmpty(), qPrintable(errors.join(u'\n')));
    QVERIFY(m.mode == ArchiveMode::Custom);
    QCOMPARE(m.custom.archiveAfterHours, 2 * 168);
    QVERIFY(m.custom.destination == ArchiveDestination::Delete);
    QCOMPARE(m.custom.expireAfterHours, 0);
    QCOMPARE(m.custom.maxSizeMb, 500);
    QCOMPARE(m.custom.warnPercent, 90);

    // Round trip: what toJson writes reads back the same, and only Custom writes a policy.
    for (const ArchiveMode mode : {ArchiveMode::Default, ArchiveMode::None, ArchiveMode::Custom}) {
        MailboxArchiveSettings own;
        own.mode = mode;
        own.custom.archiveAfterHours = 12;
        own.custom.expireAfterHours = 24;
        own.custom.onExpiry = ExpiryAction::Export;
        const QJsonObject o = toJson(own);
        QCOMPARE(o.contains(u"archive"_s), mode == ArchiveMode::Custom);
        const MailboxArchiveSettings back = mailboxArchiveFromJson(o, path, &errors);
        QVERIFY(back.mode == mode);
        if (mode == ArchiveMode::Custom)
            QVERIFY(back == own);
    }
    QVERIFY2(errors.isEmpty(), qPrintable(errors.join(u'\n')));
}

void TestSettings::mailboxArchiveErrors()
{
    const QString path = u"alice/tandem-mailbox.json"_s;
    QStringList errors;
    mailboxArchiveFromJson(QJsonObject{{u"archive_mode"_s, u"never"_s}}, path, &errors);
    QCOMPARE(errors, QStringList{path + u".archive_mode: must be one of \"default\", \"none\", "
                                        "\"custom\""_s});
    errors.clear();
    mailboxArchiveFromJson(QJsonObject{{u"archive_mode"_s, u"custom"_s},
                                       {u"archive"_s, QJsonObject{{u"archive_after"_s, u"30d"_s},
                                                                  {u"expire_after"_s, u"1d"_s},
                                                                  {u"size_warning_percent"_s, 0}}}},
                           path, &errors);
    QCOMPARE(errors.size(), 2);
    QVERIFY(errors.contains(path + u".archive.size_warning_percent: must be 1-100"_s));
    QVERIFY(
        errors.contains(path + u".archive.expire_after: must be 0 or at least archive_after"_s));
    errors.clear();
    mailboxArchiveFromJson(QJsonObject{{u"archive"_s, u"30d"_s}}, path, &errors);
    QCOMPARE(errors.size(), 1);
    QVERIFY2(errors.first().startsWith(path + u".archive: "_s), qPrintable(errors.first()));
}

void TestSettings::effectivePolicyOfEachMode()
{
    ArchivePolicy tmpl;
    tmpl.archiveAfterHours = 30 * 24;
    tmpl.expireAfterHours = 7 * 8760;
    tmpl.maxSizeMb = 1024;
    MailboxArchiveSettings own;
    QVERIFY(effectivePolicy(own, tmpl) == tmpl);
    own.mode = ArchiveMode::Custom;
    own.custom.archiveAfterHours = 24;
    QVERIFY(effectivePolicy(own, tmpl) == own.custom);
    own.mode = ArchiveMode::None; // archives and expires nothing, keeps the template's cap
    const ArchivePolicy none = effectivePolicy(own, tmpl);
    QCOMPARE(none.archiveAfterHours, 0);
    QCOMPARE(none.expireAfterHours, 0);
    QCOMPARE(none.maxSizeMb, 1024);
}

QTEST_GUILESS_MAIN(TestSettings)
#include "tst_settings.moc"
