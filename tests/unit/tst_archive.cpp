// The archive store of issue 13: single instance, batched filing, the maintenance run across
// every boundary with an injected clock, legal hold, and verify() catching each tampering.
#include "archive/archive.h"
#include "archive/blobstore.h"
#include "archive/indexschema.h"
#include "catalogdb.h"
#include "mailbox/mailboxstore.h"
#include "threadwarnings.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <QRandomGenerator>

#include <csignal>
#include <malloc.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace tandem;
using namespace tandem::archive;

namespace {

// Its body has a line that mboxrd must quote.
const QByteArray kMessage = "From: <carol@remote.test>\r\n"
                            "To: <alice@example.com>\r\n"
                            "Subject: hello\r\n"
                            "\r\n"
                            "Body line.\r\n"
                            "From the start.\r\n"
                            ">From quoted.\r\n";
const QDateTime kT0 = QDateTime(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC);

QByteArray lf(QByteArray crlf)
{
    return crlf.replace("\r\n", "\n");
}

bool fsutilWrite(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size();
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// A plain Maildir reader: the files of new/ and cur/ of every folder.
QStringList maildirFiles(const QString &root)
{
    QStringList out;
    QDirIterator it(root, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        const QString dir = QFileInfo(path).dir().dirName();
        if (dir == u"new"_s || dir == u"cur"_s)
            out.append(QDir(root).relativeFilePath(path));
    }
    out.sort();
    return out;
}

using tandem::test::Db;
using tandem::test::describe;

// The ledger's hash, as the archive computes it: an attacker who knows the format.
QByteArray field(const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    return QByteArray::number(utf8.size()) + ':' + utf8 + '\n';
}

QString forgedHash(const QString &prev, const QString &mailbox, qint64 seq, const QString &time,
                   const QString &event, const QString &key, const QString &sha,
                   const QString &detail)
{
    const QByteArray data = field(prev) + field(mailbox) + field(QString::number(seq)) +
                            field(time) + field(event) + field(key) + field(sha) + field(detail);
    return QString::fromLatin1(QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex());
}

bool hasProblem(const VerifyReport &report, const QString &what)
{
    for (const VerifyProblem &p : report.problems) {
        if (p.what == what)
            return true;
    }
    return false;
}

} // namespace

class TestArchive : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void blobFoldersRememberedInBits();
    void olderStoreKeepsTwoLevels();
    void singleInstance();
    void commitBatchesRows();
    void redoIsNoOp();
    void runToStore();
    void runToFolder();
    void runDeleteInsteadOfArchive();
    void expiryDeletes();
    void expiryExportsToMbox();
    void modes();
    void holdBlocksDeletion();
    void archiveWideHold();
    void verifyClean();
    void tamperingDetected_data();
    void tamperingDetected();
    void resumeAfterCommitBeforeUnlink();
    void resumeAfterExportBeforeMark();
    void exportPlacements();
    void exportCancelledWritesNoFile();
    void statusAndDigest();
    void recordsFilesWithoutPlacement();
    void recordedBlobRemovedMeanwhile();
    void largeMessage();
    void stopBetweenBatches();
    void headsLogCrashWindow();
    void killedRunsLoseNothing();
    void deletedByClientKeptUntilExpiry();
    void holdSetDuringRunStopsExpiry();
    void indexedWhenFiled();
    void laterPlacementAddsNothing();
    void recordedFilesIndexed();
    void reindexGivesTheSame();
    void expiryRemovesIndexRows();
    void unreadableBlobLeavesNoMessage();
    void changedValuesLeaveWordsBehind();
    void runIndexesOlderStore();
    void olderIndexSchemaRebuilt();

private:
    std::unique_ptr<Archive> openArchive();
    void fileThreeIndexed();
    // Delivers kMessage (or bytes) to user@example.com as the dispatcher does, and records it.
    QString deliver(Archive *archive, const QString &user, const QString &key,
                    const QDateTime &time, const QString &folder = {});
    void setPolicy(const QString &user, const config::ArchivePolicy &policy);
    RunReport runAt(Archive *archive, const QDateTime &time);
    QString mailboxRoot(const QString &user) const;
    qint64 ledgerCount(const QString &mailbox);
    // The next messages deliver() files: m_source's bytes, and a Return-Path: in the prefix.
    void setMessage(const QByteArray &bytes);
    QByteArray m_returnPath; // "" for none

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_archiveDir;
    QString m_source;
    QDateTime m_now;
    std::unique_ptr<mailbox::MailboxStore> m_store;
    config::Settings m_settings;
};

void TestArchive::init()
{
    test::failOnThreadWarnings();
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_archiveDir = m_dir->filePath(u"data/archive"_s);
    m_source = m_dir->filePath(u"message.msg"_s);
    QFile f(m_source);
    QVERIFY(f.open(QIODevice::WriteOnly));
    QCOMPARE(f.write(kMessage), kMessage.size());
    m_now = kT0;
    m_store = std::make_unique<mailbox::MailboxStore>(m_dir->filePath(u"data/mailboxes"_s),
                                                      u"host.test"_s, config::MailboxTemplate{});
    m_returnPath = {};
    m_settings = {};
    m_settings.baseDir = m_dir->path();
    m_settings.mailboxes.archive.exportDir = m_dir->filePath(u"exports"_s);
}

void TestArchive::cleanup()
{
    m_store.reset();
    m_dir.reset();
}

std::unique_ptr<Archive> TestArchive::openArchive()
{
    QString error;
    auto archive = Archive::open(
        m_archiveDir, [this] { return m_now; }, &error);
    if (!archive)
        qWarning("%s", qPrintable(error));
    return archive;
}

QString TestArchive::mailboxRoot(const QString &user) const
{
    return m_store->mailboxPath(user, u"example.com"_s);
}

QString TestArchive::deliver(Archive *archive, const QString &user, const QString &key,
                             const QDateTime &time, const QString &folder)
{
    mailbox::DeliveryRequest r;
    r.localPart = user;
    r.domain = u"example.com"_s;
    r.folder = folder;
    r.create = true;
    r.uniqueBase = key;
    r.time = time;
    r.prefix = "Delivered-To: " + user.toUtf8() + "@example.com\r\n";
    if (!m_returnPath.isNull())
        r.prefix.prepend("Return-Path: <" + m_returnPath + ">\r\n");
    r.sourcePath = m_source;
    QString fileName;
    QString error;
    const auto outcome = m_store->deliver(r, &fileName, &error);
    if (outcome != mailbox::DeliveryOutcome::Stored &&
        outcome != mailbox::DeliveryOutcome::AlreadyStored)
        qWarning("deliver: %s", qPrintable(error));
    FiledCopy copy;
    copy.mailbox = user + u"@example.com"_s;
    copy.folder = folder;
    copy.key = key;
    copy.deliveredTo = copy.mailbox;
    copy.prefix = r.prefix;
    copy.messagePath = m_source;
    copy.filed = time;
    if (archive && !archive->recordFiled(copy, &error))
        qWarning("recordFiled: %s", qPrintable(error));
    return fileName;
}

void TestArchive::setPolicy(const QString &user, const config::ArchivePolicy &policy)
{
    QString error;
    config::MailboxArchiveSettings own;
    own.mode = config::ArchiveMode::Custom;
    own.custom = policy;
    QVERIFY2(m_store->setArchiveSettings(user + u"@example.com"_s, own, &error), qPrintable(error));
}

RunReport TestArchive::runAt(Archive *archive, const QDateTime &time)
{
    m_now = time;
    const RunReport report = archive->run(*m_store, m_settings, {}, nullptr, {});
    if (!report.errors.isEmpty())
        qWarning("run: %s", qPrintable(report.errors.join(u"; "_s)));
    return report;
}

void TestArchive::setMessage(const QByteArray &bytes)
{
    QFile f(m_source);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(f.write(bytes), bytes.size());
}

qint64 TestArchive::ledgerCount(const QString &mailbox)
{
    Db db(m_archiveDir + u"/catalog.sqlite"_s);
    return db.count(u"SELECT COUNT(*) FROM ledger WHERE mailbox = '%1'"_s.arg(mailbox));
}

void TestArchive::singleInstance()
{
    auto archive = openArchive();
    QVERIFY(archive);
    for (int i = 0; i < 20; ++i)
        deliver(archive.get(), u"user%1"_s.arg(i), u"Q1A%1"_s.arg(i), kT0);
    QCOMPARE(archive->pendingFiled(), 20);
    QString error;
    QVERIFY2(archive->commit(&error), qPrintable(error));
    QCOMPARE(archive->pendingFiled(), 0);
    const Status s = archive->status();
    QCOMPARE(s.blobs, 1);
    QCOMPARE(s.placements, 20);
    QCOMPARE(s.originalBytes, kMessage.size());
    QCOMPARE(s.mailboxes.size(), 20);
    QStringList blobFiles;
    QDirIterator it(m_archiveDir + u"/blobs"_s, {u"*.zst"_s}, QDir::Files,
                    QDirIterator::Subdirectories);
    while (it.hasNext())
        blobFiles.append(it.next());
    QCOMPARE(blobFiles.size(), 1);
    const QString sha =
        QString::fromLatin1(QCryptographicHash::hash(kMessage, QCryptographicHash::Sha256).toHex());
    QVERIFY2(blobFiles.first().endsWith(u"/blobs/%1/%2.zst"_s.arg(sha.left(2), sha)),
             qPrintable(blobFiles.first()));
    QCOMPARE(readAll(m_archiveDir + u"/blobs/layout"_s), QByteArray("ab\n"));
    QCOMPARE(archive->readBlob(sha, &error).value_or(QByteArray()), kMessage);
}

void TestArchive::commitBatchesRows()
{
    auto a = openArchive();
    auto b = openArchive();
    QVERIFY(a && b);
    deliver(a.get(), u"alice"_s, u"Q1A0"_s, kT0);
    deliver(a.get(), u"bob"_s, u"Q1A1"_s, kT0);
    QCOMPARE(b->status().placements, 0);
    QString error;
    QVERIFY2(a->commit(&error), qPrintable(error));
    QCOMPARE(b->status().placements, 2);
    QCOMPARE(ledgerCount(u"alice@example.com"_s), 1);
}

void TestArchive::redoIsNoOp()
{
    auto archive = openArchive();
    QString error;
    deliver(archive.get(), u"alice"_s, u"Q1A0"_s, kT0);
    QVERIFY(archive->commit(&error));
    // The dispatcher's redo after a crash records the same copy again.
    deliver(archive.get(), u"alice"_s, u"Q1A0"_s, kT0);
    deliver(archive.get(), u"alice"_s, u"Q1A0"_s, kT0);
    QVERIFY(archive->commit(&error));
    QCOMPARE(archive->status().placements, 1);
    QCOMPARE(ledgerCount(u"alice@example.com"_s), 1);
    QVERIFY2(archive->verify({}).ok(), qPrintable(describe(archive->verify({}))));
}

void TestArchive::runToStore()
{
    config::ArchivePolicy policy;
    policy.archiveAfterHours = 24;
    auto archive = openArchive();
    const QString old = deliver(archive.get(), u"alice"_s, u"Q1A0"_s, kT0);
    const QString young = deliver(archive.get(), u"alice"_s, u"Q2A0"_s, kT0.addSecs(13 * 3600));
    QString error;
    QVERIFY(archive->commit(&error));
    setPolicy(u"alice"_s, policy);
    const QString root = mailboxRoot(u"alice"_s);
    // A reader moved the old one into cur/ and marked it seen: its flags go with it.
    QVERIFY(QFile::rename(root + u"/new/"_s + old, root + u"/cur/"_s + old + u":2,S"_s));

    RunReport r = runAt(archive.get(), kT0.addSecs(24 * 3600 - 1));
    QCOMPARE(r.archived, 0);
    QCOMPARE(r.examined, 2);
    r = runAt(archive.get(), kT0.addSecs(24 * 3600));
    QCOMPARE(r.archived, 1);
    QCOMPARE(maildirFiles(root), QStringList{u"new/"_s + young});
    const Status s = archive->status();
    QCOMPARE(s.mailboxes.value(0).archivedMessages, 1);
    QCOMPARE(s.mailboxes.value(0).liveMessages, 1);
    Db db(m_archiveDir + u"/catalog.sqlite"_s);
    QCOMPARE(db.column(u"SELECT flags || '/' || state FROM placements WHERE key = 'Q1A0'"_s),
             QStringList{u"S/archived"_s});
    QCOMPARE(db.column(u"SELECT detail FROM ledger WHERE event = 'archived'"_s),
             QStringList{u"to store"_s});
    // A second run at the same time does nothing more.
    r = runAt(archive.get(), kT0.addSecs(24 * 3600));
    QCOMPARE(r.archived, 0);
    QCOMPARE(ledgerCount(u"alice@example.com"_s), 3);
    r = runAt(archive.get(), kT0.addSecs(40 * 3600));
    QCOMPARE(r.archived, 1);
    QVERIFY(maildirFiles(root).isEmpty());
    QVERIFY2(archive->verify({}).ok(), qPrintable(describe(archive->verify({}))));
}

void TestArchive::runToFolder()
{
    config::ArchivePolicy policy;
    policy.archiveAfterHours = 24;
    policy.destination = config::ArchiveDestination::Folder;
    auto archive = openArchive();
    const QString name = deliver(archive.get(), u"alice"_s, u"Q1A0"_s, kT0);
    QString error;
    QVERIFY(archive->commit(&error));
    setPolicy(u"alice"_s, policy);
    RunReport r = runAt(archive.get(), kT0.addSecs(25 * 3600));
    QCOMPARE(r.movedToFolder, 1);
    QCOMPARE(maildirFiles(mailboxRoot(u"alice"_s)), QStringList{u".Archive/cur/"_s + name});
    r = runAt(archive.get(), kT0.addSecs(50 * 3600));
    QCOMPARE(r.movedToFolder, 0);
    QCOMPARE(ledgerCount(u"alice@example.com"_s), 2);
    Db db(m_archiveDir + u"/catalog.sqlite"_s);
    QCOMPARE(db.column(u"SELECT folder || '/' || state FROM placements"_s),
             QStringList{u"Archive/live"_s});
    QVERIFY2(archive->verify({}).ok(), qPrintable(describe(archive->verify({}))));
}

void TestArchive::runDeleteInsteadOfArchive()
{
    config::ArchivePolicy policy;
    policy.archiveAfterHours = 24;
    policy.destination = config::ArchiveDestination::Delete;
    auto archive = openArchive();
    deliver(archive.get(), u"alice"_s, u"Q1A0"_s, kT0);
    QString error;
    QVERIFY(archive->commit(&error));
    setPolicy(u"alice"_s, policy);
    const RunReport r = runAt(archive.get(), kT0.addSecs(25 * 3600));
    QCOMPARE(r.deleted, 1);
    QCOMPARE(r.blobsRemoved, 1);
    QVERIFY(maildirFiles(mailboxRoot(u"alice"_s)).isEmpty());
    QCOMPARE(archive->status().blobs, 0);
    Db db(m_archiveDir + u"/catalog.sqlite"_s);
    QCOMPARE(db.column(u"SELECT state FROM placements"_s), QStringList{u"expired"_s});
    QCOMPARE(db.column(u"SELECT detail FROM ledger WHERE event = 'archived'"_s),
             QStringList{u"deleted instead of archived"_s});
    QVERIFY2(archive->verify({}).ok(), qPrintable(describe(archive->verify({}))));
}

void TestArchive::expiryDeletes()
{
    config::ArchivePolicy policy;
    policy.archiveAfterHours = 24;
    policy.expireAfterHours = 48;
    auto archive = openArchive();
    deliver(archive.get(), u"alice"_s, u"Q1A0"_s, kT0);
    // Shared with bob, who keeps it: the blob stays.
    deliver(archive.get(), u"bob"_s, u"Q1A1"_s, kT0);
    deliver(archive.get(), u"alice"_s, u"Q2A0"_s, kT0.addSecs(3600));
    QString error;
    QVERIFY(archive->commit(&error));
    setPolicy(u"alice"_s, policy);
    RunReport r = runAt(archive.get(), kT0.addSecs(30 * 3600));
    QCOMPARE(r.archived, 2);
    r = runAt(archive.get(), kT0.addSecs(48 * 3600));
    QCOMPARE(r.expired, 1);
    QCOMPARE(r.blobsRemoved, 0);
    Db db(m_archiveDir + u"/catalog.sqlite"_s);
    QCOMPARE(db.column(u"SELECT detail FROM ledger WHERE event = 'expired'"_s),
             QStringList{u"expire_after 2d, deleted"_s});
    // A live message past both ages expires straight away.
    deliver(archive.get(), u"alice"_s, u"Q3A0"_s, kT0.addSecs(2 * 3600));
    QVERIFY(archive->commit(&error));
    r = runAt(archive.get(), kT0.addSecs(60 * 3600));
    QCOMPARE(r.expired, 2);
    QVERIFY(maildirFiles(mailboxRoot(u"alice"_s)).isEmpty());
    QCOMPARE(maildirFiles(mailboxRoot(u"bob"_s)).size(), 1);
    QCOMPARE(archive->status().blobs, 1);
    QCOMPARE(r.blobsRemoved, 0);
    QVERIFY2(archive->verify({}).ok(), qPrintable(describe(archive->verify({}))));
}

void TestArchive::expiryExportsToMbox()
{
    config::ArchivePolicy policy;
    policy.archiveAfterHours = 24;
    policy.expireAfterHours = 48;
    policy.onExpiry = config::ExpiryAction::Export;
    auto archive = openArchive();
    deliver(archive.get(), u"alice"_s, u"Q1A0"_s, kT0);
    QString error;
    QVERIFY(archive->commit(&error));
    setPolicy(u"alice"_s, policy);
    QCOMPARE(runAt(archive.get(), kT0.addSecs(30 * 3600)).archived, 1);
    const RunReport r = runAt(archive.get(), kT0.addSecs(50 * 3600));
    QCOMPARE(r.expired, 1);
    QCOMPARE(r.exported, 1);
    QCOMPARE(r.blobsRemoved, 1);
    const QString mbox = m_dir->filePath(u"exports/alice@example.com.mbox"_s);
    const QByteArray expected = "From MAILER-DAEMON Thu Jan  1 00:00:00 2026\n"
                                "Delivered-To: alice@example.com\n"
                                "From: <carol@remote.test>\n"
                                "To: <alice@example.com>\n"
                                "Subject: hello\n"
                                "\n"
                                "Body line.\n"
                                ">From the start.\n"
                                ">>From quoted.\n"
                                "\n";
    QCOMPARE(readAll(mbox), expected);
    Db db(m_archiveDir + u"/catalog.sqlite"_s);
    QCOMPARE(db.column(u"SELECT detail FROM ledger WHERE event = 'expired'"_s),
             QStringList{u"expire_after 2d, exported to "_s + mbox});
    QVERIFY2(archive->verify({}).ok(), qPrintable(describe(archive->verify({}))));
}

void TestArchive::modes()
{
    config::MailboxTemplate tmpl;
    tmpl.archiveAfterHours = 24;
    m_store->setTemplate(u"host.test"_s, tmpl);
    auto archive = openArchive();
    for (const QString &user : {u"none"_s, u"dflt"_s, u"custom"_s})
        deliver(archive.get(), user, u"Q1A%1"_s.arg(user), kT0);
    QString error;
    QVERIFY(archive->commit(&error));
    config::MailboxArchiveSettings none;
    none.mode = config::ArchiveMode::None;
    QVERIFY(m_store->setArchiveSettings(u"none@example.com"_s, none, &error));
    config::ArchivePolicy custom;
    custom.archiveAfterHours = 72;
    setPolicy(u"custom"_s, custom);

    RunReport r = runAt(archive.get(), kT0.addSecs(30 * 3600));
    QCOMPARE(r.archived, 1);
    QVERIFY(maildirFiles(mailboxRoot(u"dflt"_s)).isEmpty());
    QCOMPARE(maildirFiles(mailboxRoot(u"custom"_s)).size(), 1);
    r = runAt(archive.get(), kT0.addSecs(80 * 3600));
    QCOMPARE(r.archived, 1);
    QVERIFY(maildirFiles(mailboxRoot(u"custom"_s)).isEmpty());
    r = runAt(archive.get(), kT0.addSecs(10000 * 3600));
    QCOMPARE(r.archived, 0);
    QCOMPARE(maildirFiles(mailboxRoot(u"none"_s)).size(), 1);
}

void TestArchive::holdBlocksDeletion()
{
    config::ArchivePolicy expire;
    expire.expireAfterHours = 24;
    config::ArchivePolicy deleteInstead;
    deleteInstead.archiveAfterHours = 24;
    deleteInstead.destination = config::ArchiveDestination::Delete;
    auto archive = openArchive();
    deliver(archive.get(), u"alice"_s, u"Q1A0"_s, kT0);
    deliver(archive.get(), u"bob"_s, u"Q1A1"_s, kT0);
    QString error;
    QVERIFY(archive->commit(&error));
    setPolicy(u"alice"_s, expire);
    setPolicy(u"bob"_s, deleteInstead);
    QVERIFY(
        archive->setHold(u"alice@example.com"_s, true, u"console:admin"_s, u"case 42"_s, &error));
    QVERIFY(archive->setHold(u"bob@example.com"_s, true, u"cli"_s, u"case 43"_s, &error));
    QVERIFY(archive->isHeld(u"alice@example.com"_s));
    QVERIFY(!archive->isHeld(u"carol@example.com"_s));
    QCOMPARE(archive->hold(u"alice@example.com"_s)->reason, u"case 42"_s);

    RunReport r = runAt(archive.get(), kT0.addSecs(100 * 3600));
    QCOMPARE(r.expired, 0);
    QCOMPARE(r.deleted, 0);
    QCOMPARE(r.keptOnHold, 2);
    QCOMPARE(maildirFiles(mailboxRoot(u"alice"_s)).size(), 1);
    QCOMPARE(maildirFiles(mailboxRoot(u"bob"_s)).size(), 1);

    QVERIFY(archive->setHold(u"alice@example.com"_s, false, u"console:admin"_s, u"case closed"_s,
                             &error));
    QVERIFY(archive->setHold(u"bob@example.com"_s, false, u"cli"_s, u"case closed"_s, &error));
    r = runAt(archive.get(), kT0.addSecs(101 * 3600));
    QCOMPARE(r.expired, 1);
    QCOMPARE(r.deleted, 1);
    Db db(m_archiveDir + u"/catalog.sqlite"_s);
    QCOMPARE(db.column(u"SELECT event || ': ' || detail FROM ledger WHERE mailbox = "
                       "'alice@example.com' AND placement_key = '' ORDER BY seq"_s),
             (QStringList{u"hold set: by console:admin: case 42"_s,
                          u"hold cleared: by console:admin: case closed"_s}));
    QVERIFY2(archive->verify({}).ok(), qPrintable(describe(archive->verify({}))));
}

void TestArchive::archiveWideHold()
{
    config::ArchivePolicy policy;
    policy.archiveAfterHours = 24;
    policy.expireAfterHours = 48;
    auto archive = openArchive();
    deliver(archive.get(), u"alice"_s, u"Q1A0"_s, kT0);
    deliver(archive.get(), u"bob"_s, u"Q2A0"_s, kT0);
    QString error;
    QVERIFY(archive->commit(&error));
    setPolicy(u"alice"_s, policy);
    setPolicy(u"bob"_s, policy);
    QVERIFY(archive->setHold({}, true, u"cli"_s, u"audit"_s, &error));
    QVERIFY(archive->isHeld(u"alice@example.com"_s));
    QVERIFY(archive->status().archiveHold.has_value());
    RunReport r = runAt(archive.get(), kT0.addSecs(100 * 3600));
    // Archiving is no deletion: it goes on; expiry waits.
    QCOMPARE(r.archived, 2);
    QCOMPARE(r.expired, 0);
    QCOMPARE(r.keptOnHold, 2);
    Db db(m_archiveDir + u"/catalog.sqlite"_s);
    for (const QString &chain : {u""_s, u"alice@example.com"_s, u"bob@example.com"_s})
        QCOMPARE(db.column(
                     u"SELECT detail FROM ledger WHERE event = 'hold set' AND mailbox = '%1'"_s.arg(
                         chain)),
                 QStringList{u"by cli: audit (archive-wide)"_s});
    QVERIFY(archive->setHold({}, false, u"cli"_s, u"done"_s, &error));
    r = runAt(archive.get(), kT0.addSecs(101 * 3600));
    QCOMPARE(r.expired, 2);
    QVERIFY2(archive->verify({}).ok(), qPrintable(describe(archive->verify({}))));
}

void TestArchive::verifyClean()
{
    config::ArchivePolicy policy;
    policy.archiveAfterHours = 24;
    policy.expireAfterHours = 72;
    auto archive = openArchive();
    for (int i = 0; i < 5; ++i)
        deliver(archive.get(), u"alice"_s, u"Q%1A0"_s.arg(i), kT0.addSecs(i * 24 * 3600));
    QString error;
    QVERIFY(archive->commit(&error));
    setPolicy(u"alice"_s, policy);
    runAt(archive.get(), kT0.addSecs(5 * 24 * 3600));
    const VerifyReport report = archive->verify({});
    QVERIFY2(report.ok(), qPrintable(describe(report)));
    QVERIFY(report.entriesChecked >= 10);
    QCOMPARE(report.blobsChecked, 1);
    const Status s = archive->status();
    QVERIFY(s.lastVerified.isValid());
    QVERIFY(s.lastVerifyOk);
    QCOMPARE(s.mailboxes.value(0).lastVerifyText, u"clean"_s);
}

void TestArchive::tamperingDetected_data()
{
    QTest::addColumn<QString>("tamper");
    QTest::addColumn<QString>("expected");
    QTest::newRow("blob byte flipped") << u"flip"_s << u"blob modified"_s;
    QTest::newRow("compressed byte flipped") << u"flip-raw"_s << u"blob modified"_s;
    QTest::newRow("blob deleted") << u"delete-blob"_s << u"blob missing"_s;
    QTest::newRow("blob added") << u"add-blob"_s << u"blob added"_s;
    QTest::newRow("blob copied under another name") << u"copy-blob"_s << u"blob added"_s;
    QTest::newRow("entry edited") << u"edit-entry"_s << u"entry modified"_s;
    QTest::newRow("middle entry deleted") << u"delete-middle"_s << u"entry missing"_s;
    QTest::newRow("last entry deleted") << u"delete-last"_s << u"head mismatch"_s;
    QTest::newRow("entry added") << u"add-entry"_s << u"entry added"_s;
    QTest::newRow("entries swapped") << u"swap"_s << u"entry reordered"_s;
    QTest::newRow("placement sha edited") << u"edit-sha"_s << u"placement modified"_s;
    QTest::newRow("placement state edited") << u"edit-state"_s << u"placement modified"_s;
    QTest::newRow("placement deleted") << u"delete-placement"_s << u"placement modified"_s;
    QTest::newRow("last entry and head deleted") << u"delete-last-row"_s << u"head mismatch"_s;
}

void TestArchive::tamperingDetected()
{
    QFETCH(QString, tamper);
    QFETCH(QString, expected);
    config::ArchivePolicy policy;
    policy.archiveAfterHours = 24;
    auto archive = openArchive();
    // Two distinct messages: the first is archived, the second stays live.
    deliver(archive.get(), u"alice"_s, u"Q1A0"_s, kT0);
    deliver(archive.get(), u"alice"_s, u"Q2A0"_s, kT0.addSecs(48 * 3600));
    QString error;
    QVERIFY(archive->commit(&error));
    setPolicy(u"alice"_s, policy);
    runAt(archive.get(), kT0.addSecs(30 * 3600));
    QVERIFY(archive->setHold(u"alice@example.com"_s, true, u"cli"_s, u"case"_s, &error));
    QVERIFY(archive->setHold(u"alice@example.com"_s, false, u"cli"_s, u"done"_s, &error));
    QVERIFY2(archive->verify({}).ok(), qPrintable(describe(archive->verify({}))));

    const QString mb = u"alice@example.com"_s;
    const QString sha =
        QString::fromLatin1(QCryptographicHash::hash(kMessage, QCryptographicHash::Sha256).toHex());
    FileBlobStore blobs(m_archiveDir + u"/blobs"_s);
    const QString blobPath = blobs.pathOf(sha);
    Db db(m_archiveDir + u"/catalog.sqlite"_s);
    const qint64 last = db.count(u"SELECT MAX(seq) FROM ledger WHERE mailbox = '%1'"_s.arg(mb));
    QCOMPARE(last, 5); // filed, filed, archived, hold set, hold cleared

    if (tamper == u"flip"_s) {
        // A valid zstd frame of a message with one byte changed.
        QByteArray changed = kMessage;
        changed[changed.indexOf("hello")] = 'j';
        QTemporaryDir other;
        FileBlobStore otherStore(other.path());
        BlobInfo info;
        bool created = false;
        QVERIFY(otherStore.init(&error) && otherStore.putBytes(changed, &info, &created, &error) &&
                otherStore.sync(&error));
        QVERIFY(QFile::setPermissions(blobPath, QFile::ReadOwner | QFile::WriteOwner));
        QVERIFY(QFile::remove(blobPath));
        QVERIFY(QFile::copy(otherStore.pathOf(info.sha256), blobPath));
    } else if (tamper == u"flip-raw"_s) {
        QByteArray bytes = readAll(blobPath);
        bytes[bytes.size() / 2] = char(bytes.at(bytes.size() / 2) ^ 0x01);
        QVERIFY(QFile::setPermissions(blobPath, QFile::ReadOwner | QFile::WriteOwner));
        QVERIFY(fsutilWrite(blobPath, bytes));
    } else if (tamper == u"delete-blob"_s) {
        QVERIFY(QFile::remove(blobPath));
    } else if (tamper == u"add-blob"_s) {
        BlobInfo info;
        bool created = false;
        QVERIFY(blobs.init(&error) &&
                blobs.putBytes("Subject: planted\r\n\r\n", &info, &created, &error) &&
                blobs.sync(&error));
        // Older than a batch being filed could be: an orphan or a plant.
        QFile f(blobs.pathOf(info.sha256));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY(f.setFileTime(QDateTime::currentDateTimeUtc().addSecs(-7200),
                              QFileDevice::FileModificationTime));
    } else if (tamper == u"copy-blob"_s) {
        // Fresh, but its bytes are not what its name says.
        QVERIFY(QFile::copy(blobPath, QFileInfo(blobPath).absolutePath() + u'/' +
                                          QString(64, u'0') + u".zst"_s));
    } else if (tamper == u"edit-entry"_s) {
        QVERIFY(db.exec(u"UPDATE ledger SET detail = 'to nowhere' WHERE seq = 3"_s));
    } else if (tamper == u"delete-middle"_s) {
        QVERIFY(db.exec(u"DELETE FROM ledger WHERE seq = 4"_s));
    } else if (tamper == u"delete-last"_s) {
        // The attacker fixes the heads table too; ledger-heads.log still tells.
        QVERIFY(db.exec(u"DELETE FROM ledger WHERE seq = 5"_s));
        QVERIFY(db.exec(u"UPDATE heads SET seq = 4, hash = (SELECT hash FROM ledger WHERE "
                        "mailbox = '%1' AND seq = 4) WHERE mailbox = '%1'"_s.arg(mb)));
    } else if (tamper == u"add-entry"_s) {
        const QString prev =
            db.column(u"SELECT hash FROM ledger WHERE mailbox = '%1' AND seq = 5"_s.arg(mb))
                .value(0);
        const QString time = u"2026-01-03T00:00:00.000Z"_s;
        const QString hash = forgedHash(prev, mb, 6, time, u"hold set"_s, {}, {}, u"by x: y"_s);
        QVERIFY(db.exec(u"INSERT INTO ledger VALUES('%1', 6, '%2', 'hold set', '', '', "
                        "'by x: y', '%3', '%4')"_s.arg(mb, time, prev, hash)));
        QVERIFY(
            db.exec(u"UPDATE heads SET seq = 6, hash = '%1' WHERE mailbox = '%2'"_s.arg(hash, mb)));
    } else if (tamper == u"swap"_s) {
        QVERIFY(db.exec(u"UPDATE ledger SET seq = -1 WHERE seq = 4"_s));
        QVERIFY(db.exec(u"UPDATE ledger SET seq = 4 WHERE seq = 5"_s));
        QVERIFY(db.exec(u"UPDATE ledger SET seq = 5 WHERE seq = -1"_s));
    } else if (tamper == u"edit-sha"_s) {
        QVERIFY(db.exec(
            u"UPDATE placements SET sha = '%1' WHERE key = 'Q1A0'"_s.arg(QString(64, u'a'))));
    } else if (tamper == u"delete-placement"_s) {
        QVERIFY(db.exec(u"DELETE FROM placements WHERE key = 'Q1A0'"_s));
    } else if (tamper == u"delete-last-row"_s) {
        QVERIFY(db.exec(u"DELETE FROM ledger WHERE seq = 5"_s));
    } else if (tamper == u"edit-state"_s) {
        QVERIFY(db.exec(u"UPDATE placements SET state = 'live' WHERE key = 'Q1A0'"_s));
    }
    const VerifyReport report = archive->verify({});
    QVERIFY2(hasProblem(report, expected), qPrintable(describe(report)));
    const Status s = archive->status();
    QVERIFY(!s.lastVerifyOk);
}

void TestArchive::resumeAfterCommitBeforeUnlink()
{
    config::ArchivePolicy policy;
    policy.archiveAfterHours = 24;
    auto archive = openArchive();
    for (int i = 0; i < 5; ++i)
        deliver(archive.get(), u"alice"_s, u"Q%1A0"_s.arg(i), kT0);
    QString error;
    QVERIFY(archive->commit(&error));
    setPolicy(u"alice"_s, policy);
    archive->setTestHook([](const QString &point) { return point != u"committed"_s; });
    RunReport r = runAt(archive.get(), kT0.addSecs(25 * 3600));
    QVERIFY(r.interrupted);
    // Marked archived, still live: the kill came before the unlinks.
    QCOMPARE(maildirFiles(mailboxRoot(u"alice"_s)).size(), 5);
    QCOMPARE(archive->status().mailboxes.value(0).archivedMessages, 5);
    const qint64 entries = ledgerCount(u"alice@example.com"_s);
    QCOMPARE(entries, 10);

    archive.reset();
    archive = openArchive(); // as after a restart
    r = runAt(archive.get(), kT0.addSecs(25 * 3600));
    QVERIFY(!r.interrupted);
    QVERIFY(maildirFiles(mailboxRoot(u"alice"_s)).isEmpty());
    QCOMPARE(ledgerCount(u"alice@example.com"_s), entries);
    QVERIFY2(archive->verify({}).ok(), qPrintable(describe(archive->verify({}))));
}

void TestArchive::resumeAfterExportBeforeMark()
{
    config::ArchivePolicy policy;
    policy.expireAfterHours = 24;
    policy.onExpiry = config::ExpiryAction::Export;
    auto archive = openArchive();
    for (int i = 0; i < 3; ++i)
        deliver(archive.get(), u"alice"_s, u"Q%1A0"_s.arg(i), kT0);
    QString error;
    QVERIFY(archive->commit(&error));
    setPolicy(u"alice"_s, policy);
    archive->setTestHook([](const QString &point) { return point != u"exported"_s; });
    RunReport r = runAt(archive.get(), kT0.addSecs(25 * 3600));
    QVERIFY(r.interrupted);
    const QString mbox = m_dir->filePath(u"exports/alice@example.com.mbox"_s);
    const QByteArray once = readAll(mbox);
    QCOMPARE(once.count("\nFrom MAILER-DAEMON") + (once.startsWith("From ") ? 1 : 0), 3);
    QCOMPARE(maildirFiles(mailboxRoot(u"alice"_s)).size(), 3);

    archive->setTestHook({});
    r = runAt(archive.get(), kT0.addSecs(25 * 3600));
    QCOMPARE(r.expired, 3);
    QCOMPARE(readAll(mbox), once); // exported once, not twice
    QVERIFY(maildirFiles(mailboxRoot(u"alice"_s)).isEmpty());
    QCOMPARE(ledgerCount(u"alice@example.com"_s), 6);
    QVERIFY2(archive->verify({}).ok(), qPrintable(describe(archive->verify({}))));
}

void TestArchive::exportPlacements()
{
    config::ArchivePolicy policy;
    policy.archiveAfterHours = 24;
    auto archive = openArchive();
    deliver(archive.get(), u"alice"_s, u"Q1A0"_s, kT0);
    deliver(archive.get(), u"alice"_s, u"Q2A0"_s, kT0.addSecs(48 * 3600));
    QString error;
    QVERIFY(archive->commit(&error));
    setPolicy(u"alice"_s, policy);
    runAt(archive.get(), kT0.addSecs(30 * 3600));
    const QString mbox = m_dir->filePath(u"alice.mbox"_s);
    QList<qint64> ids;
    SearchSort oldestFirst;
    oldestFirst.ascending = true;
    for (const SearchHit &h :
         archive->search(u"mailbox:alice@example.com"_s, oldestFirst, nullptr, -1, &error))
        ids.append(h.placementId);
    QCOMPARE(ids.size(), 2); // one archived, one live
    const ExportReport r =
        archive->exportPlacements(ids, ExportFormat::Mbox, mbox, u"test"_s, nullptr, {});
    QVERIFY2(r.ok(), qPrintable(r.error + r.failures.join(u"; "_s)));
    QCOMPARE(r.exported, 2);
    const QByteArray text = readAll(mbox);
    QCOMPARE(text.count("Delivered-To: alice@example.com\n"), 2);
    QVERIFY(text.startsWith("From MAILER-DAEMON Thu Jan  1 00:00:00 2026\n"));
    Db db(m_archiveDir + u"/catalog.sqlite"_s);
    QCOMPARE(db.count(u"SELECT COUNT(*) FROM ledger WHERE event = 'exported'"_s), 2);
    QVERIFY2(archive->verify({}).ok(), qPrintable(describe(archive->verify({}))));
}

void TestArchive::exportCancelledWritesNoFile()
{
    auto archive = openArchive();
    deliver(archive.get(), u"alice"_s, u"Q1A0"_s, kT0);
    deliver(archive.get(), u"alice"_s, u"Q2A0"_s, kT0);
    QString error;
    QVERIFY(archive->commit(&error));
    QList<qint64> ids;
    for (const SearchHit &h : archive->search({}, {}, nullptr, -1, &error))
        ids.append(h.placementId);
    QCOMPARE(ids.size(), 2);
    for (const ExportFormat format : {ExportFormat::Mbox, ExportFormat::Zip}) {
        const QString file = m_dir->filePath(u"cancelled"_s);
        std::atomic_bool stop = false;
        const ExportReport r = archive->exportPlacements(ids, format, file, u"test"_s, &stop,
                                                         [&stop](qint64, qint64) { stop = true; });
        QVERIFY(r.cancelled);
        QCOMPARE(r.exported, 0);
        QVERIFY(!r.ok());
        QVERIFY(!QFile::exists(file));
        QVERIFY(!QFile::exists(file + u".tmp"_s));
    }
    // A placement that does not exist is named; the others are exported.
    const QString dir = m_dir->filePath(u"eml"_s);
    const ExportReport r = archive->exportPlacements({ids[0], 999, ids[1]}, ExportFormat::Eml, dir,
                                                     u"test"_s, nullptr, {});
    QCOMPARE(r.exported, 2);
    QCOMPARE(r.failures, QStringList{u"placement 999: no such placement"_s});
    QCOMPARE(QDir(dir).entryList(QDir::Files).size(), 2);
    Db db(m_archiveDir + u"/catalog.sqlite"_s);
    QCOMPARE(db.count(u"SELECT COUNT(*) FROM ledger WHERE event = 'exported'"_s), 2);
    QVERIFY2(archive->verify({}).ok(), qPrintable(describe(archive->verify({}))));
}

void TestArchive::statusAndDigest()
{
    auto archive = openArchive();
    deliver(archive.get(), u"alice"_s, u"Q1A0"_s, kT0);
    deliver(archive.get(), u"bob"_s, u"Q1A1"_s, kT0);
    QString error;
    QVERIFY(archive->commit(&error));
    runAt(archive.get(), kT0.addSecs(3600));
    const Status s = archive->status();
    QCOMPARE(s.mailboxes.size(), 2);
    QCOMPARE(s.mailboxes.at(0).mailbox, u"alice@example.com"_s);
    QCOMPARE(s.mailboxes.at(0).liveMessages, 1);
    QCOMPARE(s.mailboxes.at(0).storedBytes, 0); // shared with bob
    QCOMPARE(s.lastRun, kT0.addSecs(3600));
    QCOMPARE(s.mailboxes.at(0).lastRun, kT0.addSecs(3600));
    const QStringList lines = archive->headsDigest().split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 3);
    QVERIFY(lines.at(0).startsWith(u"alice@example.com 1 "_s));
    QVERIFY(lines.at(2).startsWith(u"sha256 "_s));
}

void TestArchive::recordsFilesWithoutPlacement()
{
    auto archive = openArchive();
    // Filed by Tandem before the archive existed: a Sent copy with its X-Envelope-To: header.
    QVERIFY(m_store->create(u"alice"_s, u"example.com"_s, nullptr));
    const QString root = mailboxRoot(u"alice"_s);
    const QByteArray sent = "Delivered-To: alice@example.com\n"
                            "X-Envelope-To: bob@example.com,\n"
                            "\tcarol@example.com\n" +
                            lf(kMessage);
    const QString sentName =
        u"%1.QABCA1.host.test,S=%2:2,S"_s.arg(kT0.toSecsSinceEpoch()).arg(sent.size());
    QFile f(root + u"/.Sent/cur/"_s + sentName);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(sent);
    f.close();
    // Put there by another program.
    QFile other(root + u"/cur/1700000000.M1P2.elsewhere:2,RS"_s);
    QVERIFY(other.open(QIODevice::WriteOnly));
    other.write("Subject: other\n\nhi\n");
    QVERIFY(other.flush());
    QVERIFY(other.setFileTime(kT0.addSecs(-3600), QFileDevice::FileModificationTime));
    other.close();

    const RunReport r = runAt(archive.get(), kT0.addSecs(3600));
    QCOMPARE(r.recorded, 2);
    QCOMPARE(r.examined, 2);
    Db db(m_archiveDir + u"/catalog.sqlite"_s);
    QCOMPARE(db.column(u"SELECT key || '|' || folder || '|' || delivered_to || '|' || size || '|' "
                       "|| filed FROM placements ORDER BY key"_s),
             (QStringList{u"ABCA1|Sent|alice@example.com|%1|%2"_s.arg(kMessage.size())
                              .arg(kT0.toMSecsSinceEpoch()),
                          u"file:1700000000.M1P2.elsewhere|||22|%1"_s.arg(
                              kT0.addSecs(-3600).toMSecsSinceEpoch())}));
    QString error;
    const QString sha =
        QString::fromLatin1(QCryptographicHash::hash(kMessage, QCryptographicHash::Sha256).toHex());
    QCOMPARE(archive->readBlob(sha, &error).value_or(QByteArray()), kMessage);
    QCOMPARE(db.column(u"SELECT prefix FROM placements WHERE key = 'ABCA1'"_s),
             QStringList{u"Delivered-To: alice@example.com\r\nX-Envelope-To: bob@example.com,\r\n"
                         "\tcarol@example.com\r\n"_s});
    QCOMPARE(db.count(u"SELECT COUNT(*) FROM ledger WHERE event = 'recorded'"_s), 2);
    // Recorded once only.
    QCOMPARE(runAt(archive.get(), kT0.addSecs(7200)).recorded, 0);
    QVERIFY2(archive->verify({}).ok(), qPrintable(describe(archive->verify({}))));
}

// A file found without a placement whose message the store already held: had another run
// removed that blob between this run's reading and its write lock, the new placement named a
// blob that was gone (verify: "blob missing"). Under the lock the blob is stored again.
void TestArchive::recordedBlobRemovedMeanwhile()
{
    auto archive = openArchive();
    QVERIFY(m_store->create(u"alice"_s, u"example.com"_s, nullptr));
    QVERIFY(m_store->create(u"bob"_s, u"example.com"_s, nullptr));
    const auto put = [&](const QString &user, const QString &name) {
        QFile f(mailboxRoot(user) + u"/cur/"_s + name);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(lf(kMessage));
        QVERIFY(f.flush());
        QVERIFY(f.setFileTime(kT0, QFileDevice::FileModificationTime));
    };
    put(u"bob"_s, u"1700000000.M1P2.elsewhere:2,S"_s);
    QCOMPARE(runAt(archive.get(), kT0.addSecs(60)).recorded, 1);
    const QString sha =
        QString::fromLatin1(QCryptographicHash::hash(kMessage, QCryptographicHash::Sha256).toHex());
    const QStringList blobFiles =
        QDir(m_archiveDir + u"/blobs"_s).entryList({u"*"_s}, QDir::Dirs | QDir::NoDotAndDotDot);
    QVERIFY(!blobFiles.isEmpty());

    put(u"alice"_s, u"1700000001.M1P3.elsewhere:2,S"_s);
    // The blob found present while alice's file was read goes before the write lock.
    archive->setTestHook([&](const QString &point) {
        if (point == u"recording"_s) {
            QDirIterator it(m_archiveDir + u"/blobs"_s, {sha + u".zst"_s}, QDir::Files,
                            QDirIterator::Subdirectories);
            while (it.hasNext())
                QFile::remove(it.next());
        }
        return true;
    });
    QCOMPARE(runAt(archive.get(), kT0.addSecs(120)).recorded, 1);
    archive->setTestHook({});
    QString error;
    QCOMPARE(archive->readBlob(sha, &error).value_or(QByteArray()), kMessage);
    const VerifyReport v = archive->verify({});
    QVERIFY2(v.ok(), qPrintable(describe(v)));
}

void TestArchive::largeMessage()
{
    // 30 MB of text that compresses, in lines.
    QByteArray big = "Subject: big\r\n\r\n";
    QRandomGenerator rng(7);
    while (big.size() < 30 * 1024 * 1024)
        big += QByteArray::number(rng.generate64()) + " some words of the body\r\n";
    QFile f(m_source);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(big);
    f.close();
    auto archive = openArchive();
    deliver(archive.get(), u"alice"_s, u"Q1A0"_s, kT0);
    QString error;
    QVERIFY(archive->commit(&error));
    const Status s = archive->status();
    QCOMPARE(s.originalBytes, big.size());
    QVERIFY(s.blobBytes < big.size() / 2);
    const QString sha =
        QString::fromLatin1(QCryptographicHash::hash(big, QCryptographicHash::Sha256).toHex());
    QVERIFY(archive->readBlob(sha, &error).value_or(QByteArray()) == big);
    QVERIFY2(archive->verify({}).ok(), qPrintable(describe(archive->verify({}))));
}

void TestArchive::stopBetweenBatches()
{
    config::ArchivePolicy policy;
    policy.archiveAfterHours = 24;
    auto archive = openArchive();
    for (int i = 0; i < 450; ++i)
        deliver(archive.get(), u"alice"_s, u"Q%1A0"_s.arg(i), kT0);
    QString error;
    QVERIFY(archive->commit(&error));
    setPolicy(u"alice"_s, policy);
    m_now = kT0.addSecs(25 * 3600);
    std::atomic_bool stop = false;
    int reports = 0;
    RunReport r = archive->run(*m_store, m_settings, {}, &stop, [&](const RunReport &) {
        ++reports;
        stop = true;
    });
    QVERIFY(r.interrupted);
    QCOMPARE(r.archived, 200);
    QCOMPARE(maildirFiles(mailboxRoot(u"alice"_s)).size(), 250);
    QVERIFY(!archive->status().lastRun.isValid());
    r = archive->run(*m_store, m_settings, u"alice@example.com"_s, nullptr, {});
    QCOMPARE(r.archived, 250);
    QVERIFY(maildirFiles(mailboxRoot(u"alice"_s)).isEmpty());
    QCOMPARE(ledgerCount(u"alice@example.com"_s), 900);
    const VerifyReport v = archive->verify(u"alice@example.com"_s);
    QVERIFY2(v.ok(), qPrintable(describe(v)));
    QCOMPARE(v.blobsChecked, 1);
    QCOMPARE(v.entriesChecked, 900);
}

void TestArchive::headsLogCrashWindow()
{
    auto archive = openArchive();
    deliver(archive.get(), u"alice"_s, u"Q1A0"_s, kT0);
    QString error;
    QVERIFY(archive->commit(&error));
    deliver(archive.get(), u"alice"_s, u"Q2A0"_s, kT0);
    QVERIFY(archive->commit(&error));
    const QString log = m_archiveDir + u"/ledger-heads.log"_s;
    QByteArray text = readAll(log);
    QVERIFY(text.endsWith("C 2\n"));
    // Killed after the commit, before its mark: the unmarked head is the chain's.
    text.chop(4);
    QVERIFY(fsutilWrite(log, text));
    QVERIFY2(archive->verify({}).ok(), qPrintable(describe(archive->verify({}))));
    // Killed before the commit: a head that never made it into the catalog.
    QVERIFY(fsutilWrite(log, text + "C 2\nH 3 3 " + QByteArray(64, 'f') + " alice@example.com\n"));
    QVERIFY2(archive->verify({}).ok(), qPrintable(describe(archive->verify({}))));
}

// Runs killed with SIGKILL at spread-out moments, the clock moving on between them: afterwards
// every message is live or archived or expired by its rule, once, and verify is clean.
void TestArchive::killedRunsLoseNothing()
{
    config::ArchivePolicy store;
    store.archiveAfterHours = 24;
    store.expireAfterHours = 120;
    config::ArchivePolicy exporting = store;
    exporting.onExpiry = config::ExpiryAction::Export;
    auto archive = openArchive();
    const int count = 300;
    for (int i = 0; i < count; ++i) {
        const QDateTime t = kT0.addSecs(i * 1200); // over 100 hours
        deliver(archive.get(), u"alice"_s, u"QA%1A0"_s.arg(i), t);
        // Some copies the archive never heard of: the run records them.
        deliver(i % 5 ? archive.get() : nullptr, u"bob"_s, u"QB%1A0"_s.arg(i), t);
    }
    QString error;
    QVERIFY(archive->commit(&error));
    setPolicy(u"alice"_s, store);
    setPolicy(u"bob"_s, exporting);
    archive.reset();

    // The kill comes after a random share of a delay that adapts to how fast this machine
    // runs (a sanitizer build is many times slower): longer while the kills land before any
    // progress, shorter when the runs finish first.
    QRandomGenerator rng(13);
    int killed = 0;
    qint64 delayUs = 4000;
    qint64 entries = ledgerCount(u"alice@example.com"_s) + ledgerCount(u"bob@example.com"_s);
    for (int round = 0; round < 20; ++round) {
        m_now = kT0.addSecs(24 * 3600 + round * 12 * 3600);
        const pid_t pid = ::fork();
        QVERIFY(pid >= 0);
        if (pid == 0) {
            QString childError;
            auto child = Archive::open(
                m_archiveDir, [this] { return m_now; }, &childError);
            if (child)
                child->run(*m_store, m_settings, {}, nullptr, {});
            ::_exit(0);
        }
        ::usleep(useconds_t(rng.bounded(delayUs / 4, delayUs * 2)));
        ::kill(pid, SIGKILL);
        int status = 0;
        ::waitpid(pid, &status, 0);
        const bool wasKilled = WIFSIGNALED(status);
        killed += wasKilled ? 1 : 0;
        const qint64 now = ledgerCount(u"alice@example.com"_s) + ledgerCount(u"bob@example.com"_s);
        if (!wasKilled)
            delayUs = std::max<qint64>(1000, delayUs / 2);
        else if (now == entries)
            delayUs = std::min<qint64>(2000000, delayUs * 2);
        entries = now;
    }
    qInfo("%d of 20 runs killed before they ended", killed);
    QVERIFY(killed >= 5);
    {
        // The killed runs did part of the work: the last run is not the one that does it all.
        Db db(m_archiveDir + u"/catalog.sqlite"_s);
        const qint64 done = db.count(u"SELECT COUNT(*) FROM placements WHERE state <> 'live'"_s);
        qInfo("%lld of %d placements archived or expired by the killed runs", done, 2 * count);
        QVERIFY(done > 0);
    }
    archive = openArchive();
    m_now = kT0.addSecs(24 * 3600 + 20 * 12 * 3600);
    const RunReport last = runAt(archive.get(), m_now);
    QVERIFY(last.errors.isEmpty());

    Db db(m_archiveDir + u"/catalog.sqlite"_s);
    for (const QString &user : {u"alice"_s, u"bob"_s}) {
        const QString mb = user + u"@example.com"_s;
        const QStringList files = maildirFiles(mailboxRoot(user));
        QSet<QString> liveKeys;
        for (const QString &f : files)
            liveKeys.insert(QFileInfo(f).fileName().section(u'.', 1, 1).mid(1));
        QCOMPARE(liveKeys.size(), files.size());
        QCOMPARE(db.count(u"SELECT COUNT(*) FROM placements WHERE mailbox = '%1'"_s.arg(mb)),
                 count);
        const QStringList live = db.column(
            u"SELECT key FROM placements WHERE mailbox = '%1' AND state = 'live'"_s.arg(mb));
        QCOMPARE(QSet<QString>(live.begin(), live.end()), liveKeys);
        // Nothing twice in the ledger.
        QCOMPARE(db.count(u"SELECT COUNT(*) FROM (SELECT placement_key, event, COUNT(*) AS n FROM "
                          "ledger WHERE mailbox = '%1' GROUP BY 1, 2 HAVING n > 1)"_s.arg(mb)),
                 0);
        QCOMPARE(db.count(u"SELECT COUNT(*) FROM ledger WHERE mailbox = '%1' AND event IN "
                          "('filed', 'recorded')"_s.arg(mb)),
                 count);
    }
    // Every message older than 120 hours has expired; bob's were exported, each once.
    QCOMPARE(db.count(u"SELECT COUNT(*) FROM placements WHERE state = 'live'"_s), 0);
    const qint64 expired = db.count(
        u"SELECT COUNT(*) FROM placements WHERE mailbox = 'bob@example.com' AND state = 'expired'"_s);
    QVERIFY(expired > 0);
    const QByteArray mbox = readAll(m_dir->filePath(u"exports/bob@example.com.mbox"_s));
    QCOMPARE(qint64(mbox.count("\nFrom MAILER-DAEMON ") + 1), expired);
    const VerifyReport v = archive->verify({});
    QVERIFY2(v.ok(), qPrintable(describe(v)));
}

void TestArchive::deletedByClientKeptUntilExpiry()
{
    config::ArchivePolicy policy;
    policy.archiveAfterHours = 24;
    policy.expireAfterHours = 48;
    auto archive = openArchive();
    const QString name = deliver(archive.get(), u"alice"_s, u"Q1A0"_s, kT0);
    QString error;
    QVERIFY(archive->commit(&error));
    setPolicy(u"alice"_s, policy);
    // The user deleted it over IMAP before it was archived: the store keeps its copy.
    QVERIFY(QFile::remove(mailboxRoot(u"alice"_s) + u"/new/"_s + name));
    RunReport r = runAt(archive.get(), kT0.addSecs(30 * 3600));
    QCOMPARE(r.archived, 0);
    QCOMPARE(archive->status().blobs, 1);
    r = runAt(archive.get(), kT0.addSecs(48 * 3600));
    QCOMPARE(r.expired, 1);
    QCOMPARE(r.blobsRemoved, 1);
    QVERIFY2(archive->verify({}).ok(), qPrintable(describe(archive->verify({}))));
}

void TestArchive::holdSetDuringRunStopsExpiry()
{
    config::ArchivePolicy policy;
    policy.expireAfterHours = 24;
    policy.onExpiry = config::ExpiryAction::Export;
    auto archive = openArchive();
    for (int i = 0; i < 3; ++i)
        deliver(archive.get(), u"alice"_s, u"Q%1A0"_s.arg(i), kT0);
    QString error;
    QVERIFY(archive->commit(&error));
    setPolicy(u"alice"_s, policy);
    // The console sets a hold while the run has exported and not yet marked the batch.
    archive->setTestHook([this](const QString &point) {
        if (point == u"exported"_s) {
            QString holdError;
            auto console = openArchive();
            if (!console->setHold(u"alice@example.com"_s, true, u"console:admin"_s, u"case"_s,
                                  &holdError))
                qWarning("%s", qPrintable(holdError));
        }
        return true;
    });
    const RunReport r = runAt(archive.get(), kT0.addSecs(25 * 3600));
    QCOMPARE(r.expired, 0);
    QCOMPARE(r.keptOnHold, 3);
    QCOMPARE(maildirFiles(mailboxRoot(u"alice"_s)).size(), 3);
    QCOMPARE(readAll(m_dir->filePath(u"exports/alice@example.com.mbox"_s)), QByteArray());
    QVERIFY2(archive->verify({}).ok(), qPrintable(describe(archive->verify({}))));
}

namespace {

QByteArray indexedMessage(int i)
{
    return "From: Sender " + QByteArray::number(i) + " <sender" + QByteArray::number(i) +
           "@remote.test>\r\n"
           "To: Team <team@example.com>\r\n"
           "Subject: Report number " +
           QByteArray::number(i) +
           "\r\n"
           "Date: Mon, 02 Feb 2026 10:00:00 +0000\r\n"
           "Message-ID: <m" +
           QByteArray::number(i) +
           "@remote.test>\r\n"
           "Content-Type: multipart/mixed; boundary=b\r\n"
           "\r\n"
           "--b\r\n"
           "Content-Type: text/plain; charset=utf-8\r\n"
           "\r\n"
           "Body word" +
           QByteArray::number(i) +
           " and the common words of every body.\r\n"
           "--b\r\n"
           "Content-Type: application/pdf\r\n"
           "Content-Disposition: attachment; filename=\"sheet" +
           QByteArray::number(i) +
           ".pdf\"\r\n"
           "\r\n"
           "x\r\n"
           "--b--\r\n";
}

// Messages whose index has the FTS5 query: "body:w" in message_body, a column filter in
// message_text, other words in either.
qint64 matches(Db &db, const QString &query)
{
    if (query.startsWith(u"body:"_s))
        return db.count(
            u"SELECT COUNT(*) FROM message_body WHERE message_body MATCH '%1'"_s.arg(query.mid(5)));
    if (query.contains(u':'))
        return db.count(
            u"SELECT COUNT(*) FROM message_text WHERE message_text MATCH '%1'"_s.arg(query));
    return db.count(u"SELECT COUNT(*) FROM (SELECT rowid FROM message_text WHERE message_text "
                    "MATCH '%1' UNION SELECT rowid FROM message_body WHERE message_body "
                    "MATCH '%1')"_s.arg(query));
}

// The words the FTS index holds, whatever row they belong to: empty when every row was
// deleted with the values it was made of (a contentless table keeps what a wrong delete left).
qint64 vocabulary(Db &db)
{
    db.exec(u"CREATE VIRTUAL TABLE IF NOT EXISTS temp.vocab USING fts5vocab(main, message_text, "
            "'row')"_s);
    db.exec(u"CREATE VIRTUAL TABLE IF NOT EXISTS temp.body_vocab USING fts5vocab(main, "
            "message_body, 'row')"_s);
    return db.count(u"SELECT COUNT(*) FROM temp.vocab"_s) +
           db.count(u"SELECT COUNT(*) FROM temp.body_vocab"_s);
}

} // namespace

// Filed and searchable in one transaction: after commit() another connection finds a body
// word, the count of indexed messages is the count stored, and each placement has its
// envelope sender.
void TestArchive::indexedWhenFiled()
{
    auto archive = openArchive();
    m_returnPath = "bounces@remote.test";
    for (int i = 0; i < 10; ++i) {
        setMessage(indexedMessage(i));
        // The first message to three mailboxes: one blob, one row, three recipients.
        for (const QString &user :
             i == 0 ? QStringList{u"alice"_s, u"bob"_s, u"carol"_s} : QStringList{u"alice"_s})
            deliver(archive.get(), user, u"Q%1A%2"_s.arg(i).arg(user), kT0);
    }
    Db db(m_archiveDir + u"/catalog.sqlite"_s);
    QCOMPARE(matches(db, u"word3"_s), 0);
    QString error;
    QVERIFY2(archive->commit(&error), qPrintable(error));
    const Status s = archive->status();
    QCOMPARE(s.blobs, 10);
    QCOMPARE(s.indexed, 10);
    QVERIFY(!s.indexOutdated);
    QCOMPARE(matches(db, u"body:word3"_s), 1);
    QCOMPARE(matches(db, u"common"_s), 10);
    QCOMPARE(
        db.column(u"SELECT m.subject || '|' || m.from_addr || '|' || m.from_name || '|' || "
                  "m.to_addrs || '|' || m.message_id || '|' || m.date || '|' || "
                  "m.attachments FROM message_text JOIN messages m ON m.id = "
                  "message_text.rowid WHERE message_text MATCH 'attachments:sheet3'"_s),
        QStringList{u"Report number 3|sender3@remote.test|Sender 3|team@example.com|"
                    "m3@remote.test|%1|1"_s.arg(
                        QDateTime(QDate(2026, 2, 2), QTime(10, 0), Qt::UTC).toSecsSinceEpoch())});
    // Envelope recipients (Bcc included) and senders are words of the row.
    QCOMPARE(matches(db, u"recipients:carol"_s), 1);
    QCOMPARE(matches(db, u"sender:bounces"_s), 10);
    QCOMPARE(matches(db, u"subject:report AND subject:7"_s), 1);
    QCOMPARE(db.count(u"SELECT COUNT(*) FROM envelopes e JOIN placements p ON p.id = "
                      "e.placement_id WHERE e.mail_from = 'bounces@remote.test'"_s),
             12);
    // The row's id is the message's highest placement id.
    QCOMPARE(db.column(u"SELECT COUNT(*) FROM messages m WHERE m.id = (SELECT MAX(id) FROM "
                       "placements p WHERE p.sha = m.sha)"_s),
             QStringList{u"10"_s});
    QVERIFY2(archive->verify({}).ok(), qPrintable(describe(archive->verify({}))));
}

// The same message filed again later (another batch) is stored and indexed once; its new
// placement adds no words (delivered_to is matched through placements), and the row is
// still deleted exactly when the message goes.
void TestArchive::laterPlacementAddsNothing()
{
    config::ArchivePolicy policy;
    policy.expireAfterHours = 24;
    auto archive = openArchive();
    setMessage(indexedMessage(1));
    deliver(archive.get(), u"alice"_s, u"Q1A0"_s, kT0);
    QString error;
    QVERIFY(archive->commit(&error));
    m_returnPath = "late@remote.test";
    deliver(archive.get(), u"dave"_s, u"Q2A0"_s, kT0.addSecs(60));
    QVERIFY(archive->commit(&error));
    Db db(m_archiveDir + u"/catalog.sqlite"_s);
    QCOMPARE(archive->status().indexed, 1);
    QCOMPARE(matches(db, u"recipients:alice"_s), 1);
    QCOMPARE(matches(db, u"recipients:dave"_s), 0);
    QCOMPARE(matches(db, u"sender:late"_s), 0);
    QCOMPARE(db.count(u"SELECT COUNT(*) FROM envelopes"_s), 1);
    QVERIFY(vocabulary(db) > 10);
    setPolicy(u"alice"_s, policy);
    setPolicy(u"dave"_s, policy);
    const RunReport r = runAt(archive.get(), kT0.addSecs(25 * 3600));
    QCOMPARE(r.expired, 2);
    QCOMPARE(r.blobsRemoved, 1);
    QCOMPARE(archive->status().indexed, 0);
    QCOMPARE(vocabulary(db), 0);
}

// A file a maintenance run finds without a placement is indexed with its record, and its
// prefix's Return-Path: gives its envelope sender.
void TestArchive::recordedFilesIndexed()
{
    auto archive = openArchive();
    QVERIFY(m_store->create(u"alice"_s, u"example.com"_s, nullptr));
    const QString root = mailboxRoot(u"alice"_s);
    const QByteArray copy = "Return-Path: <Origin@Remote.test>\n"
                            "Delivered-To: alice@example.com\n" +
                            lf(indexedMessage(5));
    QFile f(root +
            u"/cur/%1.QFOUNDA0.host.test,S=%2:2,S"_s.arg(kT0.toSecsSinceEpoch()).arg(copy.size()));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(copy);
    f.close();
    QFile other(root + u"/cur/1700000000.M1P2.elsewhere:2,S"_s);
    QVERIFY(other.open(QIODevice::WriteOnly));
    other.write("Subject: found elsewhere\n\nunusual wording\n");
    other.close();
    const RunReport r = runAt(archive.get(), kT0.addSecs(3600));
    QCOMPARE(r.recorded, 2);
    QCOMPARE(archive->status().indexed, 2);
    Db db(m_archiveDir + u"/catalog.sqlite"_s);
    QCOMPARE(matches(db, u"body:word5"_s), 1);
    QCOMPARE(matches(db, u"unusual"_s), 1);
    QCOMPARE(matches(db, u"sender:origin"_s), 1);
    QCOMPARE(db.column(u"SELECT p.key || '|' || e.mail_from FROM envelopes e JOIN placements p "
                       "ON p.id = e.placement_id"_s),
             QStringList{u"FOUNDA0|origin@remote.test"_s});
    // The blob is the message without the prefix: what filing it would have stored.
    QCOMPARE(
        db.column(u"SELECT prefix FROM placements WHERE key = 'FOUNDA0'"_s),
        QStringList{u"Return-Path: <Origin@Remote.test>\r\nDelivered-To: alice@example.com\r\n"_s});
    QString error;
    const QString sha = QString::fromLatin1(
        QCryptographicHash::hash(indexedMessage(5), QCryptographicHash::Sha256).toHex());
    QCOMPARE(archive->readBlob(sha, &error).value_or(QByteArray()), indexedMessage(5));
}

// reindex rebuilds from the blobs and placements alone: the same rows, the same words.
void TestArchive::reindexGivesTheSame()
{
    auto archive = openArchive();
    m_returnPath = "bounces@remote.test";
    for (int i = 0; i < 150; ++i) {
        setMessage(indexedMessage(i));
        deliver(archive.get(), i % 2 ? u"alice"_s : u"bob"_s, u"Q%1A0"_s.arg(i), kT0);
        if (i % 3 == 0)
            deliver(archive.get(), u"carol"_s, u"Q%1A1"_s.arg(i), kT0);
    }
    QString error;
    QVERIFY(archive->commit(&error));
    Db db(m_archiveDir + u"/catalog.sqlite"_s);
    const auto snapshot = [&] {
        QStringList out = db.column(
            u"SELECT id || '|' || sha || '|' || IFNULL(date, '-') || '|' || from_addr || '|' || "
            "from_name || '|' || to_addrs || '|' || subject || '|' || message_id || '|' || size "
            "|| '|' || attachments || '|' || text_bytes FROM messages ORDER BY id"_s);
        for (const QString &q : {u"common"_s, u"recipients:carol"_s, u"sender:bounces"_s,
                                 u"word77"_s, u"attachments:sheet12"_s})
            out.append(QString::number(matches(db, q)));
        out.append(QString::number(vocabulary(db)));
        out += db.column(u"SELECT placement_id || mail_from FROM envelopes ORDER BY 1"_s);
        return out;
    };
    const QStringList before = snapshot();
    QCOMPARE(archive->status().indexed, 150);
    QList<qint64> progress;
    const ReindexReport r =
        archive->reindex([&](const ReindexReport &p) { progress.append(p.indexed); }, nullptr);
    QVERIFY2(r.errors.isEmpty(), qPrintable(r.errors.join(u"; "_s)));
    QCOMPARE(r.messages, 150);
    QCOMPARE(r.indexed, 150);
    QCOMPARE(r.envelopes, 200);
    QCOMPARE(progress, (QList<qint64>{64, 128, 150})); // 64 a transaction
    QCOMPARE(archive->status().indexed, 150);
    QCOMPARE(snapshot(), before);
    // Stopped before it begins its batches: the index is empty, and the next run fills it.
    std::atomic_bool stop = true;
    const ReindexReport stopped = archive->reindex({}, &stop);
    QVERIFY(stopped.interrupted);
    QCOMPARE(archive->status().indexed, 0);
    QCOMPARE(runAt(archive.get(), kT0.addSecs(60)).indexed, 150);
    QCOMPARE(archive->status().indexed, 150);
}

// Expiry removes the message's rows with its blob: no row, no word left behind.
void TestArchive::expiryRemovesIndexRows()
{
    config::ArchivePolicy policy;
    policy.archiveAfterHours = 24;
    policy.expireAfterHours = 48;
    auto archive = openArchive();
    m_returnPath = QByteArray(""); // the null sender
    for (int i = 0; i < 70; ++i) {
        setMessage(indexedMessage(i));
        deliver(archive.get(), u"alice"_s, u"Q%1A0"_s.arg(i), kT0);
        if (i < 5) // bob keeps these
            deliver(archive.get(), u"bob"_s, u"Q%1A1"_s.arg(i), kT0);
    }
    // HTML only, a forwarded message and 8-bit headers: the values must come out the same again.
    setMessage("Subject: caf\xe9\r\nFrom: J\xf6rg <j@remote.test>\r\nContent-Type: text/html; "
               "charset=iso-8859-1\r\n\r\n<p>H&eacute;llo <b>th</b>ere</p><script>x</script>\r\n");
    deliver(archive.get(), u"alice"_s, u"QHA0"_s, kT0);
    QString error;
    QVERIFY(archive->commit(&error));
    Db db(m_archiveDir + u"/catalog.sqlite"_s);
    QCOMPARE(db.count(u"SELECT COUNT(*) FROM envelopes WHERE mail_from = ''"_s), 76);
    QCOMPARE(matches(db, u"body:héllo"_s), 1);
    QCOMPARE(archive->status().indexed, 71);
    setPolicy(u"alice"_s, policy);
    QCOMPARE(runAt(archive.get(), kT0.addSecs(30 * 3600)).archived, 71);
    const RunReport r = runAt(archive.get(), kT0.addSecs(49 * 3600));
    QCOMPARE(r.expired, 71);
    QCOMPARE(r.blobsRemoved, 66);
    const Status s = archive->status();
    QCOMPARE(s.blobs, 5);
    QCOMPARE(s.indexed, 5);
    QCOMPARE(matches(db, u"common"_s), 5);
    QCOMPARE(matches(db, u"word50"_s), 0);
    QCOMPARE(matches(db, u"héllo"_s), 0);
    // Only bob's five messages' words are left: deleting the rest took every word of theirs.
    const qint64 left = vocabulary(db);
    QVERIFY(left > 10);
    QVERIFY(archive->reindex({}, nullptr).errors.isEmpty());
    QCOMPARE(vocabulary(db), left);
    QVERIFY2(archive->verify({}).ok(), qPrintable(describe(archive->verify({}))));
}

// A blob that cannot be read when it is removed: its messages row goes (its words stay
// behind, under an id no message will have again), and nothing fails.
void TestArchive::unreadableBlobLeavesNoMessage()
{
    config::ArchivePolicy policy;
    policy.expireAfterHours = 24;
    auto archive = openArchive();
    setMessage(indexedMessage(9));
    deliver(archive.get(), u"alice"_s, u"Q1A0"_s, kT0);
    QString error;
    QVERIFY(archive->commit(&error));
    QDirIterator it(m_archiveDir + u"/blobs"_s, {u"*.zst"_s}, QDir::Files,
                    QDirIterator::Subdirectories);
    QVERIFY(it.hasNext());
    QVERIFY(QFile::remove(it.next()));
    setPolicy(u"alice"_s, policy);
    const RunReport r = runAt(archive.get(), kT0.addSecs(25 * 3600));
    QVERIFY2(r.errors.isEmpty(), qPrintable(r.errors.join(u"; "_s)));
    QCOMPARE(r.blobsRemoved, 1);
    QCOMPARE(archive->status().indexed, 0);
    Db db(m_archiveDir + u"/catalog.sqlite"_s);
    QCOMPARE(db.count(u"SELECT COUNT(*) FROM message_text JOIN messages m ON m.id = "
                      "message_text.rowid WHERE message_text MATCH 'word9'"_s),
             0);
}

// Values that are not those indexed (an extraction changed by an upgrade; here a placement
// slipped in behind the archive's back) make FTS5 refuse the delete when they hold more words
// than the index has (with one message: its column totals would go below zero). Expiry still
// removes the message, its words stay behind under an id no message gets again, status asks
// for a reindex, and the reindex leaves no word behind.
void TestArchive::changedValuesLeaveWordsBehind()
{
    config::ArchivePolicy policy;
    policy.expireAfterHours = 24;
    auto archive = openArchive();
    setMessage(indexedMessage(0));
    deliver(archive.get(), u"alice"_s, u"Q0A0"_s, kT0);
    QString error;
    QVERIFY(archive->commit(&error));
    Db db(m_archiveDir + u"/catalog.sqlite"_s);
    QVERIFY(db.exec(u"INSERT INTO placements(id, mailbox, folder, key, delivered_to, prefix, "
                    "flags, sha, size, filed, state) SELECT 0, 'zed@example.com', '', 'Q9A0', "
                    "'zed.zed.zed@example.com', '', '', sha, size, filed, 'expired' FROM "
                    "placements WHERE mailbox = 'alice@example.com'"_s));
    setPolicy(u"alice"_s, policy);
    const RunReport r = runAt(archive.get(), kT0.addSecs(25 * 3600));
    QVERIFY2(r.errors.isEmpty(), qPrintable(r.errors.join(u"; "_s)));
    QCOMPARE(r.blobsRemoved, 1);
    Status s = archive->status();
    QCOMPARE(s.indexed, 0);
    QVERIFY(s.indexOutdated);
    QVERIFY(vocabulary(db) > 0);
    QCOMPARE(db.count(u"SELECT COUNT(*) FROM message_text JOIN messages m ON m.id = "
                      "message_text.rowid WHERE message_text MATCH 'word0'"_s),
             0);
    QVERIFY(archive->reindex({}, nullptr).errors.isEmpty());
    s = archive->status();
    QVERIFY(!s.indexOutdated);
    QCOMPARE(vocabulary(db), 0);
}

// Three indexed messages filed in alice's mailbox, committed, and the archive closed.
void TestArchive::fileThreeIndexed()
{
    auto archive = openArchive();
    for (int i = 0; i < 3; ++i) {
        setMessage(indexedMessage(i));
        deliver(archive.get(), u"alice"_s, u"Q%1A0"_s.arg(i), kT0);
    }
    QString error;
    QVERIFY2(archive->commit(&error), qPrintable(error));
}

// A store filed before the index existed (its tables empty): the next maintenance run
// indexes it, and status shows the count reach the stored one.
void TestArchive::runIndexesOlderStore()
{
    fileThreeIndexed();
    {
        Db db(m_archiveDir + u"/catalog.sqlite"_s);
        QVERIFY(db.exec(u"DROP TABLE messages; DROP TABLE message_text; DROP TABLE message_body; "
                        "DROP TABLE envelopes; DELETE FROM meta WHERE key LIKE 'index_%'"_s));
    }
    auto archive = openArchive(); // the tables again, empty
    QCOMPARE(archive->status().indexed, 0);
    QCOMPARE(archive->status().blobs, 3);
    const RunReport r = runAt(archive.get(), kT0.addSecs(60));
    QCOMPARE(r.indexed, 3);
    QCOMPARE(archive->status().indexed, 3);
    Db db(m_archiveDir + u"/catalog.sqlite"_s);
    QCOMPARE(db.column(u"SELECT value FROM meta WHERE key = 'index_schema'"_s),
             QStringList{QString::number(kIndexSchemaVersion)});
    QCOMPARE(matches(db, u"word2"_s), 1);
}

// An index made by schema 1 (word positions in bodies, no message_body, no dated) goes when
// the catalog is opened; the next run indexes every message again, and the envelope senders
// read before stay.
void TestArchive::olderIndexSchemaRebuilt()
{
    fileThreeIndexed();
    qint64 envelopes = -1;
    {
        Db db(m_archiveDir + u"/catalog.sqlite"_s);
        QVERIFY(db.exec(
            u"DROP TABLE message_body; DROP TABLE message_text; DROP TABLE messages; "
            "CREATE TABLE messages(id INTEGER PRIMARY KEY, sha TEXT NOT NULL UNIQUE, date "
            "INTEGER, from_addr TEXT NOT NULL, from_name TEXT NOT NULL, to_addrs TEXT NOT NULL, "
            "subject TEXT NOT NULL, message_id TEXT NOT NULL, size INTEGER NOT NULL, "
            "attachments INTEGER NOT NULL, text_bytes INTEGER NOT NULL, indexed INTEGER NOT "
            "NULL); INSERT INTO messages SELECT 1, sha, NULL, '', '', '', '', '', 0, 0, 0, 0 "
            "FROM blobs LIMIT 1; CREATE VIRTUAL TABLE message_text USING fts5(sender, "
            "recipients, subject, body, attachments, content=''); UPDATE meta SET value = '1' "
            "WHERE key = 'index_schema'"_s));
        envelopes = db.count(u"SELECT COUNT(*) FROM envelopes"_s);
    }
    auto archive = openArchive();
    QCOMPARE(archive->status().indexed, 0);
    QCOMPARE(archive->status().blobs, 3);
    QVERIFY(!archive->status().indexOutdated);
    const RunReport r = runAt(archive.get(), kT0.addSecs(60));
    QCOMPARE(r.indexed, 3);
    Db db(m_archiveDir + u"/catalog.sqlite"_s);
    QCOMPARE(db.column(u"SELECT value FROM meta WHERE key = 'index_schema'"_s),
             QStringList{QString::number(kIndexSchemaVersion)});
    QCOMPARE(db.count(u"SELECT COUNT(*) FROM envelopes"_s), envelopes);
    QCOMPARE(matches(db, u"body:word2"_s), 1);
    QString error;
    QCOMPARE(archive->countMatches(u"word2"_s, &error), 1);
}

QTEST_GUILESS_MAIN(TestArchive)
// The blob store remembers which of its 65,792 fan-out folders exist, for as long as the
// Archive runs: a set of their paths grew by some 250 bytes of heap per folder (up to 17 MiB),
// a bit each is all it needs.
void TestArchive::blobFoldersRememberedInBits()
{
#if defined(__SANITIZE_ADDRESS__)
    QSKIP("AddressSanitizer's allocator does not report through mallinfo2()");
#else
    FileBlobStore blobs(m_archiveDir + u"/blobs"_s);
    QString error;
    QVERIFY2(blobs.init(&error), qPrintable(error));
    const auto store = [&](int from, int to) {
        for (int i = from; i < to; ++i) {
            BlobInfo info;
            bool created = false;
            if (!blobs.putBytes("Subject: " + QByteArray::number(i) + "\r\n\r\nhi\r\n", &info,
                                &created, &error) ||
                !created)
                return false;
            if (i % 200 == 199 && !blobs.sync(&error))
                return false;
        }
        return blobs.sync(&error);
    };
    QVERIFY2(store(0, 200), qPrintable(error)); // what a first batch sets up
    ::malloc_trim(0);
    const size_t before = ::mallinfo2().uordblks;
    constexpr int kBlobs = 4000; // about as many new leaf folders
    QVERIFY2(store(200, 200 + kBlobs), qPrintable(error));
    const double perBlob = double(::mallinfo2().uordblks - before) / kBlobs;
    qInfo("%.0f bytes of heap kept per blob stored", perBlob);
    QVERIFY2(perBlob < 50, qPrintable(u"%1 bytes per blob"_s.arg(perBlob)));
    // And each blob is where its name says.
    BlobInfo info;
    bool created = true;
    QVERIFY(blobs.putBytes("Subject: 4000\r\n\r\nhi\r\n", &info, &created, &error));
    QVERIFY(!created);
    QVERIFY(QFileInfo::exists(blobs.pathOf(info.sha256)));
#endif
}

void TestArchive::olderStoreKeepsTwoLevels()
{
    // A store made before blobs/layout: blobs/ab/cd/<sha>.zst. It is read where it is, and
    // its new blobs go two levels down too.
    QString error;
    QByteArray old = "Subject: old\r\n\r\nfrom before\r\n";
    QString oldSha;
    {
        QTemporaryDir staging;
        FileBlobStore fresh(staging.path());
        BlobInfo info;
        bool created = false;
        QVERIFY(fresh.init(&error) && fresh.putBytes(old, &info, &created, &error) &&
                fresh.sync(&error));
        oldSha = info.sha256;
        const QString folder =
            m_archiveDir + u"/blobs/%1/%2"_s.arg(oldSha.left(2), oldSha.mid(2, 2));
        QVERIFY(QDir().mkpath(folder));
        QVERIFY(QFile::copy(fresh.pathOf(oldSha), folder + u'/' + oldSha + u".zst"_s));
    }
    FileBlobStore blobs(m_archiveDir + u"/blobs"_s);
    QVERIFY2(blobs.init(&error), qPrintable(error));
    QCOMPARE(readAll(m_archiveDir + u"/blobs/layout"_s), QByteArray("ab/cd\n"));
    QVERIFY(blobs.exists(oldSha));
    QCOMPARE(blobs.read(oldSha, &error).value_or(QByteArray()), old);
    BlobInfo info;
    bool created = false;
    QVERIFY(blobs.putBytes("Subject: new\r\n\r\nafter\r\n", &info, &created, &error) &&
            blobs.sync(&error));
    QVERIFY(created);
    QCOMPARE(blobs.pathOf(info.sha256),
             m_archiveDir + u"/blobs/%1/%2/%3.zst"_s.arg(info.sha256.left(2), info.sha256.mid(2, 2),
                                                         info.sha256));
    QVERIFY(QFileInfo::exists(blobs.pathOf(info.sha256)));
    QCOMPARE(blobs.list(&error).size(), 2);
    // Opened again, the layout file says so.
    FileBlobStore again(m_archiveDir + u"/blobs"_s);
    QCOMPARE(again.pathOf(oldSha), blobs.pathOf(oldSha));
}

#include "tst_archive.moc"
