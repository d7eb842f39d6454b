// "No open relay, in any configuration": random valid configurations are generated and none
// of those the validator accepts lets the Internet at large relay without authentication.
#include "config/settings.h"
#include "threadwarnings.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace tandem::config;

class TestOpenRelay : public QObject {
    Q_OBJECT
private slots:
    void init() { tandem::test::failOnThreadWarnings(); }
    void randomConfigurationsNeverRelayForEveryone();
    void splitWorldIsRefused();
};

namespace {

QString randomNetwork(QRandomGenerator &rng)
{
    if (rng.bounded(4) == 0) {
        const int prefix = int(rng.bounded(129));
        return u"%1:%2::/%3"_s.arg(rng.bounded(0x10000), 0, 16)
            .arg(rng.bounded(0x10000), 0, 16)
            .arg(prefix);
    }
    const int prefix = int(rng.bounded(33));
    const quint32 address = rng.generate() & (prefix == 0 ? 0u : ~0u << (32 - prefix));
    return u"%1.%2.%3.%4/%5"_s.arg(address >> 24)
        .arg((address >> 16) & 0xff)
        .arg((address >> 8) & 0xff)
        .arg(address & 0xff)
        .arg(prefix);
}

// Addresses spread over the Internet: sixteen different IPv4 /8s and IPv6 /16s.
QList<QHostAddress> samples()
{
    QList<QHostAddress> out;
    for (int i = 0; i < 16; ++i) {
        out.append(QHostAddress(quint32((i * 16 + 3) << 24 | 0x010203)));
        out.append(QHostAddress(u"%1::1"_s.arg(0x1000 * (i + 1) + 0x123, 0, 16)));
    }
    return out;
}

} // namespace

void TestOpenRelay::randomConfigurationsNeverRelayForEveryone()
{
    QRandomGenerator rng(20261125); // fixed seed: a failure can be replayed
    int accepted = 0;
    int withOpenListener = 0;
    for (int round = 0; round < 3000; ++round) {
        QJsonArray listeners;
        const int listenerCount = 1 + int(rng.bounded(3));
        for (int i = 0; i < listenerCount; ++i)
            listeners.append(QJsonObject{{u"address"_s, u"127.0.0.1"_s},
                                         {u"port"_s, 2000 + i},
                                         {u"require_auth"_s, rng.bounded(2) == 0}});
        QJsonArray networks;
        const int networkCount = int(rng.bounded(5));
        for (int i = 0; i < networkCount; ++i)
            networks.append(randomNetwork(rng));
        const QJsonObject root{
            {u"server"_s, QJsonObject{{u"domain"_s, u"example.com"_s}}},
            {u"smtp"_s, QJsonObject{{u"listeners"_s, listeners}, {u"relay_networks"_s, networks}}}};
        const LoadResult r = parse(QJsonDocument(root).toJson(), u"/tmp"_s);
        if (!r.ok())
            continue;
        ++accepted;
        bool open = false;
        for (const Listener &l : r.settings.smtp.listeners)
            open = open || !l.requireAuth;
        if (!open)
            continue;
        ++withOpenListener;
        int relayed = 0;
        const QList<QHostAddress> all = samples();
        for (const QHostAddress &a : all)
            relayed += r.settings.isRelayClient(a) ? 1 : 0;
        QVERIFY2(
            relayed < all.size() / 4,
            qPrintable(u"accepted a configuration that relays for %1 of %2 spread addresses: %3"_s
                           .arg(relayed)
                           .arg(all.size())
                           .arg(QString::fromUtf8(
                               QJsonDocument(networks).toJson(QJsonDocument::Compact)))));
    }
    // The generator must exercise both sides of the rule.
    QVERIFY(accepted > 500);
    QVERIFY(withOpenListener > 300);
}

void TestOpenRelay::splitWorldIsRefused()
{
    const QByteArray json = R"({"server": {"domain": "example.com"},
        "smtp": {"relay_networks": ["0.0.0.0/1", "128.0.0.0/1"]}})";
    const LoadResult r = parse(json, u"/tmp"_s);
    QVERIFY(!r.ok());
    QVERIFY2(r.errors.first().startsWith(u"smtp.relay_networks[0]: "_s),
             qPrintable(r.errors.first()));
}

QTEST_GUILESS_MAIN(TestOpenRelay)
#include "tst_openrelay.moc"
