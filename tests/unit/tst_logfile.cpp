// The log file on disk: what log::write files, rotation at the size limit with the number of
// files kept, and reading the last lines back (the console's history).
#include "util/log.h"
#include "util/logfile.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <cstdio>
#include <fcntl.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace tandem;

class TestLogFile : public QObject {
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void writtenThroughTheLog();
    void rotatesAtTheSizeKeepingTheFiles();
    void fewerFilesAfterAChange();
    void aLineLongerThanTheLimit();
    void parsesWhatFormatWrites();
    void readsTheLastLinesAcrossFiles();
    void bufferedStderrKeepsOrderAndErrors();

private:
    QByteArray read(const QString &name) const;
    QStringList names() const;
    QString path() const { return m_dir->path() + u"/tandem.log"_s; }

    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestLogFile::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    log::setSink([](const log::Entry &) {}); // nothing on stderr
}

void TestLogFile::cleanup()
{
    log::setSink(nullptr);
    log::setFileLevel(log::Level::Info);
    log::setTranscripts(false);
}

QByteArray TestLogFile::read(const QString &name) const
{
    QFile file(m_dir->path() + u'/' + name);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QStringList TestLogFile::names() const
{
    return QDir(m_dir->path()).entryList(QDir::Files, QDir::Name);
}

void TestLogFile::writtenThroughTheLog()
{
    QString error;
    auto file = log::FileLog::open(path(), 1024 * 1024, 5, &error);
    QVERIFY2(file, qPrintable(error));
    log::write(log::Level::Info, u"smtp"_s, u"connection from 127.0.0.1"_s, {}, u"S7"_s);
    log::write(log::Level::Debug, u"smtp"_s, u"state: MAIL"_s, {}, u"S7"_s);
    log::write(log::Level::Debug, u"transcript"_s, u"C: EHLO x"_s, {}, u"S7"_s);
    log::setTranscripts(true);
    log::write(log::Level::Debug, u"transcript"_s, u"C: QUIT"_s, {}, u"S7"_s);
    log::write(log::Level::Error, u"mailbox"_s, u"two\nlines"_s, u"06618277B718AC0000"_s);
    file->flush();
    const QList<QByteArray> lines = read(u"tandem.log"_s).split('\n');
    QCOMPARE(lines.size(), 4); // three, and the empty rest after the last LF
    QVERIFY2(lines.at(0).endsWith(" info smtp: S7: connection from 127.0.0.1"), lines.at(0));
    QVERIFY2(lines.at(1).endsWith(" debug transcript: S7: C: QUIT"), lines.at(1));
    QVERIFY2(lines.at(2).endsWith(" error mailbox: 06618277B718AC0000: two lines"), lines.at(2));

    // Debug events too, when asked for (tandemd --verbose).
    log::setFileLevel(log::Level::Debug);
    log::write(log::Level::Debug, u"smtp"_s, u"state: DATA"_s, {}, u"S7"_s);
    file.reset(); // writes what it holds before it goes
    QVERIFY(read(u"tandem.log"_s).endsWith("debug smtp: S7: state: DATA\n"));
    log::write(log::Level::Error, u"engine"_s, u"after the file closed"_s);
    QVERIFY(!read(u"tandem.log"_s).contains("after the file closed"));
}

void TestLogFile::bufferedStderrKeepsOrderAndErrors()
{
    // stderr to a file for the length of the test.
    const QString errPath = m_dir->path() + u"/stderr"_s;
    std::fflush(stderr);
    const int saved = ::dup(STDERR_FILENO);
    const int fd =
        ::open(QFile::encodeName(errPath).constData(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    QVERIFY(saved >= 0 && fd >= 0);
    QCOMPARE(::dup2(fd, STDERR_FILENO), STDERR_FILENO);
    ::close(fd);
    log::setSink(nullptr);
    log::bufferStderr(true);
    log::write(log::Level::Info, u"smtp"_s, u"first"_s);
    log::write(log::Level::Info, u"smtp"_s, u"second"_s);
    // A warning is on stderr when write() returns, after the lines before it.
    log::write(log::Level::Warning, u"spool"_s, u"third"_s);
    const QList<QByteArray> before = read(u"stderr"_s).split('\n');
    log::write(log::Level::Info, u"smtp"_s, u"fourth"_s);
    log::bufferStderr(false); // what waits is written
    const QList<QByteArray> after = read(u"stderr"_s).split('\n');
    log::write(log::Level::Info, u"smtp"_s, u"fifth"_s); // straight out again
    const QByteArray last = read(u"stderr"_s);
    std::fflush(stderr);
    ::dup2(saved, STDERR_FILENO);
    ::close(saved);
    QCOMPARE(before.size(), 4);
    QVERIFY2(before.at(0).endsWith(" info smtp: first"), before.at(0));
    QVERIFY2(before.at(1).endsWith(" info smtp: second"), before.at(1));
    QVERIFY2(before.at(2).endsWith(" warning spool: third"), before.at(2));
    QCOMPARE(after.size(), 5);
    QVERIFY2(after.at(3).endsWith(" info smtp: fourth"), after.at(3));
    QVERIFY2(last.endsWith(" info smtp: fifth\n"), last);
}

void TestLogFile::rotatesAtTheSizeKeepingTheFiles()
{
    QString error;
    auto file = log::FileLog::open(path(), 70, 3, &error);
    QVERIFY2(file, qPrintable(error));
    for (int i = 0; i < 20; ++i)
        file->append(u"line %1 ........................\n"_s.arg(i, 2, 10, QChar(u'0')).toUtf8());
    file->flush();
    QCOMPARE(names(), (QStringList{u"tandem.log"_s, u"tandem.log.1"_s, u"tandem.log.2"_s}));
    // 33 bytes a line: two fit in 70. The newest in tandem.log, the older ones in .1, .2.
    QCOMPARE(read(u"tandem.log"_s), QByteArray("line 18 ........................\n"
                                               "line 19 ........................\n"));
    QCOMPARE(read(u"tandem.log.1"_s), QByteArray("line 16 ........................\n"
                                                 "line 17 ........................\n"));
    QVERIFY(read(u"tandem.log.2"_s).startsWith("line 14 "));

    // A file kept from before is appended to, and counts towards the limit.
    file.reset();
    file = log::FileLog::open(path(), 70, 3, &error);
    file->append("line 20 ........................\n");
    file->flush();
    QVERIFY(read(u"tandem.log"_s).startsWith("line 20 "));
    QVERIFY(read(u"tandem.log.1"_s).startsWith("line 18 "));
}

void TestLogFile::fewerFilesAfterAChange()
{
    QString error;
    auto file = log::FileLog::open(path(), 50, 4, &error);
    QVERIFY2(file, qPrintable(error));
    for (int i = 0; i < 8; ++i)
        file->append(u"line %1 ........................\n"_s.arg(i).toUtf8());
    file->flush();
    QCOMPARE(names().size(), 4);
    file->setLimits(50, 2);
    file->append("line 8 ........................\n");
    file->flush();
    QCOMPARE(names(), (QStringList{u"tandem.log"_s, u"tandem.log.1"_s}));
    QVERIFY(read(u"tandem.log"_s).startsWith("line 8 "));
    QVERIFY(read(u"tandem.log.1"_s).startsWith("line 7 "));
    // One file: the old lines go as the new file begins.
    file->setLimits(50, 1);
    file->append("line 9 ........................\n");
    file->flush();
    QCOMPARE(names(), QStringList{u"tandem.log"_s});
    QCOMPARE(read(u"tandem.log"_s), QByteArray("line 9 ........................\n"));
}

void TestLogFile::aLineLongerThanTheLimit()
{
    QString error;
    auto file = log::FileLog::open(path(), 10, 2, &error);
    QVERIFY2(file, qPrintable(error));
    file->append("a line of more than ten bytes\n");
    file->append("another long line\n");
    file->flush();
    QCOMPARE(read(u"tandem.log.1"_s), QByteArray("a line of more than ten bytes\n"));
    QCOMPARE(read(u"tandem.log"_s), QByteArray("another long line\n"));
}

void TestLogFile::parsesWhatFormatWrites()
{
    const log::Entry full{QDateTime(QDate(2026, 11, 30), QTime(18, 20, 42, 399), Qt::UTC),
                          log::Level::Warning,
                          u"smtp"_s,
                          u"06618277B718AC0000-1"_s,
                          u"refused: 550 5.1.1 no such user here"_s,
                          u"S12"_s};
    const auto back = log::parse(log::format(full));
    QVERIFY(back);
    QCOMPARE(back->time, full.time);
    QCOMPARE(log::toString(back->level), log::toString(full.level));
    QCOMPARE(back->component, full.component);
    QCOMPARE(back->queueId, full.queueId);
    QCOMPARE(back->session, full.session);
    QCOMPARE(back->text, full.text);

    const auto plain = log::parse(u"2026-11-30T18:20:42.904Z info engine: signal received"_s);
    QVERIFY(plain);
    QCOMPARE(plain->component, u"engine"_s);
    QVERIFY(plain->session.isEmpty() && plain->queueId.isEmpty());
    QCOMPARE(plain->text, u"signal received"_s);
    QVERIFY(!log::parse(u"QObject::connect: no such signal"_s));
}

void TestLogFile::readsTheLastLinesAcrossFiles()
{
    QString error;
    auto file = log::FileLog::open(path(), 200, 3, &error);
    QVERIFY2(file, qPrintable(error));
    for (int i = 0; i < 7; ++i)
        file->append(u"2026-11-30T18:00:0%1.000Z info engine: event %1\n"_s.arg(i).toUtf8());
    file->append("not a line of the log\n");
    file->flush();
    QVERIFY(QFile::exists(path() + u".1"_s)); // the last lines span two files
    const QList<log::Entry> last = log::readRecent(path(), 4);
    QStringList texts;
    for (const log::Entry &e : last)
        texts.append(e.text);
    // Four lines read, one of them not the log's: three entries, oldest first.
    QCOMPARE(texts, (QStringList{u"event 4"_s, u"event 5"_s, u"event 6"_s}));
    QCOMPARE(log::readRecent(path(), 100).size(), 7);
    QVERIFY(log::readRecent(m_dir->path() + u"/none.log"_s, 10).isEmpty());
}

QTEST_GUILESS_MAIN(TestLogFile)
#include "tst_logfile.moc"
