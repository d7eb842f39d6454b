#include "admin.h"

#include "archive/archive.h"
#include "archive/maintenance.h"
#include "config/passwords.h"
#include "delivery/deliveryqueue.h"
#include "engine.h"
#include "mailbox/mailboxstore.h"
#include "routing/dispatcher.h"
#include "routing/router.h"
#include "searchcommands.h"
#include "smtp/authguard.h"
#include "spool/spool.h"
#include "util/clock.h"
#include "util/fsutil.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QThread>
#include <QUuid>

#include <atomic>
#include <csignal>
#include <fcntl.h>
#include <grp.h>
#include <pwd.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace tandem::admin {

namespace {

std::optional<QJsonObject> readConfigObject(const QString &path, QTextStream &err)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        err << u"cannot read %1: %2\n"_s.arg(path, file.errorString());
        return std::nullopt;
    }
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll());
    if (!doc.isObject()) {
        err << u"%1 is not a JSON object\n"_s.arg(path);
        return std::nullopt;
    }
    return doc.object();
}

qsizetype findUser(const QJsonArray &users, const QString &name)
{
    for (qsizetype i = 0; i < users.size(); ++i) {
        if (config::canonicalUserName(users.at(i).toObject().value(u"name"_s).toString()) == name)
            return i;
    }
    return -1;
}

std::optional<QByteArray> askNewPassword(const PasswordReader &read, QTextStream &err)
{
    const auto password = read(u"New password: "_s);
    if (!password || password->isEmpty()) {
        err << "no password given (it is read from standard input)\n";
        return std::nullopt;
    }
    return password;
}

} // namespace

int userCommand(const QString &configPath, const QStringList &args, const PasswordReader &read,
                QTextStream &out, QTextStream &err)
{
    const QString usage =
        u"usage: tandemd --config FILE user add|passwd|del|verify NAME | user list\n"_s;
    if (args.isEmpty()) {
        err << usage;
        return 2;
    }
    // The file must be valid before we change it, and stay valid after.
    const config::LoadResult loaded = config::loadFile(configPath);
    if (!loaded.ok()) {
        for (const QString &e : loaded.errors)
            err << e << '\n';
        return 2;
    }
    auto root = readConfigObject(configPath, err);
    if (!root)
        return 2;
    QJsonObject mailboxes = root->value(u"mailboxes"_s).toObject();
    QJsonArray users = mailboxes.value(u"users"_s).toArray();
    const QString verb = args.at(0);

    if (verb == u"list"_s && args.size() == 1) {
        for (const config::User &u : loaded.settings.mailboxes.users)
            out << u.name << (u.password.isEmpty() ? u"  (no password)"_s : QString()) << '\n';
        return 0;
    }
    if (verb == u"verify"_s && args.size() == 2) {
        // For a mail reader's login (Dovecot's checkpassword): the password on standard
        // input, the user's address on standard output when it is right. The same check as
        // SMTP AUTH's, without its failure counting (the caller has its own).
        const config::User *user = smtp::findUser(loaded.settings, args.at(1));
        const auto password = read(u"Password: "_s);
        if (!user || user->password.isEmpty() || !password ||
            !passwords::verify(*password, user->password)) {
            err << u"authentication failed for %1\n"_s.arg(args.at(1));
            return 1;
        }
        out << smtp::userAddress(loaded.settings, *user) << '\n';
        return 0;
    }
    if (args.size() != 2 || !QStringList{u"add"_s, u"passwd"_s, u"del"_s}.contains(verb)) {
        err << usage;
        return 2;
    }
    const QString name = config::canonicalUserName(args.at(1));
    const qsizetype index = findUser(users, name);
    if (verb == u"add"_s) {
        if (index >= 0) {
            err << u"user %1 exists already; use \"user passwd %1\"\n"_s.arg(name);
            return 1;
        }
        const auto password = askNewPassword(read, err);
        if (!password)
            return 1;
        users.append(QJsonObject{{u"name"_s, name}, {u"password"_s, passwords::hash(*password)}});
    } else {
        if (index < 0) {
            err << u"no user %1\n"_s.arg(name);
            return 1;
        }
        if (verb == u"del"_s) {
            users.removeAt(index);
        } else {
            const auto password = askNewPassword(read, err);
            if (!password)
                return 1;
            QJsonObject user = users.at(index).toObject();
            user.insert(u"password"_s, passwords::hash(*password));
            users.replace(index, user);
        }
    }
    mailboxes.insert(u"users"_s, users);
    root->insert(u"mailboxes"_s, mailboxes);
    const config::LoadResult check =
        config::parse(QJsonDocument(*root).toJson(), loaded.settings.baseDir);
    if (!check.ok()) {
        for (const QString &e : check.errors)
            err << e << '\n';
        return 2;
    }
    QString error;
    if (!config::saveJson(*root, configPath, &error)) {
        err << u"cannot write %1: %2\n"_s.arg(configPath, error);
        return 1;
    }
    out << u"user %1 %2\n"_s.arg(name, verb == u"add"_s   ? u"added"_s
                                       : verb == u"del"_s ? u"removed"_s
                                                          : u"password changed"_s);
    // As postfix reload after postmap: a running daemon takes the change now, not at its next
    // start (until then it would refuse the new user's mail with 550 5.1.1).
    out.flush();
    return reloadCommand(loaded.settings, true, out, err);
}

QJsonArray outboxToJson(const config::Settings &settings)
{
    QJsonArray array;
    for (const delivery::OutboxEntry &e : Engine::readQueue(settings)) {
        array.append(QJsonObject{{u"id"_s, e.id},
                                 {u"message"_s, e.messageId},
                                 {u"sender"_s, e.sender},
                                 {u"recipients"_s, QJsonArray::fromStringList(e.recipients)},
                                 {u"subject"_s, e.subject},
                                 {u"size"_s, e.size},
                                 {u"next_hop"_s, e.nextHop},
                                 {u"state"_s, delivery::toString(e.state)},
                                 {u"attempts"_s, e.attempts},
                                 {u"created"_s, e.created.toString(Qt::ISODate)},
                                 {u"next_attempt"_s, e.nextAttempt.toString(Qt::ISODate)},
                                 {u"last_reply"_s, e.lastReply},
                                 {u"history"_s, [&e] {
                                      QJsonArray h;
                                      for (const delivery::Attempt &a : e.history)
                                          h.append(
                                              QJsonObject{{u"time"_s, a.time.toString(Qt::ISODate)},
                                                          {u"reply"_s, a.reply}});
                                      return h;
                                  }()}});
    }
    return array;
}

namespace {

QString userName(uid_t uid)
{
    const passwd *pw = ::getpwuid(uid);
    return pw ? QString::fromLocal8Bit(pw->pw_name) : QString::number(uid);
}

// The queue belongs to the user the daemon runs as, who owns the data folder. Run as root,
// the command becomes that user, so that what it writes (a request to the daemon, a changed
// Outbox entry) is that user's to read and change; run as anyone else who cannot write
// there, it says so at once instead of waiting for an answer that cannot come.
bool actAsDataOwner(const config::Settings &settings, QString *error)
{
    const QString dir = Engine::controlDir(settings);
    struct stat st;
    if (::stat(QFile::encodeName(settings.dataPath()).constData(), &st) != 0) {
        *error = u"cannot use the data folder %1: %2"_s.arg(settings.dataPath(),
                                                            fsutil::errnoText(errno));
        return false;
    }
    if (::geteuid() == 0 && st.st_uid != 0) {
        const passwd *pw = ::getpwuid(st.st_uid);
        const gid_t gid = pw ? pw->pw_gid : st.st_gid;
        if ((pw && ::initgroups(pw->pw_name, gid) != 0) || ::setgid(gid) != 0 ||
            ::setuid(st.st_uid) != 0) {
            *error = u"cannot act as %1, the owner of %2: %3"_s.arg(
                userName(st.st_uid), settings.dataPath(), fsutil::errnoText(errno));
            return false;
        }
    }
    for (const QString &path : {dir, settings.dataPath() + u"/spool/outbox"_s}) {
        if (QFileInfo::exists(path) &&
            ::access(QFile::encodeName(path).constData(), W_OK | X_OK) != 0) {
            *error = u"cannot write to %1 as user %2 (it belongs to %3): run the command as %3, "
                     "e.g. sudo -u %3 tandemd ..."_s.arg(path, userName(::geteuid()),
                                                         userName(st.st_uid));
            return false;
        }
    }
    return true;
}

// Hands a request to the running daemon through spool/control/ and waits for its answer.
std::optional<QJsonObject> askDaemon(const config::Settings &settings, const QJsonObject &request,
                                     QString *error, bool untilDone = false)
{
    const QString dir = Engine::controlDir(settings);
    const QString name = QUuid::createUuid().toString(QUuid::Id128);
    // Written under a name the daemon ignores, then renamed: it never reads half a request.
    if (!fsutil::writeDurably(dir + u'/' + name + u".req"_s, QJsonDocument(request).toJson(), error,
                              false))
        return std::nullopt;
    const QString answer = dir + u'/' + name + u".done"_s;
    QDeadlineTimer deadline(10000);
    while (!QFile::exists(answer)) {
        // Work that takes its time (an archive run) is waited for while the daemon runs.
        if (untilDone && deadline.hasExpired() && Engine::isDataFolderInUse(settings))
            deadline.setRemainingTime(10000);
        if (deadline.hasExpired()) {
            QFile::remove(dir + u'/' + name + u".req"_s);
            *error = untilDone ? u"the daemon stopped before it answered"_s
                               : u"the running daemon did not answer within 10 seconds"_s;
            return std::nullopt;
        }
        QThread::msleep(20);
    }
    QFile file(answer);
    file.open(QIODevice::ReadOnly);
    const QJsonObject reply = QJsonDocument::fromJson(file.readAll()).object();
    file.remove();
    return reply;
}

std::optional<delivery::OperationResult> askDaemonToApply(const config::Settings &settings,
                                                          const QString &op, const QStringList &ids,
                                                          bool all, QString *error)
{
    const auto reply = askDaemon(
        settings, {{u"op"_s, op}, {u"ids"_s, QJsonArray::fromStringList(ids)}, {u"all"_s, all}},
        error);
    if (!reply)
        return std::nullopt;
    if (reply->contains(u"error"_s)) {
        *error =
            u"the daemon could not act on the request: "_s + reply->value(u"error"_s).toString();
        return std::nullopt;
    }
    delivery::OperationResult r;
    for (const QJsonValue &v : reply->value(u"changed"_s).toArray())
        r.changed.append(v.toString());
    for (const QJsonValue &v : reply->value(u"missing"_s).toArray())
        r.missing.append(v.toString());
    for (const QJsonValue &v : reply->value(u"refused"_s).toArray())
        r.refused.append(v.toString());
    return r;
}

std::optional<delivery::OperationResult> applyHere(const config::Settings &settings,
                                                   delivery::QueueOperation op,
                                                   const QStringList &ids, bool all, QString *error)
{
    auto shared = std::make_shared<const config::Settings>(settings);
    spool::Spool spool(settings.dataPath() + u"/spool"_s);
    if (!spool.open(error))
        return std::nullopt;
    delivery::Outbox outbox(spool.outboxDir(), spool.db());
    outbox.setFilePool(spool.filePool());
    mailbox::MailboxStore store(settings.dataPath() + u"/mailboxes"_s, settings.server.hostname,
                                settings.mailboxes.mailboxTemplate);
    auto router = std::make_shared<const routing::Router>(
        shared, [&store](const QString &l, const QString &d) { return store.existsOnDisk(l, d); });
    // Messages waiting for local delivery are the dispatcher's, the rest the Outbox's.
    routing::Dispatcher dispatcher(&spool, &store, &outbox, router);
    dispatcher.adopt(spool.pendingIds());
    const QList<delivery::OutboxEntry> waiting = dispatcher.waitingEntries();
    QSet<QString> localIds;
    for (const delivery::OutboxEntry &e : waiting)
        localIds.insert(e.id);
    QStringList local;
    QStringList rest;
    for (const QString &id : ids)
        (localIds.contains(id) ? local : rest).append(id);
    delivery::OperationResult r =
        delivery::DeliveryQueue::applyOffline(settings, &outbox, &spool, router, op, rest, all);
    if (all || !local.isEmpty()) {
        const delivery::OperationResult l = dispatcher.apply(op, local, all);
        r.changed += l.changed;
        r.missing += l.missing;
    }
    return r;
}

} // namespace

int queueCommand(const config::Settings &settings, const QStringList &args, bool json, bool all,
                 QTextStream &out, QTextStream &err)
{
    const QString usage = u"usage: tandemd --config FILE queue list [--json]\n"
                          "       tandemd --config FILE queue retry|hold|release|delete|bounce "
                          "ID... | --all\n"_s;
    if (args.isEmpty()) {
        err << usage;
        return 2;
    }
    if (args.first() != u"list"_s) {
        const auto op = delivery::queueOperationFromString(args.first());
        const QStringList ids = args.mid(1);
        if (!op || (ids.isEmpty() != all)) {
            err << usage;
            return 2;
        }
        QString error;
        std::optional<delivery::OperationResult> result;
        if (actAsDataOwner(settings, &error))
            result = Engine::isDataFolderInUse(settings)
                         ? askDaemonToApply(settings, args.first(), ids, all, &error)
                         : applyHere(settings, *op, ids, all, &error);
        if (!result) {
            err << u"tandemd: %1\n"_s.arg(error);
            return 1;
        }
        for (const QString &id : result->changed)
            out << u"%1: %2\n"_s.arg(id, args.first());
        for (const QString &id : result->missing)
            err << u"%1: no such queue entry\n"_s.arg(id);
        for (const QString &why : result->refused)
            err << u"%1 (not %2)\n"_s.arg(why, args.first() == u"delete"_s ? u"deleted"_s
                                                                           : u"returned"_s);
        return result->missing.isEmpty() && result->refused.isEmpty() ? 0 : 1;
    }
    if (args.size() != 1) {
        err << usage;
        return 2;
    }
    QStringList unreadable;
    const QList<delivery::OutboxEntry> entries = Engine::readQueue(settings, &unreadable);
    for (const QString &u : std::as_const(unreadable))
        err << u"unreadable Outbox entry %1\n"_s.arg(u);
    if (json) {
        out << QJsonDocument(outboxToJson(settings)).toJson(QJsonDocument::Indented);
        return 0;
    }
    if (entries.isEmpty()) {
        out << "Queue is empty\n";
        return 0;
    }
    for (const delivery::OutboxEntry &e : entries) {
        out << u"%1  %2  %3 bytes  attempts %4  next %5\n"_s.arg(e.id, delivery::toString(e.state))
                   .arg(e.size)
                   .arg(e.attempts)
                   .arg(e.nextAttempt.toString(Qt::ISODate));
        out << u"    from <%1> via %2\n"_s.arg(e.sender, e.nextHop);
        for (const QString &r : e.recipients)
            out << u"    to   <%1>\n"_s.arg(r);
        if (!e.lastReply.isEmpty())
            out << u"    last reply: %1\n"_s.arg(e.lastReply);
    }
    out << u"%1 entr%2\n"_s.arg(entries.size()).arg(entries.size() == 1 ? u"y"_s : u"ies"_s);
    return 0;
}

namespace {

QString holdText(const std::optional<archive::Hold> &h)
{
    if (!h)
        return u"no"_s;
    return u"since %1 by %2: %3"_s.arg(h->since.toString(Qt::ISODate), h->who, h->reason);
}

QJsonObject holdJson(const std::optional<archive::Hold> &h)
{
    if (!h)
        return {};
    return {
        {u"since"_s, h->since.toString(Qt::ISODate)}, {u"who"_s, h->who}, {u"reason"_s, h->reason}};
}

void printStatus(const archive::Status &st, bool json, QTextStream &out)
{
    if (json) {
        QJsonArray boxes;
        for (const archive::MailboxFigures &m : st.mailboxes)
            boxes.append(QJsonObject{{u"mailbox"_s, m.mailbox},
                                     {u"live_messages"_s, m.liveMessages},
                                     {u"live_bytes"_s, m.liveBytes},
                                     {u"archived_messages"_s, m.archivedMessages},
                                     {u"archived_bytes"_s, m.archivedBytes},
                                     {u"stored_bytes"_s, m.storedBytes},
                                     {u"expired_messages"_s, m.expiredMessages},
                                     {u"hold"_s, holdJson(m.hold)},
                                     {u"last_run"_s, m.lastRun.toString(Qt::ISODate)},
                                     {u"last_verified"_s, m.lastVerified.toString(Qt::ISODate)},
                                     {u"last_verify_ok"_s, m.lastVerifyOk},
                                     {u"last_verify"_s, m.lastVerifyText}});
        out << QJsonDocument(
                   QJsonObject{{u"blobs"_s, st.blobs},
                               {u"blob_bytes"_s, st.blobBytes},
                               {u"original_bytes"_s, st.originalBytes},
                               {u"placements"_s, st.placements},
                               {u"indexed"_s, st.indexed},
                               {u"index_outdated"_s, st.indexOutdated},
                               {u"hold"_s, holdJson(st.archiveHold)},
                               {u"last_run"_s, st.lastRun.toString(Qt::ISODate)},
                               {u"last_verified"_s, st.lastVerified.toString(Qt::ISODate)},
                               {u"last_verify_ok"_s, st.lastVerifyOk},
                               {u"mailboxes"_s, boxes}})
                   .toJson();
        return;
    }
    out << u"store: %1 message(s) once each, %2 bytes compressed (%3 bytes original); "
           "%4 placement(s)\n"_s.arg(st.blobs)
               .arg(st.blobBytes)
               .arg(st.originalBytes)
               .arg(st.placements);
    out << u"search index: indexed %1 of %2 messages%3\n"_s.arg(st.indexed)
               .arg(st.blobs)
               .arg(st.indexOutdated ? u" (made by another version: run tandemd archive reindex)"_s
                                     : QString());
    out << u"archive-wide hold: %1\n"_s.arg(holdText(st.archiveHold));
    out << u"last run: %1; last verify: %2 (%3)\n"_s.arg(
        st.lastRun.isValid() ? st.lastRun.toString(Qt::ISODate) : u"never"_s,
        st.lastVerified.isValid() ? st.lastVerified.toString(Qt::ISODate) : u"never"_s,
        st.lastVerifyOk ? u"clean"_s : u"PROBLEMS"_s);
    for (const archive::MailboxFigures &m : st.mailboxes)
        out << u"%1: live %2 (%3 bytes), archived %4 (%5 bytes, %6 stored), expired %7; hold: %8; "
               "verify: %9\n"_s.arg(m.mailbox)
                   .arg(m.liveMessages)
                   .arg(m.liveBytes)
                   .arg(m.archivedMessages)
                   .arg(m.archivedBytes)
                   .arg(m.storedBytes)
                   .arg(m.expiredMessages)
                   .arg(holdText(m.hold),
                        m.lastVerifyText.isEmpty() ? u"never"_s : m.lastVerifyText);
}

void printRun(const QJsonObject &r, QTextStream &out, QTextStream &err)
{
    out << u"%1 examined, %2 archived, %3 moved to the Archive folder, %4 deleted, %5 expired (%6 "
           "exported), %7 kept for a hold, %8 recorded, %9 blobs removed%10\n"_s
               .arg(r.value(u"examined"_s).toInteger())
               .arg(r.value(u"archived"_s).toInteger())
               .arg(r.value(u"moved_to_folder"_s).toInteger())
               .arg(r.value(u"deleted"_s).toInteger())
               .arg(r.value(u"expired"_s).toInteger())
               .arg(r.value(u"exported"_s).toInteger())
               .arg(r.value(u"kept_on_hold"_s).toInteger())
               .arg(r.value(u"recorded"_s).toInteger())
               .arg(r.value(u"blobs_removed"_s).toInteger())
               .arg(r.value(u"interrupted"_s).toBool() ? u" (interrupted)"_s : QString());
    for (const QJsonValue &e : r.value(u"errors"_s).toArray())
        err << e.toString() << '\n';
}

// Each problem, then the count; 1 when there are problems.
int printVerify(const QJsonObject &r, QTextStream &out)
{
    const QJsonArray problems = r.value(u"problems"_s).toArray();
    for (const QJsonValue &v : problems) {
        const QJsonObject p = v.toObject();
        const QString mailbox = p.value(u"mailbox"_s).toString();
        out << u"%1%2: %3\n"_s.arg(mailbox.isEmpty() ? QString() : mailbox + u": "_s,
                                   p.value(u"what"_s).toString(), p.value(u"detail"_s).toString());
    }
    out << u"verify: %1 blob(s) and %2 ledger entries checked, %3\n"_s
               .arg(r.value(u"blobs_checked"_s).toInteger())
               .arg(r.value(u"entries_checked"_s).toInteger())
               .arg(problems.isEmpty() ? u"clean"_s : u"%1 problem(s)"_s.arg(problems.size()));
    return problems.isEmpty() ? 0 : 1;
}

// The rebuild's counts, then each message that could not be read; 1 when one could not be.
int printReindex(const QJsonObject &r, QTextStream &out, QTextStream &err)
{
    const QJsonArray errors = r.value(u"errors"_s).toArray();
    for (const QJsonValue &e : errors)
        err << e.toString() << '\n';
    const bool interrupted = r.value(u"interrupted"_s).toBool();
    out << u"reindex: indexed %1 of %2 messages, %3 envelope senders%4\n"_s
               .arg(r.value(u"indexed"_s).toInteger())
               .arg(r.value(u"messages"_s).toInteger())
               .arg(r.value(u"envelopes"_s).toInteger())
               .arg(interrupted ? u" (interrupted)"_s : QString());
    return errors.isEmpty() && !interrupted ? 0 : 1;
}

// Who set or cleared a hold from the command line, for the ledger.
QString cliUser()
{
    const QString sudo = qEnvironmentVariable("SUDO_USER");
    return u"tandemd command line, user %1%2"_s.arg(
        fsutil::currentUserName(), sudo.isEmpty() ? QString() : u" (sudo by %1)"_s.arg(sudo));
}

// The data folder's lock, held while a stopped daemon's archive is worked on here; -1 when a
// daemon (or another command) has it.
int lockDataFolder(const config::Settings &settings)
{
    const QString path = settings.dataPath() + u"/tandemd.lock"_s;
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd >= 0 && ::flock(fd, LOCK_EX | LOCK_NB) != 0) {
        ::close(fd);
        return -1;
    }
    return fd;
}

// The stop an import's SIGINT or SIGTERM asks for: the batch under way is committed first.
std::atomic_bool g_importStop = false;

void stopImport(int)
{
    g_importStop = true;
}

// archive import: the mailbox must be one of this server's, existing or one that mail arriving
// for it would make (docs/archive.md, "Importing").
int importCommand(const config::Settings &settings, const QString &mailbox, const ArchiveOptions &o,
                  QTextStream &out, QTextStream &err)
{
    const qsizetype at = mailbox.lastIndexOf(u'@');
    const QString local = mailbox.left(at);
    const QString domain = mailbox.mid(at + 1);
    if (!settings.isLocalDomain(domain) || !config::isValidMailboxName(local)) {
        err << u"tandemd: %1 is not a mailbox of this server (its local domains: %2)\n"_s.arg(
            mailbox, settings.allLocalDomains().join(u", "_s));
        return 2;
    }
    const QString folder =
        o.folder.compare(u"INBOX"_s, Qt::CaseInsensitive) == 0 ? QString() : o.folder;
    mailbox::MailboxStore store(settings.dataPath() + u"/mailboxes"_s, settings.server.hostname,
                                settings.mailboxes.mailboxTemplate);
    bool known = store.existsOnDisk(local, domain);
    for (const config::User &u : settings.mailboxes.users)
        known = known || config::canonicalUserName(settings.userAddress(u.name)) == mailbox;
    QString error;
    if (!known && !settings.passthrough.createMailboxIfNecessary) {
        err << u"tandemd: %1 has no mailbox here (no user of mailboxes.users, no folder in %2), "
               "and this server makes none as mail arrives "
               "(passthrough.create_mailbox_if_necessary)\n"_s.arg(mailbox, store.root());
        return 2;
    }
    const QString path = !o.mbox.isEmpty() ? o.mbox : !o.maildir.isEmpty() ? o.maildir : o.eml;
    if (!QFileInfo(path).exists()) {
        err << u"tandemd: %1 does not exist\n"_s.arg(path);
        return 1;
    }
    // Made as mail arriving for it would make it, so that the console lists it.
    if (!store.existsOnDisk(local, domain) && !store.create(local, domain, &error)) {
        err << u"tandemd: %1\n"_s.arg(error);
        return 1;
    }
    const auto archive = Engine::openArchive(settings, &error);
    if (!archive) {
        err << u"tandemd: %1\n"_s.arg(error);
        return 1;
    }
    const archive::ImportSource source = !o.mbox.isEmpty()      ? archive::ImportSource::Mbox
                                         : !o.maildir.isEmpty() ? archive::ImportSource::Maildir
                                                                : archive::ImportSource::Eml;

    struct sigaction action {};
    struct sigaction oldInt {};
    struct sigaction oldTerm {};
    action.sa_handler = stopImport;
    sigemptyset(&action.sa_mask);
    g_importStop = false;
    sigaction(SIGINT, &action, &oldInt);
    sigaction(SIGTERM, &action, &oldTerm);
    QElapsedTimer sinceProgress;
    sinceProgress.start();
    const auto progress = [&](const archive::ImportReport &r) {
        if (sinceProgress.elapsed() < 5000)
            return;
        sinceProgress.restart();
        const QString where = source == archive::ImportSource::Mbox
                                  ? u"%1 of %2 MB"_s.arg(r.done / 1000000).arg(r.total / 1000000)
                                  : u"%1 of %2 files"_s.arg(r.done).arg(r.total);
        err << u"import: %1 read (stored %2, already present %3, failed %4), %5\n"_s.arg(r.read)
                   .arg(r.stored)
                   .arg(r.alreadyPresent)
                   .arg(r.failed)
                   .arg(where);
        err.flush();
    };
    const archive::ImportReport r =
        archive->importMessages(mailbox, source, path, folder, cliUser(), &g_importStop, progress);
    sigaction(SIGINT, &oldInt, nullptr);
    sigaction(SIGTERM, &oldTerm, nullptr);

    for (const QString &f : r.failures)
        err << u"failed: %1\n"_s.arg(f);
    if (!r.error.isEmpty())
        err << u"tandemd: %1\n"_s.arg(r.error);
    if (r.interrupted || (!r.error.isEmpty() && r.read > 0))
        err << "tandemd: the import stopped before the end of its source; the same command "
               "goes on from where it stopped\n";
    if (r.resumedAt >= 0)
        out << u"resumed at byte %1 of %2, where an earlier import stopped; the counts include "
               "its work\n"_s.arg(r.resumedAt)
                   .arg(path);
    out << u"read %1, stored %2, already present %3, failed %4\n"_s.arg(r.read)
               .arg(r.stored)
               .arg(r.alreadyPresent)
               .arg(r.failed);
    return r.failed == 0 && r.error.isEmpty() && !r.interrupted ? 0 : 1;
}

} // namespace

int archiveCommand(const config::Settings &settings, const QStringList &args,
                   const ArchiveOptions &o, QTextStream &out, QTextStream &err)
{
    const QString usage =
        u"usage: tandemd --config FILE archive status [--json]\n"
        "       tandemd --config FILE archive run|verify [--mailbox MAILBOX]\n"
        "       tandemd --config FILE archive reindex\n"
        "       tandemd --config FILE archive hold|release MAILBOX|--all --reason TEXT\n"
        "       tandemd --config FILE archive search [--json] [--limit N] [--] QUERY\n"
        "       tandemd --config FILE archive show [--json] ID\n"
        "       tandemd --config FILE archive copy ID... --to MAILBOX [--folder INBOX|Restored]\n"
        "       tandemd --config FILE archive export [--] QUERY|MAILBOX "
        "(--mbox FILE | --eml DIR | --zip FILE)\n"
        "       tandemd --config FILE archive import --mailbox MAILBOX (--mbox FILE | --maildir "
        "DIR | --eml DIR) [--folder FOLDER]\n"_s;
    const QString verb = args.value(0);
    const QString target = args.value(1);
    const bool holdVerb = verb == u"hold"_s || verb == u"release"_s;
    const auto allIds = [&args](QList<qint64> *ids) {
        for (qsizetype i = 1; i < args.size(); ++i) {
            bool number = false;
            ids->append(args[i].toLongLong(&number));
            if (!number || ids->last() <= 0)
                return false;
        }
        return !ids->isEmpty();
    };
    QList<qint64> ids;
    const int exportTargets =
        int(!o.mbox.isEmpty()) + int(!o.eml.isEmpty()) + int(!o.zip.isEmpty());
    bool limitOk = true;
    const int limit = o.limit.isEmpty() ? 50 : o.limit.toInt(&limitOk);
    const QString copyFolder = o.folder.isEmpty() ? u"INBOX"_s : o.folder;
    const bool ok = (verb == u"status"_s && args.size() == 1) ||
                    ((verb == u"run"_s || verb == u"verify"_s) && args.size() == 1) ||
                    (verb == u"reindex"_s && args.size() == 1 && o.mailbox.isEmpty()) ||
                    (holdVerb && (args.size() == 2) != o.all && !o.reason.trimmed().isEmpty()) ||
                    (verb == u"search"_s && limitOk && limit > 0) ||
                    (verb == u"show"_s && allIds(&ids) && ids.size() == 1) ||
                    (verb == u"copy"_s && allIds(&ids) && !o.to.isEmpty() &&
                     (copyFolder.compare(u"INBOX"_s, Qt::CaseInsensitive) == 0 ||
                      copyFolder.compare(u"Restored"_s, Qt::CaseInsensitive) == 0)) ||
                    (verb == u"export"_s && args.size() >= 2 && exportTargets == 1);
    // import: a mailbox and exactly one source.
    const int sources = int(!o.mbox.isEmpty()) + int(!o.maildir.isEmpty()) + int(!o.eml.isEmpty());
    const bool importOk =
        verb == u"import"_s && args.size() == 1 && !o.mailbox.isEmpty() && sources == 1;
    if (!ok && !importOk) {
        if (holdVerb && o.reason.trimmed().isEmpty())
            err << "tandemd: a hold is set and cleared with a reason (--reason TEXT): the "
                   "ledger records it\n";
        if (verb == u"export"_s && exportTargets != 1)
            err << "tandemd: export writes one of --mbox FILE, --eml DIR or --zip FILE\n";
        if (verb == u"search"_s)
            err << "tandemd: --limit wants a number of results above 0\n";
        if (verb == u"copy"_s && o.to.isEmpty())
            err << "tandemd: copy needs the mailbox to copy to (--to MAILBOX)\n";
        err << usage;
        return 2;
    }
    QString error;
    if (!actAsDataOwner(settings, &error)) {
        err << u"tandemd: %1\n"_s.arg(error);
        return 1;
    }
    // A mailbox is named as its folder is: "alice@example.com", any case, U-labels or A-labels.
    const auto canonical = [&settings](QString name) {
        if (!name.contains(u'@'))
            name += u'@' + settings.server.domain;
        const qsizetype at = name.lastIndexOf(u'@');
        return config::mailboxName(name.left(at)) + u'@' + config::asciiDomain(name.mid(at + 1));
    };
    const QString mailbox = holdVerb && !o.all    ? canonical(target)
                            : o.mailbox.isEmpty() ? QString()
                                                  : canonical(o.mailbox);

    if (verb == u"import"_s)
        return importCommand(settings, mailbox, o, out, err);

    if (verb == u"run"_s || verb == u"verify"_s || verb == u"reindex"_s) {
        const int lock = lockDataFolder(settings);
        if (lock < 0) { // the daemon runs: its maintenance thread does it
            const auto reply = askDaemon(
                settings, {{u"op"_s, u"archive-"_s + verb}, {u"mailbox"_s, mailbox}}, &error, true);
            if (!reply || reply->contains(u"error"_s)) {
                err << u"tandemd: %1\n"_s.arg(reply ? reply->value(u"error"_s).toString() : error);
                return 1;
            }
            if (verb == u"run"_s) {
                printRun(*reply, out, err);
                return reply->value(u"errors"_s).toArray().isEmpty() ? 0 : 1;
            }
            if (verb == u"reindex"_s)
                return printReindex(*reply, out, err);
            return printVerify(*reply, out);
        }
        const auto archive = Engine::openArchive(settings, &error);
        if (!archive) {
            ::close(lock);
            err << u"tandemd: %1\n"_s.arg(error);
            return 1;
        }
        int rc = 0;
        if (verb == u"run"_s) {
            mailbox::MailboxStore store(settings.dataPath() + u"/mailboxes"_s,
                                        settings.server.hostname,
                                        settings.mailboxes.mailboxTemplate);
            const archive::RunReport report = archive->run(store, settings, mailbox, nullptr, {});
            printRun(archive::toJson(report), out, err);
            rc = report.errors.isEmpty() ? 0 : 1;
        } else if (verb == u"reindex"_s) {
            rc = printReindex(archive::toJson(archive->reindex({}, nullptr)), out, err);
        } else {
            rc = printVerify(archive::toJson(archive->verify(mailbox)), out);
        }
        ::close(lock);
        return rc;
    }

    const auto archive = Engine::openArchive(settings, &error);
    if (!archive) {
        err << u"tandemd: %1\n"_s.arg(error);
        return 1;
    }
    if (verb == u"status"_s) {
        printStatus(archive->status(), o.json, out);
        return 0;
    }
    if (holdVerb) {
        if (!archive->setHold(mailbox, verb == u"hold"_s, cliUser(), o.reason.trimmed(), &error)) {
            err << u"tandemd: %1\n"_s.arg(error);
            return 1;
        }
        out << u"%1: %2\n"_s.arg(mailbox.isEmpty() ? u"the whole archive"_s : mailbox,
                                 verb == u"hold"_s ? u"on legal hold"_s : u"hold cleared"_s);
        return 0;
    }
    if (verb == u"search"_s)
        return archiveSearch(*archive, args.mid(1).join(u' '), o.json, limit, out, err);
    if (verb == u"show"_s)
        return archiveShow(*archive, ids.first(), o.json, out, err);
    if (verb == u"copy"_s) {
        mailbox::MailboxStore store(settings.dataPath() + u"/mailboxes"_s, settings.server.hostname,
                                    settings.mailboxes.mailboxTemplate);
        const bool restored = copyFolder.compare(u"Restored"_s, Qt::CaseInsensitive) == 0;
        return archiveCopy(*archive, store, ids, canonical(o.to),
                           restored ? archive::CopyBackFolder::Restored
                                    : archive::CopyBackFolder::Inbox,
                           cliUser(), out, err);
    }
    // export: a mailbox alone (one word with an @ and no field) is that mailbox's mail.
    QString query = args.mid(1).join(u' ');
    static const QRegularExpression bareMailbox(u"^[^\\s:\"()]+@[^\\s:\"()@]+$"_s);
    if (args.size() == 2 && bareMailbox.match(query).hasMatch())
        query = u"mailbox:"_s + canonical(query);
    const archive::ExportFormat format = !o.mbox.isEmpty()  ? archive::ExportFormat::Mbox
                                         : !o.eml.isEmpty() ? archive::ExportFormat::Eml
                                                            : archive::ExportFormat::Zip;
    return archiveExportQuery(*archive, query, format, o.mbox + o.eml + o.zip, cliUser(), out, err);
}

int reloadCommand(const config::Settings &settings, bool quietWhenStopped, QTextStream &out,
                  QTextStream &err)
{
    if (!Engine::isDataFolderInUse(settings)) {
        if (quietWhenStopped)
            return 0; // read at the next start
        err << u"tandemd: no daemon runs on %1\n"_s.arg(settings.dataPath());
        return 1;
    }
    QString error;
    std::optional<QJsonObject> reply;
    if (actAsDataOwner(settings, &error))
        reply = askDaemon(settings, {{u"op"_s, u"reload"_s}}, &error);
    if (reply && reply->contains(u"error"_s))
        error = reply->value(u"error"_s).toString();
    if (!reply || !reply->value(u"reloaded"_s).toBool()) {
        err << u"tandemd: the running daemon keeps its configuration: %1\n"_s.arg(error);
        return 1;
    }
    out << "the running tandemd reloaded its configuration\n";
    return 0;
}

} // namespace tandem::admin
