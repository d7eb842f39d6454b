#include "threadwarnings.h"

#include "delivery/mime7bit.h"

#include <QTest>

using namespace Qt::StringLiterals;
using tandem::delivery::downgradeTo7bit;
using tandem::delivery::hasEightBit;

// RFC 6152: what a next hop without 8BITMIME gets instead of 8-bit bytes.
class TestMime7bit : public QObject {
    Q_OBJECT
private slots:
    void init() { tandem::test::failOnThreadWarnings(); }
    void textBecomesQuotedPrintable();
    void nestedMessageConverted();
    void eightBitHeaderRefused();
};

void TestMime7bit::textBecomesQuotedPrintable()
{
    const QByteArray in = "Subject: x\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; "
                          "charset=utf-8\r\n\r\nK\xc3\xb6ln\r\nline two\r\n";
    QString why;
    const auto out = downgradeTo7bit(in, &why);
    QVERIFY2(out, qPrintable(why));
    QVERIFY(!hasEightBit(*out));
    QVERIFY(out->contains("Content-Transfer-Encoding: quoted-printable\r\n"));
    QVERIFY(out->contains("K=C3=B6ln\r\nline two"));
    QVERIFY(!out->contains("=0D"));
    // CRLF line ends only.
    for (qsizetype i = out->indexOf('\n'); i >= 0; i = out->indexOf('\n', i + 1))
        QCOMPARE(out->at(i - 1), '\r');
}

void TestMime7bit::nestedMessageConverted()
{
    // A notice that returns an 8-bit message whole: the inner part is re-encoded, the
    // message/rfc822 part itself takes no encoding (RFC 2046 §5.2.1).
    const QByteArray in = "Subject: notice\r\nMIME-Version: 1.0\r\nContent-Type: multipart/report; "
                          "boundary=\"b\"\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nsee "
                          "below\r\n--b\r\nContent-Type: message/rfc822\r\n\r\nSubject: "
                          "inner\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n\xe2\x82\xac "
                          "10\r\n--b--\r\n";
    QString why;
    const auto out = downgradeTo7bit(in, &why);
    QVERIFY2(out, qPrintable(why));
    QVERIFY(!hasEightBit(*out));
    QVERIFY(out->contains("=E2=82=AC 10"));
}

void TestMime7bit::eightBitHeaderRefused()
{
    QString why;
    QVERIFY(!downgradeTo7bit("Subject: Gr\xc3\xbc\xc3\x9f"
                             "e\r\n\r\nbody\r\n",
                             &why));
    QVERIFY2(why.contains(u"Subject"_s), qPrintable(why));
}

QTEST_GUILESS_MAIN(TestMime7bit)
#include "tst_mime7bit.moc"
