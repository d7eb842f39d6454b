#include "smtpclient.h"

#include "dsn.h"
#include "mime7bit.h"
#include "smtp/address.h"

#include "util/fsutil.h"
#include "util/log.h"
#include "util/sendnow.h"

#include <QBuffer>
#include <QRegularExpression>

#include <algorithm>

#include <fcntl.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace tandem::delivery {

namespace {

// RFC 5321 §4.5.3.2: the client's timeouts, in seconds.
constexpr int kGreetingTimeout = 300;
constexpr int kMailTimeout = 300;
constexpr int kRcptTimeout = 300;
constexpr int kDataTimeout = 120;
constexpr int kBlockTimeout = 180;
constexpr int kFinalTimeout = 600;
constexpr int kConnectTimeout = 30;
constexpr int kQuitTimeout = 5; // a failure waits no longer than this for QUIT's reply
constexpr qint64 kBodyChunk = 64 * 1024;
constexpr qint64 kWriteHighWater = 256 * 1024;

ServerReply localReply(int code, const QString &enhanced, const QString &text)
{
    return ServerReply{code, enhanced, text};
}

} // namespace

QString ServerReply::toString() const
{
    QString s = QString::number(code);
    if (!enhanced.isEmpty())
        s += u' ' + enhanced;
    return s + u' ' + text;
}

SmtpClient::SmtpClient(ClientOptions options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_socket(new QTcpSocket(this))
    , m_timer(this)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        if (m_state == State::Handshake)
            return failHandshake(u"timeout"_s);
        if (m_state == State::GivingUp)
            return fail(m_failure);
        const ServerReply r = localReply(451, u"4.4.2"_s, u"timeout talking to %1"_s.arg(m_peer));
        if (m_state >= State::Mail && m_state <= State::Rset)
            finishTransaction(r);
        fail(r);
    });
    connect(m_socket, &QTcpSocket::connected, this, [this] {
        // Commands and the end of a body are small writes that the peer answers: without
        // TCP_NODELAY, Nagle's algorithm holds each one back until the previous segment is
        // acknowledged, and a peer delaying its ACK (40 ms on Linux) stalls every message.
        m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
        expect(State::Greeting, kGreetingTimeout);
    });
    connectSocket();
}

void SmtpClient::connectSocket()
{
    connect(m_socket, &QTcpSocket::readyRead, this, &SmtpClient::onReadyRead);
    if (m_tls) {
        connect(m_tls, &QSslSocket::encrypted, this, [this] {
            // RFC 3207 §4.2: forget what was said before TLS and greet again.
            m_extensions.clear();
            m_authMechanisms.clear();
            command("EHLO " + m_options.heloName.toLatin1(), State::Ehlo, kGreetingTimeout);
        });
        // Certificates are not verified: an encrypted connection to a server with a
        // self-signed certificate (the usual partner machine) is better than a plain one.
        connect(m_tls, &QSslSocket::sslErrors, this, [this] { m_tls->ignoreSslErrors(); });
    }
    connect(m_socket, &QTcpSocket::bytesWritten, this, [this] {
        if (m_state == State::Body && !m_bodyDone && m_socket->bytesToWrite() < kWriteHighWater)
            pumpBody();
    });
    connect(m_socket, &QAbstractSocket::errorOccurred, this, [this](QAbstractSocket::SocketError) {
        if (m_state == State::Closed || m_state == State::Quit)
            return;
        if (m_state == State::Handshake)
            return failHandshake(m_socket->errorString());
        if (m_state == State::GivingUp)
            return fail(m_failure);
        const ServerReply r = localReply(
            451, u"4.4.1"_s, u"connection to %1 failed: %2"_s.arg(m_peer, m_socket->errorString()));
        if (m_state >= State::Mail && m_state <= State::Rset)
            finishTransaction(r);
        fail(r);
    });
    connect(m_socket, &QAbstractSocket::disconnected, this, [this] {
        if (m_state == State::Closed)
            return;
        if (m_state == State::Handshake)
            return failHandshake(u"the server closed the connection"_s);
        if (m_state == State::GivingUp)
            return fail(m_failure);
        if (m_state != State::Quit) {
            const ServerReply r =
                localReply(451, u"4.4.2"_s, u"%1 closed the connection"_s.arg(m_peer));
            if (m_state >= State::Mail && m_state <= State::Rset)
                finishTransaction(r);
            fail(r);
            return;
        }
        m_state = State::Closed;
        m_timer.stop();
        emit closed();
    });
}

bool SmtpClient::moveToTls(QString *error)
{
    // The connection goes on under a QSslSocket of its own, made now: the first one in the
    // process loads the TLS library, which a relay to peers without STARTTLS never needs.
    const int fd = ::fcntl(int(m_socket->socketDescriptor()), F_DUPFD_CLOEXEC, 0);
    if (fd < 0) {
        *error = fsutil::errnoText(errno);
        return false;
    }
    auto *tls = new QSslSocket(this);
    tls->setPeerVerifyMode(QSslSocket::VerifyNone);
    if (!tls->setSocketDescriptor(fd)) {
        *error = tls->errorString();
        delete tls;
        ::close(fd);
        return false;
    }
    tls->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    // Called from the plain socket's readyRead(): it goes later. Closing its descriptor leaves
    // the connection to the duplicate. Whatever the server sent after its 220 is dropped with
    // it, never taken for an answer under TLS (RFC 3207 §4.2).
    m_socket->disconnect(this);
    m_socket->abort();
    m_socket->deleteLater();
    m_socket = tls;
    m_tls = tls;
    m_in.clear();
    connectSocket();
    return true;
}

SmtpClient::~SmtpClient() = default;

void SmtpClient::connectToHost(const QString &address, quint16 port)
{
    m_peer = (m_options.peerName.isEmpty() ? address : m_options.peerName) +
             u"[%1]:%2"_s.arg(address).arg(port);
    m_state = State::Connecting;
    armTimer(kConnectTimeout);
    m_socket->connectToHost(address, port);
}

void SmtpClient::armTimer(int seconds)
{
    m_timer.start(seconds * 1000);
}

void SmtpClient::expect(State next, int timeoutSeconds)
{
    m_state = next;
    armTimer(timeoutSeconds);
}

void SmtpClient::command(const QByteArray &line, State next, int timeoutSeconds)
{
    writeOut(line + "\r\n");
    expect(next, timeoutSeconds);
}

void SmtpClient::writeOut(const QByteArray &bytes)
{
    if (m_tls)
        m_socket->write(bytes);
    else
        util::sendNow(m_socket, bytes);
}

void SmtpClient::onReadyRead()
{
    // What is there, in an array of its size: readAll() reads into 16 KiB and keeps that
    // capacity, which m_in then held for the connection's life (20 connections to a next hop).
    m_in += m_socket->read(m_socket->bytesAvailable());
    for (;;) {
        const qsizetype lf = m_in.indexOf('\n');
        if (lf < 0)
            return;
        QByteArray line = m_in.left(lf);
        m_in.remove(0, lf + 1);
        if (line.endsWith('\r'))
            line.chop(1);
        if (line.size() < 3) {
            fail(localReply(
                451, u"4.5.0"_s,
                u"%1 sent a malformed reply: %2"_s.arg(m_peer, QString::fromLatin1(line))));
            return;
        }
        m_replyLines.append(QString::fromLatin1(line.mid(4)));
        if (line.size() > 3 && line.at(3) == '-')
            continue;
        ServerReply reply;
        bool ok = false;
        reply.code = line.left(3).toInt(&ok);
        if (!ok || reply.code < 200 || reply.code > 599) {
            fail(localReply(
                451, u"4.5.0"_s,
                u"%1 sent a malformed reply: %2"_s.arg(m_peer, QString::fromLatin1(line))));
            return;
        }
        static const QRegularExpression enhanced(u"^([245]\\.\\d{1,3}\\.\\d{1,3})\\s*"_s);
        const QStringList lines = std::exchange(m_replyLines, {});
        QString first = lines.value(0);
        const auto m = enhanced.match(first);
        if (m.hasMatch()) {
            reply.enhanced = m.captured(1);
            first = first.mid(m.capturedLength());
        }
        QStringList texts = lines;
        if (!texts.isEmpty())
            texts[0] = first;
        reply.text = texts.join(u' ').trimmed();
        if (m_state == State::Ehlo)
            m_replyLines = lines; // onEhloReply reads the extension lines
        m_timer.stop();
        onReply(reply);
        m_replyLines.clear();
        if (m_state == State::Closed)
            return;
    }
}

void SmtpClient::onReply(const ServerReply &reply)
{
    switch (m_state) {
    case State::Greeting:
        if (reply.code != 220)
            return giveUp(reply); // RFC 5321 §3.1: QUIT after a 554 greeting
        command("EHLO " + m_options.heloName.toLatin1(), State::Ehlo, kGreetingTimeout);
        return;
    case State::Ehlo:
        return onEhloReply(reply);
    case State::Helo:
        if (!reply.isPositive())
            return giveUp(reply);
        return afterEhlo();
    case State::StartTls:
        if (reply.code == 220) {
            QString error;
            if (!moveToTls(&error))
                return fail(localReply(451, u"4.4.1"_s,
                                       u"cannot start TLS with %1: %2"_s.arg(m_peer, error)));
            m_state = State::Handshake;
            armTimer(kGreetingTimeout);
            m_tls->startClientEncryption();
            return;
        }
        if (m_options.tls == config::TlsMode::Required)
            return giveUp(localReply(451, u"4.7.0"_s,
                                     u"%1 refused STARTTLS, which this route requires: %2"_s.arg(
                                         m_peer, reply.toString())));
        // RFC 3207 §4.1: after a refusal the session may go on in clear text.
        log::warning(u"outbox"_s, u"%1 refused STARTTLS (%2); going on in clear text"_s.arg(
                                      m_peer, reply.toString()));
        return afterEhlo();
    case State::AuthPlain:
    case State::AuthLoginPassword:
        if (reply.code != 235)
            return giveUp(ServerReply{reply.code < 500 ? reply.code : 454, reply.enhanced,
                                      u"authentication failed: "_s + reply.text});
        m_state = State::Ready;
        emit ready();
        return;
    case State::AuthLogin:
        if (reply.code != 334)
            return giveUp(reply);
        command(m_options.username.toUtf8().toBase64(), State::AuthLoginUser, kMailTimeout);
        return;
    case State::AuthLoginUser:
        if (reply.code != 334)
            return giveUp(reply);
        command(m_options.password.toUtf8().toBase64(), State::AuthLoginPassword, kMailTimeout);
        return;
    case State::Mail:
    case State::Rcpt:
    case State::Data:
    case State::Body:
    case State::Rset:
        return onTransactionReply(reply);
    case State::Quit:
        m_socket->disconnectFromHost();
        return;
    case State::GivingUp:
        return fail(m_failure);
    default:
        return;
    }
}

void SmtpClient::onEhloReply(const ServerReply &reply)
{
    if (reply.code == 500 || reply.code == 502) {
        // No ESMTP: try HELO (RFC 5321 §3.2).
        command("HELO " + m_options.heloName.toLatin1(), State::Helo, kGreetingTimeout);
        return;
    }
    if (!reply.isPositive())
        return giveUp(reply);
    // The first line is the greeting; each further line one extension.
    for (qsizetype i = 1; i < m_replyLines.size(); ++i) {
        const QStringList words = m_replyLines.at(i).split(u' ', Qt::SkipEmptyParts);
        if (words.isEmpty())
            continue;
        const QString keyword = words.first().toUpper();
        m_extensions.insert(keyword);
        if (keyword == u"AUTH"_s)
            m_authMechanisms = words.mid(1);
        else if (keyword == u"SIZE"_s && words.size() > 1)
            m_maxSize = words.at(1).toLongLong();
    }
    afterEhlo();
}

void SmtpClient::afterEhlo()
{
    if (!tlsActive() && m_options.tls != config::TlsMode::Off) {
        if (m_extensions.contains(u"STARTTLS"_s) && !m_triedTls && QSslSocket::supportsSsl() &&
            !(m_options.skipStartTls && m_options.tls == config::TlsMode::Opportunistic)) {
            m_triedTls = true;
            command("STARTTLS", State::StartTls, kGreetingTimeout);
            return;
        }
        if (m_options.tls == config::TlsMode::Required)
            return giveUp(
                localReply(451, u"4.7.0"_s,
                           u"%1 does not offer STARTTLS, which this route requires"_s.arg(m_peer)));
    }
    if (!m_options.username.isEmpty())
        return startAuth();
    m_state = State::Ready;
    emit ready();
}

void SmtpClient::startAuth()
{
    if (!tlsActive() && m_options.tls != config::TlsMode::Off)
        return giveUp(
            localReply(451, u"4.7.0"_s, u"not sending a password to %1 without TLS"_s.arg(m_peer)));
    if (m_options.password.isEmpty())
        return giveUp(localReply(451, u"4.7.0"_s,
                                 u"no password for %1 (keychain or secrets file)"_s.arg(m_peer)));
    const auto offers = [this](const QString &m) {
        return m_authMechanisms.contains(m, Qt::CaseInsensitive);
    };
    if (offers(u"PLAIN"_s)) {
        const QByteArray token =
            '\0' + m_options.username.toUtf8() + '\0' + m_options.password.toUtf8();
        command("AUTH PLAIN " + token.toBase64(), State::AuthPlain, kMailTimeout);
    } else if (offers(u"LOGIN"_s)) {
        command("AUTH LOGIN", State::AuthLogin, kMailTimeout);
    } else {
        giveUp(
            localReply(451, u"4.7.0"_s, u"%1 offers neither AUTH PLAIN nor LOGIN"_s.arg(m_peer)));
    }
}

void SmtpClient::send(const ClientJob &job)
{
    m_job = job;
    m_result = ClientResult{};
    m_result.relayedWithoutDsn = !m_extensions.contains(u"DSN"_s);
    m_rcptIndex = 0;
    m_mailOk = false;
    m_acceptedRecipients = 0;
    m_abandoned.reset();
    // The message is opened before MAIL: a transaction is never started for a message that
    // cannot be read (it would end in an aborted DATA, again and again).
    auto file = std::make_unique<QFile>(m_job.messagePath);
    if (!file->open(QIODevice::ReadOnly)) {
        m_result.unreadableMessage = true;
        const QString why = u"cannot read %1: %2"_s.arg(m_job.messagePath, file->errorString());
        finishTransaction(localReply(451, u"4.3.0"_s, why));
        return;
    }
    m_body = std::move(file);
    // Our own notices to a UTF-8 address need SMTPUTF8 as much as the mail we received with it.
    m_job.smtpUtf8 =
        m_job.smtpUtf8 || !smtp::isAscii(m_job.sender) ||
        std::any_of(m_job.recipients.begin(), m_job.recipients.end(),
                    [](const ClientRecipient &r) { return !smtp::isAscii(r.address); });
    if (m_job.smtpUtf8 && !m_extensions.contains(u"SMTPUTF8"_s) && !withoutSmtpUtf8())
        return;
    if (m_job.eightBit && !m_extensions.contains(u"8BITMIME"_s)) {
        // RFC 6152 §3: 8-bit data only to a server that offers 8BITMIME; others get the
        // message converted, or it is returned (5.6.3).
        const QByteArray original = m_body->readAll();
        QString why;
        bool loadError = false;
        auto converted = hasEightBit(original) ? downgradeTo7bit(original, &why, &loadError)
                                               : std::optional<QByteArray>(original);
        if (!converted && loadError) {
            // This installation's fault (its MIME module), not the message's: tried again.
            m_body.reset();
            finishTransaction(localReply(451, u"4.3.0"_s,
                                         u"cannot convert the message to 7 bit "
                                         u"for %1: %2"_s.arg(m_peer, why)));
            return;
        }
        if (!converted) {
            m_body.reset();
            finishTransaction(
                localReply(554, u"5.6.3"_s,
                           u"%1 does not accept 8-bit data (no 8BITMIME) and the message cannot be "
                           u"converted: %2"_s.arg(m_peer, why)));
            return;
        }
        m_job.eightBit = false;
        m_job.size = converted->size();
        auto buffer = std::make_unique<QBuffer>();
        buffer->setData(*converted);
        buffer->open(QIODevice::ReadOnly);
        m_body = std::move(buffer);
    }
    if (m_maxSize > 0 && job.size > m_maxSize) {
        finishTransaction(localReply(
            552, u"5.3.4"_s,
            u"message of %1 bytes exceeds %2's limit of %3"_s.arg(job.size).arg(m_peer).arg(
                m_maxSize)));
        return;
    }
    sendTransaction();
}

// RFC 6531 §3.2: a server without SMTPUTF8 cannot take UTF-8 in the envelope or the header.
// When the sender or the header has some, the message is returned (5.6.7, Postfix's way);
// otherwise only the recipients with UTF-8 addresses are, and the others are sent plainly.
bool SmtpClient::withoutSmtpUtf8()
{
    const QString why = u"%1 does not offer SMTPUTF8, which %2 needs"_s;
    if (!smtp::isAscii(m_job.sender) || hasEightBit(readHeaderSection(m_job.messagePath))) {
        m_body.reset();
        finishTransaction(localReply(554, u"5.6.7"_s,
                                     why.arg(m_peer, smtp::isAscii(m_job.sender)
                                                         ? u"the message's UTF-8 header"_s
                                                         : u"the sender's UTF-8 address"_s)));
        return false;
    }
    QList<ClientRecipient> plain;
    for (const ClientRecipient &r : std::as_const(m_job.recipients)) {
        if (smtp::isAscii(r.address))
            plain.append(r);
        else
            m_result.recipients.insert(
                r.address, localReply(553, u"5.6.7"_s, why.arg(m_peer, u"this UTF-8 address"_s)));
    }
    if (plain.isEmpty()) {
        m_body.reset();
        finishTransaction(localReply(553, u"5.6.7"_s, why.arg(m_peer, u"this UTF-8 address"_s)));
        return false;
    }
    m_job.recipients = plain;
    m_job.smtpUtf8 = false;
    return true;
}

void SmtpClient::sendTransaction()
{
    const bool dsn = m_extensions.contains(u"DSN"_s);
    QByteArray mail = "MAIL FROM:<" + m_job.sender.toUtf8() + ">";
    if (m_extensions.contains(u"SIZE"_s))
        mail += " SIZE=" + QByteArray::number(m_job.size);
    if (m_job.eightBit && m_extensions.contains(u"8BITMIME"_s))
        mail += " BODY=8BITMIME";
    if (m_job.smtpUtf8 && m_extensions.contains(u"SMTPUTF8"_s))
        mail += " SMTPUTF8";
    if (dsn && !m_job.ret.isEmpty())
        mail += " RET=" + m_job.ret.toLatin1();
    if (dsn && !m_job.envid.isEmpty())
        mail += " ENVID=" + m_job.envid.toLatin1();
    if (m_extensions.contains(u"XHANDOVER"_s) && !m_job.handover.isEmpty())
        mail += " XHANDOVER=" + m_job.handover.toLatin1();
    QList<QByteArray> rcpts;
    for (const ClientRecipient &r : std::as_const(m_job.recipients))
        rcpts.append(rcptLine(r));
    if (m_extensions.contains(u"PIPELINING"_s)) {
        // RFC 2920: MAIL, every RCPT and DATA (the last command of a group, §3.1) in one go;
        // the replies come back in order. One round trip fewer per message than waiting for
        // the RCPT replies before DATA.
        QByteArray all = mail + "\r\n";
        for (const QByteArray &r : std::as_const(rcpts))
            all += r + "\r\n";
        all += "DATA\r\n";
        writeOut(all);
        m_pendingReplies = int(rcpts.size()) + 2;
        expect(State::Mail, kMailTimeout);
    } else {
        m_pendingReplies = 1;
        command(mail, State::Mail, kMailTimeout);
    }
}

QByteArray SmtpClient::rcptLine(const ClientRecipient &r) const
{
    QByteArray line = "RCPT TO:<" + r.address.toUtf8() + ">";
    if (m_extensions.contains(u"DSN"_s) && !r.notify.isEmpty())
        line += " NOTIFY=" + r.notify.toLatin1();
    if (m_extensions.contains(u"DSN"_s) && !r.orcpt.isEmpty())
        line += " ORCPT=" + r.orcpt.toLatin1();
    return line;
}

void SmtpClient::onTransactionReply(const ServerReply &reply)
{
    const bool pipelined = m_extensions.contains(u"PIPELINING"_s);
    switch (m_state) {
    case State::Mail:
        m_mailOk = reply.isPositive();
        if (!m_mailOk) {
            m_result.reply = reply;
            if (pipelined && m_pendingReplies > 1) {
                // The RCPT replies still come; they do not matter any more.
                m_pendingReplies -= 1;
                m_state = State::Rcpt;
                m_rcptIndex = int(m_job.recipients.size()); // ignore them
                return;
            }
            finishTransaction(reply);
            return;
        }
        --m_pendingReplies;
        m_state = State::Rcpt;
        if (!pipelined)
            command(rcptLine(m_job.recipients.at(0)), State::Rcpt, kRcptTimeout);
        else
            armTimer(kRcptTimeout);
        return;
    case State::Rcpt: {
        if (m_rcptIndex < m_job.recipients.size()) {
            const ClientRecipient &r = m_job.recipients.at(m_rcptIndex);
            if (reply.isPositive())
                ++m_acceptedRecipients;
            else
                m_result.recipients.insert(r.address, reply);
        }
        ++m_rcptIndex;
        m_lastRcptReply = reply;
        if (pipelined) {
            // The DATA reply comes last.
            if (--m_pendingReplies > 1) {
                armTimer(kRcptTimeout);
                return;
            }
            expect(State::Data, kDataTimeout);
            return;
        } else if (m_rcptIndex < m_job.recipients.size()) {
            command(rcptLine(m_job.recipients.at(m_rcptIndex)), State::Rcpt, kRcptTimeout);
            return;
        }
        if (!m_mailOk) {
            finishTransaction(m_result.reply);
            return;
        }
        if (m_acceptedRecipients == 0) {
            // Every recipient refused: end the transaction, the connection stays usable.
            m_result.reply = reply;
            command("RSET", State::Rset, kMailTimeout);
            return;
        }
        command("DATA", State::Data, kDataTimeout);
        return;
    }
    case State::Data:
        if (pipelined && (!m_mailOk || m_acceptedRecipients == 0)) {
            // Refused before DATA: that refusal, not DATA's (RFC 2920 §3.1: a 503/554 here).
            const ServerReply why = m_mailOk ? m_lastRcptReply : m_result.reply;
            if (reply.code == 354) {
                // A server that takes DATA without a recipient: an empty body ends it.
                m_abandoned = why;
                m_bodyDone = true;
                m_body.reset();
                command(".", State::Body, kFinalTimeout);
                return;
            }
            finishTransaction(why);
            return;
        }
        if (reply.code != 354) {
            finishTransaction(reply);
            return;
        }
        m_bodyAtLineStart = true;
        m_bodyDone = false;
        m_state = State::Body;
        pumpBody();
        return;
    case State::Body:
        finishTransaction(m_abandoned.value_or(reply));
        return;
    case State::Rset:
        // Ends a transaction that was refused (its result is complete) or that had no
        // recipient left; the RSET reply itself changes nothing.
        for (const ClientRecipient &r : std::as_const(m_job.recipients)) {
            if (!m_result.recipients.contains(r.address))
                m_result.recipients.insert(r.address, m_result.reply);
        }
        m_state = State::Ready;
        emit transactionFinished(m_result);
        return;
    default:
        return;
    }
}

void SmtpClient::pumpBody()
{
    while (!m_bodyDone && m_socket->bytesToWrite() < kWriteHighWater) {
        QByteArray chunk = m_body->read(kBodyChunk);
        if (chunk.isEmpty()) {
            QByteArray end = m_bodyAtLineStart ? QByteArray() : QByteArray("\r\n");
            writeOut(end + ".\r\n");
            m_bodyDone = true;
            m_body.reset();
            armTimer(kFinalTimeout);
            return;
        }
        // Dot-stuffing (RFC 5321 §4.5.2), across chunk boundaries too.
        if (m_bodyAtLineStart && chunk.startsWith('.'))
            chunk.prepend('.');
        chunk.replace("\n.", "\n..");
        m_bodyAtLineStart = chunk.endsWith('\n');
        writeOut(chunk);
        armTimer(kBlockTimeout);
    }
}

void SmtpClient::finishTransaction(const ServerReply &reply)
{
    // The reply stands for every recipient that has none of its own (refused at RCPT).
    m_result.reply = reply;
    for (const ClientRecipient &r : std::as_const(m_job.recipients)) {
        if (!m_result.recipients.contains(r.address))
            m_result.recipients.insert(r.address, reply);
    }
    m_body.reset();
    const bool connected = m_socket->state() == QAbstractSocket::ConnectedState;
    if (connected && (m_state == State::Mail || m_state == State::Rcpt || m_state == State::Data)) {
        // A refused MAIL or DATA: reset before the connection carries the next transaction.
        command("RSET", State::Rset, kMailTimeout);
        return;
    }
    if (connected && m_state != State::Closed)
        m_state = State::Ready;
    emit transactionFinished(m_result);
}

void SmtpClient::fail(const ServerReply &reply)
{
    if (m_state == State::Closed)
        return;
    const bool saidQuit = m_state == State::GivingUp;
    m_state = State::Closed;
    m_timer.stop();
    if (saidQuit)
        m_socket->disconnectFromHost(); // nothing is left to say: a plain close
    if (m_socket->state() != QAbstractSocket::UnconnectedState)
        m_socket->abort();
    // After QUIT, whatever ended the wait, the reason is the one that made us give up.
    emit failed(saidQuit ? m_failure : reply);
}

void SmtpClient::giveUp(const ServerReply &reply)
{
    if (m_state == State::Closed || m_state == State::GivingUp)
        return;
    m_failure = reply;
    command("QUIT", State::GivingUp, kQuitTimeout);
}

// Whatever broke the handshake, the reply says TLS failed (4.7.5 "cryptographic failure", as
// Postfix answers) and tlsError() keeps the cause for the caller's decision and log line.
void SmtpClient::failHandshake(const QString &why)
{
    m_tlsError = why;
    fail(localReply(451, u"4.7.5"_s, u"TLS handshake with %1 failed: %2"_s.arg(m_peer, why)));
}

void SmtpClient::quit()
{
    if (m_state != State::Ready) {
        fail(localReply(421, u"4.4.2"_s, u"closed"_s));
        return;
    }
    command("QUIT", State::Quit, 10);
}

} // namespace tandem::delivery
