// Command lines: verb and argument, the FROM:/TO: prefix, and ESMTP parameters.
#include "smtp/command.h"
#include "threadwarnings.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace tandem::smtp;

class TestCommand : public QObject {
    Q_OBJECT

private slots:
    void init() { tandem::test::failOnThreadWarnings(); }
    void parseCommand_data();
    void parseCommand();
    void stripPrefix_data();
    void stripPrefix();
    void parseParameters();
    void parameterErrors_data();
    void parameterErrors();
};

void TestCommand::parseCommand_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<QByteArray>("verb");
    QTest::addColumn<QByteArray>("argument");

    QTest::newRow("no argument") << QByteArray("QUIT") << QByteArray("QUIT") << QByteArray();
    QTest::newRow("lower-case verb") << QByteArray("quit") << QByteArray("QUIT") << QByteArray();
    QTest::newRow("mixed case with argument")
        << QByteArray("Ehlo Client.Example") << QByteArray("EHLO") << QByteArray("Client.Example");
    QTest::newRow("argument kept as sent")
        << QByteArray("mail FROM:<Alice@Example.com> SIZE=10") << QByteArray("MAIL")
        << QByteArray("FROM:<Alice@Example.com> SIZE=10");
    QTest::newRow("only the first space splits")
        << QByteArray("HELO  two  spaces ") << QByteArray("HELO") << QByteArray(" two  spaces ");
    QTest::newRow("trailing space, empty argument")
        << QByteArray("NOOP ") << QByteArray("NOOP") << QByteArray("");
    QTest::newRow("empty line") << QByteArray() << QByteArray() << QByteArray();
}

void TestCommand::parseCommand()
{
    QFETCH(QByteArray, line);
    QFETCH(QByteArray, verb);
    QFETCH(QByteArray, argument);
    const Command c = tandem::smtp::parseCommand(line);
    QCOMPARE(c.verb, verb);
    QCOMPARE(c.argument, argument);
}

void TestCommand::stripPrefix_data()
{
    QTest::addColumn<QByteArray>("argument");
    QTest::addColumn<QByteArray>("prefix");
    QTest::addColumn<bool>("matches");
    QTest::addColumn<QByteArray>("rest");

    QTest::newRow("exact") << QByteArray("FROM:<a@b.example>") << QByteArray("FROM:") << true
                           << QByteArray("<a@b.example>");
    QTest::newRow("lower case") << QByteArray("from:<a@b.example>") << QByteArray("FROM:") << true
                                << QByteArray("<a@b.example>");
    QTest::newRow("mixed case") << QByteArray("To:<a@b.example>") << QByteArray("TO:") << true
                                << QByteArray("<a@b.example>");
    QTest::newRow("space after colon") << QByteArray("FROM: <a@b.example>") << QByteArray("FROM:")
                                       << true << QByteArray("<a@b.example>");
    QTest::newRow("several spaces") << QByteArray("TO:   <a@b.example> X=1") << QByteArray("TO:")
                                    << true << QByteArray("<a@b.example> X=1");
    QTest::newRow("empty rest") << QByteArray("TO:") << QByteArray("TO:") << true << QByteArray();
    QTest::newRow("other prefix") << QByteArray("TO:<a@b.example>") << QByteArray("FROM:") << false
                                  << QByteArray();
    QTest::newRow("space before colon")
        << QByteArray("FROM :<a@b.example>") << QByteArray("FROM:") << false << QByteArray();
    QTest::newRow("too short") << QByteArray("FRO") << QByteArray("FROM:") << false << QByteArray();
    QTest::newRow("empty") << QByteArray() << QByteArray("TO:") << false << QByteArray();
}

void TestCommand::stripPrefix()
{
    QFETCH(QByteArray, argument);
    QFETCH(QByteArray, prefix);
    QFETCH(bool, matches);
    QFETCH(QByteArray, rest);
    const auto result = tandem::smtp::stripPrefix(argument, prefix);
    QCOMPARE(result.has_value(), matches);
    if (matches)
        QCOMPARE(*result, rest);
}

void TestCommand::parseParameters()
{
    QString error;
    const auto two = tandem::smtp::parseParameters(" SIZE=100 BODY=8BITMIME", &error);
    QVERIFY2(two.has_value(), qPrintable(error));
    QCOMPARE(two->size(), 2);
    QCOMPARE(two->at(0).keyword, QByteArray("SIZE"));
    QCOMPARE(two->at(0).value, QByteArray("100"));
    QCOMPARE(two->at(1).keyword, QByteArray("BODY"));
    QCOMPARE(two->at(1).value, QByteArray("8BITMIME"));

    // Keywords are upper-cased; values are kept as sent.
    const auto lower = tandem::smtp::parseParameters("body=8bitmime", &error);
    QVERIFY(lower.has_value());
    QCOMPARE(lower->size(), 1);
    QCOMPARE(lower->at(0).keyword, QByteArray("BODY"));
    QCOMPARE(lower->at(0).value, QByteArray("8bitmime"));

    const auto bare = tandem::smtp::parseParameters("SMTPUTF8", &error);
    QVERIFY(bare.has_value());
    QCOMPARE(bare->size(), 1);
    QCOMPARE(bare->at(0).keyword, QByteArray("SMTPUTF8"));
    QVERIFY(bare->at(0).value.isEmpty());

    const auto dashed = tandem::smtp::parseParameters("X-FOO=a+b  RET=HDRS", &error);
    QVERIFY(dashed.has_value());
    QCOMPARE(dashed->size(), 2);
    QCOMPARE(dashed->at(0).keyword, QByteArray("X-FOO"));
    QCOMPARE(dashed->at(0).value, QByteArray("a+b"));
    QCOMPARE(dashed->at(1).keyword, QByteArray("RET"));

    const auto none = tandem::smtp::parseParameters("", &error);
    QVERIFY(none.has_value());
    QVERIFY(none->isEmpty());
}

void TestCommand::parameterErrors_data()
{
    QTest::addColumn<QByteArray>("text");

    QTest::newRow("empty value") << QByteArray("SIZE=");
    QTest::newRow("empty value after good one") << QByteArray("BODY=7BIT SIZE=");
    QTest::newRow("no keyword") << QByteArray("=100");
    QTest::newRow("keyword starts with dash") << QByteArray("-X=1");
    QTest::newRow("underscore in keyword") << QByteArray("MY_KEY=1");
    QTest::newRow("second equals sign") << QByteArray("SIZE=1=2");
    QTest::newRow("control char in value") << QByteArray("ENVID=a\x01");
    QTest::newRow("non-ascii in keyword") << QByteArray("SIZ\xc3\xa9=1");
}

void TestCommand::parameterErrors()
{
    QFETCH(QByteArray, text);
    QString error;
    const auto result = tandem::smtp::parseParameters(text, &error);
    QVERIFY(!result.has_value());
    QVERIFY(error.startsWith(u"malformed parameter"_s));
}

QTEST_GUILESS_MAIN(TestCommand)
#include "tst_command.moc"
