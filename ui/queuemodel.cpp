#include "queuemodel.h"

#include <QDateTime>
#include <QLocale>

#include <algorithm>
#include <cstdlib>
#include <functional>

using namespace Qt::StringLiterals;

// The icons live in tandem_ui, a static library: without this call the linker may leave the
// resource's initializer out of a program that references nothing else in that object.
static void initQueueResources()
{
    static const bool done = [] {
        Q_INIT_RESOURCE(resources);
        return true;
    }();
    Q_UNUSED(done);
}

namespace tandem::ui {

using delivery::EntryState;
using delivery::OutboxEntry;

namespace {

int stateIndex(EntryState state)
{
    return int(state);
}

// A sorting proxy answers each rowsRemoved or dataChanged with a pass over all its rows, and
// the view with another (about 1 ms per removed run, 0.25 ms per changed run at 100,000
// rows), while sorting everything once costs about 150 ms there. So past a few hundred runs
// in one batch it costs less to tell them at once: a batch that removes rows as a reset (the
// window keeps its selection), changes alone as one dataChanged over their span (the proxy
// re-sorts that span). The break-even grows only with log(rows). Measured with tests/bench.
constexpr qsizetype kResetWeight = 128; // removed runs + changed runs / 4
constexpr qsizetype kManyChangedRuns = 512;

// Runs of adjacent numbers in a sorted list (ascending or descending).
qsizetype countRuns(const QList<int> &sorted)
{
    qsizetype runs = sorted.isEmpty() ? 0 : 1;
    for (qsizetype i = 1; i < sorted.size(); ++i)
        runs += std::abs(sorted.at(i) - sorted.at(i - 1)) != 1;
    return runs;
}

} // namespace

// Runs of adjacent rows among the entries of a batch that are in the table already.
qsizetype QueueModel::countChangedRuns(const QList<OutboxEntry> &entries) const
{
    QList<int> rows;
    rows.reserve(entries.size());
    for (const OutboxEntry &e : entries)
        if (const int row = rowOf(e.id); row >= 0)
            rows.append(row);
    std::sort(rows.begin(), rows.end());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    return countRuns(rows);
}

namespace {

QString firstLine(const QString &text)
{
    const qsizetype end = text.indexOf(u'\n');
    return end < 0 ? text : text.left(end);
}

} // namespace

QueueModel::QueueModel(QObject *parent)
    : QAbstractTableModel(parent)
{
    initQueueResources();
}

int QueueModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_order.size()) - m_hiddenCount;
}

int QueueModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString QueueModel::stateText(EntryState state)
{
    switch (state) {
    case EntryState::Queued:
        return tr("queued");
    case EntryState::Delivering:
        return tr("delivering");
    case EntryState::Deferred:
        return tr("deferred");
    case EntryState::Held:
        return tr("held");
    }
    return {};
}

QIcon QueueModel::stateIcon(EntryState state)
{
    initQueueResources();
    static const QString kFiles[] = {
        u":/tandem/queue/queued.svg"_s, u":/tandem/queue/delivering.svg"_s,
        u":/tandem/queue/deferred.svg"_s, u":/tandem/queue/held.svg"_s};
    return QIcon(kFiles[stateIndex(state)]);
}

QVariant QueueModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case IdColumn:
        return tr("Id");
    case FromColumn:
        return tr("From");
    case RecipientsColumn:
        return tr("Recipients");
    case SizeColumn:
        return tr("Size");
    case NextHopColumn:
        return tr("Next hop");
    case StateColumn:
        return tr("State");
    case AttemptsColumn:
        return tr("Attempts");
    case NextAttemptColumn:
        return tr("Next attempt");
    case LastReplyColumn:
        return tr("Last reply");
    }
    return {};
}

QVariant QueueModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const OutboxEntry &e = entryAt(index.row());
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case IdColumn:
            return e.id;
        case FromColumn:
            return e.sender.isEmpty() ? u"<>"_s : e.sender; // the null sender of a notice
        case RecipientsColumn:
            return e.recipients.join(u", "_s);
        case SizeColumn:
            return QLocale().formattedDataSize(e.size);
        case NextHopColumn:
            return e.nextHop;
        case StateColumn:
            return stateText(e.state);
        case AttemptsColumn:
            return e.attempts;
        case NextAttemptColumn:
            if (e.state == EntryState::Held || e.state == EntryState::Delivering ||
                !e.nextAttempt.isValid())
                return QString();
            return QLocale().toString(e.nextAttempt.toLocalTime(), QLocale::ShortFormat);
        case LastReplyColumn:
            return firstLine(e.lastReply);
        }
        break;
    case Qt::ToolTipRole:
        return toolTip(e);
    case Qt::DecorationRole:
        if (column == StateColumn) {
            const int i = stateIndex(e.state);
            if (m_icons[i].isNull())
                m_icons[i] = stateIcon(e.state);
            return m_icons[i];
        }
        break;
    case Qt::TextAlignmentRole:
        if (column == SizeColumn || column == AttemptsColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case IdRole:
        return e.id;
    case StateRole:
        return stateIndex(e.state);
    case SortRole:
        switch (column) {
        case IdColumn:
            return e.id;
        case FromColumn:
            return e.sender;
        case RecipientsColumn:
            return e.recipients.join(u", "_s);
        case SizeColumn:
            return e.size;
        case NextHopColumn:
            return e.nextHop;
        case StateColumn:
            return stateIndex(e.state);
        case AttemptsColumn:
            return e.attempts;
        case NextAttemptColumn:
            return e.nextAttempt;
        case LastReplyColumn:
            return e.lastReply;
        }
        break;
    }
    return {};
}

QString QueueModel::toolTip(const OutboxEntry &e) const
{
    QStringList lines;
    if (e.recipients.size() > 1)
        lines << tr("Recipients: %1").arg(e.recipients.join(u", "_s));
    if (!e.lastReply.isEmpty())
        lines << tr("Last reply: %1").arg(e.lastReply);
    if (!e.history.isEmpty()) {
        lines << tr("Attempts:");
        for (const delivery::Attempt &a : e.history)
            lines << tr("%1 — %2").arg(
                QLocale().toString(a.time.toLocalTime(), QLocale::ShortFormat), a.reply);
    }
    if (lines.isEmpty())
        return tr("Not attempted yet");
    // As rich text, so that an address in angle brackets is never taken for a tag.
    for (QString &line : lines)
        line = line.toHtmlEscaped();
    return u"<qt><p style=\"white-space:pre\">"_s + lines.join(u"<br>"_s) + u"</p></qt>"_s;
}

int QueueModel::rowOf(const QString &id) const
{
    const int slot = m_slot.value(id, -1);
    return slot < 0 ? -1 : m_rowOfSlot.at(slot);
}

const OutboxEntry &QueueModel::entryAt(int row) const
{
    return m_slots.at(m_order.at(physicalRow(row)));
}

int QueueModel::physicalRow(int row) const
{
    // Hidden runs all lie above the run being removed now; walk them upwards.
    for (qsizetype k = m_hidden.size() - 1; k >= 0; --k) {
        if (row < m_hidden.at(k).start)
            break;
        row += m_hidden.at(k).count;
    }
    return row;
}

int QueueModel::takeSlot()
{
    if (!m_freeSlots.isEmpty())
        return m_freeSlots.takeLast();
    m_slots.emplace_back();
    m_rowOfSlot.append(-1);
    return int(m_slots.size()) - 1;
}

void QueueModel::resetFrom(const QList<OutboxEntry> &entries)
{
    beginResetModel();
    m_slots = entries;
    m_freeSlots.clear();
    m_order.clear();
    m_order.reserve(entries.size());
    m_rowOfSlot.fill(-1, entries.size());
    m_slot.clear();
    m_slot.reserve(entries.size());
    m_held = 0;
    for (int i = 0; i < m_slots.size(); ++i) {
        const OutboxEntry &e = m_slots.at(i);
        const auto it = m_slot.constFind(e.id);
        if (it == m_slot.constEnd()) {
            m_slot.insert(e.id, i);
            m_rowOfSlot[i] = int(m_order.size());
            m_order.append(i);
            m_held += e.state == EntryState::Held;
        } else { // never sent twice, but a table must not show it twice: the later wins
            OutboxEntry &earlier = m_slots[*it];
            m_held += (e.state == EntryState::Held) - (earlier.state == EntryState::Held);
            earlier = e;
            m_slots[i] = OutboxEntry();
            m_freeSlots.append(i);
        }
    }
    endResetModel();
    emit countsChanged();
}

void QueueModel::apply(const QList<OutboxEntry> &changedOrAdded, const QStringList &removed)
{
    QList<int> gone;
    gone.reserve(removed.size());
    for (const QString &id : removed) {
        const int row = rowOf(id);
        if (row >= 0)
            gone.append(row);
    }
    std::sort(gone.begin(), gone.end(), std::greater<>());
    gone.erase(std::unique(gone.begin(), gone.end()), gone.end());
    const qsizetype removedRuns = countRuns(gone);
    if (removedRuns > 0 && removedRuns + countChangedRuns(changedOrAdded) / 4 > kResetWeight) {
        beginResetModel();
        closeGaps(gone);
        for (const OutboxEntry &e : changedOrAdded) {
            const auto it = m_slot.constFind(e.id);
            const int slot = it != m_slot.constEnd() ? *it : takeSlot();
            if (it != m_slot.constEnd()) {
                m_held -= m_slots.at(slot).state == EntryState::Held;
            } else {
                m_slot.insert(e.id, slot);
                m_rowOfSlot[slot] = int(m_order.size());
                m_order.append(slot);
            }
            m_held += e.state == EntryState::Held;
            m_slots[slot] = e;
        }
        endResetModel();
        emit countsChanged();
        return;
    }
    if (!gone.isEmpty())
        dropRows(gone);

    QList<int> changedRows;
    QList<OutboxEntry> added;
    QHash<QString, qsizetype> addedAt;
    for (const OutboxEntry &e : changedOrAdded) {
        const auto it = m_slot.constFind(e.id);
        if (it != m_slot.constEnd()) {
            OutboxEntry &current = m_slots[*it];
            m_held += (e.state == EntryState::Held) - (current.state == EntryState::Held);
            current = e;
            changedRows.append(m_rowOfSlot.at(*it));
        } else if (const qsizetype at = addedAt.value(e.id, -1); at >= 0) {
            added[at] = e;
        } else {
            addedAt.insert(e.id, added.size());
            added.append(e);
        }
    }

    // One dataChanged per run of adjacent rows; past kManyRuns runs, one over the span of
    // them: each dataChanged costs a sorting proxy a pass over all its rows.
    std::sort(changedRows.begin(), changedRows.end());
    changedRows.erase(std::unique(changedRows.begin(), changedRows.end()), changedRows.end());
    if (countRuns(changedRows) > kManyChangedRuns) {
        emit dataChanged(index(changedRows.constFirst(), 0),
                         index(changedRows.constLast(), ColumnCount - 1));
        changedRows.clear();
    }
    for (qsizetype i = 0; i < changedRows.size();) {
        qsizetype j = i + 1;
        while (j < changedRows.size() && changedRows.at(j) == changedRows.at(j - 1) + 1)
            ++j;
        emit dataChanged(index(changedRows.at(i), 0),
                         index(changedRows.at(j - 1), ColumnCount - 1));
        i = j;
    }

    if (!added.isEmpty()) {
        const int first = int(m_order.size());
        beginInsertRows({}, first, first + int(added.size()) - 1);
        for (const OutboxEntry &e : std::as_const(added)) {
            const int slot = takeSlot();
            m_slots[slot] = e;
            m_slot.insert(e.id, slot);
            m_rowOfSlot[slot] = int(m_order.size());
            m_order.append(slot);
            if (e.state == EntryState::Held)
                ++m_held;
        }
        endInsertRows();
    }
    emit countsChanged();
}

// Removes rows (descending, distinct): one beginRemoveRows per run of adjacent rows, highest
// first, so that the rows below a run keep their numbers while it goes.
void QueueModel::dropRows(const QList<int> &rows)
{
    for (qsizetype i = 0; i < rows.size();) {
        const int last = rows.at(i);
        qsizetype j = i + 1;
        while (j < rows.size() && rows.at(j) == rows.at(j - 1) - 1)
            ++j;
        const int first = rows.at(j - 1);
        // Everything hidden so far lies above `last`, so these numbers are still the rows'.
        beginRemoveRows({}, first, last);
        m_hidden.append({first, last - first + 1});
        m_hiddenCount += last - first + 1;
        endRemoveRows();
        i = j;
    }

    closeGaps(rows);
}

// Frees the slots of the rows (descending) that the views were told are gone, and closes
// the gaps in the row list in one pass.
void QueueModel::closeGaps(const QList<int> &rows)
{
    const int lowest = rows.constLast();
    qsizetype next = rows.size() - 1; // rows ascending, from the back
    int write = lowest;
    for (int read = lowest; read < m_order.size(); ++read) {
        const int slot = m_order.at(read);
        if (next >= 0 && rows.at(next) == read) {
            --next;
            if (m_slots.at(slot).state == EntryState::Held)
                --m_held;
            m_slot.remove(m_slots.at(slot).id);
            m_slots[slot] = OutboxEntry();
            m_rowOfSlot[slot] = -1;
            m_freeSlots.append(slot);
            continue;
        }
        m_order[write] = slot;
        m_rowOfSlot[slot] = write;
        ++write;
    }
    m_order.resize(write);
    m_hidden.clear();
    m_hiddenCount = 0;
}

QueueFilterModel::QueueFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(QueueModel::SortRole);
    setSortCaseSensitivity(Qt::CaseInsensitive);
}

void QueueFilterModel::setFilterText(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_text)
        return;
    m_text = trimmed;
    invalidateFilter();
}

void QueueFilterModel::setStateFilter(std::optional<EntryState> state)
{
    if (state == m_state)
        return;
    m_state = state;
    invalidateFilter();
}

bool QueueFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (sourceParent.isValid())
        return false;
    const auto *model = qobject_cast<const QueueModel *>(sourceModel());
    if (!model || !isFiltering())
        return true;
    const OutboxEntry &e = model->entryAt(sourceRow);
    if (m_state && e.state != *m_state)
        return false;
    if (m_text.isEmpty())
        return true;
    const auto matches = [this](const QString &s) {
        return s.contains(m_text, Qt::CaseInsensitive);
    };
    return matches(e.id) || matches(e.sender) || matches(e.nextHop) || matches(e.lastReply) ||
           std::any_of(e.recipients.cbegin(), e.recipients.cend(), matches);
}

} // namespace tandem::ui

namespace tandem::ui {

bool QueueFilterModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    const auto *model = qobject_cast<const QueueModel *>(sourceModel());
    if (!model || sortRole() != QueueModel::SortRole || left.column() != right.column())
        return QSortFilterProxyModel::lessThan(left, right);
    const OutboxEntry &a = model->entryAt(left.row());
    const OutboxEntry &b = model->entryAt(right.row());
    const Qt::CaseSensitivity cs = sortCaseSensitivity();
    switch (left.column()) {
    case QueueModel::IdColumn:
        return a.id.compare(b.id, cs) < 0;
    case QueueModel::FromColumn:
        return a.sender.compare(b.sender, cs) < 0;
    case QueueModel::RecipientsColumn:
        return std::lexicographical_compare(
            a.recipients.cbegin(), a.recipients.cend(), b.recipients.cbegin(), b.recipients.cend(),
            [cs](const QString &x, const QString &y) { return x.compare(y, cs) < 0; });
    case QueueModel::SizeColumn:
        return a.size < b.size;
    case QueueModel::NextHopColumn:
        return a.nextHop.compare(b.nextHop, cs) < 0;
    case QueueModel::StateColumn:
        return int(a.state) < int(b.state);
    case QueueModel::AttemptsColumn:
        return a.attempts < b.attempts;
    case QueueModel::NextAttemptColumn:
        return a.nextAttempt < b.nextAttempt;
    case QueueModel::LastReplyColumn:
        return a.lastReply.compare(b.lastReply, cs) < 0;
    }
    return false;
}

} // namespace tandem::ui
