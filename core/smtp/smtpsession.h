#pragma once

#include "config/settings.h"
#include "reply.h"
#include "spool/envelope.h"
#include "util/log.h"

#include <QByteArray>
#include <QHostAddress>
#include <QObject>
#include <QStringList>
#include <QTimer>

#include <memory>

class QSocketNotifier;
class QSslSocket;
class QTcpSocket;

namespace tandem::spool {
class IncomingMessage;
class Spool;
struct CommitResult;
} // namespace tandem::spool
namespace tandem::routing {
class Router;
}
namespace tandem::mailbox {
class MailboxSizes;
}
namespace tandem::util {
class DiskSpace;
}
namespace tandem::smtp {
struct Address;
class AuthGuard;
class HourlyLimit;
class PasswordVerifier;
class TlsContext;
} // namespace tandem::smtp

// One SMTP server session (RFC 5321), after OpenSMTPD's smtp_session.c: a table of commands,
// each with a check that replies 4xx/5xx and stops, and a proceed step. Sequencing is guarded
// by data (greeting seen? transaction open?), not by a maze of states.
namespace tandem::smtp {

struct SessionContext {
    std::shared_ptr<const config::Settings> settings;
    config::Listener listener;
    spool::Spool *spool = nullptr;
    std::shared_ptr<const routing::Router> router;
    TlsContext *tls = nullptr; // null when smtp.tls is not configured
    AuthGuard *authGuard = nullptr;
    PasswordVerifier *verifier = nullptr;
    util::DiskSpace *disk = nullptr;        // the data folder's free space; null: not watched
    HourlyLimit *newMailboxes = nullptr;    // mailboxes created per client address; null: none
    mailbox::MailboxSizes *sizes = nullptr; // the size caps; null: none enforced
};

class SmtpSession : public QObject {
    Q_OBJECT
public:
    SmtpSession(QTcpSocket *socket, SessionContext context, QObject *parent = nullptr);
    ~SmtpSession() override;

    // Whether the client has gone (end of input, or reset) before Qt said so; if it has, the
    // session ends now as on disconnected(). Asked before a client is refused for a limit.
    void reapIfGone();
    void start();
    // The server is stopping: an idle session is told 421 and closed at once; one inside a
    // transaction is closed as soon as the transaction ends.
    void shutdown();
    QHostAddress peerAddress() const { return m_peer; }
    bool isCommitting() const { return m_committing; } // a message is being stored
    // Bytes as if read from the socket: the one way in for input, also used by the fuzzer.
    void receive(const QByteArray &bytes);

    // RFC 5321 §4.5.3.1: 512 octets for a command line, 1000 for a text line, CRLF included.
    static constexpr int kMaxCommandLine = 512;
    static constexpr int kMaxTextLine = 1000;

signals:
    void closed(tandem::smtp::SmtpSession *session);

private:
    // Waiting: for our own work (a commit, a password check, a TLS handshake); input waits.
    enum class Phase { Command, Data, Waiting, Closed };
    enum class AuthStep { None, PlainResponse, LoginUser, LoginPassword };
    static QString toString(Phase phase);

    struct CommandSpec {
        const char *verb;
        bool (SmtpSession::*check)(const QByteArray &argument);
        void (SmtpSession::*proceed)(const QByteArray &argument);
    };
    static const CommandSpec kCommands[];

    // Input: the only place that reads bytes and enforces line length and size.
    void onReadyRead();
    void processInput();
    bool takeCommandLine(QByteArray *line);
    void consumeData();
    void dataLine(const QByteArray &line);
    void handleCommand(const QByteArray &line);
    // Output and state.
    void reply(const Reply &r);
    void replyRaw(const QByteArray &bytes);
    void flush();
    void setPhase(Phase phase);
    void closeConnection();
    void transcript(const QString &line) const;
    void note(log::Level level, const QString &text, const QString &queueId = {}) const;
    void emitClosedOnce();
    void resetTransaction();
    void restartTimer();
    // Our own work (a commit, a password check, a TLS handshake) before the next input: the
    // socket reads ahead no more than a bound meanwhile.
    void pauseInput();
    void resumeInput();
    // The client shut down its sending side (Exim does right after QUIT): what it sent before
    // still counts. In plain text Qt has closed the socket and the replies go out through
    // m_lateFd; under TLS the relay (or the client's close_notify) says so, and Qt's socket
    // still encrypts them.
    void onInputEnded();
    void writeLate();
    void releaseLateFd();
    bool isTrusted() const;
    bool diskFull(); // replies 452 4.3.1 when the data folder is below its reserve
    void connectSocket();
    void onDisconnected();
    // STARTTLS or smtps: relayTls() moves the session onto a QSslSocket on a socket pair
    // behind a TlsRelay (false, with a warning logged, when it cannot: the session stays as it
    // was); startTls() then sends what is owed in clear text and starts the handshake.
    bool relayTls();
    void startTls();
    bool encrypted() const;

    // The command table's steps.
    bool checkHelo(const QByteArray &arg);
    void doEhlo(const QByteArray &arg);
    void doHelo(const QByteArray &arg);
    bool checkMail(const QByteArray &arg);
    void doMail(const QByteArray &arg);
    bool checkRcpt(const QByteArray &arg);
    bool checkMailboxSize(const Address &rcpt);
    void doRcpt(const QByteArray &arg);
    bool checkData(const QByteArray &arg);
    void doData(const QByteArray &arg);
    bool checkNoArgument(const QByteArray &arg);
    bool checkAny(const QByteArray &arg);
    bool checkVrfy(const QByteArray &arg);
    void doRset(const QByteArray &arg);
    void doNoop(const QByteArray &arg);
    void doVrfy(const QByteArray &arg);
    void doHelp(const QByteArray &arg);
    void doQuit(const QByteArray &arg);
    void doNotImplemented(const QByteArray &arg);
    bool checkStartTls(const QByteArray &arg);
    void doStartTls(const QByteArray &arg);
    bool checkAuth(const QByteArray &arg);
    void doAuth(const QByteArray &arg);
    void authLine(const QByteArray &line);
    void checkCredentials(const QString &identity, const QByteArray &password);
    void onVerified(quint64 token, bool ok, int failures);
    bool startTlsAvailable() const;
    bool authAvailable() const;
    void greet();

    void finishData();
    void onCommitted(const spool::CommitResult &result, const QString &id);
    QByteArray receivedHeader(const QString &queueId) const;

    QTcpSocket *m_socket; // plain until TLS starts; then m_tls
    // Once STARTTLS or smtps began: the socket on a TlsRelay's pair, which outlives the client's
    // end.
    QSslSocket *m_tls = nullptr;
    SessionContext m_ctx;
    QHostAddress m_peer;
    QString m_peerText;
    QString m_id; // "S17": names the session in the log and its transcript
    QTimer m_timer;
    Phase m_phase = Phase::Command;
    QByteArray m_in;
    QByteArray m_out;
    bool m_discardingLongLine = false;
    bool m_shuttingDown = false;
    bool m_closedEmitted = false;
    bool m_greeted = false;
    bool m_committing = false;
    // Qt closes its descriptor when it reads the end of input, which would cancel the replies
    // still owed (the commit's 250, QUIT's 221): a duplicate of the plain TCP descriptor keeps
    // the connection writable. Under TLS it goes to the TlsRelay, and Qt never sees the end.
    int m_lateFd = -1;
    bool m_inputEnded = false;
    QByteArray m_late; // replies the late descriptor has not taken yet
    QSocketNotifier *m_lateNotifier = nullptr;
    QByteArray m_currentVerb;

    // Session state.
    QByteArray m_helo;
    bool m_esmtp = false;
    bool m_authenticated = false;
    QString m_authUser; // the user's address once authenticated
    AuthStep m_authStep = AuthStep::None;
    QString m_authIdentity;    // the name given during AUTH LOGIN
    QString m_pendingIdentity; // the name being checked
    quint64 m_authToken = 0;
    int m_errors = 0;

    // Transaction state.
    bool m_inTransaction = false;
    QString m_sender;
    QStringList m_recipients;
    QString m_ret;
    QString m_envid;
    QString m_handover; // XHANDOVER of a partner Tandem machine (spool/handovers.h)
    QHash<QString, spool::RecipientDsn> m_dsn;
    std::unique_ptr<spool::IncomingMessage> m_message;
    qint64 m_dataBytes = 0;
    bool m_tooBig = false;
    bool m_bareLineEnding = false;
    bool m_longLine = false;
    bool m_nulByte = false;
    bool m_eightBit = false; // a byte over 127 in the message
    bool m_smtpUtf8 = false; // MAIL said SMTPUTF8 (RFC 6531)
    bool m_midLine = false;  // inside a text line longer than the buffer bound
    bool m_inHeaders = true;
    int m_receivedHeaders = 0;
    QString m_messageId;
    QByteArray m_subject; // the Subject: field's raw value, folds and all
    bool m_inSubject = false;
    bool m_subjectSeen = false;
};

} // namespace tandem::smtp
