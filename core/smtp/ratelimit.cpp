#include "ratelimit.h"

#include <QDateTime>

namespace tandem::smtp {

bool HourlyLimit::take(const QString &key, int limit, double timeScale, const QString &item)
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const qint64 window = qint64(3600 * 1000 / (timeScale > 0 ? timeScale : 1.0));
    // Every key's old events go now and then, so that the table does not grow with the
    // number of clients ever seen.
    if (m_events.size() > 4096) {
        for (auto it = m_events.begin(); it != m_events.end();) {
            if (it->isEmpty() || it->last().ms <= now - window)
                it = m_events.erase(it);
            else
                ++it;
        }
    }
    QList<Event> &events = m_events[key];
    while (!events.isEmpty() && events.first().ms <= now - window)
        events.removeFirst();
    if (!item.isEmpty()) {
        for (const Event &e : std::as_const(events)) {
            if (e.item == item)
                return true;
        }
    }
    if (events.size() >= limit)
        return false;
    events.append({now, item});
    return true;
}

} // namespace tandem::smtp
