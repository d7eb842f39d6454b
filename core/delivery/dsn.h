#pragma once

#include "spool/envelope.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

// Delivery status notifications (RFC 3464: multipart/report with message/delivery-status),
// made inside the server: null envelope sender, From: MAILER-DAEMON, no Received: header.
namespace tandem::delivery {

enum class ReportKind { Failed, Delayed, Relayed, Delivered };

struct ReportInput {
    ReportKind kind = ReportKind::Failed;
    spool::Envelope original;       // id, sender, received, helo, clientAddress are used
    QList<spool::Failure> failures; // one per recipient reported on
    QString envid;                  // RFC 3461 ENVID of the original, if any
    QString ret;                    // RFC 3461 RET of the original: FULL returns it whole
    QByteArray originalHeaders;     // the header section of the original, attached as-is
    QByteArray originalMessage;     // the whole original (RET=FULL), attached instead when set
    QString hostname;               // the reporting MTA
    QDateTime now;
};

QByteArray makeReport(const ReportInput &input);

// A plain text message of the mail system to postmaster@<domain>, about something the
// administrator must look at (a damaged queue entry moved aside).
struct PostmasterNotice {
    QString hostname; // the reporting MTA
    QString domain;   // the postmaster's domain
    QString subject;
    QString text;
    QString id; // makes the Message-ID
    QDateTime now;
};
QByteArray makePostmasterNotice(const PostmasterNotice &notice);
inline QByteArray makeFailureReport(const ReportInput &input)
{
    return makeReport(input);
}
// The header section of a message file (up to the first empty line, capped in size).
QByteArray readHeaderSection(const QString &messagePath, qint64 cap = 256 * 1024);

} // namespace tandem::delivery
