// What the search index takes from a message (issue 14): hand-made messages with the edge cases
// real mail has — encoded words in several charsets, 8-bit headers, quoted-printable and base64
// text, HTML only, nested multiparts, forwarded messages, RFC 2231 names, broken MIME, no text
// at all, a 30 MB attachment — each with the values it must give.
#include "archive/extract.h"
#include "threadwarnings.h"

#include <QElapsedTimer>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace tandem::archive;

namespace {

// Test messages are written with LF; the store holds them with CRLF, as received.
QByteArray crlf(QByteArray text)
{
    return text.replace("\n", "\r\n");
}

ExtractedMessage extract(const QByteArray &lfText)
{
    return extractMessage(crlf(lfText));
}

QString words(const QString &text)
{
    return text.simplified();
}

} // namespace

class TestExtract : public QObject {
    Q_OBJECT

private slots:
    void init() { tandem::test::failOnThreadWarnings(); }
    void headers();
    void encodedWords_data();
    void encodedWords();
    void eightBitHeaders_data();
    void eightBitHeaders();
    void dates_data();
    void dates();
    void groupsAndNamesOnly();
    void quotedPrintableText();
    void base64Text();
    void charsets_data();
    void charsets();
    void alternativeIndexedOnce();
    void htmlOnly();
    void htmlToTextCases_data();
    void htmlToTextCases();
    void nestedMultiparts();
    void forwardedMessage();
    void attachmentNames();
    void noTextPart();
    void malformed_data();
    void malformed();
    void badPartKeepsTheOthers();
    void largeAttachmentIsCapped();
    void lineEndsDoNotMatter();
    void envelopeSenderOfPrefix();
};

void TestExtract::headers()
{
    const ExtractedMessage m = extract("From: Alice Example <Alice@Example.COM>\n"
                                       "Sender: Secretary <sec@example.com>\n"
                                       "To: bob@example.org, \"Carol C.\" <carol@example.net>\n"
                                       "Cc: Dave <dave@example.com>\n"
                                       "Bcc: eve@example.com\n"
                                       "Subject: Quarterly   report\n"
                                       "Date: Tue, 03 Mar 2026 10:00:00 +0100\n"
                                       "Message-ID: <abc.123@mail.example.com>\n"
                                       "\n"
                                       "Hello world.\n");
    QCOMPARE(m.from.size(), 1);
    QCOMPARE(m.from.at(0).address, u"alice@example.com"_s);
    QCOMPARE(m.from.at(0).name, u"Alice Example"_s);
    QCOMPARE(m.sender.size(), 1);
    QCOMPARE(m.sender.at(0).address, u"sec@example.com"_s);
    QCOMPARE(m.to.size(), 2);
    QCOMPARE(m.to.at(0).address, u"bob@example.org"_s);
    QCOMPARE(m.to.at(0).name, QString());
    QCOMPARE(m.to.at(1).address, u"carol@example.net"_s);
    QCOMPARE(m.to.at(1).name, u"Carol C."_s);
    QCOMPARE(m.cc.size(), 1);
    QCOMPARE(m.cc.at(0).name, u"Dave"_s);
    QCOMPARE(m.bcc.size(), 1);
    QCOMPARE(m.bcc.at(0).address, u"eve@example.com"_s);
    QCOMPARE(m.subject, u"Quarterly report"_s);
    QVERIFY(m.date.has_value());
    QCOMPARE(*m.date, QDateTime(QDate(2026, 3, 3), QTime(9, 0), Qt::UTC).toSecsSinceEpoch());
    QCOMPARE(m.messageId, u"abc.123@mail.example.com"_s);
    QCOMPARE(m.body, u"Hello world."_s);
    QCOMPARE(m.attachments, 0);
    QVERIFY(!m.truncated);
}

void TestExtract::encodedWords_data()
{
    QTest::addColumn<QByteArray>("subject");
    QTest::addColumn<QString>("expected");
    QTest::newRow("ISO-8859-1 Q") << QByteArray("=?ISO-8859-1?Q?Gr=FC=DFe_aus_M=FCnchen?=")
                                  << u"Grüße aus München"_s;
    QTest::newRow("UTF-8 B") << QByteArray("=?UTF-8?B?w4ljaMOpYW5jZSDigqwgMTAw?=")
                             << u"Échéance € 100"_s;
    // 日本語の件名 in Shift_JIS.
    QTest::newRow("Shift_JIS B") << QByteArray("=?Shift_JIS?B?k/qWe4zqgsyMj5a8?=")
                                 << u"日本語の件名"_s;
    // Привет, мир in KOI8-R.
    QTest::newRow("KOI8-R Q") << QByteArray("=?KOI8-R?Q?=F0=D2=C9=D7=C5=D4,_=CD=C9=D2?=")
                              << u"Привет, мир"_s;
    QTest::newRow("two words, the space between dropped")
        << QByteArray("=?UTF-8?Q?caf=C3=A9?= =?UTF-8?Q?_cr=C3=A8me?=") << u"café crème"_s;
    QTest::newRow("mixed with plain text")
        << QByteArray("Re: =?iso-8859-15?q?=A4uro?= prices") << u"Re: €uro prices"_s;
    QTest::newRow("unknown charset kept as text")
        << QByteArray("=?x-no-such-charset?Q?abc?= tail") << u"abc tail"_s;
}

void TestExtract::encodedWords()
{
    QFETCH(QByteArray, subject);
    QFETCH(QString, expected);
    const ExtractedMessage m = extract("From: =?UTF-8?B?SsO2cmcgTcO8bGxlcg==?= <jorg@example.de>\n"
                                       "Subject: " +
                                       subject + "\n\nbody\n");
    QCOMPARE(m.subject, expected);
    QCOMPARE(m.from.value(0).name, u"Jörg Müller"_s);
    QCOMPARE(m.from.value(0).address, u"jorg@example.de"_s);
}

void TestExtract::eightBitHeaders_data()
{
    QTest::addColumn<QByteArray>("raw");
    QTest::addColumn<QString>("expected");
    QTest::newRow("UTF-8") << QByteArray("Gr\xc3\xbc\xc3\x9f"
                                         "e")
                           << u"Grüße"_s;
    QTest::newRow("Latin-1") << QByteArray("Gr\xfc\xdf"
                                           "e")
                             << u"Grüße"_s;
    QTest::newRow("Windows-1252 quotes") << QByteArray("\x93quoted\x94") << u"“quoted”"_s;
}

void TestExtract::eightBitHeaders()
{
    QFETCH(QByteArray, raw);
    QFETCH(QString, expected);
    const ExtractedMessage m =
        extract("From: " + raw + " <x@example.com>\nSubject: " + raw + "\n\nbody\n");
    QCOMPARE(m.subject, expected);
    QCOMPARE(m.from.value(0).name, expected);
}

void TestExtract::dates_data()
{
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<qint64>("expected"); // -1: none
    const auto at = [](int y, int mo, int d, int h, int mi) {
        return QDateTime(QDate(y, mo, d), QTime(h, mi), Qt::UTC).toSecsSinceEpoch();
    };
    QTest::newRow("RFC 5322") << QByteArray("Date: Mon, 02 Feb 2026 23:30:00 -0500\n")
                              << at(2026, 2, 3, 4, 30);
    QTest::newRow("no weekday, UT")
        << QByteArray("Date: 1 Jan 2025 12:00:00 UT\n") << at(2025, 1, 1, 12, 0);
    QTest::newRow("obsolete zone")
        << QByteArray("Date: Fri, 13 Jun 2025 08:15:00 EST\n") << at(2025, 6, 13, 13, 15);
    QTest::newRow("missing") << QByteArray() << qint64(-1);
    QTest::newRow("garbage") << QByteArray("Date: next Tuesday, probably\n") << qint64(-1);
    QTest::newRow("empty") << QByteArray("Date: \n") << qint64(-1);
}

void TestExtract::dates()
{
    QFETCH(QByteArray, header);
    QFETCH(qint64, expected);
    const ExtractedMessage m = extract(header + "Subject: s\n\nbody\n");
    if (expected < 0) {
        QVERIFY2(!m.date.has_value(), qPrintable(QString::number(m.date.value_or(0))));
    } else {
        QVERIFY(m.date.has_value());
        QCOMPARE(*m.date, expected);
    }
}

void TestExtract::groupsAndNamesOnly()
{
    const ExtractedMessage m = extract("From: Only A Name\n"
                                       "To: Team: ann@example.com, Ben <ben@example.com>;,"
                                       " undisclosed-recipients:;\n"
                                       "\n"
                                       "x\n");
    QStringList to;
    for (const MailAddress &a : m.to)
        to.append(a.address);
    QCOMPARE(to, (QStringList{u"ann@example.com"_s, u"ben@example.com"_s}));
    // No address in it: its words are kept as a name.
    QCOMPARE(m.from.size(), 1);
    QCOMPARE(m.from.at(0).address, QString());
    QCOMPARE(m.from.at(0).name, u"Only A Name"_s);
}

void TestExtract::quotedPrintableText()
{
    const ExtractedMessage m = extract("Subject: qp\n"
                                       "MIME-Version: 1.0\n"
                                       "Content-Type: text/plain; charset=iso-8859-1\n"
                                       "Content-Transfer-Encoding: quoted-printable\n"
                                       "\n"
                                       "Caf=E9 cr=E8me br=FB=\n"
                                       "l=E9e, a very long line that was soft-broken =3D fine\n");
    QCOMPARE(m.body, u"Café crème brûlée, a very long line that was soft-broken = fine"_s);
}

void TestExtract::base64Text()
{
    const QByteArray text =
        u"Zürich: the invoice is attached.\nSecond line — with a dash.\n"_s.toUtf8().toBase64();
    QByteArray wrapped;
    for (qsizetype i = 0; i < text.size(); i += 20)
        wrapped += text.mid(i, 20) + '\n';
    const ExtractedMessage m = extract("Subject: b64\n"
                                       "Content-Type: text/plain; charset=\"UTF-8\"\n"
                                       "Content-Transfer-Encoding: base64\n"
                                       "\n" +
                                       wrapped);
    QCOMPARE(m.body, u"Zürich: the invoice is attached.\nSecond line — with a dash."_s);
}

void TestExtract::charsets_data()
{
    QTest::addColumn<QByteArray>("charset");
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("expected");
    QTest::newRow("KOI8-R") << QByteArray("koi8-r") << QByteArray("\xf0\xd2\xc9\xd7\xc5\xd4")
                            << u"Привет"_s;
    QTest::newRow("Shift_JIS") << QByteArray("Shift_JIS") << QByteArray("\x93\xfa\x96\x7b\x8c\xea")
                               << u"日本語"_s;
    QTest::newRow("ISO-2022-JP") << QByteArray("iso-2022-jp") << QByteArray("\x1b$BF|K\\8l\x1b(B")
                                 << u"日本語"_s;
    QTest::newRow("windows-1251") << QByteArray("windows-1251")
                                  << QByteArray("\xcf\xf0\xe8\xe2\xe5\xf2") << u"Привет"_s;
    QTest::newRow("no charset, UTF-8 bytes")
        << QByteArray() << QByteArray("na\xc3\xafve") << u"naïve"_s;
    QTest::newRow("no charset, Latin-1 bytes")
        << QByteArray() << QByteArray("na\xefve") << u"naïve"_s;
    QTest::newRow("us-ascii label, Latin-1 bytes")
        << QByteArray("us-ascii") << QByteArray("na\xefve") << u"naïve"_s;
    QTest::newRow("unknown charset: best effort")
        << QByteArray("x-made-up") << QByteArray("caf\xe9") << u"café"_s;
    QTest::newRow("UTF-8 label, invalid bytes kept apart")
        << QByteArray("utf-8") << QByteArray("ok \xff\xfe fine") << u"ok ÿþ fine"_s;
    QTest::newRow("Shift_JIS cut mid-character")
        << QByteArray("Shift_JIS") << QByteArray("\x93\xfa\x96\x7b\x8c") << u"日本"_s;
    QTest::newRow("KOI8-R with a byte Shift_JIS lacks: no loss") << QByteArray("Shift_JIS")
                                                                 << QByteArray("ab\xa0\xfd"
                                                                               "cd")
                                                                 << u"ab  cd"_s;
}

void TestExtract::charsets()
{
    QFETCH(QByteArray, charset);
    QFETCH(QByteArray, bytes);
    QFETCH(QString, expected);
    const QByteArray type =
        charset.isEmpty() ? QByteArray("text/plain") : "text/plain; charset=" + charset;
    const ExtractedMessage m = extract("Subject: c\nContent-Type: " + type +
                                       "\nContent-Transfer-Encoding: 8bit\n\n" + bytes + "\n");
    QCOMPARE(m.body, expected);
}

void TestExtract::alternativeIndexedOnce()
{
    const ExtractedMessage m = extract("Subject: alt\n"
                                       "Content-Type: multipart/alternative; boundary=\"b1\"\n"
                                       "\n"
                                       "--b1\n"
                                       "Content-Type: text/plain; charset=us-ascii\n"
                                       "\n"
                                       "The plain words.\n"
                                       "--b1\n"
                                       "Content-Type: text/html; charset=us-ascii\n"
                                       "\n"
                                       "<p>The <b>html</b> words.</p>\n"
                                       "--b1--\n");
    QCOMPARE(m.body, u"The plain words."_s);
    QCOMPARE(m.attachments, 0);
}

void TestExtract::htmlOnly()
{
    const ExtractedMessage m = extract(
        "Subject: html\n"
        "Content-Type: text/html\n"
        "Content-Transfer-Encoding: quoted-printable\n"
        "\n"
        "<!DOCTYPE html><html><head><meta charset=3D\"iso-8859-1\">"
        "<title>Ignored title</title>\n"
        "<style>p { color: red; } .secret { }</style>\n"
        "<script type=3D\"text/javascript\">var hidden =3D \"<p>no</p>\";</script></head>\n"
        "<body><!-- a comment --><h1>Caf=E9 &amp; Bar</h1><p>Price:&nbsp;5&#8364; &lt;cheap&gt;"
        "</p>\n<p>Caf<b>&eacute;</b> <a href=3D\"http://x.test/?a>b\">link text</a></p></body>"
        "</html>\n");
    QCOMPARE(m.body, u"Café & Bar\nPrice: 5€ <cheap>\nCafé link text"_s);
}

void TestExtract::htmlToTextCases_data()
{
    QTest::addColumn<QString>("html");
    QTest::addColumn<QString>("expected");
    QTest::newRow("entities") << u"a&amp;b &quot;q&quot; &#39;s&#x27; &euro;&hellip; &bogus; &"_s
                              << u"a&b \"q\" 's' €… &bogus; &"_s;
    QTest::newRow("blocks break lines")
        << u"<div>one</div><div>two<br>three</div>"_s << u"one\ntwo\nthree"_s;
    QTest::newRow("inline elements join") << u"bo<b>ld</b> <i>it</i>alic"_s << u"bold italic"_s;
    QTest::newRow("unclosed script") << u"before<script>never shown"_s << u"before"_s;
    QTest::newRow("script end inside a string is not the end")
        << u"<SCRIPT>x='</scriptx>'</Script >after"_s << u"after"_s;
    QTest::newRow("unclosed comment") << u"kept<!-- never closed"_s << u"kept"_s;
    QTest::newRow("lone less-than") << u"1 < 2 and 3 > 2"_s << u"1 < 2 and 3 > 2"_s;
    QTest::newRow("unterminated tag") << u"text <a href=\"x"_s << u"text"_s;
    QTest::newRow("surrogate reference") << u"&#xD800;x&#0;"_s << u"\uFFFDx\uFFFD"_s;
    QTest::newRow("head without end") << u"<head><body>text"_s << u"text"_s;
}

void TestExtract::htmlToTextCases()
{
    QFETCH(QString, html);
    QFETCH(QString, expected);
    QCOMPARE(htmlToText(html), expected);
}

void TestExtract::nestedMultiparts()
{
    const ExtractedMessage m = extract("Subject: nested\n"
                                       "Content-Type: multipart/mixed; boundary=outer\n"
                                       "\n"
                                       "preamble is not text\n"
                                       "--outer\n"
                                       "Content-Type: multipart/alternative; boundary=alt\n"
                                       "\n"
                                       "--alt\n"
                                       "Content-Type: text/plain\n"
                                       "\n"
                                       "Plain alternative.\n"
                                       "--alt\n"
                                       "Content-Type: multipart/related; boundary=rel\n"
                                       "\n"
                                       "--rel\n"
                                       "Content-Type: text/html\n"
                                       "\n"
                                       "<p>Html alternative.</p>\n"
                                       "--rel\n"
                                       "Content-Type: image/png; name=logo.png\n"
                                       "Content-Transfer-Encoding: base64\n"
                                       "Content-ID: <logo>\n"
                                       "\n"
                                       "iVBORw0KGgo=\n"
                                       "--rel--\n"
                                       "--alt--\n"
                                       "--outer\n"
                                       "Content-Type: text/plain; charset=utf-8\n"
                                       "Content-Disposition: inline\n"
                                       "\n"
                                       "A second inline text.\n"
                                       "--outer\n"
                                       "Content-Type: application/pdf\n"
                                       "Content-Disposition: attachment; filename=\"report.pdf\"\n"
                                       "Content-Transfer-Encoding: base64\n"
                                       "\n"
                                       "JVBERi0xLjQK\n"
                                       "--outer\n"
                                       "Content-Type: text/csv; name=\"figures.csv\"\n"
                                       "Content-Disposition: attachment\n"
                                       "\n"
                                       "region,total\n"
                                       "north,42\n"
                                       "--outer--\n"
                                       "epilogue\n");
    QCOMPARE(m.body, u"Plain alternative.\n\nA second inline text.\n\nregion,total\nnorth,42"_s);
    QCOMPARE(m.attachments, 3);
    QCOMPARE(m.attachmentNames, (QStringList{u"logo.png"_s, u"report.pdf"_s, u"figures.csv"_s}));
}

void TestExtract::forwardedMessage()
{
    const ExtractedMessage m =
        extract("From: fwd@example.com\n"
                "Subject: Fwd: the original\n"
                "Content-Type: multipart/mixed; boundary=\"=_x\"\n"
                "\n"
                "--=_x\n"
                "Content-Type: text/plain\n"
                "\n"
                "See below.\n"
                "--=_x\n"
                "Content-Type: message/rfc822\n"
                "Content-Disposition: attachment; filename=\"original.eml\"\n"
                "\n"
                "From: Origin Sender <origin@example.org>\n"
                "To: someone@example.net\n"
                "Subject: =?UTF-8?Q?The_original_=E2=9C=93?=\n"
                "Content-Type: multipart/mixed; boundary=inner\n"
                "\n"
                "--inner\n"
                "Content-Type: text/plain; charset=utf-8\n"
                "Content-Transfer-Encoding: base64\n"
                "\n" +
                u"Inner words here."_s.toUtf8().toBase64() +
                "\n"
                "--inner\n"
                "Content-Type: application/octet-stream; name=inner.bin\n"
                "\n"
                "xx\n"
                "--inner--\n"
                "\n"
                "--=_x--\n");
    QCOMPARE(m.from.value(0).address, u"fwd@example.com"_s);
    QCOMPARE(m.subject, u"Fwd: the original"_s);
    QCOMPARE(m.body, u"See below.\n\nOrigin Sender origin@example.org\nsomeone@example.net\n"
                     "The original ✓\n\nInner words here."_s);
    QCOMPARE(m.attachments, 2);
    QCOMPARE(m.attachmentNames, (QStringList{u"original.eml"_s, u"inner.bin"_s}));
}

void TestExtract::attachmentNames()
{
    const ExtractedMessage m = extract(
        "Subject: names\n"
        "Content-Type: multipart/mixed; boundary=b\n"
        "\n"
        "--b\n"
        "Content-Type: application/pdf\n"
        "Content-Disposition: attachment; filename*=UTF-8''R%C3%A9sum%C3%A9%20final.pdf\n"
        "\n"
        "x\n"
        "--b\n"
        "Content-Type: application/octet-stream\n"
        "Content-Disposition: attachment;\n"
        " filename*0*=iso-8859-1'de'Pr%E4sentation;\n"
        " filename*1=\" Q3\";\n"
        " filename*2=\".pptx\"\n"
        "\n"
        "x\n"
        "--b\n"
        "Content-Type: application/octet-stream; name=\"=?UTF-8?B?0L7RgtGH0ZHRgi5kb2N4?=\"\n"
        "\n"
        "x\n"
        "--b\n"
        "Content-Type: image/jpeg\n"
        "Content-Disposition: attachment\n"
        "\n"
        "unnamed\n"
        "--b\n"
        "Content-Type: application/zip\n"
        "Content-Disposition: attachment; filename=\"=?ISO-8859-1?Q?K=F6ln.zip?=\"\n"
        "\n"
        "x\n"
        "--b--\n");
    QCOMPARE(m.attachments, 5);
    QCOMPARE(m.attachmentNames, (QStringList{u"Résumé final.pdf"_s, u"Präsentation Q3.pptx"_s,
                                             u"отчёт.docx"_s, u"Köln.zip"_s}));
    QVERIFY(m.body.isEmpty());
}

void TestExtract::noTextPart()
{
    const ExtractedMessage m =
        extract("From: scanner@example.com\n"
                "Subject: Scan 0042\n"
                "MIME-Version: 1.0\n"
                "Content-Type: image/png\n"
                "Content-Transfer-Encoding: base64\n"
                "Content-Disposition: attachment; filename=scan.png\n"
                "\n"
                "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk\n");
    QCOMPARE(m.subject, u"Scan 0042"_s);
    QCOMPARE(m.body, QString());
    QCOMPARE(m.attachments, 1);
    QCOMPARE(m.attachmentNames, QStringList{u"scan.png"_s});
}

void TestExtract::malformed_data()
{
    QTest::addColumn<QByteArray>("message");
    QTest::addColumn<QString>("subject");  // what the subject must hold (null: anything)
    QTest::addColumn<QString>("bodyWord"); // a word the body must hold ("" when none)
    QTest::newRow("empty") << QByteArray() << QString() << QString();
    QTest::newRow("no header at all")
        << QByteArray("just some words\nand more words\n") << QString() << u"words"_s;
    QTest::newRow("no blank line")
        << QByteArray("Subject: only headers\nX-A: b") << u"only headers"_s << QString();
    QTest::newRow("multipart without boundary")
        << QByteArray("Subject: nb\nContent-Type: multipart/mixed\n\nloose text\n") << u"nb"_s
        << u"loose"_s;
    QTest::newRow("boundary never seen")
        << QByteArray("Subject: bns\nContent-Type: multipart/mixed; boundary=zz\n\nloose text\n")
        << u"bns"_s << u"loose"_s; // the body a reader shows, found by its words
    QTest::newRow("unterminated multipart")
        << QByteArray("Subject: un\nContent-Type: multipart/mixed; boundary=zz\n\n--zz\n"
                      "Content-Type: text/plain\n\nfirst part text\n--zz\nContent-Type: text/plain"
                      "\n\nsecond part cut")
        << u"un"_s << u"second"_s;
    QTest::newRow("garbage header lines")
        << QByteArray("Subject: gh\n:::\n\x01\x02: \x03\nno colon here\nX: y\n\nbody words\n")
        << u"gh"_s << QString();
    QTest::newRow("NUL bytes") << [] {
        static const char text[] = "Subject: nul\n\nbefore\0after words\n";
        return QByteArray(text, sizeof text - 1); // the NUL inside counts, the last does not
    }() << u"nul"_s << u"before"_s;
    QTest::newRow("invalid base64")
        << QByteArray("Subject: b\nContent-Transfer-Encoding: base64\n\n!!!***%%%\n====\n")
        << u"b"_s << QString();
    QTest::newRow("broken encoded word")
        << QByteArray("Subject: =?UTF-8?B?not base64 !?= =?UTF-8?Q?unterminated\n\nx\n")
        << u"=?UTF-8?Q?unterminated"_s << u"x"_s;
    QTest::newRow("deep nesting") << [] {
        QByteArray m = "Subject: deep\n";
        for (int i = 0; i < 200; ++i)
            m += "Content-Type: multipart/mixed; boundary=b" + QByteArray::number(i) + "\n\n--b" +
                 QByteArray::number(i) + "\n";
        return m + "Content-Type: text/plain\n\ndeep text\n";
    }() << u"deep"_s << QString();
    QTest::newRow("binary junk") << [] {
        QByteArray m;
        for (int i = 0; i < 4096; ++i)
            m += char((i * 7919) % 256);
        return m;
    }() << QString() << QString();
}

void TestExtract::malformed()
{
    QFETCH(QByteArray, message);
    QFETCH(QString, subject);
    QFETCH(QString, bodyWord);
    const ExtractedMessage m = extractMessage(message);
    if (!subject.isNull())
        QVERIFY2(m.subject.contains(subject), qPrintable(m.subject));
    if (!bodyWord.isEmpty())
        QVERIFY2(m.body.contains(bodyWord), qPrintable(m.body));
    // The same bytes give the same values: the index deletes rows by them.
    const ExtractedMessage again = extractMessage(message);
    QCOMPARE(again.body, m.body);
    QCOMPARE(again.subject, m.subject);
    QCOMPARE(again.attachmentNames, m.attachmentNames);
}

void TestExtract::badPartKeepsTheOthers()
{
    const ExtractedMessage m = extract("Subject: parts\n"
                                       "Content-Type: multipart/mixed; boundary=b\n"
                                       "\n"
                                       "--b\n"
                                       "Content-Type: text/plain; charset=no-such-charset\n"
                                       "Content-Transfer-Encoding: x-unknown-encoding\n"
                                       "\n"
                                       "odd part\n"
                                       "--b\n"
                                       "Content-Type: text/plain; charset=utf-8\n"
                                       "Content-Transfer-Encoding: base64\n"
                                       "\n"
                                       "@@@ not base64 at all @@@\n"
                                       "--b\n"
                                       "Content-Type: text/plain\n"
                                       "\n"
                                       "good part\n"
                                       "--b--\n");
    QVERIFY2(m.body.startsWith(u"odd part"_s), qPrintable(m.body));
    QVERIFY2(m.body.endsWith(u"good part"_s), qPrintable(m.body));
}

void TestExtract::largeAttachmentIsCapped()
{
    QByteArray big = "Subject: big\n"
                     "Content-Type: multipart/mixed; boundary=b\n"
                     "\n"
                     "--b\n"
                     "Content-Type: text/plain\n"
                     "\n"
                     "The covering note.\n"
                     "--b\n"
                     "Content-Type: text/plain; name=\"dump.log\"\n"
                     "Content-Disposition: attachment; filename=\"dump.log\"\n"
                     "\n";
    big.reserve(31 * 1024 * 1024);
    for (int i = 0; big.size() < 30 * 1024 * 1024; ++i)
        big += "line " + QByteArray::number(i) + " of a log that goes on and on\n";
    big += "--b\n"
           "Content-Type: application/octet-stream; name=after.bin\n"
           "\n"
           "x\n"
           "--b--\n";
    QElapsedTimer timer;
    timer.start();
    const ExtractedMessage m = extract(big);
    qInfo("30 MB message extracted in %lld ms", timer.elapsed());
    QVERIFY(m.truncated);
    QVERIFY(m.body.startsWith(u"The covering note.\n\nline 0 of a log"_s));
    const qsizetype bytes = m.body.toUtf8().size();
    QVERIFY2(bytes <= kMaxIndexedTextBytes && bytes > kMaxIndexedTextBytes - 100,
             qPrintable(QString::number(bytes)));
    // The parts after it are still seen.
    QCOMPARE(m.attachments, 2);
    QCOMPARE(m.attachmentNames, (QStringList{u"dump.log"_s, u"after.bin"_s}));
}

void TestExtract::lineEndsDoNotMatter()
{
    const QByteArray lf = "Subject: le\n"
                          "Content-Type: text/plain\n"
                          "Content-Transfer-Encoding: quoted-printable\n"
                          "\n"
                          "soft=\n"
                          "break and a lone\rCR\n";
    const ExtractedMessage a = extractMessage(lf);
    const ExtractedMessage b = extractMessage(crlf(lf));
    QCOMPARE(a.body, b.body);
    QCOMPARE(words(a.body), u"softbreak and a lone CR"_s);
}

void TestExtract::envelopeSenderOfPrefix()
{
    QCOMPARE(envelopeSender("Return-Path: <Bob@Example.COM>\r\nDelivered-To: a@example.com\r\n"),
             std::optional<QString>(u"bob@example.com"_s));
    QCOMPARE(envelopeSender("Return-Path: <>\r\nDelivered-To: a@example.com\r\n"),
             std::optional<QString>(QString()));
    QCOMPARE(envelopeSender("return-path:bare@example.com\n"),
             std::optional<QString>(u"bare@example.com"_s));
    QCOMPARE(envelopeSender("Delivered-To: a@example.com\r\n"), std::nullopt);
    QCOMPARE(envelopeSender({}), std::nullopt);
}

QTEST_GUILESS_MAIN(TestExtract)
#include "tst_extract.moc"
