#pragma once

#include "archive/extract.h"
#include "archive/search.h"
#include "config/settings.h"

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>
#include <memory>
#include <optional>

namespace tandem::mailbox {
class MailboxStore;
}

// The archive of PRODUCT.md §1 and §4 (docs/archive.md): under data/archive/, every distinct
// message stored once (blobs/, zstd, named by the SHA-256 of the original bytes), a catalog of
// placements (every copy filed into any mailbox: which mailbox, folder, envelope recipient,
// flags, when filed and archived, its state), the legal holds, and per mailbox an append-only
// hash chain of events (the ledger) that verify() recomputes.
//
// Blobs and catalog sit behind two small interfaces (BlobStore, Catalog): files + SQLite
// here; an object store and another database later, without touching the rest.
namespace tandem::archive {

enum class PlacementState { Live, Archived, Expired };
QString toString(PlacementState state);

struct Placement {
    qint64 id = 0;
    QString mailbox;     // "alice@example.com": the mailbox's name and ASCII domain
    QString folder;      // "" for INBOX, "Sent", "Archive", ...
    QString key;         // unique in the mailbox: the Maildir unique part ("<queue id>A<n>"),
                         // or "file:<base name>" for a file found in the Maildir
    QString deliveredTo; // the envelope recipient of this copy (its Delivered-To:)
    QByteArray prefix;   // the header lines put before the message in the live copy
    QString flags;       // Maildir flags ("S", "RS", ...) of the live copy when it was archived
    QString sha256;      // hex, of the blob: the original message's bytes
    qint64 size = 0;     // of the original bytes
    QDateTime filed;     // when it entered the store: a message's age counts from here
    QDateTime archived;  // invalid while live
    PlacementState state = PlacementState::Live;
};

// A copy just filed into a Maildir (the dispatcher's deliver action).
struct FiledCopy {
    QString mailbox;
    QString folder;
    QString key;
    QString deliveredTo;
    QByteArray prefix;
    QString messagePath; // the original bytes: the spooled message (CRLF, as received)
    QDateTime filed;
};

struct Hold {
    QString mailbox; // "" for the archive-wide hold
    QDateTime since;
    QString who;
    QString reason;
};

struct MailboxFigures {
    QString mailbox;
    qint64 liveMessages = 0;
    qint64 liveBytes = 0;
    qint64 archivedMessages = 0;
    qint64 archivedBytes = 0; // original bytes of the archived placements
    qint64 storedBytes = 0;   // compressed bytes of the blobs only this mailbox's placements use
    qint64 expiredMessages = 0;
    std::optional<Hold> hold;
    QDateTime lastRun; // last maintenance run that looked at this mailbox
    QDateTime lastVerified;
    bool lastVerifyOk = true;
    QString lastVerifyText; // "clean" or the first problem
};

struct Status {
    qint64 blobs = 0;
    qint64 blobBytes = 0;     // compressed, on disk
    qint64 originalBytes = 0; // what the blobs hold uncompressed
    qint64 placements = 0;
    qint64 indexed = 0;         // messages in the search index: at rest, blobs
    bool indexOutdated = false; // built by another version of the extraction: reindex
    std::optional<Hold> archiveHold;
    QDateTime lastRun;
    QDateTime lastVerified;
    bool lastVerifyOk = true;
    QList<MailboxFigures> mailboxes;
};

// What a maintenance run did; also its progress while it runs.
struct RunReport {
    qint64 examined = 0; // live files looked at
    qint64 recorded = 0; // live files found without a placement and recorded now
    qint64 archived = 0; // moved into the store
    qint64 movedToFolder = 0;
    qint64 deleted = 0; // "delete instead of archive"
    qint64 expired = 0;
    qint64 exported = 0;   // expired into an mbox file
    qint64 keptOnHold = 0; // would have expired or been deleted, kept for a hold
    qint64 blobsRemoved = 0;
    qint64 indexed = 0; // stored messages the search index lacked (a store older than it)
    QStringList errors;
    bool interrupted = false;
};

// What a rebuild of the search index did; also its progress while it works.
struct ReindexReport {
    qint64 messages = 0;  // stored messages to index
    qint64 indexed = 0;   // indexed so far
    qint64 envelopes = 0; // placements whose envelope sender is known
    QStringList errors;   // messages that could not be read (each named)
    bool interrupted = false;
};

struct VerifyProblem {
    QString mailbox; // "" for the store as a whole (a blob no placement uses)
    QString what;    // "blob modified", "blob missing", "blob added", "entry modified",
                     // "entry missing", "entry added", "entry reordered", "placement modified",
                     // "head mismatch"
    QString detail;
};

struct VerifyReport {
    qint64 blobsChecked = 0;
    qint64 entriesChecked = 0;
    QList<VerifyProblem> problems;
    bool ok() const { return problems.isEmpty(); }
};

// What the preview of a search hit shows: the message as the index reads it, and everyone who
// received it (every placement of the same stored message, in every mailbox and folder).
struct MessageDetails {
    SearchHit hit;            // the placement asked for
    ExtractedMessage message; // headers, decoded text, attachment names (extract.h)
    QByteArray headerBlock;   // the original header lines, as stored (unfolded bytes, CRLF)
    QList<SearchHit> copies;  // every placement of the message, the one asked for included
    // False for an expired copy whose message the store no longer holds: message and
    // headerBlock then have only what the index kept (subject, From:, Date).
    bool stored = true;
};

// Where a copy back puts the new copy: the mailbox's INBOX or its "Restored" folder.
enum class CopyBackFolder { Inbox, Restored };

enum class ExportFormat {
    Mbox, // one mbox file (mboxrd); each copy with its Return-Path:/Delivered-To: lines
    Eml,  // a folder of .eml files, each the stored original byte for byte
    Zip,  // one zip file of such .eml files
};

// The end of an export: exported + failures.size() == requested, unless cancelled: then an
// mbox or zip file is not written at all (exported is 0), and a folder keeps the .eml files
// written before the cancel (exported counts them).
struct ExportReport {
    qint64 requested = 0;
    qint64 exported = 0;
    QStringList failures; // each placement that could not be exported, named, and why
    bool cancelled = false;
    QString error; // the whole export failed (cannot create the file): nothing exported
    bool ok() const { return error.isEmpty() && failures.isEmpty() && !cancelled; }
};

// What `tandemd archive import` reads (docs/archive.md, "Importing").
enum class ImportSource { Mbox, Maildir, Eml };
QString toString(ImportSource source); // "mbox", "Maildir", "eml"

// What an import did; also its progress while it works. read = stored + alreadyPresent + failed.
struct ImportReport {
    qint64 read = 0;           // messages read from the source
    qint64 stored = 0;         // new to the mailbox: a placement each, the bytes once in the store
    qint64 alreadyPresent = 0; // the mailbox has the message (any folder or state), or got it
                               // earlier in this import
    qint64 failed = 0;
    QStringList failures;     // each named: "message 3 at byte 1234: why", "path: why"
    QString error;            // what ended the import early (the store could not be written)
    bool interrupted = false; // stopped: the same import again goes on from where it stopped
    qint64 resumedAt = -1;    // the mbox byte an earlier, interrupted import of the same file
                              // was continued from (the counts include that import's)
    qint64 done = 0;          // of the source: bytes of an mbox, files of a folder
    qint64 total = 0;
};

using Clock = std::function<QDateTime()>;

// Not thread-safe: each thread that needs the archive opens its own on the same folder (SQLite
// in WAL mode with a busy timeout lets them, and tandemd commands in other processes, share
// the catalog; blobs are written once and never changed).
class Archive {
public:
    // Opens (creating when missing) the store under dir (data/archive).
    static std::unique_ptr<Archive> open(const QString &dir, Clock clock, QString *error);
    virtual ~Archive();

    // Filing: the copy's blob is written at once (once per distinct message) and a new message's
    // words are extracted; its placement, ledger entry and index rows wait for commit(), which
    // makes a batch durable and searchable in one transaction and one flush. Recording the same
    // (mailbox, key) again is a no-op, so a redo after a crash may record what it already recorded.
    // copy.messagePath must still exist at commit(): a blob that a maintenance run removed
    // meanwhile is written again from it.
    virtual bool recordFiled(const FiledCopy &copy, QString *error) = 0;
    virtual bool commit(QString *error) = 0;
    virtual int pendingFiled() const = 0;

    // Legal hold: mailbox "" is the archive-wide hold. Recorded in the ledger (every mailbox's,
    // for the archive-wide one) with time, who and reason; setting it again records the new
    // reason, clearing one that is not set records nothing.
    virtual bool setHold(const QString &mailbox, bool on, const QString &who, const QString &reason,
                         QString *error) = 0;
    virtual std::optional<Hold> hold(const QString &mailbox) const = 0; // its own or archive-wide
    virtual bool isHeld(const QString &mailbox) const = 0;

    // One maintenance run over every mailbox of the store (or only one): archives, expires,
    // records files it finds without a placement. Incremental and resumable: a run killed at
    // any point leaves every message either live or archived (never both, never neither), and
    // the next run finishes what it began. stop, when set, ends it between batches.
    using Progress = std::function<void(const RunReport &)>;
    virtual RunReport run(mailbox::MailboxStore &mailboxes, const config::Settings &settings,
                          const QString &onlyMailbox, const std::atomic_bool *stop,
                          const Progress &progress) = 0;

    // Rebuilds the search index (messages, message_text, envelopes) from the blobs and the
    // placements alone, a batch of messages per transaction. Killed or stopped part way, the
    // index lacks the rest until a reindex or a maintenance run (which indexes what it lacks).
    using ReindexProgress = std::function<void(const ReindexReport &)>;
    virtual ReindexReport reindex(const ReindexProgress &progress,
                                  const std::atomic_bool *stop) = 0;

    // Recomputes every blob's hash and every chain (of one mailbox, or all), checks the heads
    // against the table and ledger-heads.log, and each placement against its entries. A blob
    // file the catalog does not know is "blob added" once it is an hour old; younger, it may
    // belong to a batch another process is about to commit (the run removes such orphans).
    virtual VerifyReport verify(const QString &onlyMailbox) = 0;

    // Search (docs/archive.md "Searching"): the placements the query finds, live and archived
    // (expired ones only with is:expired), a page at a time. after, when given, is the last hit
    // of the previous page for the same query and sort (keyset paging: any page costs the same).
    // On a bad query or a failure, *error says why (with the query's column for a bad query)
    // and the list is empty.
    virtual QList<SearchHit> search(const QString &query, const SearchSort &sort,
                                    const SearchHit *after, int limit, QString *error) const = 0;
    // How many placements the query finds; -1 with *error. With messages, also how many
    // distinct messages they are copies of (*messages).
    virtual qint64 countMatches(const QString &query, QString *error,
                                qint64 *messages = nullptr) const = 0;
    // One placement's preview; none with *error when there is no such placement or its
    // message cannot be read.
    virtual std::optional<MessageDetails> details(qint64 placementId, QString *error) const = 0;

    // Copy back: a new live copy of the placement's message in the mailbox (created from the
    // template when missing), in its INBOX or Restored folder, filed like delivered mail (its
    // own placement, searchable at once) with a "copied back" entry in that mailbox's ledger
    // naming the original; the original placement stays as it is. who is recorded with it.
    // Returns the new placement; none with *error.
    virtual std::optional<Placement> copyBack(qint64 placementId, mailbox::MailboxStore &mailboxes,
                                              const QString &toMailbox, CopyBackFolder folder,
                                              const QString &who, QString *error) = 0;

    // Exports placements (in the order given) to path: the mbox or zip file, or the folder
    // of .eml files (created when missing). Each exported placement gets an "exported" entry
    // in its mailbox's ledger (batched). progress(done, total) is called as it goes; stop ends
    // it between messages.
    using ExportProgress = std::function<void(qint64 done, qint64 total)>;
    virtual ExportReport exportPlacements(const QList<qint64> &placementIds, ExportFormat format,
                                          const QString &path, const QString &who,
                                          const std::atomic_bool *stop,
                                          const ExportProgress &progress) = 0;

    virtual Status status() const = 0;
    // The chain heads, one line per mailbox: what the daily digest to the postmaster holds.
    virtual QString headsDigest() const = 0;

    // The original bytes of a blob (copy back, export, the next issue's search).
    virtual std::optional<QByteArray> readBlob(const QString &sha256, QString *error) const = 0;

    // Tests only: called at named points of a run ("committed": a batch is in the catalog, its
    // live files not yet removed or moved; "exported": expired mail is in the mbox file, not
    // yet marked expired). Returning false abandons the run right there, as a kill would.
    using TestHook = std::function<bool(const QString &point)>;
    virtual void setTestHook(TestHook hook) = 0;

    // Imports mail that predates the archive into a mailbox (tandemd archive import; an mbox
    // file, a Maildir, or a folder of .eml files). Each message the mailbox does not have yet
    // becomes an archived placement (deep storage: no live file) in folder ("" for INBOX; a
    // Maildir's own folders go under it), filed now, with an "imported" ledger entry naming the
    // source; its bytes are stored once in the whole store, and it is searchable from the
    // transaction that stores it. A batch per transaction; an mbox import stopped or killed
    // goes on, when run again, after its last commit (a checkpoint committed with each batch),
    // and an import run twice stores nothing twice. stop ends it between messages.
    using ImportProgress = std::function<void(const ImportReport &)>;
    virtual ImportReport importMessages(const QString &mailbox, ImportSource source,
                                        const QString &path, const QString &folder,
                                        const QString &who, const std::atomic_bool *stop,
                                        const ImportProgress &progress) = 0;
};

} // namespace tandem::archive
