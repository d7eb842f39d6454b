#pragma once

#include "util/log.h"

#include <QAbstractTableModel>
#include <QList>
#include <QTimer>

#include <deque>

// The engine's events as a table, newest last. Entries arrive from any thread through
// append() (thread-safe) and are inserted in batches a few times a second; the oldest go
// once there are more than the cap.
namespace tandem::ui {

class LogModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Time, Level, Component, Session, QueueId, Text, ColumnCount };
    enum Role { LevelRole = Qt::UserRole + 1, SessionRole, QueueIdRole };

    explicit LogModel(QObject *parent = nullptr, int cap = 50000);

    // Safe from any thread.
    void append(const log::Entry &entry);
    // Older entries (the log file's last lines), put before every entry the model has.
    void prependHistory(const QList<log::Entry> &history);
    void clear();
    // Tells the views that the headers are in another language now.
    void retranslate();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    void flushPending();

    std::deque<log::Entry> m_entries;
    QList<log::Entry> m_pending;
    QTimer m_flush;
    int m_cap;
};

} // namespace tandem::ui
