#include "queuemodel.h"

#include <QDateTime>
#include <QLocale>

#include <algorithm>
#include <functional>
#include <limits>

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

bool isHeld(const OutboxEntry &e)
{
    return e.state == EntryState::Held;
}

// Past this many runs of rows (those leaving their place plus the places taken) a batch is
// told as one layout change or a reset: each beginRemoveRows and beginInsertRows costs the
// model and every view a pass over their rows. Measured with tests/bench.
constexpr qsizetype kMaxRuns = 64;
// Past this many runs of rows changed in place, one dataChanged over their span (a view
// repaints what it shows either way).
constexpr qsizetype kMaxChangedRuns = 64;
constexpr quint64 kFreeSlot = std::numeric_limits<quint64>::max();

// Runs of adjacent numbers in an ascending list.
qsizetype countRuns(const QList<int> &sorted)
{
    qsizetype runs = sorted.isEmpty() ? 0 : 1;
    for (qsizetype i = 1; i < sorted.size(); ++i)
        runs += sorted.at(i) != sorted.at(i - 1) + 1;
    return runs;
}

// Calls f(first, last) for each run of adjacent numbers in an ascending list, in order.
template <typename F> void forEachRun(const QList<int> &sorted, F f)
{
    for (qsizetype i = 0; i < sorted.size();) {
        qsizetype j = i + 1;
        while (j < sorted.size() && sorted.at(j) == sorted.at(j - 1) + 1)
            ++j;
        f(i, j - 1);
        i = j;
    }
}

QString firstLine(const QString &text)
{
    const qsizetype end = text.indexOf(u'\n');
    return end < 0 ? text : text.left(end);
}

template <typename T> int compareValues(const T &a, const T &b)
{
    return a < b ? -1 : b < a ? 1 : 0;
}

} // namespace

QueueModel::QueueModel(QObject *parent)
    : QAbstractTableModel(parent)
{
    initQueueResources();
}

int QueueModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_order.size());
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

void QueueModel::retranslate()
{
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!m_order.isEmpty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
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
    case SubjectColumn:
        return tr("Subject");
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
        case SubjectColumn:
            return e.subject;
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
        case SubjectColumn:
            return e.subject;
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
    // What a narrow column cuts off, in full.
    QStringList lines;
    if (!e.subject.isEmpty())
        lines << tr("Subject: %1").arg(e.subject);
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
    if (e.lastReply.isEmpty() && e.history.isEmpty())
        lines << tr("Not attempted yet");
    // As rich text, so that an address in angle brackets is never taken for a tag.
    for (QString &line : lines)
        line = line.toHtmlEscaped();
    return u"<qt><p style=\"white-space:pre\">"_s + lines.join(u"<br>"_s) + u"</p></qt>"_s;
}

int QueueModel::rowOf(const QString &id) const
{
    const int slot = m_slotOf.value(id, -1);
    return slot < 0 ? -1 : m_rowOfSlot.at(slot);
}

const OutboxEntry &QueueModel::entryAt(int row) const
{
    return m_slots.at(m_order.at(row));
}

bool QueueModel::accepts(const OutboxEntry &e) const
{
    if (m_stateFilter && e.state != *m_stateFilter)
        return false;
    if (m_filterText.isEmpty())
        return true;
    const auto matches = [this](const QString &s) {
        return s.contains(m_filterText, Qt::CaseInsensitive);
    };
    return matches(e.id) || matches(e.sender) || matches(e.subject) || matches(e.nextHop) ||
           matches(e.lastReply) || std::any_of(e.recipients.cbegin(), e.recipients.cend(), matches);
}

bool QueueModel::sortsByText() const
{
    switch (m_sortColumn) {
    case IdColumn:
    case FromColumn:
    case RecipientsColumn:
    case SubjectColumn:
    case NextHopColumn:
    case LastReplyColumn:
        return true;
    }
    return false;
}

// The text of the sort column, case-folded once so that the comparisons of a sort are plain
// ones: comparing without case costs several times more, a million times over.
QString QueueModel::textKey(const OutboxEntry &e) const
{
    switch (m_sortColumn) {
    case IdColumn:
        return e.id.toCaseFolded();
    case FromColumn:
        return e.sender.toCaseFolded();
    case RecipientsColumn:
        // U+0001 sorts below every character of an address: lists compare item by item.
        return e.recipients.join(QChar(1)).toCaseFolded();
    case SubjectColumn:
        return e.subject.toCaseFolded();
    case NextHopColumn:
        return e.nextHop.toCaseFolded();
    case LastReplyColumn:
        return e.lastReply.toCaseFolded();
    }
    return {};
}

// The value of the sort column when it holds a number or a time (a time that is not set sorts
// first).
qint64 QueueModel::numberKey(const OutboxEntry &e) const
{
    switch (m_sortColumn) {
    case SizeColumn:
        return e.size;
    case StateColumn:
        return int(e.state);
    case AttemptsColumn:
        return e.attempts;
    case NextAttemptColumn:
        return e.nextAttempt.isValid() ? e.nextAttempt.toMSecsSinceEpoch()
                                       : std::numeric_limits<qint64>::min();
    }
    return 0; // arrival order
}

void QueueModel::store(int slot, const OutboxEntry &e)
{
    m_slots[slot] = e;
    storeKey(slot);
}

void QueueModel::storeKey(int slot)
{
    if (sortsByText()) {
        m_textKey[slot] = textKey(m_slots.at(slot));
        m_numberKey[slot] = 0;
    } else {
        m_textKey[slot] = QString();
        m_numberKey[slot] = numberKey(m_slots.at(slot));
    }
}

bool QueueModel::keyChanged(int slot, const OutboxEntry &e) const
{
    return sortsByText() ? textKey(e) != m_textKey.at(slot) : numberKey(e) != m_numberKey.at(slot);
}

bool QueueModel::before(int slotA, int slotB) const
{
    const int c = sortsByText() ? m_textKey.at(slotA).compare(m_textKey.at(slotB))
                                : compareValues(m_numberKey.at(slotA), m_numberKey.at(slotB));
    if (c != 0)
        return m_sortOrder == Qt::AscendingOrder ? c < 0 : c > 0;
    return m_arrival.at(slotA) < m_arrival.at(slotB);
}

int QueueModel::takeSlot()
{
    if (!m_freeSlots.isEmpty())
        return m_freeSlots.takeLast();
    m_slots.emplace_back();
    m_arrival.append(kFreeSlot);
    m_rowOfSlot.append(-1);
    m_textKey.emplace_back();
    m_numberKey.append(0);
    return int(m_slots.size()) - 1;
}

void QueueModel::freeSlot(int slot)
{
    m_slots[slot] = OutboxEntry();
    m_textKey[slot] = QString();
    m_arrival[slot] = kFreeSlot;
    m_rowOfSlot[slot] = -1;
    m_freeSlots.append(slot);
}

void QueueModel::renumberFrom(int row)
{
    for (int r = std::max(row, 0); r < m_order.size(); ++r)
        m_rowOfSlot[m_order.at(r)] = r;
}

// Runs `reorder` (which rearranges m_order and renumbers) inside a layout change, moving the
// persistent indexes (the views' selection and current row) along with their entries.
void QueueModel::changePersistentRows(const std::function<void()> &reorder)
{
    emit layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    const QModelIndexList from = persistentIndexList();
    QList<int> kept;
    kept.reserve(from.size());
    for (const QModelIndex &index : from)
        kept.append(m_order.at(index.row()));
    reorder();
    QModelIndexList to;
    to.reserve(from.size());
    for (qsizetype i = 0; i < from.size(); ++i) {
        const int row = m_rowOfSlot.at(kept.at(i));
        to.append(row < 0 ? QModelIndex() : index(row, from.at(i).column()));
    }
    changePersistentIndexList(from, to);
    emit layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

void QueueModel::resetFrom(const QList<OutboxEntry> &entries)
{
    beginResetModel();
    m_slots.clear();
    m_textKey.clear();
    m_numberKey.clear();
    m_arrival.clear();
    m_rowOfSlot.clear();
    m_freeSlots.clear();
    m_order.clear();
    m_slotOf.clear();
    m_slotOf.reserve(entries.size());
    m_held = 0;
    for (const OutboxEntry &e : entries) {
        const auto it = m_slotOf.constFind(e.id);
        if (it != m_slotOf.constEnd()) {
            // Never sent twice, but a table must not show it twice: the later wins.
            m_held += isHeld(e) - isHeld(m_slots.at(*it));
            store(*it, e);
            continue;
        }
        const int slot = takeSlot();
        store(slot, e);
        m_arrival[slot] = m_nextArrival++;
        m_slotOf.insert(e.id, slot);
        m_held += isHeld(e);
    }
    for (int slot = 0; slot < m_slots.size(); ++slot)
        if (accepts(m_slots.at(slot)))
            m_order.append(slot);
    if (m_sortColumn >= 0)
        std::sort(m_order.begin(), m_order.end(), [this](int a, int b) { return before(a, b); });
    renumberFrom(0);
    endResetModel();
    emit countsChanged();
}

void QueueModel::apply(const QList<OutboxEntry> &changedOrAdded, const QStringList &removed)
{
    // Rows that go (removed, or filtered out now), rows that move (their sort key changed),
    // rows that come (new, or filtered in now), and rows changed in place.
    QList<int> going;          // rows
    QList<int> moving;         // rows
    QList<int> entering;       // slots, moving and coming
    QList<int> changedInPlace; // slots
    QList<int> freed;          // slots

    for (const QString &id : removed) {
        const auto it = m_slotOf.constFind(id);
        if (it == m_slotOf.constEnd())
            continue;
        const int slot = *it;
        m_slotOf.erase(it);
        m_held -= isHeld(m_slots.at(slot));
        if (const int row = m_rowOfSlot.at(slot); row >= 0)
            going.append(row);
        freed.append(slot); // the entry stays readable until the views know it is gone
    }

    // An id may come twice in a batch: the later one counts.
    QHash<QString, qsizetype> latest;
    latest.reserve(changedOrAdded.size());
    for (qsizetype i = 0; i < changedOrAdded.size(); ++i)
        latest.insert(changedOrAdded.at(i).id, i);
    for (qsizetype i = 0; i < changedOrAdded.size(); ++i) {
        const OutboxEntry &e = changedOrAdded.at(i);
        if (latest.value(e.id) != i)
            continue;
        const bool accepted = accepts(e);
        const auto it = m_slotOf.constFind(e.id);
        if (it == m_slotOf.constEnd()) {
            const int slot = takeSlot();
            store(slot, e);
            m_arrival[slot] = m_nextArrival++;
            m_slotOf.insert(e.id, slot);
            m_held += isHeld(e);
            if (accepted)
                entering.append(slot);
            continue;
        }
        const int slot = *it;
        m_held += isHeld(e) - isHeld(m_slots.at(slot));
        const int row = m_rowOfSlot.at(slot);
        if (row < 0) {
            if (accepted)
                entering.append(slot);
        } else if (!accepted) {
            going.append(row);
        } else if (keyChanged(slot, e)) {
            moving.append(row);
            entering.append(slot);
        } else {
            changedInPlace.append(slot);
        }
        store(slot, e);
    }

    // Where the entering rows go: binary searches among the rows that stay, which are still
    // in order (their keys did not change).
    std::sort(going.begin(), going.end());
    std::sort(moving.begin(), moving.end());
    std::sort(entering.begin(), entering.end(), [this](int a, int b) { return before(a, b); });
    QList<bool> coming; // by index in `entering`: not shown yet
    coming.reserve(entering.size());
    for (int slot : std::as_const(entering))
        coming.append(m_rowOfSlot.at(slot) < 0);
    QList<int> stayers;
    QList<int> leftSlots; // of `going`
    leftSlots.reserve(going.size());
    if (!going.isEmpty() || !entering.isEmpty()) {
        stayers.reserve(m_order.size() - going.size() - moving.size());
        qsizetype g = 0;
        qsizetype m = 0;
        for (int row = 0; row < m_order.size(); ++row) {
            if (g < going.size() && going.at(g) == row) {
                ++g;
                leftSlots.append(m_order.at(row));
            } else if (m < moving.size() && moving.at(m) == row) {
                ++m;
            } else {
                stayers.append(m_order.at(row));
            }
        }
    }
    QList<int> positions; // the final rows of `entering`, ascending
    positions.reserve(entering.size());
    auto from = stayers.cbegin();
    for (qsizetype j = 0; j < entering.size(); ++j) {
        from = std::lower_bound(from, stayers.cend(), entering.at(j),
                                [this](int stayer, int slot) { return before(stayer, slot); });
        positions.append(int(from - stayers.cbegin() + j));
    }
    // The final order, or the order without the rows still to come.
    const auto merged = [&](bool withComing) {
        QList<int> order;
        order.reserve(stayers.size() + entering.size());
        qsizetype s = 0;
        for (qsizetype j = 0; j < entering.size(); ++j) {
            while (s < positions.at(j) - j) // the stayers above it
                order.append(stayers.at(s++));
            if (withComing || !coming.at(j))
                order.append(entering.at(j));
        }
        while (s < stayers.size())
            order.append(stayers.at(s++));
        return order;
    };
    QList<int> comingRows; // the final rows of the coming ones, ascending
    QList<int> comingSlots;
    for (qsizetype j = 0; j < entering.size(); ++j) {
        if (coming.at(j)) {
            comingRows.append(positions.at(j));
            comingSlots.append(entering.at(j));
        }
    }
    const int lowest =
        std::min({going.value(0, int(m_order.size())), moving.value(0, int(m_order.size())),
                  positions.value(0, int(m_order.size()))});
    for (int slot : std::as_const(leftSlots))
        m_rowOfSlot[slot] = -1;

    if (countRuns(going) + countRuns(comingRows) > kMaxRuns) {
        beginResetModel();
        m_order = merged(true);
        renumberFrom(lowest);
        endResetModel();
    } else {
        // Rows that go, highest run first, so that the rows below a run keep their numbers
        // while it goes.
        for (qsizetype i = going.size(); i > 0;) {
            qsizetype j = i - 1;
            while (j > 0 && going.at(j - 1) == going.at(j) - 1)
                --j;
            const int first = going.at(j);
            beginRemoveRows({}, first, going.at(i - 1));
            m_order.remove(first, going.at(i - 1) - first + 1);
            endRemoveRows();
            i = j;
        }
        // Rows that move: one layout change, which the views' selections follow.
        if (!moving.isEmpty()) {
            changePersistentRows([&] {
                m_order = merged(false);
                renumberFrom(lowest);
            });
        }
        // Rows that come, lowest run first, so that each lands at its final row.
        forEachRun(comingRows, [&](qsizetype i, qsizetype j) {
            const int first = comingRows.at(i);
            beginInsertRows({}, first, first + int(j - i));
            m_order.insert(first, j - i + 1, 0);
            for (qsizetype k = i; k <= j; ++k)
                m_order[first + (k - i)] = comingSlots.at(k);
            endInsertRows();
        });
        renumberFrom(lowest);
    }
    for (int slot : std::as_const(freed))
        freeSlot(slot);

    QList<int> changedRows;
    changedRows.reserve(changedInPlace.size());
    for (int slot : std::as_const(changedInPlace))
        changedRows.append(m_rowOfSlot.at(slot));
    std::sort(changedRows.begin(), changedRows.end());
    if (countRuns(changedRows) > kMaxChangedRuns) {
        emit dataChanged(index(changedRows.constFirst(), 0),
                         index(changedRows.constLast(), ColumnCount - 1));
    } else {
        forEachRun(changedRows, [&](qsizetype i, qsizetype j) {
            emit dataChanged(index(changedRows.at(i), 0),
                             index(changedRows.at(j), ColumnCount - 1));
        });
    }
    emit countsChanged();
}

void QueueModel::sort(int column, Qt::SortOrder order)
{
    if (column < 0 || column >= ColumnCount)
        column = -1;
    if (column == m_sortColumn && order == m_sortOrder)
        return;
    changePersistentRows([&] {
        m_sortColumn = column;
        m_sortOrder = order;
        for (int slot = 0; slot < m_slots.size(); ++slot)
            storeKey(slot);
        std::sort(m_order.begin(), m_order.end(), [this](int a, int b) { return before(a, b); });
        renumberFrom(0);
    });
}

void QueueModel::setFilterText(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_filterText)
        return;
    m_filterText = trimmed;
    refilter();
}

void QueueModel::setStateFilter(std::optional<EntryState> state)
{
    if (state == m_stateFilter)
        return;
    m_stateFilter = state;
    refilter();
}

void QueueModel::refilter()
{
    beginResetModel();
    for (int slot : std::as_const(m_order))
        m_rowOfSlot[slot] = -1;
    m_order.clear();
    for (int slot = 0; slot < m_slots.size(); ++slot)
        if (m_arrival.at(slot) != kFreeSlot && accepts(m_slots.at(slot)))
            m_order.append(slot);
    std::sort(m_order.begin(), m_order.end(), [this](int a, int b) { return before(a, b); });
    renumberFrom(0);
    endResetModel();
    emit countsChanged();
}

} // namespace tandem::ui
