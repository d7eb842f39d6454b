// Password hashes: "pbkdf2-sha256$<iterations>$<salt>$<key>", salted, verifiable.
#include "config/passwords.h"
#include "threadwarnings.h"

#include <QStringList>
#include <QTest>

using namespace Qt::StringLiterals;
namespace passwords = tandem::passwords;

namespace {
// The smallest count the parser accepts: keeps the loops fast.
constexpr int kFast = 100000;
} // namespace

class TestPasswords : public QObject {
    Q_OBJECT

private slots:
    void init() { tandem::test::failOnThreadWarnings(); }
    void defaultHashForm();
    void verifyRightAndWrong();
    void saltMakesHashesDiffer();
    void wellFormed_data();
    void wellFormed();
};

void TestPasswords::defaultHashForm()
{
    QVERIFY(passwords::kDefaultIterations >= 100000);
    const QString stored = passwords::hash("correct horse");
    const QStringList parts = stored.split(u'$');
    QCOMPARE(parts.size(), 4);
    QCOMPARE(parts.at(0), u"pbkdf2-sha256"_s);
    bool ok = false;
    const int iterations = parts.at(1).toInt(&ok);
    QVERIFY(ok);
    QCOMPARE(iterations, passwords::kDefaultIterations);
    QVERIFY(iterations >= 100000);
    const auto salt = QByteArray::fromBase64Encoding(parts.at(2).toLatin1(),
                                                     QByteArray::AbortOnBase64DecodingErrors);
    QVERIFY(salt);
    QVERIFY(salt.decoded.size() >= 16);
    const auto key = QByteArray::fromBase64Encoding(parts.at(3).toLatin1(),
                                                    QByteArray::AbortOnBase64DecodingErrors);
    QVERIFY(key);
    QCOMPARE(key.decoded.size(), 32); // SHA-256 output
    QVERIFY(passwords::isWellFormed(stored));
    QVERIFY(passwords::verify("correct horse", stored));
}

void TestPasswords::verifyRightAndWrong()
{
    // Each derivation costs 100000 rounds: a few well-chosen ones keep the test fast.
    const QString stored = passwords::hash(u"s3cr\u00e9t"_s.toUtf8(), kFast);
    QVERIFY(stored.startsWith(u"pbkdf2-sha256$100000$"_s));
    QVERIFY(passwords::verify(u"s3cr\u00e9t"_s.toUtf8(), stored));
    QVERIFY(!passwords::verify(u"s3cr\u00e9t"_s.toLatin1(), stored)); // bytes, not characters
    QVERIFY(!passwords::verify("S3cr", stored));

    const QString empty = passwords::hash("", kFast);
    QVERIFY(passwords::verify("", empty));

    // Nothing verifies against a malformed hash, not even an empty password.
    QVERIFY(!passwords::verify("", QString()));
    QVERIFY(!passwords::verify("s3cret", u"pbkdf2-sha256$..."_s));
}

void TestPasswords::saltMakesHashesDiffer()
{
    const QString a = passwords::hash("same", kFast);
    const QString b = passwords::hash("same", kFast);
    QVERIFY(a != b);
    QVERIFY(a.section(u'$', 2, 2) != b.section(u'$', 2, 2));
    QVERIFY(passwords::verify("same", b));
}

void TestPasswords::wellFormed_data()
{
    QTest::addColumn<QString>("stored");
    QTest::addColumn<bool>("wellFormed");

    const QString good = passwords::hash("pw", kFast);
    const QStringList p = good.split(u'$');
    const QString salt = p.at(2);
    const QString key = p.at(3);
    auto make = [&](const QString &scheme, const QString &iter, const QString &s,
                    const QString &k) {
        return QStringList{scheme, iter, s, k}.join(u'$');
    };

    QTest::newRow("good") << good << true;
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("garbage") << u"hunter2"_s << false;
    QTest::newRow("placeholder") << u"pbkdf2-sha256$..."_s << false;
    QTest::newRow("other scheme") << make(u"pbkdf2-sha1"_s, p.at(1), salt, key) << false;
    QTest::newRow("99999 iterations") << make(p.at(0), u"99999"_s, salt, key) << false;
    QTest::newRow("1000 iterations") << make(p.at(0), u"1000"_s, salt, key) << false;
    QTest::newRow("zero iterations") << make(p.at(0), u"0"_s, salt, key) << false;
    QTest::newRow("negative iterations") << make(p.at(0), u"-100000"_s, salt, key) << false;
    QTest::newRow("absurd iterations") << make(p.at(0), u"1000000000"_s, salt, key) << false;
    QTest::newRow("word iterations") << make(p.at(0), u"many"_s, salt, key) << false;
    QTest::newRow("bad salt base64") << make(p.at(0), p.at(1), u"!!!!"_s, key) << false;
    QTest::newRow("short salt") << make(p.at(0), p.at(1), u"YWJj"_s, key) << false;
    QTest::newRow("bad key base64") << make(p.at(0), p.at(1), salt, u"*"_s) << false;
    QTest::newRow("short key") << make(p.at(0), p.at(1), salt, salt) << false;
    QTest::newRow("extra field") << good + u"$x"_s << false;
    QTest::newRow("missing field") << make(p.at(0), p.at(1), salt, QString()).chopped(1) << false;
}

void TestPasswords::wellFormed()
{
    QFETCH(QString, stored);
    QFETCH(bool, wellFormed);
    QCOMPARE(passwords::isWellFormed(stored), wellFormed);
    if (!wellFormed)
        QVERIFY(!passwords::verify("pw", stored));
}

QTEST_GUILESS_MAIN(TestPasswords)
#include "tst_passwords.moc"
