#pragma once

#include <QHash>
#include <QList>
#include <QString>

// At most `limit` events per key in any hour (a sliding window): how many mailboxes one
// client address may cause to be created, so that a client cannot fill the disk with
// mailboxes and inodes by inventing recipients. Lives on the engine's thread.
namespace tandem::smtp {

class HourlyLimit {
public:
    // Counts the event and returns true, or returns false when the key had `limit` events in
    // the last hour (divided by timeScale, tests only). With an item, events are counted once
    // per item: an item already counted in the hour is taken again without counting (a
    // mailbox is created once, however many messages are addressed to it before it is).
    bool take(const QString &key, int limit, double timeScale = 1.0, const QString &item = {});

private:
    struct Event {
        qint64 ms; // since the epoch
        QString item;
    };
    QHash<QString, QList<Event>> m_events; // oldest first
};

} // namespace tandem::smtp
