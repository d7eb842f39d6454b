#pragma once

#include "delivery/outbox.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QIcon>
#include <QList>
#include <QStringList>

#include <array>
#include <functional>
#include <optional>

// The Outbox as a table: value snapshots of the engine's entries, kept up to date by the
// batches of EngineHost::outboxUpdated, sorted and filtered here rather than by a proxy.
//
// A sorting proxy answers every rowsRemoved or dataChanged of its source with a pass over all
// its rows; at 100,000 entries a batch of a few hundred changes then stalls the window for a
// large fraction of a second. This model knows a batch as a whole: it takes the rows that leave
// their place out, binary-searches where the new and the re-sorted ones go, and tells the views
// in as few signals as the batch allows (see apply()). The work is proportional to the batch,
// plus one pass over the row numbers.
namespace tandem::ui {

class QueueModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        IdColumn,
        FromColumn,
        RecipientsColumn,
        SubjectColumn,
        SizeColumn,
        NextHopColumn,
        StateColumn,
        AttemptsColumn,
        NextAttemptColumn,
        LastReplyColumn,
        ColumnCount
    };
    enum Role {
        IdRole = Qt::UserRole, // the entry's id, in every column
        SortRole,              // raw values: numbers, QDateTime, plain text
        StateRole,             // int(delivery::EntryState)
    };

    explicit QueueModel(QObject *parent = nullptr);

    // The rows shown: the entries that pass the filter, in the sort order.
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    // By the raw values of SortRole (numbers and times as such, text ignoring case); entries
    // that compare equal stay in the order they arrived. Column -1 is arrival order. Told as a
    // layout change: selections and persistent indexes follow their entries.
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;
    int sortColumn() const { return m_sortColumn; }
    Qt::SortOrder sortOrder() const { return m_sortOrder; }

    // Only the entries containing the text (id, sender, recipients, subject, next hop, last
    // reply; case-insensitive) and, when set, in the state. Told as a reset.
    void setFilterText(const QString &text);
    QString filterText() const { return m_filterText; }
    void setStateFilter(std::optional<delivery::EntryState> state);
    std::optional<delivery::EntryState> stateFilter() const { return m_stateFilter; }
    bool isFiltering() const { return !m_filterText.isEmpty() || m_stateFilter.has_value(); }

    // Everything at once (the engine's outboxSnapshot). Told as a reset.
    void resetFrom(const QList<delivery::OutboxEntry> &entries);
    // One batch of the engine's outboxUpdated: removals first, then changes and additions (an
    // id removed and added in one batch comes back as a new arrival). Told, when the rows
    // that leave their place and the places taken form few runs, as one beginRemoveRows per
    // run (highest first) and one beginInsertRows per run (lowest first); when the rows only
    // move among themselves, as one layout change; otherwise as a reset. Changes that keep
    // their place are one dataChanged per run of rows.
    void apply(const QList<delivery::OutboxEntry> &changedOrAdded, const QStringList &removed);

    int rowOf(const QString &id) const; // -1 when absent or filtered out
    bool contains(const QString &id) const { return m_slotOf.contains(id); }
    const delivery::OutboxEntry &entryAt(int row) const;
    int totalCount() const { return int(m_slotOf.size()); } // filtered out or not
    int heldCount() const { return m_held; }

    // Tells the views that the headers and the state texts are in another language now.
    void retranslate();

    static QString stateText(delivery::EntryState state);
    static QIcon stateIcon(delivery::EntryState state);

signals:
    // After each reset or batch: the totals (entries, held) may have changed.
    void countsChanged();

private:
    bool accepts(const delivery::OutboxEntry &entry) const;
    bool sortsByText() const;
    QString textKey(const delivery::OutboxEntry &entry) const;
    qint64 numberKey(const delivery::OutboxEntry &entry) const;
    void store(int slot, const delivery::OutboxEntry &entry);
    void storeKey(int slot);
    // Whether the entry in `slot`, replaced by `entry`, would sort elsewhere.
    bool keyChanged(int slot, const delivery::OutboxEntry &entry) const;
    // The total order of rows: the sort column in the sort order, then arrival.
    bool before(int slotA, int slotB) const;
    int takeSlot();
    void freeSlot(int slot);
    void renumberFrom(int row);
    void refilter();
    void changePersistentRows(const std::function<void()> &reorder);
    QString toolTip(const delivery::OutboxEntry &entry) const;

    // Entries sit in slots that never move while they live; rows are a list of slot numbers.
    QList<delivery::OutboxEntry> m_slots;
    // By slot, the sort column's value, so that a sort compares no entries: its text,
    // case-folded, or its number.
    QList<QString> m_textKey;
    QList<qint64> m_numberKey;
    QList<quint64> m_arrival; // by slot
    QList<int> m_rowOfSlot;   // slot -> row, -1 when free or filtered out
    QList<int> m_freeSlots;
    QList<int> m_order;           // row -> slot
    QHash<QString, int> m_slotOf; // id -> slot
    quint64 m_nextArrival = 0;
    int m_held = 0;

    int m_sortColumn = -1;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
    QString m_filterText;
    std::optional<delivery::EntryState> m_stateFilter;

    mutable std::array<QIcon, 4> m_icons; // by state, loaded when first shown
};

} // namespace tandem::ui
