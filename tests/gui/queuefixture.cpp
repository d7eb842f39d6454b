#include "queuefixture.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTcpServer>
#include <QTcpSocket>

using namespace Qt::StringLiterals;

namespace tandem::test {

int freePort()
{
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost, 0))
        return 0;
    return server.serverPort();
}

bool makeEncryptedCertificate(const QString &certificatePath, const QString &keyPath,
                              const QString &cn, const QString &passphrase, QString *error)
{
    QProcess openssl;
    openssl.setProcessChannelMode(QProcess::MergedChannels);
    openssl.start(u"openssl"_s,
                  {u"req"_s, u"-x509"_s, u"-newkey"_s, u"rsa:2048"_s, u"-sha256"_s, u"-days"_s,
                   u"30"_s, u"-subj"_s, u"/CN="_s + cn, u"-passout"_s, u"pass:"_s + passphrase,
                   u"-keyout"_s, keyPath, u"-out"_s, certificatePath});
    if (!openssl.waitForFinished(60000) || openssl.exitCode() != 0) {
        *error = u"openssl: "_s + QString::fromLocal8Bit(openssl.readAll()) + openssl.errorString();
        return false;
    }
    return true;
}

bool QueueFixture::init(QString *error)
{
    if (!m_dir.isValid()) {
        *error = u"no temporary folder: "_s + m_dir.errorString();
        return false;
    }
    m_smtpPort = freePort();
    const int deadPort = freePort(); // nothing listens there: entries stay deferred
    const QJsonObject config{
        {u"server"_s, QJsonObject{{u"role"_s, u"mailbox"_s},
                                  {u"domain"_s, u"example.com"_s},
                                  {u"hostname"_s, u"mailbox.example.com"_s},
                                  {u"data_dir"_s, u"data"_s}}},
        {u"smtp"_s,
         QJsonObject{{u"listeners"_s, QJsonArray{QJsonObject{{u"address"_s, u"127.0.0.1"_s},
                                                             {u"port"_s, m_smtpPort},
                                                             {u"mode"_s, u"smtp"_s}}}},
                     {u"relay_networks"_s, QJsonArray{u"127.0.0.1/32"_s}}}},
        {u"outgoing"_s,
         QJsonObject{{u"static_routes"_s, QJsonArray{QJsonObject{{u"domains"_s, QJsonArray{u"*"_s}},
                                                                 {u"host"_s, u"127.0.0.1"_s},
                                                                 {u"port"_s, deadPort}}}}}},
        {u"mailboxes"_s,
         QJsonObject{{u"users"_s, QJsonArray{QJsonObject{{u"name"_s, u"alice"_s}}}}}},
    };
    const QString path = m_dir.filePath(u"tandem.json"_s);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(QJsonDocument(config).toJson()) < 0) {
        *error = file.errorString();
        return false;
    }
    file.close();
    const config::LoadResult loaded = config::loadFile(path);
    if (!loaded.ok()) {
        *error = loaded.errors.join(u"; "_s);
        return false;
    }
    m_settings = loaded.settings;
    return true;
}

QString QueueFixture::outboxDir() const
{
    return m_settings.dataPath() + u"/spool/outbox"_s;
}

bool QueueFixture::outboxHasFiles(const QString &entryId) const
{
    return !QDir(outboxDir()).entryList({entryId + u".*"_s}, QDir::Files).isEmpty();
}

namespace {

// Reads one (possibly multi-line) reply; returns its code, or 0 on timeout.
int readReply(QTcpSocket &socket, QString *text)
{
    text->clear();
    while (true) {
        while (!socket.canReadLine()) {
            if (!socket.waitForReadyRead(10000))
                return 0;
        }
        const QString line = QString::fromLatin1(socket.readLine()).trimmed();
        text->append(line + u'\n');
        if (line.size() < 4 || line.at(3) != u'-')
            return line.left(3).toInt();
    }
}

} // namespace

bool sendMessage(int port, const QString &from, const QString &to, const QString &subject,
                 QString *error, qint64 padBytes)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, quint16(port));
    if (!socket.waitForConnected(10000)) {
        *error = u"connect: "_s + socket.errorString();
        return false;
    }
    QString reply;
    const auto expect = [&](int code, const QByteArray &command) {
        if (!command.isEmpty()) {
            socket.write(command);
            socket.flush();
        }
        const int got = readReply(socket, &reply);
        if (got != code) {
            *error = u"after %1: expected %2, got %3"_s.arg(
                QString::fromLatin1(command.left(40)).trimmed(), QString::number(code), reply);
            return false;
        }
        return true;
    };
    QByteArray padding;
    for (qint64 n = 0; n < padBytes; n += 78)
        padding += QByteArray(76, 'x') + "\r\n";
    const QByteArray body =
        "From: <" + from.toLatin1() + ">\r\nTo: <" + to.toLatin1() +
        ">\r\nSubject: " + subject.toUtf8() + "\r\nMessage-ID: <" + subject.toLatin1().toHex() +
        "@client.test>\r\n\r\nHello from the queue test.\r\n" + padding + ".\r\n";
    return expect(220, {}) && expect(250, "EHLO client.test\r\n") &&
           expect(250, "MAIL FROM:<" + from.toLatin1() + ">\r\n") &&
           expect(250, "RCPT TO:<" + to.toLatin1() + ">\r\n") && expect(354, "DATA\r\n") &&
           expect(250, body) && expect(221, "QUIT\r\n");
}

} // namespace tandem::test
