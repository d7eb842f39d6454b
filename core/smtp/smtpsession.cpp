#include "smtpsession.h"

#include "address.h"
#include "authguard.h"
#include "command.h"
#include "delivery/mime7bit.h"
#include "mail/headers.h"
#include "mailbox/mailboxsize.h"
#include "ratelimit.h"
#include "routing/router.h"
#include "spool/spool.h"
#include "tlscontext.h"
#include "tlsrelay.h"
#include "util/diskspace.h"
#include "util/fsutil.h"
#include "util/log.h"
#include "util/sendnow.h"

#include <QDateTime>
#include <QLocale>
#include <QSocketNotifier>
#include <QSslCipher>
#include <QSslSocket>
#include <QTimer>
#include <QUtf8StringView>

#include <atomic>
#include <cctype>
#include <cerrno>
#include <optional>

#include <fcntl.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace tandem::smtp {

namespace {

// The session's protocol, as OpenSSL names it. The cipher's protocolString() is the version
// that defined the suite: "SSLv3" for most TLS 1.2 sessions.
QString protocolName(QSsl::SslProtocol protocol)
{
    switch (protocol) {
    case QSsl::TlsV1_2:
        return u"TLSv1.2"_s;
    case QSsl::TlsV1_3:
        return u"TLSv1.3"_s;
    default: // older versions are refused (QSsl::TlsV1_2OrLater)
        return u"TLS (version %1)"_s.arg(int(protocol));
    }
}

// Bytes Qt reads ahead of the session, in every phase: while the session does not consume
// input (a commit, a password check, the failure delay, a TLS handshake) the rest waits in the
// kernel, not in our memory, and a flood without line ends is dropped in pieces this size.
constexpr qsizetype kMaxBufferedInput = 64 * 1024;

// Printable ASCII (and tab); with allowUtf8, also well-formed UTF-8 (RFC 6531: addresses).
bool isCleanCommand(const QByteArray &line, bool allowUtf8)
{
    bool nonAscii = false;
    for (const char c : line) {
        const auto u = static_cast<unsigned char>(c);
        if (u < 32 || u == 127) {
            if (c != '\t')
                return false;
        } else if (u > 127) {
            nonAscii = true;
        }
    }
    return !nonAscii || (allowUtf8 && QUtf8StringView(line).isValidUtf8());
}

QByteArray rfc5322Date(const QDateTime &t)
{
    return QLocale::c().toString(t.toUTC(), u"ddd, dd MMM yyyy hh:mm:ss"_s).toLatin1() + " +0000";
}

// RFC 3461 §4: xtext is printable ASCII but "+" and "=", with "+XX" hex escapes.
bool isXtext(const QByteArray &text)
{
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char c = text.at(i);
        if (c == '+') {
            if (i + 2 >= text.size() ||
                !std::isxdigit(static_cast<unsigned char>(text.at(i + 1))) ||
                !std::isxdigit(static_cast<unsigned char>(text.at(i + 2))))
                return false;
            i += 2;
        } else if (c < 33 || c > 126 || c == '=') {
            return false;
        }
    }
    return !text.isEmpty();
}

bool startsWithField(const QByteArray &line, const char *field, qsizetype length)
{
    return line.size() >= length && qstrnicmp(line.constData(), field, length) == 0;
}

} // namespace

const SmtpSession::CommandSpec SmtpSession::kCommands[] = {
    {"EHLO", &SmtpSession::checkHelo, &SmtpSession::doEhlo},
    {"HELO", &SmtpSession::checkHelo, &SmtpSession::doHelo},
    {"MAIL", &SmtpSession::checkMail, &SmtpSession::doMail},
    {"RCPT", &SmtpSession::checkRcpt, &SmtpSession::doRcpt},
    {"DATA", &SmtpSession::checkData, &SmtpSession::doData},
    {"RSET", &SmtpSession::checkNoArgument, &SmtpSession::doRset},
    {"NOOP", &SmtpSession::checkAny, &SmtpSession::doNoop},
    {"VRFY", &SmtpSession::checkVrfy, &SmtpSession::doVrfy},
    {"HELP", &SmtpSession::checkAny, &SmtpSession::doHelp},
    {"QUIT", &SmtpSession::checkNoArgument, &SmtpSession::doQuit},
    // Known but not offered: answered 502 so a client knows it is not a typing error. BDAT
    // (CHUNKING) is not announced, and must not be accepted unannounced.
    {"EXPN", &SmtpSession::checkAny, &SmtpSession::doNotImplemented},
    {"BDAT", &SmtpSession::checkAny, &SmtpSession::doNotImplemented},
    {"STARTTLS", &SmtpSession::checkStartTls, &SmtpSession::doStartTls},
    {"AUTH", &SmtpSession::checkAuth, &SmtpSession::doAuth},
    {"ETRN", &SmtpSession::checkAny, &SmtpSession::doNotImplemented},
    {"TURN", &SmtpSession::checkAny, &SmtpSession::doNotImplemented},
};

SmtpSession::SmtpSession(QTcpSocket *socket, SessionContext context, QObject *parent)
    : QObject(parent)
    , m_socket(socket)
    , m_ctx(std::move(context))
{
    m_socket->setParent(this);
    if (m_socket->socketDescriptor() >= 0)
        m_lateFd = ::fcntl(int(m_socket->socketDescriptor()), F_DUPFD_CLOEXEC, 0);
    m_peer = m_socket->peerAddress();
    bool isV4 = false;
    const quint32 v4 = m_peer.toIPv4Address(&isV4);
    if (isV4)
        m_peer = QHostAddress(v4);
    m_peerText = m_peer.toString();
    static std::atomic<quint64> sessions{0};
    m_id = u"S"_s + QString::number(++sessions);
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        if (m_committing)
            return; // waiting for our own disk, not for the client
        note(log::Level::Info, u"timeout, closing connection from %1"_s.arg(m_peerText));
        reply(replies::timeout());
        closeConnection();
    });
    if (m_ctx.verifier)
        connect(m_ctx.verifier, &PasswordVerifier::verified, this, &SmtpSession::onVerified);
    connectSocket();
}

void SmtpSession::connectSocket()
{
    m_socket->setReadBufferSize(kMaxBufferedInput); // QSslSocket bounds its TCP socket's too
    connect(m_socket, &QTcpSocket::readyRead, this, &SmtpSession::onReadyRead);
    if (m_tls) {
        connect(m_tls, &QSslSocket::encrypted, this, [this] {
            note(log::Level::Info,
                 u"TLS with %1: %2, %3"_s.arg(m_peerText, protocolName(m_tls->sessionProtocol()),
                                              m_tls->sessionCipher().name()));
            if (m_ctx.listener.mode == config::ListenerMode::Smtps && m_helo.isEmpty() &&
                !m_greeted)
                greet();
            resumeInput();
        });
    }
    connect(m_socket, &QTcpSocket::errorOccurred, this, [this](QAbstractSocket::SocketError e) {
        // The client's close_notify, after what it sent before: nothing more comes over TLS,
        // and Qt's socket still encrypts what we write (TLS 1.3 says so; OpenSSL does it for
        // 1.2 too). Qt says so from inside any read or flush, and again on every later one:
        // taken once, from the event loop.
        if (e == QAbstractSocket::RemoteHostClosedError && encrypted() &&
            m_socket->state() == QAbstractSocket::ConnectedState)
            QMetaObject::invokeMethod(this, &SmtpSession::onInputEnded, Qt::QueuedConnection);
    });
    connect(m_socket, &QTcpSocket::disconnected, this, &SmtpSession::onDisconnected);
}

void SmtpSession::onDisconnected()
{
    if (m_phase != Phase::Closed && m_lateFd >= 0)
        return onInputEnded();
    releaseLateFd();
    if (m_committing)
        return; // the commit's answer finishes the session
    setPhase(Phase::Closed);
    emitClosedOnce();
}

void SmtpSession::reapIfGone()
{
    const qintptr fd = m_socket->socketDescriptor();
    if (m_closedEmitted || m_inputEnded || fd < 0 || encrypted())
        return;
    char byte;
    const ssize_t n = ::recv(int(fd), &byte, 1, MSG_PEEK | MSG_DONTWAIT);
    if (n == 0 || (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR)) {
        // Nothing left to read and the client is gone: what Qt holds is answered as usual.
        m_socket->disconnect(this); // its own disconnected() comes later, or never
        onDisconnected();
    }
}

SmtpSession::~SmtpSession()
{
    releaseLateFd();
}

QString SmtpSession::toString(Phase phase)
{
    switch (phase) {
    case Phase::Command:
        return u"command"_s;
    case Phase::Data:
        return u"data"_s;
    case Phase::Waiting:
        return u"waiting"_s;
    case Phase::Closed:
        return u"closed"_s;
    }
    return {};
}

void SmtpSession::start()
{
    note(log::Level::Info, u"connection from %1 on %2 port %3"_s.arg(m_peerText)
                               .arg(m_ctx.listener.address)
                               .arg(m_ctx.listener.port));
    restartTimer();
    if (m_ctx.listener.mode == config::ListenerMode::Smtps) {
        // RFC 8314: TLS from the first byte; the greeting comes once it is up.
        if (!relayTls()) {
            setPhase(Phase::Closed);
            m_socket->abort();
            emitClosedOnce();
            return;
        }
        startTls();
        return;
    }
    greet();
}

bool SmtpSession::encrypted() const
{
    return m_tls && m_tls->isEncrypted();
}

void SmtpSession::startTls()
{
    flush(); // STARTTLS's 220, in clear text, is the pair's first byte
    pauseInput();
    m_tls->setSslConfiguration(m_ctx.tls->configuration());
    m_tls->startServerEncryption();
}

bool SmtpSession::relayTls()
{
    // The old socket must hold nothing unwritten: it is closed at once.
    int pair[2];
    if (m_lateFd < 0 || m_socket->bytesToWrite() > 0 ||
        ::socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0, pair) != 0) {
        const QString why = m_lateFd < 0                   ? u"no descriptor"_s
                            : m_socket->bytesToWrite() > 0 ? u"replies not yet written"_s
                                                           : fsutil::errnoText(errno);
        note(log::Level::Warning, u"cannot start TLS with %1: %2"_s.arg(m_peerText, why));
        return false;
    }
    // The first QSslSocket of the process loads the TLS library: a session that never starts
    // TLS works on a plain QTcpSocket and costs none of it.
    auto *socket = new QSslSocket(this);
    if (!socket->setSocketDescriptor(pair[0])) {
        note(log::Level::Warning,
             u"cannot start TLS with %1: %2"_s.arg(m_peerText, socket->errorString()));
        delete socket;
        ::close(pair[0]);
        ::close(pair[1]);
        return false;
    }
    // The relay outlives the session: it delivers what Qt wrote last after Qt has closed.
    auto *relay = new TlsRelay(std::exchange(m_lateFd, -1), pair[1], parent());
    connect(relay, &TlsRelay::inputEnded, this, &SmtpSession::onInputEnded);
    // Called from the old socket's readyRead() (STARTTLS): it goes later. Its descriptor only
    // closes; the relay's duplicate keeps the connection.
    m_socket->disconnect(this);
    m_socket->abort();
    m_socket->deleteLater();
    m_socket = socket;
    m_tls = socket;
    connectSocket();
    return true;
}

void SmtpSession::greet()
{
    m_greeted = true;
    replyRaw("220 " + m_ctx.settings->server.hostname.toLatin1() + " ESMTP Tandem\r\n");
    flush();
}

void SmtpSession::shutdown()
{
    m_shuttingDown = true;
    if (m_phase == Phase::Command && !m_inTransaction) {
        reply(replies::shuttingDown());
        closeConnection();
    }
}

void SmtpSession::setPhase(Phase phase)
{
    if (phase == m_phase)
        return;
    note(log::Level::Debug, u"%1: %2 -> %3"_s.arg(m_peerText, toString(m_phase), toString(phase)));
    m_phase = phase;
}

void SmtpSession::pauseInput()
{
    setPhase(Phase::Waiting);
}

void SmtpSession::resumeInput()
{
    setPhase(Phase::Command);
    restartTimer();
    // What arrived meanwhile is not announced again by readyRead(). After the end of input
    // it is all in m_in already.
    receive(m_inputEnded ? QByteArray() : m_socket->readAll());
}

void SmtpSession::onInputEnded()
{
    if (m_inputEnded || m_phase == Phase::Closed)
        return;
    note(log::Level::Debug, u"%1 ended its input"_s.arg(m_peerText));
    m_inputEnded = true;
    m_timer.stop();
    if (m_tls && !m_tls->isEncrypted() && m_socket->state() == QAbstractSocket::ConnectedState) {
        note(log::Level::Info, u"%1 ended its input during the TLS handshake"_s.arg(m_peerText));
        closeConnection(); // the handshake cannot finish
        return;
    }
    // Bytes Qt read before the end are still to be answered; a commit or a password check in
    // progress finishes first and then reads them (resumeInput), and processInput() closes
    // once they are used up.
    receive(m_socket->bytesAvailable() > 0 ? m_socket->readAll() : QByteArray());
}

void SmtpSession::writeLate()
{
    while (!m_late.isEmpty() && m_lateFd >= 0) {
        const ssize_t n = ::send(m_lateFd, m_late.constData(), size_t(m_late.size()),
                                 MSG_NOSIGNAL | MSG_DONTWAIT);
        if (n > 0) {
            m_late.remove(0, n);
            continue;
        }
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
            if (!m_lateNotifier) {
                m_lateNotifier = new QSocketNotifier(m_lateFd, QSocketNotifier::Write, this);
                connect(m_lateNotifier, &QSocketNotifier::activated, this, &SmtpSession::writeLate);
            }
            m_lateNotifier->setEnabled(true);
            return;
        }
        m_late.clear(); // reset by the client: nobody is left to read them
    }
    if (m_lateNotifier)
        m_lateNotifier->setEnabled(false);
    if (m_phase == Phase::Closed) {
        releaseLateFd(); // the last reference: the client sees the connection close now
        emitClosedOnce();
    }
}

void SmtpSession::releaseLateFd()
{
    if (m_lateFd < 0)
        return;
    delete m_lateNotifier;
    m_lateNotifier = nullptr;
    ::close(m_lateFd);
    m_lateFd = -1;
}

void SmtpSession::restartTimer()
{
    m_timer.start(m_ctx.settings->smtp.commandTimeoutSeconds * 1000);
}

bool SmtpSession::isTrusted() const
{
    return m_authenticated || m_ctx.settings->isRelayClient(m_peer);
}

void SmtpSession::reply(const Reply &r)
{
    if (r.code >= 400)
        ++m_errors; // counted against smtp.error_limit
    m_out += r.toWire();
}

void SmtpSession::replyRaw(const QByteArray &bytes)
{
    m_out += bytes;
}

void SmtpSession::note(log::Level level, const QString &text, const QString &queueId) const
{
    log::write(level, u"smtp"_s, text, queueId, m_id);
}

void SmtpSession::transcript(const QString &line) const
{
    log::write(log::Level::Debug, u"transcript"_s, line, {}, m_id);
}

void SmtpSession::flush()
{
    // Taken first: under TLS, QSslSocket::flush() reads and decrypts too, and the input it
    // announces is answered (and flushed) before this returns.
    const QByteArray out = std::exchange(m_out, {});
    if (out.isEmpty())
        return;
    if (log::transcriptsEnabled()) {
        for (const QByteArray &l : out.split('\n')) {
            if (!l.isEmpty())
                transcript(u"S: "_s + QString::fromLatin1(l.trimmed()));
        }
    }
    if (m_socket->state() == QAbstractSocket::ConnectedState) {
        if (m_tls)
            m_socket->write(out);
        else
            util::sendNow(m_socket, out);
        // Into the kernel now: if the client's end of input is read next, Qt drops what its
        // own buffer still holds.
        m_socket->flush();
    } else if (m_inputEnded) {
        m_late += out;
        writeLate();
    }
}

void SmtpSession::closeConnection()
{
    flush();
    m_timer.stop();
    if (m_phase == Phase::Closed)
        return;
    setPhase(Phase::Closed);
    m_message.reset();
    if (m_inputEnded && !m_tls) {
        // Qt's socket is gone already; the late descriptor closes once its replies are out,
        // or after a while for a client that does not read them.
        writeLate();
        if (m_lateFd >= 0)
            QTimer::singleShot(10000, this, [this] {
                m_late.clear();
                writeLate();
            });
        return;
    }
    // The last reply must reach the client before the socket goes: wait for disconnected(),
    // but not forever for a client that does not read.
    m_socket->disconnectFromHost();
    if (m_socket->state() == QAbstractSocket::UnconnectedState)
        emitClosedOnce();
    else
        QTimer::singleShot(10000, m_socket, &QTcpSocket::abort);
}

void SmtpSession::emitClosedOnce()
{
    if (m_closedEmitted)
        return;
    m_closedEmitted = true;
    emit closed(this);
}

void SmtpSession::onReadyRead()
{
    if (m_phase == Phase::Closed) {
        m_socket->readAll();
        return;
    }
    if (m_phase == Phase::Waiting)
        return; // read on in resumeInput(); the socket's buffer is bounded meanwhile
    receive(m_socket->readAll());
}

void SmtpSession::receive(const QByteArray &bytes)
{
    if (m_phase == Phase::Closed)
        return;
    m_in += bytes;
    processInput();
}

void SmtpSession::processInput()
{
    while (m_phase == Phase::Command || m_phase == Phase::Data) {
        if (m_phase == Phase::Data) {
            const Phase before = m_phase;
            consumeData();
            if (m_phase == before)
                break; // need more bytes
            continue;
        }
        QByteArray line;
        if (!takeCommandLine(&line))
            break;
        // The timeout runs from the last complete line, not the last byte: a client that
        // trickles a byte at a time is cut off like a silent one.
        restartTimer();
        if (log::transcriptsEnabled()) {
            // Never a password in a log: AUTH's arguments and answers are masked.
            const bool secret = m_authStep != AuthStep::None ||
                                line.left(5).compare("AUTH ", Qt::CaseInsensitive) == 0;
            transcript(u"C: "_s + (secret ? QString::fromLatin1(line.left(
                                                line.startsWith("AUTH ") || line.startsWith("auth ")
                                                    ? line.indexOf(' ', 5) + 1
                                                    : 0)) +
                                                u"****"_s
                                          : QString::fromUtf8(line)));
        }
        if (m_authStep != AuthStep::None)
            authLine(line);
        else
            handleCommand(line);
        if (m_errors >= m_ctx.settings->smtp.errorLimit && m_phase != Phase::Closed) {
            note(log::Level::Info, u"too many errors from %1, closing"_s.arg(m_peerText));
            reply(replies::tooManyErrors());
            closeConnection();
            return;
        }
    }
    if (m_inputEnded && (m_phase == Phase::Command || m_phase == Phase::Data)) {
        // Nothing more can come: every complete command is answered, and a partial line or an
        // unfinished message is dropped.
        if (m_phase == Phase::Data || !m_in.isEmpty())
            note(log::Level::Info,
                 u"%1 ended its input inside %2; dropped"_s.arg(
                     m_peerText, m_phase == Phase::Data ? u"a message"_s : u"a command line"_s));
        closeConnection();
        return;
    }
    // Replies to pipelined commands go out together once the input is used up (RFC 2920).
    flush();
    if (m_phase == Phase::Command && m_shuttingDown && !m_inTransaction) {
        reply(replies::shuttingDown());
        closeConnection();
    }
}

bool SmtpSession::takeCommandLine(QByteArray *line)
{
    const qsizetype lf = m_in.indexOf('\n');
    if (lf < 0) {
        if (m_in.size() >= kMaxCommandLine) {
            // Too long: answer once, then drop everything up to the end of that line.
            if (!m_discardingLongLine)
                reply(replies::lineTooLong());
            m_discardingLongLine = true;
            m_in.clear();
        }
        return false;
    }
    *line = m_in.left(lf);
    m_in.remove(0, lf + 1);
    if (line->endsWith('\r'))
        line->chop(1);
    if (m_discardingLongLine) {
        m_discardingLongLine = false;
        *line = QByteArray();
        return m_in.size() > 0 ? takeCommandLine(line) : false;
    }
    if (line->size() + 2 > kMaxCommandLine) {
        reply(replies::lineTooLong());
        *line = QByteArray();
        return m_in.size() > 0 ? takeCommandLine(line) : false;
    }
    return true;
}

void SmtpSession::handleCommand(const QByteArray &line)
{
    const Command command = parseCommand(line);
    // UTF-8 belongs in the addresses of MAIL and RCPT only (RFC 6531 §3.3), whatever else is
    // said; the transaction's SMTPUTF8 parameter is checked with the address.
    if (!isCleanCommand(line, command.verb == "MAIL" || command.verb == "RCPT")) {
        reply(replies::nonAsciiCommand());
        return;
    }
    for (const CommandSpec &spec : kCommands) {
        if (command.verb == spec.verb) {
            m_currentVerb = command.verb;
            if ((this->*spec.check)(command.argument))
                (this->*spec.proceed)(command.argument);
            return;
        }
    }
    reply(replies::unknownCommand());
}

// ---- HELO / EHLO ----

bool SmtpSession::checkHelo(const QByteArray &arg)
{
    if (arg.trimmed().isEmpty() || arg.trimmed().contains(' ')) {
        reply(replies::syntaxError(m_currentVerb + " hostname"));
        return false;
    }
    return true;
}

void SmtpSession::doEhlo(const QByteArray &arg)
{
    resetTransaction();
    m_helo = arg.trimmed();
    m_esmtp = true;
    const QByteArray host = m_ctx.settings->server.hostname.toLatin1();
    QList<QByteArray> lines{host + " Hello " + m_helo + " [" + m_peerText.toLatin1() + "]",
                            "SIZE " + QByteArray::number(m_ctx.settings->smtp.maxMessageBytes),
                            "PIPELINING",
                            "8BITMIME",
                            "ENHANCEDSTATUSCODES",
                            "DSN",
                            "SMTPUTF8"};
    if (startTlsAvailable())
        lines.append("STARTTLS");
    if (authAvailable())
        lines.append("AUTH PLAIN LOGIN");
    // Offered to partners only: it lets the client say "you have had this one already".
    if (isTrusted())
        lines.append("XHANDOVER");
    replyRaw(Reply::multiline(250, lines));
}

void SmtpSession::doHelo(const QByteArray &arg)
{
    resetTransaction();
    m_helo = arg.trimmed();
    m_esmtp = false;
    reply(Reply{250, {}, m_ctx.settings->server.hostname.toLatin1()});
}

// ---- MAIL ----

bool SmtpSession::checkMail(const QByteArray &arg)
{
    if (m_helo.isEmpty()) {
        reply(replies::badSequence("send EHLO or HELO first"));
        return false;
    }
    if (m_inTransaction) {
        reply(replies::badSequence("nested MAIL command"));
        return false;
    }
    if (m_shuttingDown) {
        reply(replies::shuttingDown());
        return false;
    }
    const auto rest = stripPrefix(arg, "FROM:");
    if (!rest) {
        reply(replies::syntaxError("MAIL FROM:<address>"));
        return false;
    }
    const PathResult path = parsePath(*rest, true);
    if (!path.address) {
        reply(replies::badSenderSyntax(path.error.toLatin1()));
        return false;
    }
    QString error;
    const auto params = parseParameters(path.rest, &error);
    if (!params || (!path.rest.isEmpty() && !path.rest.startsWith(' '))) {
        reply(replies::syntaxError("MAIL FROM:<address> [SIZE=n] [BODY=7BIT|8BITMIME]"));
        return false;
    }
    bool smtpUtf8 = false;
    for (const Parameter &p : *params) {
        if (p.keyword == "SIZE" && m_esmtp) {
            bool ok = false;
            const qint64 declared = p.value.toLongLong(&ok);
            if (!ok || declared < 0) {
                reply(replies::syntaxError("SIZE=<number of octets>"));
                return false;
            }
            if (declared > m_ctx.settings->smtp.maxMessageBytes) {
                reply(replies::declaredTooBig());
                return false;
            }
        } else if (p.keyword == "BODY" && m_esmtp) {
            const QByteArray v = p.value.toUpper();
            if (v != "7BIT" && v != "8BITMIME") {
                reply(replies::syntaxError("BODY=7BIT or BODY=8BITMIME"));
                return false;
            }
        } else if (p.keyword == "SMTPUTF8" && m_esmtp) {
            if (!p.value.isEmpty()) {
                reply(replies::syntaxError("SMTPUTF8 (without a value)"));
                return false;
            }
            smtpUtf8 = true;
        } else if (p.keyword == "RET" && m_esmtp) {
            const QByteArray v = p.value.toUpper();
            if (v != "FULL" && v != "HDRS") {
                reply(replies::syntaxError("RET=FULL or RET=HDRS"));
                return false;
            }
        } else if (p.keyword == "ENVID" && m_esmtp) {
            if (!isXtext(p.value) || p.value.size() > 100) {
                reply(replies::syntaxError("ENVID=<xtext, at most 100 characters>"));
                return false;
            }
        } else if (p.keyword == "XHANDOVER" && m_esmtp && isTrusted()) {
            if (!isXtext(p.value) || p.value.isEmpty() || p.value.size() > 255) {
                reply(replies::syntaxError("XHANDOVER=<xtext, at most 255 characters>"));
                return false;
            }
        } else {
            reply(replies::badParameter(p.keyword));
            return false;
        }
    }
    const Address &sender = *path.address;
    if (!smtpUtf8 && !sender.isAscii()) {
        reply(replies::utf8AddressWithoutSmtpUtf8("sender"));
        return false;
    }
    if (diskFull())
        return false;
    if (m_ctx.listener.requireAuth && !m_authenticated) {
        reply(replies::authRequired());
        return false;
    }
    if (m_ctx.listener.trustedClientsOnly && !isTrusted()) {
        note(log::Level::Info, u"refused a transaction from %1: not a relay network and not "
                               u"authenticated (trusted_clients_only)"_s.arg(m_peerText));
        reply(replies::clientNotTrusted());
        return false;
    }
    // The null sender too: an authenticated user has no business sending mail that looks
    // like a bounce, with nobody to answer to.
    if (m_authenticated && m_ctx.listener.restrictSenderToUser &&
        sender.toString().compare(m_authUser, Qt::CaseInsensitive) != 0) {
        log::info(u"smtp"_s,
                  u"refused sender <%1> for user %2"_s.arg(sender.toString(), m_authUser));
        reply(replies::senderNotOwned(m_authUser.toLatin1()));
        return false;
    }
    if (m_ctx.listener.rejectNonLocalSendersClaimingLocal && !sender.isNull() &&
        m_ctx.router->isLocal(sender) && !isTrusted()) {
        note(log::Level::Info, u"refused sender <%1> claiming to be local from %2"_s.arg(
                                   sender.toString(), m_peerText));
        reply(replies::senderClaimsLocal());
        return false;
    }
    return true;
}

void SmtpSession::doMail(const QByteArray &arg)
{
    const PathResult path = parsePath(*stripPrefix(arg, "FROM:"), true);
    resetTransaction();
    m_inTransaction = true;
    m_sender = path.address->toString();
    QString ignored;
    const auto params = parseParameters(path.rest, &ignored); // checked in checkMail
    for (const Parameter &p : *params) {
        if (p.keyword == "RET")
            m_ret = QString::fromLatin1(p.value.toUpper());
        else if (p.keyword == "ENVID")
            m_envid = QString::fromLatin1(p.value);
        else if (p.keyword == "XHANDOVER")
            m_handover = QString::fromLatin1(p.value);
        else if (p.keyword == "SMTPUTF8")
            m_smtpUtf8 = true;
    }
    reply(replies::senderOk());
}

// ---- RCPT ----

bool SmtpSession::checkRcpt(const QByteArray &arg)
{
    if (!m_inTransaction) {
        reply(replies::badSequence("need MAIL before RCPT"));
        return false;
    }
    const auto rest = stripPrefix(arg, "TO:");
    if (!rest) {
        reply(replies::syntaxError("RCPT TO:<address>"));
        return false;
    }
    PathResult path = parsePath(*rest, false);
    if (!path.address) {
        reply(replies::badRecipientSyntax(path.error.toLatin1()));
        return false;
    }
    QString error;
    const auto params = parseParameters(path.rest, &error);
    if (!params || (!path.rest.isEmpty() && !path.rest.startsWith(' '))) {
        reply(replies::syntaxError("RCPT TO:<address> [NOTIFY=...] [ORCPT=...]"));
        return false;
    }
    for (const Parameter &p : *params) {
        if (p.keyword == "NOTIFY" && m_esmtp) {
            const QList<QByteArray> values = p.value.toUpper().split(',');
            bool ok = true;
            for (const QByteArray &v : values)
                ok = ok && (v == "SUCCESS" || v == "FAILURE" || v == "DELAY" ||
                            (v == "NEVER" && values.size() == 1));
            if (!ok) {
                reply(replies::syntaxError("NOTIFY=NEVER or NOTIFY=SUCCESS,FAILURE,DELAY"));
                return false;
            }
        } else if (p.keyword == "ORCPT" && m_esmtp) {
            const qsizetype semicolon = p.value.indexOf(';');
            if (semicolon < 1 || !isXtext(p.value.mid(semicolon + 1)) || p.value.size() > 500) {
                reply(replies::syntaxError("ORCPT=<address type>;<xtext address>"));
                return false;
            }
        } else {
            reply(replies::badParameter(p.keyword));
            return false;
        }
    }
    if (!m_smtpUtf8 && !path.address->isAscii()) {
        reply(replies::utf8AddressWithoutSmtpUtf8("recipient"));
        return false;
    }
    if (m_recipients.size() >= m_ctx.settings->smtp.maxRecipients) {
        reply(replies::tooManyRecipients());
        return false;
    }
    Address &rcpt = *path.address;
    if (rcpt.domain.isEmpty()) // the bare <Postmaster> of RFC 5321 §4.1.1.3
        rcpt.domain = m_ctx.settings->server.domain;
    if (m_ctx.router->isLocal(rcpt)) {
        if (m_ctx.router->checkLocalRecipient(rcpt, isTrusted()) ==
            routing::RecipientVerdict::NoSuchUser) {
            log::info(u"smtp"_s,
                      u"refused unknown recipient <%1> from %2"_s.arg(rcpt.toString(), m_peerText));
            reply(replies::noSuchUser());
            return false;
        }
        if (m_ctx.newMailboxes && m_ctx.router->createsMailbox(rcpt, isTrusted()) &&
            !m_ctx.newMailboxes->take(m_peerText, m_ctx.settings->smtp.maxNewMailboxesPerHour,
                                      m_ctx.settings->timeScale, rcpt.toString().toLower())) {
            note(log::Level::Warning,
                 u"deferred <%1> from %2: it made %3 new mailboxes in the last hour "
                 u"(smtp.max_new_mailboxes_per_hour)"_s.arg(rcpt.toString(), m_peerText)
                     .arg(m_ctx.settings->smtp.maxNewMailboxesPerHour));
            reply(replies::tooManyNewMailboxes());
            return false;
        }
        if (!checkMailboxSize(rcpt))
            return false;
    } else if (!isTrusted()) {
        note(log::Level::Info, u"relay denied for <%1> from %2"_s.arg(rcpt.toString(), m_peerText));
        reply(replies::relayDenied());
        return false;
    }
    return true;
}

// A Mailbox answers mail for a full mailbox 452 4.2.2: temporary, the sender's server retries
// once messages are removed or archived. Mail to the postmaster is never refused for it: the
// notices about full mailboxes go there.
bool SmtpSession::checkMailboxSize(const Address &rcpt)
{
    if (!m_ctx.sizes || config::mailboxName(rcpt.localPart) == u"postmaster"_s)
        return true;
    const QString box = m_ctx.router->mailboxFor(rcpt, isTrusted());
    if (box.isEmpty() || !m_ctx.sizes->isFull(box))
        return true;
    note(log::Level::Warning,
         u"deferred <%1> from %2: mailbox %3 is full (%4 bytes; max_size_mb)"_s.arg(
             rcpt.toString(), m_peerText, box, QString::number(m_ctx.sizes->size(box))));
    reply(replies::mailboxFull());
    return false;
}

void SmtpSession::doRcpt(const QByteArray &arg)
{
    Address rcpt = *parsePath(*stripPrefix(arg, "TO:"), false).address;
    if (rcpt.domain.isEmpty())
        rcpt.domain = m_ctx.settings->server.domain;
    const QString text = rcpt.toString();
    if (!m_recipients.contains(text, Qt::CaseInsensitive)) {
        m_recipients.append(text);
        QString ignored;
        spool::RecipientDsn dsn;
        const PathResult path = parsePath(*stripPrefix(arg, "TO:"), false);
        const auto params = parseParameters(path.rest, &ignored); // checked in checkRcpt
        for (const Parameter &p : *params) {
            if (p.keyword == "NOTIFY")
                dsn.notify = QString::fromLatin1(p.value.toUpper());
            else if (p.keyword == "ORCPT")
                dsn.orcpt = QString::fromLatin1(p.value);
        }
        if (!dsn.notify.isEmpty() || !dsn.orcpt.isEmpty())
            m_dsn.insert(text, dsn);
    }
    reply(replies::recipientOk());
}

// ---- DATA ----

bool SmtpSession::checkData(const QByteArray &arg)
{
    if (!arg.isEmpty()) {
        reply(replies::syntaxError("DATA"));
        return false;
    }
    if (!m_inTransaction) {
        reply(replies::badSequence("need MAIL and RCPT before DATA"));
        return false;
    }
    if (m_recipients.isEmpty()) {
        reply(replies::noValidRecipients());
        return false;
    }
    return !diskFull();
}

// Below the data folder's free-space reserve nothing new is taken (RFC 3463 4.3.1): the client
// keeps the message and tries again, and no message is accepted that could not be stored.
bool SmtpSession::diskFull()
{
    if (!m_ctx.disk || m_ctx.disk->check() != util::DiskSpace::Level::Full)
        return false;
    note(log::Level::Info, u"refused a transaction from %1: the disk is full"_s.arg(m_peerText));
    reply(replies::insufficientStorage());
    return true;
}

void SmtpSession::doData(const QByteArray &)
{
    QString error;
    m_message = m_ctx.spool->begin(&error);
    if (!m_message) {
        log::error(u"spool"_s, u"cannot accept a message: "_s + error);
        reply(fsutil::isOutOfSpace(errno) ? replies::insufficientStorage() : replies::localError());
        return;
    }
    m_message->write(receivedHeader(m_message->id()));
    m_dataBytes = 0;
    m_tooBig = m_bareLineEnding = m_longLine = m_midLine = m_nulByte = m_eightBit = false;
    m_inHeaders = true;
    m_receivedHeaders = 0;
    m_messageId.clear();
    m_subject.clear();
    m_inSubject = m_subjectSeen = false;
    reply(replies::startMailInput());
    flush(); // the client waits for 354 before it sends the message
    setPhase(Phase::Data);
}

QByteArray SmtpSession::receivedHeader(const QString &queueId) const
{
    // RFC 3848: ESMTPS with TLS, ESMTPA when authenticated, ESMTPSA with both; RFC 6531
    // §3.7.3: UTF8SMTP and its S, A and SA forms for an SMTPUTF8 transaction.
    QByteArray protocol = m_smtpUtf8 ? "UTF8SMTP" : m_esmtp ? "ESMTP" : "SMTP";
    if (m_esmtp && encrypted())
        protocol += 'S';
    if (m_esmtp && m_authenticated)
        protocol += 'A';
    QByteArray h = "Received: from " + m_helo + " ([" + m_peerText.toLatin1() + "])\r\n\tby " +
                   m_ctx.settings->server.hostname.toLatin1() + " (Tandem) with " + protocol +
                   " id " + queueId.toLatin1();
    // Naming the recipient only when there is one keeps Bcc recipients out of the header.
    if (m_recipients.size() == 1)
        h += "\r\n\tfor <" + m_recipients.first().toUtf8() + ">";
    return h + "; " + rfc5322Date(QDateTime::currentDateTimeUtc()) + "\r\n";
}

// Only CRLF ends a line. A bare CR or LF can neither end a line nor the message (the SMTP
// smuggling class of CVE-2023-51764); a message containing one is refused after its end.
void SmtpSession::consumeData()
{
    // Lines are taken by offset and the buffer trimmed once: removing each line from the
    // front would move the rest of a large buffer once per line.
    qsizetype pos = 0;
    bool finished = false;
    for (;;) {
        const qsizetype crlf = m_in.indexOf("\r\n", pos);
        if (crlf < 0)
            break;
        const QByteArray line = m_in.mid(pos, crlf - pos);
        pos = crlf + 2;
        if (m_midLine) {
            m_midLine = false;
            m_dataBytes += line.size() + 2;
            continue;
        }
        if (line == ".") {
            finished = true;
            break;
        }
        dataLine(line);
    }
    if (pos > 0)
        restartTimer();
    m_in.remove(0, pos);
    if (finished) {
        finishData();
        return;
    }
    // No complete line left. One already over the limit is dropped as it comes, keeping a
    // final CR that may start the CRLF.
    if (m_in.size() > kMaxTextLine) {
        m_longLine = true;
        m_midLine = true;
        const qsizetype keep = m_in.endsWith('\r') ? 1 : 0;
        m_dataBytes += m_in.size() - keep;
        m_in = m_in.right(keep);
    }
}

void SmtpSession::dataLine(const QByteArray &raw)
{
    const QByteArray line = raw.startsWith('.') ? raw.mid(1) : raw; // dot-unstuffing
    if (raw.size() + 2 > kMaxTextLine)
        m_longLine = true;
    if (line.contains('\n') || line.contains('\r'))
        m_bareLineEnding = true;
    if (line.contains('\0'))
        m_nulByte = true;
    if (!m_eightBit)
        m_eightBit = delivery::hasEightBit(line);
    if (m_inHeaders) {
        const bool continued = line.startsWith(' ') || line.startsWith('\t');
        if (m_inSubject && continued) {
            if (m_subject.size() < mail::kMaxFieldBytes)
                m_subject += line; // unfolded: the line break goes, the white space stays
        } else {
            m_inSubject = false;
            if (line.isEmpty()) {
                m_inHeaders = false;
            } else if (startsWithField(line, "Received:", 9)) {
                ++m_receivedHeaders;
            } else if (m_messageId.isEmpty() && startsWithField(line, "Message-ID:", 11)) {
                m_messageId = QString::fromLatin1(line.mid(11).trimmed());
            } else if (!m_subjectSeen && startsWithField(line, "Subject:", 8)) {
                m_subject = line.mid(8, mail::kMaxFieldBytes);
                m_inSubject = m_subjectSeen = true;
            }
        }
    }
    m_dataBytes += line.size() + 2;
    if (m_dataBytes > m_ctx.settings->smtp.maxMessageBytes)
        m_tooBig = true;
    if (!m_tooBig && !m_bareLineEnding && !m_longLine && !m_nulByte && m_message) {
        m_message->write(line);
        m_message->write("\r\n");
    }
}

void SmtpSession::finishData()
{
    std::optional<Reply> refusal;
    if (m_tooBig)
        refusal = replies::messageTooBig();
    else if (m_bareLineEnding)
        refusal = replies::bareLineEnding();
    else if (m_longLine)
        refusal = replies::dataLineTooLong();
    else if (m_nulByte)
        refusal = replies::nulInData();
    else if (m_receivedHeaders + 1 > m_ctx.settings->server.maxHops)
        refusal = replies::hopLimit(); // refused here: no notice to a sender who may be forged
    else if (m_message->failed())
        refusal = m_message->outOfSpace() ? replies::insufficientStorage() : replies::localError();
    if (refusal) {
        log::info(
            u"smtp"_s,
            u"refused message from <%1>: %2"_s.arg(m_sender, QString::fromLatin1(refusal->text)),
            m_message->id());
        if (m_message->failed())
            log::error(u"spool"_s, m_message->error(), m_message->id());
        resetTransaction();
        setPhase(Phase::Command);
        reply(*refusal);
        return;
    }
    spool::Envelope envelope;
    envelope.id = m_message->id();
    envelope.received = QDateTime::currentDateTimeUtc();
    envelope.clientAddress = m_peerText;
    envelope.helo = QString::fromLatin1(m_helo);
    envelope.sender = m_sender;
    envelope.recipients = m_recipients;
    envelope.size = m_message->size();
    envelope.receivedHeaders = m_receivedHeaders;
    envelope.messageId = m_messageId;
    envelope.subject = mail::decodeHeaderText(m_subject);
    envelope.ret = m_ret;
    envelope.envid = m_envid;
    envelope.eightBit = m_eightBit;
    envelope.smtpUtf8 = m_smtpUtf8;
    envelope.dsn = m_dsn;
    routing::MessageFacts facts{m_receivedHeaders, false};
    facts.trustedClient = isTrusted();
    if (!m_handover.isEmpty()) {
        // A hand-over seen before keeps only the recipients it did not bring then, and is
        // not filed in the Sent items again.
        const spool::HandoverLog::Claim claim =
            m_ctx.spool->handovers().claim(m_handover, m_recipients);
        if (claim.busy || claim.fresh.isEmpty()) {
            log::info(u"smtp"_s,
                      claim.busy
                          ? u"hand-over %1 is being stored by another session"_s.arg(m_handover)
                          : u"hand-over %1 from <%2> already accepted: not stored again"_s.arg(
                                m_handover, m_sender),
                      m_message->id());
            resetTransaction();
            setPhase(Phase::Command);
            reply(claim.busy ? replies::handoverBusy() : replies::handoverRepeated());
            return;
        }
        m_recipients = claim.fresh;
        facts.sentCopyFiled = claim.seen;
        envelope.recipients = m_recipients;
        envelope.handover = m_handover;
    }
    envelope.actions = m_ctx.router->plan(m_sender, m_recipients, facts);
    const QString id = envelope.id;
    pauseInput();
    m_committing = true;
    m_ctx.spool->commit(std::move(m_message), envelope, this,
                        [this, id](const spool::CommitResult &r) { onCommitted(r, id); });
}

void SmtpSession::onCommitted(const spool::CommitResult &result, const QString &id)
{
    m_committing = false;
    if (!result.ok && !m_handover.isEmpty())
        m_ctx.spool->handovers().release(m_handover, m_recipients);
    if (result.ok) {
        log::info(u"smtp"_s,
                  u"accepted from=<%1> to=<%2> client=%3 message-id=%4"_s.arg(
                      m_sender, m_recipients.join(u">,<"_s), m_peerText, m_messageId),
                  id);
        reply(replies::queued(id.toLatin1()));
    } else {
        reply(result.outOfSpace ||
                      (m_ctx.disk && m_ctx.disk->check() == util::DiskSpace::Level::Full)
                  ? replies::insufficientStorage()
                  : replies::localError());
    }
    resetTransaction();
    if (!m_inputEnded && m_socket->state() != QAbstractSocket::ConnectedState) {
        setPhase(Phase::Closed);
        emitClosedOnce();
        return;
    }
    resumeInput();
}

// ---- the rest ----

bool SmtpSession::checkNoArgument(const QByteArray &arg)
{
    if (!arg.trimmed().isEmpty()) {
        reply(replies::syntaxError(m_currentVerb));
        return false;
    }
    return true;
}

bool SmtpSession::checkAny(const QByteArray &)
{
    return true;
}

bool SmtpSession::checkVrfy(const QByteArray &arg)
{
    if (arg.trimmed().isEmpty()) {
        reply(replies::syntaxError("VRFY address"));
        return false;
    }
    return true;
}

void SmtpSession::doRset(const QByteArray &)
{
    resetTransaction();
    reply(replies::resetOk());
}

void SmtpSession::doNoop(const QByteArray &)
{
    reply(replies::ok());
}

void SmtpSession::doVrfy(const QByteArray &)
{
    reply(replies::cannotVrfy());
}

void SmtpSession::doHelp(const QByteArray &)
{
    reply(replies::help());
}

void SmtpSession::doQuit(const QByteArray &)
{
    reply(replies::bye(m_ctx.settings->server.hostname.toLatin1()));
    closeConnection();
}

void SmtpSession::doNotImplemented(const QByteArray &)
{
    reply(replies::notImplemented(m_currentVerb));
}

// ---- STARTTLS (RFC 3207) ----

bool SmtpSession::startTlsAvailable() const
{
    return m_ctx.tls && m_ctx.tls->isReady() && !encrypted() &&
           m_ctx.listener.mode != config::ListenerMode::Smtps;
}

bool SmtpSession::checkStartTls(const QByteArray &arg)
{
    if (!arg.isEmpty()) {
        reply(replies::syntaxError("STARTTLS"));
        return false;
    }
    if (encrypted()) {
        reply(replies::badSequence("TLS already active"));
        return false;
    }
    if (!startTlsAvailable()) {
        reply(replies::tlsNotAvailable());
        return false;
    }
    return true;
}

void SmtpSession::doStartTls(const QByteArray &)
{
    if (!relayTls()) { // the session goes on in clear text, as it was
        reply(replies::tlsNotAvailable());
        return;
    }
    reply(replies::readyForTls()); // sent by startTls(), in clear text, through the relay
    // RFC 3207 §4.2: everything known before TLS is forgotten, and commands the client sent
    // after STARTTLS in the same packet are discarded, never run (CVE-2011-0411).
    if (!m_in.isEmpty())
        log::info(u"smtp"_s,
                  u"discarded %1 bytes sent by %2 after STARTTLS before TLS"_s.arg(m_in.size())
                      .arg(m_peerText));
    m_in.clear();
    m_helo.clear();
    m_esmtp = false;
    m_authenticated = false;
    m_authUser.clear();
    resetTransaction();
    startTls();
}

// ---- AUTH (RFC 4954) ----

bool SmtpSession::authAvailable() const
{
    if (!m_ctx.verifier || !(encrypted() || m_ctx.settings->smtp.allowPlaintextAuth))
        return false;
    for (const config::User &u : m_ctx.settings->mailboxes.users) {
        if (!u.password.isEmpty())
            return true;
    }
    return false;
}

bool SmtpSession::checkAuth(const QByteArray &arg)
{
    if (m_helo.isEmpty() || !m_esmtp) {
        reply(replies::badSequence("send EHLO first"));
        return false;
    }
    if (m_authenticated) {
        reply(replies::badSequence("already authenticated"));
        return false;
    }
    if (m_inTransaction) {
        reply(replies::badSequence("AUTH not allowed during a mail transaction"));
        return false;
    }
    if (!encrypted() && !m_ctx.settings->smtp.allowPlaintextAuth) {
        reply(replies::encryptionRequired());
        return false;
    }
    if (!authAvailable()) {
        reply(replies::notImplemented("AUTH"));
        return false;
    }
    if (m_ctx.authGuard->isBlocked(m_peerText)) {
        reply(replies::tooManyAuthFailures());
        closeConnection();
        return false;
    }
    const QByteArray mechanism = arg.split(' ').value(0).toUpper();
    if (mechanism != "PLAIN" && mechanism != "LOGIN") {
        reply(replies::unknownMechanism());
        return false;
    }
    return true;
}

void SmtpSession::doAuth(const QByteArray &arg)
{
    const QList<QByteArray> words = arg.split(' ');
    const QByteArray mechanism = words.value(0).toUpper();
    const QByteArray initial = words.value(1);
    if (mechanism == "PLAIN") {
        m_authStep = AuthStep::PlainResponse;
        if (words.size() > 1 && initial != "=") {
            authLine(initial);
            return;
        }
        replyRaw("334 \r\n");
        return;
    }
    m_authStep = AuthStep::LoginUser;
    if (words.size() > 1) {
        authLine(initial);
        return;
    }
    replyRaw("334 VXNlcm5hbWU6\r\n"); // "Username:"
}

void SmtpSession::authLine(const QByteArray &line)
{
    const AuthStep step = std::exchange(m_authStep, AuthStep::None);
    if (line == "*") {
        reply(replies::authCancelled());
        return;
    }
    const auto decoded =
        QByteArray::fromBase64Encoding(line.trimmed(), QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded) {
        reply(replies::cannotDecode());
        return;
    }
    switch (step) {
    case AuthStep::PlainResponse: {
        // authzid NUL authcid NUL password (RFC 4616); an authzid other than the user is refused.
        const QList<QByteArray> parts = decoded.decoded.split('\0');
        if (parts.size() != 3 || parts.at(1).isEmpty() ||
            (!parts.at(0).isEmpty() && parts.at(0) != parts.at(1))) {
            reply(replies::cannotDecode());
            return;
        }
        checkCredentials(QString::fromUtf8(parts.at(1)), parts.at(2));
        return;
    }
    case AuthStep::LoginUser:
        m_authIdentity = QString::fromUtf8(decoded.decoded);
        m_authStep = AuthStep::LoginPassword;
        replyRaw("334 UGFzc3dvcmQ6\r\n"); // "Password:"
        return;
    case AuthStep::LoginPassword:
        checkCredentials(std::exchange(m_authIdentity, QString()), decoded.decoded);
        return;
    case AuthStep::None:
        return;
    }
}

void SmtpSession::checkCredentials(const QString &identity, const QByteArray &password)
{
    static quint64 nextToken = 0;
    const config::User *user = findUser(*m_ctx.settings, identity);
    const quint64 token = ++nextToken;
    m_pendingIdentity = user ? userAddress(*m_ctx.settings, *user) : QString();
    // Failures count against the user guessed at too, known or not (a difference would tell).
    const QString target = user ? m_pendingIdentity : identity.trimmed().toLower();
    const AuthGuard::Admission admission = m_ctx.verifier->verify(
        token, m_peerText, target, password, user ? user->password : QString());
    switch (admission) {
    case AuthGuard::Admission::Granted:
        m_authToken = token;
        pauseInput();
        flush();
        return;
    case AuthGuard::Admission::Blocked:
        reply(replies::tooManyAuthFailures());
        closeConnection();
        return;
    case AuthGuard::Admission::Busy:
    case AuthGuard::Admission::UserLocked:
        log::warning(u"smtp"_s, u"authentication from %1 as %2 not checked: %3"_s.arg(
                                    m_peerText, target, AuthGuard::toString(admission)));
        reply(replies::authTemporaryFailure());
        return;
    }
}

void SmtpSession::onVerified(quint64 token, bool ok, int failures)
{
    if (token != m_authToken || m_phase != Phase::Waiting)
        return;
    m_authToken = 0;
    if (ok) {
        m_authenticated = true;
        m_authUser = m_pendingIdentity;
        note(log::Level::Info, u"%1 authenticated as %2"_s.arg(m_peerText, m_authUser));
        reply(replies::authSucceeded());
        resumeInput();
        return;
    }
    log::warning(u"smtp"_s,
                 u"authentication failed from %1 (%2 in a row)"_s.arg(m_peerText).arg(failures));
    // A growing delay before the answer makes guessing slow; past the limit, the door shuts.
    QTimer::singleShot(AuthGuard::delayMs(failures), this, [this, failures] {
        if (m_phase == Phase::Closed)
            return;
        reply(replies::authFailed());
        if (failures >= m_ctx.authGuard->limit()) {
            reply(replies::tooManyAuthFailures());
            closeConnection();
            return;
        }
        resumeInput();
    });
}

void SmtpSession::resetTransaction()
{
    m_inTransaction = false;
    m_sender.clear();
    m_recipients.clear();
    m_ret.clear();
    m_envid.clear();
    m_handover.clear();
    m_smtpUtf8 = false;
    m_dsn.clear();
    m_message.reset();
}

} // namespace tandem::smtp
