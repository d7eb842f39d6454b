#pragma once

#include "config/settings.h"

#include <QByteArray>
#include <QFile>
#include <QObject>
#include <QSet>
#include <QSslSocket>
#include <QStringList>
#include <QTimer>

#include <memory>
#include <optional>

// The SMTP client side (RFC 5321) for Outbox delivery: EHLO (HELO fallback), STARTTLS per the
// route's mode, AUTH PLAIN/LOGIN, PIPELINING, SIZE, 8BITMIME and DSN; one transaction per
// Outbox entry with all its recipients, each recipient's reply kept on its own. A connection
// carries any number of transactions one after the other (reuse per next hop).
namespace tandem::delivery {

struct ServerReply {
    int code = 0;
    QString enhanced; // "5.1.1", empty when the server sent none
    QString text;     // the reply's lines joined with a space
    QString toString() const;
    bool isPositive() const { return code >= 200 && code < 400; }
    bool isPermanent() const { return code >= 500; }
};

struct ClientRecipient {
    QString address;
    QString notify; // RFC 3461 NOTIFY value, empty when not given
    QString orcpt;  // RFC 3461 ORCPT value ("rfc822;addr"), empty when not given
};

struct ClientJob {
    QString sender;
    QList<ClientRecipient> recipients;
    QString messagePath;
    qint64 size = 0;
    bool eightBit = false;
    bool smtpUtf8 = false; // received with SMTPUTF8: UTF-8 in the envelope or headers
    QString ret;           // RFC 3461 RET
    QString envid;         // RFC 3461 ENVID (xtext)
    QString handover;      // XHANDOVER to a partner Tandem machine that offers it (xtext)
};

struct ClientResult {
    // The reply that applies to every recipient without a reply of its own (MAIL refused,
    // DATA refused, the final reply), or the connection's failure.
    ServerReply reply;
    QHash<QString, ServerReply> recipients; // by address: each recipient's outcome
    bool relayedWithoutDsn = false;         // the next hop did not offer DSN (for NOTIFY=SUCCESS)
    bool unreadableMessage = false;         // our own message file could not be opened
};

struct ClientOptions {
    QString heloName;
    config::TlsMode tls = config::TlsMode::Opportunistic;
    QString username;
    QString password;
    QString peerName; // the host name for TLS SNI and log lines
    double timeScale = 1.0;
    // Do not try STARTTLS even when offered: its handshake failed at this address lately. Not
    // the same as tls Off, which would also let a password go in clear text.
    bool skipStartTls = false;
};

class SmtpClient : public QObject {
    Q_OBJECT
public:
    explicit SmtpClient(ClientOptions options, QObject *parent = nullptr);
    ~SmtpClient() override;

    void connectToHost(const QString &address, quint16 port);
    // Runs one transaction; transactionFinished() reports it. Only when isReady().
    void send(const ClientJob &job);
    void quit();
    bool isReady() const { return m_state == State::Ready; }
    QString peer() const { return m_peer; }
    bool tlsActive() const { return m_tls && m_tls->isEncrypted(); }
    // Why the STARTTLS handshake failed, once failed() has said it did; empty otherwise. The
    // session cannot go on in that connection, but a new one in clear text may.
    QString tlsError() const { return m_tlsError; }

signals:
    void ready();
    // The connection could not be used (refused, timed out, greeting or EHLO refused, TLS
    // required but not offered or refused, the TLS handshake failed: see tlsError()).
    // permanent: a 5xx greeting/EHLO.
    void failed(const tandem::delivery::ServerReply &reply);
    void transactionFinished(const tandem::delivery::ClientResult &result);
    void closed();

private:
    enum class State {
        Connecting,
        Greeting,
        Ehlo,
        Helo,
        StartTls,
        Handshake,
        AuthPlain,
        AuthLogin,
        AuthLoginUser,
        AuthLoginPassword,
        Ready,
        Mail,
        Rcpt,
        Data,
        Body,
        Rset,
        Quit,
        GivingUp, // QUIT after a failure: the server's answer or a short wait, then failed()
        Closed
    };

    void onReadyRead();
    // To the server: straight into the kernel on a plain connection (util::sendNow), through
    // the QSslSocket under TLS.
    void writeOut(const QByteArray &bytes);
    void onReply(const ServerReply &reply);
    void onEhloReply(const ServerReply &reply);
    void afterEhlo();
    void startAuth();
    void sendTransaction();
    bool withoutSmtpUtf8();
    QByteArray rcptLine(const ClientRecipient &recipient) const;
    void onTransactionReply(const ServerReply &reply);
    void sendBody();
    void finishTransaction(const ServerReply &reply);
    void fail(const ServerReply &reply);
    // fail() on a connection that still works: QUIT first (RFC 5321 §4.1.1.10), so the
    // server logs a client that left rather than a connection lost after EHLO.
    void giveUp(const ServerReply &reply);
    void failHandshake(const QString &why);
    void command(const QByteArray &line, State next, int timeoutSeconds);
    void expect(State next, int timeoutSeconds);
    void armTimer(int seconds);
    void pumpBody();
    void connectSocket();
    // After STARTTLS's 220: the connection moves from the plain socket to a new QSslSocket.
    bool moveToTls(QString *error);

    ClientOptions m_options;
    QTcpSocket *m_socket;        // plain until STARTTLS is accepted; then m_tls
    QSslSocket *m_tls = nullptr; // the connection's socket since STARTTLS's 220
    QTimer m_timer;
    State m_state = State::Closed;
    QString m_peer;
    QByteArray m_in;
    QStringList m_replyLines;
    // What the server offers.
    QSet<QString> m_extensions;
    QStringList m_authMechanisms;
    qint64 m_maxSize = 0;
    bool m_triedTls = false;
    QString m_tlsError;
    ServerReply m_failure; // what failed() reports once QUIT is answered (State::GivingUp)
    // The transaction in progress.
    ClientJob m_job;
    ClientResult m_result;
    int m_pendingReplies = 0; // pipelined replies still to read (MAIL + RCPTs + DATA)
    int m_rcptIndex = 0;
    bool m_mailOk = false;
    int m_acceptedRecipients = 0;
    ServerReply m_lastRcptReply;
    // Pipelined DATA answered 354 although MAIL or every RCPT was refused: the lone "." that
    // ends the empty body is answered, and the transaction ends with this reply.
    std::optional<ServerReply> m_abandoned;
    std::unique_ptr<QIODevice> m_body; // the message file, or its 7-bit conversion
    bool m_bodyAtLineStart = true;
    bool m_bodyDone = false;
};

} // namespace tandem::delivery
