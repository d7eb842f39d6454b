#pragma once

#include "outbox.h"
#include "spool/envelope.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace tandem::spool {
class Spool;
}

// Everything the queue knows about one of its entries, for the administrator's details
// window (and tandemd): the entry, the message's envelope while its plan is still on disk,
// where each recipient of the message stands, and the message's header section.
namespace tandem::delivery {

struct RecipientStatus {
    enum class State {
        Queued,     // not tried yet
        Delivering, // an attempt is under way
        Deferred,   // tried, and waiting for the next attempt
        Held,       // kept by the administrator (or a rule) until released
        Delivered,  // the next hop accepted it
        Failed,     // the next hop refused it for good: its sender was told
        Stored,     // filed in a mailbox here
        Returned,   // a failure notice went back to the sender at acceptance
        Finished,   // handed to another Outbox entry, which has left the queue
    };
    QString recipient;
    State state = State::Queued;
    QString where; // the next hop, or the mailbox (and folder) here
    QString reply; // the latest reply, error or reason
    QDateTime time;
};
QString toString(RecipientStatus::State state);

struct EntryDetails {
    OutboxEntry entry;
    std::optional<spool::Envelope> envelope; // while the message's plan is in the queue
    QList<RecipientStatus> recipients;       // this entry's first, then the message's others
    QByteArray headers;                      // the header section as stored here
};

// The largest header section read for the details.
constexpr qint64 kMaxDetailHeaderBytes = 256 * 1024;

// Reads the details of entry from the spool and the Outbox folder. An entry whose id is its
// message's (a message waiting for a local delivery) is described by its plan alone.
EntryDetails describeEntry(const OutboxEntry &entry, const spool::Spool &spool,
                           const Outbox &outbox);

} // namespace tandem::delivery
