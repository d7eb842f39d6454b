#include "entrydetails.h"

#include "dsn.h"
#include "spool/spool.h"
#include "util/enumnames.h"

using namespace Qt::StringLiterals;

namespace tandem::delivery {

namespace {

using State = RecipientStatus::State;

const QList<QPair<QString, State>> kStateNames{
    {u"queued"_s, State::Queued},       {u"delivering"_s, State::Delivering},
    {u"deferred"_s, State::Deferred},   {u"held"_s, State::Held},
    {u"delivered"_s, State::Delivered}, {u"failed"_s, State::Failed},
    {u"stored"_s, State::Stored},       {u"returned"_s, State::Returned},
    {u"finished"_s, State::Finished}};

State stateOf(EntryState state)
{
    switch (state) {
    case EntryState::Queued:
        return State::Queued;
    case EntryState::Delivering:
        return State::Delivering;
    case EntryState::Deferred:
        return State::Deferred;
    case EntryState::Held:
        return State::Held;
    }
    return State::Queued;
}

// The recipients of an Outbox entry: those it is done with (by their last reply), then
// those it still holds, in the entry's state.
QList<RecipientStatus> recipientsOf(const OutboxEntry &e)
{
    QList<RecipientStatus> out;
    for (const RecipientResult &r : e.results) {
        if (e.recipients.contains(r.recipient))
            continue;
        out.append({r.recipient,
                    r.outcome == RecipientOutcome::Delivered ? State::Delivered : State::Failed,
                    e.nextHop, r.reply, r.time});
    }
    for (const QString &recipient : e.recipients) {
        RecipientStatus status{recipient, stateOf(e.state), e.nextHop, {}, {}};
        for (const RecipientResult &r : e.results) {
            if (r.recipient == recipient) {
                status.reply = r.reply;
                status.time = r.time;
            }
        }
        // A record from before replies were kept per recipient: the entry's speaks for all.
        if (status.reply.isEmpty() && e.attempts > 0)
            status.reply = e.lastReply;
        out.append(status);
    }
    return out;
}

QString mailboxPlace(const spool::Action &a)
{
    return a.folder.isEmpty() ? a.mailbox : u"%1 › %2"_s.arg(a.mailbox, a.folder);
}

} // namespace

QString toString(RecipientStatus::State state)
{
    return enumName(kStateNames, state);
}

EntryDetails describeEntry(const OutboxEntry &entry, const spool::Spool &spool,
                           const Outbox &outbox)
{
    EntryDetails d;
    d.entry = entry;
    const QString message = entry.messageId.isEmpty() ? entry.id : entry.messageId;
    const bool waitingHere = entry.id == message;
    QString error;
    d.envelope = spool.loadEnvelope(message, &error);
    d.headers =
        readHeaderSection(waitingHere ? spool.messagePath(message) : outbox.messagePath(entry.id),
                          kMaxDetailHeaderBytes);
    if (d.headers.isEmpty() && d.envelope)
        d.headers = readHeaderSection(spool.messagePath(message), kMaxDetailHeaderBytes);

    int ownAction = -1;
    if (!waitingHere) {
        d.recipients = recipientsOf(entry);
        bool ok = false;
        const int index = entry.id.mid(message.size() + 1).toInt(&ok);
        if (ok)
            ownAction = index;
    }
    if (!d.envelope)
        return d;

    // The rest of the message's plan: mailboxes here, other next hops, notices.
    const QSet<int> done = spool.completedActions(message);
    const std::optional<spool::Spool::Wait> wait = spool.waitRecord(message);
    for (int i = 0; i < d.envelope->actions.size(); ++i) {
        if (i == ownAction)
            continue;
        const spool::Action &a = d.envelope->actions.at(i);
        switch (a.kind) {
        case spool::ActionKind::Deliver: {
            RecipientStatus s{a.deliveredTo.isEmpty() ? a.mailbox : a.deliveredTo,
                              State::Stored,
                              mailboxPlace(a),
                              {},
                              {}};
            if (!done.contains(i)) {
                s.state = !wait ? State::Queued : wait->held ? State::Held : State::Deferred;
                if (wait) {
                    s.reply = wait->error;
                    s.time = wait->lastAttempt;
                }
            }
            d.recipients.append(s);
            break;
        }
        case spool::ActionKind::Outbox:
        case spool::ActionKind::Hold: { // both make an Outbox entry (a held one)
            const std::optional<OutboxEntry> other =
                outbox.load(message + u'-' + QString::number(i), &error);
            const bool held = a.kind == spool::ActionKind::Hold;
            for (const QString &r : a.recipients) {
                RecipientStatus s{r,
                                  done.contains(i) ? State::Finished
                                  : held           ? State::Held
                                                   : State::Queued,
                                  a.nextHop,
                                  held ? a.reason : QString(),
                                  {}};
                if (other) {
                    for (const RecipientStatus &o : recipientsOf(*other)) {
                        if (o.recipient == r)
                            s = o;
                    }
                }
                d.recipients.append(s);
            }
            break;
        }
        case spool::ActionKind::Bounce:
            for (const spool::Failure &f : a.failures)
                d.recipients.append({f.recipient,
                                     State::Returned,
                                     f.remoteMta,
                                     u"%1 %2"_s.arg(f.status, f.diagnostic),
                                     {}});
            break;
        }
    }
    return d;
}

} // namespace tandem::delivery
