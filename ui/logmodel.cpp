#include "logmodel.h"

#include <QBrush>
#include <QColor>

using namespace Qt::StringLiterals;

namespace tandem::ui {

LogModel::LogModel(QObject *parent, int cap)
    : QAbstractTableModel(parent)
    , m_flush(this)
    , m_cap(cap)
{
    m_flush.setSingleShot(true);
    m_flush.setInterval(100);
    connect(&m_flush, &QTimer::timeout, this, &LogModel::flushPending);
}

void LogModel::append(const log::Entry &entry)
{
    QMetaObject::invokeMethod(this, [this, entry] {
        m_pending.append(entry);
        if (!m_flush.isActive())
            m_flush.start();
    });
}

void LogModel::prependHistory(const QList<log::Entry> &history)
{
    // Within the cap, the newest of the history; none of it when live entries fill the cap.
    const qsizetype room = qMax<qsizetype>(0, m_cap - qsizetype(m_entries.size()));
    const QList<log::Entry> kept = history.mid(qMax<qsizetype>(0, history.size() - room));
    if (kept.isEmpty())
        return;
    beginInsertRows({}, 0, int(kept.size()) - 1);
    m_entries.insert(m_entries.begin(), kept.cbegin(), kept.cend());
    endInsertRows();
}

void LogModel::clear()
{
    beginResetModel();
    m_entries.clear();
    m_pending.clear();
    endResetModel();
}

void LogModel::flushPending()
{
    if (m_pending.isEmpty())
        return;
    const int overflow = int(m_entries.size() + m_pending.size()) - m_cap;
    if (overflow > 0) {
        const int drop = qMin(overflow, int(m_entries.size()));
        if (drop > 0) {
            beginRemoveRows({}, 0, drop - 1);
            m_entries.erase(m_entries.begin(), m_entries.begin() + drop);
            endRemoveRows();
        }
    }
    QList<log::Entry> batch = std::exchange(m_pending, {});
    if (batch.size() > m_cap)
        batch = batch.mid(batch.size() - m_cap);
    const int first = int(m_entries.size());
    beginInsertRows({}, first, first + int(batch.size()) - 1);
    for (const log::Entry &e : std::as_const(batch))
        m_entries.push_back(e);
    endInsertRows();
}

int LogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int LogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant LogModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= int(m_entries.size()))
        return {};
    const log::Entry &e = m_entries[size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Time:
            return e.time.toLocalTime().toString(u"yyyy-MM-dd hh:mm:ss.zzz"_s);
        case Level:
            return log::toString(e.level);
        case Component:
            return e.component;
        case Session:
            return e.session;
        case QueueId:
            return e.queueId;
        case Text:
            return e.text;
        }
        return {};
    case Qt::ToolTipRole:
        return index.column() == Text ? QVariant(e.text) : QVariant();
    case Qt::ForegroundRole:
        if (e.level == log::Level::Error)
            return QBrush(QColor(0xb0, 0x1c, 0x1c));
        if (e.level == log::Level::Warning)
            return QBrush(QColor(0x9a, 0x5b, 0x00));
        if (e.component == u"transcript"_s)
            return QBrush(QColor(0x33, 0x55, 0x88));
        return {};
    case LevelRole:
        return int(e.level);
    case SessionRole:
        return e.session;
    case QueueIdRole:
        return e.queueId;
    default:
        return {};
    }
}

void LogModel::retranslate()
{
    emit headerDataChanged(Qt::Horizontal, 0, columnCount() - 1);
}

QVariant LogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Time:
        return tr("Time");
    case Level:
        return tr("Level");
    case Component:
        return tr("Component");
    case Session:
        return tr("Session");
    case QueueId:
        return tr("Queue id");
    case Text:
        return tr("Event");
    }
    return {};
}

} // namespace tandem::ui
