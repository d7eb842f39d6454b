#pragma once

#include "delivery/outbox.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QIcon>
#include <QList>
#include <QSortFilterProxyModel>
#include <QStringList>

#include <array>
#include <optional>

// The Outbox as a table: value snapshots of the engine's entries, kept up to date by the
// batches of EngineHost::outboxUpdated. Rows stay in arrival order (additions are appended);
// sorting and filtering belong to a QueueFilterModel on top.
namespace tandem::ui {

class QueueModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        IdColumn,
        FromColumn,
        RecipientsColumn,
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

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // Everything at once (the engine's outboxSnapshot).
    void resetFrom(const QList<delivery::OutboxEntry> &entries);
    // One batch of the engine's outboxUpdated: removals (one beginRemoveRows per run of
    // adjacent rows, highest first), changes (one dataChanged per run), additions (one
    // beginInsertRows at the end). The work is proportional to the batch, plus, when something
    // goes, one pass over the row numbers after the first row removed. A batch removing a
    // great many scattered rows is told as a reset instead (see kResetWeight).
    void apply(const QList<delivery::OutboxEntry> &changedOrAdded, const QStringList &removed);

    int rowOf(const QString &id) const; // -1 when absent
    const delivery::OutboxEntry &entryAt(int row) const;
    int heldCount() const { return m_held; }

    static QString stateText(delivery::EntryState state);
    static QIcon stateIcon(delivery::EntryState state);

signals:
    // After each reset or batch: the totals (rows, held) may have changed.
    void countsChanged();

private:
    struct Hidden {
        int start; // physical row
        int count;
    };
    int physicalRow(int row) const;
    int takeSlot();
    qsizetype countChangedRuns(const QList<delivery::OutboxEntry> &entries) const;
    void dropRows(const QList<int> &rows);
    void closeGaps(const QList<int> &rows);
    QString toolTip(const delivery::OutboxEntry &entry) const;

    // The entries sit in slots that never move; the rows are a list of slot numbers. So a
    // change touches one slot, and a removal shifts only small integers, never entries, and
    // never re-hashes ids.
    QList<delivery::OutboxEntry> m_slots;
    QList<int> m_freeSlots;
    QList<int> m_order;         // row -> slot
    QList<int> m_rowOfSlot;     // slot -> row, -1 when free
    QHash<QString, int> m_slot; // id -> slot
    int m_held = 0;
    mutable std::array<QIcon, 4> m_icons; // by state, loaded when first shown
    // While a batch removes runs of rows (highest first) they stay in m_order, hidden, and
    // go in one pass at the end.
    QList<Hidden> m_hidden; // descending by start
    int m_hiddenCount = 0;
};

// Sorting by the raw values of QueueModel::SortRole (numbers, times; text ignoring case), and
// filtering on a text (id, sender, recipients, next hop, last reply; case-insensitive) and
// optionally one state.
class QueueFilterModel : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit QueueFilterModel(QObject *parent = nullptr);

    void setFilterText(const QString &text);
    QString filterText() const { return m_text; }
    void setStateFilter(std::optional<delivery::EntryState> state);
    std::optional<delivery::EntryState> stateFilter() const { return m_state; }
    bool isFiltering() const { return !m_text.isEmpty() || m_state.has_value(); }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    // The order of SortRole, read from the entries themselves: sorting 100,000 rows makes
    // millions of comparisons, and this way none of them builds a QVariant.
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    QString m_text;
    std::optional<delivery::EntryState> m_state;
};

} // namespace tandem::ui
