#include "catalog.h"
#include "sqlitestmt.h"

#include <QHash>

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

} // namespace

Catalog::~Catalog() = default;

SqliteCatalog::~SqliteCatalog()
{
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
    return exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;",
                error) &&
           exec(kSchema, error);
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
    Stmt s(m_db, "INSERT INTO blobs(sha, size, stored_size, created) VALUES(?,?,?,?) ON "
                 "CONFLICT(sha) DO UPDATE SET removed = NULL, stored_size = excluded.stored_size, "
                 "created = excluded.created WHERE removed IS NOT NULL");
    s.bind(1, blob.sha256).bind(2, blob.size).bind(3, blob.storedSize).bindTime(4, created);
    if (!done(s.step(), u"cannot record blob "_s + blob.sha256, error))
        return false;
    return true;
}

bool SqliteCatalog::removeBlob(const QString &sha, const QDateTime &removed, QString *error)
{
    Stmt s(m_db, "UPDATE blobs SET removed = ? WHERE sha = ?");
    s.bindTime(1, removed).bind(2, sha);
    if (!done(s.step(), u"cannot remove blob "_s + sha, error))
        return false;
    return true;
}

QList<BlobInfo> SqliteCatalog::blobs() const
{
    QList<BlobInfo> out;
    Stmt s(m_db, "SELECT sha, size, stored_size FROM blobs WHERE removed IS NULL ORDER BY sha");
    while (s.step() == SQLITE_ROW)
        out.append({s.text(0), s.integer(1), s.integer(2)});
    return out;
}

std::optional<BlobInfo> SqliteCatalog::blob(const QString &sha) const
{
    Stmt s(m_db, "SELECT sha, size, stored_size FROM blobs WHERE sha = ? AND removed IS NULL");
    s.bind(1, sha);
    if (s.step() != SQLITE_ROW)
        return std::nullopt;
    return BlobInfo{s.text(0), s.integer(1), s.integer(2)};
}

QStringList SqliteCatalog::unreferencedBlobs() const
{
    QStringList out;
    Stmt s(m_db, "SELECT sha FROM blobs b WHERE removed IS NULL AND NOT EXISTS (SELECT 1 FROM "
                 "placements p WHERE "
                 "p.sha = b.sha AND p.state IN ('live', 'archived'))");
    while (s.step() == SQLITE_ROW)
        out.append(s.text(0));
    return out;
}

bool SqliteCatalog::insertPlacement(Placement *p, bool *inserted, QString *error)
{
    Stmt s(m_db, "INSERT OR IGNORE INTO placements(mailbox, folder, key, delivered_to, prefix, "
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
    Stmt s(m_db, "UPDATE placements SET folder = ?, flags = ?, archived = ?, state = ? WHERE "
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
    Stmt s(m_db, "SELECT DISTINCT mailbox FROM placements ORDER BY mailbox");
    while (s.step() == SQLITE_ROW)
        out.append(s.text(0));
    return out;
}

QList<Hold> SqliteCatalog::holds() const
{
    QList<Hold> out;
    Stmt s(m_db, "SELECT mailbox, since, who, reason FROM holds ORDER BY mailbox");
    while (s.step() == SQLITE_ROW)
        out.append({s.text(0), s.time(1), s.text(2), s.text(3)});
    return out;
}

bool SqliteCatalog::setHold(const Hold &hold, QString *error)
{
    Stmt s(m_db, "INSERT OR REPLACE INTO holds(mailbox, since, who, reason) VALUES(?,?,?,?)");
    s.bind(1, hold.mailbox).bindTime(2, hold.since).bind(3, hold.who).bind(4, hold.reason);
    if (!done(s.step(), u"cannot set the hold"_s, error))
        return false;
    return true;
}

bool SqliteCatalog::clearHold(const QString &mailbox, QString *error)
{
    Stmt s(m_db, "DELETE FROM holds WHERE mailbox = ?");
    s.bind(1, mailbox);
    if (!done(s.step(), u"cannot clear the hold"_s, error))
        return false;
    return true;
}

bool SqliteCatalog::appendEntry(const LedgerEntry &e, QString *error)
{
    Stmt s(m_db, "INSERT INTO ledger(mailbox, seq, time, event, placement_key, sha, detail, "
                 "prev_hash, hash) VALUES(?,?,?,?,?,?,?,?,?)");
    s.bind(1, e.mailbox).bind(2, e.seq).bind(3, e.time.toString(Qt::ISODateWithMs));
    s.bind(4, e.event).bind(5, e.key).bind(6, e.sha256).bind(7, e.detail);
    s.bind(8, e.prevHash).bind(9, e.hash);
    Stmt h(m_db, "INSERT OR REPLACE INTO heads(mailbox, seq, hash) VALUES(?,?,?)");
    h.bind(1, e.mailbox).bind(2, e.seq).bind(3, e.hash);
    if (s.step() != SQLITE_DONE || h.step() != SQLITE_DONE) {
        *error = lastError(u"cannot append to the ledger of \"%1\""_s.arg(e.mailbox));
        return false;
    }
    return true;
}

std::optional<ChainHead> SqliteCatalog::head(const QString &mailbox) const
{
    Stmt s(m_db, "SELECT mailbox, seq, hash FROM heads WHERE mailbox = ?");
    s.bind(1, mailbox);
    if (s.step() != SQLITE_ROW)
        return std::nullopt;
    return ChainHead{s.text(0), s.integer(1), s.text(2)};
}

QList<ChainHead> SqliteCatalog::heads() const
{
    QList<ChainHead> out;
    Stmt s(m_db, "SELECT mailbox, seq, hash FROM heads ORDER BY mailbox");
    while (s.step() == SQLITE_ROW)
        out.append({s.text(0), s.integer(1), s.text(2)});
    return out;
}

QList<LedgerEntry> SqliteCatalog::entries(const QString &mailbox) const
{
    QList<LedgerEntry> out;
    Stmt s(m_db, "SELECT mailbox, seq, time, event, placement_key, sha, detail, prev_hash, hash "
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
    Stmt s(m_db, "SELECT DISTINCT mailbox FROM ledger UNION SELECT mailbox FROM heads "
                 "ORDER BY 1");
    while (s.step() == SQLITE_ROW)
        out.append(s.text(0));
    return out;
}

QString SqliteCatalog::meta(const QString &key) const
{
    Stmt s(m_db, "SELECT value FROM meta WHERE key = ?");
    s.bind(1, key);
    return s.step() == SQLITE_ROW ? s.text(0) : QString();
}

bool SqliteCatalog::setMeta(const QString &key, const QString &value, QString *error)
{
    Stmt s(m_db, "INSERT OR REPLACE INTO meta(key, value) VALUES(?,?)");
    s.bind(1, key).bind(2, value);
    if (!done(s.step(), u"cannot record "_s + key, error))
        return false;
    return true;
}

QList<MailboxFigures> SqliteCatalog::figures() const
{
    QHash<QString, MailboxFigures> by;
    Stmt s(m_db, "SELECT mailbox, state, COUNT(*), SUM(size) FROM placements GROUP BY mailbox, "
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
    Stmt own(m_db, "SELECT p.mailbox, SUM(b.stored_size) FROM blobs b JOIN (SELECT sha, "
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

} // namespace tandem::archive
