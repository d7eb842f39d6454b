// Header fields read for people: unfolded, RFC 2047 encoded words decoded, raw UTF-8 taken.
#include "mail/headers.h"

#include <QTest>

using namespace Qt::StringLiterals;
using tandem::mail::decodeHeaderText;
using tandem::mail::headerField;

class TestHeaders : public QObject {
    Q_OBJECT
private slots:
    void decodes_data();
    void decodes();
    void findsField();
};

void TestHeaders::decodes_data()
{
    QTest::addColumn<QByteArray>("raw");
    QTest::addColumn<QString>("text");
    QTest::newRow("plain") << QByteArray(" Quarterly figures ") << u"Quarterly figures"_s;
    QTest::newRow("empty") << QByteArray("  ") << QString();
    QTest::newRow("base64 UTF-8") << QByteArray(" =?UTF-8?B?R3LDvMOfZSBhdXMgS8O2bG4=?=")
                                  << u"Grüße aus Köln"_s;
    QTest::newRow("Q Latin-1 beside text")
        << QByteArray(" Re: =?ISO-8859-1?Q?Caf=E9_cr=E8me?= today") << u"Re: Café crème today"_s;
    // White space between two encoded words is not text (RFC 2047 §6.2).
    QTest::newRow("adjacent words")
        << QByteArray(" =?UTF-8?Q?Gr=C3=BC?= =?UTF-8?Q?=C3=9Fe?=") << u"Grüße"_s;
    QTest::newRow("folded") << QByteArray(" =?UTF-8?B?R3LDvMOfZQ==?=\r\n aus\r\n\tKöln")
                            << u"Grüße aus Köln"_s;
    QTest::newRow("raw UTF-8 (RFC 6532)") << QByteArray(" Привет, мир") << u"Привет, мир"_s;
    QTest::newRow("windows-1252") << QByteArray(" =?windows-1252?Q?=80_100?=") << u"€ 100"_s;
    QTest::newRow("control characters") << QByteArray(" a\x01"
                                                      "b =?UTF-8?Q?c=07d?=")
                                        << u"a b c d"_s;
    QTest::newRow("broken word stays") << QByteArray(" =?UTF-8?B?***?=") << u"=?UTF-8?B?***?="_s;
}

void TestHeaders::decodes()
{
    QFETCH(QByteArray, raw);
    QFETCH(QString, text);
    QCOMPARE(decodeHeaderText(raw), text);
}

void TestHeaders::findsField()
{
    const QByteArray message = "Received: from a\r\n\tby b\r\n"
                               "SUBJECT: =?UTF-8?Q?Fr=C3=BChst=C3=BCck?=\r\n"
                               " f\xC3\xBCr alle\r\n"
                               "Subject: the second one\r\n"
                               "From: <x@example.com>\r\n"
                               "\r\n"
                               "Subject: in the body\r\n";
    QCOMPARE(headerField(message, "Subject"), u"Frühstück für alle"_s);
    QCOMPARE(headerField(message, "from"), u"<x@example.com>"_s);
    QCOMPARE(headerField(message, "Received"), u"from a by b"_s);
    QCOMPARE(headerField(message, "To"), QString());
    QCOMPARE(headerField("From: a\n\nSubject: body\n", "Subject"), QString()); // LF only
    QCOMPARE(headerField("X: 1\nSubject: lf\n folded\n\n", "Subject"), u"lf folded"_s);
    // A subject beyond reason is cut, not kept whole.
    const QByteArray longOne = "Subject: " + QByteArray(100000, 'x') + "\r\n\r\n";
    QVERIFY(headerField(longOne, "Subject").size() <= tandem::mail::kMaxFieldBytes);
}

QTEST_GUILESS_MAIN(TestHeaders)
#include "tst_headers.moc"
