// The console's passwords go through the real desktop keychain (gnome-keyring over D-Bus,
// started by with-keyring.sh) and come back to the engine's settings.
#include "config/settings.h"
#include "secrets.h"

#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using tandem::ui::Secrets;

class TestSecrets : public QObject {
    Q_OBJECT
private slots:
    void hopsNeedingPasswords();
    void roundTrip();
};

void TestSecrets::hopsNeedingPasswords()
{
    tandem::config::Settings s;
    s.outgoing.smarthost.host = u"smtp.isp.test"_s;
    s.outgoing.smarthost.port = 587;
    s.outgoing.smarthost.username = u"office"_s;
    tandem::config::StaticRoute withUser;
    withUser.domains = {u"*"_s};
    withUser.host = u"127.0.0.1"_s;
    withUser.port = 2526;
    withUser.username = u"relay"_s;
    tandem::config::StaticRoute withoutUser = withUser;
    withoutUser.port = 2527;
    withoutUser.username.clear();
    s.outgoing.staticRoutes = {withUser, withoutUser};
    QCOMPARE(Secrets::hopsNeedingPasswords(s),
             QStringList({u"[smtp.isp.test]:587"_s, u"[127.0.0.1]:2526"_s}));
}

void TestSecrets::roundTrip()
{
    const QString hop = u"[smtp.isp.test]:587"_s;
    bool stored = false;
    QString storeError;
    Secrets::store(hop, u"s3cret pass"_s, this, [&](bool ok, const QString &error) {
        stored = ok;
        storeError = error;
    });
    QTRY_VERIFY2_WITH_TIMEOUT(stored || !storeError.isEmpty(), "store did not finish", 10000);
    QVERIFY2(stored, qPrintable(storeError));

    QHash<QString, QString> loaded;
    bool done = false;
    Secrets::load({hop, u"[other.test]:25"_s}, this,
                  [&](const QHash<QString, QString> &passwords, const QStringList &errors) {
                      loaded = passwords;
                      QVERIFY2(errors.isEmpty(), qPrintable(errors.join(u"; "_s)));
                      done = true;
                  });
    QTRY_VERIFY_WITH_TIMEOUT(done, 10000);
    QCOMPARE(loaded.value(hop), u"s3cret pass"_s);
    QVERIFY(!loaded.contains(u"[other.test]:25"_s)); // never stored: absent, not an error

    bool removed = false;
    Secrets::remove(hop, this, [&](bool ok, const QString &) { removed = ok; });
    QTRY_VERIFY_WITH_TIMEOUT(removed, 10000);
    done = false;
    Secrets::load({hop}, this, [&](const QHash<QString, QString> &passwords, const QStringList &) {
        loaded = passwords;
        done = true;
    });
    QTRY_VERIFY_WITH_TIMEOUT(done, 10000);
    QVERIFY(loaded.isEmpty());
}

QTEST_GUILESS_MAIN(TestSecrets)
#include "tst_secrets.moc"
