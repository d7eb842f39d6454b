#include "dsn.h"

#include "smtp/address.h"

#include <QFile>
#include <QLocale>
#include <QRegularExpression>
#include <QUuid>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace tandem::delivery {

namespace {

QByteArray rfc5322Date(const QDateTime &t)
{
    return QLocale::c().toString(t.toUTC(), u"ddd, dd MMM yyyy hh:mm:ss"_s).toLatin1() + " +0000";
}

// Text that goes into a header or report field must not carry line breaks.
QByteArray oneLine(const QString &text)
{
    QByteArray out = text.toUtf8();
    out.replace('\r', ' ').replace('\n', ' ');
    return out;
}

// RFC 3461 §4: xtext is printable ASCII with "+XX" hex escapes. ENVID and ORCPT arrive (and are
// passed on) in that form; reports show them decoded (§6.3). A decoded control character
// becomes a space, so that no value can break a report field.
QByteArray xtextDecoded(const QByteArray &xtext)
{
    QByteArray out;
    for (qsizetype i = 0; i < xtext.size(); ++i) {
        bool ok = false;
        const int hex =
            xtext[i] == '+' && i + 2 < xtext.size() ? xtext.mid(i + 1, 2).toInt(&ok, 16) : -1;
        char c = xtext[i];
        if (ok && hex >= 0) {
            c = char(hex);
            i += 2;
        }
        out += (uchar(c) < 0x20 || c == 0x7f) ? ' ' : c;
    }
    return out;
}

// RFC 3464 §2.3.1: Original-Recipient is the ORCPT parameter, "type;address" with the address
// xtext-decoded; empty when the recipient came without one.
QByteArray originalRecipient(const spool::Envelope &original, const QString &recipient)
{
    QString orcpt = original.dsn.value(recipient).orcpt;
    if (orcpt.isEmpty()) {
        for (auto it = original.dsn.begin(); it != original.dsn.end(); ++it) {
            if (it.key().compare(recipient, Qt::CaseInsensitive) == 0)
                orcpt = it->orcpt;
        }
    }
    const qsizetype semicolon = orcpt.indexOf(u';');
    if (semicolon <= 0)
        return {};
    const QString type = orcpt.left(semicolon).trimmed();
    QString decoded =
        QString::fromUtf8(xtextDecoded(orcpt.mid(semicolon + 1).trimmed().toLatin1()));
    if (type.compare(u"utf-8"_s, Qt::CaseInsensitive) == 0) {
        // RFC 6533 §3: utf-8-addr-xtext writes a non-ASCII character as \x{HEX}.
        static const QRegularExpression escape(u"\\\\x\\{([0-9A-Fa-f]{1,6})\\}"_s);
        QString out;
        qsizetype from = 0;
        for (auto it = escape.globalMatch(decoded); it.hasNext();) {
            const auto match = it.next();
            out += decoded.mid(from, match.capturedStart() - from);
            const char32_t code = match.captured(1).toUInt(nullptr, 16);
            out += QString::fromUcs4(&code, 1);
            from = match.capturedEnd();
        }
        decoded = out + decoded.mid(from);
    }
    return oneLine(type) + "; " + oneLine(decoded);
}

// RFC 6533 §3: a UTF-8 address is of type "utf-8"; in a message/global-delivery-status the
// address itself may stay UTF-8 (utf-8-addr-unitext).
QByteArray addressField(const QString &address)
{
    return (smtp::isAscii(address) ? "rfc822; " : "utf-8; ") + oneLine(address);
}

} // namespace

QByteArray makePostmasterNotice(const PostmasterNotice &n)
{
    const QByteArray host = n.hostname.toLatin1();
    QByteArray m;
    m += "From: Mail Delivery System <MAILER-DAEMON@" + host + ">\r\n";
    m += "To: <postmaster@" + oneLine(n.domain) + ">\r\n";
    m += "Subject: " + oneLine(n.subject) + "\r\n";
    m += "Date: " + rfc5322Date(n.now) + "\r\n";
    m += "Message-ID: <" + n.id.toLatin1() + ".postmaster@" + host + ">\r\n";
    m += "Auto-Submitted: auto-generated\r\n";
    m += "MIME-Version: 1.0\r\n";
    m += "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n";
    m += "This is the mail system at host " + host + ".\r\n\r\n";
    for (const QString &line : n.text.split(u'\n'))
        m += line.toUtf8() + "\r\n";
    return m;
}

QByteArray makeReport(const ReportInput &in)
{
    QByteArray subject = "Undelivered Mail Returned to Sender";
    QByteArray action = "failed";
    QByteArray intro = "Your message could not be delivered to one or more recipients.";
    // Said of a recipient in the text part when no server reply says more.
    QByteArray outcome = "delivery failed";
    // Postfix's wording: only failure and delay reports call the original "Undelivered".
    QByteArray attachedAs = "Undelivered Message";
    switch (in.kind) {
    case ReportKind::Failed:
        break;
    case ReportKind::Delayed:
        subject = "Delayed Mail (still being retried)";
        action = "delayed";
        intro = "Your message has not been delivered yet to the recipients below. The mail "
                "system will keep trying; you do not need to send it again.";
        outcome = "not delivered yet";
        break;
    case ReportKind::Relayed:
        subject = "Successful Mail Delivery Report";
        action = "relayed";
        intro = "Your message was passed on to a system that does not report delivery.";
        outcome = "relayed";
        attachedAs = "Message";
        break;
    case ReportKind::Delivered:
        subject = "Successful Mail Delivery Report";
        action = "delivered";
        intro = "Your message was delivered to the recipients below.";
        outcome = "delivered to the mailbox";
        attachedAs = "Message";
        break;
    }
    // RFC 6533: a report about an SMTPUTF8 message or a UTF-8 address is a "global" one, whose
    // parts may carry UTF-8 where the classic ones may not.
    bool global = in.original.smtpUtf8 || !smtp::isAscii(in.original.sender);
    for (const spool::Failure &f : in.failures)
        global = global || !smtp::isAscii(f.recipient);
    const QByteArray host = in.hostname.toLatin1();
    const QByteArray boundary =
        in.original.id.toLatin1() + '/' + QUuid::createUuid().toString(QUuid::Id128).toLatin1();
    QByteArray m;
    m += "From: Mail Delivery System <MAILER-DAEMON@" + host + ">\r\n";
    m += "To: <" + oneLine(in.original.sender) + ">\r\n";
    m += "Subject: " + subject + "\r\n";
    m += "Date: " + rfc5322Date(in.now) + "\r\n";
    m += "Message-ID: <" + in.original.id.toLatin1() + '.' + action + '.' +
         QByteArray::number(in.now.toMSecsSinceEpoch()) + "@" + host + ">\r\n";
    m += "Auto-Submitted: auto-replied\r\n";
    m += "MIME-Version: 1.0\r\n";
    m += "Content-Type: multipart/report; report-type=delivery-status;\r\n"
         "\tboundary=\"" +
         boundary + "\"\r\n";
    m += "\r\nThis is a MIME-encapsulated message.\r\n\r\n";

    m += "--" + boundary + "\r\n";
    m += "Content-Description: Notification\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n";
    m += "This is the mail system at host " + host + ".\r\n\r\n";
    m += intro + "\r\n\r\n";
    for (const spool::Failure &f : in.failures)
        m += "<" + oneLine(f.recipient) +
             ">: " + (f.diagnostic.isEmpty() ? outcome : oneLine(f.diagnostic)) + "\r\n";
    m += "\r\n";

    m += "--" + boundary + "\r\n";
    m += "Content-Description: Delivery report\r\nContent-Type: message/" +
         QByteArray(global ? "global-" : "") + "delivery-status\r\n\r\n";
    m += "Reporting-MTA: dns; " + host + "\r\n";
    if (!in.envid.isEmpty())
        m += "Original-Envelope-Id: " + xtextDecoded(in.envid.toLatin1()) + "\r\n";
    m += "X-Tandem-Queue-ID: " + in.original.id.toLatin1() + "\r\n";
    if (!in.original.clientAddress.isEmpty())
        m += "Received-From-MTA: dns; " + oneLine(in.original.helo) + "\r\n";
    m += "Arrival-Date: " + rfc5322Date(in.original.received) + "\r\n";
    for (const spool::Failure &f : in.failures) {
        m += "\r\n";
        const QByteArray orcpt = originalRecipient(in.original, f.recipient);
        if (!orcpt.isEmpty())
            m += "Original-Recipient: " + orcpt + "\r\n";
        m += "Final-Recipient: " + addressField(f.recipient) + "\r\n";
        m += "Action: " + action + "\r\n";
        m += "Status: " + oneLine(f.status) + "\r\n";
        if (!f.remoteMta.isEmpty())
            m += "Remote-MTA: dns; " + oneLine(f.remoteMta) + "\r\n";
        if (!f.diagnostic.isEmpty())
            m += "Diagnostic-Code: " + oneLine(f.diagnostic) + "\r\n";
    }
    m += "\r\n";

    m += "--" + boundary + "\r\n";
    const QByteArray &attached =
        in.originalMessage.isEmpty() ? in.originalHeaders : in.originalMessage;
    if (in.originalMessage.isEmpty())
        m += "Content-Description: " + attachedAs + " Headers\r\nContent-Type: " +
             (global ? "message/global-headers" : "text/rfc822-headers") + "\r\n\r\n";
    else
        m += "Content-Description: " + attachedAs + "\r\nContent-Type: message/" +
             (global ? "global" : "rfc822") + "\r\n\r\n";
    m += attached;
    if (!attached.endsWith("\r\n"))
        m += "\r\n";
    m += "\r\n--" + boundary + "--\r\n";
    return m;
}

QByteArray readHeaderSection(const QString &messagePath, qint64 cap)
{
    QFile file(messagePath);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QByteArray head = file.read(cap);
    const qsizetype end = head.indexOf("\r\n\r\n");
    return end < 0 ? head : head.left(end + 2);
}

} // namespace tandem::delivery
