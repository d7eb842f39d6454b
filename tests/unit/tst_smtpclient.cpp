#include "delivery/smtpclient.h"
#include "threadwarnings.h"

#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace tandem;
using namespace tandem::delivery;

namespace {

// A next hop on loopback that offers STARTTLS and answers it as told: "garbage" (220, then
// bytes that are not TLS), "close" (220, then the connection closes) or "refuse" (454).
class FakeHop : public QObject {
public:
    explicit FakeHop(const QByteArray &starttls)
        : m_starttls(starttls)
    {
        QVERIFY(m_server.listen(QHostAddress::LocalHost));
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            QTcpSocket *s = m_server.nextPendingConnection();
            s->setParent(this);
            s->write("220 fake ESMTP\r\n");
            connect(s, &QTcpSocket::readyRead, this, [this, s] { onRead(s); });
        });
    }
    quint16 port() const { return m_server.serverPort(); }
    QList<QByteArray> commands;

private:
    void onRead(QTcpSocket *s)
    {
        if (m_handshaking) {
            // The ClientHello: answer it with something that is not TLS, or with nothing.
            s->readAll();
            if (m_starttls == "garbage")
                s->write("this is not a TLS record\r\n");
            s->disconnectFromHost();
            return;
        }
        while (s->canReadLine()) {
            const QByteArray line = s->readLine().trimmed();
            commands.append(line);
            const QByteArray verb = line.split(' ').value(0).toUpper();
            if (verb == "EHLO") {
                s->write("250-fake\r\n250-PIPELINING\r\n250 STARTTLS\r\n");
            } else if (verb == "STARTTLS" && m_starttls == "refuse") {
                s->write("454 4.7.0 TLS not available now\r\n");
            } else if (verb == "STARTTLS") {
                s->write("220 2.0.0 go ahead\r\n");
                m_handshaking = true;
                return;
            } else if (verb == "QUIT") {
                s->write("221 bye\r\n");
                s->disconnectFromHost();
            } else {
                s->write("250 ok\r\n");
            }
        }
    }

    QTcpServer m_server;
    QByteArray m_starttls;
    bool m_handshaking = false;
};

ClientOptions options(config::TlsMode tls, bool skipStartTls = false)
{
    ClientOptions o;
    o.heloName = u"client.test"_s;
    o.tls = tls;
    o.skipStartTls = skipStartTls;
    return o;
}

} // namespace

class TestSmtpClient : public QObject {
    Q_OBJECT
private slots:
    void init() { tandem::test::failOnThreadWarnings(); }
    void brokenHandshakeSaysTlsFailed_data();
    void brokenHandshakeSaysTlsFailed();
    void skipStartTlsGoesStraightToClearText();
    void skipStartTlsDoesNotWeakenRequired();
    void refusedStartTls();
};

void TestSmtpClient::brokenHandshakeSaysTlsFailed_data()
{
    QTest::addColumn<QByteArray>("how");
    QTest::addColumn<config::TlsMode>("tls");
    QTest::newRow("garbage, opportunistic") << "garbage"_ba << config::TlsMode::Opportunistic;
    QTest::newRow("garbage, required") << "garbage"_ba << config::TlsMode::Required;
    QTest::newRow("closed, opportunistic") << "close"_ba << config::TlsMode::Opportunistic;
}

void TestSmtpClient::brokenHandshakeSaysTlsFailed()
{
    QFETCH(QByteArray, how);
    QFETCH(config::TlsMode, tls);
    if (!QSslSocket::supportsSsl())
        QSKIP("no TLS backend");
    FakeHop hop(how);
    SmtpClient client(options(tls));
    QSignalSpy failed(&client, &SmtpClient::failed);
    QSignalSpy ready(&client, &SmtpClient::ready);
    client.connectToHost(u"127.0.0.1"_s, hop.port());
    QVERIFY(failed.wait(10000));
    QCOMPARE(ready.count(), 0);
    const auto reply = failed.first().first().value<ServerReply>();
    QCOMPARE(reply.code, 451);
    QCOMPARE(reply.enhanced, u"4.7.5"_s);
    QVERIFY2(reply.text.contains(u"TLS handshake"_s), qPrintable(reply.text));
    QVERIFY(!client.tlsError().isEmpty());
    QVERIFY(hop.commands.contains("STARTTLS"));
}

void TestSmtpClient::skipStartTlsGoesStraightToClearText()
{
    FakeHop hop("garbage");
    SmtpClient client(options(config::TlsMode::Opportunistic, true));
    QSignalSpy ready(&client, &SmtpClient::ready);
    client.connectToHost(u"127.0.0.1"_s, hop.port());
    QVERIFY(ready.wait(10000));
    QVERIFY(!client.tlsActive());
    QVERIFY(client.tlsError().isEmpty());
    QCOMPARE(hop.commands, QList<QByteArray>{"EHLO client.test"});
}

void TestSmtpClient::skipStartTlsDoesNotWeakenRequired()
{
    FakeHop hop("garbage");
    SmtpClient client(options(config::TlsMode::Required, true));
    QSignalSpy failed(&client, &SmtpClient::failed);
    client.connectToHost(u"127.0.0.1"_s, hop.port());
    QVERIFY(failed.wait(10000));
    QVERIFY(hop.commands.contains("STARTTLS"));
}

void TestSmtpClient::refusedStartTls()
{
    {
        // Opportunistic: the session goes on in clear text on the same connection.
        FakeHop hop("refuse");
        SmtpClient client(options(config::TlsMode::Opportunistic));
        QSignalSpy ready(&client, &SmtpClient::ready);
        client.connectToHost(u"127.0.0.1"_s, hop.port());
        QVERIFY(ready.wait(10000));
        QVERIFY(client.tlsError().isEmpty());
    }
    {
        // Required: a temporary failure that says so, whatever the server's code.
        FakeHop hop("refuse");
        SmtpClient client(options(config::TlsMode::Required));
        QSignalSpy failed(&client, &SmtpClient::failed);
        client.connectToHost(u"127.0.0.1"_s, hop.port());
        QVERIFY(failed.wait(10000));
        const auto reply = failed.first().first().value<ServerReply>();
        QCOMPARE(reply.code, 451);
        QCOMPARE(reply.enhanced, u"4.7.0"_s);
        QVERIFY2(reply.text.contains(u"refused STARTTLS"_s), qPrintable(reply.text));
    }
}

QTEST_GUILESS_MAIN(TestSmtpClient)
#include "tst_smtpclient.moc"
