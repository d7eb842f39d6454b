#include "admin.h"

#include "config/passwords.h"
#include "engine.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

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
        if (users.at(i).toObject().value(u"name"_s).toString().toLower() == name)
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
    const QString usage = u"usage: tandemd --config FILE user add|passwd|del NAME | user list\n"_s;
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
    if (args.size() != 2 || !QStringList{u"add"_s, u"passwd"_s, u"del"_s}.contains(verb)) {
        err << usage;
        return 2;
    }
    const QString name = args.at(1).toLower();
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
    return 0;
}

QJsonArray outboxToJson(const config::Settings &settings)
{
    QJsonArray array;
    for (const delivery::OutboxEntry &e : Engine::readOutbox(settings)) {
        array.append(QJsonObject{{u"id"_s, e.id},
                                 {u"message"_s, e.messageId},
                                 {u"sender"_s, e.sender},
                                 {u"recipients"_s, QJsonArray::fromStringList(e.recipients)},
                                 {u"size"_s, e.size},
                                 {u"next_hop"_s, e.nextHop},
                                 {u"state"_s, delivery::toString(e.state)},
                                 {u"attempts"_s, e.attempts},
                                 {u"created"_s, e.created.toString(Qt::ISODate)},
                                 {u"next_attempt"_s, e.nextAttempt.toString(Qt::ISODate)},
                                 {u"last_reply"_s, e.lastReply}});
    }
    return array;
}

int queueCommand(const config::Settings &settings, const QStringList &args, bool json,
                 QTextStream &out, QTextStream &err)
{
    if (args != QStringList{u"list"_s}) {
        err << "usage: tandemd --config FILE queue list [--json]\n";
        return 2;
    }
    QStringList unreadable;
    const QList<delivery::OutboxEntry> entries = Engine::readOutbox(settings, &unreadable);
    for (const QString &u : std::as_const(unreadable))
        err << u"unreadable Outbox entry %1\n"_s.arg(u);
    if (json) {
        out << QJsonDocument(outboxToJson(settings)).toJson(QJsonDocument::Indented);
        return 0;
    }
    if (entries.isEmpty()) {
        out << "Outbox is empty\n";
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

} // namespace tandem::admin
