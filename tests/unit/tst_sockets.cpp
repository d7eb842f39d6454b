// Socket options of the SMTP client and server, read back from the kernel: each socket of
// this process is found among /proc/self/fd by its two ports.
#include "config/settings.h"
#include "delivery/smtpclient.h"
#include "engine.h"
#include "threadwarnings.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>

#include <optional>

using namespace Qt::StringLiterals;
using namespace tandem;

namespace {

quint16 portOf(const sockaddr_in &a)
{
    return ntohs(a.sin_port);
}

// TCP_NODELAY of this process's connected socket from localPort to peerPort; nullopt when no
// such socket is open.
std::optional<int> noDelayOf(quint16 localPort, quint16 peerPort)
{
    const QDir fds(u"/proc/self/fd"_s);
    for (const QString &name : fds.entryList(QDir::System | QDir::Files | QDir::NoDotAndDotDot)) {
        bool ok = false;
        const int fd = name.toInt(&ok);
        if (!ok)
            continue;
        sockaddr_in local{}, peer{};
        socklen_t localSize = sizeof local, peerSize = sizeof peer;
        if (::getsockname(fd, reinterpret_cast<sockaddr *>(&local), &localSize) != 0 ||
            ::getpeername(fd, reinterpret_cast<sockaddr *>(&peer), &peerSize) != 0 ||
            local.sin_family != AF_INET || portOf(local) != localPort || portOf(peer) != peerPort)
            continue;
        int value = 0;
        socklen_t size = sizeof value;
        if (::getsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &value, &size) != 0)
            return std::nullopt;
        return value;
    }
    return std::nullopt;
}

int freePort()
{
    QTcpServer probe;
    return probe.listen(QHostAddress::LocalHost) ? probe.serverPort() : 0;
}

} // namespace

class TestSockets : public QObject {
    Q_OBJECT
private slots:
    void init() { tandem::test::failOnThreadWarnings(); }
    void clientSendsWithoutNagle();
    void serverRepliesWithoutNagle();
};

// Nagle's algorithm held the end of each body (".\r\n", a small write after a large one)
// until the peer acknowledged the body, which a peer delaying its ACKs does 40 ms later: one
// message per 40 ms per connection, whatever its size.
void TestSockets::clientSendsWithoutNagle()
{
    QTcpServer hop;
    QVERIFY(hop.listen(QHostAddress::LocalHost));
    QTcpSocket *accepted = nullptr;
    connect(&hop, &QTcpServer::newConnection, this, [&] {
        accepted = hop.nextPendingConnection();
        accepted->write("220 hop ESMTP\r\n");
        connect(accepted, &QTcpSocket::readyRead, this, [&] {
            while (accepted->canReadLine()) {
                accepted->readLine();
                accepted->write("250 ok\r\n");
            }
        });
    });
    delivery::ClientOptions options;
    options.heloName = u"client.test"_s;
    options.tls = config::TlsMode::Off;
    delivery::SmtpClient client(options);
    QSignalSpy ready(&client, &delivery::SmtpClient::ready);
    client.connectToHost(u"127.0.0.1"_s, hop.serverPort());
    QVERIFY(ready.wait(10000));
    QVERIFY(accepted);
    QCOMPARE(noDelayOf(accepted->peerPort(), hop.serverPort()), std::optional<int>(1));
}

// The same for the replies of the SMTP server (a pipelined group's later replies).
void TestSockets::serverRepliesWithoutNagle()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const int port = freePort();
    const QJsonObject config{
        {u"server"_s, QJsonObject{{u"role"_s, u"mailbox"_s},
                                  {u"domain"_s, u"example.com"_s},
                                  {u"hostname"_s, u"mailbox.example.com"_s},
                                  {u"data_dir"_s, u"data"_s}}},
        {u"smtp"_s,
         QJsonObject{{u"listeners"_s, QJsonArray{QJsonObject{{u"address"_s, u"127.0.0.1"_s},
                                                             {u"port"_s, port},
                                                             {u"mode"_s, u"smtp"_s}}}}}},
        {u"outgoing"_s, QJsonObject{{u"dns_server"_s, u"127.0.0.153"_s}}},
    };
    QFile file(dir.filePath(u"tandem.json"_s));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QJsonDocument(config).toJson());
    file.close();
    const config::LoadResult loaded = config::loadFile(file.fileName());
    QVERIFY2(loaded.ok(), qPrintable(loaded.errors.join(u"; "_s)));
    Engine engine(loaded.settings);
    QString error;
    QVERIFY2(engine.start(&error), qPrintable(error));
    QTcpSocket client;
    client.connectToHost(QHostAddress::LocalHost, quint16(port));
    QVERIFY(client.waitForConnected(10000));
    QTRY_VERIFY_WITH_TIMEOUT(client.canReadLine(), 10000);
    QVERIFY(client.readLine().startsWith("220"));
    QCOMPARE(noDelayOf(quint16(port), client.localPort()), std::optional<int>(1));
    QSignalSpy stopped(&engine, &Engine::stopped);
    engine.stop(1000);
    QVERIFY(stopped.wait(10000));
}

QTEST_GUILESS_MAIN(TestSockets)
#include "tst_sockets.moc"
