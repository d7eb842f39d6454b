// The injected clock of the archive's tests: TANDEM_CLOCK_FILE's whole number of seconds moves
// tandem::clock::now(), read again when the file changes, and a missing, empty or unusable file
// is no offset (the last with one warning in the log).
#include "util/clock.h"
#include "util/log.h"

#include "threadwarnings.h"

#include <QDir>
#include <QFile>
#include <QMutex>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <atomic>
#include <thread>
#include <vector>

using namespace Qt::StringLiterals;
using namespace tandem;

namespace {

void write(const QString &path, const QByteArray &content)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(file.write(content), content.size());
}

// Waits until the clock has looked at the file again (it looks at most every 200 ms).
void settle()
{
    QThread::msleep(250);
}

} // namespace

class TestClock : public QObject {
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void withoutAFileIsTheRealTime();
    void offsetFromTheFile_data();
    void offsetFromTheFile();
    void readAgainWhenTheFileChanges();
    void absentAndEmptyFilesAreNoOffset();
    void unusableFileWarnsOnce();
    void threadSafe();
    void environmentVariableNamesTheFile();

private:
    QString path() const { return m_dir->path() + u"/clock"_s; }
    std::unique_ptr<QTemporaryDir> m_dir;
    QList<log::Entry> m_warnings;
    QMutex m_mutex;
};

void TestClock::init()
{
    test::failOnThreadWarnings();
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_warnings.clear();
    log::setSink([this](const log::Entry &e) {
        const QMutexLocker lock(&m_mutex);
        if (e.level == log::Level::Warning)
            m_warnings.append(e);
    });
    clock::setFileForTesting(path());
}

void TestClock::cleanup()
{
    clock::setFileForTesting({});
    log::setSink(nullptr);
}

void TestClock::withoutAFileIsTheRealTime()
{
    clock::setFileForTesting({});
    const QDateTime before = QDateTime::currentDateTimeUtc();
    const QDateTime now = clock::now();
    const QDateTime after = QDateTime::currentDateTimeUtc();
    QVERIFY(before <= now && now <= after);
    QCOMPARE(now.timeSpec(), Qt::UTC);
    QCOMPARE(clock::offsetSeconds(), 0);
}

void TestClock::offsetFromTheFile_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<qint64>("offset");
    QTest::newRow("thirty days") << QByteArray("2592000\n") << qint64(2592000);
    QTest::newRow("negative") << QByteArray("-3600") << qint64(-3600);
    QTest::newRow("spaces around") << QByteArray("  86400  \n") << qint64(86400);
    QTest::newRow("zero") << QByteArray("0") << qint64(0);
    QTest::newRow("ten years") << QByteArray("315360000") << qint64(315360000);
}

void TestClock::offsetFromTheFile()
{
    QFETCH(QByteArray, content);
    QFETCH(qint64, offset);
    write(path(), content);
    QCOMPARE(clock::offsetSeconds(), offset);
    const QDateTime expected = QDateTime::currentDateTimeUtc().addSecs(offset);
    QVERIFY(qAbs(clock::now().secsTo(expected)) <= 1);
    QVERIFY(m_warnings.isEmpty());
}

void TestClock::readAgainWhenTheFileChanges()
{
    write(path(), "100");
    QCOMPARE(clock::offsetSeconds(), 100);
    write(path(), "200");
    settle();
    QCOMPARE(clock::offsetSeconds(), 200);
    // Same size, new content, within the same second: the change is still seen.
    write(path(), "300");
    settle();
    QCOMPARE(clock::offsetSeconds(), 300);
}

void TestClock::absentAndEmptyFilesAreNoOffset()
{
    QVERIFY(!QFile::exists(path()));
    QCOMPARE(clock::offsetSeconds(), 0);
    write(path(), "500");
    settle();
    QCOMPARE(clock::offsetSeconds(), 500);
    write(path(), "");
    settle();
    QCOMPARE(clock::offsetSeconds(), 0);
    write(path(), "500");
    settle();
    QCOMPARE(clock::offsetSeconds(), 500);
    QVERIFY(QFile::remove(path()));
    settle();
    QCOMPARE(clock::offsetSeconds(), 0);
    QVERIFY(m_warnings.isEmpty());
}

void TestClock::unusableFileWarnsOnce()
{
    write(path(), "ten days");
    QCOMPARE(clock::offsetSeconds(), 0);
    write(path(), "1.5");
    settle();
    QCOMPARE(clock::offsetSeconds(), 0);
    QCOMPARE(m_warnings.size(), 1);
    QCOMPARE(m_warnings.first().component, u"clock"_s);
    QVERIFY2(m_warnings.first().text.contains(path()), qPrintable(m_warnings.first().text));
    // A file that cannot be read at all: a folder in its place.
    QVERIFY(QFile::remove(path()));
    QVERIFY(QDir().mkdir(path()));
    settle();
    QCOMPARE(clock::offsetSeconds(), 0);
    QCOMPARE(m_warnings.size(), 1);
    // Usable again: its offset counts.
    QVERIFY(QDir().rmdir(path()));
    write(path(), "42");
    settle();
    QCOMPARE(clock::offsetSeconds(), 42);
}

void TestClock::threadSafe()
{
    write(path(), "1000");
    std::atomic<bool> wrong = false;
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&] {
            for (int i = 0; i < 20000; ++i) {
                const qint64 o = clock::offsetSeconds();
                if (o != 1000 && o != 2000)
                    wrong = true;
            }
        });
    }
    settle();
    write(path(), "2000");
    for (std::thread &t : threads)
        t.join();
    QVERIFY(!wrong);
    settle();
    QCOMPARE(clock::offsetSeconds(), 2000);
}

void TestClock::environmentVariableNamesTheFile()
{
    // The first use without setFileForTesting() reads TANDEM_CLOCK_FILE; the test asks for it
    // through a child process so that this process's clock stays as the other tests set it.
    write(path(), "-86400");
    QProcess child;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"TANDEM_CLOCK_FILE"_s, path());
    env.insert(u"TST_CLOCK_CHILD"_s, u"1"_s);
    child.setProcessEnvironment(env);
    child.start(QCoreApplication::applicationFilePath(), {});
    QVERIFY(child.waitForFinished(30000));
    const QByteArray out = child.readAllStandardOutput().trimmed();
    QCOMPARE(out, QByteArray("-86400"));
}

// In the child of environmentVariableNamesTheFile(): print the offset the variable gives.
int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsSet("TST_CLOCK_CHILD")) {
        QCoreApplication app(argc, argv);
        printf("%lld\n", static_cast<long long>(clock::offsetSeconds()));
        return 0;
    }
    QCoreApplication app(argc, argv);
    TestClock test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_clock.moc"
