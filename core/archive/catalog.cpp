#include "catalog.h"
#include "sqlitestmt.h"

#include "archive/indexschema.h"

#include <QHash>
#include <QSet>

#include <algorithm>

#include <sqlite3.h>

using namespace Qt::StringLiterals;

namespace tandem::archive {

namespace {

const char *const kSchema = R"(
CREATE TABLE IF NOT EXISTS blobs(
    sha TEXT PRIMARY KEY, size INTEGER NOT NULL, stored_size INTEGER NOT NULL,
    created INTEGER NOT NULL, removed INTEGER);
CREATE TABLE IF NOT EXISTS placements(
    id INTEGER PRIMARY KEY, mailbox TEXT NOT NULL, folder TEXT NOT NULL, key TEXT NOT NULL,
    delivered_to TEXT NOT NULL, prefix BLOB, flags TEXT NOT NULL, sha TEXT NOT NULL
    REFERENCES blobs(sha), size INTEGER NOT NULL, filed INTEGER NOT NULL, archived INTEGER,
    state TEXT NOT NULL, UNIQUE(mailbox, key));
CREATE INDEX IF NOT EXISTS placements_sha ON placements(sha);
CREATE TABLE IF NOT EXISTS holds(
    mailbox TEXT PRIMARY KEY, since INTEGER NOT NULL, who TEXT NOT NULL, reason TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS ledger(
    mailbox TEXT NOT NULL, seq INTEGER NOT NULL, time TEXT NOT NULL, event TEXT NOT NULL,
    placement_key TEXT NOT NULL, sha TEXT NOT NULL, detail TEXT NOT NULL,
    prev_hash TEXT NOT NULL, hash TEXT NOT NULL, PRIMARY KEY(mailbox, seq));
CREATE TABLE IF NOT EXISTS heads(mailbox TEXT PRIMARY KEY, seq INTEGER NOT NULL, hash TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
)";

const char *const kPlacementColumns =
    "id, mailbox, folder, key, delivered_to, prefix, flags, sha, size, filed, archived, state";

Placement placementFrom(const Stmt &s)
{
    Placement p;
    p.id = s.integer(0);
    p.mailbox = s.text(1);
    p.folder = s.text(2);
    p.key = s.text(3);
    p.deliveredTo = s.text(4);
    p.prefix = s.blob(5);
    p.flags = s.text(6);
    p.sha256 = s.text(7);
    p.size = s.integer(8);
    p.filed = s.time(9);
    p.archived = s.time(10);
    const QString state = s.text(11);
    p.state = state == u"archived"_s  ? PlacementState::Archived
              : state == u"expired"_s ? PlacementState::Expired
                                      : PlacementState::Live;
    return p;
}

QByteArray sql(const QString &text)
{
    return text.toUtf8();
}

QString addressText(const MailAddress &a)
{
    if (a.name.isEmpty())
        return a.address;
    return a.address.isEmpty() ? a.name : u"%1 <%2>"_s.arg(a.name, a.address);
}

// Addresses for an FTS column: each once, in the order given, the envelope's after the
// header's and only when the header does not name them already.
class AddressColumn {
public:
    void add(const QList<MailAddress> &list)
    {
        for (const MailAddress &a : list) {
            if (!a.address.isEmpty())
                m_seen.insert(a.address);
            m_parts.append(addressText(a));
        }
    }
    void addEnvelope(const QString &address)
    {
        const QString lower = address.toLower();
        if (lower.isEmpty() || m_seen.contains(lower))
            return;
        m_seen.insert(lower);
        m_parts.append(lower);
    }
    QString text() const { return m_parts.join(u", "_s); }

private:
    QStringList m_parts;
    QSet<QString> m_seen;
};

} // namespace

Catalog::~Catalog() = default;

SqliteCatalog::~SqliteCatalog()
{
    m_statements.clear();
    sqlite3_close_v2(m_db);
}

bool SqliteCatalog::done(int stepResult, const QString &what, QString *error) const
{
    if (stepResult == SQLITE_DONE)
        return true;
    *error = lastError(what);
    return false;
}

QString SqliteCatalog::lastError(const QString &what) const
{
    return u"%1: %2: %3"_s.arg(m_path, what, QString::fromUtf8(sqlite3_errmsg(m_db)));
}

bool SqliteCatalog::exec(const char *statement, QString *error)
{
    char *message = nullptr;
    if (sqlite3_exec(m_db, statement, nullptr, nullptr, &message) != SQLITE_OK) {
        *error = u"%1: %2"_s.arg(m_path, QString::fromUtf8(message));
        sqlite3_free(message);
        return false;
    }
    return true;
}

bool SqliteCatalog::open(const QString &path, QString *error)
{
    m_path = path;
    if (sqlite3_open_v2(path.toUtf8().constData(), &m_db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX,
                        nullptr) != SQLITE_OK) {
        *error = lastError(u"cannot open"_s);
        return false;
    }
    sqlite3_busy_timeout(m_db, 30000);
    if (!exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;", error) ||
        !exec(kSchema, error) || !dropOlderIndex(error) || !exec(kIndexSchema, error))
        return false;
    // Databases made before the index get it here (its statements are IF NOT EXISTS); an index
    // still empty is as good as one built by this extractor.
    const QString version = QString::number(kIndexSchemaVersion);
    if (meta(u"index_schema"_s) != version && !setMeta(u"index_schema"_s, version, error))
        return false;
    if (meta(u"index_extractor"_s).isEmpty() && indexedCount() == 0 &&
        !setMeta(u"index_extractor"_s, QString::number(kExtractorVersion), error))
        return false;
    return true;
}

bool SqliteCatalog::setBodyReader(BodyReader reader, QString *error)
{
    return addPhraseFunction(m_db, std::move(reader), error);
}

bool SqliteCatalog::dropOlderIndex(QString *error)
{
    const auto older = [this] {
        const QString have = meta(u"index_schema"_s);
        return !have.isEmpty() && have.toInt() < kIndexSchemaVersion;
    };
    if (!older())
        return true;
    // Its tables go (a process that opened the catalog first may have done it meanwhile); the
    // messages are then unindexed, and the next maintenance run or reindex indexes them. The
    // envelope senders stay: they are read from the placements, which did not change.
    if (!begin(error))
        return false;
    if (older() && (!exec("DROP TABLE IF EXISTS message_text; DROP TABLE IF EXISTS message_body; "
                          "DROP TABLE IF EXISTS messages; "
                          "DELETE FROM meta WHERE key = 'index_left_behind';",
                          error) ||
                    !exec(kIndexSchema, error) ||
                    !setMeta(u"index_schema"_s, QString::number(kIndexSchemaVersion), error) ||
                    !setMeta(u"index_extractor"_s, QString::number(kExtractorVersion), error))) {
        rollback();
        return false;
    }
    return commit(error);
}

bool SqliteCatalog::begin(QString *error)
{
    return exec("BEGIN IMMEDIATE", error);
}

bool SqliteCatalog::commit(QString *error)
{
    return exec("COMMIT", error);
}

void SqliteCatalog::rollback()
{
    QString ignored;
    if (sqlite3_get_autocommit(m_db) == 0)
        exec("ROLLBACK", &ignored);
}

bool SqliteCatalog::beginRead(QString *error)
{
    // A deferred transaction takes its snapshot at the first read: read once now.
    return exec("BEGIN DEFERRED; SELECT COUNT(*) FROM meta;", error);
}

void SqliteCatalog::endRead()
{
    rollback();
}

bool SqliteCatalog::addBlob(const BlobInfo &blob, const QDateTime &created, QString *error)
{
    // A blob removed by expiry and filed again is back.
    auto s = m_statements.prepare(
        m_db, "INSERT INTO blobs(sha, size, stored_size, created) VALUES(?,?,?,?) ON "
              "CONFLICT(sha) DO UPDATE SET removed = NULL, stored_size = excluded.stored_size, "
              "created = excluded.created WHERE removed IS NOT NULL");
    s.bind(1, blob.sha256).bind(2, blob.size).bind(3, blob.storedSize).bindTime(4, created);
    if (!done(s.step(), u"cannot record blob "_s + blob.sha256, error))
        return false;
    return true;
}

bool SqliteCatalog::removeBlob(const QString &sha, const QDateTime &removed, QString *error)
{
    auto s = m_statements.prepare(m_db, "UPDATE blobs SET removed = ? WHERE sha = ?");
    s.bindTime(1, removed).bind(2, sha);
    if (!done(s.step(), u"cannot remove blob "_s + sha, error))
        return false;
    return true;
}

QList<BlobInfo> SqliteCatalog::blobs() const
{
    QList<BlobInfo> out;
    auto s = m_statements.prepare(
        m_db, "SELECT sha, size, stored_size FROM blobs WHERE removed IS NULL ORDER BY sha");
    while (s.step() == SQLITE_ROW)
        out.append({s.text(0), s.integer(1), s.integer(2)});
    return out;
}

Catalog::BlobTotals SqliteCatalog::blobTotals() const
{
    auto s = m_statements.prepare(
        m_db, "SELECT COUNT(*), IFNULL(SUM(size), 0), IFNULL(SUM(stored_size), 0) "
              "FROM blobs WHERE removed IS NULL");
    if (s.step() != SQLITE_ROW)
        return {};
    return {s.integer(0), s.integer(1), s.integer(2)};
}

std::optional<BlobInfo> SqliteCatalog::blob(const QString &sha) const
{
    auto s = m_statements.prepare(
        m_db, "SELECT sha, size, stored_size FROM blobs WHERE sha = ? AND removed IS NULL");
    s.bind(1, sha);
    if (s.step() != SQLITE_ROW)
        return std::nullopt;
    return BlobInfo{s.text(0), s.integer(1), s.integer(2)};
}

QStringList SqliteCatalog::unreferencedBlobs() const
{
    QStringList out;
    auto s = m_statements.prepare(
        m_db, "SELECT sha FROM blobs b WHERE removed IS NULL AND NOT EXISTS (SELECT 1 FROM "
              "placements p WHERE "
              "p.sha = b.sha AND p.state IN ('live', 'archived'))");
    while (s.step() == SQLITE_ROW)
        out.append(s.text(0));
    return out;
}

bool SqliteCatalog::insertPlacement(Placement *p, bool *inserted, QString *error)
{
    auto s = m_statements.prepare(
        m_db, "INSERT OR IGNORE INTO placements(mailbox, folder, key, delivered_to, prefix, "
              "flags, sha, size, filed, archived, state) VALUES(?,?,?,?,?,?,?,?,?,?,?)");
    s.bind(1, p->mailbox).bind(2, p->folder).bind(3, p->key).bind(4, p->deliveredTo);
    s.bindBlob(5, p->prefix).bind(6, p->flags).bind(7, p->sha256).bind(8, p->size);
    s.bindTime(9, p->filed).bindTime(10, p->archived).bind(11, toString(p->state));
    if (!done(s.step(), u"cannot record placement %1 of %2"_s.arg(p->key, p->mailbox), error))
        return false;
    *inserted = sqlite3_changes(m_db) > 0;
    if (*inserted)
        p->id = sqlite3_last_insert_rowid(m_db);
    return true;
}

bool SqliteCatalog::updatePlacement(const Placement &p, QString *error)
{
    auto s = m_statements.prepare(
        m_db, "UPDATE placements SET folder = ?, flags = ?, archived = ?, state = ? WHERE "
              "mailbox = ? AND key = ?");
    s.bind(1, p.folder).bind(2, p.flags).bindTime(3, p.archived).bind(4, toString(p.state));
    s.bind(5, p.mailbox).bind(6, p.key);
    if (!done(s.step(), u"cannot update placement %1 of %2"_s.arg(p.key, p.mailbox), error))
        return false;
    return true;
}

std::optional<Placement> SqliteCatalog::placement(const QString &mailbox, const QString &key) const
{
    Stmt s(m_db, sql(u"SELECT %1 FROM placements WHERE mailbox = ? AND key = ?"_s.arg(
                         QLatin1StringView(kPlacementColumns)))
                     .constData());
    s.bind(1, mailbox).bind(2, key);
    if (s.step() != SQLITE_ROW)
        return std::nullopt;
    return placementFrom(s);
}

std::optional<Placement> SqliteCatalog::placementById(qint64 id) const
{
    Stmt s(m_db, sql(u"SELECT %1 FROM placements WHERE id = ?"_s.arg(
                         QLatin1StringView(kPlacementColumns)))
                     .constData());
    s.bind(1, id);
    if (s.step() != SQLITE_ROW)
        return std::nullopt;
    return placementFrom(s);
}

QList<SearchHit> SqliteCatalog::search(const CompiledQuery &query, const SearchSort &sort,
                                       const SearchHit *after, int limit, QString *error) const
{
    return after ? runSearchAfter(m_db, query, sort, *after, limit, error)
                 : runSearch(m_db, query, sort, 0, limit, error);
}

qint64 SqliteCatalog::countMatches(const CompiledQuery &query, QString *error,
                                   qint64 *messages) const
{
    return countSearch(m_db, query, error, messages);
}

QList<Placement> SqliteCatalog::placements(const QString &mailbox) const
{
    QList<Placement> out;
    Stmt s(m_db, sql(u"SELECT %1 FROM placements WHERE mailbox = ? ORDER BY id"_s.arg(
                         QLatin1StringView(kPlacementColumns)))
                     .constData());
    s.bind(1, mailbox);
    while (s.step() == SQLITE_ROW)
        out.append(placementFrom(s));
    return out;
}

QStringList SqliteCatalog::placementMailboxes() const
{
    QStringList out;
    auto s = m_statements.prepare(m_db, "SELECT DISTINCT mailbox FROM placements ORDER BY mailbox");
    while (s.step() == SQLITE_ROW)
        out.append(s.text(0));
    return out;
}

QList<Hold> SqliteCatalog::holds() const
{
    QList<Hold> out;
    auto s = m_statements.prepare(m_db,
                                  "SELECT mailbox, since, who, reason FROM holds ORDER BY mailbox");
    while (s.step() == SQLITE_ROW)
        out.append({s.text(0), s.time(1), s.text(2), s.text(3)});
    return out;
}

bool SqliteCatalog::setHold(const Hold &hold, QString *error)
{
    auto s = m_statements.prepare(
        m_db, "INSERT OR REPLACE INTO holds(mailbox, since, who, reason) VALUES(?,?,?,?)");
    s.bind(1, hold.mailbox).bindTime(2, hold.since).bind(3, hold.who).bind(4, hold.reason);
    if (!done(s.step(), u"cannot set the hold"_s, error))
        return false;
    return true;
}

bool SqliteCatalog::clearHold(const QString &mailbox, QString *error)
{
    auto s = m_statements.prepare(m_db, "DELETE FROM holds WHERE mailbox = ?");
    s.bind(1, mailbox);
    if (!done(s.step(), u"cannot clear the hold"_s, error))
        return false;
    return true;
}

bool SqliteCatalog::appendEntry(const LedgerEntry &e, QString *error)
{
    auto s = m_statements.prepare(
        m_db, "INSERT INTO ledger(mailbox, seq, time, event, placement_key, sha, detail, "
              "prev_hash, hash) VALUES(?,?,?,?,?,?,?,?,?)");
    s.bind(1, e.mailbox).bind(2, e.seq).bind(3, e.time.toString(Qt::ISODateWithMs));
    s.bind(4, e.event).bind(5, e.key).bind(6, e.sha256).bind(7, e.detail);
    s.bind(8, e.prevHash).bind(9, e.hash);
    auto h = m_statements.prepare(m_db,
                                  "INSERT OR REPLACE INTO heads(mailbox, seq, hash) VALUES(?,?,?)");
    h.bind(1, e.mailbox).bind(2, e.seq).bind(3, e.hash);
    if (s.step() != SQLITE_DONE || h.step() != SQLITE_DONE) {
        *error = lastError(u"cannot append to the ledger of \"%1\""_s.arg(e.mailbox));
        return false;
    }
    return true;
}

std::optional<ChainHead> SqliteCatalog::head(const QString &mailbox) const
{
    auto s = m_statements.prepare(m_db, "SELECT mailbox, seq, hash FROM heads WHERE mailbox = ?");
    s.bind(1, mailbox);
    if (s.step() != SQLITE_ROW)
        return std::nullopt;
    return ChainHead{s.text(0), s.integer(1), s.text(2)};
}

QList<ChainHead> SqliteCatalog::heads() const
{
    QList<ChainHead> out;
    auto s = m_statements.prepare(m_db, "SELECT mailbox, seq, hash FROM heads ORDER BY mailbox");
    while (s.step() == SQLITE_ROW)
        out.append({s.text(0), s.integer(1), s.text(2)});
    return out;
}

QList<LedgerEntry> SqliteCatalog::entries(const QString &mailbox) const
{
    QList<LedgerEntry> out;
    auto s = m_statements.prepare(
        m_db, "SELECT mailbox, seq, time, event, placement_key, sha, detail, prev_hash, hash "
              "FROM ledger WHERE mailbox = ? ORDER BY seq");
    s.bind(1, mailbox);
    while (s.step() == SQLITE_ROW) {
        LedgerEntry e;
        e.mailbox = s.text(0);
        e.seq = s.integer(1);
        e.time = QDateTime::fromString(s.text(2), Qt::ISODateWithMs);
        e.event = s.text(3);
        e.key = s.text(4);
        e.sha256 = s.text(5);
        e.detail = s.text(6);
        e.prevHash = s.text(7);
        e.hash = s.text(8);
        out.append(e);
    }
    return out;
}

QStringList SqliteCatalog::ledgerMailboxes() const
{
    QStringList out;
    auto s = m_statements.prepare(
        m_db, "SELECT DISTINCT mailbox FROM ledger UNION SELECT mailbox FROM heads "
              "ORDER BY 1");
    while (s.step() == SQLITE_ROW)
        out.append(s.text(0));
    return out;
}

QString SqliteCatalog::meta(const QString &key) const
{
    auto s = m_statements.prepare(m_db, "SELECT value FROM meta WHERE key = ?");
    s.bind(1, key);
    return s.step() == SQLITE_ROW ? s.text(0) : QString();
}

bool SqliteCatalog::setMeta(const QString &key, const QString &value, QString *error)
{
    auto s = m_statements.prepare(m_db, "INSERT OR REPLACE INTO meta(key, value) VALUES(?,?)");
    s.bind(1, key).bind(2, value);
    if (!done(s.step(), u"cannot record "_s + key, error))
        return false;
    return true;
}

QList<MailboxFigures> SqliteCatalog::figures() const
{
    QHash<QString, MailboxFigures> by;
    auto s = m_statements.prepare(
        m_db, "SELECT mailbox, state, COUNT(*), SUM(size) FROM placements GROUP BY mailbox, "
              "state");
    while (s.step() == SQLITE_ROW) {
        MailboxFigures &f = by[s.text(0)];
        f.mailbox = s.text(0);
        const QString state = s.text(1);
        if (state == u"live"_s) {
            f.liveMessages = s.integer(2);
            f.liveBytes = s.integer(3);
        } else if (state == u"archived"_s) {
            f.archivedMessages = s.integer(2);
            f.archivedBytes = s.integer(3);
        } else {
            f.expiredMessages = s.integer(2);
        }
    }
    auto own = m_statements.prepare(
        m_db, "SELECT p.mailbox, SUM(b.stored_size) FROM blobs b JOIN (SELECT sha, "
              "MIN(mailbox) AS mailbox FROM placements WHERE state IN ('live', 'archived') "
              "GROUP BY sha HAVING COUNT(DISTINCT mailbox) = 1) p ON p.sha = b.sha GROUP BY "
              "p.mailbox");
    while (own.step() == SQLITE_ROW)
        by[own.text(0)].storedBytes = own.integer(1);
    QList<MailboxFigures> out = by.values();
    std::sort(out.begin(), out.end(),
              [](const auto &a, const auto &b) { return a.mailbox < b.mailbox; });
    return out;
}

SqliteCatalog::FtsRow SqliteCatalog::ftsRow(const QString &sha, qint64 id,
                                            const ExtractedMessage &m) const
{
    AddressColumn sender;
    sender.add(m.from);
    sender.add(m.sender);
    AddressColumn recipients;
    recipients.add(m.to);
    recipients.add(m.cc);
    recipients.add(m.bcc);
    // Only what never changes in a placement: its delivered_to, folder and prefix. A Sent copy
    // is delivered to its sender, who is no recipient of it.
    auto s = m_statements.prepare(
        m_db, "SELECT delivered_to, prefix, folder FROM placements WHERE sha = ? AND id <= ? "
              "ORDER BY id");
    s.bind(1, sha).bind(2, id);
    while (s.step() == SQLITE_ROW) {
        if (s.text(2) != QLatin1StringView(kSentFolder))
            recipients.addEnvelope(s.text(0));
        if (const auto from = envelopeSender(s.blob(1)))
            sender.addEnvelope(*from);
    }
    return {sender.text(), recipients.text(), m.subject, m.body, m.attachmentNames.join(u'\n')};
}

bool SqliteCatalog::indexMessage(const QString &sha, const ExtractedMessage &m, qint64 size,
                                 const QDateTime &indexed, QString *error)
{
    if (isIndexed(sha))
        return true;
    auto last =
        m_statements.prepare(m_db, "SELECT MAX(id), MIN(filed) FROM placements WHERE sha = ?");
    last.bind(1, sha);
    if (last.step() != SQLITE_ROW || last.isNull(0))
        return true; // no placement names it: nothing finds it (the next run removes it)
    const qint64 id = last.integer(0);
    const qint64 dated = m.date ? *m.date : last.integer(1) / 1000;
    QStringList toAddrs;
    for (const QList<MailAddress> *list : {&m.to, &m.cc}) {
        for (const MailAddress &a : *list) {
            if (!a.address.isEmpty())
                toAddrs.append(a.address);
        }
    }
    const MailAddress from = m.from.value(0);
    auto row = m_statements.prepare(
        m_db, "INSERT INTO messages(id, sha, date, from_addr, from_name, to_addrs, subject, "
              "message_id, size, attachments, text_bytes, indexed, dated) "
              "VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?)");
    row.bind(1, id).bind(2, sha);
    if (m.date)
        row.bind(3, *m.date);
    row.bind(4, from.address).bind(5, from.name).bind(6, toAddrs.join(u", "_s));
    row.bind(7, m.subject).bind(8, m.messageId).bind(9, size).bind(10, qint64(m.attachments));
    row.bind(11, qint64(m.body.toUtf8().size())).bind(12, indexed.toSecsSinceEpoch());
    row.bind(13, dated);
    if (!done(row.step(), u"cannot index message "_s + sha, error))
        return false;
    const FtsRow f = ftsRow(sha, id, m);
    auto text = m_statements.prepare(
        m_db, "INSERT INTO message_text(rowid, sender, recipients, subject, attachments) "
              "VALUES(?,?,?,?,?)");
    text.bind(1, id).bind(2, f.sender).bind(3, f.recipients).bind(4, f.subject);
    text.bind(5, f.attachments);
    if (!done(text.step(), u"cannot index the text of message "_s + sha, error))
        return false;
    auto body = m_statements.prepare(m_db, "INSERT INTO message_body(rowid, body) VALUES(?,?)");
    body.bind(1, id).bind(2, f.body);
    return done(body.step(), u"cannot index the body of message "_s + sha, error);
}

bool SqliteCatalog::unindexMessage(const QString &sha, const ExtractedMessage *m, QString *error)
{
    auto find = m_statements.prepare(m_db, "SELECT id FROM messages WHERE sha = ?");
    find.bind(1, sha);
    if (find.step() != SQLITE_ROW)
        return true;
    const qint64 id = find.integer(0);
    bool leftBehind = !m;
    if (m) {
        // Values that differ from those indexed (an extraction that changed since) make FTS5
        // report corruption: the delete is undone to the savepoint and the words stay behind,
        // under an id no other message gets, until a reindex.
        if (!exec("SAVEPOINT unindex", error))
            return false;
        const FtsRow f = ftsRow(sha, id, *m);
        int result = SQLITE_ERROR;
        QString failed;
        {
            auto text = m_statements.prepare(
                m_db, "INSERT INTO message_text(message_text, rowid, sender, recipients, "
                      "subject, attachments) VALUES('delete',?,?,?,?,?)");
            text.bind(1, id).bind(2, f.sender).bind(3, f.recipients).bind(4, f.subject);
            text.bind(5, f.attachments);
            result = text.step();
            failed = lastError(u"cannot remove the text of message "_s + sha);
            if (result == SQLITE_DONE) {
                auto body = m_statements.prepare(
                    m_db, "INSERT INTO message_body(message_body, rowid, body) "
                          "VALUES('delete',?,?)");
                body.bind(1, id).bind(2, f.body);
                result = body.step();
                failed = lastError(u"cannot remove the body of message "_s + sha);
            }
        } // finalized before the savepoint is rolled back to
        if (result != SQLITE_DONE && (result & 0xff) != SQLITE_CORRUPT) {
            QString ignored;
            exec("ROLLBACK TO unindex; RELEASE unindex", &ignored);
            *error = failed;
            return false;
        }
        leftBehind = result != SQLITE_DONE;
        if (!exec(leftBehind ? "ROLLBACK TO unindex; RELEASE unindex" : "RELEASE unindex", error))
            return false;
    }
    if (leftBehind &&
        !setMeta(u"index_left_behind"_s,
                 QString::number(meta(u"index_left_behind"_s).toLongLong() + 1), error))
        return false;
    auto row = m_statements.prepare(m_db, "DELETE FROM messages WHERE id = ?");
    row.bind(1, id);
    return done(row.step(), u"cannot remove message %1 from the index"_s.arg(sha), error);
}

bool SqliteCatalog::setEnvelope(qint64 placementId, const QString &mailFrom, QString *error)
{
    auto s = m_statements.prepare(
        m_db, "INSERT OR REPLACE INTO envelopes(placement_id, mail_from) VALUES(?,?)");
    s.bind(1, placementId).bind(2, mailFrom);
    return done(s.step(), u"cannot record the envelope of placement %1"_s.arg(placementId), error);
}

bool SqliteCatalog::isIndexed(const QString &sha) const
{
    auto s = m_statements.prepare(m_db, "SELECT 1 FROM messages WHERE sha = ?");
    s.bind(1, sha);
    return s.step() == SQLITE_ROW;
}

qint64 SqliteCatalog::indexedCount() const
{
    auto s = m_statements.prepare(m_db, "SELECT COUNT(*) FROM messages");
    return s.step() == SQLITE_ROW ? s.integer(0) : 0;
}

QStringList SqliteCatalog::unindexedBlobs() const
{
    QStringList out;
    // In the order of the ids they will be indexed under (indexMessage(): the last placement's):
    // FTS5 writes its pending words out whenever a row's id is below the last one's, so that
    // in any other order every message became a segment of its own, merged again and again.
    auto s = m_statements.prepare(
        m_db, "SELECT sha FROM blobs b WHERE removed IS NULL AND NOT EXISTS (SELECT 1 FROM "
              "messages m WHERE m.sha = b.sha) ORDER BY (SELECT MAX(id) FROM placements p "
              "WHERE p.sha = b.sha), sha");
    while (s.step() == SQLITE_ROW)
        out.append(s.text(0));
    return out;
}

bool SqliteCatalog::clearIndex(QString *error)
{
    return exec("DELETE FROM messages; INSERT INTO message_text(message_text) "
                "VALUES('delete-all'); INSERT INTO message_body(message_body) "
                "VALUES('delete-all'); DELETE FROM envelopes; DELETE FROM meta WHERE key = "
                "'index_left_behind';",
                error) &&
           setMeta(u"index_extractor"_s, QString::number(kExtractorVersion), error);
}

bool SqliteCatalog::hasMessage(const QString &mailbox, const QString &sha) const
{
    // placements_sha finds the message's few placements; the mailbox is checked on those.
    auto s = m_statements.prepare(m_db,
                                  "SELECT 1 FROM placements WHERE sha = ? AND mailbox = ? LIMIT 1");
    s.bind(1, sha).bind(2, mailbox);
    return s.step() == SQLITE_ROW;
}

} // namespace tandem::archive
