// The console's passwords go through the real desktop keychain (gnome-keyring over D-Bus,
// started by with-keyring.sh) and come back to the engine's settings.
#include "config/settings.h"
#include "enginehost.h"
#include "queuefixture.h"
#include "secrets.h"
#include "threadwarnings.h"

#include <QSignalSpy>
#include <QSslSocket>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

using namespace Qt::StringLiterals;
using tandem::ui::Secrets;

class TestSecrets : public QObject {
    Q_OBJECT
private slots:
    void init() { tandem::test::failOnThreadWarnings(); }
    void hopsNeedingPasswords();
    void roundTrip();
    void encryptedTlsKeyFromKeychain();
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

// The console starts its engine with an encrypted TLS key whose passphrase is in the keychain:
// STARTTLS then presents that certificate. Without the passphrase the engine does not start,
// and says why.
void TestSecrets::encryptedTlsKeyFromKeychain()
{
    tandem::test::QueueFixture fixture;
    QString error;
    QVERIFY2(fixture.init(&error), qPrintable(error));
    QTemporaryDir tls;
    QVERIFY(tls.isValid());
    const QString cert = tls.filePath(u"cert.pem"_s);
    const QString key = tls.filePath(u"key.pem"_s);
    QVERIFY2(tandem::test::makeEncryptedCertificate(cert, key, u"locked.example.test"_s,
                                                    u"keychain kept"_s, &error),
             qPrintable(error));
    tandem::config::Settings settings = fixture.settings();
    settings.smtp.tlsCertificate = cert;
    settings.smtp.tlsKey = key;

    const auto keep = [this](const QString &passphrase) {
        std::optional<QString> result;
        Secrets::storeTlsPassphrase(
            passphrase, this, [&](bool ok, const QString &e) { result = ok ? QString() : e; });
        return QTest::qWaitFor([&] { return result.has_value(); }, 10000) && result->isEmpty();
    };

    // No passphrase anywhere: the engine refuses the key, and the console hears why.
    QVERIFY(keep({}));
    {
        tandem::ui::EngineHost host;
        QSignalSpy failed(&host, &tandem::ui::EngineHost::failed);
        host.start(settings);
        QVERIFY(failed.wait(10000));
        const QString why = failed.at(0).at(0).toString();
        QVERIFY2(why.contains(u"smtp.tls.key"_s) && why.contains(u"encrypted"_s), qPrintable(why));
    }

    QVERIFY(keep(u"keychain kept"_s));
    tandem::ui::EngineHost host;
    QSignalSpy started(&host, &tandem::ui::EngineHost::started);
    QSignalSpy failed(&host, &tandem::ui::EngineHost::failed);
    host.start(settings);
    QTRY_VERIFY_WITH_TIMEOUT(!started.isEmpty() || !failed.isEmpty(), 10000);
    QVERIFY2(failed.isEmpty(), qPrintable(failed.value(0).value(0).toString()));

    QSslSocket socket;
    socket.connectToHost(u"127.0.0.1"_s, quint16(fixture.smtpPort()));
    const auto reply = [&socket](const QByteArray &code) {
        QByteArray line;
        do {
            if (!socket.canReadLine() && !socket.waitForReadyRead(5000))
                return false;
            line = socket.readLine();
        } while (line.size() > 3 && line.at(3) == '-');
        return line.startsWith(code);
    };
    QVERIFY(reply("220"));
    socket.write("EHLO client.test\r\n");
    QVERIFY(reply("250"));
    socket.write("STARTTLS\r\n");
    QVERIFY(reply("220"));
    socket.setPeerVerifyMode(QSslSocket::VerifyNone);
    socket.startClientEncryption();
    QVERIFY2(socket.waitForEncrypted(10000), qPrintable(socket.errorString()));
    QCOMPARE(socket.peerCertificate().subjectInfo(QSslCertificate::CommonName),
             QStringList{u"locked.example.test"_s});
    socket.write("QUIT\r\n");
    QVERIFY(reply("221"));

    QSignalSpy stopped(&host, &tandem::ui::EngineHost::stopped);
    host.stop();
    QVERIFY(stopped.wait(10000));
    QVERIFY(keep({}));
}

QTEST_GUILESS_MAIN(TestSecrets)
#include "tst_secrets.moc"
