#include "handovers.h"

#include "util/fsutil.h"
#include "util/log.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <fcntl.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace tandem::spool {

namespace {

QByteArray line(qint64 time, const QString &handover, const QStringList &recipients)
{
    QStringList sorted = recipients;
    sorted.sort();
    const QJsonObject o{
        {u"t"_s, time}, {u"id"_s, handover}, {u"r"_s, QJsonArray::fromStringList(sorted)}};
    return QJsonDocument(o).toJson(QJsonDocument::Compact) + '\n';
}

QStringList lowered(const QStringList &recipients)
{
    QStringList out;
    out.reserve(recipients.size());
    for (const QString &r : recipients) {
        const QString key = r.toLower();
        if (!out.contains(key))
            out.append(key);
    }
    return out;
}

// Adds what list lacks of keys, without spare capacity (kept for days).
void addTo(QStringList &list, const QStringList &keys)
{
    for (const QString &key : keys) {
        if (!list.contains(key))
            list.append(key);
    }
    list.squeeze();
}

// Removes keys from list; an emptied list gives its storage back.
void removeFrom(QStringList &list, const QStringList &keys)
{
    for (const QString &key : keys)
        list.removeOne(key);
    if (list.isEmpty())
        list = QStringList();
}

} // namespace

HandoverLog::HandoverLog(const QString &path)
    : m_path(path)
{}

HandoverLog::~HandoverLog()
{
    close();
}

qint64 HandoverLog::keepSeconds() const
{
    return qint64(kKeepDays * 86400.0 / (m_timeScale > 0 ? m_timeScale : 1.0));
}

bool HandoverLog::open(QString *error, double timeScale)
{
    std::lock_guard lock(m_mutex);
    m_timeScale = timeScale;
    m_known.clear();
    QFile file(m_path);
    if (file.open(QIODevice::ReadOnly)) {
        const qint64 oldest = QDateTime::currentSecsSinceEpoch() - keepSeconds();
        while (!file.atEnd()) {
            // A line cut short by a crash does not parse and is left out: it was never
            // acknowledged (the 250 waits for its fdatasync).
            const QJsonObject o = QJsonDocument::fromJson(file.readLine()).object();
            const QString id = o.value(u"id"_s).toString();
            const qint64 t = o.value(u"t"_s).toInteger();
            if (id.isEmpty() || t < oldest)
                continue;
            Known &k = m_known[id];
            if (k.time == 0 || t < k.time)
                k.time = t;
            QStringList recipients;
            for (const QJsonValue &r : o.value(u"r"_s).toArray())
                recipients.append(r.toString());
            addTo(k.filed, recipients);
        }
    }
    return rewrite(error);
}

void HandoverLog::close()
{
    std::lock_guard lock(m_mutex);
    if (m_fd >= 0)
        ::close(m_fd);
    m_fd = -1;
}

bool HandoverLog::rewrite(QString *error)
{
    QByteArray bytes;
    for (auto it = m_known.cbegin(); it != m_known.cend(); ++it) {
        if (!it->filed.isEmpty())
            bytes += line(it->time, it.key(), it->filed);
    }
    if (m_fd >= 0)
        ::close(m_fd);
    m_fd = -1;
    if (!fsutil::writeDurably(m_path, bytes, error))
        return false;
    m_fd = ::open(QFile::encodeName(m_path).constData(), O_WRONLY | O_APPEND | O_CLOEXEC);
    if (m_fd < 0) {
        *error = u"cannot open %1: %2"_s.arg(m_path, fsutil::errnoText(errno));
        return false;
    }
    m_lines = m_known.size();
    m_compacted = QDateTime::currentSecsSinceEpoch();
    return true;
}

HandoverLog::Claim HandoverLog::claim(const QString &handover, const QStringList &recipients)
{
    std::lock_guard lock(m_mutex);
    Claim c;
    Known &k = m_known[handover];
    c.seen = !k.filed.isEmpty();
    for (const QString &r : recipients) {
        const QString key = r.toLower();
        if (k.pending.contains(key))
            c.busy = true;
        else if (!k.filed.contains(key))
            c.fresh.append(r);
    }
    if (c.busy) {
        c.fresh.clear();
        return c;
    }
    addTo(k.pending, lowered(c.fresh));
    if (k.time == 0)
        k.time = QDateTime::currentSecsSinceEpoch();
    return c;
}

void HandoverLog::release(const QString &handover, const QStringList &recipients)
{
    std::lock_guard lock(m_mutex);
    const auto it = m_known.find(handover);
    if (it == m_known.end())
        return;
    removeFrom(it->pending, lowered(recipients));
    if (it->filed.isEmpty() && it->pending.isEmpty())
        m_known.erase(it);
}

bool HandoverLog::record(const std::vector<std::pair<QString, QStringList>> &committed,
                         QString *error)
{
    std::lock_guard lock(m_mutex);
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    QByteArray bytes;
    for (const auto &[handover, recipients] : committed) {
        Known &k = m_known[handover];
        if (k.time == 0)
            k.time = now;
        const QStringList keys = lowered(recipients);
        removeFrom(k.pending, keys);
        addTo(k.filed, keys);
        bytes += line(k.time, handover, keys);
        ++m_lines;
    }
    // Forget what is past keeping, now and then, and keep the file near the size of what is
    // remembered.
    if (now - m_compacted > keepSeconds() / kKeepDays || m_lines > 2 * m_known.size() + 1000) {
        const qint64 oldest = now - keepSeconds();
        for (auto it = m_known.begin(); it != m_known.end();) {
            if (it->time < oldest && it->pending.isEmpty())
                it = m_known.erase(it);
            else
                ++it;
        }
        return rewrite(error);
    }
    if (m_fd < 0) {
        *error = u"%1 is not open"_s.arg(m_path);
        return false;
    }
    fsutil::Fd fd(::dup(m_fd)); // Fd's writeAll copes with short writes and EINTR
    if (!fd.writeAll(bytes.constData(), bytes.size(), error))
        return false;
    if (::fdatasync(m_fd) != 0) {
        *error = u"fdatasync %1: %2"_s.arg(m_path, fsutil::errnoText(errno));
        return false;
    }
    return true;
}

qsizetype HandoverLog::size() const
{
    std::lock_guard lock(m_mutex);
    return m_known.size();
}

} // namespace tandem::spool
