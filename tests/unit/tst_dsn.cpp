// Delivery status notifications (RFC 3464) made by the server.
#include "delivery/dsn.h"
#include "threadwarnings.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace tandem;
using delivery::ReportInput;

namespace {

const QByteArray kOriginalHeaders = "Received: from client.example ([192.0.2.7])\r\n"
                                    "\tby mx.example.com; Tue, 14 Nov 2023 22:13:20 +0000\r\n"
                                    "From: Alice <alice@remote.test>\r\n"
                                    "To: <nobody@example.com>, <ghost@example.com>\r\n"
                                    "Subject: are you there?\r\n"
                                    "Message-ID: <m1@client.example>\r\n";

ReportInput input()
{
    ReportInput in;
    in.original.id = u"0005F1A2B3C4D5E60001"_s;
    in.original.received = QDateTime::fromSecsSinceEpoch(1700000000, Qt::UTC);
    in.original.clientAddress = u"192.0.2.7"_s;
    in.original.helo = u"client.example"_s;
    in.original.sender = u"alice@remote.test"_s;
    in.original.recipients = {u"nobody@example.com"_s, u"ghost@example.com"_s};
    in.failures = {spool::Failure{u"nobody@example.com"_s, u"5.1.1"_s,
                                  u"smtp; 550 5.1.1 <nobody@example.com>: no such user here"_s},
                   spool::Failure{u"ghost@example.com"_s, u"5.1.1"_s,
                                  u"smtp; 550 5.1.1 <ghost@example.com>: no such user here"_s}};
    in.originalHeaders = kOriginalHeaders;
    in.hostname = u"mx.example.com"_s;
    in.now = QDateTime::fromSecsSinceEpoch(1700000100, Qt::UTC);
    return in;
}

QByteArray headerSection(const QByteArray &message)
{
    const qsizetype end = message.indexOf("\r\n\r\n");
    return end < 0 ? message : message.left(end + 2);
}

// Unfolded header field value, or an empty array.
QByteArray field(const QByteArray &headers, const QByteArray &name)
{
    const QList<QByteArray> lines = headers.split('\n');
    QByteArray value;
    bool in = false;
    for (QByteArray line : lines) {
        line.chop(line.endsWith('\r') ? 1 : 0);
        if (in && (line.startsWith(' ') || line.startsWith('\t'))) {
            value += ' ' + line.trimmed();
            continue;
        }
        if (in)
            break;
        if (line.toLower().startsWith(name.toLower() + ':')) {
            value = line.mid(name.size() + 1).trimmed();
            in = true;
        }
    }
    return value;
}

} // namespace

class TestDsn : public QObject {
    Q_OBJECT

private slots:
    void init() { tandem::test::failOnThreadWarnings(); }
    void reportStructure();
    void perRecipientFields();
    void originalRecipientAndRemoteMta();
    void originalEnvelopeIdDecoded();
    void globalReportForUtf8Addresses();
    void successReportWording();
    void originalHeadersAttached();
    void noReceivedAtTopLevel();
    void linesAreCrlfAndShort();
    void headerInjectionIsFlattened();
    void readHeaderSection();
};

void TestDsn::reportStructure()
{
    const QByteArray m = delivery::makeFailureReport(input());
    const QByteArray headers = headerSection(m);

    QVERIFY(m.contains("Content-Type: multipart/report; report-type=delivery-status"));
    QCOMPARE(field(headers, "From"),
             QByteArray("Mail Delivery System <MAILER-DAEMON@mx.example.com>"));
    QCOMPARE(field(headers, "To"), QByteArray("<alice@remote.test>"));
    QCOMPARE(field(headers, "MIME-Version"), QByteArray("1.0"));
    QCOMPARE(field(headers, "Auto-Submitted"), QByteArray("auto-replied"));
    QCOMPARE(field(headers, "Date"), QByteArray("Tue, 14 Nov 2023 22:15:00 +0000"));
    QVERIFY(!field(headers, "Subject").isEmpty());
    QVERIFY(field(headers, "Message-ID").startsWith('<'));
    QVERIFY(field(headers, "Message-ID").endsWith("@mx.example.com>"));

    // The boundary in the header delimits three parts and closes.
    const QByteArray ct = field(headers, "Content-Type");
    const qsizetype b = ct.indexOf("boundary=\"");
    QVERIFY2(b >= 0, ct.constData());
    const QByteArray boundary = ct.mid(b + 10, ct.indexOf('"', b + 10) - b - 10);
    QVERIFY(!boundary.isEmpty());
    QVERIFY(boundary.size() <= 70); // RFC 2046 §5.1.1
    QCOMPARE(m.count("\r\n--" + boundary + "\r\n"), 3);
    QVERIFY(m.endsWith("\r\n--" + boundary + "--\r\n"));
    QVERIFY(m.contains("Content-Type: message/delivery-status\r\n"));
    QVERIFY(m.contains("Reporting-MTA: dns; mx.example.com\r\n"));
    QVERIFY(m.contains("Arrival-Date: Tue, 14 Nov 2023 22:13:20 +0000\r\n"));

    // Each report gets its own boundary.
    QVERIFY(!delivery::makeFailureReport(input()).contains(boundary));
}

void TestDsn::perRecipientFields()
{
    const QByteArray m = delivery::makeFailureReport(input());
    const qsizetype report = m.indexOf("Content-Type: message/delivery-status");
    QVERIFY(report > 0);
    const QByteArray part = m.mid(report);
    for (const QByteArray &rcpt :
         {QByteArray("nobody@example.com"), QByteArray("ghost@example.com")}) {
        const QByteArray block =
            "\r\n\r\nFinal-Recipient: rfc822; " + rcpt +
            "\r\nAction: failed\r\nStatus: 5.1.1\r\nDiagnostic-Code: smtp; 550 5.1.1 <" + rcpt +
            ">: no such user here\r\n";
        QVERIFY2(part.contains(block), rcpt.constData());
        // The human-readable part names each recipient too.
        QVERIFY(m.left(report).contains('<' + rcpt + ">: "));
    }
    QCOMPARE(m.count("Action: failed\r\n"), 2);
    QCOMPARE(m.count("Status: 5.1.1\r\n"), 2);
}

// RFC 3464 §2.3.1: a recipient given with ORCPT is named as it was (xtext decoded) before its
// Final-Recipient; §2.3.5: a reply from another server names it in Remote-MTA. Fields in the
// RFC's order; none of them for a recipient without ORCPT or a remote reply.
void TestDsn::originalRecipientAndRemoteMta()
{
    ReportInput in = input();
    in.original.dsn.insert(u"nobody@example.com"_s,
                           spool::RecipientDsn{u"FAILURE"_s, u"rfc822;No+2Bbody@example.com"_s});
    in.failures[0].remoteMta = u"mx1.example.com"_s;
    const QByteArray m = delivery::makeFailureReport(in);
    const QByteArray part = m.mid(m.indexOf("Content-Type: message/delivery-status"));
    QVERIFY2(part.contains("\r\n\r\nOriginal-Recipient: rfc822; No+body@example.com\r\n"
                           "Final-Recipient: rfc822; nobody@example.com\r\n"
                           "Action: failed\r\n"
                           "Status: 5.1.1\r\n"
                           "Remote-MTA: dns; mx1.example.com\r\n"
                           "Diagnostic-Code: smtp; 550 5.1.1 <nobody@example.com>: no such user "
                           "here\r\n"),
             part.constData());
    QVERIFY(part.contains("\r\n\r\nFinal-Recipient: rfc822; ghost@example.com\r\n"
                          "Action: failed\r\nStatus: 5.1.1\r\nDiagnostic-Code: "));
    QCOMPARE(m.count("Original-Recipient:"), 1);
    QCOMPARE(m.count("Remote-MTA:"), 1);
}

// RFC 6533: a report naming a UTF-8 address is a global one: message/global-delivery-status,
// "utf-8" address types (ORCPT's \\x{HEX} escapes decoded), message/global-headers attached.
void TestDsn::globalReportForUtf8Addresses()
{
    ReportInput in = input();
    in.failures[0].recipient = u"j\u00f6rg@example.com"_s;
    in.original.dsn.insert(u"j\u00f6rg@example.com"_s,
                           spool::RecipientDsn{u"FAILURE"_s, u"utf-8;j\\x{F6}rg@example.com"_s});
    const QByteArray m = delivery::makeFailureReport(in);
    QVERIFY2(m.contains("Content-Type: message/global-delivery-status\r\n"), m.constData());
    QVERIFY(m.contains("Original-Recipient: utf-8; j\xc3\xb6rg@example.com\r\n"
                       "Final-Recipient: utf-8; j\xc3\xb6rg@example.com\r\n"));
    QVERIFY(m.contains("Final-Recipient: rfc822; ghost@example.com\r\n"));
    QVERIFY(m.contains("Content-Type: message/global-headers\r\n"));
    QVERIFY(!m.contains("message/delivery-status"));

    const QByteArray plain = delivery::makeFailureReport(input());
    QVERIFY(plain.contains("Content-Type: message/delivery-status\r\n"));
    QVERIFY(plain.contains("Content-Type: text/rfc822-headers\r\n"));
}

// RFC 3461 §6.3 (a): ENVID is kept as it came, xtext (and passed on so, as Postfix sends it:
// "+2B" for "+"), and the report's Original-Envelope-Id shows it decoded. A decoded line break
// cannot start a field of its own.
void TestDsn::originalEnvelopeIdDecoded()
{
    ReportInput in = input();
    in.envid = u"order+2B42+3Dx"_s;
    QByteArray m = delivery::makeFailureReport(in);
    QVERIFY2(m.contains("\r\nOriginal-Envelope-Id: order+42=x\r\n"), m.constData());
    in.envid = u"a+0D+0AX-Evil:+201"_s;
    m = delivery::makeFailureReport(in);
    QVERIFY2(m.contains("\r\nOriginal-Envelope-Id: a  X-Evil: 1\r\n"), m.constData());
    QVERIFY(!m.contains("\nX-Evil"));
}

// A success report says what happened to each recipient in its text part, and its third part
// is the message's headers, not "Undelivered" ones (Postfix: "Message Headers").
void TestDsn::successReportWording()
{
    ReportInput in = input();
    in.kind = delivery::ReportKind::Delivered;
    in.failures = {spool::Failure{u"bob@example.com"_s, u"2.0.0"_s, QString()}};
    QByteArray m = delivery::makeReport(in);
    const QByteArray text = m.left(m.indexOf("Content-Type: message/delivery-status"));
    QVERIFY2(text.contains("<bob@example.com>: delivered to the mailbox\r\n"), text.constData());
    QVERIFY(!m.contains("Undelivered"));
    QVERIFY(m.contains("Content-Description: Message Headers\r\n"
                       "Content-Type: text/rfc822-headers\r\n"));
    QVERIFY(m.contains("Action: delivered\r\nStatus: 2.0.0\r\n\r\n"));

    in.kind = delivery::ReportKind::Relayed;
    in.failures = {spool::Failure{u"bob@remote.test"_s, u"2.0.0"_s, u"smtp; 250 2.0.0 Ok"_s,
                                  u"relay.remote.test"_s}};
    m = delivery::makeReport(in);
    QVERIFY(m.contains("<bob@remote.test>: smtp; 250 2.0.0 Ok\r\n"));
    QVERIFY(m.contains("Content-Description: Message Headers\r\n"));
    QVERIFY(m.contains("Action: relayed\r\nStatus: 2.0.0\r\n"
                       "Remote-MTA: dns; relay.remote.test\r\n"
                       "Diagnostic-Code: smtp; 250 2.0.0 Ok\r\n"));

    // Failure and delay reports keep "Undelivered".
    in.kind = delivery::ReportKind::Delayed;
    QVERIFY(delivery::makeReport(in).contains("Content-Description: Undelivered Message Headers"));
    QVERIFY(delivery::makeFailureReport(input()).contains(
        "Content-Description: Undelivered Message Headers"));
}

void TestDsn::originalHeadersAttached()
{
    const QByteArray m = delivery::makeFailureReport(input());
    QVERIFY(m.contains("Content-Type: text/rfc822-headers\r\n\r\n" + kOriginalHeaders + "\r\n--"));

    // Headers that lack their final CRLF are completed.
    ReportInput in = input();
    in.originalHeaders = "Subject: cut\r\nFrom: a@b.example";
    const QByteArray cut = delivery::makeFailureReport(in);
    QVERIFY(cut.contains(
        "Content-Type: text/rfc822-headers\r\n\r\nSubject: cut\r\nFrom: a@b.example\r\n\r\n--"));
}

void TestDsn::noReceivedAtTopLevel()
{
    // The report is made here: it carries no Received: of its own (which is what sends it
    // through the Outbox on an Archive with "copy mail without Received: headers").
    const QByteArray m = delivery::makeFailureReport(input());
    const QByteArray headers = headerSection(m);
    for (const QByteArray &line : headers.split('\n'))
        QVERIFY2(!line.toLower().startsWith("received:"), line.constData());
    QVERIFY(field(headers, "Received").isEmpty());
    // The original's Received: is only inside the attached headers.
    QCOMPARE(m.count("Received: "), 1);
    QVERIFY(m.indexOf("Received: ") > m.indexOf("text/rfc822-headers"));
}

void TestDsn::linesAreCrlfAndShort()
{
    ReportInput in = input();
    // Long, but legal, inputs: a 64-octet local part in a 255-octet domain.
    const QString longRcpt = QString(64, u'l') + u'@' + QString(63, u'd') + u'.' +
                             QString(63, u'e') + u'.' + QString(63, u'f') + u'.' +
                             QString(61, u'g') + u".example"_s;
    in.failures.append(spool::Failure{longRcpt, u"5.1.1"_s,
                                      u"smtp; 550 5.1.1 <%1>: no such user here"_s.arg(longRcpt)});
    in.original.helo = QString(255, u'h');
    for (const ReportInput &report : {input(), in}) {
        const QByteArray m = delivery::makeFailureReport(report);
        QVERIFY(m.endsWith("\r\n"));
        const QList<QByteArray> lines = m.chopped(2).split('\n');
        for (qsizetype i = 0; i < lines.size(); ++i) {
            const QByteArray &line = lines.at(i);
            // Every line but the last is followed by "\n"; each must end with "\r".
            QVERIFY2(line.endsWith('\r') || i == lines.size() - 1,
                     qPrintable(u"line %1 lacks CR: %2"_s.arg(i).arg(QString::fromLatin1(line))));
            QVERIFY2(!line.chopped(line.endsWith('\r') ? 1 : 0).contains('\r'),
                     qPrintable(u"bare CR in line %1"_s.arg(i)));
            QVERIFY2(line.size() - (line.endsWith('\r') ? 1 : 0) <= 998,
                     qPrintable(u"line %1 has %2 octets"_s.arg(i).arg(line.size())));
        }
    }
}

void TestDsn::headerInjectionIsFlattened()
{
    // Texts that reach header or report fields cannot start a new field.
    ReportInput in = input();
    in.original.sender = u"alice@remote.test>\r\nBcc: <victim@remote.test"_s;
    in.failures = {spool::Failure{u"x@example.com\r\nX-Evil: 1"_s, u"5.1.1\nX-Evil: 2"_s,
                                  u"smtp; 550\r\nX-Evil: 3"_s}};
    const QByteArray m = delivery::makeFailureReport(in);
    const QList<QByteArray> lines = m.split('\n');
    for (const QByteArray &line : lines) {
        QVERIFY2(!line.startsWith("Bcc:"), line.constData());
        QVERIFY2(!line.startsWith("X-Evil:"), line.constData());
    }
}

void TestDsn::readHeaderSection()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"m.msg"_s);
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(kOriginalHeaders + "\r\nBody line\r\n\r\nmore\r\n");
    }
    QCOMPARE(delivery::readHeaderSection(path), kOriginalHeaders);
    // Capped: a message without an empty line gives at most cap bytes.
    QCOMPARE(delivery::readHeaderSection(path, 10), kOriginalHeaders.left(10));
    QVERIFY(delivery::readHeaderSection(dir.filePath(u"missing"_s)).isEmpty());
}

QTEST_GUILESS_MAIN(TestDsn)
#include "tst_dsn.moc"
