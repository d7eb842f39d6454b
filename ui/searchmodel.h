#pragma once

#include "archive/search.h"

#include <QAbstractTableModel>
#include <QIcon>
#include <QList>
#include <QPointer>
#include <QString>

// The hits of an archive search as a table, fetched a page at a time: the first page is asked
// for when the query is set, the next one when a view scrolls to the end of what is loaded
// (canFetchMore / fetchMore), after the last hit shown (keyset paging: page 5,000 costs what
// page 1 did). A query matching a million copies shows its first rows at once and holds only
// what was scrolled through. The count of all hits is asked in parallel.
//
// Sorted by the archive, not here: by date, size or sender (the From: address), each asked of
// the archive from the first page again. Answers to an older query or order are dropped by
// their request number.
namespace tandem::ui {

class ArchiveSearch;

class SearchModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        DateColumn,
        FromColumn,
        SubjectColumn,
        MailboxColumn,
        FolderColumn,
        RecipientColumn,
        SizeColumn,
        StateColumn,
        ColumnCount
    };
    enum Role {
        PlacementIdRole = Qt::UserRole, // the hit's placement id, in every column
    };
    static constexpr int kPageSize = 200;

    explicit SearchModel(ArchiveSearch *search, QObject *parent = nullptr);
    ~SearchModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;
    // Date, From and Size; another column changes nothing. A new order is a reset.
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;
    static bool isSortable(int column);
    int sortColumn() const;
    Qt::SortOrder sortOrder() const;
    archive::SearchSort searchSort() const { return m_sort; }

    // Runs the query (the empty query finds every copy): the rows go, and its first page and
    // its count are asked for. Told as a reset.
    void setQuery(const QString &query);
    // The same query and order again from the first page (after a copy back added copies).
    void refresh();
    QString query() const { return m_query; }
    bool hasQuery() const { return m_active; }

    const archive::SearchHit &hitAt(int row) const { return m_hits.at(row); }
    // How many copies the query finds: -1 while counting (or when the count failed).
    qint64 totalCount() const { return m_count; }
    // How many distinct messages those copies are of: -1 while counting.
    qint64 messageCount() const { return m_messages; }
    // The query could not be run: the archive's reason (a bad query's names its column).
    QString error() const { return m_error; }
    bool isFetching() const { return m_pageRequest != 0; }
    // Every hit is loaded.
    bool isComplete() const { return m_active && m_atEnd; }

    // Tells the views that the headers and the state texts are in another language now.
    void retranslate();

signals:
    // After the rows or the count changed, and when a page is asked for or answered.
    void statusChanged();
    // The query could not be run (once per query).
    void failed(const QString &error);

private:
    void requestPage();
    void onSearched(quint64 request, const QList<archive::SearchHit> &hits, const QString &error);
    void onCounted(quint64 request, qint64 count, qint64 messages, const QString &error);
    void fail(const QString &error);
    void cancelRequests(bool count);
    QString displayText(const archive::SearchHit &hit, int column) const;
    QString toolTip(const archive::SearchHit &hit, int column) const;

    QPointer<ArchiveSearch> m_search;
    QString m_query;
    bool m_active = false;
    archive::SearchSort m_sort; // newest first
    QList<archive::SearchHit> m_hits;
    bool m_atEnd = true;
    quint64 m_pageRequest = 0;  // the page asked for and not answered yet
    quint64 m_countRequest = 0; // likewise the count
    qint64 m_count = -1;
    qint64 m_messages = -1;
    QString m_error;
    mutable QIcon m_attachmentIcon; // loaded when first shown
};

} // namespace tandem::ui
