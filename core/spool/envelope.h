#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

// What the spool keeps beside a message's bytes: the SMTP envelope, how it arrived, and the
// router's plan (the actions), decided once at acceptance so that recovery after a crash
// carries out the same plan, whatever the configuration says by then.
namespace tandem::spool {

enum class ActionKind {
    Deliver, // store in a local mailbox folder
    Outbox,  // queue for a next hop with these recipients
    Bounce,  // send a delivery status notification to the envelope sender
    Hold,    // keep in the Outbox, held, for the administrator (e.g. a looping bounce)
};
QString toString(ActionKind kind);

// RFC 3461 parameters of one recipient.
struct RecipientDsn {
    QString notify; // "NEVER" or a list of SUCCESS, FAILURE, DELAY; empty: not given
    QString orcpt;  // "rfc822;addr" as received; empty: not given
    bool operator==(const RecipientDsn &other) const = default;
};

struct Failure {
    QString recipient;
    QString status;         // RFC 3463 code, "5.1.1"
    QString diagnostic;     // text for the DSN's Diagnostic-Code
    QString remoteMta = {}; // the server that gave the reply (RFC 3464 Remote-MTA), if remote
    bool operator==(const Failure &other) const = default;
};

struct Action {
    ActionKind kind = ActionKind::Deliver;
    // Deliver
    QString mailbox;     // "alice@example.com"
    QString folder;      // "" for INBOX, "Sent"
    bool create = false; // create the mailbox from the template when it does not exist
    QString deliveredTo; // the envelope recipient named in Delivered-To:
    // Outbox, Hold
    QString nextHop;
    QStringList recipients;
    QString reason;
    // Bounce
    QList<Failure> failures;

    bool operator==(const Action &other) const = default;
};

struct Envelope {
    static constexpr int kVersion = 1;
    QString id;
    QDateTime received;
    QString clientAddress; // empty for messages the server generated
    QString helo;
    QString sender; // empty for the null reverse-path
    QStringList recipients;
    qint64 size = 0;
    int receivedHeaders = 0; // Received: fields in the message, this server's own not counted
    bool generated = false;  // made by this server (a DSN), not received over SMTP
    bool eightBit = true;    // has bytes over 127 (records from before it was kept: maybe)
    bool smtpUtf8 = false;   // received with SMTPUTF8 (RFC 6531): UTF-8 addresses or headers
    QString messageId;
    QString subject; // the Subject: field decoded for people (RFC 2047), empty: none
    QString ret;     // RFC 3461 RET (FULL or HDRS), empty: not given
    QString envid;   // RFC 3461 ENVID, empty: not given
    QHash<QString, RecipientDsn> dsn; // by recipient, only those that gave parameters
    QString handover;                 // the partner's XHANDOVER id (HandoverLog), if any
    QList<Action> actions;
};

QJsonObject dsnToJson(const QHash<QString, RecipientDsn> &dsn);
QHash<QString, RecipientDsn> dsnFromJson(const QJsonObject &object);

QByteArray serialize(const Envelope &envelope);
std::optional<Envelope> deserialize(const QByteArray &bytes, QString *error);

} // namespace tandem::spool
