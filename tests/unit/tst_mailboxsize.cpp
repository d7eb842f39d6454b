// The size cap's bookkeeping (MailboxSizes): what a mailbox's live size is, how long a figure
// lives, which role refuses a full mailbox, and that the postmaster is told once per crossing
// of the warning threshold and of the cap, across restarts too (the tandem-size-warned file).
#include "mailbox/mailboxsize.h"
#include "util/log.h"

#include "threadwarnings.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace Qt::StringLiterals;
using namespace tandem;
using tandem::mailbox::MailboxSizes;
using tandem::mailbox::SizeLevel;

namespace {

constexpr qint64 kMiB = 1024 * 1024;

config::Settings settings(config::Role role, int capMb = 1, int warnPercent = 50)
{
    config::Settings s;
    s.server.role = role;
    s.mailboxes.mailboxTemplate.maxSizeMb = capMb;
    s.mailboxes.mailboxTemplate.warnPercent = warnPercent;
    return s;
}

} // namespace

class TestMailboxSize : public QObject {
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void sizeFromFileName_data();
    void sizeFromFileName();
    void measuresNewAndCurOfEveryFolder();
    void whichRolesRefuse();
    void mailboxTellsOncePerCrossingAndRefusesWhenFull();
    void archiveStoresOverTheCapWithOneAlarm();
    void belowAgainMeansToldAgain();
    void whatWasToldOutlivesARestart();
    void ownSettingsOverTheTemplate();
    void figureLivesSixtySecondsOverTheTimeScale();
    void noCapNoNotice();
    void fullMailboxesAnnouncedAtStartUntilBelow();

private:
    QString box(const QString &user = u"alice"_s) const
    {
        return m_dir->path() + u"/example.com/"_s + user;
    }
    void makeMailbox(const QString &user = u"alice"_s);
    void putFile(const QString &folder, const QString &name, qint64 size);
    QString marker() const { return box() + u'/' + MailboxSizes::markerName(); }

    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestMailboxSize::init()
{
    test::failOnThreadWarnings();
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    log::setSink([](const log::Entry &) {});
}

void TestMailboxSize::cleanup()
{
    log::setSink(nullptr);
}

void TestMailboxSize::makeMailbox(const QString &user)
{
    for (const QString &f : {u""_s, u"/.Sent"_s, u"/.Archive"_s})
        for (const QString &sub : {u"/new"_s, u"/cur"_s, u"/tmp"_s})
            QVERIFY(QDir().mkpath(box(user) + f + sub));
}

void TestMailboxSize::putFile(const QString &folder, const QString &name, qint64 size)
{
    QFile f(box() + folder + u'/' + name);
    QVERIFY(f.open(QIODevice::WriteOnly));
    QVERIFY(f.resize(size));
}

void TestMailboxSize::sizeFromFileName_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<qint64>("size");
    QTest::newRow("tandem") << u"1700000000.Q0A1B2C.mailbox.example.com,S=1234"_s << qint64(1234);
    QTest::newRow("seen") << u"1700000000.Q0A1B2C.mailbox.example.com,S=1234:2,S"_s << qint64(1234);
    QTest::newRow("dovecot W=") << u"1700000000.M1P2.host,S=99,W=101:2,RS"_s << qint64(99);
    QTest::newRow("escaped host") << u"17.Q1.host\\054x,S=7"_s << qint64(7);
    QTest::newRow("none") << u"1700000000.12345.host"_s << qint64(-1);
    QTest::newRow("flags only") << u"1700000000.12345.host:2,S"_s << qint64(-1);
    QTest::newRow("not a number") << u"17.Q1.host,S=abc"_s << qint64(-1);
}

void TestMailboxSize::sizeFromFileName()
{
    QFETCH(QString, name);
    QFETCH(qint64, size);
    QCOMPARE(MailboxSizes::sizeFromFileName(name), size);
}

void TestMailboxSize::measuresNewAndCurOfEveryFolder()
{
    QCOMPARE(MailboxSizes::measure(box()), 0); // no mailbox: nothing
    makeMailbox();
    putFile(u"/new"_s, u"1.Q1.h,S=1000"_s, 1000);
    putFile(u"/cur"_s, u"2.Q2.h,S=2000:2,S"_s, 1); // the name's size counts, not the file's
    putFile(u"/cur"_s, u"3.M3.h:2,"_s, 300);       // no S=: the file's size
    putFile(u"/.Sent/cur"_s, u"4.Q4.h,S=40000"_s, 40000);
    putFile(u"/.Archive/new"_s, u"5.Q5.h,S=5"_s, 5);
    putFile(u"/tmp"_s, u"6.Q6.h,S=999999"_s, 10);       // being written: not yet mail
    putFile(u"/.Sent/tmp"_s, u"7.Q7.h,S=999999"_s, 10); // likewise
    putFile(QString(), u"tandem-mailbox.json"_s, 500);  // the mailbox's own files
    QCOMPARE(MailboxSizes::measure(box()), 1000 + 2000 + 300 + 40000 + 5);
    MailboxSizes sizes(m_dir->path());
    QCOMPARE(sizes.size(u"alice@example.com"_s), 1000 + 2000 + 300 + 40000 + 5);
    QCOMPARE(sizes.size(u"Alice@EXAMPLE.com"_s), 1000 + 2000 + 300 + 40000 + 5);
    QCOMPARE(sizes.size(u"nobody@example.com"_s), 0);
}

void TestMailboxSize::whichRolesRefuse()
{
    QVERIFY(MailboxSizes::refusesWhenFull(settings(config::Role::Mailbox)));
    QVERIFY(!MailboxSizes::refusesWhenFull(settings(config::Role::Archive)));
    config::Settings custom = settings(config::Role::Custom);
    custom.undelivered.action = config::UndeliveredAction::ReturnToSender;
    QVERIFY(MailboxSizes::refusesWhenFull(custom));
    custom.undelivered.action = config::UndeliveredAction::ForwardToMailbox;
    QVERIFY(MailboxSizes::refusesWhenFull(custom));
    custom.undelivered.action = config::UndeliveredAction::CreateMailboxAndStore;
    QVERIFY(!MailboxSizes::refusesWhenFull(custom));
}

void TestMailboxSize::mailboxTellsOncePerCrossingAndRefusesWhenFull()
{
    makeMailbox();
    MailboxSizes sizes(m_dir->path());
    sizes.configure(settings(config::Role::Mailbox)); // 1 MiB, warning at 50%
    QSignalSpy notices(&sizes, &MailboxSizes::postmasterNotice);
    QSignalSpy alarms(&sizes, &MailboxSizes::alarm);
    const QString alice = u"alice@example.com"_s;

    QVERIFY(!sizes.isFull(alice));
    sizes.added(alice, 300 * 1024);
    QCOMPARE(notices.size(), 0);
    QVERIFY(!QFile::exists(marker()));
    sizes.added(alice, 300 * 1024); // 600 KiB: over half
    QCOMPARE(notices.size(), 1);
    QVERIFY2(notices.at(0).at(0).toString().contains(u"alice@example.com is at 58%"_s),
             qPrintable(notices.at(0).at(0).toString()));
    QCOMPARE(mailbox::toString(sizes.level(alice)), mailbox::toString(SizeLevel::Warning));
    QFile m(marker());
    QVERIFY(m.open(QIODevice::ReadOnly));
    QCOMPARE(m.readAll().trimmed(), QByteArray("warning"));
    m.close();
    sizes.added(alice, 100 * 1024);
    QVERIFY(!sizes.isFull(alice));
    QCOMPARE(notices.size(), 1);    // no second warning
    sizes.added(alice, 324 * 1024); // exactly the cap: full
    QCOMPARE(notices.size(), 2);
    QVERIFY(notices.at(1).at(0).toString().contains(u"is full"_s));
    QVERIFY(notices.at(1).at(1).toString().contains(u"452 4.2.2"_s));
    QVERIFY(sizes.isFull(alice));
    QVERIFY(sizes.isFull(u"ALICE@example.com"_s));
    QVERIFY(!sizes.isFull(u"bob@example.com"_s));
    sizes.added(alice, 1024);
    QVERIFY(sizes.isFull(alice));
    QCOMPARE(notices.size(), 2);
    QCOMPARE(alarms.size(), 1); // once, at the crossing: a Mailbox refuses its mail
    QCOMPARE(alarms.at(0).at(0).toString(), alice);
    QCOMPARE(alarms.at(0).at(2).toLongLong(), kMiB);
    QCOMPARE(alarms.at(0).at(3).toBool(), true);
    QVERIFY(m.open(QIODevice::ReadOnly));
    QCOMPARE(m.readAll().trimmed(), QByteArray("full"));
}

void TestMailboxSize::archiveStoresOverTheCapWithOneAlarm()
{
    makeMailbox();
    MailboxSizes sizes(m_dir->path());
    sizes.configure(settings(config::Role::Archive, 1, 90));
    QSignalSpy notices(&sizes, &MailboxSizes::postmasterNotice);
    QSignalSpy alarms(&sizes, &MailboxSizes::alarm);
    QList<log::Entry> warnings;
    log::setSink([&](const log::Entry &e) {
        if (e.level == log::Level::Warning)
            warnings.append(e);
    });
    const QString alice = u"alice@example.com"_s;
    // Measured first; then what the dispatcher stores counts at once (these files are not on
    // disk: a figure measured after them would not see them).
    QCOMPARE(sizes.size(alice), 0);
    sizes.added(alice, 600 * 1024);
    sizes.added(alice, 600 * 1024, u"Q2"_s); // from below the warning straight over the cap
    QVERIFY(!sizes.isFull(alice));           // an Archive never refuses
    sizes.added(alice, 600 * 1024, u"Q3"_s);
    QVERIFY(!sizes.isFull(alice));
    QCOMPARE(notices.size(), 1);
    QVERIFY(notices.at(0).at(0).toString().contains(u"over its size cap"_s));
    QCOMPARE(alarms.size(), 1);
    QCOMPARE(alarms.at(0).at(0).toString(), alice);
    QCOMPARE(alarms.at(0).at(1).toLongLong(), 1200 * 1024);
    QCOMPARE(alarms.at(0).at(2).toLongLong(), kMiB);
    QCOMPARE(alarms.at(0).at(3).toBool(), false); // it keeps storing
    // Each message stored over the cap says so, with its queue id.
    int stored = 0;
    for (const log::Entry &e : std::as_const(warnings)) {
        if (e.text.startsWith(u"stored in alice@example.com over its size cap"_s)) {
            ++stored;
            QVERIFY(e.queueId == u"Q2"_s || e.queueId == u"Q3"_s);
        }
    }
    QCOMPARE(stored, 2);
}

void TestMailboxSize::belowAgainMeansToldAgain()
{
    makeMailbox();
    MailboxSizes sizes(m_dir->path());
    sizes.configure(settings(config::Role::Mailbox));
    QSignalSpy notices(&sizes, &MailboxSizes::postmasterNotice);
    const QString alice = u"alice@example.com"_s;
    putFile(u"/new"_s, u"1.Q1.h,S=1100000"_s, 0);
    QVERIFY(sizes.isFull(alice)); // measured on first use: over the cap
    QCOMPARE(notices.size(), 1);
    QVERIFY(QFile::exists(marker()));
    // The messages are archived away: measured again, below, the marker goes.
    QVERIFY(QFile::remove(box() + u"/new/1.Q1.h,S=1100000"_s));
    sizes.forget(alice);
    QVERIFY(!sizes.isFull(alice));
    QCOMPARE(mailbox::toString(sizes.level(alice)), mailbox::toString(SizeLevel::Below));
    QVERIFY(!QFile::exists(marker()));
    sizes.added(alice, 700 * 1024);
    QCOMPARE(notices.size(), 2); // the threshold crossed again: told again
}

void TestMailboxSize::whatWasToldOutlivesARestart()
{
    makeMailbox();
    putFile(u"/new"_s, u"1.Q1.h,S=1100000"_s, 0);
    {
        MailboxSizes first(m_dir->path());
        first.configure(settings(config::Role::Mailbox));
        QSignalSpy notices(&first, &MailboxSizes::postmasterNotice);
        QVERIFY(first.isFull(u"alice@example.com"_s));
        QCOMPARE(notices.size(), 1);
    }
    MailboxSizes second(m_dir->path());
    second.configure(settings(config::Role::Mailbox));
    QSignalSpy notices(&second, &MailboxSizes::postmasterNotice);
    QVERIFY(second.isFull(u"alice@example.com"_s));
    second.added(u"alice@example.com"_s, 10);
    QCOMPARE(notices.size(), 0);
}

void TestMailboxSize::ownSettingsOverTheTemplate()
{
    makeMailbox();
    putFile(u"/new"_s, u"1.Q1.h,S=1100000"_s, 0);
    MailboxSizes sizes(m_dir->path());
    sizes.configure(settings(config::Role::Mailbox));
    QVERIFY(sizes.isFull(u"alice@example.com"_s));
    QFile own(box() + u"/tandem-mailbox.json"_s);
    QVERIFY(own.open(QIODevice::WriteOnly));
    own.write(R"({"archive_mode": "custom", "archive": {"max_size_mb": 2}})");
    own.close();
    QVERIFY(!sizes.isFull(u"alice@example.com"_s));
    // "none" archives nothing but keeps the template's cap.
    QVERIFY(own.open(QIODevice::WriteOnly | QIODevice::Truncate));
    own.write(R"({"archive_mode": "none"})");
    own.close();
    QVERIFY(sizes.isFull(u"alice@example.com"_s));
}

void TestMailboxSize::figureLivesSixtySecondsOverTheTimeScale()
{
    makeMailbox();
    MailboxSizes sizes(m_dir->path());
    config::Settings s = settings(config::Role::Mailbox);
    sizes.configure(s);
    const QString alice = u"alice@example.com"_s;
    QCOMPARE(sizes.size(alice), 0);
    putFile(u"/new"_s, u"1.Q1.h,S=1000"_s, 0); // by another program: not seen yet
    QCOMPARE(sizes.size(alice), 0);
    s.timeScale = 600; // 60 s become 100 ms
    sizes.configure(s);
    QThread::msleep(150);
    QCOMPARE(sizes.size(alice), 1000);
}

void TestMailboxSize::noCapNoNotice()
{
    makeMailbox();
    MailboxSizes sizes(m_dir->path());
    sizes.configure(settings(config::Role::Mailbox, 0));
    QSignalSpy notices(&sizes, &MailboxSizes::postmasterNotice);
    sizes.added(u"alice@example.com"_s, 100 * kMiB);
    QVERIFY(!sizes.isFull(u"alice@example.com"_s));
    QCOMPARE(mailbox::toString(sizes.level(u"alice@example.com"_s)),
             mailbox::toString(SizeLevel::Below));
    QCOMPARE(notices.size(), 0);
}

// A console started after the crossing learns of the mailboxes still at their cap; one brought
// below while no engine ran loses its marker and its alarm; raising the cap ends one.
void TestMailboxSize::fullMailboxesAnnouncedAtStartUntilBelow()
{
    makeMailbox();
    makeMailbox(u"bob"_s);
    putFile(u"/new"_s, u"1.Q1.h,S=1100000"_s, 0);
    {
        QFile f(box(u"bob"_s) + u"/new/2.Q2.h,S=1100000"_s);
        QVERIFY(f.open(QIODevice::WriteOnly));
    }
    {
        MailboxSizes first(m_dir->path());
        first.configure(settings(config::Role::Archive));
        QSignalSpy alarms(&first, &MailboxSizes::alarm);
        first.added(u"alice@example.com"_s, 0);
        first.added(u"bob@example.com"_s, 0);
        QCOMPARE(alarms.size(), 2);
    }
    QVERIFY(QFile::remove(box(u"bob"_s) + u"/new/2.Q2.h,S=1100000"_s)); // by a mail reader

    MailboxSizes second(m_dir->path());
    config::Settings s = settings(config::Role::Archive);
    second.configure(s);
    QSignalSpy alarms(&second, &MailboxSizes::alarm);
    QSignalSpy cleared(&second, &MailboxSizes::alarmCleared);
    QSignalSpy notices(&second, &MailboxSizes::postmasterNotice);
    second.announceFull();
    QCOMPARE(alarms.size(), 1);
    QCOMPARE(alarms.at(0).at(0).toString(), u"alice@example.com"_s);
    QCOMPARE(alarms.at(0).at(1).toLongLong(), 1100000);
    QCOMPARE(alarms.at(0).at(3).toBool(), false);
    QCOMPARE(cleared.size(), 1);
    QCOMPARE(cleared.at(0).at(0).toString(), u"bob@example.com"_s);
    QVERIFY(!QFile::exists(box(u"bob"_s) + u'/' + MailboxSizes::markerName()));
    QCOMPARE(notices.size(), 0); // the postmaster was told already

    s.mailboxes.mailboxTemplate.maxSizeMb = 2;
    second.configure(s);
    second.announceFull();
    QCOMPARE(alarms.size(), 1);
    QCOMPARE(cleared.size(), 2);
    QCOMPARE(cleared.at(1).at(0).toString(), u"alice@example.com"_s);
    QFile m(marker()); // 1.1 of 2 MiB: over the 50% warning still
    QVERIFY(m.open(QIODevice::ReadOnly));
    QCOMPARE(m.readAll().trimmed(), QByteArray("warning"));
}

QTEST_GUILESS_MAIN(TestMailboxSize)
#include "tst_mailboxsize.moc"
