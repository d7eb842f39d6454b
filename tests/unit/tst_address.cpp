// RFC 5321 §4.1.2 paths: what parsePath accepts, what it refuses, and how toString() quotes.
#include "smtp/address.h"
#include "threadwarnings.h"

#include <QTest>

using namespace Qt::StringLiterals;
using tandem::smtp::Address;
using tandem::smtp::parseMailbox;
using tandem::smtp::parsePath;

class TestAddress : public QObject {
    Q_OBJECT

private slots:
    void init() { tandem::test::failOnThreadWarnings(); }
    void accepted_data();
    void accepted();
    void refused_data();
    void refused();
    void nullPath();
    void barePostmasterOnlyForRecipients();
    void restAfterClosingBracket();
    void localPartLength();
    void toStringQuotes_data();
    void toStringQuotes();
    void openRelayTricksStayLocal_data();
    void openRelayTricksStayLocal();
    void parseMailboxBare();
    void pathLength();
    void literalWithControlBytes();
};

void TestAddress::accepted_data()
{
    QTest::addColumn<QByteArray>("path");
    QTest::addColumn<QString>("localPart");
    QTest::addColumn<QString>("domain");
    QTest::addColumn<bool>("literal");
    QTest::addColumn<QString>("wire");

    QTest::newRow("plain") << QByteArray("<alice@example.com>") << u"alice"_s << u"example.com"_s
                           << false << u"alice@example.com"_s;
    QTest::newRow("dot-string") << QByteArray("<first.last+tag@example.com>") << u"first.last+tag"_s
                                << u"example.com"_s << false << u"first.last+tag@example.com"_s;
    QTest::newRow("domain lower-cased, local part kept")
        << QByteArray("<Alice@EXAMPLE.Com>") << u"Alice"_s << u"example.com"_s << false
        << u"Alice@example.com"_s;
    QTest::newRow("quoted with space")
        << QByteArray("<\"john doe\"@example.com>") << u"john doe"_s << u"example.com"_s << false
        << u"\"john doe\"@example.com"_s;
    QTest::newRow("quoted-pair quote") << QByteArray("<\"a\\\"b\"@example.com>") << u"a\"b"_s
                                       << u"example.com"_s << false << u"\"a\\\"b\"@example.com"_s;
    QTest::newRow("quoted-pair backslash")
        << QByteArray("<\"a\\\\b\"@example.com>") << u"a\\b"_s << u"example.com"_s << false
        << u"\"a\\\\b\"@example.com"_s;
    QTest::newRow("quoted but needs no quotes")
        << QByteArray("<\"bob\"@example.com>") << u"bob"_s << u"example.com"_s << false
        << u"bob@example.com"_s;
    QTest::newRow("ipv4 literal") << QByteArray("<postmaster@[192.0.2.1]>") << u"postmaster"_s
                                  << u"[192.0.2.1]"_s << true << u"postmaster@[192.0.2.1]"_s;
    QTest::newRow("ipv6 literal") << QByteArray("<root@[IPv6:::1]>") << u"root"_s << u"[IPv6:::1]"_s
                                  << true << u"root@[IPv6:::1]"_s;
    QTest::newRow("ipv6 literal full")
        << QByteArray("<root@[IPv6:2001:db8::1]>") << u"root"_s << u"[IPv6:2001:db8::1]"_s << true
        << u"root@[IPv6:2001:db8::1]"_s;
    QTest::newRow("source route discarded")
        << QByteArray("<@a.example,@b.example:user@c.example>") << u"user"_s << u"c.example"_s
        << false << u"user@c.example"_s;
    QTest::newRow("one-hop source route") << QByteArray("<@a.example:user@c.example>") << u"user"_s
                                          << u"c.example"_s << false << u"user@c.example"_s;
    QTest::newRow("hyphen in domain")
        << QByteArray("<u@mail-1.example.com>") << u"u"_s << u"mail-1.example.com"_s << false
        << u"u@mail-1.example.com"_s;
    // RFC 6531: UTF-8 local parts as they are, IDN domains in their A-label form.
    QTest::newRow("utf-8 local part") << QByteArray("<j\xc3\xb6rg@example.com>") << u"j\u00f6rg"_s
                                      << u"example.com"_s << false << u"j\u00f6rg@example.com"_s;
    QTest::newRow("utf-8 local part, other script")
        << QByteArray("<\xe7\x94\xa8\xe6\x88\xb7@example.com>") << u"\u7528\u6237"_s
        << u"example.com"_s << false << u"\u7528\u6237@example.com"_s;
    QTest::newRow("utf-8 quoted local part")
        << QByteArray("<\"j\xc3\xb6rg m\"@example.com>") << u"j\u00f6rg m"_s << u"example.com"_s
        << false << u"\"j\u00f6rg m\"@example.com"_s;
    QTest::newRow("U-label domain as A-label")
        << QByteArray("<info@B\xc3\xbc"
                      "cher.example>")
        << u"info"_s << u"xn--bcher-kva.example"_s << false << u"info@xn--bcher-kva.example"_s;
    QTest::newRow("A-label domain kept")
        << QByteArray("<info@XN--bcher-kva.example>") << u"info"_s << u"xn--bcher-kva.example"_s
        << false << u"info@xn--bcher-kva.example"_s;
}

void TestAddress::accepted()
{
    QFETCH(QByteArray, path);
    QFETCH(QString, localPart);
    QFETCH(QString, domain);
    QFETCH(bool, literal);
    QFETCH(QString, wire);

    for (const bool allowNull : {true, false}) {
        const auto result = parsePath(path, allowNull);
        QVERIFY2(result.address.has_value(), qPrintable(result.error));
        QVERIFY(result.error.isEmpty());
        QCOMPARE(result.address->localPart, localPart);
        QCOMPARE(result.address->domain, domain);
        QCOMPARE(result.address->domainIsLiteral, literal);
        QCOMPARE(result.address->toString(), wire);
        QVERIFY(result.rest.isEmpty());
    }
}

void TestAddress::refused_data()
{
    QTest::addColumn<QByteArray>("path");

    QTest::newRow("no brackets") << QByteArray("alice@example.com");
    QTest::newRow("no closing bracket") << QByteArray("<alice@example.com");
    QTest::newRow("no opening bracket") << QByteArray("alice@example.com>");
    QTest::newRow("empty") << QByteArray("");
    QTest::newRow("trailing dot domain") << QByteArray("<alice@example.com.>");
    QTest::newRow("leading dot domain") << QByteArray("<alice@.example.com>");
    QTest::newRow("double dot domain") << QByteArray("<alice@example..com>");
    QTest::newRow("hyphen ends label") << QByteArray("<alice@example-.com>");
    QTest::newRow("no domain") << QByteArray("<alice@>");
    QTest::newRow("no local part") << QByteArray("<@example.com>");
    QTest::newRow("no at sign") << QByteArray("<alice>");
    QTest::newRow("two at signs") << QByteArray("<alice@remote.test@example.com>");
    QTest::newRow("bad ipv4 octet") << QByteArray("<a@[999.1.1.1]>");
    QTest::newRow("three octets") << QByteArray("<a@[1.2.3]>");
    QTest::newRow("five octets") << QByteArray("<a@[1.2.3.4.5]>");
    QTest::newRow("empty literal") << QByteArray("<a@[]>");
    QTest::newRow("ipv4 as ipv6 literal") << QByteArray("<a@[IPv6:192.0.2.1]>");
    QTest::newRow("bad ipv6") << QByteArray("<a@[IPv6:::g]>");
    QTest::newRow("unclosed literal") << QByteArray("<a@[192.0.2.1>");
    QTest::newRow("leading dot local") << QByteArray("<.alice@example.com>");
    QTest::newRow("trailing dot local") << QByteArray("<alice.@example.com>");
    QTest::newRow("double dot local") << QByteArray("<al..ice@example.com>");
    QTest::newRow("space in local") << QByteArray("<john doe@example.com>");
    QTest::newRow("unterminated quote") << QByteArray("<\"john@example.com>");
    QTest::newRow("empty quoted local") << QByteArray("<\"\"@example.com>");
    QTest::newRow("control char in quotes") << QByteArray("<\"a\tb\"@example.com>");
    QTest::newRow("source route without colon")
        << QByteArray("<@a.example,@b.example,user@c.example>");
    QTest::newRow("source route bad domain") << QByteArray("<@a..example:user@c.example>");
    QTest::newRow("space before closing") << QByteArray("<alice@example.com >");
    QTest::newRow("invalid utf-8 in local part") << QByteArray("<j\xf6rg@example.com>");
    QTest::newRow("truncated utf-8 sequence") << QByteArray("<j\xc3@example.com>");
    QTest::newRow("overlong utf-8") << QByteArray("<\xc0\xaf"
                                                  "etc@example.com>");
    QTest::newRow("invalid utf-8 in domain") << QByteArray("<a@b\xfc.example>");
    QTest::newRow("utf-8 hyphen ends label") << QByteArray("<a@b\xc3\xbc-.example>");
    // 22 two-octet characters are 44 octets; 33 are 66, over the 64-octet limit.
    QTest::newRow("utf-8 local part over 64 octets")
        << (QByteArray("<") + QByteArray("\xc3\xb6").repeated(33) + "@example.com>");
}

void TestAddress::refused()
{
    QFETCH(QByteArray, path);
    for (const bool allowNull : {true, false}) {
        const auto result = parsePath(path, allowNull);
        QVERIFY2(!result.address.has_value(),
                 qPrintable(result.address ? result.address->toString() : QString()));
        QVERIFY(!result.error.isEmpty());
    }
}

void TestAddress::nullPath()
{
    const auto allowed = parsePath("<>", true);
    QVERIFY(allowed.address.has_value());
    QVERIFY(allowed.address->isNull());
    QCOMPARE(allowed.address->toString(), QString());
    QVERIFY(allowed.rest.isEmpty());

    const auto withParams = parsePath("<> BODY=8BITMIME", true);
    QVERIFY(withParams.address.has_value());
    QVERIFY(withParams.address->isNull());
    QCOMPARE(withParams.rest, QByteArray(" BODY=8BITMIME"));

    const auto refused = parsePath("<>", false);
    QVERIFY(!refused.address.has_value());
    QVERIFY(!refused.error.isEmpty());
}

void TestAddress::barePostmasterOnlyForRecipients()
{
    // RFC 5321 §4.1.1.3: RCPT TO:<Postmaster> without a domain must be accepted.
    for (const QByteArray &path :
         {QByteArray("<Postmaster>"), QByteArray("<postmaster>"), QByteArray("<POSTMASTER>")}) {
        const auto rcpt = parsePath(path, false);
        QVERIFY2(rcpt.address.has_value(), path.constData());
        QCOMPARE(rcpt.address->localPart.toLower(), u"postmaster"_s);
        QVERIFY(rcpt.address->domain.isEmpty());
        QVERIFY(!rcpt.address->isNull());

        // MAIL FROM (allowNull = true) has no such exception.
        QVERIFY2(!parsePath(path, true).address.has_value(), path.constData());
    }
    QVERIFY(!parsePath("<webmaster>", false).address.has_value());
    QVERIFY(!parsePath("<\"Postmaster\" >", false).address.has_value());
}

void TestAddress::restAfterClosingBracket()
{
    const auto result = parsePath("<alice@example.com> SIZE=100 BODY=8BITMIME", true);
    QVERIFY(result.address.has_value());
    QCOMPARE(result.address->toString(), u"alice@example.com"_s);
    QCOMPARE(result.rest, QByteArray(" SIZE=100 BODY=8BITMIME"));

    const auto rcpt = parsePath("<bob@example.com> NOTIFY=NEVER", false);
    QVERIFY(rcpt.address.has_value());
    QCOMPARE(rcpt.rest, QByteArray(" NOTIFY=NEVER"));
}

void TestAddress::localPartLength()
{
    const QByteArray local64(64, 'a');
    const auto ok = parsePath('<' + local64 + "@example.com>", false);
    QVERIFY(ok.address.has_value());
    QCOMPARE(ok.address->localPart.size(), 64);

    const QByteArray local65(65, 'a');
    QVERIFY(!parsePath('<' + local65 + "@example.com>", false).address.has_value());
    // The limit is on the value's octets, quoted or not.
    QVERIFY(!parsePath("<\"" + local65 + "\"@example.com>", false).address.has_value());
}

void TestAddress::toStringQuotes_data()
{
    QTest::addColumn<QString>("localPart");
    QTest::addColumn<QString>("wire");

    QTest::newRow("atom") << u"alice"_s << u"alice@example.com"_s;
    QTest::newRow("dots") << u"a.b.c"_s << u"a.b.c@example.com"_s;
    QTest::newRow("space") << u"john doe"_s << u"\"john doe\"@example.com"_s;
    QTest::newRow("leading dot") << u".alice"_s << u"\".alice\"@example.com"_s;
    QTest::newRow("trailing dot") << u"alice."_s << u"\"alice.\"@example.com"_s;
    QTest::newRow("double dot") << u"a..b"_s << u"\"a..b\"@example.com"_s;
    QTest::newRow("at sign") << u"user@remote.test"_s << u"\"user@remote.test\"@example.com"_s;
    QTest::newRow("quote") << u"a\"b"_s << u"\"a\\\"b\"@example.com"_s;
    QTest::newRow("backslash") << u"a\\b"_s << u"\"a\\\\b\"@example.com"_s;
}

void TestAddress::toStringQuotes()
{
    QFETCH(QString, localPart);
    QFETCH(QString, wire);
    const Address address{localPart, u"example.com"_s, false};
    QCOMPARE(address.toString(), wire);
    // What toString() writes parses back to the same address.
    const auto again = parsePath('<' + wire.toLatin1() + '>', false);
    QVERIFY2(again.address.has_value(), qPrintable(again.error));
    QCOMPARE(*again.address, address);
}

void TestAddress::openRelayTricksStayLocal_data()
{
    QTest::addColumn<QByteArray>("path");
    QTest::addColumn<QString>("localPart");

    // Each of these must reach example.com with an odd local part, never remote.test.
    QTest::newRow("percent hack") << QByteArray("<user%remote.test@example.com>")
                                  << u"user%remote.test"_s;
    QTest::newRow("quoted at") << QByteArray("<\"user@remote.test\"@example.com>")
                               << u"user@remote.test"_s;
    QTest::newRow("bang path") << QByteArray("<remote.test!user@example.com>")
                               << u"remote.test!user"_s;
    QTest::newRow("source route to local")
        << QByteArray("<@remote.test:user@example.com>") << u"user"_s;
}

void TestAddress::openRelayTricksStayLocal()
{
    QFETCH(QByteArray, path);
    QFETCH(QString, localPart);
    const auto result = parsePath(path, false);
    QVERIFY2(result.address.has_value(), qPrintable(result.error));
    QCOMPARE(result.address->domain, u"example.com"_s);
    QVERIFY(!result.address->domainIsLiteral);
    QCOMPARE(result.address->localPart, localPart);
}

void TestAddress::parseMailboxBare()
{
    const auto a = parseMailbox(u"Alice@Example.COM"_s);
    QVERIFY(a.has_value());
    QCOMPARE(a->localPart, u"Alice"_s);
    QCOMPARE(a->domain, u"example.com"_s);

    const auto quoted = parseMailbox(u"\"john doe\"@example.com"_s);
    QVERIFY(quoted.has_value());
    QCOMPARE(quoted->localPart, u"john doe"_s);

    QVERIFY(!parseMailbox(u"<alice@example.com>"_s).has_value());
    QVERIFY(!parseMailbox(u"alice@example.com "_s).has_value());
    QVERIFY(!parseMailbox(u"postmaster"_s).has_value());
    QVERIFY(!parseMailbox(QString()).has_value());
    const auto utf8 = parseMailbox(u"J\u00f6rg@B\u00fccher.example"_s);
    QVERIFY(utf8.has_value());
    QCOMPARE(utf8->localPart, u"J\u00f6rg"_s);
    QCOMPARE(utf8->domain, u"xn--bcher-kva.example"_s);
    QVERIFY(!utf8->isAscii());
    QVERIFY(a->isAscii());
    QVERIFY(parseMailbox(u"info@b\u00fccher.example"_s)->isAscii()); // the domain goes as A-label
}

// RFC 5321 §4.5.3.1.3: 256 octets with "<" and ">", measured on the form the address is written
// in (so that whatever is accepted can be sent on: found by fuzz_address).
void TestAddress::pathLength()
{
    // "<" + 64 + "@" + domain + ">": 256 octets with a domain of 189.
    const QByteArray local(64, 'a');
    auto domainOf = [](qsizetype n) {
        QByteArray d;
        while (d.size() < n)
            d += QByteArray(std::min<qsizetype>(60, n - d.size() - (d.isEmpty() ? 0 : 1)), 'b')
                     .prepend(d.isEmpty() ? "" : ".");
        return d;
    };
    const QByteArray fits = '<' + local + '@' + domainOf(189) + '>';
    QCOMPARE(fits.size(), 256);
    QVERIFY(parsePath(fits, false).address.has_value());
    const QByteArray over = '<' + local + '@' + domainOf(190) + '>';
    QVERIFY(!parsePath(over, false).address.has_value());
    QVERIFY(parseMailbox(QString::fromLatin1(fits.mid(1, fits.size() - 2))).has_value());
    QVERIFY(!parseMailbox(QString::fromLatin1(over.mid(1, over.size() - 2))).has_value());
    // A U-label domain that fits, but not in the A-label form it is kept in.
    const QByteArray idn = '<' + local + '@' + domainOf(155) +
                           ".b\xc3\xbc"
                           "cher-\xc3\xbc"
                           "ber-" +
                           QByteArray(10, 'x') + ".example>";
    QVERIFY(idn.size() <= 256);
    QVERIFY(!parsePath(idn, false).address.has_value());
}

// Found by fuzz_address: an IPv4 literal whose part held a NUL and 8-bit bytes after a digit
// ("0\0\xff") passed for 0, and its written form did not parse again.
void TestAddress::literalWithControlBytes()
{
    static const char withNul[] = "<a@[191.0\0\xff.2.1]>";
    QVERIFY(!parsePath(QByteArray(withNul, sizeof withNul - 1), false).address.has_value());
    QVERIFY(!parsePath("<a@[191.0x.2.1]>", false).address.has_value());
    QVERIFY(parsePath("<a@[191.0.2.1]>", false).address.has_value());
}

QTEST_GUILESS_MAIN(TestAddress)
#include "tst_address.moc"
