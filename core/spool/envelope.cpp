#include "envelope.h"

#include "record.h"
#include "util/enumnames.h"

#include <QJsonArray>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace tandem::spool {

namespace {

const QList<QPair<QString, ActionKind>> kKinds{{u"deliver"_s, ActionKind::Deliver},
                                               {u"outbox"_s, ActionKind::Outbox},
                                               {u"bounce"_s, ActionKind::Bounce},
                                               {u"hold"_s, ActionKind::Hold}};

QJsonObject actionToJson(const Action &a)
{
    QJsonObject o{{u"kind"_s, toString(a.kind)}};
    switch (a.kind) {
    case ActionKind::Deliver:
        o.insert(u"mailbox"_s, a.mailbox);
        o.insert(u"folder"_s, a.folder);
        o.insert(u"create"_s, a.create);
        o.insert(u"delivered_to"_s, a.deliveredTo);
        break;
    case ActionKind::Outbox:
    case ActionKind::Hold:
        o.insert(u"next_hop"_s, a.nextHop);
        o.insert(u"recipients"_s, QJsonArray::fromStringList(a.recipients));
        o.insert(u"reason"_s, a.reason);
        break;
    case ActionKind::Bounce: {
        QJsonArray failures;
        for (const Failure &f : a.failures) {
            QJsonObject failure{{u"recipient"_s, f.recipient},
                                {u"status"_s, f.status},
                                {u"diagnostic"_s, f.diagnostic}};
            // Only when a server replied: older records, without it, read the same.
            if (!f.remoteMta.isEmpty())
                failure.insert(u"remote_mta"_s, f.remoteMta);
            failures.append(failure);
        }
        o.insert(u"failures"_s, failures);
        break;
    }
    }
    return o;
}

std::optional<Action> actionFromJson(const QJsonObject &o)
{
    Action a;
    const auto kind = enumFromName(kKinds, o.value(u"kind"_s).toString());
    if (!kind)
        return std::nullopt;
    a.kind = *kind;
    a.mailbox = o.value(u"mailbox"_s).toString();
    a.folder = o.value(u"folder"_s).toString();
    a.create = o.value(u"create"_s).toBool();
    a.deliveredTo = o.value(u"delivered_to"_s).toString();
    a.nextHop = o.value(u"next_hop"_s).toString();
    a.reason = o.value(u"reason"_s).toString();
    for (const QJsonValue &v : o.value(u"recipients"_s).toArray())
        a.recipients.append(v.toString());
    for (const QJsonValue &v : o.value(u"failures"_s).toArray()) {
        const QJsonObject f = v.toObject();
        a.failures.append(
            Failure{f.value(u"recipient"_s).toString(), f.value(u"status"_s).toString(),
                    f.value(u"diagnostic"_s).toString(), f.value(u"remote_mta"_s).toString()});
    }
    if (a.kind == ActionKind::Deliver && a.mailbox.isEmpty())
        return std::nullopt;
    return a;
}

} // namespace

QJsonObject dsnToJson(const QHash<QString, RecipientDsn> &dsn)
{
    QJsonObject o;
    for (auto it = dsn.begin(); it != dsn.end(); ++it)
        o.insert(it.key(), QJsonObject{{u"notify"_s, it->notify}, {u"orcpt"_s, it->orcpt}});
    return o;
}

QHash<QString, RecipientDsn> dsnFromJson(const QJsonObject &o)
{
    QHash<QString, RecipientDsn> dsn;
    for (auto it = o.begin(); it != o.end(); ++it) {
        const QJsonObject d = it.value().toObject();
        dsn.insert(it.key(),
                   RecipientDsn{d.value(u"notify"_s).toString(), d.value(u"orcpt"_s).toString()});
    }
    return dsn;
}

QString toString(ActionKind kind)
{
    return enumName(kKinds, kind);
}

QByteArray serialize(const Envelope &e)
{
    QJsonArray actions;
    for (const Action &a : e.actions)
        actions.append(actionToJson(a));
    const QJsonObject o{{u"id"_s, e.id},
                        {u"received"_s, e.received.toUTC().toString(Qt::ISODateWithMs)},
                        {u"client"_s, e.clientAddress},
                        {u"helo"_s, e.helo},
                        {u"sender"_s, e.sender},
                        {u"recipients"_s, QJsonArray::fromStringList(e.recipients)},
                        {u"size"_s, e.size},
                        {u"received_headers"_s, e.receivedHeaders},
                        {u"generated"_s, e.generated},
                        {u"eight_bit"_s, e.eightBit},
                        {u"smtp_utf8"_s, e.smtpUtf8},
                        {u"message_id"_s, e.messageId},
                        {u"actions"_s, actions}};
    QJsonObject full = o;
    if (!e.subject.isEmpty())
        full.insert(u"subject"_s, e.subject);
    if (!e.ret.isEmpty())
        full.insert(u"ret"_s, e.ret);
    if (!e.envid.isEmpty())
        full.insert(u"envid"_s, e.envid);
    if (!e.handover.isEmpty())
        full.insert(u"handover"_s, e.handover);
    if (!e.dsn.isEmpty())
        full.insert(u"dsn"_s, dsnToJson(e.dsn));
    return record::encode("envelope", Envelope::kVersion, full);
}

std::optional<Envelope> deserialize(const QByteArray &bytes, QString *error)
{
    const auto o = record::decode(bytes, "envelope", Envelope::kVersion, error);
    if (!o)
        return std::nullopt;
    Envelope e;
    e.id = o->value(u"id"_s).toString();
    e.received = QDateTime::fromString(o->value(u"received"_s).toString(), Qt::ISODateWithMs);
    e.clientAddress = o->value(u"client"_s).toString();
    e.helo = o->value(u"helo"_s).toString();
    e.sender = o->value(u"sender"_s).toString();
    for (const QJsonValue &v : o->value(u"recipients"_s).toArray())
        e.recipients.append(v.toString());
    e.size = o->value(u"size"_s).toInteger();
    e.receivedHeaders = o->value(u"received_headers"_s).toInt();
    e.generated = o->value(u"generated"_s).toBool();
    e.eightBit = o->value(u"eight_bit"_s).toBool(true);
    e.smtpUtf8 = o->value(u"smtp_utf8"_s).toBool(false);
    e.messageId = o->value(u"message_id"_s).toString();
    e.subject = o->value(u"subject"_s).toString();
    e.ret = o->value(u"ret"_s).toString();
    e.envid = o->value(u"envid"_s).toString();
    e.handover = o->value(u"handover"_s).toString();
    e.dsn = dsnFromJson(o->value(u"dsn"_s).toObject());
    const QJsonArray actions = o->value(u"actions"_s).toArray();
    for (qsizetype i = 0; i < actions.size(); ++i) {
        const auto a = actionFromJson(actions.at(i).toObject());
        if (!a) {
            *error = u"action %1 is not readable"_s.arg(i);
            return std::nullopt;
        }
        e.actions.append(*a);
    }
    if (e.id.isEmpty() || !e.received.isValid()) {
        *error = u"id or received time missing"_s;
        return std::nullopt;
    }
    return e;
}

} // namespace tandem::spool
