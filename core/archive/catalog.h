#pragma once

#include "archive.h"
#include "blobstore.h"
#include "extract.h"
#include "query.h"
#include "search.h"
#include "util/sqlitestmt.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

// The archive's catalog: blobs, placements, holds, the ledger and its heads, and a few values
// (last run, last verification). An interface so that another database can replace SQLite.
namespace tandem::archive {

struct LedgerEntry {
    QString mailbox;
    qint64 seq = 0; // 1, 2, ... per mailbox
    QDateTime time;
    QString event; // "filed", "recorded", "archived", "expired", "exported", "hold set", ...
    QString key;   // the placement's key, "" for hold events
    QString sha256;
    QString detail;
    QString prevHash; // hex; "" for the first entry
    QString hash;     // hex
};

struct ChainHead {
    QString mailbox;
    qint64 seq = 0;
    QString hash;
};

class Catalog {
public:
    virtual ~Catalog();

    // One write transaction at a time; begin() takes the write lock at once.
    virtual bool begin(QString *error) = 0;
    virtual bool commit(QString *error) = 0;
    virtual void rollback() = 0;
    // A read transaction: what is read until endRead() is one consistent snapshot.
    virtual bool beginRead(QString *error) = 0;
    virtual void endRead() = 0;

    virtual bool addBlob(const BlobInfo &blob, const QDateTime &created, QString *error) = 0;
    // The row stays, marked removed: expired placements still name the blob they used.
    virtual bool removeBlob(const QString &sha256, const QDateTime &removed, QString *error) = 0;
    virtual QList<BlobInfo> blobs() const = 0; // those not removed
    // How many blobs are not removed, and their original and stored bytes (one row: status()
    // runs every minute, and a list of every blob grew with the archive).
    struct BlobTotals {
        qint64 count = 0;
        qint64 size = 0;
        qint64 storedSize = 0;
    };
    virtual BlobTotals blobTotals() const = 0;
    virtual std::optional<BlobInfo> blob(const QString &sha256) const = 0;
    // Blobs that no live or archived placement uses (expiry left them behind).
    virtual QStringList unreferencedBlobs() const = 0;

    // INSERT OR IGNORE on (mailbox, key): *inserted is false when it was there already.
    virtual bool insertPlacement(Placement *placement, bool *inserted, QString *error) = 0;
    virtual bool updatePlacement(const Placement &placement, QString *error) = 0;
    virtual std::optional<Placement> placement(const QString &mailbox,
                                               const QString &key) const = 0;
    virtual QList<Placement> placements(const QString &mailbox) const = 0;
    virtual QStringList placementMailboxes() const = 0;

    virtual QList<Hold> holds() const = 0;
    virtual bool setHold(const Hold &hold, QString *error) = 0;
    virtual bool clearHold(const QString &mailbox, QString *error) = 0;

    // Appends the entry (seq, prevHash and hash already set) and moves the mailbox's head.
    virtual bool appendEntry(const LedgerEntry &entry, QString *error) = 0;
    virtual std::optional<ChainHead> head(const QString &mailbox) const = 0;
    virtual QList<ChainHead> heads() const = 0;
    virtual QList<LedgerEntry> entries(const QString &mailbox) const = 0;
    virtual QStringList ledgerMailboxes() const = 0;

    virtual QString meta(const QString &key) const = 0;
    virtual bool setMeta(const QString &key, const QString &value, QString *error) = 0;

    // Per mailbox: live/archived/expired counts and bytes, and the stored bytes of blobs only
    // its placements use (hold, last run and verification are left to the caller).
    virtual QList<MailboxFigures> figures() const = 0;

    // The search index (indexschema.h), written in the caller's transaction.
    //
    // indexMessage() gives the blob its messages row and its words (message_text). The row's
    // id is the highest id of the blob's placements at that moment, and the sender and
    // recipients columns hold the envelope senders (Return-Path: of the prefix) and recipients
    // (delivered_to) of the placements up to that id: so that unindexMessage() can give FTS5
    // the very values again (a contentless table deletes a row by them), and so that an id is
    // never used by two messages (placements are never deleted), even when an unreadable blob
    // left its words behind. A blob without placements, or already indexed, is left as it is.
    virtual bool indexMessage(const QString &sha256, const ExtractedMessage &message, qint64 size,
                              const QDateTime &indexed, QString *error) = 0;
    // message: what extractMessage() gives again for the blob's bytes; null when they cannot be
    // read (only the messages row goes then: its words stay, under an id no message gets again).
    virtual bool unindexMessage(const QString &sha256, const ExtractedMessage *message,
                                QString *error) = 0;
    virtual bool setEnvelope(qint64 placementId, const QString &mailFrom, QString *error) = 0;
    virtual bool isIndexed(const QString &sha256) const = 0;
    virtual qint64 indexedCount() const = 0;
    virtual QStringList unindexedBlobs() const = 0; // present (not removed) and not indexed
    // Empties messages, message_text and envelopes (reindex starts with it).
    virtual bool clearIndex(QString *error) = 0;

    // The search (search.h) over this catalog: a page after the hit given (or the first), and
    // the count. The query is compiled (query.h); a condition written by hand over kSearchFrom
    // works too (the placements of one message, one placement by id).
    virtual QList<SearchHit> search(const CompiledQuery &query, const SearchSort &sort,
                                    const SearchHit *after, int limit, QString *error) const = 0;
    virtual qint64 countMatches(const CompiledQuery &query, QString *error,
                                qint64 *messages = nullptr) const = 0;
    virtual std::optional<Placement> placementById(qint64 id) const = 0;
    // Whether the mailbox has a placement of the message, in any folder and state (an import's
    // "already present").
    virtual bool hasMessage(const QString &mailbox, const QString &sha256) const = 0;
};

// catalog.sqlite: WAL, synchronous=FULL, a 30 s busy timeout, foreign keys.
class SqliteCatalog : public Catalog {
public:
    SqliteCatalog() = default;
    ~SqliteCatalog() override;
    SqliteCatalog(const SqliteCatalog &) = delete;
    SqliteCatalog &operator=(const SqliteCatalog &) = delete;

    bool open(const QString &path, QString *error);
    // How the search reads a message's body to check a phrase in it (addPhraseFunction()).
    bool setBodyReader(BodyReader reader, QString *error);

    bool begin(QString *error) override;
    bool commit(QString *error) override;
    void rollback() override;
    bool beginRead(QString *error) override;
    void endRead() override;

    bool addBlob(const BlobInfo &blob, const QDateTime &created, QString *error) override;
    bool removeBlob(const QString &sha256, const QDateTime &removed, QString *error) override;
    QList<BlobInfo> blobs() const override;
    BlobTotals blobTotals() const override;
    std::optional<BlobInfo> blob(const QString &sha256) const override;
    QStringList unreferencedBlobs() const override;

    bool insertPlacement(Placement *placement, bool *inserted, QString *error) override;
    bool updatePlacement(const Placement &placement, QString *error) override;
    std::optional<Placement> placement(const QString &mailbox, const QString &key) const override;
    QList<Placement> placements(const QString &mailbox) const override;
    QStringList placementMailboxes() const override;

    QList<Hold> holds() const override;
    bool setHold(const Hold &hold, QString *error) override;
    bool clearHold(const QString &mailbox, QString *error) override;

    bool appendEntry(const LedgerEntry &entry, QString *error) override;
    std::optional<ChainHead> head(const QString &mailbox) const override;
    QList<ChainHead> heads() const override;
    QList<LedgerEntry> entries(const QString &mailbox) const override;
    QStringList ledgerMailboxes() const override;

    QString meta(const QString &key) const override;
    bool setMeta(const QString &key, const QString &value, QString *error) override;

    QList<MailboxFigures> figures() const override;

    bool indexMessage(const QString &sha256, const ExtractedMessage &message, qint64 size,
                      const QDateTime &indexed, QString *error) override;
    bool unindexMessage(const QString &sha256, const ExtractedMessage *message,
                        QString *error) override;
    bool setEnvelope(qint64 placementId, const QString &mailFrom, QString *error) override;
    bool isIndexed(const QString &sha256) const override;
    qint64 indexedCount() const override;
    QStringList unindexedBlobs() const override;
    bool clearIndex(QString *error) override;

    QList<SearchHit> search(const CompiledQuery &query, const SearchSort &sort,
                            const SearchHit *after, int limit, QString *error) const override;
    qint64 countMatches(const CompiledQuery &query, QString *error,
                        qint64 *messages = nullptr) const override;
    std::optional<Placement> placementById(qint64 id) const override;
    bool hasMessage(const QString &mailbox, const QString &sha256) const override;

private:
    bool exec(const char *sql, QString *error);
    QString lastError(const QString &what) const;
    // A statement's step ended it (SQLITE_DONE); otherwise *error says what could not be done.
    bool done(int stepResult, const QString &what, QString *error) const;
    struct FtsRow {
        QString sender, recipients, subject, body, attachments;
    };
    // Drops an index made by an older schema (kIndexSchemaVersion), before kIndexSchema.
    bool dropOlderIndex(QString *error);
    // The message_text and message_body values of the blob's message indexed under id.
    FtsRow ftsRow(const QString &sha256, qint64 id, const ExtractedMessage &message) const;

    sqlite3 *m_db = nullptr;
    mutable sqlite::StatementCache m_statements; // cleared before m_db closes
    QString m_path;
};

} // namespace tandem::archive
