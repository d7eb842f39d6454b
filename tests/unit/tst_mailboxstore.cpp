// Maildir++ mailboxes: layout of a new mailbox, delivery file names and bytes, and the
// redo-after-crash check that keeps a message from being stored twice.
#include "mailbox/mailboxstore.h"
#include "threadwarnings.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace tandem::mailbox;

namespace {

const QByteArray kMessage = "From: <carol@remote.test>\r\n"
                            "To: <alice@example.com>\r\n"
                            "Subject: hello\r\n"
                            "\r\n"
                            "Body line.\r\n";
const QByteArray kPrefix = "Delivered-To: alice@example.com\r\n";

// What a Maildir file holds: LF line ends, as mail readers that read Maildir expect.
QByteArray lf(QByteArray crlf)
{
    return crlf.replace("\r\n", "\n");
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class TestMailboxStore : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void createMakesMaildirPlusPlus();
    void deliverWritesPrefixAndSource();
    void deliverToFolder();
    void storedWithLfLineEnds();
    void redoFindsItsOwnCopy();
    void noMailboxWithoutCreate();
    void invalidNamesRefused_data();
    void invalidNamesRefused();
    void domainCannotEscapeRoot();
    void mailboxesListed();
    void missingMaildirFoldersRepaired_data();
    void missingMaildirFoldersRepaired();
    void firstAttemptDoesNotLookForItsCopy();
    void hostNameEscapedInFileNames();
    void batchedCopiesCompletedTogether();
    void archiveSettingsFollowTheFile();

private:
    DeliveryRequest request(const QString &uniqueBase) const;

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_root;
    QString m_source;
    tandem::config::MailboxTemplate m_template;
};

void TestMailboxStore::archiveSettingsFollowTheFile()
{
    // Read once and kept while the file stays the same: a file replaced (as the console
    // writes it) or rewritten in place is read again.
    MailboxStore store(m_root, u"host.example.com"_s, m_template);
    QString error;
    QVERIFY2(store.create(u"carol"_s, u"example.com"_s, &error), qPrintable(error));
    const QString mailbox = u"carol@example.com"_s;
    QVERIFY(store.archiveSettings(mailbox).mode == tandem::config::ArchiveMode::Default);
    tandem::config::MailboxArchiveSettings none;
    none.mode = tandem::config::ArchiveMode::None;
    QVERIFY2(store.setArchiveSettings(mailbox, none, &error), qPrintable(error));
    QVERIFY(store.archiveSettings(mailbox).mode == tandem::config::ArchiveMode::None);
    QVERIFY(MailboxStore(m_root, {}, m_template).archiveSettings(mailbox).mode ==
            tandem::config::ArchiveMode::None);
    // In place, by hand.
    QFile file(m_root + u"/example.com/carol/tandem-mailbox.json"_s);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(R"({"archive_mode": "default"})");
    file.close();
    QVERIFY(store.archiveSettings(mailbox).mode == tandem::config::ArchiveMode::Default);
    // Gone: the default, without an error.
    QVERIFY(file.remove());
    error.clear();
    QVERIFY(store.archiveSettings(mailbox, &error).mode == tandem::config::ArchiveMode::Default);
    QVERIFY2(error.isEmpty(), qPrintable(error));
}

void TestMailboxStore::batchedCopiesCompletedTogether()
{
    MailboxStore store(m_root, u"host.example.com"_s, m_template);
    std::vector<PendingCopy> copies;
    DeliveryRequest inbox = request(u"BATCH-0"_s);
    inbox.batch = &copies;
    DeliveryRequest sent = request(u"BATCH-1"_s);
    sent.folder = u"Sent"_s;
    sent.batch = &copies;
    QString inboxName;
    QString sentName;
    QString error;
    QCOMPARE(store.deliver(inbox, &inboxName, &error), DeliveryOutcome::Stored);
    QCOMPARE(store.deliver(sent, &sentName, &error), DeliveryOutcome::Stored);
    QCOMPARE(copies.size(), size_t(2));
    // Written, not yet moved into new/.
    const QString box = m_root + u"/example.com/alice"_s;
    QCOMPARE(QDir(box + u"/tmp"_s).entryList(QDir::Files), QStringList{inboxName});
    QVERIFY(QDir(box + u"/new"_s).isEmpty());
    QCOMPARE(QDir(box + u"/.Sent/tmp"_s).entryList(QDir::Files), QStringList{sentName});

    // The Sent folder's new/ is not a folder any more: that copy fails alone, and goes.
    QVERIFY(QDir(box + u"/.Sent/new"_s).removeRecursively());
    QFile blocker(box + u"/.Sent/new"_s);
    QVERIFY(blocker.open(QIODevice::WriteOnly));
    blocker.close();
    const QStringList errors = store.completeCopies(copies);
    QCOMPARE(errors.size(), 2);
    QVERIFY2(errors.at(0).isEmpty(), qPrintable(errors.at(0)));
    QVERIFY2(errors.at(1).contains(u"not a folder"_s), qPrintable(errors.at(1)));
    QVERIFY(copies.empty());
    QCOMPARE(QDir(box + u"/new"_s).entryList(QDir::Files), QStringList{inboxName});
    QCOMPARE(readAll(box + u"/new/"_s + inboxName), lf(kPrefix + kMessage));
    QVERIFY(QDir(box + u"/tmp"_s).isEmpty());
    QVERIFY(QDir(box + u"/.Sent/tmp"_s).isEmpty());
}

void TestMailboxStore::init()
{
    tandem::test::failOnThreadWarnings();
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_root = m_dir->filePath(u"data/mailboxes"_s);
    m_source = m_dir->filePath(u"message.msg"_s);
    QFile f(m_source);
    QVERIFY(f.open(QIODevice::WriteOnly));
    QCOMPARE(f.write(kMessage), kMessage.size());
    m_template = {};
    m_template.archiveAfterHours = 30 * 24;
    m_template.expireAfterHours = 365 * 24;
    m_template.maxSizeMb = 100;
}

void TestMailboxStore::cleanup()
{
    m_dir.reset();
}

DeliveryRequest TestMailboxStore::request(const QString &uniqueBase) const
{
    DeliveryRequest r;
    r.localPart = u"alice"_s;
    r.domain = u"example.com"_s;
    r.create = true;
    r.uniqueBase = uniqueBase;
    r.time = QDateTime::fromSecsSinceEpoch(1700000000, Qt::UTC);
    r.prefix = kPrefix;
    r.sourcePath = m_source;
    return r;
}

void TestMailboxStore::createMakesMaildirPlusPlus()
{
    MailboxStore store(m_root, u"host.example.com"_s, m_template);
    QCOMPARE(store.root(), m_root);
    QVERIFY(!store.existsOnDisk(u"alice"_s, u"example.com"_s));
    QString error;
    QVERIFY2(store.create(u"alice"_s, u"example.com"_s, &error), qPrintable(error));
    QVERIFY(store.existsOnDisk(u"alice"_s, u"example.com"_s));

    const QString box = m_root + u"/example.com/alice"_s;
    QCOMPARE(store.mailboxPath(u"Alice"_s, u"EXAMPLE.com"_s), box);
    QCOMPARE(store.folderPath(u"alice"_s, u"example.com"_s, QString()), box);
    QCOMPARE(store.folderPath(u"alice"_s, u"example.com"_s, u"Sent"_s), box + u"/.Sent"_s);
    for (const QString &sub : {u"cur"_s, u"new"_s, u"tmp"_s}) {
        QVERIFY2(QFileInfo(box + u'/' + sub).isDir(), qPrintable(sub));
        QVERIFY(QFileInfo(box + u"/.Sent/"_s + sub).isDir());
        QVERIFY(QFileInfo(box + u"/.Archive/"_s + sub).isDir());
    }
    // Maildir++: sub-folders carry "maildirfolder", INBOX does not.
    QVERIFY(QFileInfo(box + u"/.Sent/maildirfolder"_s).isFile());
    QVERIFY(QFileInfo(box + u"/.Archive/maildirfolder"_s).isFile());
    QVERIFY(!QFileInfo::exists(box + u"/maildirfolder"_s));
    QCOMPARE(readAll(box + u"/subscriptions"_s), QByteArray("Sent\nArchive\n"));

    const QJsonObject settings =
        QJsonDocument::fromJson(readAll(box + u"/tandem-mailbox.json"_s)).object();
    // A new mailbox follows the default archive settings: what they are is the template's,
    // read when the archive works, not copied into the mailbox.
    QCOMPARE(settings.value(u"archive_mode"_s).toString(), u"default"_s);
    QVERIFY(!settings.contains(u"archive"_s));
    QCOMPARE(store.policyOf(u"alice@example.com"_s), m_template);

    // No staging folder is left behind, and creating again is a no-op.
    QCOMPARE(QDir(m_root + u"/example.com"_s)
                 .entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden),
             QStringList{u"alice"_s});
    QVERIFY2(store.create(u"alice"_s, u"example.com"_s, &error), qPrintable(error));
    QVERIFY2(store.create(u"ALICE"_s, u"example.com"_s, &error), qPrintable(error));
    QCOMPARE(QDir(m_root + u"/example.com"_s)
                 .entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden),
             QStringList{u"alice"_s});
}

void TestMailboxStore::deliverWritesPrefixAndSource()
{
    MailboxStore store(m_root, u"host.example.com"_s, m_template);
    const DeliveryRequest r = request(u"0001ABCD-0"_s);
    QString fileName;
    QString error;
    QCOMPARE(store.deliver(r, &fileName, &error), DeliveryOutcome::Stored);
    QVERIFY(error.isEmpty());

    const qint64 size = lf(kPrefix + kMessage).size();
    QCOMPARE(fileName, u"1700000000.Q0001ABCD-0.host.example.com,S=%1"_s.arg(size));
    QCOMPARE(fileName, store.fileNameFor(r, size));
    const QString box = m_root + u"/example.com/alice"_s;
    QCOMPARE(QDir(box + u"/new"_s).entryList(QDir::Files), QStringList{fileName});
    QCOMPARE(readAll(box + u"/new/"_s + fileName), lf(kPrefix + kMessage));
    QVERIFY(QDir(box + u"/tmp"_s).isEmpty());
    QVERIFY(QDir(box + u"/cur"_s).isEmpty());
    QVERIFY(QDir(box + u"/.Sent/new"_s).isEmpty());

    // S= is the exact size of the file.
    QCOMPARE(QFileInfo(box + u"/new/"_s + fileName).size(), size);

    // Without a prefix the file is the source, with LF line ends.
    DeliveryRequest plain = request(u"0001ABCD-1"_s);
    plain.prefix.clear();
    QCOMPARE(store.deliver(plain, &fileName, &error), DeliveryOutcome::Stored);
    QVERIFY(fileName.endsWith(u",S=%1"_s.arg(lf(kMessage).size())));
    QCOMPARE(readAll(box + u"/new/"_s + fileName), lf(kMessage));
}

// Maildir files end lines with LF (what Postfix, Exim and Dovecot write, and what s-nail and
// mutt expect when they read the files), whatever the spool holds; S= is the stored size. A
// CRLF split between two reads of the spooled message is still one line end, and the redo
// after a crash still finds the copy by its name.
void TestMailboxStore::storedWithLfLineEnds()
{
    QByteArray big = "Subject: big\r\n\r\n";
    while (big.size() < 3 * 256 * 1024)
        big += QByteArray(77, 'x') + "\r\n";
    // A line end that straddles each 256 KiB boundary of the copy loop.
    for (const qsizetype boundary : {256 * 1024, 512 * 1024}) {
        big.replace(boundary - 2, 3, "y\r\n");
        QCOMPARE(big.mid(boundary - 1, 2), QByteArray("\r\n"));
    }
    QFile f(m_source);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(f.write(big), big.size());
    f.close();

    MailboxStore store(m_root, u"host.example.com"_s, m_template);
    const DeliveryRequest r = request(u"LF-0"_s);
    QString fileName;
    QString error;
    QCOMPARE(store.deliver(r, &fileName, &error), DeliveryOutcome::Stored);
    const QString path = m_root + u"/example.com/alice/new/"_s + fileName;
    const QByteArray stored = readAll(path);
    QVERIFY(!stored.contains('\r'));
    QCOMPARE(stored, lf(kPrefix + big));
    QVERIFY(fileName.endsWith(u",S=%1"_s.arg(stored.size())));
    QCOMPARE(fileName, store.fileNameFor(r, QFileInfo(path).size()));

    QString again;
    QCOMPARE(store.deliver(r, &again, &error), DeliveryOutcome::AlreadyStored);
    QCOMPARE(again, fileName);
    QVERIFY(QDir(m_root + u"/example.com/alice/tmp"_s).isEmpty());
}

void TestMailboxStore::deliverToFolder()
{
    MailboxStore store(m_root, u"host.example.com"_s, m_template);
    DeliveryRequest r = request(u"S1"_s);
    r.folder = u"Sent"_s;
    QString fileName;
    QString error;
    QCOMPARE(store.deliver(r, &fileName, &error), DeliveryOutcome::Stored);
    const QString box = m_root + u"/example.com/alice"_s;
    QCOMPARE(readAll(box + u"/.Sent/new/"_s + fileName), lf(kPrefix + kMessage));
    QVERIFY(QDir(box + u"/new"_s).isEmpty());

    // A folder that the template did not make is made on first use, as a Maildir++ folder.
    r.folder = u"Projects"_s;
    r.uniqueBase = u"P1"_s;
    QCOMPARE(store.deliver(r, &fileName, &error), DeliveryOutcome::Stored);
    QVERIFY(QFileInfo(box + u"/.Projects/new/"_s + fileName).isFile());
    QVERIFY(QFileInfo(box + u"/.Projects/maildirfolder"_s).isFile());
}

void TestMailboxStore::redoFindsItsOwnCopy()
{
    MailboxStore store(m_root, u"host.example.com"_s, m_template);
    const DeliveryRequest r = request(u"REDO-0"_s);
    QString first;
    QString second;
    QString error;
    QCOMPARE(store.deliver(r, &first, &error), DeliveryOutcome::Stored);
    QCOMPARE(store.deliver(r, &second, &error), DeliveryOutcome::AlreadyStored);
    QCOMPARE(second, first);
    const QString box = m_root + u"/example.com/alice"_s;
    QCOMPARE(QDir(box + u"/new"_s).entryList(QDir::Files).size(), 1);

    // The user's client read it meanwhile: moved to cur/ with flags.
    QVERIFY(QFile::rename(box + u"/new/"_s + first, box + u"/cur/"_s + first + u":2,S"_s));
    QCOMPARE(store.deliver(r, &second, &error), DeliveryOutcome::AlreadyStored);
    QVERIFY(QDir(box + u"/new"_s).isEmpty());
    QCOMPARE(QDir(box + u"/cur"_s).entryList(QDir::Files).size(), 1);

    // Moved to cur/ without an info part.
    QVERIFY(QFile::rename(box + u"/cur/"_s + first + u":2,S"_s, box + u"/cur/"_s + first));
    QCOMPARE(store.deliver(r, &second, &error), DeliveryOutcome::AlreadyStored);

    // Another action of the same message (another unique base) is a new copy.
    QCOMPARE(store.deliver(request(u"REDO-1"_s), &second, &error), DeliveryOutcome::Stored);
    QVERIFY(second != first);
    QCOMPARE(QDir(box + u"/new"_s).entryList(QDir::Files), QStringList{second});
}

void TestMailboxStore::noMailboxWithoutCreate()
{
    MailboxStore store(m_root, u"host.example.com"_s, m_template);
    DeliveryRequest r = request(u"N1"_s);
    r.create = false;
    QString fileName;
    QString error;
    QCOMPARE(store.deliver(r, &fileName, &error), DeliveryOutcome::NoMailbox);
    QVERIFY(!store.existsOnDisk(u"alice"_s, u"example.com"_s));
    QVERIFY(store.mailboxes().isEmpty());

    // Once it exists, create = false is enough.
    QVERIFY2(store.create(u"alice"_s, u"example.com"_s, &error), qPrintable(error));
    QCOMPARE(store.deliver(r, &fileName, &error), DeliveryOutcome::Stored);

    // An unreadable source fails and leaves nothing.
    DeliveryRequest missing = request(u"N2"_s);
    missing.sourcePath = m_dir->filePath(u"gone.msg"_s);
    QCOMPARE(store.deliver(missing, &fileName, &error), DeliveryOutcome::Failed);
    QVERIFY(!error.isEmpty());
    QVERIFY(QDir(m_root + u"/example.com/alice/tmp"_s).isEmpty());
}

void TestMailboxStore::invalidNamesRefused_data()
{
    QTest::addColumn<QString>("localPart");
    QTest::newRow("parent") << u".."_s;
    QTest::newRow("path") << u"../evil"_s;
    QTest::newRow("slash") << u"a/b"_s;
    QTest::newRow("hidden") << u".hidden"_s;
    QTest::newRow("double dot") << u"a..b"_s;
    QTest::newRow("space") << u"john doe"_s;
    QTest::newRow("empty") << QString();
    QTest::newRow("too long") << QString(65, u'a');
}

void TestMailboxStore::invalidNamesRefused()
{
    QFETCH(QString, localPart);
    MailboxStore store(m_root, u"host.example.com"_s, m_template);
    QString error;
    QVERIFY(!store.create(localPart, u"example.com"_s, &error));
    QVERIFY(!error.isEmpty());

    DeliveryRequest r = request(u"X1"_s);
    r.localPart = localPart;
    QString fileName;
    error.clear();
    QCOMPARE(store.deliver(r, &fileName, &error), DeliveryOutcome::Failed);
    QVERIFY(!error.isEmpty());
    QVERIFY(store.mailboxes().isEmpty());
    // Nothing was made outside the root either.
    QCOMPARE(QDir(m_dir->path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot),
             QStringList{u"message.msg"_s});
}

void TestMailboxStore::domainCannotEscapeRoot()
{
    // Local parts are checked before they become folder names; the domain is a folder name
    // too and gets no check, so "../x" puts a mailbox outside the mailbox root.
    MailboxStore store(m_root, u"host.example.com"_s, m_template);
    QString error;
    const bool created = store.create(u"alice"_s, u"../outside"_s, &error);
    const bool escaped = QFileInfo::exists(m_dir->filePath(u"data/outside"_s));
    QVERIFY2(!escaped, "a mailbox was created outside the mailbox root");
    QVERIFY(!created);
}

void TestMailboxStore::mailboxesListed()
{
    MailboxStore store(m_root, u"host.example.com"_s, m_template);
    QVERIFY(store.mailboxes().isEmpty());
    QString error;
    QVERIFY(store.create(u"bob"_s, u"example.com"_s, &error));
    QVERIFY(store.create(u"alice"_s, u"example.com"_s, &error));
    QVERIFY(store.create(u"erin"_s, u"example.org"_s, &error));
    // A mailbox being made is not listed; one that lost its new/ still is (the next delivery
    // repairs it).
    QVERIFY(QDir().mkpath(m_root + u"/example.com/.creating-carol-1-abc/new"_s));
    QVERIFY(QDir(m_root + u"/example.com/bob/new"_s).removeRecursively());
    QCOMPARE(store.mailboxes(),
             (QStringList{u"alice@example.com"_s, u"bob@example.com"_s, u"erin@example.org"_s}));
}

void TestMailboxStore::missingMaildirFoldersRepaired_data()
{
    QTest::addColumn<QString>("missing");
    QTest::addColumn<bool>("create"); // an Archive's delivery, which creates what is missing
    for (const bool create : {false, true}) {
        for (const QString &sub : {u"tmp"_s, u"new"_s, u"cur"_s, u".Sent/tmp"_s}) {
            const QString name = sub + (create ? u" create"_s : QString());
            QTest::newRow(qPrintable(name)) << sub << create;
        }
    }
}

// A mailbox that lost tmp/, new/ or cur/ (someone tidied up) gets them back at the next
// delivery, instead of failing every delivery, or, without new/, passing for a mailbox that
// does not exist and failing to be created over the one that does.
void TestMailboxStore::missingMaildirFoldersRepaired()
{
    QFETCH(QString, missing);
    QFETCH(bool, create);
    MailboxStore store(m_root, u"host.example.com"_s, m_template);
    QString error;
    QVERIFY(store.create(u"alice"_s, u"example.com"_s, &error));
    const QString box = m_root + u"/example.com/alice"_s;
    QVERIFY(QDir(box + u'/' + missing).removeRecursively());
    QVERIFY(store.existsOnDisk(u"alice"_s, u"example.com"_s));

    DeliveryRequest r = request(u"R1"_s);
    r.create = create;
    if (missing.startsWith(u".Sent"_s))
        r.folder = u"Sent"_s;
    QString fileName;
    QCOMPARE(store.deliver(r, &fileName, &error), DeliveryOutcome::Stored);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const QString folder = r.folder.isEmpty() ? box : box + u"/.Sent"_s;
    QVERIFY(QFileInfo(folder + u"/new/"_s + fileName).isFile());
    for (const QString &sub : {u"cur"_s, u"new"_s, u"tmp"_s})
        QVERIFY2(QFileInfo(folder + u'/' + sub).isDir(), qPrintable(sub));

    // Lost again after this store delivered there (it remembers folders it saw whole).
    QVERIFY(QDir(box + u'/' + missing).removeRecursively());
    DeliveryRequest again = request(u"R2"_s);
    again.folder = r.folder;
    QCOMPARE(store.deliver(again, &fileName, &error), DeliveryOutcome::Stored);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(QFileInfo(folder + u"/new/"_s + fileName).isFile());
    for (const QString &sub : {u"cur"_s, u"new"_s, u"tmp"_s})
        QVERIFY2(QFileInfo(folder + u'/' + sub).isDir(), qPrintable(sub));
}

// A first attempt at a copy does not look for one made before (a listing of cur/ per copy,
// as long as the mailbox is big); a redo does.
void TestMailboxStore::firstAttemptDoesNotLookForItsCopy()
{
    MailboxStore store(m_root, u"host.example.com"_s, m_template);
    QString error;
    QVERIFY(store.create(u"alice"_s, u"example.com"_s, &error));
    DeliveryRequest r = request(u"F1"_s);
    QString fileName;
    QCOMPARE(store.deliver(r, &fileName, &error), DeliveryOutcome::Stored);
    const QString box = m_root + u"/example.com/alice"_s;
    // Read since: in cur/ with flags.
    QVERIFY(QFile::rename(box + u"/new/"_s + fileName, box + u"/cur/"_s + fileName + u":2,S"_s));
    QCOMPARE(store.deliver(r, &fileName, &error), DeliveryOutcome::AlreadyStored);
    r.mayExist = false;
    QCOMPARE(store.deliver(r, &fileName, &error), DeliveryOutcome::Stored);
    QVERIFY(QFile::exists(box + u"/new/"_s + fileName));
}

void TestMailboxStore::hostNameEscapedInFileNames()
{
    // Maildir: '/' and ':' in the host part are written as \057 and \072.
    MailboxStore store(m_root, u"odd/host:name"_s, m_template);
    const QString name = store.fileNameFor(request(u"U1"_s), 10);
    QCOMPARE(name, u"1700000000.QU1.odd\\057host\\072name,S=10"_s);
}

QTEST_GUILESS_MAIN(TestMailboxStore)
#include "tst_mailboxstore.moc"
