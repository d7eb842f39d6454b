#include "archive.h"

#include "archive/blobstore.h"
#include "archive/catalog.h"
#include "archive/extract.h"
#include "archive/import.h"
#include "archive/libarchive.h"
#include "archive/mbox.h"
#include "mailbox/mailboxstore.h"
#include "util/fsutil.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QUrl>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <future>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace tandem::archive {

QString toString(PlacementState state)
{
    switch (state) {
    case PlacementState::Live:
        return u"live"_s;
    case PlacementState::Archived:
        return u"archived"_s;
    case PlacementState::Expired:
        return u"expired"_s;
    }
    return {};
}

Archive::~Archive() = default;

namespace {

constexpr int kBatch = 200;
// Messages extracted and indexed per transaction by reindex and by a run's garbage collection:
// their words are held in memory until the commit.
constexpr int kIndexBatch = 64;
// A blob file the catalog does not know is an orphan of a crash once it is this old; younger,
// it may belong to a batch another process is about to commit.
constexpr qint64 kOrphanGraceSecs = 3600;

const QString kEventFiled = u"filed"_s;
const QString kEventRecorded = u"recorded"_s;
const QString kEventArchived = u"archived"_s;
const QString kEventExpired = u"expired"_s;
const QString kEventExported = u"exported"_s;
const QString kEventHoldSet = u"hold set"_s;
const QString kEventHoldCleared = u"hold cleared"_s;
const QString kEventCopiedBack = u"copied back"_s;
const QString kEventImported = u"imported"_s; // an archived placement, filed by an import
const QString kToStore = u"to store"_s;
const QString kToFolder = u"to folder Archive"_s;
const QString kDeletedInstead = u"deleted instead of archived"_s;
const QString kArchiveFolder = u"Archive"_s;

QByteArray field(const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    return QByteArray::number(utf8.size()) + ':' + utf8 + '\n';
}

QString timeText(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODateWithMs);
}

// SHA-256 over the previous entry's hash and the entry's fields, each length-prefixed so that
// no two different entries serialize alike.
QString entryHash(const QString &prevHash, const QString &mailbox, qint64 seq, const QString &time,
                  const QString &event, const QString &key, const QString &sha,
                  const QString &detail)
{
    QByteArray data = field(prevHash) + field(mailbox) + field(QString::number(seq)) + field(time) +
                      field(event) + field(key) + field(sha) + field(detail);
    return QString::fromLatin1(QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex());
}

QString entryHash(const LedgerEntry &e, qint64 seq)
{
    return entryHash(e.prevHash, e.mailbox, seq, timeText(e.time), e.event, e.key, e.sha256,
                     e.detail);
}

// A live file of a mailbox's Maildir.
struct LiveFile {
    QString folder; // "" for INBOX
    QString path;
    QString key;
    QString flags;
    bool tandemName = false;
    QDateTime nameTime; // from a Tandem name, else the file's mtime
};

const QRegularExpression &tandemNamePattern()
{
    static const QRegularExpression re(u"^(\\d+)\\.Q([^.:/]+)\\."_s);
    return re;
}

QList<LiveFile> scanMailbox(const QString &root)
{
    QList<LiveFile> out;
    QStringList folders{QString()};
    for (const QString &d :
         QDir(root).entryList(QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden, QDir::Name)) {
        if (d.startsWith(u'.') && QFileInfo(root + u'/' + d + u"/cur"_s).isDir())
            folders.append(d.mid(1));
    }
    for (const QString &folder : folders) {
        const QString base = folder.isEmpty() ? root : root + u"/."_s + folder;
        for (const QString &sub : {u"new"_s, u"cur"_s}) {
            const QDir dir(base + u'/' + sub);
            for (const QFileInfo &info : dir.entryInfoList(QDir::Files, QDir::Name)) {
                LiveFile f;
                f.folder = folder;
                f.path = info.absoluteFilePath();
                const QString name = info.fileName();
                const QString unique = name.section(u':', 0, 0);
                const qsizetype info2 = name.indexOf(u":2,"_s);
                if (info2 >= 0)
                    f.flags = name.mid(info2 + 3);
                const auto m = tandemNamePattern().match(name);
                if (m.hasMatch()) {
                    f.tandemName = true;
                    f.key = m.captured(2);
                    f.nameTime = QDateTime::fromSecsSinceEpoch(m.captured(1).toLongLong(), Qt::UTC);
                } else {
                    f.key = u"file:"_s + unique;
                    f.nameTime = info.lastModified().toUTC();
                }
                out.append(f);
            }
        }
    }
    return out;
}

// How many bytes at the start of a live copy Tandem filed are its own prefix: a Return-Path:
// line first (copies filed since the search index), the first Delivered-To: line and an
// X-Envelope-To: header with its continuation lines.
qsizetype prefixLength(const QByteArray &head)
{
    qsizetype at = 0;
    bool deliveredTo = false;
    for (;;) {
        const qsizetype nl = head.indexOf('\n', at);
        if (nl < 0)
            return at;
        const QByteArrayView line(head.constData() + at, nl - at);
        if (at == 0 && line.startsWith("Return-Path:")) {
            at = nl + 1;
            continue;
        }
        const bool isDelivered = !deliveredTo && line.startsWith("Delivered-To:");
        const bool isEnvelope = line.startsWith("X-Envelope-To:");
        if (!isDelivered && !isEnvelope)
            return at;
        deliveredTo = deliveredTo || isDelivered;
        at = nl + 1;
        while (isEnvelope && at < head.size() && (head.at(at) == ' ' || head.at(at) == '\t')) {
            const qsizetype next = head.indexOf('\n', at);
            at = next < 0 ? head.size() : next + 1;
        }
    }
}

// LF line ends (as Maildir files have them) back to the wire's CRLF, chunk by chunk: a CR that
// ends a chunk waits to see whether an LF follows.
class ToCrlf {
public:
    // A bare LF becomes CRLF; CRLF and a lone CR stay as they are. One pass, spans copied
    // whole (two replace() calls searched and reallocated the chunk twice: the profile's top).
    QByteArray feed(const QByteArray &chunk)
    {
        QByteArray out;
        out.reserve(chunk.size() + chunk.size() / 16 + 16);
        const char *p = chunk.constData();
        const char *const end = p + chunk.size();
        while (p < end) {
            const auto *nl = static_cast<const char *>(std::memchr(p, '\n', size_t(end - p)));
            if (!nl) {
                out.append(p, end - p);
                m_lastCr = end[-1] == '\r';
                return out;
            }
            const bool cr = nl > p ? nl[-1] == '\r' : m_lastCr;
            out.append(p, nl - p);
            out.append(cr ? "\n" : "\r\n", cr ? 1 : 2);
            p = nl + 1;
            m_lastCr = false;
        }
        return out;
    }
    QByteArray finish() { return {}; }

private:
    bool m_lastCr = false; // the chunk before ended with CR
};

constexpr qint64 kChunk = 256 * 1024;

// Streams a live file's original bytes (from offset on, CRLF) to a sink.
bool readOriginal(const QString &path, qint64 offset, const BlobStore::Sink &sink, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly) || !file.seek(offset)) {
        *error = u"cannot read %1: %2"_s.arg(path, file.errorString());
        return false;
    }
    ToCrlf convert;
    while (!file.atEnd()) {
        const QByteArray chunk = file.read(kChunk);
        if (chunk.isEmpty() && file.error() != QFileDevice::NoError) {
            *error = u"cannot read %1: %2"_s.arg(path, file.errorString());
            return false;
        }
        const QByteArray out = convert.feed(chunk);
        if (!sink(out.constData(), out.size()))
            return false;
    }
    const QByteArray rest = convert.finish();
    return rest.isEmpty() || sink(rest.constData(), rest.size());
}

QString deliveredToOf(const QByteArray &prefix)
{
    for (const QByteArray &line : prefix.split('\n')) {
        if (line.startsWith("Delivered-To:"))
            return QString::fromUtf8(line.mid(13).trimmed());
    }
    return {};
}

bool unlinkFile(const QString &path, QString *error)
{
    if (::unlink(QFile::encodeName(path).constData()) != 0 && errno != ENOENT) {
        *error = u"cannot remove %1: %2"_s.arg(path, fsutil::errnoText(errno));
        return false;
    }
    return true;
}

QString percent(const QString &mailbox)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(mailbox, "@"));
}

// ledger-heads.log as verify reads it: per mailbox, the head each transaction wrote, and which
// transactions were marked committed.
struct HeadsLog {
    bool readable = false;
    QHash<QString, QHash<qint64, QPair<qint64, QString>>> heads; // mailbox -> txn -> (seq, hash)
    QSet<qint64> committed;
};

class ArchiveImpl : public Archive {
public:
    ArchiveImpl(const QString &dir, Clock clock)
        : m_dir(dir)
        , m_clock(std::move(clock))
        , m_headsLog(dir + u"/ledger-heads.log"_s)
    {}

    bool init(QString *error);

    bool recordFiled(const FiledCopy &copy, QString *error) override;
    bool commit(QString *error) override;
    int pendingFiled() const override { return int(m_pending.size()); }
    bool setHold(const QString &mailbox, bool on, const QString &who, const QString &reason,
                 QString *error) override;
    std::optional<Hold> hold(const QString &mailbox) const override;
    bool isHeld(const QString &mailbox) const override { return hold(mailbox).has_value(); }
    RunReport run(mailbox::MailboxStore &mailboxes, const config::Settings &settings,
                  const QString &onlyMailbox, const std::atomic_bool *stop,
                  const Progress &progress) override;
    ReindexReport reindex(const ReindexProgress &progress, const std::atomic_bool *stop) override;
    VerifyReport verify(const QString &onlyMailbox) override;
    Status status() const override;
    QString headsDigest() const override;
    std::optional<QByteArray> readBlob(const QString &sha256, QString *error) const override
    {
        return m_blobs->read(sha256, error);
    }
    void setTestHook(TestHook hook) override { m_hook = std::move(hook); }
    ImportReport importMessages(const QString &mailbox, ImportSource source, const QString &path,
                                const QString &folder, const QString &who,
                                const std::atomic_bool *stop,
                                const ImportProgress &progress) override;

    QList<SearchHit> search(const QString &query, const SearchSort &sort, const SearchHit *after,
                            int limit, QString *error) const override;
    qint64 countMatches(const QString &query, QString *error,
                        qint64 *messages = nullptr) const override;
    std::optional<MessageDetails> details(qint64 placementId, QString *error) const override;
    std::optional<Placement> copyBack(qint64 placementId, mailbox::MailboxStore &mailboxes,
                                      const QString &toMailbox, CopyBackFolder folder,
                                      const QString &who, QString *error) override;
    ExportReport exportPlacements(const QList<qint64> &placementIds, ExportFormat format,
                                  const QString &path, const QString &who,
                                  const std::atomic_bool *stop,
                                  const ExportProgress &progress) override;

private:
    using Extracted = std::shared_ptr<const ExtractedMessage>;
    struct Queued {
        FiledCopy copy;
        BlobInfo blob;
        Extracted extracted; // null when the message was indexed already
    };
    // A change a run makes to one live file or placement, in two steps: the catalog's part
    // (committed with its batch) and then the file's.
    struct Action {
        enum Kind { Unlink, MoveToArchive, None } fileOp = None;
        QString path;
        QString mailboxRoot;
    };

    QDateTime now() const { return m_clock().toUTC(); }
    bool begin(QString *error);
    bool finish(QString *error); // commits, with the heads log around it
    void abandon();
    bool append(const QString &mailbox, const QString &event, const QString &key,
                const QString &sha, const QString &detail, QString *error);
    bool hook(const QString &point) const { return !m_hook || m_hook(point); }
    bool writeMessage(const Placement &p, MboxWriter *writer, fsutil::Fd *fd, QString *error) const;
    bool recoverExport(const QString &mailbox, QString *error);
    bool collectGarbage(RunReport *report, QString *error);
    // What the blob's bytes give the index; null when they cannot be read.
    Extracted extractBlob(const QString &sha256, QString *error) const;
    // Under the write lock: the envelope row of a new placement, and the index rows of the
    // batch's messages not indexed yet (extracted before the lock; one missing, because its
    // blob was removed and stored again meanwhile, is extracted now).
    bool recordEnvelope(const Placement &p, QString *error);
    bool indexNew(const QList<BlobInfo> &blobs, const QHash<QString, Extracted> &extracted,
                  QString *error);
    // Indexes every stored message the index lacks, kIndexBatch per transaction.
    bool indexMissing(const std::atomic_bool *stop, ReindexReport *report,
                      const ReindexProgress &progress);
    bool runMailbox(mailbox::MailboxStore &mailboxes, const QString &mailbox,
                    const QString &exportDir, const std::atomic_bool *stop,
                    const Progress &progress, RunReport *report);
    void verifyChain(const QString &mailbox, const HeadsLog &log, VerifyReport *report) const;
    void verifyPlacements(const QString &mailbox, VerifyReport *report) const;

    // An imported message new to the mailbox, waiting for its batch's commit.
    struct ImportQueued {
        ImportItem item;
        ImportDigest digest;
        BlobInfo blob;
        Extracted extracted; // null when the message was indexed already
    };
    struct ImportBatch {
        QString mailbox;
        QString detail; // the ledger detail's tail: the source and who imported
        QList<ImportQueued> queued;
        qint64 bytes = 0;
        QString checkpointKey; // "" for a source without a checkpoint
        QString checkpoint;    // committed with the batch ("" clears it)
    };
    // Stores an imported message's blob (read again, into memory once) and extracts its words,
    // before the write lock; false with *error when it could not be read or changed meanwhile.
    bool prepareImport(ImportQueued *q, QString *error);
    // Commits a batch's placements, ledger entries, index rows and checkpoint in one
    // transaction, and counts them into *report; a message found in the mailbox meanwhile
    // (filed, or imported by another process) counts as already present.
    bool commitImport(ImportBatch *batch, ImportReport *report, QString *error);

    QString m_dir;
    Clock m_clock;
    QString m_headsLog;
    std::unique_ptr<BlobStore> m_blobs;
    std::unique_ptr<Catalog> m_catalog;
    QList<Queued> m_pending;
    QSet<QString> m_touched; // mailboxes whose chain the open transaction extends
    TestHook m_hook;
};

bool ArchiveImpl::init(QString *error)
{
    if (!fsutil::ensureDirectory(m_dir, error))
        return false;
    auto blobs = std::make_unique<FileBlobStore>(m_dir + u"/blobs"_s);
    if (!blobs->init(error))
        return false;
    m_blobs = std::move(blobs);
    auto catalog = std::make_unique<SqliteCatalog>();
    const BlobStore *store = m_blobs.get();
    const auto body = [store](const QString &sha) -> std::optional<QString> {
        QString ignored; // a blob that cannot be read holds no phrase
        const std::optional<QByteArray> bytes = store->read(sha, &ignored);
        if (!bytes)
            return std::nullopt;
        return extractMessage(*bytes).body;
    };
    if (!catalog->open(m_dir + u"/catalog.sqlite"_s, error) || !catalog->setBodyReader(body, error))
        return false;
    m_catalog = std::move(catalog);
    return true;
}

bool ArchiveImpl::begin(QString *error)
{
    m_touched.clear();
    return m_catalog->begin(error);
}

void ArchiveImpl::abandon()
{
    m_catalog->rollback();
    m_touched.clear();
}

// The new heads go to ledger-heads.log before the commit ("H txn seq hash mailbox") and the
// commit is noted after it ("C txn"): a head the log names in a committed transaction must be
// the chain's, so removing the last entries is seen; a crash between the two leaves an "H"
// without its "C", which verify accepts either way.
bool ArchiveImpl::finish(QString *error)
{
    qint64 txn = 0;
    if (!m_touched.isEmpty()) {
        txn = m_catalog->meta(u"txn"_s).toLongLong() + 1;
        if (!m_catalog->setMeta(u"txn"_s, QString::number(txn), error)) {
            abandon();
            return false;
        }
        QByteArray lines;
        QStringList touched = m_touched.values();
        touched.sort();
        for (const QString &mailbox : touched) {
            const auto h = m_catalog->head(mailbox);
            lines +=
                u"H %1 %2 %3 %4\n"_s.arg(txn).arg(h->seq).arg(h->hash, percent(mailbox)).toUtf8();
        }
        if (!fsutil::appendDurably(m_headsLog, lines, error)) {
            *error = u"%1: %2"_s.arg(m_headsLog, *error);
            abandon();
            return false;
        }
    }
    if (!m_catalog->commit(error)) {
        abandon();
        return false;
    }
    m_touched.clear();
    if (txn > 0 &&
        !fsutil::appendDurably(m_headsLog, "C " + QByteArray::number(txn) + '\n', error)) {
        *error = u"%1: %2"_s.arg(m_headsLog, *error);
        return false;
    }
    return true;
}

bool ArchiveImpl::append(const QString &mailbox, const QString &event, const QString &key,
                         const QString &sha, const QString &detail, QString *error)
{
    LedgerEntry e;
    const auto h = m_catalog->head(mailbox);
    e.mailbox = mailbox;
    e.seq = h ? h->seq + 1 : 1;
    e.prevHash = h ? h->hash : QString();
    e.time = now();
    e.event = event;
    e.key = key;
    e.sha256 = sha;
    e.detail = detail;
    e.hash = entryHash(e, e.seq);
    if (!m_catalog->appendEntry(e, error))
        return false;
    m_touched.insert(mailbox);
    return true;
}

bool ArchiveImpl::recordFiled(const FiledCopy &copy, QString *error)
{
    Queued q{copy, {}, {}};
    bool created = false;
    if (!m_blobs->putFile(copy.messagePath, &q.blob, &created, error))
        return false;
    // A new message's words, before commit() takes the write lock: once per message however
    // many copies the batch has of it.
    const bool extracted = std::any_of(m_pending.cbegin(), m_pending.cend(), [&](const Queued &o) {
        return o.blob.sha256 == q.blob.sha256 && o.extracted;
    });
    if (!extracted && !m_catalog->isIndexed(q.blob.sha256)) {
        QFile file(copy.messagePath);
        if (!file.open(QIODevice::ReadOnly)) {
            *error = u"cannot read %1: %2"_s.arg(copy.messagePath, file.errorString());
            return false;
        }
        q.extracted = std::make_shared<const ExtractedMessage>(extractMessage(file.readAll()));
    }
    m_pending.append(q);
    return true;
}

bool ArchiveImpl::commit(QString *error)
{
    if (m_pending.isEmpty())
        return true;
    if (!m_blobs->sync(error) || !begin(error))
        return false;
    for (const Queued &q : std::as_const(m_pending)) {
        // Under the write lock: a maintenance run may have removed a blob this copy found
        // present (its last placement expired meanwhile); store it again.
        if (!m_blobs->exists(q.blob.sha256)) {
            BlobInfo again;
            bool created = false;
            if (!m_blobs->putFile(q.copy.messagePath, &again, &created, error) ||
                !m_blobs->sync(error)) {
                abandon();
                return false;
            }
        }
        Placement p;
        p.mailbox = q.copy.mailbox;
        p.folder = q.copy.folder;
        p.key = q.copy.key;
        p.deliveredTo = q.copy.deliveredTo;
        p.prefix = q.copy.prefix;
        p.sha256 = q.blob.sha256;
        p.size = q.blob.size;
        p.filed = q.copy.filed.toUTC();
        bool inserted = false;
        if (!m_catalog->addBlob(q.blob, now(), error) ||
            !m_catalog->insertPlacement(&p, &inserted, error) ||
            (inserted && (!append(p.mailbox, kEventFiled, p.key, p.sha256,
                                  u"size %1, folder %2, for %3"_s.arg(p.size).arg(
                                      p.folder.isEmpty() ? u"INBOX"_s : p.folder, p.deliveredTo),
                                  error) ||
                          !recordEnvelope(p, error)))) {
            abandon();
            return false;
        }
    }
    // Searchable in the same transaction that stores it: after all of the batch's placements,
    // so that every envelope recipient of a message filed to many mailboxes is in its row.
    QList<BlobInfo> blobs;
    QHash<QString, Extracted> extracted;
    for (const Queued &q : std::as_const(m_pending)) {
        blobs.append(q.blob);
        if (q.extracted)
            extracted.insert(q.blob.sha256, q.extracted);
    }
    if (!indexNew(blobs, extracted, error)) {
        abandon();
        return false;
    }
    if (!finish(error))
        return false;
    m_pending.clear();
    return true;
}

std::optional<Hold> ArchiveImpl::hold(const QString &mailbox) const
{
    std::optional<Hold> wide;
    for (const Hold &h : m_catalog->holds()) {
        if (h.mailbox == mailbox && !mailbox.isEmpty())
            return h;
        if (h.mailbox.isEmpty())
            wide = h;
    }
    return wide;
}

bool ArchiveImpl::setHold(const QString &mailbox, bool on, const QString &who,
                          const QString &reason, QString *error)
{
    if (!begin(error))
        return false;
    bool held = false;
    for (const Hold &h : m_catalog->holds())
        held = held || h.mailbox == mailbox;
    if (!held && !on) { // nothing to clear: nothing to record
        abandon();
        return true;
    }
    const Hold h{mailbox, now(), who, reason};
    bool ok = on ? m_catalog->setHold(h, error) : m_catalog->clearHold(mailbox, error);
    QStringList chains{mailbox};
    if (mailbox.isEmpty()) { // the archive-wide hold: in every mailbox's chain too
        const QStringList more = m_catalog->ledgerMailboxes() + m_catalog->placementMailboxes();
        for (const QString &m : more) {
            if (!chains.contains(m))
                chains.append(m);
        }
    }
    const QString detail =
        u"by %1: %2%3"_s.arg(who, reason, mailbox.isEmpty() ? u" (archive-wide)"_s : QString());
    for (const QString &chain : std::as_const(chains))
        ok = ok && append(chain, on ? kEventHoldSet : kEventHoldCleared, {}, {}, detail, error);
    if (!ok) {
        abandon();
        return false;
    }
    return finish(error);
}

// The message of a placement as its live copy began: the prefix, then the original bytes.
bool ArchiveImpl::writeMessage(const Placement &p, MboxWriter *writer, fsutil::Fd *fd,
                               QString *error) const
{
    writer->begin(p.filed);
    writer->feed(p.prefix);
    QString writeError;
    const bool ok = m_blobs->readChunks(
        p.sha256,
        [&](const QByteArray &chunk) {
            writer->feed(chunk);
            const QByteArray out = writer->take();
            return fd->writeAll(out.constData(), out.size(), &writeError);
        },
        error);
    if (!ok) {
        if (!writeError.isEmpty())
            *error = writeError;
        return false;
    }
    writer->end();
    const QByteArray out = writer->take();
    return fd->writeAll(out.constData(), out.size(), error);
}

// An export a run began and did not mark (it was killed after writing the mbox, before the
// commit): the mbox is cut back to the size noted before, and the expiry is done again.
bool ArchiveImpl::recoverExport(const QString &mailbox, QString *error)
{
    const QString key = u"export:"_s + mailbox;
    const QString journal = m_catalog->meta(key);
    if (journal.isEmpty())
        return true;
    const QString path = journal.section(u'\t', 1);
    const qint64 size = journal.section(u'\t', 0, 0).toLongLong();
    struct stat st;
    if (::stat(QFile::encodeName(path).constData(), &st) == 0 && st.st_size > size &&
        ::truncate(QFile::encodeName(path).constData(), size) != 0) {
        *error = u"cannot truncate %1: %2"_s.arg(path, fsutil::errnoText(errno));
        return false;
    }
    if (!begin(error))
        return false;
    if (!m_catalog->setMeta(key, {}, error)) {
        abandon();
        return false;
    }
    return finish(error);
}

RunReport ArchiveImpl::run(mailbox::MailboxStore &mailboxes, const config::Settings &settings,
                           const QString &onlyMailbox, const std::atomic_bool *stop,
                           const Progress &progress)
{
    RunReport report;
    QString exportDir = settings.mailboxes.archive.exportDir;
    exportDir = exportDir.isEmpty() ? m_dir + u"/exports"_s : settings.resolvePath(exportDir);
    QStringList names = mailboxes.mailboxes();
    // Mailboxes removed from disk still have archived mail to expire.
    for (const QString &m : m_catalog->placementMailboxes()) {
        if (!names.contains(m))
            names.append(m);
    }
    for (const QString &mailbox : std::as_const(names)) {
        if (!onlyMailbox.isEmpty() && mailbox != onlyMailbox)
            continue;
        if (stop && *stop) {
            report.interrupted = true;
            break;
        }
        // A mailbox that fails is reported and the others go on; a stop ends the run.
        if (!runMailbox(mailboxes, mailbox, exportDir, stop, progress, &report) &&
            report.interrupted)
            break;
    }
    QString error;
    if (!report.interrupted && report.errors.isEmpty() && !collectGarbage(&report, &error))
        report.errors.append(error);
    if (!report.interrupted && report.errors.isEmpty()) {
        const QString when = timeText(now());
        bool ok = begin(&error);
        ok = ok && m_catalog->setMeta(u"last_run"_s, when, &error);
        for (const QString &m : std::as_const(names)) {
            if (onlyMailbox.isEmpty() || m == onlyMailbox)
                ok = ok && m_catalog->setMeta(u"last_run:"_s + m, when, &error);
        }
        if (!ok || !finish(&error)) {
            abandon();
            report.errors.append(error);
        }
        // Messages stored before the index existed. (One that cannot be read is reported
        // each run, as verify reports it, without keeping the run from counting as done.)
        ReindexReport indexed;
        indexMissing(stop, &indexed, {});
        report.indexed = indexed.indexed;
        report.errors += indexed.errors;
        report.interrupted = indexed.interrupted;
    }
    if (progress)
        progress(report);
    return report;
}

// The orders that make a kill at any point safe (the next run finishes the work, once):
// - archive to the store, delete instead of archive, expiry: the placement's new state and its
//   ledger entry are committed first, then the live file is unlinked; a live file whose
//   placement is no longer live is a leftover, unlinked without a new entry;
// - archive to the folder: the placement (folder "Archive") is committed, then the file is
//   renamed into .Archive/cur; a file elsewhere whose placement says Archive is only moved;
// - expiry with export: the mbox file's size goes into the catalog (meta "export:MAILBOX")
//   before the messages are appended; the commit that marks them expired clears it. A run that
//   finds it set truncates the mbox back to that size and exports again: never twice, never
//   lost. (Truncating is safe: only this mailbox's expiry appends to its file.)
// - blobs: written and synced before the rows naming them are committed; removed only by
//   collectGarbage(), the file before its row.
bool ArchiveImpl::runMailbox(mailbox::MailboxStore &mailboxes, const QString &mailbox,
                             const QString &exportDir, const std::atomic_bool *stop,
                             const Progress &progress, RunReport *report)
{
    QString error;
    auto fail = [&](const QString &text) {
        report->errors.append(u"%1: %2"_s.arg(mailbox, text));
        return false;
    };
    if (!recoverExport(mailbox, &error))
        return fail(error);
    const config::ArchivePolicy policy = mailboxes.policyOf(mailbox);
    const QString root = mailboxes.pathOf(mailbox);
    const QString mboxPath = exportDir + u'/' + mailbox + u".mbox"_s;
    const QList<LiveFile> files = QFileInfo(root).isDir() ? scanMailbox(root) : QList<LiveFile>();
    const qint64 archiveAfter = policy.archiveAfterHours * 3600;
    const qint64 expireAfter = policy.expireAfterHours * 3600;

    // What to do with each placement, decided batch by batch.
    struct Work {
        const LiveFile *file = nullptr; // null: an archived placement without a live file
        Placement placement;
    };
    QList<Work> work;
    QSet<QString> seen;

    // 1. Live files without a placement are recorded, in batches.
    QList<const LiveFile *> unknown;
    for (const LiveFile &f : files) {
        ++report->examined;
        if (seen.contains(f.key)) // a second file with the same unique part: left alone
            continue;
        seen.insert(f.key);
        if (auto p = m_catalog->placement(mailbox, f.key))
            work.append({&f, *p});
        else
            unknown.append(&f);
    }
    for (qsizetype at = 0; at < unknown.size(); at += kBatch) {
        if (stop && *stop) {
            report->interrupted = true;
            return false;
        }
        QList<Placement> batch;
        QList<BlobInfo> blobs;
        QHash<QString, Extracted> extracted; // new messages' words, read before the lock
        QStringList paths;
        QList<qint64> offsets; // of the original bytes in each file: after the prefix
        for (qsizetype i = at; i < std::min(unknown.size(), at + kBatch); ++i) {
            const LiveFile &f = *unknown.at(i);
            QFile file(f.path);
            if (!file.open(QIODevice::ReadOnly)) {
                if (!file.exists()) // read and moved meanwhile: the next run sees it
                    continue;
                return fail(u"cannot read %1: %2"_s.arg(f.path, file.errorString()));
            }
            Placement p;
            qint64 offset = 0;
            if (f.tandemName) {
                // The prefix is a few header lines; an X-Envelope-To: of many recipients
                // stays well within the first megabyte.
                const QByteArray head = file.read(1024 * 1024);
                offset = prefixLength(head);
                p.prefix = ToCrlf().feed(head.left(offset));
            }
            file.close();
            BlobInfo blob;
            bool created = false;
            if (!m_blobs->putStream(
                    f.path,
                    [&](const BlobStore::Sink &sink) {
                        return readOriginal(f.path, offset, sink, &error);
                    },
                    &blob, &created, &error))
                return fail(error);
            if (!extracted.contains(blob.sha256) && !m_catalog->isIndexed(blob.sha256)) {
                // The blob's very bytes (CRLF): what a later extraction from the store gives.
                QByteArray original;
                original.reserve(blob.size);
                if (!readOriginal(
                        f.path, offset,
                        [&](const char *data, qint64 size) {
                            original.append(data, size);
                            return true;
                        },
                        &error))
                    return fail(error);
                extracted.insert(blob.sha256, std::make_shared<const ExtractedMessage>(
                                                  extractMessage(original)));
            }
            p.mailbox = mailbox;
            p.folder = f.folder;
            p.key = f.key;
            p.deliveredTo = deliveredToOf(p.prefix);
            p.sha256 = blob.sha256;
            p.size = blob.size;
            p.filed = f.nameTime;
            batch.append(p);
            blobs.append(blob);
            paths.append(f.path);
            offsets.append(offset);
        }
        // Between reading the files and taking the write lock (tests act here for another run).
        if (!hook(u"recording"_s)) {
            report->interrupted = true;
            return false;
        }
        if (!m_blobs->sync(&error) || !begin(&error))
            return fail(error);
        for (qsizetype i = 0; i < batch.size(); ++i) {
            Placement &p = batch[i];
            bool inserted = false;
            // Under the write lock: another run's garbage collection may have removed a blob
            // this file's bytes found present.
            if (!m_blobs->exists(p.sha256)) {
                const qint64 offset = offsets.at(i);
                const QString path = paths.at(i);
                BlobInfo again;
                bool created = false;
                if (!m_blobs->putStream(
                        path,
                        [&](const BlobStore::Sink &sink) {
                            return readOriginal(path, offset, sink, &error);
                        },
                        &again, &created, &error) ||
                    !m_blobs->sync(&error)) {
                    abandon();
                    return fail(error);
                }
            }
            if (!m_catalog->addBlob(blobs.at(i), now(), &error) ||
                !m_catalog->insertPlacement(&p, &inserted, &error) ||
                (inserted && (!append(mailbox, kEventRecorded, p.key, p.sha256,
                                      u"size %1, folder %2, found in the Maildir"_s.arg(p.size).arg(
                                          p.folder.isEmpty() ? u"INBOX"_s : p.folder),
                                      &error) ||
                              !recordEnvelope(p, &error)))) {
                abandon();
                return fail(error);
            }
            report->recorded += inserted ? 1 : 0;
        }
        if (!indexNew(blobs, extracted, &error)) {
            abandon();
            return fail(error);
        }
        if (!finish(&error))
            return fail(error);
        for (const LiveFile *f : std::as_const(unknown).mid(at, kBatch)) {
            if (auto p = m_catalog->placement(mailbox, f->key))
                work.append({f, *p});
        }
        if (progress)
            progress(*report);
    }

    // 2. Placements without a live file that may expire: the archived ones, and live ones
    // whose file a mail client deleted (the archive keeps its copy until the rule ends it).
    if (expireAfter > 0) {
        for (const Placement &p : m_catalog->placements(mailbox)) {
            if (p.state != PlacementState::Expired && !seen.contains(p.key))
                work.append({nullptr, p});
        }
    }

    // 3. Archive and expire, batch by batch: the catalog first, then the files.
    const QString expireRule =
        u"expire_after %1"_s.arg(config::formatDuration(policy.expireAfterHours));
    const QDateTime t = now();
    for (qsizetype at = 0; at < work.size(); at += kBatch) {
        if (stop && *stop) {
            report->interrupted = true;
            return false;
        }
        QList<Action> actions;
        QList<Placement> updates;
        struct Entry {
            QString event, key, sha, detail;
        };
        QList<Entry> entries;
        QList<Placement> exports;
        RunReport counts;
        // Read again for each batch, and checked once more under the write lock below: a
        // hold set while the run works stops the next deletion.
        const bool held = isHeld(mailbox);
        for (qsizetype i = at; i < std::min(work.size(), at + kBatch); ++i) {
            const Work &w = work.at(i);
            Placement p = w.placement;
            const qint64 age = p.filed.secsTo(t);
            const bool expireDue = expireAfter > 0 && age >= expireAfter;
            const bool archiveDue = archiveAfter > 0 && age >= archiveAfter;
            if (w.file && p.state != PlacementState::Live) {
                // A run killed after its commit: the file's part is still to do.
                actions.append({Action::Unlink, w.file->path, root});
                continue;
            }
            if (expireDue && !held) {
                if (policy.onExpiry == config::ExpiryAction::Export) {
                    exports.append(p);
                    entries.append({kEventExpired, p.key, p.sha256,
                                    u"%1, exported to %2"_s.arg(expireRule, mboxPath)});
                    ++counts.exported;
                } else {
                    entries.append(
                        {kEventExpired, p.key, p.sha256, u"%1, deleted"_s.arg(expireRule)});
                }
                p.state = PlacementState::Expired;
                if (w.file) {
                    p.folder = w.file->folder;
                    p.flags = w.file->flags;
                    actions.append({Action::Unlink, w.file->path, root});
                }
                updates.append(p);
                ++counts.expired;
                continue;
            }
            // Held: kept from expiring, but archiving deletes nothing and goes on.
            if (expireDue)
                ++counts.keptOnHold;
            if (!archiveDue || !w.file)
                continue;
            switch (policy.destination) {
            case config::ArchiveDestination::Store:
                p.state = PlacementState::Archived;
                p.archived = t;
                p.folder = w.file->folder;
                p.flags = w.file->flags;
                updates.append(p);
                entries.append({kEventArchived, p.key, p.sha256, kToStore});
                actions.append({Action::Unlink, w.file->path, root});
                ++counts.archived;
                break;
            case config::ArchiveDestination::Folder:
                if (w.file->folder == kArchiveFolder)
                    break;
                if (p.folder != kArchiveFolder) {
                    p.folder = kArchiveFolder;
                    p.flags = w.file->flags;
                    updates.append(p);
                    entries.append({kEventArchived, p.key, p.sha256, kToFolder});
                    ++counts.movedToFolder;
                }
                actions.append({Action::MoveToArchive, w.file->path, root});
                break;
            case config::ArchiveDestination::Delete:
                if (held) {
                    counts.keptOnHold += expireDue ? 0 : 1;
                    break;
                }
                p.state = PlacementState::Expired;
                p.archived = t;
                p.folder = w.file->folder;
                p.flags = w.file->flags;
                updates.append(p);
                entries.append({kEventArchived, p.key, p.sha256, kDeletedInstead});
                actions.append({Action::Unlink, w.file->path, root});
                ++counts.deleted;
                break;
            }
        }

        // Expired mail to export: the mbox's size is noted first (the export journal), so
        // that a run killed after writing and before marking cuts it back and exports once.
        if (!exports.isEmpty()) {
            if (!fsutil::ensureDirectory(exportDir, &error))
                return fail(error);
            fsutil::Fd fd(::open(QFile::encodeName(mboxPath).constData(),
                                 O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0640));
            struct stat st;
            if (!fd.isValid() || ::fstat(fd.get(), &st) != 0)
                return fail(u"cannot open %1: %2"_s.arg(mboxPath, fsutil::errnoText(errno)));
            if (!begin(&error) ||
                !m_catalog->setMeta(u"export:"_s + mailbox,
                                    QString::number(st.st_size) + u'\t' + mboxPath, &error) ||
                !finish(&error)) {
                abandon();
                return fail(error);
            }
            MboxWriter writer;
            for (const Placement &p : std::as_const(exports)) {
                if (!writeMessage(p, &writer, &fd, &error))
                    return fail(u"cannot export to %1: %2"_s.arg(mboxPath, error));
            }
            if (!fsutil::fsyncFd(fd.get(), &error) || !fd.close(&error))
                return fail(u"%1: %2"_s.arg(mboxPath, error));
            if (!hook(u"exported"_s)) {
                report->interrupted = true;
                return false;
            }
        }

        if (!updates.isEmpty() || !exports.isEmpty()) {
            if (!begin(&error))
                return fail(error);
            const bool deletes = std::any_of(updates.cbegin(), updates.cend(), [](const auto &p) {
                return p.state == PlacementState::Expired;
            });
            if (deletes && !held && isHeld(mailbox)) {
                // Held since the batch was decided: undo its export and decide it again.
                abandon();
                if (!recoverExport(mailbox, &error))
                    return fail(error);
                at -= kBatch;
                continue;
            }
            for (const Placement &p : std::as_const(updates)) {
                if (!m_catalog->updatePlacement(p, &error)) {
                    abandon();
                    return fail(error);
                }
            }
            for (const Entry &e : std::as_const(entries)) {
                if (!append(mailbox, e.event, e.key, e.sha, e.detail, &error)) {
                    abandon();
                    return fail(error);
                }
            }
            if ((!exports.isEmpty() && !m_catalog->setMeta(u"export:"_s + mailbox, {}, &error)) ||
                !finish(&error)) {
                abandon();
                return fail(error);
            }
        }
        if (!hook(u"committed"_s)) {
            report->interrupted = true;
            return false;
        }

        // The files' part: unlink, or move into .Archive/cur keeping the name.
        QSet<QString> dirs;
        for (const Action &a : std::as_const(actions)) {
            const QFileInfo info(a.path);
            dirs.insert(info.absolutePath());
            if (a.fileOp == Action::Unlink) {
                if (!unlinkFile(a.path, &error))
                    return fail(error);
            } else if (a.fileOp == Action::MoveToArchive) {
                const QString target = a.mailboxRoot + u"/.Archive/cur/"_s + info.fileName();
                if (!fsutil::ensureDirectory(a.mailboxRoot + u"/.Archive/cur"_s, &error))
                    return fail(error);
                if (::rename(QFile::encodeName(a.path).constData(),
                             QFile::encodeName(target).constData()) != 0 &&
                    errno != ENOENT)
                    return fail(u"cannot move %1 to %2: %3"_s.arg(a.path, target,
                                                                  fsutil::errnoText(errno)));
                dirs.insert(QFileInfo(target).absolutePath());
            }
        }
        for (const QString &d : std::as_const(dirs)) {
            if (!fsutil::fsyncDirectory(d, &error))
                return fail(error);
        }
        report->archived += counts.archived;
        report->movedToFolder += counts.movedToFolder;
        report->deleted += counts.deleted;
        report->expired += counts.expired;
        report->exported += counts.exported;
        report->keptOnHold += counts.keptOnHold;
        if (progress)
            progress(*report);
    }
    return true;
}

// The only place a blob is ever deleted: when no live or archived placement uses it. Done under
// the write lock, so a copy being filed meanwhile sees it gone and stores it again; a batch per
// transaction, each message's index rows with it. FTS5 deletes a row by the values it was made
// of: each message is extracted again before the lock, and checked again under it (a copy
// filed meanwhile may use it again).
bool ArchiveImpl::collectGarbage(RunReport *report, QString *error)
{
    const QStringList unused = m_catalog->unreferencedBlobs();
    for (qsizetype at = 0; at < unused.size(); at += kIndexBatch) {
        const QStringList batch = unused.mid(at, kIndexBatch);
        QHash<QString, Extracted> extracted;
        for (const QString &sha : batch) {
            QString ignored;
            if (m_catalog->isIndexed(sha))
                extracted.insert(sha, extractBlob(sha, &ignored));
        }
        if (!begin(error))
            return false;
        const QStringList stillUnused = m_catalog->unreferencedBlobs();
        const QSet<QString> still(stillUnused.cbegin(), stillUnused.cend());
        for (const QString &sha : batch) {
            if (!still.contains(sha))
                continue;
            QString ignored;
            // Unreadable: its words stay behind, under an id no message gets again.
            const Extracted message = extracted.contains(sha)     ? extracted.value(sha)
                                      : m_catalog->isIndexed(sha) ? extractBlob(sha, &ignored)
                                                                  : nullptr;
            if (!m_catalog->unindexMessage(sha, message.get(), error) ||
                !m_blobs->remove(sha, error) || !m_catalog->removeBlob(sha, now(), error)) {
                abandon();
                return false;
            }
            ++report->blobsRemoved;
        }
        if (!m_blobs->sync(error)) {
            abandon();
            return false;
        }
        if (!finish(error))
            return false;
    }
    if (!begin(error))
        return false;
    // Orphans of a crash between writing a blob and committing its catalog rows.
    QSet<QString> known;
    for (const BlobInfo &b : m_catalog->blobs())
        known.insert(b.sha256);
    const QDateTime old = QDateTime::currentDateTimeUtc().addSecs(-kOrphanGraceSecs);
    for (const BlobStore::Entry &e : m_blobs->list(error)) {
        if (!known.contains(e.sha256) && e.written < old && !m_blobs->remove(e.sha256, error)) {
            abandon();
            return false;
        }
    }
    if (!m_blobs->removeStaleTemporaries(old, error) || !m_blobs->sync(error)) {
        abandon();
        return false;
    }
    return finish(error);
}

ArchiveImpl::Extracted ArchiveImpl::extractBlob(const QString &sha, QString *error) const
{
    const auto bytes = m_blobs->read(sha, error);
    if (!bytes)
        return nullptr;
    return std::make_shared<const ExtractedMessage>(extractMessage(*bytes));
}

bool ArchiveImpl::recordEnvelope(const Placement &p, QString *error)
{
    const auto from = envelopeSender(p.prefix);
    return !from || m_catalog->setEnvelope(p.id, *from, error);
}

bool ArchiveImpl::indexNew(const QList<BlobInfo> &blobs, const QHash<QString, Extracted> &extracted,
                           QString *error)
{
    QSet<QString> done;
    for (const BlobInfo &b : blobs) {
        if (done.contains(b.sha256) || m_catalog->isIndexed(b.sha256))
            continue;
        done.insert(b.sha256);
        Extracted message = extracted.value(b.sha256);
        if (!message)
            message = extractBlob(b.sha256, error);
        if (!message || !m_catalog->indexMessage(b.sha256, *message, b.size, now(), error))
            return false;
    }
    return true;
}

bool ArchiveImpl::indexMissing(const std::atomic_bool *stop, ReindexReport *report,
                               const ReindexProgress &progress)
{
    const QStringList todo = m_catalog->unindexedBlobs();
    report->messages += todo.size();
    // The next batch is read, decompressed and decoded on a thread of its own while this one
    // is indexed (SQLite's three fifths of the time): the blob store and the MIME reading
    // share nothing between threads; the catalog stays on this one.
    struct Read {
        QString sha;
        Extracted message;
        QString error;
    };
    const auto readBatch = [this](const QStringList &shas) {
        std::vector<Read> out;
        for (const QString &sha : shas) {
            Read r{sha, nullptr, {}};
            r.message = extractBlob(sha, &r.error);
            out.push_back(std::move(r));
        }
        return out;
    };
    std::future<std::vector<Read>> next =
        std::async(std::launch::async, readBatch, todo.mid(0, kIndexBatch));
    for (qsizetype at = 0; at < todo.size(); at += kIndexBatch) {
        if (stop && *stop) {
            report->interrupted = true;
            return false; // next's destructor waits for its thread
        }
        const std::vector<Read> read = next.get();
        if (at + kIndexBatch < todo.size())
            next =
                std::async(std::launch::async, readBatch, todo.mid(at + kIndexBatch, kIndexBatch));
        QList<BlobInfo> blobs;
        QHash<QString, Extracted> extracted;
        for (const Read &r : read) {
            const auto info = m_catalog->blob(r.sha);
            if (!info)
                continue; // removed meanwhile
            if (!r.message) {
                report->errors.append(u"message %1 cannot be read: %2"_s.arg(r.sha, r.error));
                continue;
            }
            blobs.append(*info);
            extracted.insert(r.sha, r.message);
        }
        QString error;
        if (!begin(&error)) {
            report->errors.append(error);
            return false;
        }
        // Removed since it was read: nothing to index.
        QList<BlobInfo> present;
        for (const BlobInfo &b : std::as_const(blobs)) {
            if (m_catalog->blob(b.sha256))
                present.append(b);
        }
        const qint64 before = m_catalog->indexedCount();
        if (!indexNew(present, extracted, &error) || !finish(&error)) {
            abandon();
            report->errors.append(error);
            return false;
        }
        report->indexed += m_catalog->indexedCount() - before;
        if (progress)
            progress(*report);
    }
    return true;
}

ReindexReport ArchiveImpl::reindex(const ReindexProgress &progress, const std::atomic_bool *stop)
{
    ReindexReport report;
    QString error;
    if (!begin(&error) || !m_catalog->clearIndex(&error) || !finish(&error)) {
        abandon();
        report.errors.append(error);
        return report;
    }
    // The envelope senders, from each placement's prefix: a mailbox per transaction.
    for (const QString &mailbox : m_catalog->placementMailboxes()) {
        if (stop && *stop) {
            report.interrupted = true;
            return report;
        }
        if (!begin(&error)) {
            report.errors.append(error);
            return report;
        }
        for (const Placement &p : m_catalog->placements(mailbox)) {
            const auto from = envelopeSender(p.prefix);
            if (from && !m_catalog->setEnvelope(p.id, *from, &error)) {
                abandon();
                report.errors.append(error);
                return report;
            }
            report.envelopes += from ? 1 : 0;
        }
        if (!finish(&error)) {
            report.errors.append(error);
            return report;
        }
    }
    indexMissing(stop, &report, progress);
    return report;
}

HeadsLog readHeadsLog(const QString &path, qint64 lastTxn)
{
    HeadsLog log;
    QFile file(path);
    log.readable = file.open(QIODevice::ReadOnly);
    while (log.readable && !file.atEnd()) {
        const QList<QByteArray> parts = file.readLine().chopped(1).split(' ');
        if (parts.size() >= 2 && parts.at(1).toLongLong() > lastTxn) {
            continue; // committed after the snapshot verify reads
        } else if (parts.size() == 2 && parts.at(0) == "C") {
            log.committed.insert(parts.at(1).toLongLong());
        } else if (parts.size() == 5 && parts.at(0) == "H") {
            const QString mailbox = QUrl::fromPercentEncoding(parts.at(4));
            log.heads[mailbox].insert(parts.at(1).toLongLong(),
                                      {parts.at(2).toLongLong(), QString::fromLatin1(parts.at(3))});
        }
    }
    return log;
}

void ArchiveImpl::verifyChain(const QString &mailbox, const HeadsLog &log,
                              VerifyReport *report) const
{
    auto problem = [&](const QString &what, const QString &detail) {
        report->problems.append({mailbox, what, detail});
    };
    const QList<LedgerEntry> entries = m_catalog->entries(mailbox);
    qint64 expected = 1;
    QString prev;
    for (qsizetype i = 0; i < entries.size(); ++i) {
        const LedgerEntry &e = entries.at(i);
        ++report->entriesChecked;
        if (e.seq > expected)
            problem(u"entry missing"_s,
                    u"entries %1 to %2 are missing"_s.arg(expected).arg(e.seq - 1));
        const bool selfOk = entryHash(e, e.seq) == e.hash;
        if (!selfOk) {
            // Written under another number: moved from its place. Swaps are near each other;
            // further away it reads as modified.
            bool moved = false;
            for (qint64 s = std::max<qint64>(1, e.seq - 64); s <= e.seq + 64 && !moved; ++s)
                moved = s != e.seq && entryHash(e, s) == e.hash;
            problem(moved ? u"entry reordered"_s : u"entry modified"_s,
                    u"entry %1 (%2 %3)"_s.arg(e.seq).arg(e.event, e.key));
        } else if (e.prevHash != prev && e.seq == expected) {
            problem(
                u"entry modified"_s,
                u"entry %1 does not follow entry %2 (its predecessor was changed)"_s.arg(e.seq).arg(
                    e.seq - 1));
        }
        prev = e.hash;
        expected = e.seq + 1;
    }
    const qint64 lastSeq = entries.isEmpty() ? 0 : entries.last().seq;
    const QString lastHash = entries.isEmpty() ? QString() : entries.last().hash;
    auto checkHead = [&](const QString &source, qint64 seq, const QString &hash) {
        if (seq == lastSeq && hash == lastHash)
            return;
        if (seq < lastSeq) {
            for (const LedgerEntry &e : entries) {
                if (e.seq == seq && e.hash == hash) {
                    problem(
                        u"entry added"_s,
                        u"%1 names entry %2; the chain goes on to %3"_s.arg(source).arg(seq).arg(
                            lastSeq));
                    return;
                }
            }
        }
        problem(u"head mismatch"_s,
                u"%1 names entry %2 (%3); the chain ends at entry %4 (%5)"_s.arg(source)
                    .arg(seq)
                    .arg(hash.left(16))
                    .arg(lastSeq)
                    .arg(lastHash.left(16)));
    };
    const auto head = m_catalog->head(mailbox);
    checkHead(u"the heads table"_s, head ? head->seq : 0, head ? head->hash : QString());

    // ledger-heads.log: the last head of a committed transaction, or a newer one whose commit
    // mark a crash kept from being written.
    if (!log.readable) {
        if (lastSeq > 0)
            problem(u"head mismatch"_s, u"cannot read %1"_s.arg(m_headsLog));
        return;
    }
    const auto byTxn = log.heads.value(mailbox);
    const QSet<qint64> &committed = log.committed;
    qint64 lastCommitted = -1;
    qint64 lastAny = -1;
    for (auto it = byTxn.cbegin(); it != byTxn.cend(); ++it) {
        lastAny = std::max(lastAny, it.key());
        if (committed.contains(it.key()))
            lastCommitted = std::max(lastCommitted, it.key());
    }
    if (lastAny < 0) {
        if (lastSeq > 0)
            problem(u"head mismatch"_s, u"%1 names no head for this chain"_s.arg(m_headsLog));
        return;
    }
    const auto pending = byTxn.value(lastAny);
    if (lastAny != lastCommitted && pending.first == lastSeq && pending.second == lastHash)
        return;
    const auto logged = lastCommitted >= 0 ? byTxn.value(lastCommitted) : pending;
    checkHead(m_headsLog, logged.first, logged.second);
}

// Each placement must be what its entries say: the blob and size it was filed with, and the
// state its archived/expired entries led to.
void ArchiveImpl::verifyPlacements(const QString &mailbox, VerifyReport *report) const
{
    struct Replay {
        QString sha;
        qint64 size = -1;
        PlacementState state = PlacementState::Live;
        bool filed = false;
    };
    QHash<QString, Replay> byKey;
    for (const LedgerEntry &e : m_catalog->entries(mailbox)) {
        if (e.key.isEmpty())
            continue;
        Replay &r = byKey[e.key];
        // A copy back files a new live copy of a stored message, as delivery does; an import
        // an archived one.
        if (e.event == kEventFiled || e.event == kEventRecorded || e.event == kEventCopiedBack ||
            e.event == kEventImported) {
            r.filed = true;
            r.sha = e.sha256;
            static const QRegularExpression size(u"^size (\\d+)"_s);
            const auto m = size.match(e.detail);
            r.size = m.hasMatch() ? m.captured(1).toLongLong() : -1;
            if (e.event == kEventImported) // straight into the store
                r.state = PlacementState::Archived;
        } else if (e.event == kEventArchived) {
            r.state = e.detail == kToStore          ? PlacementState::Archived
                      : e.detail == kDeletedInstead ? PlacementState::Expired
                                                    : r.state;
        } else if (e.event == kEventExpired) {
            r.state = PlacementState::Expired;
        }
    }
    for (const Placement &p : m_catalog->placements(mailbox)) {
        const auto it = byKey.constFind(p.key);
        QString wrong;
        if (it == byKey.cend() || !it->filed)
            wrong = u"no entry records it as filed"_s;
        else if (it->sha != p.sha256)
            wrong = u"its blob is %1, its entry says %2"_s.arg(p.sha256, it->sha);
        else if (it->size != p.size)
            wrong = u"its size is %1, its entry says %2"_s.arg(p.size).arg(it->size);
        else if (it->state != p.state)
            wrong = u"it is %1, its entries say %2"_s.arg(toString(p.state), toString(it->state));
        if (!wrong.isEmpty())
            report->problems.append(
                {mailbox, u"placement modified"_s, u"placement %1: %2"_s.arg(p.key, wrong)});
        byKey.remove(p.key);
    }
    for (auto it = byKey.cbegin(); it != byKey.cend(); ++it) {
        if (it->filed)
            report->problems.append(
                {mailbox, u"placement modified"_s,
                 u"placement %1 is in the ledger, not in the catalog"_s.arg(it.key())});
    }
}

VerifyReport ArchiveImpl::verify(const QString &onlyMailbox)
{
    VerifyReport report;
    // One snapshot of the catalog for the whole check: the dispatcher goes on committing
    // meanwhile, and a chain read before a commit and its head after would not agree.
    QString readError;
    if (!m_catalog->beginRead(&readError)) {
        report.problems.append({QString(), u"catalog unreadable"_s, readError});
        return report;
    }
    // The last transaction in the snapshot: later ones in ledger-heads.log are not in it.
    const qint64 snapshotTxn = m_catalog->meta(u"txn"_s).toLongLong();
    QStringList mailboxes = m_catalog->ledgerMailboxes();
    for (const QString &m : m_catalog->placementMailboxes()) {
        if (!mailboxes.contains(m))
            mailboxes.append(m);
    }
    if (!onlyMailbox.isEmpty())
        mailboxes = {onlyMailbox};

    // Blobs: each one a placement uses, decompressed and hashed again.
    QHash<QString, QStringList> users; // sha -> mailboxes
    for (const QString &m : std::as_const(mailboxes)) {
        for (const Placement &p : m_catalog->placements(m)) {
            if (p.state != PlacementState::Expired && !users.value(p.sha256).contains(m))
                users[p.sha256].append(m);
        }
    }
    QSet<QString> known;
    for (const BlobInfo &b : m_catalog->blobs())
        known.insert(b.sha256);
    for (auto it = users.cbegin(); it != users.cend(); ++it) {
        const QString &sha = it.key();
        ++report.blobsChecked;
        QString what;
        QString detail;
        const auto info = m_catalog->blob(sha);
        if (!m_blobs->exists(sha)) {
            what = u"blob missing"_s;
            detail = m_blobs->locationOf(sha);
        } else {
            QString actual;
            qint64 size = 0;
            QString error;
            if (!m_blobs->rehash(sha, &actual, &size, &error)) {
                what = u"blob modified"_s;
                detail = error;
            } else if (actual != sha || (info && info->size != size)) {
                what = u"blob modified"_s;
                detail =
                    u"%1 holds bytes whose SHA-256 is %2"_s.arg(m_blobs->locationOf(sha), actual);
            } else if (!info) {
                what = u"placement modified"_s;
                detail = u"blob %1 is used but not in the catalog"_s.arg(sha);
            }
        }
        if (!what.isEmpty()) {
            for (const QString &m : it.value())
                report.problems.append({m, what, detail});
        }
    }
    if (onlyMailbox.isEmpty()) {
        QString error;
        const QDateTime old = QDateTime::currentDateTimeUtc().addSecs(-kOrphanGraceSecs);
        for (const BlobStore::Entry &e : m_blobs->list(&error)) {
            if (known.contains(e.sha256))
                continue;
            // A file whose bytes are not what its name says was put there by hand, however
            // young; one that is may be a batch about to be committed, until it is an hour old.
            QString actual;
            qint64 size = 0;
            QString readError;
            const bool genuine = e.location == m_blobs->locationOf(e.sha256) &&
                                 m_blobs->rehash(e.sha256, &actual, &size, &readError) &&
                                 actual == e.sha256;
            if (!genuine || e.written < old)
                report.problems.append(
                    {QString(), u"blob added"_s,
                     genuine ? e.location
                             : u"%1 (its bytes do not match its name)"_s.arg(e.location)});
        }
    }
    // Read after the snapshot began, so that it names every transaction the snapshot holds.
    const HeadsLog headsLog = readHeadsLog(m_headsLog, snapshotTxn);
    for (const QString &m : std::as_const(mailboxes)) {
        verifyChain(m, headsLog, &report);
        verifyPlacements(m, &report);
    }
    m_catalog->endRead();

    // The result, per mailbox and for the whole store, for the console and status.
    QString error;
    const QString when = timeText(now());
    auto firstProblem = [&](const QString &mailbox) {
        for (const VerifyProblem &p : std::as_const(report.problems)) {
            if (mailbox.isNull() || p.mailbox == mailbox)
                return u"%1: %2"_s.arg(p.what, p.detail);
        }
        return u"clean"_s;
    };
    bool ok = begin(&error);
    for (const QString &m : std::as_const(mailboxes)) {
        ok = ok && m_catalog->setMeta(u"last_verify:"_s + m, when, &error) &&
             m_catalog->setMeta(u"last_verify_result:"_s + m, firstProblem(m), &error);
    }
    if (onlyMailbox.isEmpty()) {
        ok = ok && m_catalog->setMeta(u"last_verify"_s, when, &error) &&
             m_catalog->setMeta(u"last_verify_result"_s, firstProblem(QString()), &error);
    }
    if (!ok || !finish(&error))
        abandon();
    return report;
}

Status ArchiveImpl::status() const
{
    Status s;
    const Catalog::BlobTotals blobs = m_catalog->blobTotals();
    s.blobs = blobs.count;
    s.blobBytes = blobs.storedSize;
    s.originalBytes = blobs.size;
    s.indexed = m_catalog->indexedCount();
    s.indexOutdated = m_catalog->meta(u"index_extractor"_s) != QString::number(kExtractorVersion) ||
                      !m_catalog->meta(u"index_left_behind"_s).isEmpty();
    const QList<Hold> holds = m_catalog->holds();
    for (const Hold &h : holds) {
        if (h.mailbox.isEmpty())
            s.archiveHold = h;
    }
    auto timeOf = [&](const QString &key) {
        return QDateTime::fromString(m_catalog->meta(key), Qt::ISODateWithMs);
    };
    s.lastRun = timeOf(u"last_run"_s);
    s.lastVerified = timeOf(u"last_verify"_s);
    const QString result = m_catalog->meta(u"last_verify_result"_s);
    s.lastVerifyOk = result.isEmpty() || result == u"clean"_s;
    for (MailboxFigures f : m_catalog->figures()) {
        s.placements += f.liveMessages + f.archivedMessages + f.expiredMessages;
        f.hold = hold(f.mailbox);
        f.lastRun = timeOf(u"last_run:"_s + f.mailbox);
        f.lastVerified = timeOf(u"last_verify:"_s + f.mailbox);
        f.lastVerifyText = m_catalog->meta(u"last_verify_result:"_s + f.mailbox);
        f.lastVerifyOk = f.lastVerifyText.isEmpty() || f.lastVerifyText == u"clean"_s;
        s.mailboxes.append(f);
    }
    return s;
}

QString ArchiveImpl::headsDigest() const
{
    QString text;
    for (const ChainHead &h : m_catalog->heads())
        text +=
            u"%1 %2 %3\n"_s.arg(h.mailbox.isEmpty() ? u"*"_s : h.mailbox).arg(h.seq).arg(h.hash);
    const QByteArray digest =
        QCryptographicHash::hash(text.toUtf8(), QCryptographicHash::Sha256).toHex();
    return text + u"sha256 "_s + QString::fromLatin1(digest) + u'\n';
}

// Search, preview, copy back and export (docs/archive.md "Searching", "Copy back and export").

QList<SearchHit> ArchiveImpl::search(const QString &query, const SearchSort &sort,
                                     const SearchHit *after, int limit, QString *error) const
{
    QueryError bad;
    const auto compiled = compileQuery(query, &bad);
    if (!compiled) {
        *error = bad.toString();
        return {};
    }
    return m_catalog->search(*compiled, sort, after, limit, error);
}

qint64 ArchiveImpl::countMatches(const QString &query, QString *error, qint64 *messages) const
{
    QueryError bad;
    const auto compiled = compileQuery(query, &bad);
    if (!compiled) {
        *error = bad.toString();
        return -1;
    }
    return m_catalog->countMatches(*compiled, error, messages);
}

std::optional<MessageDetails> ArchiveImpl::details(qint64 placementId, QString *error) const
{
    const QList<SearchHit> hits =
        m_catalog->search({u"p.id = ?1"_s, {placementId}, {}}, {}, nullptr, 1, error);
    if (hits.isEmpty()) {
        if (error->isEmpty())
            *error = u"no placement %1 is in the search index"_s.arg(placementId);
        return std::nullopt;
    }
    MessageDetails d;
    d.hit = hits.first();
    SearchSort byId;
    byId.ascending = true; // the copies of one message share its date: in the order filed
    d.copies = m_catalog->search({u"p.sha = ?1"_s, {d.hit.sha256}, {}}, byId, nullptr, -1, error);
    if (!error->isEmpty())
        return std::nullopt;
    QString readError;
    const std::optional<QByteArray> bytes = m_blobs->read(d.hit.sha256, &readError);
    if (!bytes) {
        if (d.hit.state != toString(PlacementState::Expired)) {
            *error = u"placement %1: %2"_s.arg(placementId).arg(readError);
            return std::nullopt;
        }
        d.stored = false; // expired and removed: what the index kept
        d.message.subject = d.hit.subject;
        d.message.from.append({d.hit.fromAddr, d.hit.fromName});
        if (d.hit.date.isValid())
            d.message.date = d.hit.date.toSecsSinceEpoch();
        d.message.messageId = d.hit.messageId;
        return d;
    }
    d.message = extractMessage(*bytes);
    qsizetype end = bytes->indexOf("\r\n\r\n");
    end = end >= 0 ? end + 2 : bytes->indexOf("\n\n");
    d.headerBlock = end >= 0 ? bytes->left(end + (bytes->at(end - 1) == '\n' ? 0 : 1)) : *bytes;
    return d;
}

std::optional<Placement> ArchiveImpl::copyBack(qint64 placementId, mailbox::MailboxStore &mailboxes,
                                               const QString &toMailbox, CopyBackFolder folder,
                                               const QString &who, QString *error)
{
    const std::optional<Placement> original = m_catalog->placementById(placementId);
    if (!original) {
        *error = u"no placement %1"_s.arg(placementId);
        return std::nullopt;
    }
    if (original->state == PlacementState::Expired) {
        *error = u"placement %1 has expired: its message is no longer kept"_s.arg(placementId);
        return std::nullopt;
    }
    const qsizetype at = toMailbox.lastIndexOf(u'@');
    if (at <= 0) {
        *error = u"%1 is not a mailbox (local@domain)"_s.arg(toMailbox);
        return std::nullopt;
    }
    // The stored original to a file in the archive's own folder, which the mailbox store
    // copies as delivery copies a spooled message.
    const QString tmpDir = m_dir + u"/tmp"_s;
    if (!QDir().mkpath(tmpDir)) {
        *error = u"cannot create %1"_s.arg(tmpDir);
        return std::nullopt;
    }
    const QDateTime time = now();
    mailbox::DeliveryRequest r;
    r.localPart = toMailbox.left(at);
    r.domain = toMailbox.mid(at + 1);
    r.folder = folder == CopyBackFolder::Restored ? u"Restored"_s : QString();
    r.create = true;
    // The new copy's key in its mailbox (the file name's unique part): copying the same
    // placement twice makes two copies, as asked.
    r.uniqueBase = u"C%1P%2"_s.arg(time.toMSecsSinceEpoch()).arg(placementId);
    r.time = time;
    r.prefix = original->prefix; // the same Return-Path: and Delivered-To: as the original
    r.sourcePath = tmpDir + u'/' + r.uniqueBase;
    {
        fsutil::Fd fd(::open(QFile::encodeName(r.sourcePath).constData(),
                             O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600));
        if (!fd.isValid()) {
            *error = u"cannot create %1: %2"_s.arg(r.sourcePath, fsutil::errnoText(errno));
            return std::nullopt;
        }
        QString writeError;
        const bool ok = m_blobs->readChunks(
            original->sha256,
            [&](const QByteArray &chunk) {
                return fd.writeAll(chunk.constData(), chunk.size(), &writeError);
            },
            error);
        if (!ok || !fd.close(error)) {
            if (!writeError.isEmpty())
                *error = writeError;
            *error = u"placement %1: %2"_s.arg(placementId).arg(*error);
            ::unlink(QFile::encodeName(r.sourcePath).constData());
            return std::nullopt;
        }
    }
    QString fileName;
    const mailbox::DeliveryOutcome outcome = mailboxes.deliver(r, &fileName, error);
    ::unlink(QFile::encodeName(r.sourcePath).constData());
    if (outcome != mailbox::DeliveryOutcome::Stored &&
        outcome != mailbox::DeliveryOutcome::AlreadyStored) {
        if (outcome == mailbox::DeliveryOutcome::NoMailbox)
            *error = u"mailbox %1 does not exist"_s.arg(toMailbox);
        *error = u"cannot copy placement %1 to %2: %3"_s.arg(placementId).arg(toMailbox, *error);
        return std::nullopt;
    }
    // Filed like delivered mail; a crash before the commit leaves a live file without its
    // placement, which the next maintenance run records.
    Placement p;
    p.mailbox = toMailbox;
    p.folder = r.folder;
    p.key = r.uniqueBase;
    p.deliveredTo = original->deliveredTo;
    p.prefix = original->prefix;
    p.sha256 = original->sha256;
    p.size = original->size;
    p.filed = time;
    bool inserted = false;
    if (!begin(error) || !m_catalog->insertPlacement(&p, &inserted, error) ||
        !append(p.mailbox, kEventCopiedBack, p.key, p.sha256,
                u"size %1, folder %2, from %3 %4 (placement %5), by %6"_s.arg(p.size)
                    .arg(p.folder.isEmpty() ? u"INBOX"_s : p.folder, original->mailbox,
                         original->folder.isEmpty() ? u"INBOX"_s : original->folder)
                    .arg(placementId)
                    .arg(who),
                error) ||
        !recordEnvelope(p, error)) {
        abandon();
        return std::nullopt;
    }
    if (!finish(error))
        return std::nullopt;
    return p;
}

namespace {

// The finished temporary file under its name, the name on disk.
bool putInPlace(const QString &tmp, const QString &path, QString *error)
{
    if (::rename(QFile::encodeName(tmp).constData(), QFile::encodeName(path).constData()) != 0) {
        *error = u"cannot write %1: %2"_s.arg(path, fsutil::errnoText(errno));
        return false;
    }
    return fsutil::fsyncDirectory(QFileInfo(path).absolutePath(), error);
}

// Writes an export's messages: one mbox or zip file (made under a temporary name, renamed when
// complete), or a folder of .eml files.
class ExportSink {
public:
    virtual ~ExportSink() = default;
    // Starts a message; then its bytes in chunks; then end. Any false: *error says why.
    virtual bool begin(const Placement &p, const QString &name, QString *error) = 0;
    virtual bool write(const QByteArray &chunk, QString *error) = 0;
    virtual bool end(QString *error) = 0;
    // Makes it durable and visible under its name; abandon() removes what a file export wrote.
    virtual bool finish(QString *error) = 0;
    virtual void abandon() = 0;
    // A message that failed part way is taken out again where the format allows; false when
    // the whole file is spoiled (a zip entry cannot be taken back).
    virtual bool dropCurrent() = 0;
};

class MboxSink : public ExportSink {
public:
    MboxSink(QString path)
        : m_path(std::move(path))
        , m_tmp(m_path + u".tmp"_s)
    {}
    bool open(QString *error)
    {
        m_fd = fsutil::Fd(::open(QFile::encodeName(m_tmp).constData(),
                                 O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0640));
        if (!m_fd.isValid())
            *error = u"cannot create %1: %2"_s.arg(m_tmp, fsutil::errnoText(errno));
        return m_fd.isValid();
    }
    bool begin(const Placement &p, const QString &, QString *) override
    {
        m_start = m_written;
        m_writer.begin(p.filed);
        m_writer.feed(p.prefix); // which copy it is: its envelope sender and recipient
        return true;
    }
    bool write(const QByteArray &chunk, QString *error) override
    {
        m_writer.feed(chunk);
        return flush(error);
    }
    bool end(QString *error) override
    {
        m_writer.end();
        return flush(error);
    }
    bool finish(QString *error) override
    {
        if (!flush(error) || !fsutil::fsyncFd(m_fd.get(), error) || !m_fd.close(error))
            return false;
        return putInPlace(m_tmp, m_path, error);
    }
    void abandon() override
    {
        QString ignored;
        m_fd.close(&ignored);
        ::unlink(QFile::encodeName(m_tmp).constData());
    }
    bool dropCurrent() override
    {
        m_writer.take();
        m_writer = MboxWriter();
        m_written = m_start;
        return ::ftruncate(m_fd.get(), m_start) == 0 && ::lseek(m_fd.get(), m_start, SEEK_SET) >= 0;
    }

private:
    bool flush(QString *error)
    {
        const QByteArray out = m_writer.take();
        m_buffer += out;
        if (m_buffer.size() < (1 << 20) && !out.isEmpty())
            return true;
        if (!m_fd.writeAll(m_buffer.constData(), m_buffer.size(), error))
            return false;
        m_written += m_buffer.size();
        m_buffer.clear();
        return true;
    }

    QString m_path;
    QString m_tmp;
    fsutil::Fd m_fd;
    MboxWriter m_writer;
    QByteArray m_buffer; // written a MiB at a time
    qint64 m_written = 0;
    qint64 m_start = 0;
};

class EmlSink : public ExportSink {
public:
    EmlSink(QString dir)
        : m_dir(std::move(dir))
    {}
    bool open(QString *error)
    {
        if (!QDir().mkpath(m_dir)) {
            *error = u"cannot create the folder %1"_s.arg(m_dir);
            return false;
        }
        return true;
    }
    bool begin(const Placement &, const QString &name, QString *error) override
    {
        m_current = m_dir + u'/' + name;
        m_fd = fsutil::Fd(::open(QFile::encodeName(m_current).constData(),
                                 O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0640));
        if (!m_fd.isValid())
            *error = u"cannot create %1: %2"_s.arg(m_current, fsutil::errnoText(errno));
        return m_fd.isValid();
    }
    bool write(const QByteArray &chunk, QString *error) override
    {
        return m_fd.writeAll(chunk.constData(), chunk.size(), error);
    }
    bool end(QString *error) override { return m_fd.close(error); }
    // One flush for the whole folder: the files' data and names (syncfs, as the blob store).
    bool finish(QString *error) override { return fsutil::syncFileSystemOf(m_dir, error); }
    void abandon() override {}
    bool dropCurrent() override
    {
        QString ignored;
        m_fd.close(&ignored);
        return ::unlink(QFile::encodeName(m_current).constData()) == 0 || errno == ENOENT;
    }

private:
    QString m_dir;
    QString m_current;
    fsutil::Fd m_fd;
};

class ZipSink : public ExportSink {
public:
    ZipSink(QString path)
        : m_path(std::move(path))
        , m_tmp(m_path + u".tmp"_s)
    {}
    ~ZipSink() override
    {
        if (m_zip)
            m_lib->free(m_zip);
    }
    bool open(QString *error)
    {
        m_lib = libArchive(error);
        if (!m_lib)
            return false;
        m_zip = m_lib->writeNew();
        if (!m_zip || m_lib->setFormatZip(m_zip) != ARCHIVE_OK ||
            m_lib->openFilename(m_zip, QFile::encodeName(m_tmp).constData()) != ARCHIVE_OK) {
            *error = u"cannot create %1: %2"_s.arg(m_tmp, zipError());
            return false;
        }
        return true;
    }
    bool begin(const Placement &p, const QString &name, QString *error) override
    {
        archive_entry *entry = m_lib->entryNew();
        m_lib->entrySetPathnameUtf8(entry, name.toUtf8().constData());
        m_lib->entrySetSize(entry, p.size);
        m_lib->entrySetFiletype(entry, AE_IFREG);
        m_lib->entrySetPerm(entry, 0644);
        m_lib->entrySetMtime(entry, p.filed.toSecsSinceEpoch(), 0);
        const bool ok = m_lib->writeHeader(m_zip, entry) == ARCHIVE_OK;
        m_lib->entryFree(entry);
        if (!ok)
            *error = u"zip: %1"_s.arg(zipError());
        return ok;
    }
    bool write(const QByteArray &chunk, QString *error) override
    {
        if (m_lib->writeData(m_zip, chunk.constData(), size_t(chunk.size())) != chunk.size()) {
            *error = u"zip: %1"_s.arg(zipError());
            return false;
        }
        return true;
    }
    bool end(QString *error) override
    {
        if (m_lib->finishEntry(m_zip) != ARCHIVE_OK) {
            *error = u"zip: %1"_s.arg(zipError());
            return false;
        }
        return true;
    }
    bool finish(QString *error) override
    {
        const int closed = m_lib->close(m_zip);
        m_lib->free(std::exchange(m_zip, nullptr));
        if (closed != ARCHIVE_OK) {
            *error = u"cannot write %1"_s.arg(m_tmp);
            return false;
        }
        fsutil::Fd fd(::open(QFile::encodeName(m_tmp).constData(), O_RDONLY | O_CLOEXEC));
        if (!fd.isValid() || !fsutil::fsyncFd(fd.get(), error))
            return false;
        return putInPlace(m_tmp, m_path, error);
    }
    void abandon() override
    {
        if (m_zip)
            m_lib->free(std::exchange(m_zip, nullptr));
        ::unlink(QFile::encodeName(m_tmp).constData());
    }
    bool dropCurrent() override { return false; }

private:
    QString zipError() const
    {
        const char *text = m_zip ? m_lib->errorString(m_zip) : nullptr;
        return text ? QString::fromUtf8(text) : fsutil::errnoText(errno);
    }

    QString m_path;
    QString m_tmp;
    const LibArchive *m_lib = nullptr;
    struct archive *m_zip = nullptr;
};

} // namespace

ExportReport ArchiveImpl::exportPlacements(const QList<qint64> &placementIds, ExportFormat format,
                                           const QString &path, const QString &who,
                                           const std::atomic_bool *stop,
                                           const ExportProgress &progress)
{
    ExportReport report;
    report.requested = placementIds.size();
    std::unique_ptr<ExportSink> sink;
    bool opened = false;
    if (format == ExportFormat::Mbox) {
        auto mbox = std::make_unique<MboxSink>(path);
        opened = mbox->open(&report.error);
        sink = std::move(mbox);
    } else if (format == ExportFormat::Eml) {
        auto eml = std::make_unique<EmlSink>(path);
        opened = eml->open(&report.error);
        sink = std::move(eml);
    } else {
        auto zip = std::make_unique<ZipSink>(path);
        opened = zip->open(&report.error);
        sink = std::move(zip);
    }
    if (!opened)
        return report;

    const int width = int(QString::number(placementIds.size()).size());
    QList<Placement> done;
    qint64 n = 0;
    for (const qint64 id : placementIds) {
        if (stop && stop->load()) {
            report.cancelled = true;
            break;
        }
        ++n;
        if (progress && (n % 64 == 1 || n == placementIds.size()))
            progress(n - 1, placementIds.size());
        const std::optional<Placement> p = m_catalog->placementById(id);
        if (!p) {
            report.failures.append(u"placement %1: no such placement"_s.arg(id));
            continue;
        }
        if (p->state == PlacementState::Expired) {
            report.failures.append(
                u"placement %1 (%2): expired, its message is no longer kept"_s.arg(id).arg(
                    p->mailbox));
            continue;
        }
        // 0001-alice@example.com-42.eml: in the order asked, and which copy it is.
        const QString name = u"%1-%2-%3.eml"_s.arg(n, width, 10, QChar(u'0'))
                                 .arg(QString(p->mailbox).replace(u'/', u'_'))
                                 .arg(id);
        QString error;
        QString writeError;
        bool ok =
            sink->begin(*p, name, &error) &&
            m_blobs->readChunks(
                p->sha256, [&](const QByteArray &chunk) { return sink->write(chunk, &writeError); },
                &error) &&
            sink->end(&error);
        if (!ok) {
            if (!writeError.isEmpty())
                error = writeError;
            report.failures.append(u"placement %1 (%2): %3"_s.arg(id).arg(p->mailbox, error));
            if (!sink->dropCurrent()) { // the file is spoiled: nothing is exported
                sink->abandon();
                report.error =
                    u"cannot go on writing %1 after placement %2 failed"_s.arg(path).arg(id);
                return report;
            }
            continue;
        }
        done.append(*p);
    }
    if (report.cancelled && format != ExportFormat::Eml) {
        sink->abandon();
        return report;
    }
    QString error;
    if (!sink->finish(&error)) {
        sink->abandon();
        report.error = error;
        return report;
    }
    report.exported = done.size();
    if (progress)
        progress(n, placementIds.size());
    // The ledger records each copy exported, in batches, once the export is on disk.
    const QString detail = u"to %1 by %2"_s.arg(QFileInfo(path).absoluteFilePath(), who);
    for (qsizetype i = 0; i < done.size(); i += kBatch) {
        if (!begin(&error)) {
            report.error = error;
            return report;
        }
        for (qsizetype j = i; j < std::min(done.size(), i + kBatch); ++j) {
            const Placement &p = done[j];
            if (!append(p.mailbox, kEventExported, p.key, p.sha256, detail, &error)) {
                abandon();
                report.error = u"exported, but the ledger could not record it: %1"_s.arg(error);
                return report;
            }
        }
        if (!finish(&error)) {
            report.error = u"exported, but the ledger could not record it: %1"_s.arg(error);
            return report;
        }
    }
    return report;
}

// Import (docs/archive.md, "Importing").

// An import commits after this many bytes of new messages too: their words wait in memory.
constexpr qint64 kImportBatchBytes = 32 * 1024 * 1024;

// A folder name as Maildir++ can hold it: "" (INBOX), "Sent", "Projects.2019".
bool isImportFolder(const QString &folder)
{
    if (folder.isEmpty())
        return true;
    if (folder.size() > 200 || folder.startsWith(u'.') || folder.endsWith(u'.') ||
        folder.contains(u"/"_s) || folder.contains(u".."_s))
        return false;
    return std::none_of(folder.cbegin(), folder.cend(), [](QChar c) {
        return c.category() == QChar::Other_Control || c.category() == QChar::Other_Format;
    });
}

// What an mbox import has done up to offset (the "From " line of the next message to read),
// noted in the catalog with each batch's commit.
QJsonObject checkpointJson(const ImportReport &r, qint64 offset, qint64 number, const QString &mark)
{
    QJsonObject o;
    o.insert(u"offset"_s, offset);
    o.insert(u"number"_s, number); // messages numbered before offset
    o.insert(u"mark"_s, mark);     // mboxCheckpointMark(): the file is still the same
    o.insert(u"read"_s, r.read);
    o.insert(u"stored"_s, r.stored);
    o.insert(u"present"_s, r.alreadyPresent);
    o.insert(u"failed"_s, r.failed);
    o.insert(u"failures"_s, QJsonArray::fromStringList(r.failures));
    return o;
}

bool ArchiveImpl::prepareImport(ImportQueued *q, QString *error)
{
    const QString &sha = q->digest.sha256;
    const bool indexed = m_catalog->isIndexed(sha);
    if (const auto known = m_catalog->blob(sha); known && indexed && m_blobs->exists(sha)) {
        q->blob = *known; // in another mailbox already: nothing to read again
        return true;
    }
    // The one copy in memory: the index reads a message whole (hashed as it is read, so that
    // a file changed since its digest is not stored under the digest's name).
    QByteArray bytes;
    bytes.reserve(q->digest.size);
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (!readImportItem(
            q->item,
            [&](const char *data, qint64 n) {
                bytes.append(data, n);
                hash.addData(QByteArrayView(data, n));
                return true;
            },
            nullptr, error))
        return false;
    if (QString::fromLatin1(hash.result().toHex()) != sha) {
        *error = u"it changed while it was imported"_s;
        return false;
    }
    bool created = false;
    if (!m_blobs->putBytes(bytes, &q->blob, &created, error))
        return false;
    if (!indexed)
        q->extracted = std::make_shared<const ExtractedMessage>(extractMessage(bytes));
    return true;
}

bool ArchiveImpl::commitImport(ImportBatch *batch, ImportReport *report, QString *error)
{
    if (batch->queued.isEmpty() &&
        (batch->checkpointKey.isEmpty() ||
         (batch->checkpoint.isEmpty() && m_catalog->meta(batch->checkpointKey).isEmpty())))
        return true;
    if (!m_blobs->sync(error) || !begin(error))
        return false;
    qint64 stored = 0;
    qint64 present = 0;
    QList<BlobInfo> blobs;
    QHash<QString, Extracted> extracted;
    for (ImportQueued &q : batch->queued) {
        const QString &sha = q.digest.sha256;
        // Under the write lock, as for a filed copy: the daemon's garbage collection may have
        // removed a blob this message found present; and the daemon may have filed it here.
        if (m_catalog->hasMessage(batch->mailbox, sha)) {
            ++present;
            continue;
        }
        if (!m_blobs->exists(sha)) {
            QByteArray bytes;
            bool created = false;
            if (!readImportItem(
                    q.item,
                    [&](const char *data, qint64 n) {
                        bytes.append(data, n);
                        return true;
                    },
                    nullptr, error) ||
                !m_blobs->putBytes(bytes, &q.blob, &created, error) || !m_blobs->sync(error)) {
                *error = u"%1: %2"_s.arg(q.item.where, *error);
                abandon();
                return false;
            }
            if (q.blob.sha256 != sha) {
                *error = u"%1: it changed while it was imported"_s.arg(q.item.where);
                abandon();
                return false;
            }
        }
        Placement p;
        p.mailbox = batch->mailbox;
        p.folder = q.item.folder;
        p.key = u"import:"_s + sha;
        p.deliveredTo = deliveredToOf(q.digest.prefix);
        p.prefix = q.digest.prefix;
        p.flags = q.item.flags;
        p.sha256 = sha;
        p.size = q.blob.size;
        p.filed = now();
        p.archived = p.filed;
        p.state = PlacementState::Archived;
        bool inserted = false;
        if (!m_catalog->addBlob(q.blob, now(), error) ||
            !m_catalog->insertPlacement(&p, &inserted, error) ||
            (inserted &&
             (!append(p.mailbox, kEventImported, p.key, sha,
                      u"size %1, folder %2, %3 (%4)"_s.arg(p.size).arg(
                          p.folder.isEmpty() ? u"INBOX"_s : p.folder, batch->detail, q.item.where),
                      error) ||
              !recordEnvelope(p, error)))) {
            abandon();
            return false;
        }
        ++(inserted ? stored : present);
        blobs.append(q.blob);
        if (q.extracted)
            extracted.insert(sha, q.extracted);
    }
    if (!indexNew(blobs, extracted, error)) {
        abandon();
        return false;
    }
    // The checkpoint says what the committed batches did, with them or not at all.
    if (!batch->checkpointKey.isEmpty()) {
        QString checkpoint = batch->checkpoint;
        if (!checkpoint.isEmpty()) {
            QJsonObject o = QJsonDocument::fromJson(checkpoint.toUtf8()).object();
            o.insert(u"stored"_s, report->stored + stored);
            o.insert(u"present"_s, report->alreadyPresent + present);
            checkpoint = QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
        }
        if (!m_catalog->setMeta(batch->checkpointKey, checkpoint, error)) {
            abandon();
            return false;
        }
    }
    if (!finish(error))
        return false;
    report->stored += stored;
    report->alreadyPresent += present;
    batch->queued.clear();
    batch->bytes = 0;
    return true;
}

ImportReport ArchiveImpl::importMessages(const QString &mailbox, ImportSource source,
                                         const QString &path, const QString &folder,
                                         const QString &who, const std::atomic_bool *stop,
                                         const ImportProgress &progress)
{
    ImportReport report;
    if (!isImportFolder(folder)) {
        report.error = u"\"%1\" cannot be a folder's name"_s.arg(folder);
        return report;
    }
    const QString absolute = QFileInfo(path).absoluteFilePath();
    const bool mbox = source == ImportSource::Mbox;
    QString error;
    MboxScanner scanner;
    QList<ImportItem> files;
    ImportBatch batch;
    batch.mailbox = mailbox;
    batch.detail = u"imported from %1 %2 by %3"_s.arg(toString(source), absolute, who);
    if (mbox) {
        // An earlier import of this file into this mailbox that did not finish: on from its
        // last commit, when the file still has the same bytes up to there.
        batch.checkpointKey = u"import:%1:%2"_s.arg(mailbox, absolute);
        qint64 offset = 0;
        qint64 number = 0;
        const QJsonObject saved =
            QJsonDocument::fromJson(m_catalog->meta(batch.checkpointKey).toUtf8()).object();
        const qint64 savedOffset = saved.value(u"offset"_s).toInteger(-1);
        if (savedOffset > 0 &&
            mboxCheckpointMark(absolute, savedOffset) == saved.value(u"mark"_s).toString()) {
            offset = savedOffset;
            number = saved.value(u"number"_s).toInteger();
            report.resumedAt = offset;
            report.read = saved.value(u"read"_s).toInteger();
            report.stored = saved.value(u"stored"_s).toInteger();
            report.alreadyPresent = saved.value(u"present"_s).toInteger();
            report.failed = saved.value(u"failed"_s).toInteger();
            for (const QJsonValue &f : saved.value(u"failures"_s).toArray())
                report.failures.append(f.toString());
        }
        if (!scanner.open(absolute, offset, number, &error)) {
            report.error = error;
            return report;
        }
        report.done = offset;
        report.total = scanner.size();
    } else {
        files = source == ImportSource::Maildir ? listMaildir(absolute, &error)
                                                : listMessageFiles(absolute, &error);
        if (!error.isEmpty()) {
            report.error = error;
            return report;
        }
        report.total = files.size();
    }

    QSet<QString> queued; // the batch's messages: a second copy in the source is present
    qint64 sinceCommit = 0;
    qsizetype nextFile = 0;
    auto fail = [&](const QString &where, const QString &why) {
        ++report.failed;
        report.failures.append(u"%1: %2"_s.arg(where, why));
    };
    bool storeFailed = false;
    // Commits the batch; an mbox's checkpoint goes with it (cleared once the file is done).
    auto commitBatch = [&](bool last) {
        if (mbox) {
            const qint64 offset = scanner.resumeOffset();
            batch.checkpoint =
                last ? QString()
                     : QString::fromUtf8(
                           QJsonDocument(checkpointJson(report, offset, scanner.number(),
                                                        mboxCheckpointMark(absolute, offset)))
                               .toJson(QJsonDocument::Compact));
        }
        if (!commitImport(&batch, &report, &error)) {
            // Read and not stored: each a failure, so that the counts still add up.
            for (const ImportQueued &q : std::as_const(batch.queued))
                fail(q.item.where, u"not stored: "_s + error);
            batch.queued.clear();
            report.error = error;
            storeFailed = true;
            return false;
        }
        queued.clear();
        sinceCommit = 0;
        return true;
    };

    for (;;) {
        if (stop && *stop) {
            report.interrupted = true;
            break;
        }
        ImportItem item;
        ImportDigest digest;
        if (mbox) {
            auto m = scanner.next(&error);
            if (!m) {
                if (!error.isEmpty())
                    report.error = error;
                break;
            }
            item = m->item;
            digest = m->digest;
            report.done = scanner.resumeOffset();
        } else {
            if (nextFile >= files.size())
                break;
            item = files.at(nextFile++);
            report.done = nextFile;
            if (!digestImportItem(item, &digest, &error))
                digest.problem = error;
        }
        ++report.read;
        ++sinceCommit;
        item.folder = folder.isEmpty() || item.folder.isEmpty() ? folder + item.folder
                                                                : folder + u'.' + item.folder;
        if (!digest.problem.isEmpty()) {
            fail(item.where, digest.problem);
        } else if (queued.contains(digest.sha256) ||
                   m_catalog->hasMessage(mailbox, digest.sha256)) {
            ++report.alreadyPresent;
        } else {
            ImportQueued q{item, digest, {}, {}};
            if (!prepareImport(&q, &error)) {
                fail(item.where, error);
            } else {
                queued.insert(digest.sha256);
                batch.bytes += digest.size;
                batch.queued.append(std::move(q));
            }
        }
        if ((batch.queued.size() >= kBatch || batch.bytes >= kImportBatchBytes ||
             (mbox && sinceCommit >= kBatch)) &&
            !commitBatch(false))
            break;
        if (progress)
            progress(report);
    }
    // What was read before a stop or a read error is kept, and the checkpoint with it.
    if (!storeFailed)
        commitBatch(report.error.isEmpty() && !report.interrupted);
    if (progress)
        progress(report);
    return report;
}

} // namespace

std::unique_ptr<Archive> Archive::open(const QString &dir, Clock clock, QString *error)
{
    if (!clock)
        clock = [] { return QDateTime::currentDateTimeUtc(); };
    auto archive = std::make_unique<ArchiveImpl>(dir, std::move(clock));
    if (!archive->init(error))
        return nullptr;
    return archive;
}

QString toString(ImportSource source)
{
    switch (source) {
    case ImportSource::Mbox:
        return u"mbox"_s;
    case ImportSource::Maildir:
        return u"Maildir"_s;
    case ImportSource::Eml:
        return u"eml"_s;
    }
    return {};
}

} // namespace tandem::archive
