#include "outbox.h"

#include "spool/record.h"
#include "util/enumnames.h"
#include "util/fsutil.h"
#include "util/log.h"
#include "util/sqlitestmt.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>

#include <cerrno>
#include <fcntl.h>
#include <sqlite3.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace tandem::delivery {

namespace {

const QList<QPair<QString, EntryState>> kStates{{u"queued"_s, EntryState::Queued},
                                                {u"delivering"_s, EntryState::Delivering},
                                                {u"deferred"_s, EntryState::Deferred},
                                                {u"held"_s, EntryState::Held}};

const QList<QPair<QString, RecipientOutcome>> kOutcomes{
    {u"deferred"_s, RecipientOutcome::Deferred},
    {u"delivered"_s, RecipientOutcome::Delivered},
    {u"failed"_s, RecipientOutcome::Failed}};

QString isoOrEmpty(const QDateTime &t)
{
    return t.isValid() ? t.toUTC().toString(Qt::ISODateWithMs) : QString();
}

} // namespace

QString toString(EntryState state)
{
    return enumName(kStates, state);
}

std::optional<EntryState> entryStateFromString(const QString &text)
{
    return enumFromName(kStates, text);
}

QString toString(RecipientOutcome outcome)
{
    return enumName(kOutcomes, outcome);
}

std::optional<RecipientOutcome> recipientOutcomeFromString(const QString &text)
{
    return enumFromName(kOutcomes, text);
}

QByteArray serialize(const OutboxEntry &e)
{
    const QJsonObject o{{u"id"_s, e.id},
                        {u"message"_s, e.messageId},
                        {u"sender"_s, e.sender},
                        {u"recipients"_s, QJsonArray::fromStringList(e.recipients)},
                        {u"size"_s, e.size},
                        {u"next_hop"_s, e.nextHop},
                        {u"state"_s, toString(e.state)},
                        {u"attempts"_s, e.attempts},
                        {u"created"_s, isoOrEmpty(e.created)},
                        {u"next_attempt"_s, isoOrEmpty(e.nextAttempt)},
                        {u"last_reply"_s, e.lastReply}};
    QJsonObject full = o;
    QJsonArray history;
    for (const Attempt &a : e.history)
        history.append(QJsonObject{{u"time"_s, isoOrEmpty(a.time)}, {u"reply"_s, a.reply}});
    full.insert(u"history"_s, history);
    // Written only when there is something: older records read the same.
    if (!e.results.isEmpty()) {
        QJsonArray results;
        for (const RecipientResult &r : e.results)
            results.append(QJsonObject{{u"recipient"_s, r.recipient},
                                       {u"outcome"_s, toString(r.outcome)},
                                       {u"reply"_s, r.reply},
                                       {u"time"_s, isoOrEmpty(r.time)}});
        full.insert(u"results"_s, results);
    }
    if (!e.subject.isEmpty())
        full.insert(u"subject"_s, e.subject);
    if (!e.client.isEmpty())
        full.insert(u"client"_s, e.client);
    if (!e.helo.isEmpty())
        full.insert(u"helo"_s, e.helo);
    full.insert(u"warned"_s, e.warned);
    if (!e.ret.isEmpty())
        full.insert(u"ret"_s, e.ret);
    if (!e.envid.isEmpty())
        full.insert(u"envid"_s, e.envid);
    full.insert(u"eight_bit"_s, e.eightBit);
    full.insert(u"smtp_utf8"_s, e.smtpUtf8);
    if (!e.dsn.isEmpty())
        full.insert(u"dsn"_s, spool::dsnToJson(e.dsn));
    return spool::record::encode("outbox", OutboxEntry::kVersion, full);
}

std::optional<OutboxEntry> deserializeEntry(const QByteArray &bytes, QString *error)
{
    const auto o = spool::record::decode(bytes, "outbox", OutboxEntry::kVersion, error);
    if (!o)
        return std::nullopt;
    OutboxEntry e;
    e.id = o->value(u"id"_s).toString();
    e.messageId = o->value(u"message"_s).toString();
    e.sender = o->value(u"sender"_s).toString();
    for (const QJsonValue &v : o->value(u"recipients"_s).toArray())
        e.recipients.append(v.toString());
    e.size = o->value(u"size"_s).toInteger();
    e.nextHop = o->value(u"next_hop"_s).toString();
    const auto state = entryStateFromString(o->value(u"state"_s).toString());
    e.attempts = o->value(u"attempts"_s).toInt();
    e.created = QDateTime::fromString(o->value(u"created"_s).toString(), Qt::ISODateWithMs);
    e.nextAttempt =
        QDateTime::fromString(o->value(u"next_attempt"_s).toString(), Qt::ISODateWithMs);
    e.lastReply = o->value(u"last_reply"_s).toString();
    for (const QJsonValue &v : o->value(u"history"_s).toArray()) {
        const QJsonObject a = v.toObject();
        e.history.append(
            Attempt{QDateTime::fromString(a.value(u"time"_s).toString(), Qt::ISODateWithMs),
                    a.value(u"reply"_s).toString()});
    }
    for (const QJsonValue &v : o->value(u"results"_s).toArray()) {
        const QJsonObject r = v.toObject();
        const auto outcome = recipientOutcomeFromString(r.value(u"outcome"_s).toString());
        if (!outcome)
            continue;
        e.results.append(RecipientResult{
            r.value(u"recipient"_s).toString(), *outcome, r.value(u"reply"_s).toString(),
            QDateTime::fromString(r.value(u"time"_s).toString(), Qt::ISODateWithMs)});
    }
    e.subject = o->value(u"subject"_s).toString();
    e.client = o->value(u"client"_s).toString();
    e.helo = o->value(u"helo"_s).toString();
    e.warned = o->value(u"warned"_s).toBool();
    e.ret = o->value(u"ret"_s).toString();
    e.envid = o->value(u"envid"_s).toString();
    e.eightBit = o->value(u"eight_bit"_s).toBool(true);
    e.smtpUtf8 = o->value(u"smtp_utf8"_s).toBool(false);
    e.dsn = spool::dsnFromJson(o->value(u"dsn"_s).toObject());
    if (e.id.isEmpty() || !state || e.recipients.isEmpty()) {
        *error = u"entry lacks an id, a state or recipients"_s;
        return std::nullopt;
    }
    e.state = *state;
    return e;
}

Outbox::Outbox(const QString &directory, std::shared_ptr<spool::QueueDb> db)
    : m_dir(directory)
    , m_db(std::move(db))
{}

std::shared_ptr<spool::QueueDb> Outbox::db(QString *error) const
{
    std::lock_guard lock(m_dbMutex);
    if (!m_db)
        m_db = spool::QueueDb::open(QFileInfo(m_dir).path(), error);
    return m_db;
}

QString Outbox::messagePath(const QString &entryId) const
{
    return m_dir + u'/' + entryId + u".msg"_s;
}

QByteArray Outbox::rowBody(const QString &entryId) const
{
    QString error;
    const auto queueDb = db(&error);
    return queueDb ? queueDb->blob("SELECT body FROM outbox WHERE id = ?", entryId)
                         .value_or(QByteArray())
                   : QByteArray();
}

std::optional<QByteArray> Outbox::record(const QString &entryId) const
{
    QString error;
    const auto queueDb = db(&error);
    if (!queueDb)
        return std::nullopt;
    return queueDb->blob("SELECT record FROM outbox WHERE id = ?", entryId);
}

bool Outbox::contains(const QString &entryId) const
{
    QString error;
    const auto queueDb = db(&error);
    if (!queueDb)
        return false;
    std::lock_guard lock(queueDb->mutex());
    auto row = queueDb->prepare("SELECT 1 FROM outbox WHERE id = ?");
    return row.bind(1, entryId).step() == SQLITE_ROW;
}

bool Outbox::write(const QList<OutboxEntry> &entries, QString *error, bool newFiles)
{
    const auto queueDb = db(error);
    if (!queueDb)
        return false;
    // New flushed message files' names are made durable before the records that need them
    // (and before the database is held).
    if (newFiles && flushedFiles(entries) && !fsutil::fsyncDirectory(m_dir, error))
        return false;
    spool::QueueDb::Transaction t(*queueDb);
    for (const OutboxEntry &entry : entries) {
        QByteArray body;
        {
            std::lock_guard lock(m_preparedMutex);
            body = m_prepared.take(entry.id);
        }
        // An update keeps the bytes the row has.
        auto upsert = queueDb->prepare(
            "INSERT INTO outbox (id, record, body) VALUES (?, ?, ?) ON CONFLICT (id) DO UPDATE "
            "SET record = excluded.record, body = IFNULL(excluded.body, body)");
        if (upsert.bind(1, entry.id).bindBlob(2, serialize(entry)).bindBlobOrNull(3, body).step() !=
            SQLITE_DONE) {
            *error = u"%1: %2"_s.arg(queueDb->path(), upsert.lastError());
            return false;
        }
    }
    return t.commit(error);
}

bool Outbox::add(const OutboxEntry &entry, const QString &messageFile, QString *error,
                 const QByteArray &prefix)
{
    if (contains(entry.id))
        return true;
    return prepare(entry, messageFile, error, prefix) && insert({entry}, error);
}

bool Outbox::prepare(const OutboxEntry &entry, const QString &messageFile, QString *error,
                     const QByteArray &prefix)
{
    const QString target = messagePath(entry.id);
    QFile source(messageFile);
    if (!source.open(QIODevice::ReadOnly)) {
        *error = u"cannot read %1: %2"_s.arg(messageFile, source.errorString());
        return false;
    }
    // A small message's bytes go in its row (written by insert()), and its file is not flushed.
    QByteArray body;
    if (source.size() > 0 && prefix.size() + source.size() <= spool::kInlineBytes) {
        body = prefix + source.readAll();
        if (body.size() != prefix.size() + source.size()) {
            *error = u"cannot read %1: %2"_s.arg(messageFile, source.errorString());
            return false;
        }
    }
    // A hard link shares the queue's bytes (made durable there, or kept in its row and now in
    // this one); the queue's later removal of its own name leaves the Outbox's intact.
    const auto link = [&] {
        return ::link(QFile::encodeName(messageFile).constData(),
                      QFile::encodeName(target).constData()) == 0;
    };
    // A name there already was left by an attempt that crashed before its record: replaced.
    bool ok = prefix.isEmpty() && (link() || (errno == EEXIST && QFile::remove(target) && link()));
    if (!ok) {
        // A copy: written over whatever was left there (O_TRUNC), which may be a link to a
        // file of the queue, so never into it.
        QFile::remove(target);
        fsutil::Fd fd(::open(QFile::encodeName(target).constData(),
                             O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0640));
        if (!fd.isValid()) {
            *error = u"cannot create %1: %2"_s.arg(target, fsutil::errnoText(errno));
            return false;
        }
        ok = fd.writeAll(prefix.constData(), prefix.size(), error);
        if (ok && !body.isNull()) {
            ok = fd.writeAll(body.constData() + prefix.size(), body.size() - prefix.size(), error);
        } else {
            while (ok && !source.atEnd()) {
                const QByteArray chunk = source.read(256 * 1024);
                ok = fd.writeAll(chunk.constData(), chunk.size(), error);
            }
        }
        ok = ok && (!body.isNull() || fsutil::fsyncFd(fd.get(), error)) && fd.close(error);
    }
    std::lock_guard lock(m_preparedMutex);
    if (ok && !body.isNull())
        m_prepared.insert(entry.id, body);
    else
        m_prepared.remove(entry.id);
    return ok;
}

bool Outbox::flushedFiles(const QList<OutboxEntry> &entries) const
{
    std::lock_guard lock(m_preparedMutex);
    return std::any_of(entries.cbegin(), entries.cend(),
                       [this](const OutboxEntry &e) { return !m_prepared.contains(e.id); });
}

int Outbox::restoreFiles(QString *error)
{
    const auto queueDb = db(error);
    if (!queueDb)
        return -1;
    QList<QPair<QString, QByteArray>> bodies;
    {
        std::lock_guard lock(queueDb->mutex());
        auto rows = queueDb->prepare("SELECT id, body FROM outbox WHERE body IS NOT NULL");
        while (rows.step() == SQLITE_ROW)
            bodies.append({rows.text(0), rows.blob(1)});
    }
    int restored = 0;
    for (const auto &[id, body] : std::as_const(bodies)) {
        bool rewritten = false;
        QString why;
        if (!fsutil::restoreFile(messagePath(id), body, &rewritten, &why))
            log::error(u"outbox"_s, u"cannot write the message file again: "_s + why, id);
        restored += rewritten;
    }
    if (restored && !fsutil::fsyncDirectory(m_dir, error))
        return -1;
    return restored;
}

bool Outbox::insert(const QList<OutboxEntry> &entries, QString *error, bool syncFolder)
{
    return entries.isEmpty() || write(entries, error, syncFolder);
}

bool Outbox::update(const OutboxEntry &entry, QString *error)
{
    return write({entry}, error, false);
}

bool Outbox::remove(const QString &entryId, QString *error)
{
    return remove(QStringList{entryId}, error);
}

bool Outbox::remove(const QStringList &entryIds, QString *error)
{
    if (entryIds.isEmpty())
        return true;
    const auto queueDb = db(error);
    if (!queueDb)
        return false;
    {
        // The record goes first: without it the entry no longer exists.
        spool::QueueDb::Transaction t(*queueDb);
        for (const QString &id : entryIds) {
            auto erase = queueDb->prepare("DELETE FROM outbox WHERE id = ?");
            if (erase.bind(1, id).step() != SQLITE_DONE) {
                *error = u"%1: %2"_s.arg(queueDb->path(), erase.lastError());
                return false;
            }
        }
        if (!t.commit(error))
            return false;
    }
    for (const QString &id : entryIds) {
        if (m_pool)
            m_pool->release(messagePath(id));
        else
            ::unlink(QFile::encodeName(messagePath(id)).constData());
    }
    return true;
}

std::optional<OutboxEntry> Outbox::load(const QString &entryId, QString *error) const
{
    const auto bytes = record(entryId);
    if (!bytes) {
        *error = u"no Outbox entry %1"_s.arg(entryId);
        return std::nullopt;
    }
    return deserializeEntry(*bytes, error);
}

QString Outbox::corruptDir() const
{
    return QFileInfo(m_dir).path() + u"/corrupt"_s;
}

void Outbox::moveToCorrupt(const QString &entryId, const QString &why)
{
    // The record and the message are kept in corrupt/, then the entry leaves the queue; the
    // .why file comes last and says it is done.
    const QString corrupt = corruptDir() + u'/';
    QString error;
    if (const auto bytes = record(entryId))
        fsutil::writeDurably(corrupt + entryId + u".entry"_s, *bytes, &error);
    const QString path = messagePath(entryId);
    const QString to = corrupt + QFileInfo(path).fileName();
    if (QFile::exists(path) &&
        ::rename(QFile::encodeName(path).constData(), QFile::encodeName(to).constData()) != 0)
        error = u"cannot move %1: %2"_s.arg(path, fsutil::errnoText(errno));
    // A small message's bytes are durable in its row, not in its file.
    if (const QByteArray body = rowBody(entryId); !body.isNull())
        fsutil::writeDurably(to, body, &error);
    if (!remove(entryId, &error) ||
        !fsutil::writeDurably(corrupt + entryId + u".why"_s, why.toUtf8() + '\n', &error))
        log::error(u"outbox"_s, error, entryId);
    log::error(u"outbox"_s, u"entry moved to corrupt/: "_s + why, entryId);
}

QList<OutboxEntry> Outbox::list(QStringList *unreadable) const
{
    QList<OutboxEntry> entries;
    QString error;
    const auto queueDb = db(&error);
    if (!queueDb) {
        if (unreadable && QDir(QFileInfo(m_dir).path()).exists())
            unreadable->append(u"queue: "_s + error);
        return entries;
    }
    std::lock_guard lock(queueDb->mutex());
    auto rows = queueDb->prepare("SELECT id, record FROM outbox ORDER BY id");
    while (rows.step() == SQLITE_ROW) {
        const QString id = rows.text(0);
        if (auto e = deserializeEntry(rows.blob(1), &error))
            entries.append(*e);
        else if (unreadable)
            unreadable->append(id + u": "_s + error);
    }
    return entries;
}

} // namespace tandem::delivery
