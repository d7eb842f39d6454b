#include "delivery/smtpclient.h"
#include "threadwarnings.h"

#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace tandem;
using namespace tandem::delivery;

namespace {

// A next hop on loopback that offers STARTTLS and answers it as told: "garbage" (220, then
// bytes that are not TLS), "close" (220, then the connection closes) or "refuse" (454).
// A server on loopback that greets each connection and hands what comes in to onRead().
class LoopbackHop : public QObject {
public:
    LoopbackHop()
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

protected:
    virtual void onRead(QTcpSocket *s) = 0;

private:
    QTcpServer m_server;
};

class FakeHop : public LoopbackHop {
public:
    explicit FakeHop(const QByteArray &starttls)
        : m_starttls(starttls)
    {}
    QList<QByteArray> commands;

private:
    void onRead(QTcpSocket *s) override
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

    QByteArray m_starttls;
    bool m_handshaking = false;
};

// A next hop that offers PIPELINING and answers a transaction only once its whole command
// group has come: MAIL, the RCPTs and DATA. A client that waits for the RCPT replies before
// sending DATA waits for ever. Recipients get rcptCode; DATA gets 354 when a recipient was
// accepted or dataDespiteRefusal is set (a server that takes DATA without a recipient),
// else 554.
class GroupHop : public LoopbackHop {
public:
    GroupHop(int rcptCode, bool dataDespiteRefusal)
        : m_rcptCode(rcptCode)
        , m_dataDespiteRefusal(dataDespiteRefusal)
    {}
    QList<QList<QByteArray>> groups; // each transaction's commands, as they came together
    QList<QByteArray> bodies;        // what came after each 354, up to the final dot
    QList<QByteArray> afterwards;    // commands after the transactions (RSET, QUIT)

private:
    void onRead(QTcpSocket *s) override
    {
        while (s->canReadLine()) {
            const QByteArray line = s->readLine();
            if (m_inBody) {
                if (line == ".\r\n") {
                    m_inBody = false;
                    s->write("250 2.0.0 queued\r\n");
                } else {
                    bodies.last() += line;
                }
                continue;
            }
            const QByteArray command = line.trimmed();
            const QByteArray verb = command.split(' ').value(0).toUpper();
            if (verb == "EHLO") {
                s->write("250-fake\r\n250 PIPELINING\r\n");
            } else if (verb == "MAIL") {
                m_group = {command};
            } else if (verb == "RCPT" && !m_group.isEmpty()) {
                m_group.append(command);
            } else if (verb == "DATA" && !m_group.isEmpty()) {
                m_group.append(command);
                groups.append(std::exchange(m_group, {}));
                const int rcpts = int(groups.last().size()) - 2;
                QByteArray replies = "250 2.1.0 ok\r\n";
                for (int i = 0; i < rcpts; ++i)
                    replies += QByteArray::number(m_rcptCode) + " recipient\r\n";
                if (m_rcptCode / 100 == 2 || m_dataDespiteRefusal) {
                    replies += "354 go ahead\r\n";
                    bodies.append(QByteArray());
                    m_inBody = true;
                } else {
                    replies += "554 5.5.1 no valid recipients\r\n";
                }
                s->write(replies);
            } else if (verb == "QUIT") {
                afterwards.append(command);
                s->write("221 bye\r\n");
                s->disconnectFromHost();
            } else {
                afterwards.append(command);
                s->write("250 ok\r\n");
            }
        }
    }

    int m_rcptCode;
    bool m_dataDespiteRefusal;
    QList<QByteArray> m_group;
    bool m_inBody = false;
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
    void dataEndsTheCommandGroup_data();
    void dataEndsTheCommandGroup();
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

void TestSmtpClient::dataEndsTheCommandGroup_data()
{
    QTest::addColumn<int>("rcptCode");
    QTest::addColumn<bool>("dataDespiteRefusal");
    QTest::addColumn<int>("outcome");
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("accepted") << 250 << false << 250 << "Subject: hi\r\n\r\nhello\r\n"_ba;
    QTest::newRow("refused, DATA refused") << 550 << false << 550 << QByteArray();
    QTest::newRow("refused, DATA taken anyway") << 550 << true << 550 << QByteArray();
}

void TestSmtpClient::dataEndsTheCommandGroup()
{
    QFETCH(int, rcptCode);
    QFETCH(bool, dataDespiteRefusal);
    QFETCH(int, outcome);
    QFETCH(QByteArray, body);
    QTemporaryDir dir;
    QFile message(dir.filePath(u"m.msg"_s));
    QVERIFY(message.open(QIODevice::WriteOnly));
    message.write("Subject: hi\r\n\r\nhello\r\n");
    message.close();

    GroupHop hop(rcptCode, dataDespiteRefusal);
    SmtpClient client(options(config::TlsMode::Off));
    QSignalSpy ready(&client, &SmtpClient::ready);
    QSignalSpy finished(&client, &SmtpClient::transactionFinished);
    client.connectToHost(u"127.0.0.1"_s, hop.port());
    QVERIFY(ready.wait(10000));
    for (int round = 0; round < 2; ++round) {
        ClientJob job;
        job.sender = u"a@client.test"_s;
        job.recipients = {ClientRecipient{u"b@remote.test"_s, {}, {}}};
        job.messagePath = message.fileName();
        job.size = message.size();
        client.send(job);
        QVERIFY2(finished.wait(10000), "no reply: DATA was not sent with MAIL and RCPT");
        const auto result = finished.takeFirst().first().value<ClientResult>();
        QCOMPARE(result.recipients.value(u"b@remote.test"_s).code, outcome);
        QVERIFY(client.isReady()); // the connection carries the next transaction
    }
    const QList<QByteArray> group{"MAIL FROM:<a@client.test>", "RCPT TO:<b@remote.test>", "DATA"};
    QCOMPARE(hop.groups, (QList<QList<QByteArray>>{group, group}));
    // A refused transaction is reset before the next one; a body only after a 354.
    QCOMPARE(hop.afterwards.count("RSET"), outcome == 250 || dataDespiteRefusal ? 0 : 2);
    QCOMPARE(hop.bodies.size(), outcome == 250 || dataDespiteRefusal ? 2 : 0);
    for (const QByteArray &b : std::as_const(hop.bodies))
        QCOMPARE(b, body);
}

QTEST_GUILESS_MAIN(TestSmtpClient)
#include "tst_smtpclient.moc"
