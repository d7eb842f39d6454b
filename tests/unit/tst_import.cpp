// tandemd archive import (issue 14): the mbox reader's splitting and unquoting, the bytes a
// message is stored as, and Archive::importMessages — counts that add up, nothing stored twice,
// placements the ledger and verify understand, searchable at once, and an import stopped or
// killed part way that the same import finishes.
#include "archive/archive.h"
#include "archive/import.h"
#include "archive/query.h"
#include "archive/search.h"
#include "catalogdb.h"
#include "threadwarnings.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace tandem;
using namespace tandem::archive;

namespace {

const QDateTime kT0 = QDateTime(QDate(2026, 3, 1), QTime(9, 0), Qt::UTC);
const QString kAlice = u"alice@example.com"_s;

QString sha(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

QByteArray crlf(QByteArray lf)
{
    return lf.replace("\n", "\r\n");
}

bool write(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size();
}

// A plain message (LF), numbered so that each is distinct.
QByteArray message(int n, const QByteArray &body = "Body text.\n")
{
    return "From: Carol <carol@remote.test>\nTo: alice@example.com\nSubject: message " +
           QByteArray::number(n) + "\nMessage-ID: <m" + QByteArray::number(n) +
           "@remote.test>\nDate: Mon, 2 Feb 2015 10:00:00 +0000\n\n" + body;
}

// An mbox as mboxrd writes it: quoted "From " lines, a blank line after each message.
QByteArray mboxrd(const QList<QByteArray> &messages)
{
    QByteArray out;
    for (const QByteArray &m : messages) {
        out += "From carol@remote.test Mon Feb  2 10:00:00 2015\n";
        for (QByteArray line : m.split('\n').mid(0, m.count('\n'))) {
            qsizetype i = 0;
            while (i < line.size() && line.at(i) == '>')
                ++i;
            if (line.mid(i).startsWith("From "))
                line.prepend('>');
            out += line + '\n';
        }
        out += '\n';
    }
    return out;
}

using tandem::test::Db;
using tandem::test::describe;

QString describe(const ImportReport &r)
{
    return u"read %1, stored %2, already present %3, failed %4%5%6: %7"_s.arg(r.read)
        .arg(r.stored)
        .arg(r.alreadyPresent)
        .arg(r.failed)
        .arg(r.interrupted ? u" (interrupted)"_s : QString(),
             r.error.isEmpty() ? QString() : u" error "_s + r.error, r.failures.join(u" | "_s));
}

// Every message the scanner finds, with its stored bytes read back.
struct Scanned {
    MboxScanner::Message message;
    QByteArray bytes;
};

QList<Scanned> scanAll(const QString &path, QString *error)
{
    QList<Scanned> out;
    MboxScanner scanner;
    if (!scanner.open(path, 0, 0, error))
        return out;
    while (auto m = scanner.next(error)) {
        Scanned s{*m, {}};
        QByteArray prefix;
        if (!readImportItem(
                m->item,
                [&](const char *d, qint64 n) {
                    s.bytes.append(d, n);
                    return true;
                },
                &prefix, error))
            return out;
        if (prefix != m->digest.prefix)
            *error = u"the prefix read again differs"_s;
        out.append(s);
    }
    return out;
}

} // namespace

class TestImport : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void mboxSplitsAndUnquotes();
    void mboxEdges();
    void envelopeLinesArePrefix();
    void longLines();
    void importCountsAddUp();
    void maildirFoldersAndFlags();
    void sameMessageAsFiled();
    void resumesAfterStop();
    void changedFileStartsOver();
    void killedImportsStoreNothingTwice();
    void filedMeanwhileIsPresent();
    void verifyKnowsImported();
    void expiredIsNotBroughtBack();

private:
    std::unique_ptr<Archive> openArchive();
    ImportReport import(Archive *archive, ImportSource source, const QString &path,
                        const QString &folder = {}, const QString &mailbox = kAlice,
                        const std::atomic_bool *stop = nullptr,
                        const Archive::ImportProgress &progress = {});
    qint64 blobFiles() const;
    qint64 hits(const QString &query);

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_archiveDir;
    QDateTime m_now;
};

void TestImport::init()
{
    test::failOnThreadWarnings();
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_archiveDir = m_dir->filePath(u"data/archive"_s);
    m_now = kT0;
}

void TestImport::cleanup()
{
    m_dir.reset();
}

std::unique_ptr<Archive> TestImport::openArchive()
{
    QString error;
    auto archive = Archive::open(
        m_archiveDir, [this] { return m_now; }, &error);
    if (!archive)
        qWarning("%s", qPrintable(error));
    return archive;
}

ImportReport TestImport::import(Archive *archive, ImportSource source, const QString &path,
                                const QString &folder, const QString &mailbox,
                                const std::atomic_bool *stop,
                                const Archive::ImportProgress &progress)
{
    const ImportReport r =
        archive->importMessages(mailbox, source, path, folder, u"test"_s, stop, progress);
    if (r.read != r.stored + r.alreadyPresent + r.failed || r.failures.size() != r.failed)
        qWarning("the counts do not add up: %s", qPrintable(describe(r)));
    return r;
}

qint64 TestImport::blobFiles() const
{
    qint64 n = 0;
    QDirIterator it(m_archiveDir + u"/blobs"_s, {u"*.zst"_s}, QDir::Files,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        it.next();
        ++n;
    }
    return n;
}

// Placements the query language finds (what tandemd archive search will run).
qint64 TestImport::hits(const QString &query)
{
    Db db(m_archiveDir + u"/catalog.sqlite"_s);
    QueryError parseError;
    const auto compiled = compileQuery(query, &parseError);
    if (!compiled) {
        qWarning("%s", qPrintable(parseError.toString()));
        return -1;
    }
    QString error;
    const qint64 n = countSearch(db.get(), *compiled, &error);
    if (n < 0)
        qWarning("%s", qPrintable(error));
    return n;
}

void TestImport::mboxSplitsAndUnquotes()
{
    const QByteArray first = message(1, "Line one.\n"
                                        "From the start of a line (quoted in the file).\n"
                                        ">From a quoted line (quoted again in the file).\n"
                                        "\n"
                                        "From here on a line with no time: no separator.\n");
    const QByteArray second = message(2, "Second.\n");
    QByteArray file = mboxrd({first, second});
    // A sloppy writer's unquoted "From " line with no blank line before it stays in its
    // message; a third message in CRLF, without a final line end.
    const QByteArray sloppy = message(3, "x\nFrom me at 10:30\n\nFrom here on, no time\nend\n");
    file += "From someone Tue Feb  3 11:00:00 2015\n" + sloppy;
    file += "\nFrom  bad Tue Feb  3 11:00:00 2015\r\n";
    const QByteArray third = crlf(message(4, "CRLF body"));
    // "From  bad" (two spaces) is no separator: it is the third message's last line.
    file += crlf(message(4, "CRLF body"));
    const QString path = m_dir->filePath(u"a.mbox"_s);
    QVERIFY(write(path, file));

    QString error;
    const QList<Scanned> all = scanAll(path, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(all.size(), 3);
    QCOMPARE(all.at(0).bytes, crlf(first));
    QCOMPARE(all.at(0).message.digest.sha256, sha(crlf(first)));
    QCOMPARE(all.at(0).message.digest.size, crlf(first).size());
    QCOMPARE(all.at(1).bytes, crlf(second));
    // Its last line gets the line end the file lacks.
    QCOMPARE(all.at(2).bytes,
             crlf(sloppy + "\nFrom  bad Tue Feb  3 11:00:00 2015\n") + third + "\r\n");
    for (qsizetype i = 0; i < all.size(); ++i) {
        const MboxScanner::Message &m = all.at(i).message;
        QCOMPARE(m.number, i + 1);
        QVERIFY2(m.digest.problem.isEmpty(), qPrintable(m.digest.problem));
        QVERIFY(file.mid(m.fromOffset).startsWith("From "));
        QCOMPARE(m.item.where, u"message %1 at byte %2"_s.arg(i + 1).arg(m.fromOffset));
    }
    QCOMPARE(all.at(1).message.fromOffset, file.indexOf("From carol", 10));
}

void TestImport::mboxEdges()
{
    QString error;
    const QString empty = m_dir->filePath(u"empty.mbox"_s);
    QVERIFY(write(empty, {}));
    QVERIFY(scanAll(empty, &error).isEmpty());
    QVERIFY(error.isEmpty());
    QVERIFY(write(empty, "\n\n\r\n"));
    QVERIFY(scanAll(empty, &error).isEmpty());

    // Not an mbox: all of it one failure, named by its bytes.
    const QString eml = m_dir->filePath(u"plain.mbox"_s);
    QVERIFY(write(eml, message(1)));
    QList<Scanned> all = scanAll(eml, &error);
    QCOMPARE(all.size(), 1);
    QCOMPARE(all.at(0).message.number, 0);
    QVERIFY(all.at(0).message.digest.problem.startsWith(u"not in mbox form"_s));
    QCOMPARE(all.at(0).message.item.where,
             u"bytes 0 to %1, before the first \"From \" line"_s.arg(message(1).size()));

    // Text before the first "From " line, an empty message, a doubled "From " line, a message
    // of binary bytes, and a good one: each found and named.
    const QByteArray file = "garbage\n\n"
                            "From a Mon Feb  2 10:00:00 2015\n\n"
                            "From b Mon Feb  2 10:00:00 2015\nFrom c Mon Feb  2 10:00:00 2015\n"
                            "Subject: x\n\nbody\n\n"
                            "From d Mon Feb  2 10:00:00 2015\n\x01\x02\x03\xff\n\n"
                            "From e Mon Feb  2 10:00:00 2015\n" +
                            message(5) + "\n";
    const QString mixed = m_dir->filePath(u"mixed.mbox"_s);
    QVERIFY(write(mixed, file));
    all = scanAll(mixed, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QStringList problems;
    for (const Scanned &s : all)
        problems.append(s.message.digest.problem);
    QCOMPARE(
        problems,
        (QStringList{u"not in mbox form: each message begins with a \"From \" line"_s,
                     u"empty message"_s, u"not a message: it begins with a second \"From \" line"_s,
                     u"not a message: it does not begin with a header field"_s, QString()}));
    QCOMPARE(all.last().bytes, crlf(message(5)));
    QCOMPARE(all.at(1).message.number, 1);
    QCOMPARE(all.at(1).message.fromOffset, 9);

    // An .eml that is an mbox, and one with no header.
    ImportDigest d;
    QVERIFY(write(eml, "From a Mon Feb  2 10:00:00 2015\n" + message(1)));
    QVERIFY(digestImportItem({eml, 0, -1, false, eml, {}, {}}, &d, &error));
    QCOMPARE(d.problem, u"not a message: it begins with an mbox \"From \" line (import an mbox "
                        "file with --mbox)"_s);
    QVERIFY(write(eml, "\nbody only\n"));
    QVERIFY(digestImportItem({eml, 0, -1, false, eml, {}, {}}, &d, &error));
    QCOMPARE(d.problem, u"not a message: it has no header"_s);
    QVERIFY(write(eml, {}));
    QVERIFY(digestImportItem({eml, 0, -1, false, eml, {}, {}}, &d, &error));
    QCOMPARE(d.problem, u"empty file"_s);
    // Obsolete syntax: white space before the colon is still a header field.
    QVERIFY(write(eml, "Subject : old\n\nbody\n"));
    QVERIFY(digestImportItem({eml, 0, -1, false, eml, {}, {}}, &d, &error));
    QVERIFY(d.problem.isEmpty());
    QVERIFY(!digestImportItem({m_dir->filePath(u"none"_s), 0, -1, false, {}, {}, {}}, &d, &error));
    QCOMPARE(error, u"cannot open: No such file or directory"_s);
}

// Return-Path: (first), the first Delivered-To: and X-Envelope-To: (with its continuation
// lines) are the copy's prefix, as in a copy Tandem filed; another Delivered-To: is the
// message's.
void TestImport::envelopeLinesArePrefix()
{
    const QByteArray prefix = "Return-Path: <carol@remote.test>\n"
                              "Delivered-To: alice@example.com\n"
                              "X-Envelope-To: alice@example.com,\n bob@example.com\n";
    const QByteArray rest = "Delivered-To: list@example.com\n" + message(1);
    const QString path = m_dir->filePath(u"p.eml"_s);
    QVERIFY(write(path, prefix + rest));
    ImportDigest d;
    QString error;
    QVERIFY(digestImportItem({path, 0, -1, false, path, {}, {}}, &d, &error));
    QCOMPARE(d.prefix, crlf(prefix));
    QCOMPARE(d.sha256, sha(crlf(rest)));
    // Return-Path: not first is the message's.
    QVERIFY(write(path, "Delivered-To: alice@example.com\nReturn-Path: <x@y>\n" + message(1)));
    QVERIFY(digestImportItem({path, 0, -1, false, path, {}, {}}, &d, &error));
    QCOMPARE(d.prefix, QByteArray("Delivered-To: alice@example.com\r\n"));
    QCOMPARE(d.sha256, sha(crlf("Return-Path: <x@y>\n" + message(1))));
    // Envelope lines without end are no message, and are not all kept in memory.
    QByteArray endless = "X-Envelope-To: a@example.com,\n";
    while (endless.size() < 3 * 1024 * 1024)
        endless += " b@example.com,\n";
    QVERIFY(write(path, endless + message(1)));
    QVERIFY(digestImportItem({path, 0, -1, false, path, {}, {}}, &d, &error));
    QCOMPARE(d.problem, u"its envelope lines (Return-Path:, Delivered-To:, X-Envelope-To:) exceed "
                        "1 MiB"_s);
    QVERIFY(d.prefix.size() <= 1024 * 1024);
}

// Lines longer than the reader's buffer (1 MiB) come in pieces: nothing lost, a CR at a
// piece's end still seen, a quoted "From " line still unquoted.
void TestImport::longLines()
{
    QByteArray longLine(3 * 1024 * 1024 + 17, 'x');
    longLine[1024 * 1024 - 1] = '\r'; // a lone CR right at the end of the first piece
    const QByteArray body =
        longLine + "\nFrom a line\n" + QByteArray(1024 * 1024 - 1, 'y') + "\r\nshort\n";
    const QByteArray m = message(1, body);
    const QString path = m_dir->filePath(u"long.mbox"_s);
    QVERIFY(write(path, mboxrd({m, message(2)})));
    QString error;
    const QList<Scanned> all = scanAll(path, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(all.size(), 2);
    QByteArray expected = m;
    expected.replace("\r\n", "\n");
    expected = crlf(expected);
    QCOMPARE(all.at(0).bytes.size(), expected.size());
    QVERIFY(all.at(0).bytes == expected);
    QCOMPARE(all.at(0).message.digest.sha256, sha(expected));
    QCOMPARE(all.at(1).bytes, crlf(message(2)));
}

void TestImport::importCountsAddUp()
{
    // The corpus: hand-made edge cases of real mail, and files that are no mail.
    const QString dir = m_dir->filePath(u"eml"_s);
    QVERIFY(write(dir + u"/01-plain.eml"_s, message(1)));
    QVERIFY(write(dir + u"/02-eightbit-headers.eml"_s,
                  "From: J\xc3\xb6rg M\xc3\xbcller <joerg@remote.test>\nTo: alice@example.com\n"
                  "Subject: Gr\xfc\xdf"
                  "e aus Z\xfcrich\nDate: Tue, 3 Feb 2015 10:00:00 +0100\n\n"
                  "8-bit body \xe4\xf6\xfc\n"));
    QVERIFY(write(dir + u"/03-encoded-words.eml"_s,
                  "From: =?ISO-8859-1?Q?Andr=E9?= <andre@remote.test>\nTo: alice@example.com\n"
                  "Subject: =?UTF-8?B?0J/RgNC40LLQtdGC?= from =?KOI8-R?Q?=D0=D2=C9=D7=C5=D4?= "
                  "and =?ISO-2022-JP?B?GyRCRnxLXDhsGyhC?= zebrafinch\n\nbody\n"));
    QVERIFY(write(dir + u"/04-nested.eml"_s,
                  "From: a@remote.test\nTo: alice@example.com\nSubject: nested\n"
                  "MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=outer\n\n"
                  "--outer\nContent-Type: multipart/alternative; boundary=inner\n\n"
                  "--inner\nContent-Type: text/plain\n\nplain kingfisher\n"
                  "--inner\nContent-Type: text/html\n\n<p>html kingfisher</p>\n--inner--\n"
                  "--outer\nContent-Type: application/pdf; name=report.pdf\n"
                  "Content-Transfer-Encoding: base64\n\nJVBERi0xLjQK\n--outer--\n"));
    QVERIFY(write(dir + u"/05-malformed.eml"_s,
                  "From: b@remote.test\nSubject: broken mime\nMIME-Version: 1.0\n"
                  "Content-Type: multipart/mixed; boundary=\"never-closed\"\n\n"
                  "--never-closed\nContent-Type: text/plain; charset=no-such-charset\n"
                  "Content-Transfer-Encoding: base64\n\n!!!not base64 lapwing\n"));
    QVERIFY(write(dir + u"/06-no-text.eml"_s,
                  "From: c@remote.test\nSubject: only an image\nMIME-Version: 1.0\n"
                  "Content-Type: image/png\nContent-Transfer-Encoding: base64\n\niVBORw0KGgo=\n"));
    // 30 MB attachment: base64 of 22.5 MB, lines of 76.
    QByteArray big = "From: d@remote.test\nTo: alice@example.com\nSubject: large attachment\n"
                     "MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=b\n\n--b\n"
                     "Content-Type: text/plain\n\nSee the attached heron.\n--b\n"
                     "Content-Type: application/octet-stream; name=big.bin\n"
                     "Content-Transfer-Encoding: base64\n\n";
    const QByteArray line = QByteArray(57, '\x5a').toBase64() + '\n';
    big.reserve(31 * 1024 * 1024);
    while (big.size() < 30 * 1024 * 1024)
        big += line;
    big += "--b--\n";
    QVERIFY(write(dir + u"/07-large.eml"_s, big));
    QVERIFY(write(dir + u"/08-copy-of-01.eml"_s, message(1)));
    QVERIFY(write(dir + u"/sub/09-crlf.eml"_s, crlf(message(9))));
    // No mail: each a failure naming the file.
    QVERIFY(write(dir + u"/10-empty.eml"_s, {}));
    QVERIFY(
        write(dir + u"/11-binary.eml"_s, QByteArray("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", 16)));
    QVERIFY(QFile::link(dir + u"/gone.eml"_s, dir + u"/12-dangling.eml"_s));
    QVERIFY(write(dir + u"/.hidden/13.eml"_s, message(13))); // left out, as hidden files are
    // Unreadable: root reads it all the same, so only another user sees this failure.
    const bool root = ::geteuid() == 0;
    if (!root) {
        QVERIFY(write(dir + u"/14-unreadable.eml"_s, message(14)));
        QVERIFY(QFile::setPermissions(dir + u"/14-unreadable.eml"_s, {}));
    }

    auto archive = openArchive();
    QVERIFY(archive);
    const ImportReport r = import(archive.get(), ImportSource::Eml, dir, u"Old mail"_s);
    QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
    QStringList failures{
        dir + u"/10-empty.eml: empty file"_s,
        dir + u"/11-binary.eml: not a message: it does not begin with a header field"_s,
        dir + u"/12-dangling.eml: cannot open: No such file or directory"_s};
    if (!root)
        failures.append(dir + u"/14-unreadable.eml: cannot open: Permission denied"_s);
    QCOMPARE(r.read, 9 + failures.size());
    QCOMPARE(r.stored, 8);
    QCOMPARE(r.alreadyPresent, 1);
    QCOMPARE(r.failed, failures.size());
    QCOMPARE(r.failures, failures);
    QCOMPARE(r.done, r.read);
    QCOMPARE(r.total, r.read);
    QVERIFY(!r.interrupted);
    const Status st = archive->status();
    QCOMPARE(st.blobs, 8);
    QCOMPARE(blobFiles(), 8);
    QCOMPARE(st.indexed, 8);
    QCOMPARE(st.placements, 8);
    QCOMPARE(st.mailboxes.size(), 1);
    QCOMPARE(st.mailboxes.at(0).archivedMessages, 8);
    QCOMPARE(st.mailboxes.at(0).liveMessages, 0);
    QVERIFY2(archive->verify({}).ok(), qPrintable(describe(archive->verify({}))));

    // Found at once: archived, in the folder asked for, by words of each kind of message.
    QCOMPARE(hits(u"is:archived folder:\"Old mail\""_s), 8);
    QCOMPARE(hits(u"kingfisher"_s), 1);
    QCOMPARE(hits(u"zurich from:joerg"_s), 1);
    QCOMPARE(hits(u"subject:zebrafinch subject:привет from:andre"_s), 1);
    QCOMPARE(hits(u"heron has:attachment larger:20M"_s), 1);
    QCOMPARE(hits(u"subject:\"broken mime\""_s), 1);
    QCOMPARE(hits(u"subject:image"_s), 1);
    QCOMPARE(hits(u"date:2015-02"_s), 3); // its Date:, not when it was imported

    Db db(m_archiveDir + u"/catalog.sqlite"_s);
    QCOMPARE(db.count(u"SELECT COUNT(*) FROM ledger WHERE event = 'imported' AND detail LIKE "
                      "'size %, folder Old mail, imported from eml %1 by test (%1/%%)'"_s.arg(dir)),
             8);
    QCOMPARE(db.column(u"SELECT DISTINCT filed || ' ' || archived || ' ' || state FROM "
                       "placements"_s),
             QStringList{u"%1 %1 archived"_s.arg(kT0.toMSecsSinceEpoch())});
    // The large message's bytes are the file's, CRLF.
    const QString bigSha = sha(crlf(big));
    QString error;
    QCOMPARE(archive->readBlob(bigSha, &error).value_or(QByteArray()).size(), crlf(big).size());
    QCOMPARE(
        db.count(u"SELECT COUNT(*) FROM placements WHERE sha = '%1'"_s.arg(sha(crlf(message(9))))),
        1);

    // Twice: nothing stored twice, the same failures.
    archive = openArchive();
    const ImportReport again = import(archive.get(), ImportSource::Eml, dir, u"Other"_s);
    QCOMPARE(again.read, r.read);
    QCOMPARE(again.stored, 0);
    QCOMPARE(again.alreadyPresent, 9);
    QCOMPARE(again.failures, failures);
    QCOMPARE(archive->status().placements, 8);
    QCOMPARE(blobFiles(), 8);

    // Into another mailbox: placements of its own, the bytes still once.
    const ImportReport bob =
        import(archive.get(), ImportSource::Eml, dir, {}, u"bob@example.com"_s);
    QCOMPARE(bob.stored, 8);
    QCOMPARE(archive->status().blobs, 8);
    QCOMPARE(blobFiles(), 8);
    QCOMPARE(archive->status().placements, 16);
    QVERIFY2(archive->verify({}).ok(), qPrintable(describe(archive->verify({}))));

    // A folder name Maildir++ cannot hold, and a source that is not there.
    QVERIFY(!import(archive.get(), ImportSource::Eml, dir, u"a/b"_s).error.isEmpty());
    const ImportReport missing =
        import(archive.get(), ImportSource::Mbox, m_dir->filePath(u"none.mbox"_s));
    QCOMPARE(missing.error,
             u"%1: cannot open: No such file or directory"_s.arg(m_dir->filePath(u"none.mbox"_s)));
    QCOMPARE(missing.read, 0);
}

void TestImport::maildirFoldersAndFlags()
{
    const QString md = m_dir->filePath(u"Maildir"_s);
    QVERIFY(write(md + u"/cur/1000.a.host:2,S"_s, message(1)));
    QVERIFY(write(md + u"/new/1001.b.host"_s, message(2)));
    QVERIFY(write(md + u"/tmp/1002.c.host"_s, message(3))); // a delivery under way
    QVERIFY(write(md + u"/cur/.hidden"_s, message(4)));
    QVERIFY(write(md + u"/.Sent/cur/1003.d.host:2,RS"_s, message(5)));
    QVERIFY(write(md + u"/.Sent/cur/1004.e.host:2,S"_s, message(1))); // also in INBOX
    QVERIFY(write(md + u"/.Lists.Tandem/new/1005.f.host"_s, message(6)));
    QVERIFY(write(md + u"/dovecot-uidlist"_s, "3 V1 N4\n"));
    QVERIFY(QDir().mkpath(md + u"/.NotAFolder"_s)); // no cur/: not a Maildir++ folder

    auto archive = openArchive();
    const ImportReport r = import(archive.get(), ImportSource::Maildir, md);
    QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
    QCOMPARE(r.read, 5);
    QCOMPARE(r.stored, 4);
    QCOMPARE(r.alreadyPresent, 1);
    QCOMPARE(r.failed, 0);
    Db db(m_archiveDir + u"/catalog.sqlite"_s);
    QCOMPARE(db.column(u"SELECT folder || '|' || flags FROM placements ORDER BY id"_s),
             (QStringList{u"|S"_s, u"|"_s, u"Lists.Tandem|"_s, u"Sent|RS"_s}));
    QCOMPARE(hits(u"folder:Sent"_s), 1);
    QCOMPARE(hits(u"folder:INBOX"_s), 2);

    // Under a folder of its own: INBOX is that folder, the others below it.
    const ImportReport under =
        import(archive.get(), ImportSource::Maildir, md, u"Old"_s, u"bob@example.com"_s);
    QCOMPARE(under.stored, 4);
    QCOMPARE(db.column(u"SELECT folder FROM placements WHERE mailbox = 'bob@example.com' ORDER BY "
                       "id"_s),
             (QStringList{u"Old"_s, u"Old"_s, u"Old.Lists.Tandem"_s, u"Old.Sent"_s}));

    const ImportReport notMaildir =
        import(archive.get(), ImportSource::Maildir, md + u"/.NotAFolder"_s);
    QCOMPARE(notMaildir.error,
             u"%1/.NotAFolder is not a Maildir (it has no cur/ or new/ folder)"_s.arg(md));
    QVERIFY2(archive->verify({}).ok(), qPrintable(describe(archive->verify({}))));
}

// A message Tandem filed (its CRLF original), exported to an mbox, found in a Maildir (LF) or
// saved as an .eml: the same SHA-256 each time, stored once; the envelope lines of the export
// become the new copy's prefix again.
void TestImport::sameMessageAsFiled()
{
    const QByteArray original = crlf(message(1, "From the start.\n>From quoted.\nend\n"));
    const QString spooled = m_dir->filePath(u"spooled.msg"_s);
    QVERIFY(write(spooled, original));
    auto archive = openArchive();
    FiledCopy copy;
    copy.mailbox = kAlice;
    copy.key = u"Q1A1"_s;
    copy.deliveredTo = kAlice;
    copy.prefix = "Return-Path: <bounces@lists.test>\r\nDelivered-To: alice@example.com\r\n";
    copy.messagePath = spooled;
    copy.filed = kT0;
    QString error;
    QVERIFY(archive->recordFiled(copy, &error));
    QVERIFY(archive->commit(&error));
    const QString mbox = m_dir->filePath(u"export.mbox"_s);
    const QList<SearchHit> found = archive->search(u"mailbox:alice"_s, {}, nullptr, -1, &error);
    QCOMPARE(found.size(), 1);
    QCOMPARE(archive
                 ->exportPlacements({found.first().placementId}, ExportFormat::Mbox, mbox,
                                    u"test"_s, nullptr, {})
                 .exported,
             1);

    ImportReport r = import(archive.get(), ImportSource::Mbox, mbox);
    QCOMPARE(r.read, 1);
    QCOMPARE(r.alreadyPresent, 1);
    r = import(archive.get(), ImportSource::Mbox, mbox, {}, u"bob@example.com"_s);
    QCOMPARE(r.stored, 1);
    QCOMPARE(archive->status().blobs, 1);
    Db db(m_archiveDir + u"/catalog.sqlite"_s);
    QCOMPARE(db.column(u"SELECT delivered_to || '|' || hex(prefix) || '|' || sha FROM placements "
                       "WHERE mailbox = 'bob@example.com'"_s),
             QStringList{u"alice@example.com|%1|%2"_s.arg(
                 QString::fromLatin1(copy.prefix.toHex().toUpper()), sha(original))});
    // Its envelope sender is searchable, as a filed copy's is.
    QCOMPARE(hits(u"mailbox:bob from:bounces@lists.test"_s), 1);

    const QString eml = m_dir->filePath(u"saved.eml"_s);
    QVERIFY(write(eml, original));
    QCOMPARE(import(archive.get(), ImportSource::Eml, eml).alreadyPresent, 1);
    QByteArray lfCopy = original;
    QVERIFY(write(eml, lfCopy.replace("\r\n", "\n")));
    QCOMPARE(import(archive.get(), ImportSource::Eml, eml).alreadyPresent, 1);
    // Saved without its last line end (found by fuzz_mbox: an mbox export cannot keep that, so
    // export and import again gave another message): still the message received over SMTP.
    QVERIFY(write(eml, original.chopped(2)));
    QCOMPARE(import(archive.get(), ImportSource::Eml, eml).alreadyPresent, 1);
    QVERIFY(write(eml, original.chopped(1))); // ... or with its CR but not its LF
    QCOMPARE(import(archive.get(), ImportSource::Eml, eml).alreadyPresent, 1);
    QCOMPARE(import(archive.get(), ImportSource::Eml, eml, {}, u"carol@example.com"_s).stored, 1);
    QCOMPARE(archive->status().blobs, 1);
    QCOMPARE(blobFiles(), 1);
}

// Stopped after its first batches, the import goes on from its checkpoint: the counts at the
// end are the whole file's, and nothing is stored twice.
void TestImport::resumesAfterStop()
{
    QList<QByteArray> messages;
    for (int i = 0; i < 500; ++i)
        messages.append(message(i % 450)); // 50 repeats
    const QString path = m_dir->filePath(u"big.mbox"_s);
    QByteArray file = mboxrd(messages);
    file.insert(file.indexOf("From carol", 1000), "From x Mon Feb  2 10:00:00 2015\n\x01\n\n");
    QVERIFY(write(path, file));

    auto archive = openArchive();
    std::atomic_bool stop = false;
    const ImportReport first = import(archive.get(), ImportSource::Mbox, path, {}, kAlice, &stop,
                                      [&](const ImportReport &r) { stop = stop || r.read >= 250; });
    QVERIFY(first.interrupted);
    QCOMPARE(first.read, 250);
    QCOMPARE(first.stored, 249);
    QCOMPARE(first.failed, 1);
    QCOMPARE(first.resumedAt, -1);
    QCOMPARE(archive->status().placements, 249); // the stopped batch was committed
    QCOMPARE(first.done, file.indexOf("\nFrom carol", file.indexOf("Subject: message 248\n")) + 1);

    m_now = kT0.addDays(1);
    archive = openArchive();
    const ImportReport rest = import(archive.get(), ImportSource::Mbox, path);
    QVERIFY2(rest.error.isEmpty() && !rest.interrupted, qPrintable(describe(rest)));
    QCOMPARE(rest.resumedAt, first.done);
    QCOMPARE(rest.read, 501);
    QCOMPARE(rest.stored, 450);
    QCOMPARE(rest.alreadyPresent, 50);
    QCOMPARE(rest.failed, 1);
    QCOMPARE(rest.failures, first.failures);
    const qsizetype bad = file.indexOf("From x ");
    QCOMPARE(rest.failures,
             QStringList{u"message %1 at byte %2: not a message: it does not begin with a header "
                         "field"_s.arg(file.left(bad).count("From carol") + 1)
                             .arg(bad)});
    QCOMPARE(rest.done, file.size());
    QCOMPARE(archive->status().blobs, 450);
    QCOMPARE(blobFiles(), 450);
    QVERIFY2(archive->verify({}).ok(), qPrintable(describe(archive->verify({}))));

    // Finished: the next import of the file reads it all again and stores nothing.
    const ImportReport again = import(archive.get(), ImportSource::Mbox, path);
    QCOMPARE(again.resumedAt, -1);
    QCOMPARE(again.read, 501);
    QCOMPARE(again.alreadyPresent, 500);
    QCOMPARE(again.stored, 0);
}

// A checkpoint whose file no longer has the same bytes before it is not trusted: the import
// starts from the beginning (and finds what it stored already present).
void TestImport::changedFileStartsOver()
{
    QList<QByteArray> messages;
    for (int i = 0; i < 300; ++i)
        messages.append(message(i));
    const QString path = m_dir->filePath(u"c.mbox"_s);
    QByteArray file = mboxrd(messages);
    QVERIFY(write(path, file));
    auto archive = openArchive();
    std::atomic_bool stop = false;
    const ImportReport first = import(archive.get(), ImportSource::Mbox, path, {}, kAlice, &stop,
                                      [&](const ImportReport &r) { stop = stop || r.read >= 220; });
    QCOMPARE(first.read, 220);
    file.replace("Subject: message 100\n", "Subject: message 1X0\n");
    QVERIFY(write(path, file));
    const ImportReport second = import(archive.get(), ImportSource::Mbox, path);
    QCOMPARE(second.resumedAt, -1);
    QCOMPARE(second.read, 300);
    QCOMPARE(second.alreadyPresent, 219);
    QCOMPARE(second.stored, 81);
}

// kill -9 at random points of large imports: the same import afterwards ends with the whole
// file's counts, each message stored once, verify clean.
void TestImport::killedImportsStoreNothingTwice()
{
    QList<QByteArray> messages;
    for (int i = 0; i < 1500; ++i)
        messages.append(message(i % 1400, QByteArray("Body of ") + QByteArray::number(i % 1400) +
                                              '\n' + QByteArray(2000, 'z') + '\n'));
    const QString path = m_dir->filePath(u"kill.mbox"_s);
    QVERIFY(write(path, mboxrd(messages)));
    // The kill comes after a delay that adapts to how fast this machine imports (a sanitizer
    // build is many times slower): longer while kills land before any commit, and when an
    // import ends before its kill, everything again from the start with a shorter one.
    int killed = 0;
    qint64 delayUs = 40000;
    qint64 placements = 0;
    for (int round = 0; round < 40 && killed < 3; ++round) {
        {
            auto archive = openArchive(); // made before the children share it
            QVERIFY(archive);
        }
        const pid_t pid = ::fork();
        QVERIFY(pid >= 0);
        if (pid == 0) {
            QString childError;
            auto child = Archive::open(
                m_archiveDir, [this] { return m_now; }, &childError);
            if (child)
                child->importMessages(kAlice, ImportSource::Mbox, path, {}, u"test"_s, nullptr, {});
            ::_exit(0);
        }
        ::usleep(useconds_t(delayUs));
        ::kill(pid, SIGKILL);
        int status = 0;
        ::waitpid(pid, &status, 0);
        if (!WIFSIGNALED(status)) {
            QVERIFY(QDir(m_archiveDir).removeRecursively());
            killed = 0;
            placements = 0;
            delayUs = std::max<qint64>(1000, delayUs / 3);
            continue;
        }
        Db db(m_archiveDir + u"/catalog.sqlite"_s);
        const qint64 now = db.count(u"SELECT COUNT(*) FROM placements"_s);
        if (now == placements) // killed before its first commit: give the next one longer
            delayUs = std::min<qint64>(5000000, delayUs * 2);
        else if (now < 1400) // killed part way, after storing some
            ++killed;
        placements = now;
    }
    qInfo("%d imports killed, %lld placements stored by them", killed, placements);
    QCOMPARE(killed, 3);
    auto archive = openArchive();
    const ImportReport r = import(archive.get(), ImportSource::Mbox, path);
    QVERIFY2(r.error.isEmpty() && !r.interrupted, qPrintable(describe(r)));
    QCOMPARE(r.read, 1500);
    QCOMPARE(r.stored + r.alreadyPresent, 1500);
    QCOMPARE(r.failed, 0);
    QCOMPARE(r.resumedAt > 0, placements < 1400); // on from the last kill's last commit
    QCOMPARE(archive->status().blobs, 1400);
    QCOMPARE(archive->status().placements, 1400);
    QCOMPARE(blobFiles(), 1400);
    Db db(m_archiveDir + u"/catalog.sqlite"_s);
    QCOMPARE(db.count(u"SELECT COUNT(*) FROM ledger WHERE event = 'imported'"_s), 1400);
    QCOMPARE(archive->status().indexed, 1400);
    QVERIFY2(archive->verify({}).ok(), qPrintable(describe(archive->verify({}))));
}

// A message the mailbox gets while an import has it waiting for its commit (the daemon filed
// it) is already present, not stored twice.
void TestImport::filedMeanwhileIsPresent()
{
    QList<QByteArray> messages;
    for (int i = 0; i < 20; ++i)
        messages.append(message(i));
    const QString path = m_dir->filePath(u"m.mbox"_s);
    QVERIFY(write(path, mboxrd(messages)));
    auto archive = openArchive();
    auto daemon = openArchive();
    bool filed = false;
    QString error;
    const ImportReport r = import(
        archive.get(), ImportSource::Mbox, path, {}, kAlice, nullptr, [&](const ImportReport &p) {
            if (p.read < 20 || filed) // all 20 wait for the commit
                return;
            filed = true;
            for (int i = 0; i < 15; ++i) {
                const QString spooled = m_dir->filePath(u"spool%1"_s.arg(i));
                write(spooled, crlf(message(i)));
                daemon->recordFiled({kAlice, {}, u"Q%1A1"_s.arg(i), kAlice, {}, spooled, kT0},
                                    &error);
            }
            daemon->commit(&error);
        });
    QVERIFY(filed);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(r.read, 20);
    QCOMPARE(r.stored, 5);
    QCOMPARE(r.alreadyPresent, 15);
    QCOMPARE(archive->status().placements, 20);
    QCOMPARE(archive->status().blobs, 20);
    QVERIFY2(archive->verify({}).ok(), qPrintable(describe(archive->verify({}))));
}

// verify replays "imported" as filing an archived placement, and so sees one changed.
void TestImport::verifyKnowsImported()
{
    const QString path = m_dir->filePath(u"v.mbox"_s);
    QVERIFY(write(path, mboxrd({message(1), message(2)})));
    auto archive = openArchive();
    QCOMPARE(import(archive.get(), ImportSource::Mbox, path).stored, 2);
    QVERIFY2(archive->verify({}).ok(), qPrintable(describe(archive->verify({}))));
    {
        Db db(m_archiveDir + u"/catalog.sqlite"_s);
        QVERIFY(db.exec(u"UPDATE placements SET state = 'live' WHERE id = 1"_s));
    }
    const VerifyReport v = archive->verify({});
    QCOMPARE(v.problems.size(), 1);
    QCOMPARE(v.problems.at(0).what, u"placement modified"_s);
    QVERIFY2(v.problems.at(0).detail.endsWith(u"it is live, its entries say archived"_s),
             qPrintable(v.problems.at(0).detail));
}

// A message whose copy in the mailbox expired is already present: its retention ended it, and
// importing an old file again must not undo that.
void TestImport::expiredIsNotBroughtBack()
{
    const QString path = m_dir->filePath(u"e.mbox"_s);
    QVERIFY(write(path, mboxrd({message(1), message(2)})));
    auto archive = openArchive();
    QCOMPARE(import(archive.get(), ImportSource::Mbox, path).stored, 2);
    {
        Db db(m_archiveDir + u"/catalog.sqlite"_s);
        QVERIFY(db.exec(u"UPDATE placements SET state = 'expired' WHERE id = 1"_s));
    }
    const ImportReport again = import(archive.get(), ImportSource::Mbox, path);
    QCOMPARE(again.stored, 0);
    QCOMPARE(again.alreadyPresent, 2);
    QCOMPARE(archive->status().placements, 2);
}

QTEST_GUILESS_MAIN(TestImport)
#include "tst_import.moc"
