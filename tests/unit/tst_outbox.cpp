// The Outbox: idempotent add with a hard link to the queued message, state updates, removal,
// the entry record's round trip, and unreadable entries named instead of dropped.
#include "config/settings.h"
#include "delivery/deliveryqueue.h"
#include "delivery/outbox.h"
#include "queuerows.h"
#include "routing/router.h"
#include "spool/spool.h"
#include "threadwarnings.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <sys/stat.h>

using namespace Qt::StringLiterals;
using namespace tandem::delivery;

namespace {

const QByteArray kMessage = "From: <alice@example.com>\r\nSubject: out\r\n\r\nBody.\r\n";

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

OutboxEntry makeEntry(const QString &id)
{
    OutboxEntry e;
    e.id = id;
    e.messageId = id.section(u'-', 0, 0);
    e.sender = u"alice@example.com"_s;
    e.recipients = {u"bob@example.com"_s, u"carol@remote.test"_s};
    e.size = kMessage.size();
    e.nextHop = u"[192.0.2.20]:2525"_s;
    e.state = EntryState::Queued;
    e.attempts = 0;
    e.created = QDateTime::fromMSecsSinceEpoch(1700000000250, Qt::UTC);
    return e;
}

void compare(const OutboxEntry &got, const OutboxEntry &want)
{
    QCOMPARE(got.id, want.id);
    QCOMPARE(got.messageId, want.messageId);
    QCOMPARE(got.sender, want.sender);
    QCOMPARE(got.recipients, want.recipients);
    QCOMPARE(got.size, want.size);
    QCOMPARE(got.nextHop, want.nextHop);
    QCOMPARE(toString(got.state), toString(want.state));
    QCOMPARE(got.attempts, want.attempts);
    QCOMPARE(got.created, want.created);
    QCOMPARE(got.nextAttempt, want.nextAttempt);
    QCOMPARE(got.nextAttempt.isValid(), want.nextAttempt.isValid());
    QCOMPARE(got.lastReply, want.lastReply);
    QCOMPARE(got.subject, want.subject);
    QCOMPARE(got.client, want.client);
    QCOMPARE(got.helo, want.helo);
    QCOMPARE(got.results, want.results);
}

} // namespace

class TestOutbox : public QObject {
    Q_OBJECT

private slots:
    void entryAddedWhileStoppingArmsNoTimer();
    void init();
    void cleanup();
    void addLinksAndLists();
    void addIsIdempotent();
    void updateChangesState();
    void smallEntriesRestoredFromTheirRows();
    void remove();
    void serializeRoundTrip();
    void deserializeRefusesDamage();
    void corruptEntryIsReported();
    void stateNames();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_outboxDir;
    QString m_queued; // stands for the queue's message file
};

void TestOutbox::init()
{
    tandem::test::failOnThreadWarnings();
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_outboxDir = m_dir->filePath(u"outbox"_s);
    QVERIFY(QDir().mkpath(m_outboxDir));
    QVERIFY(QDir().mkpath(m_dir->filePath(u"queue"_s)));
    m_queued = m_dir->filePath(u"queue/Q1.msg"_s);
    QVERIFY(writeFile(m_queued, kMessage));
}

void TestOutbox::cleanup()
{
    m_dir.reset();
}

void TestOutbox::addLinksAndLists()
{
    Outbox outbox(m_outboxDir);
    QCOMPARE(outbox.directory(), m_outboxDir);
    QVERIFY(!outbox.contains(u"Q1-2"_s));
    QVERIFY(outbox.list().isEmpty());

    const OutboxEntry entry = makeEntry(u"Q1-2"_s);
    QString error;
    QVERIFY2(outbox.add(entry, m_queued, &error), qPrintable(error));
    QVERIFY(outbox.contains(u"Q1-2"_s));
    QCOMPARE(outbox.messagePath(u"Q1-2"_s), m_outboxDir + u"/Q1-2.msg"_s);
    QCOMPARE(readAll(outbox.messagePath(u"Q1-2"_s)), kMessage);

    // A hard link: the same file, so the queue's removal leaves the Outbox's copy intact.
    struct stat a {};
    struct stat b {};
    QCOMPARE(::stat(QFile::encodeName(m_queued).constData(), &a), 0);
    QCOMPARE(::stat(QFile::encodeName(outbox.messagePath(u"Q1-2"_s)).constData(), &b), 0);
    QCOMPARE(a.st_ino, b.st_ino);
    QCOMPARE(a.st_nlink, nlink_t(2));
    QVERIFY(QFile::remove(m_queued));
    QCOMPARE(readAll(outbox.messagePath(u"Q1-2"_s)), kMessage);

    QStringList unreadable;
    const QList<OutboxEntry> entries = outbox.list(&unreadable);
    QVERIFY(unreadable.isEmpty());
    QCOMPARE(entries.size(), 1);
    compare(entries.at(0), entry);

    const auto loaded = outbox.load(u"Q1-2"_s, &error);
    QVERIFY2(loaded, qPrintable(error));
    compare(*loaded, entry);
    QVERIFY(!outbox.load(u"nope"_s, &error));
}

void TestOutbox::addIsIdempotent()
{
    Outbox outbox(m_outboxDir);
    const OutboxEntry entry = makeEntry(u"Q1-0"_s);
    QString error;
    QVERIFY2(outbox.add(entry, m_queued, &error), qPrintable(error));
    const QString db = m_dir->filePath(u"queue.db"_s);
    const QByteArray record = tandem::test::queueRow(db, "outbox", u"Q1-0"_s).value_or("");
    QVERIFY(!record.isEmpty());

    // A redo after a crash adds it again: success, and nothing changes.
    OutboxEntry changed = entry;
    changed.recipients = {u"someone@else.test"_s};
    QVERIFY2(outbox.add(changed, m_queued, &error), qPrintable(error));
    QCOMPARE(tandem::test::queueRow(db, "outbox", u"Q1-0"_s).value_or(""), record);
    QCOMPARE(outbox.list().size(), 1);
    compare(outbox.list().at(0), entry);

    // A link left by a crash before the record was written is replaced.
    QVERIFY(writeFile(m_outboxDir + u"/Q1-1.msg"_s, "stale"));
    QVERIFY2(outbox.add(makeEntry(u"Q1-1"_s), m_queued, &error), qPrintable(error));
    QCOMPARE(readAll(outbox.messagePath(u"Q1-1"_s)), kMessage);
    QCOMPARE(outbox.list().size(), 2);

    // The folder holds the message files, nothing else (the records are rows).
    QCOMPARE(QDir(m_outboxDir).entryList(QDir::Files | QDir::Hidden),
             (QStringList{u"Q1-0.msg"_s, u"Q1-1.msg"_s}));

    // A message file that does not exist cannot be added.
    error.clear();
    QVERIFY(!outbox.add(makeEntry(u"Q9-0"_s), m_dir->filePath(u"queue/missing.msg"_s), &error));
    QVERIFY(!error.isEmpty());
    QVERIFY(!outbox.contains(u"Q9-0"_s));
}

void TestOutbox::updateChangesState()
{
    Outbox outbox(m_outboxDir);
    OutboxEntry entry = makeEntry(u"Q1-0"_s);
    QString error;
    QVERIFY(outbox.add(entry, m_queued, &error));

    entry.state = EntryState::Deferred;
    entry.attempts = 3;
    entry.nextAttempt = QDateTime::fromMSecsSinceEpoch(1700000900000, Qt::UTC);
    entry.lastReply = u"451 4.7.1 try again later"_s;
    entry.recipients = {u"carol@remote.test"_s}; // bob done
    QVERIFY2(outbox.update(entry, &error), qPrintable(error));
    const auto loaded = outbox.load(u"Q1-0"_s, &error);
    QVERIFY2(loaded, qPrintable(error));
    compare(*loaded, entry);

    entry.state = EntryState::Held;
    QVERIFY(outbox.update(entry, &error));
    QCOMPARE(toString(outbox.list().at(0).state), toString(EntryState::Held));
    QCOMPARE(readAll(outbox.messagePath(u"Q1-0"_s)), kMessage);
}

void TestOutbox::smallEntriesRestoredFromTheirRows()
{
    // A small message's row keeps its bytes (with a trace header written before them), and its
    // file is not flushed: restoreFiles() writes again what a crash of the machine lost.
    const QString db = m_dir->filePath(u"queue.db"_s);
    const QString large = m_dir->filePath(u"queue/Q2.msg"_s);
    QByteArray largeBytes = kMessage;
    while (largeBytes.size() <= tandem::spool::kInlineBytes)
        largeBytes += QByteArray(76, 'y') + "\r\n";
    QVERIFY(writeFile(large, largeBytes));
    const QByteArray trace = "Received: by mailbox.example (Tandem) id Q3\r\n";
    QString error;
    {
        Outbox outbox(m_outboxDir);
        QVERIFY2(outbox.add(makeEntry(u"Q1-0"_s), m_queued, &error), qPrintable(error));
        QVERIFY2(outbox.add(makeEntry(u"Q2-0"_s), large, &error), qPrintable(error));
        QVERIFY2(outbox.prepare(makeEntry(u"Q3-0"_s), m_queued, &error, trace), qPrintable(error));
        // Only the large message's file was flushed, and its name must be made durable.
        QVERIFY(!outbox.flushedFiles({makeEntry(u"Q3-0"_s)}));
        QVERIFY(outbox.flushedFiles({makeEntry(u"Q3-0"_s), makeEntry(u"Q2-0"_s)}));
        QVERIFY2(outbox.insert({makeEntry(u"Q3-0"_s)}, &error), qPrintable(error));
        // An update leaves the bytes in the row.
        OutboxEntry deferred = makeEntry(u"Q1-0"_s);
        deferred.state = EntryState::Deferred;
        QVERIFY2(outbox.update(deferred, &error), qPrintable(error));
    }
    QCOMPARE(tandem::test::queueBody(db, "outbox", u"Q1-0"_s), std::optional(kMessage));
    QCOMPARE(tandem::test::queueBody(db, "outbox", u"Q2-0"_s), std::nullopt);
    QCOMPARE(tandem::test::queueBody(db, "outbox", u"Q3-0"_s), std::optional(trace + kMessage));

    Outbox outbox(m_outboxDir);
    QCOMPARE(outbox.restoreFiles(&error), 0); // nothing lost: nothing written
    QVERIFY(QFile::remove(outbox.messagePath(u"Q1-0"_s)));
    QVERIFY(QFile::resize(outbox.messagePath(u"Q3-0"_s), 5));
    QCOMPARE(outbox.restoreFiles(&error), 2);
    QCOMPARE(readAll(outbox.messagePath(u"Q1-0"_s)), kMessage);
    QCOMPARE(readAll(outbox.messagePath(u"Q3-0"_s)), trace + kMessage);
    QCOMPARE(readAll(outbox.messagePath(u"Q2-0"_s)), largeBytes);
    QCOMPARE(QDir(m_outboxDir).entryList(QDir::Files | QDir::Hidden),
             (QStringList{u"Q1-0.msg"_s, u"Q2-0.msg"_s, u"Q3-0.msg"_s}));

    // An entry moved to corrupt/ keeps the bytes of its row, whatever its file holds.
    QVERIFY(writeFile(outbox.messagePath(u"Q1-0"_s), "lost"));
    QVERIFY(QDir().mkpath(outbox.corruptDir()));
    outbox.moveToCorrupt(u"Q1-0"_s, u"a test"_s);
    QCOMPARE(readAll(outbox.corruptDir() + u"/Q1-0.msg"_s), kMessage);
}

void TestOutbox::remove()
{
    Outbox outbox(m_outboxDir);
    QString error;
    QVERIFY(outbox.add(makeEntry(u"Q1-0"_s), m_queued, &error));
    QVERIFY(outbox.add(makeEntry(u"Q1-1"_s), m_queued, &error));
    QVERIFY2(outbox.remove(u"Q1-0"_s, &error), qPrintable(error));
    QVERIFY(!outbox.contains(u"Q1-0"_s));
    QVERIFY(!QFile::exists(outbox.messagePath(u"Q1-0"_s)));
    QCOMPARE(outbox.list().size(), 1);
    QCOMPARE(outbox.list().at(0).id, u"Q1-1"_s);
    // The queue's own file is untouched.
    QCOMPARE(readAll(m_queued), kMessage);
    // Removing what is gone succeeds.
    QVERIFY2(outbox.remove(u"Q1-0"_s, &error), qPrintable(error));
}

void TestOutbox::serializeRoundTrip()
{
    OutboxEntry e = makeEntry(u"0123456789ABCDEF0000-3"_s);
    e.state = EntryState::Delivering;
    e.attempts = 7;
    e.nextAttempt = QDateTime::fromMSecsSinceEpoch(1700003600001, Qt::UTC);
    e.lastReply = u"421 4.3.0 busy \u00e9\n second line"_s;
    e.sender.clear(); // a bounce
    e.subject = u"Undelivered Mail Returned to Sender é"_s;
    e.client = u"192.0.2.7"_s;
    e.helo = u"client.example"_s;
    const QDateTime tried = QDateTime::fromMSecsSinceEpoch(1700003000000, Qt::UTC);
    e.results = {{u"bob@example.com"_s, RecipientOutcome::Delivered, u"250 2.0.0 ok"_s, tried},
                 {u"carol@remote.test"_s, RecipientOutcome::Deferred, u"451 4.3.0 later"_s, tried},
                 {u"dave@remote.test"_s, RecipientOutcome::Failed, u"550 5.1.1 unknown"_s, tried}};
    const QByteArray bytes = serialize(e);
    QVERIFY(bytes.startsWith("tandem-outbox 1\n"));
    QVERIFY(bytes.endsWith('\n'));
    QString error;
    const auto back = deserializeEntry(bytes, &error);
    QVERIFY2(back, qPrintable(error));
    compare(*back, e);

    // No times at all.
    OutboxEntry bare = makeEntry(u"B-0"_s);
    bare.created = QDateTime();
    const auto bareBack = deserializeEntry(serialize(bare), &error);
    QVERIFY2(bareBack, qPrintable(error));
    QVERIFY(!bareBack->created.isValid());
    QVERIFY(!bareBack->nextAttempt.isValid());
}

void TestOutbox::deserializeRefusesDamage()
{
    const QByteArray good = serialize(makeEntry(u"Q1-0"_s));
    QString error;

    QByteArray flipped = good;
    flipped[good.indexOf("bob")] = 'B';
    QVERIFY(!deserializeEntry(flipped, &error));
    QVERIFY(error.contains(u"checksum"_s));

    QVERIFY(!deserializeEntry(good.left(good.size() - 1), &error)); // no final newline
    QVERIFY(!deserializeEntry(good.left(good.indexOf("%end")), &error));
    QVERIFY(!deserializeEntry(QByteArray(), &error));
    QVERIFY(
        !deserializeEntry(QByteArray(good).replace("tandem-outbox 1", "tandem-outbox 9"), &error));
    QVERIFY(
        !deserializeEntry(QByteArray(good).replace("tandem-outbox", "tandem-envelope"), &error));

    OutboxEntry noRecipients = makeEntry(u"Q1-0"_s);
    noRecipients.recipients.clear();
    QVERIFY(!deserializeEntry(serialize(noRecipients), &error));
}

void TestOutbox::corruptEntryIsReported()
{
    Outbox outbox(m_outboxDir);
    QString error;
    QVERIFY(outbox.add(makeEntry(u"Q1-0"_s), m_queued, &error));
    QVERIFY(outbox.add(makeEntry(u"Q1-1"_s), m_queued, &error));
    const QString db = m_dir->filePath(u"queue.db"_s);
    QByteArray record = tandem::test::queueRow(db, "outbox", u"Q1-1"_s).value_or("");
    QVERIFY(record.contains("alice"));
    record[record.indexOf("alice")] = 'A';
    QVERIFY(tandem::test::setQueueRow(db, "outbox", u"Q1-1"_s, record));
    QVERIFY(tandem::test::setQueueRow(db, "outbox", u"Q2-0"_s, "garbage"));

    QStringList unreadable;
    const QList<OutboxEntry> entries = outbox.list(&unreadable);
    QCOMPARE(entries.size(), 1);
    QCOMPARE(entries.at(0).id, u"Q1-0"_s);
    QCOMPARE(unreadable.size(), 2);
    QVERIFY2(unreadable.at(0).startsWith(u"Q1-1: "_s), qPrintable(unreadable.at(0)));
    QVERIFY2(unreadable.at(1).startsWith(u"Q2-0: "_s), qPrintable(unreadable.at(1)));
    // Nothing is deleted by looking.
    QCOMPARE(tandem::test::queueRow(db, "outbox", u"Q1-1"_s).value_or(""), record);
    // Without the list the unreadable ones are skipped.
    QCOMPARE(outbox.list().size(), 1);
}

void TestOutbox::stateNames()
{
    for (const EntryState s :
         {EntryState::Queued, EntryState::Delivering, EntryState::Deferred, EntryState::Held}) {
        const QString name = toString(s);
        QVERIFY(!name.isEmpty());
        QCOMPARE(entryStateFromString(name), std::optional<EntryState>(s));
    }
    QCOMPARE(toString(EntryState::Held), u"held"_s);
    QVERIFY(!entryStateFromString(u"Held"_s));
    QVERIFY(!entryStateFromString(QString()));
}

// Found by the ASan CI run (test_faults.DiskFull): the dispatcher handed an entry over while
// the engine stopped; add() came after stop(), armed the notify timer, and the queue, deleted
// by the engine's thread after its own had ended, warned "Timers cannot be stopped from another
// thread". An entry added after stop() waits on disk for the next start.
void TestOutbox::entryAddedWhileStoppingArmsNoTimer()
{
    Outbox outbox(m_outboxDir);
    QString error;
    QVERIFY2(outbox.add(makeEntry(u"Q1-2"_s), m_queued, &error), qPrintable(error));
    tandem::spool::Spool spool(m_dir->filePath(u"spool"_s));
    QVERIFY2(spool.open(&error), qPrintable(error));
    auto settings = std::make_shared<const tandem::config::Settings>();
    auto router = std::make_shared<tandem::routing::Router>(
        settings, [](const QString &, const QString &) { return false; });
    QThread thread;
    auto *queue = new DeliveryQueue(settings, &outbox, &spool, router, [](const QString &) {});
    queue->moveToThread(&thread);
    thread.start();
    QMetaObject::invokeMethod(
        queue,
        [queue] {
            queue->start();
            queue->stop();
            queue->add(u"Q1-2"_s);
        },
        Qt::BlockingQueuedConnection);
    thread.quit();
    QVERIFY(thread.wait(10000));
    delete queue; // here, as Engine::finishStop does: a running timer would warn (and fail)
    QVERIFY(outbox.contains(u"Q1-2"_s));
}

QTEST_GUILESS_MAIN(TestOutbox)
#include "tst_outbox.moc"
