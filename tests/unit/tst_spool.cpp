// The durable queue: commit, envelope round trip, completion records, and recovery of what a
// crash leaves behind.
#include "delivery/outbox.h"
#include "queuerows.h"
#include "spool/spool.h"
#include "threadwarnings.h"
#include "util/log.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <chrono>
#include <malloc.h>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace tandem::spool;

namespace {

const QByteArray kMessage = "Received: from client.example (client.example [192.0.2.7])\r\n"
                            "From: <alice@example.com>\r\n"
                            "To: <bob@example.com>\r\n"
                            "Subject: spool test\r\n"
                            "\r\n"
                            "Hello.\r\n";

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool writeFile(const QString &path, const QByteArray &bytes, QIODevice::OpenMode extra = {})
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | extra) && f.write(bytes) == bytes.size();
}

Envelope fullEnvelope(const QString &id)
{
    Envelope e;
    e.id = id;
    e.received = QDateTime::fromMSecsSinceEpoch(1700000000123, Qt::UTC);
    e.clientAddress = u"192.0.2.7"_s;
    e.helo = u"client.example"_s;
    e.sender = u"alice@example.com"_s;
    e.recipients = {u"bob@example.com"_s, u"carol@remote.test"_s, u"\"odd one\"@example.com"_s};
    e.size = kMessage.size();
    e.receivedHeaders = 1;
    e.generated = false;
    e.messageId = u"<m1@client.example>"_s;
    e.subject = u"Grüße aus Köln"_s;

    Action inbox;
    inbox.kind = ActionKind::Deliver;
    inbox.mailbox = u"bob@example.com"_s;
    inbox.create = true;
    inbox.deliveredTo = u"bob@example.com"_s;
    Action sentCopy;
    sentCopy.kind = ActionKind::Deliver;
    sentCopy.mailbox = u"alice@example.com"_s;
    sentCopy.folder = u"Sent"_s;
    sentCopy.create = false;
    sentCopy.deliveredTo = u"alice@example.com"_s;
    Action out;
    out.kind = ActionKind::Outbox;
    out.nextHop = u"[192.0.2.20]:2525"_s;
    out.recipients = {u"bob@example.com"_s, u"carol@remote.test"_s};
    Action bounce;
    bounce.kind = ActionKind::Bounce;
    // One failure reported by a remote server (Remote-MTA kept), one found here (none).
    bounce.failures = {Failure{u"\"odd one\"@example.com"_s, u"5.1.1"_s,
                               u"smtp; 550 5.1.1 no such user \u00e9"_s, u"mx.remote.test"_s},
                       Failure{u"ghost@example.com"_s, u"5.1.1"_s, u"x-tandem; no such user"_s}};
    Action hold;
    hold.kind = ActionKind::Hold;
    hold.nextHop = u"remote.test"_s;
    hold.recipients = {u"carol@remote.test"_s};
    hold.reason = u"5.4.6 too many hops"_s;
    e.actions = {inbox, sentCopy, out, bounce, hold};
    return e;
}

void compareActions(const QList<Action> &got, const QList<Action> &want)
{
    // Action::operator== cannot be used (see the report), so compare field by field.
    QCOMPARE(got.size(), want.size());
    for (qsizetype i = 0; i < want.size(); ++i) {
        const Action &g = got.at(i);
        const Action &w = want.at(i);
        QCOMPARE(toString(g.kind), toString(w.kind));
        QCOMPARE(g.mailbox, w.mailbox);
        QCOMPARE(g.folder, w.folder);
        QCOMPARE(g.create, w.create);
        QCOMPARE(g.deliveredTo, w.deliveredTo);
        QCOMPARE(g.nextHop, w.nextHop);
        QCOMPARE(g.recipients, w.recipients);
        QCOMPARE(g.reason, w.reason);
        QCOMPARE(g.failures.size(), w.failures.size());
        for (qsizetype j = 0; j < w.failures.size(); ++j) {
            QCOMPARE(g.failures.at(j).recipient, w.failures.at(j).recipient);
            QCOMPARE(g.failures.at(j).status, w.failures.at(j).status);
            QCOMPARE(g.failures.at(j).diagnostic, w.failures.at(j).diagnostic);
            QCOMPARE(g.failures.at(j).remoteMta, w.failures.at(j).remoteMta);
        }
    }
}

// A message too large to keep its bytes in its row (spool::kInlineBytes).
QByteArray largeMessage()
{
    QByteArray bytes = kMessage;
    while (bytes.size() <= tandem::spool::kInlineBytes)
        bytes += QByteArray(76, 'x') + "\r\n";
    return bytes;
}

// A message committed as a session commits it: begin(), write(), commit() on the writer
// thread; the result once its callback ran (nullopt when begin() failed or it never came).
std::optional<CommitResult> commitAsSession(Spool &spool, const QByteArray &bytes, QString *id)
{
    QString error;
    auto message = spool.begin(&error);
    if (!message)
        return std::nullopt;
    *id = message->id();
    message->write(bytes);
    QObject context;
    std::optional<CommitResult> result;
    spool.commit(std::move(message), fullEnvelope(*id), &context,
                 [&](const CommitResult &r) { result = r; });
    return QTest::qWaitFor([&] { return result.has_value(); }) ? result : std::nullopt;
}

} // namespace

class TestSpool : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void openMakesLayout();
    void commitIsDurableAndReported();
    void commitResultNamesId();
    void envelopeRoundTrip();
    void completedActions();
    void recover();
    void smallMessagesRestoredFromTheirRows();
    void commitNowWithFixedId();
    void remove();
    void abandonedMessageLeavesNothing();
    void queueIdsSortByArrival();
    void handoverRememberedAcrossRestarts();
    void handoverOfACommitWithoutItsLineRecovered();
    void handoverForgottenAfterKeeping();
    void handoversRememberedCompactly();
    void olderLayoutMovesIntoTheDatabase();
    void schemaTwoTablesBecomeRowidTables();
    void checkpointsKeepTheLogShort();
    void finishedFilesAreUsedAgain();
    void burstBacklogKeptInThePool();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_spoolDir;
    QStringList m_logged;
};

void TestSpool::initTestCase()
{
    // Keep the output clean; the texts are checked where they matter.
    tandem::log::setSink([this](const tandem::log::Entry &e) { m_logged.append(e.text); });
}

void TestSpool::init()
{
    tandem::test::failOnThreadWarnings();
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_spoolDir = m_dir->filePath(u"spool"_s);
    m_logged.clear();
}

void TestSpool::cleanup()
{
    m_dir.reset();
}

void TestSpool::openMakesLayout()
{
    Spool spool(m_spoolDir);
    QString error;
    QVERIFY2(spool.open(&error), qPrintable(error));
    for (const QString &sub : {u"tmp"_s, u"queue"_s, u"corrupt"_s, u"outbox"_s})
        QVERIFY2(QFileInfo(m_spoolDir + u'/' + sub).isDir(), qPrintable(sub));
    QCOMPARE(spool.queueDir(), m_spoolDir + u"/queue"_s);
    QCOMPARE(spool.outboxDir(), m_spoolDir + u"/outbox"_s);
    QCOMPARE(spool.messagePath(u"X1"_s), m_spoolDir + u"/queue/X1.msg"_s);
    // Opening again is harmless.
    QVERIFY2(spool.open(&error), qPrintable(error));
}

void TestSpool::commitIsDurableAndReported()
{
    Spool spool(m_spoolDir);
    QString error;
    QVERIFY2(spool.open(&error), qPrintable(error));
    QSignalSpy committed(&spool, &Spool::committed);
    QVERIFY(committed.isValid());

    auto message = spool.begin(&error);
    QVERIFY2(message, qPrintable(error));
    const QString id = message->id();
    QVERIFY(!id.isEmpty());
    // Written in place; not a message of the queue until its envelope's row is committed.
    QVERIFY(QFile::exists(spool.messagePath(id)));
    QVERIFY(!spool.exists(id));
    // Written in pieces, as a session receives it.
    QVERIFY(message->write(kMessage.left(10)));
    QVERIFY(message->write(kMessage.mid(10)));
    QCOMPARE(message->size(), kMessage.size());
    QVERIFY(!message->failed());

    Envelope envelope = fullEnvelope(id);
    QObject context;
    bool called = false;
    CommitResult result;
    spool.commit(std::move(message), envelope, &context, [&](const CommitResult &r) {
        called = true;
        result = r;
    });
    QTRY_VERIFY(called);
    QVERIFY2(result.ok, qPrintable(result.error));
    QCOMPARE(committed.count(), 1);
    QCOMPARE(committed.at(0).at(0).toString(), id);

    QVERIFY(tandem::test::queueRow(m_spoolDir + u"/queue.db"_s, "messages", id).has_value());
    QCOMPARE(readAll(spool.messagePath(id)), kMessage);
    // One file per message: the envelope is a row.
    QCOMPARE(QDir(spool.queueDir()).entryList(QDir::Files), QStringList{id + u".msg"_s});
    QVERIFY(QDir(m_spoolDir + u"/tmp"_s).isEmpty());
    QVERIFY(spool.exists(id));
}

void TestSpool::commitResultNamesId()
{
    // CommitResult::id is "the committed message's queue id": commitNow() fills it, and the
    // asynchronous commit() hands its callback the same structure.
    Spool spool(m_spoolDir);
    QString error;
    QVERIFY2(spool.open(&error), qPrintable(error));
    QString id;
    const auto result = commitAsSession(spool, kMessage, &id);
    QVERIFY(result.has_value());
    QVERIFY2(result->ok, qPrintable(result->error));
    QCOMPARE(result->id, id);
}

void TestSpool::envelopeRoundTrip()
{
    Spool spool(m_spoolDir);
    QString error;
    QVERIFY2(spool.open(&error), qPrintable(error));
    auto message = spool.begin(&error);
    QVERIFY(message);
    const QString id = message->id();
    message->write(kMessage);
    const Envelope want = fullEnvelope(id);
    QObject context;
    bool ok = false;
    bool called = false;
    spool.commit(std::move(message), want, &context, [&](const CommitResult &r) {
        ok = r.ok;
        called = true;
    });
    QTRY_VERIFY(called);
    QVERIFY(ok);

    const auto got = spool.loadEnvelope(id, &error);
    QVERIFY2(got, qPrintable(error));
    QCOMPARE(got->id, want.id);
    QCOMPARE(got->received, want.received);
    QCOMPARE(got->received.toMSecsSinceEpoch(), qint64(1700000000123));
    QCOMPARE(got->clientAddress, want.clientAddress);
    QCOMPARE(got->helo, want.helo);
    QCOMPARE(got->sender, want.sender);
    QCOMPARE(got->recipients, want.recipients);
    QCOMPARE(got->size, want.size);
    QCOMPARE(got->receivedHeaders, want.receivedHeaders);
    QCOMPARE(got->generated, want.generated);
    QCOMPARE(got->messageId, want.messageId);
    QCOMPARE(got->subject, want.subject);
    compareActions(got->actions, want.actions);
    if (QTest::currentTestFailed())
        return;

    // The generated flag and the null sender survive too.
    Envelope dsn = fullEnvelope(u"GEN0001"_s);
    dsn.sender.clear();
    dsn.clientAddress.clear();
    dsn.generated = true;
    dsn.receivedHeaders = 0;
    const auto back = deserialize(serialize(dsn), &error);
    QVERIFY2(back, qPrintable(error));
    QVERIFY(back->generated);
    QVERIFY(back->sender.isEmpty());
    QCOMPARE(back->receivedHeaders, 0);

    // Missing, and of another id.
    QVERIFY(!spool.loadEnvelope(u"NOPE"_s, &error));
    const QString db = m_spoolDir + u"/queue.db"_s;
    QVERIFY(tandem::test::setQueueRow(db, "messages", u"OTHER"_s,
                                      *tandem::test::queueRow(db, "messages", id)));
    error.clear();
    QVERIFY(!spool.loadEnvelope(u"OTHER"_s, &error));
    QVERIFY(!error.isEmpty());
}

void TestSpool::completedActions()
{
    Spool spool(m_spoolDir);
    QString error;
    QVERIFY2(spool.open(&error), qPrintable(error));
    Envelope e = fullEnvelope(u"DONE0001"_s);
    const CommitResult r = spool.commitNow(kMessage, e);
    QVERIFY2(r.ok, qPrintable(r.error));

    QVERIFY(spool.completedActions(u"DONE0001"_s).isEmpty());
    QVERIFY2(spool.markCompleted(u"DONE0001"_s, 0, &error), qPrintable(error));
    QVERIFY2(spool.markCompleted(u"DONE0001"_s, 3, &error), qPrintable(error));
    QCOMPARE(spool.completedActions(u"DONE0001"_s), (QSet<int>{0, 3}));
    // Marking again changes nothing.
    QVERIFY2(spool.markCompleted(u"DONE0001"_s, 3, &error), qPrintable(error));
    QCOMPARE(spool.completedActions(u"DONE0001"_s), (QSet<int>{0, 3}));
    // Durable: another process (a Spool of its own) reads the same.
    const Spool other(m_spoolDir);
    QCOMPARE(other.completedActions(u"DONE0001"_s), (QSet<int>{0, 3}));
    // Marks made in one transaction are all there or none.
    {
        tandem::spool::QueueDb::Transaction t(*spool.db());
        QVERIFY(spool.markCompleted(u"DONE0001"_s, 5, &error));
        QVERIFY(spool.markCompleted(u"DONE0001"_s, 6, &error));
    } // not committed: rolled back
    QCOMPARE(spool.completedActions(u"DONE0001"_s), (QSet<int>{0, 3}));
    {
        tandem::spool::QueueDb::Transaction t(*spool.db());
        QVERIFY(spool.markCompleted(u"DONE0001"_s, 5, &error));
        QVERIFY(spool.markCompleted(u"DONE0001"_s, 6, &error));
        QVERIFY2(t.commit(&error), qPrintable(error));
    }
    QCOMPARE(other.completedActions(u"DONE0001"_s), (QSet<int>{0, 3, 5, 6}));
}

void TestSpool::recover()
{
    QString error;
    QStringList good;
    {
        Spool spool(m_spoolDir);
        QVERIFY2(spool.open(&error), qPrintable(error));
        // Committed entries, made out of order on purpose.
        for (const QString &id : {u"0000000000000B0000"_s, u"0000000000000A0000"_s, u"BROKEN"_s}) {
            const CommitResult r = spool.commitNow(kMessage, fullEnvelope(id));
            QVERIFY2(r.ok, qPrintable(r.error));
        }
        // Too large for its row: its file is all there is.
        const CommitResult large = spool.commitNow(largeMessage(), fullEnvelope(u"NOMSG"_s));
        QVERIFY2(large.ok, qPrintable(large.error));
        good = {u"0000000000000A0000"_s, u"0000000000000B0000"_s};
        QVERIFY(spool.markCompleted(good.at(1), 0, &error));

        // A message still being received when the process died (its file in queue/, no row).
        auto incoming = spool.begin(&error);
        QVERIFY(incoming);
        incoming->write(kMessage);
        QVERIFY(QFile::exists(spool.messagePath(incoming->id())));
        QVERIFY(writeFile(spool.queueDir() + u"/INCOMING.msg"_s, kMessage.left(20)));
        // What an older version left in tmp/: not counted as a message unless it is one.
        QVERIFY(writeFile(m_spoolDir + u"/tmp/LEFTOVER.msg"_s, kMessage));
        QVERIFY(writeFile(m_spoolDir + u"/tmp/LEFTOVER.env"_s, "partial"));
        // A message whose envelope never followed.
        QVERIFY(writeFile(spool.queueDir() + u"/ORPHAN.msg"_s, kMessage));
        // The completion mark of an entry that was removed.
        QVERIFY(tandem::test::addDoneRow(m_spoolDir + u"/queue.db"_s, u"GONE"_s, 0));
        // An Outbox entry's file whose row went (delivered just before the process died), and
        // one that still has its row.
        QVERIFY(writeFile(m_spoolDir + u"/outbox/DELIVERED-1.msg"_s, kMessage));
        QVERIFY(writeFile(m_spoolDir + u"/outbox/WAITING-1.msg"_s, kMessage));
        QVERIFY(tandem::test::setQueueRow(m_spoolDir + u"/queue.db"_s, "outbox", u"WAITING-1"_s,
                                          "a record"));
    }
    // Damage: one flipped byte in an envelope; one message file lost.
    const QString queue = m_spoolDir + u"/queue/"_s;
    const QString db = m_spoolDir + u"/queue.db"_s;
    QByteArray env = tandem::test::queueRow(db, "messages", u"BROKEN"_s).value_or(QByteArray());
    QVERIFY(env.size() > 40);
    env[30] = char(env.at(30) ^ 0x01);
    QVERIFY(tandem::test::setQueueRow(db, "messages", u"BROKEN"_s, env));
    QVERIFY(QFile::remove(queue + u"NOMSG.msg"_s));

    Spool spool(m_spoolDir);
    QVERIFY2(spool.open(&error), qPrintable(error));
    const Spool::Recovery r = spool.recover();
    QCOMPARE(r.resume, good);
    QCOMPARE(r.discarded, 3); // queue/INCOMING.msg, tmp/LEFTOVER.msg and queue/ORPHAN.msg
    QCOMPARE(r.corrupted, (QStringList{u"BROKEN"_s, u"NOMSG"_s}));

    QVERIFY(QDir(m_spoolDir + u"/tmp"_s).isEmpty());
    QVERIFY(!QFile::exists(queue + u"ORPHAN.msg"_s));
    QCOMPARE(QDir(m_spoolDir + u"/outbox"_s).entryList(QDir::Files | QDir::Hidden),
             QStringList{u"WAITING-1.msg"_s});
    QCOMPARE(spool.filePool()->size(), 1); // the delivered entry's file, to be used again
    QVERIFY(!QFile::exists(queue + u"INCOMING.msg"_s));
    QVERIFY(spool.completedActions(u"GONE"_s).isEmpty());
    for (const QString &id : good) {
        QVERIFY(spool.exists(id));
        QVERIFY(QFile::exists(queue + id + u".msg"_s));
    }
    QCOMPARE(spool.pendingIds(), good);
    QCOMPARE(spool.completedActions(good.at(1)), QSet<int>{0});

    // Damaged entries are kept in corrupt/ with the reason, never deleted.
    const QString corrupt = m_spoolDir + u"/corrupt/"_s;
    QVERIFY(!spool.exists(u"BROKEN"_s));
    QVERIFY(!QFile::exists(queue + u"BROKEN.msg"_s));
    QCOMPARE(readAll(corrupt + u"BROKEN.env"_s), env);
    QCOMPARE(readAll(corrupt + u"BROKEN.msg"_s), kMessage);
    QVERIFY2(readAll(corrupt + u"BROKEN.why"_s).contains("checksum"),
             readAll(corrupt + u"BROKEN.why"_s).constData());
    QVERIFY(!spool.exists(u"NOMSG"_s));
    QVERIFY(!QFile::exists(corrupt + u"NOMSG.msg"_s));
    QVERIFY(QFile::exists(corrupt + u"NOMSG.env"_s));
    QVERIFY(QFile::exists(corrupt + u"NOMSG.why"_s));
    QVERIFY(!readAll(corrupt + u"NOMSG.why"_s).trimmed().isEmpty());

    // A second pass finds the same good entries and nothing else to do.
    const Spool::Recovery again = spool.recover();
    QCOMPARE(again.resume, good);
    QCOMPARE(again.discarded, 0);
    QVERIFY(again.corrupted.isEmpty());
}

void TestSpool::smallMessagesRestoredFromTheirRows()
{
    // A small message's file is not flushed: its row keeps its bytes, and a crash of the
    // machine that lost some of the file (all of it, its tail, or blocks never written) finds
    // it written again from the row before anything reads it.
    QString error;
    const QString db = m_spoolDir + u"/queue.db"_s;
    QHash<QString, QByteArray> bytes;
    {
        Spool spool(m_spoolDir);
        QVERIFY2(spool.open(&error), qPrintable(error));
        // Through a session's path (commit on the writer thread) and the server's (commitNow).
        for (const QByteArray &text : {kMessage, largeMessage()}) {
            QString id;
            const auto result = commitAsSession(spool, text, &id);
            QVERIFY(result.has_value());
            QVERIFY2(result->ok, qPrintable(result->error));
            bytes.insert(id, text);
        }
        for (const QString &id : {u"0000000000000C0000"_s, u"0000000000000D0000"_s}) {
            const QByteArray text = kMessage + id.toLatin1() + "\r\n";
            const CommitResult r = spool.commitNow(text, fullEnvelope(id));
            QVERIFY2(r.ok, qPrintable(r.error));
            bytes.insert(id, text);
        }
    }
    QStringList ids = bytes.keys();
    ids.sort();
    QCOMPARE(ids.size(), 4);
    for (const QString &id : std::as_const(ids)) {
        const bool small = bytes.value(id).size() <= tandem::spool::kInlineBytes;
        QCOMPARE(tandem::test::queueBody(db, "messages", id),
                 small ? std::optional(bytes.value(id)) : std::nullopt);
    }
    // The damage: one small file gone, one cut short, one with garbage in place of its bytes.
    QStringList small;
    for (const QString &id : std::as_const(ids)) {
        if (bytes.value(id).size() <= tandem::spool::kInlineBytes)
            small.append(id);
    }
    QCOMPARE(small.size(), 3);
    const QString queue = m_spoolDir + u"/queue/"_s;
    QVERIFY(QFile::remove(queue + small.at(0) + u".msg"_s));
    QVERIFY(QFile::resize(queue + small.at(1) + u".msg"_s, 10));
    QVERIFY(writeFile(queue + small.at(2) + u".msg"_s,
                      QByteArray(bytes.value(small.at(2)).size(), '\0')));

    Spool spool(m_spoolDir);
    QVERIFY2(spool.open(&error), qPrintable(error));
    const Spool::Recovery r = spool.recover();
    QCOMPARE(r.resume, ids);
    QVERIFY(r.corrupted.isEmpty());
    for (const QString &id : std::as_const(ids))
        QCOMPARE(readAll(spool.messagePath(id)), bytes.value(id));
    QVERIFY2(m_logged.join(u'\n').contains(u"3 message file(s) written again"_s),
             qPrintable(m_logged.join(u'\n')));
    // Nothing left behind by the rewriting.
    QCOMPARE(QDir(spool.queueDir()).entryList(QDir::Files | QDir::Hidden).size(), 4);
}

void TestSpool::commitNowWithFixedId()
{
    Spool spool(m_spoolDir);
    QString error;
    QVERIFY2(spool.open(&error), qPrintable(error));
    QSignalSpy committed(&spool, &Spool::committed);

    Envelope e = fullEnvelope(u"ABC123B0"_s);
    e.size = 1; // commitNow sets the size from the bytes
    const CommitResult r = spool.commitNow(kMessage, e);
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(r.id, u"ABC123B0"_s);
    QVERIFY(r.error.isEmpty());
    QVERIFY(spool.exists(u"ABC123B0"_s));
    QCOMPARE(readAll(spool.messagePath(u"ABC123B0"_s)), kMessage);
    const auto loaded = spool.loadEnvelope(u"ABC123B0"_s, &error);
    QVERIFY2(loaded, qPrintable(error));
    QCOMPARE(loaded->id, u"ABC123B0"_s);
    QCOMPARE(loaded->size, kMessage.size());
    QVERIFY(QDir(m_spoolDir + u"/tmp"_s).isEmpty());

    // Without an id, one is made.
    Envelope anonymous = fullEnvelope(QString());
    const CommitResult r2 = spool.commitNow("x\r\n", anonymous);
    QVERIFY2(r2.ok, qPrintable(r2.error));
    QVERIFY(!r2.id.isEmpty());
    QVERIFY(spool.exists(r2.id));
    QCOMPARE(readAll(spool.messagePath(r2.id)), QByteArray("x\r\n"));
    const QStringList ids = spool.pendingIds();
    QCOMPARE(ids.size(), 2);
    QVERIFY(ids.contains(u"ABC123B0"_s));
}

void TestSpool::remove()
{
    Spool spool(m_spoolDir);
    QString error;
    QVERIFY2(spool.open(&error), qPrintable(error));
    QVERIFY(spool.commitNow(kMessage, fullEnvelope(u"RM1"_s)).ok);
    QVERIFY(spool.commitNow(kMessage, fullEnvelope(u"KEEP1"_s)).ok);
    QVERIFY(spool.markCompleted(u"RM1"_s, 1, &error));
    QVERIFY(spool.exists(u"RM1"_s));

    spool.remove(u"RM1"_s);
    QVERIFY(!spool.exists(u"RM1"_s));
    const QString queue = spool.queueDir() + u'/';
    QVERIFY(!QFile::exists(queue + u"RM1.msg"_s));
    QVERIFY(spool.completedActions(u"RM1"_s).isEmpty());
    QVERIFY(spool.exists(u"KEEP1"_s));
    QVERIFY(QFile::exists(queue + u"KEEP1.msg"_s));
    spool.remove(u"RM1"_s); // twice is harmless
    QCOMPARE(spool.recover().resume, QStringList{u"KEEP1"_s});

    // A message's wait record goes with it: one written by this spool, one found at start
    // (written before it), and one written by another spool of the same folder that did not
    // look (a command on a stopped daemon's folder).
    for (const QString &id : {u"W1"_s, u"W2"_s, u"W3"_s})
        QVERIFY(spool.commitNow(kMessage, fullEnvelope(id)).ok);
    {
        Spool other(m_spoolDir);
        other.recordWait(u"W2"_s, Spool::Wait{1, {}, {}, u"full"_s, false});
    }
    QVERIFY(spool.recover().resume.contains(u"W2"_s));
    spool.recordWait(u"W1"_s, Spool::Wait{1, {}, {}, u"full"_s, false});
    {
        Spool other(m_spoolDir);
        other.recordWait(u"W3"_s, Spool::Wait{0, {}, {}, {}, true});
        other.remove(u"W3"_s);
        QVERIFY(!QFile::exists(queue + u"W3.wait"_s));
    }
    QVERIFY(QFile::exists(queue + u"W1.wait"_s));
    QVERIFY(QFile::exists(queue + u"W2.wait"_s));
    spool.remove(QStringList{u"W1"_s, u"W2"_s});
    QVERIFY(!QFile::exists(queue + u"W1.wait"_s));
    QVERIFY(!QFile::exists(queue + u"W2.wait"_s));
}

void TestSpool::abandonedMessageLeavesNothing()
{
    Spool spool(m_spoolDir);
    QString error;
    QVERIFY2(spool.open(&error), qPrintable(error));
    {
        auto message = spool.begin(&error);
        QVERIFY(message);
        message->write(kMessage);
        // The session drops it (client gone, message refused): never acknowledged.
    }
    QVERIFY(QDir(m_spoolDir + u"/tmp"_s).isEmpty());
    QVERIFY(QDir(spool.queueDir()).isEmpty());

    // A fixed id already being received cannot be taken twice.
    auto first = spool.begin(&error, u"SAME"_s);
    QVERIFY(first);
    auto second = spool.begin(&error, u"SAME"_s);
    QVERIFY(!second);
    QVERIFY(!error.isEmpty());
}

void TestSpool::queueIdsSortByArrival()
{
    QStringList ids;
    for (int i = 0; i < 50; ++i)
        ids.append(newQueueId());
    QStringList sorted = ids;
    sorted.sort();
    QCOMPARE(sorted, ids);
    QCOMPARE(QSet<QString>(ids.begin(), ids.end()).size(), ids.size());
    for (const QString &id : std::as_const(ids)) {
        QCOMPARE(id.size(), 18);
        QVERIFY(!id.contains(u'.'));
    }
}

// A spool written by a version before the queue's database: one file per envelope, completion
// list and Outbox entry. Opening it moves the records into the database, and the messages go on.
void TestSpool::olderLayoutMovesIntoTheDatabase()
{
    const QString queue = m_spoolDir + u"/queue/"_s;
    const QString outboxDir = m_spoolDir + u"/outbox"_s;
    QVERIFY(QDir().mkpath(queue));
    QVERIFY(QDir().mkpath(outboxDir));
    QVERIFY(writeFile(queue + u"OLD1.msg"_s, kMessage));
    QVERIFY(writeFile(queue + u"OLD1.env"_s, serialize(fullEnvelope(u"OLD1"_s))));
    // The second line was cut short by a crash: action 2 was not recorded.
    QVERIFY(writeFile(queue + u"OLD1.done"_s, "0\n2"));
    tandem::delivery::OutboxEntry entry;
    entry.id = u"OLD1-1"_s;
    entry.messageId = u"OLD1"_s;
    entry.sender = u"alice@example.com"_s;
    entry.recipients = {u"carol@remote.test"_s};
    entry.nextHop = u"[192.0.2.20]:25"_s;
    QVERIFY(writeFile(outboxDir + u"/OLD1-1.entry"_s, tandem::delivery::serialize(entry)));
    QVERIFY(QFile::copy(queue + u"OLD1.msg"_s, outboxDir + u"/OLD1-1.msg"_s));

    Spool spool(m_spoolDir);
    QString error;
    QVERIFY2(spool.open(&error), qPrintable(error));
    QCOMPARE(spool.recover().resume, QStringList{u"OLD1"_s});
    QCOMPARE(spool.completedActions(u"OLD1"_s), QSet<int>{0});
    const auto envelope = spool.loadEnvelope(u"OLD1"_s, &error);
    QVERIFY2(envelope, qPrintable(error));
    QCOMPARE(envelope->recipients, fullEnvelope(u"OLD1"_s).recipients);
    QCOMPARE(QDir(queue).entryList(QDir::Files), QStringList{u"OLD1.msg"_s});
    const tandem::delivery::Outbox outbox(outboxDir, spool.db());
    const auto loaded = outbox.load(u"OLD1-1"_s, &error);
    QVERIFY2(loaded, qPrintable(error));
    QCOMPARE(loaded->recipients, entry.recipients);
    QCOMPARE(QDir(outboxDir).entryList(QDir::Files), QStringList{u"OLD1-1.msg"_s});
}

// A queue database of schema 2 (messages and outbox WITHOUT ROWID, whose small messages' rows
// spilled into overflow pages) is rebuilt with rowid tables on opening, every row kept.
void TestSpool::schemaTwoTablesBecomeRowidTables()
{
    const QString path = m_spoolDir + u"/queue.db"_s;
    QVERIFY(QDir().mkpath(m_spoolDir + u"/queue"_s));
    {
        tandem::test::Db db(path);
        QVERIFY(db.exec(
            u"PRAGMA journal_mode=WAL; "
            "CREATE TABLE messages (id TEXT PRIMARY KEY, envelope BLOB NOT NULL) WITHOUT ROWID; "
            "ALTER TABLE messages ADD COLUMN body BLOB; "
            "CREATE TABLE done (id TEXT NOT NULL, action INTEGER NOT NULL, "
            "PRIMARY KEY (id, action)) WITHOUT ROWID; "
            "CREATE TABLE outbox (id TEXT PRIMARY KEY, record BLOB NOT NULL) WITHOUT ROWID; "
            "ALTER TABLE outbox ADD COLUMN body BLOB; PRAGMA user_version=2;"_s));
        sqlite3_stmt *insert = nullptr;
        QCOMPARE(sqlite3_prepare_v2(db.get(), "INSERT INTO messages VALUES ('OLD2', ?, ?)", -1,
                                    &insert, nullptr),
                 SQLITE_OK);
        const QByteArray envelope = serialize(fullEnvelope(u"OLD2"_s));
        sqlite3_bind_blob(insert, 1, envelope.constData(), int(envelope.size()), SQLITE_TRANSIENT);
        sqlite3_bind_blob(insert, 2, kMessage.constData(), int(kMessage.size()), SQLITE_TRANSIENT);
        QCOMPARE(sqlite3_step(insert), SQLITE_DONE);
        sqlite3_finalize(insert);
        QVERIFY(db.exec(u"INSERT INTO done VALUES ('OLD2', 0); "
                        "INSERT INTO outbox VALUES ('OLD2-1', X'00', NULL)"_s));
    }
    QVERIFY(writeFile(m_spoolDir + u"/queue/OLD2.msg"_s, kMessage));

    Spool spool(m_spoolDir);
    QString error;
    QVERIFY2(spool.open(&error), qPrintable(error));
    tandem::test::Db db(path);
    QCOMPARE(db.column(u"PRAGMA user_version"_s), QStringList{u"3"_s});
    QCOMPARE(db.column(u"SELECT name FROM sqlite_schema WHERE type = 'table' AND "
                       "sql LIKE '%WITHOUT ROWID%' ORDER BY name"_s),
             QStringList{u"done"_s});
    QCOMPARE(db.column(u"SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name"_s),
             (QStringList{u"done"_s, u"messages"_s, u"outbox"_s}));
    QCOMPARE(tandem::test::queueBody(path, "messages", u"OLD2"_s), kMessage);
    QCOMPARE(tandem::test::queueRow(path, "outbox", u"OLD2-1"_s), QByteArray(1, '\0'));
    QCOMPARE(spool.recover().resume, QStringList{u"OLD2"_s});
    QCOMPARE(spool.completedActions(u"OLD2"_s), QSet<int>{0});
    QCOMPARE(spool.loadEnvelope(u"OLD2"_s, &error)->recipients, fullEnvelope(u"OLD2"_s).recipients);
}

// The queue's log is copied into the database by the checkpointer thread (SQLite's own
// checkpoints in the commits are off), and starts again from its beginning while commits go
// on: it stays near kCheckpointPages instead of growing with every commit of a busy spell.
void TestSpool::checkpointsKeepTheLogShort()
{
    QVERIFY(QDir().mkpath(m_spoolDir));
    QString error;
    const auto db = QueueDb::open(m_spoolDir, &error);
    QVERIFY2(db, qPrintable(error));
    // Rows of three pages: each commit appends at least four to the log (6,000 in all) and
    // waits for its fsync, as the spool's do; then half a millisecond, as between batches.
    const QByteArray body(3 * 4096, 'x');
    constexpr int kCommits = 1500;
    for (int i = 0; i < kCommits; ++i) {
        QueueDb::Transaction t(*db);
        const QString id = u"C%1"_s.arg(i, 6, 10, QLatin1Char('0'));
        auto insert = db->prepare("INSERT INTO messages (id, envelope, body) VALUES (?, ?, ?)");
        QCOMPARE(insert.bind(1, id).bindBlob(2, "e").bindBlob(3, body).step(), SQLITE_DONE);
        if (i >= 10) {
            auto erase = db->prepare("DELETE FROM messages WHERE id = ?");
            QCOMPARE(erase.bind(1, u"C%1"_s.arg(i - 10, 6, 10, QLatin1Char('0'))).step(),
                     SQLITE_DONE);
        }
        QVERIFY2(t.commit(&error), qPrintable(error));
        std::this_thread::sleep_for(std::chrono::microseconds(500));
    }
    QTRY_VERIFY(db->checkpoints() >= 2);
    // Without restarts the log would hold every page appended.
    const qint64 frame = 24 + 4096;
    const qint64 size = QFileInfo(m_spoolDir + u"/queue.db-wal"_s).size();
    QVERIFY2(size < 3 * QueueDb::kCheckpointPages * frame,
             qPrintable(u"the log is %1 pages long"_s.arg(size / frame)));
    auto count = db->prepare("SELECT COUNT(*) FROM messages");
    QCOMPARE(count.step(), SQLITE_ROW);
    QCOMPARE(count.integer(0), 10);
}

// A finished message's file goes to spool/free/ when the queue held its only name, and the
// next message is written into it (emptied first): no file created, none deleted.
void TestSpool::finishedFilesAreUsedAgain()
{
    Spool spool(m_spoolDir);
    QString error;
    QVERIFY2(spool.open(&error), qPrintable(error));
    const QString free = m_spoolDir + u"/free"_s;
    QVERIFY(QFileInfo(free).isDir());
    QVERIFY(spool.commitNow(kMessage + kMessage, fullEnvelope(u"POOL1"_s)).ok);
    QVERIFY(spool.commitNow(kMessage, fullEnvelope(u"LINKED"_s)).ok);
    struct stat before {};
    QCOMPARE(::stat(QFile::encodeName(spool.messagePath(u"POOL1"_s)).constData(), &before), 0);
    // A second name (an Outbox entry's link): that file is not the queue's to give back.
    const QString link = m_spoolDir + u"/outbox/LINKED-0.msg"_s;
    QCOMPARE(::link(QFile::encodeName(spool.messagePath(u"LINKED"_s)).constData(),
                    QFile::encodeName(link).constData()),
             0);
    QVERIFY(tandem::test::setQueueRow(m_spoolDir + u"/queue.db"_s, "outbox", u"LINKED-0"_s,
                                      "a record"));
    spool.remove(QStringList{u"POOL1"_s, u"LINKED"_s});
    QCOMPARE(spool.filePool()->size(), 1);
    QCOMPARE(QDir(free).entryList(QDir::Files).size(), 1);
    QCOMPARE(readAll(link), kMessage); // untouched

    // The next message takes it: same inode, only the new bytes.
    const CommitResult result = spool.commitNow("new\r\n", fullEnvelope(QString()));
    QVERIFY2(result.ok, qPrintable(result.error));
    const QString id = result.id;
    struct stat after {};
    QCOMPARE(::stat(QFile::encodeName(spool.messagePath(id)).constData(), &after), 0);
    QCOMPARE(after.st_ino, before.st_ino);
    QCOMPARE(readAll(spool.messagePath(id)), QByteArray("new\r\n"));
    QCOMPARE(spool.filePool()->size(), 0);
    QVERIFY(QDir(free).entryList(QDir::Files).isEmpty());

    // The pool outlives a restart, and what it holds is no message.
    spool.remove(id);
    Spool again(m_spoolDir);
    QVERIFY2(again.open(&error), qPrintable(error));
    QCOMPARE(again.filePool()->size(), 1);
    QVERIFY(again.recover().resume.isEmpty());
    QCOMPARE(again.filePool()->size(), 1);
}

void TestSpool::burstBacklogKeptInThePool()
{
    // A burst left 300 messages waiting; when they finish, their files are kept for the next
    // ones instead of deleted (and created again): the first kWholeFiles as they are, the rest
    // emptied, so that the backlog does not stay on the disk.
    const QString free = m_spoolDir + u"/free"_s;
    const QString queue = m_spoolDir + u"/queue"_s;
    QVERIFY(QDir().mkpath(queue));
    tandem::spool::FilePool pool(free);
    QString error;
    QVERIFY2(pool.open(&error), qPrintable(error));
    constexpr int kBacklog = 300;
    static_assert(kBacklog > tandem::spool::FilePool::kWholeFiles);
    QSet<ino_t> inodes;
    for (int i = 0; i < kBacklog; ++i) {
        const QString path = queue + u"/M%1.msg"_s.arg(i);
        QVERIFY(writeFile(path, kMessage));
        struct stat st {};
        QCOMPARE(::stat(QFile::encodeName(path).constData(), &st), 0);
        inodes.insert(st.st_ino);
    }
    for (int i = 0; i < kBacklog; ++i)
        pool.release(queue + u"/M%1.msg"_s.arg(i));
    QCOMPARE(pool.size(), kBacklog);
    const QFileInfoList files = QDir(free).entryInfoList(QDir::Files);
    QCOMPARE(files.size(), kBacklog);
    int empty = 0;
    for (const QFileInfo &f : files) {
        empty += f.size() == 0;
        struct stat st {};
        QCOMPARE(::stat(QFile::encodeName(f.filePath()).constData(), &st), 0);
        QVERIFY(inodes.contains(st.st_ino)); // the same files, not new ones
    }
    QCOMPARE(empty, kBacklog - tandem::spool::FilePool::kWholeFiles);
    // A restart finds them all.
    tandem::spool::FilePool again(free);
    QVERIFY2(again.open(&error), qPrintable(error));
    QCOMPARE(again.size(), kBacklog);
    auto fd = again.take(queue + u"/NEXT.msg"_s);
    QVERIFY(fd.isValid());
    QCOMPARE(again.size(), kBacklog - 1);
}

QTEST_GUILESS_MAIN(TestSpool)
void TestSpool::handoverRememberedAcrossRestarts()
{
    const QString id = u"mailbox.example.com/0661AB-2"_s;
    {
        Spool spool(m_spoolDir);
        QString error;
        QVERIFY2(spool.open(&error), qPrintable(error));
        HandoverLog &log = spool.handovers();
        auto c = log.claim(id, {u"bob@example.com"_s, u"carol@remote.test"_s});
        QCOMPARE(c.fresh, (QStringList{u"bob@example.com"_s, u"carol@remote.test"_s}));
        QVERIFY(!c.seen);
        // While the first session commits, a second one with the same hand-over waits.
        QVERIFY(log.claim(id, {u"bob@example.com"_s}).busy);
        // A commit with the hand-over records it once the message is durable.
        auto message = spool.begin(&error);
        QVERIFY(message);
        message->write(kMessage);
        Envelope e = fullEnvelope(message->id());
        e.recipients = c.fresh;
        e.handover = id;
        bool called = false;
        QObject context;
        spool.commit(std::move(message), e, &context, [&](const CommitResult &) { called = true; });
        QTRY_VERIFY(called);
        spool.close();
    }
    Spool spool(m_spoolDir);
    QString error;
    QVERIFY2(spool.open(&error), qPrintable(error));
    // After a restart: the same recipients are not accepted again, a new one is (and the
    // hand-over counts as seen, so no second Sent copy), case-insensitively.
    auto again = spool.handovers().claim(id, {u"BOB@example.com"_s, u"carol@remote.test"_s});
    QVERIFY(again.fresh.isEmpty());
    QVERIFY(again.seen);
    auto more = spool.handovers().claim(id, {u"bob@example.com"_s, u"dave@example.com"_s});
    QCOMPARE(more.fresh, QStringList{u"dave@example.com"_s});
    QVERIFY(more.seen);
    // A commit that failed gives its recipients back.
    spool.handovers().release(id, more.fresh);
    QCOMPARE(spool.handovers().claim(id, {u"dave@example.com"_s}).fresh,
             QStringList{u"dave@example.com"_s});
}

void TestSpool::handoverOfACommitWithoutItsLineRecovered()
{
    // A crash after the commit's fsync and before the log's line: the envelope has it.
    const QString id = u"mailbox.example.com/0661AC-0"_s;
    {
        Spool spool(m_spoolDir);
        QString error;
        QVERIFY2(spool.open(&error), qPrintable(error));
        Envelope e = fullEnvelope(u"HAND0001"_s);
        e.handover = id;
        e.recipients = {u"bob@example.com"_s};
        QVERIFY(spool.commitNow(kMessage, e).ok); // commitNow writes no log line
        QVERIFY(!spool.handovers().claim(id, {u"bob@example.com"_s}).fresh.isEmpty());
    }
    Spool spool(m_spoolDir);
    QString error;
    QVERIFY2(spool.open(&error), qPrintable(error));
    QCOMPARE(spool.recover().resume, QStringList{u"HAND0001"_s});
    spool.remove(u"HAND0001"_s); // carried out and gone: the log remembers it on its own
    Spool later(m_spoolDir);
    QVERIFY2(later.open(&error), qPrintable(error));
    QVERIFY(later.handovers().claim(id, {u"bob@example.com"_s}).fresh.isEmpty());
}

void TestSpool::handoverForgottenAfterKeeping()
{
    const QString id = u"mailbox.example.com/0661AD-0"_s;
    QString error;
    {
        Spool spool(m_spoolDir);
        QVERIFY2(spool.open(&error), qPrintable(error));
        QVERIFY(spool.handovers().record({{id, {u"bob@example.com"_s}}}, &error));
    }
    // Kept for HandoverLog::kKeepDays: ten million times faster, that is less than a second.
    QTest::qWait(1100);
    Spool spool(m_spoolDir);
    QVERIFY2(spool.open(&error, 1e7), qPrintable(error));
    QCOMPARE(spool.handovers().size(), 0);
    QVERIFY(!readAll(m_spoolDir + u"/handovers.log"_s).contains(id.toUtf8()));
}

// Every hand-over is kept for HandoverLog::kKeepDays, so what each costs in memory is what an
// Archive grows by per message received, for two weeks. It was about 3.5 KiB (two QSets, each
// reserving room for 48 recipients): 80 MiB after 20,000 messages of the passthrough
// benchmark.
void TestSpool::handoversRememberedCompactly()
{
#if defined(__SANITIZE_ADDRESS__)
    QSKIP("AddressSanitizer's allocator does not report through mallinfo2()");
#else
    constexpr int kHandovers = 20000;
    QVERIFY(QDir().mkpath(m_spoolDir));
    HandoverLog log(m_spoolDir + u"/handovers.log"_s);
    QString error;
    QVERIFY2(log.open(&error), qPrintable(error));
    std::vector<std::pair<QString, QStringList>> committed;
    committed.reserve(kHandovers);
    for (int i = 0; i < kHandovers; ++i)
        committed.emplace_back(u"mailbox.example.com/0661AB%1-1"_s.arg(i, 6, 10, QChar(u'0')),
                               QStringList{u"user%1@example.com"_s.arg(i % 20)});
    ::malloc_trim(0);
    const size_t before = ::mallinfo2().uordblks;
    // As sessions do: each hand-over claimed, then recorded with its message's commit.
    for (const auto &[handover, recipients] : committed)
        QVERIFY(!log.claim(handover, recipients).fresh.isEmpty());
    QVERIFY2(log.record(committed, &error), qPrintable(error));
    QCOMPARE(log.size(), kHandovers);
    const double perHandover = double(::mallinfo2().uordblks - before) / kHandovers;
    qInfo("%.0f bytes of heap per hand-over remembered", perHandover);
    QVERIFY2(perHandover < 600, qPrintable(u"%1 bytes per hand-over"_s.arg(perHandover)));
    // And it still answers as before: a repeat is seen, a new recipient is fresh.
    const auto again =
        log.claim(committed.front().first, {u"USER0@example.com"_s, u"new@example.com"_s});
    QVERIFY(again.seen);
    QCOMPARE(again.fresh, QStringList{u"new@example.com"_s});
#endif
}

#include "tst_spool.moc"
