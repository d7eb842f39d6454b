#include "searchmodel.h"

#include "archivesearch.h"
#include "archivetext.h"

#include <QLocale>

using namespace Qt::StringLiterals;

// The paperclip lives in tandem_ui, a static library: without this call the linker may leave
// the resource's initializer out of a program that references nothing else in that object.
static void initSearchResources()
{
    static const bool done = [] {
        Q_INIT_RESOURCE(resources);
        return true;
    }();
    Q_UNUSED(done);
}

namespace tandem::ui {

using archive::SearchHit;
using archive::SearchSort;

SearchModel::SearchModel(ArchiveSearch *search, QObject *parent)
    : QAbstractTableModel(parent)
    , m_search(search)
{
    initSearchResources();
    if (m_search) {
        connect(m_search, &ArchiveSearch::searched, this, &SearchModel::onSearched);
        connect(m_search, &ArchiveSearch::counted, this, &SearchModel::onCounted);
    }
}

SearchModel::~SearchModel()
{
    cancelRequests(true);
}

int SearchModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_hits.size());
}

int SearchModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

bool SearchModel::isSortable(int column)
{
    return column == DateColumn || column == FromColumn || column == SizeColumn;
}

int SearchModel::sortColumn() const
{
    switch (m_sort.key) {
    case SearchSort::Key::Date:
        return DateColumn;
    case SearchSort::Key::Size:
        return SizeColumn;
    case SearchSort::Key::Sender:
        return FromColumn;
    }
    return DateColumn;
}

Qt::SortOrder SearchModel::sortOrder() const
{
    return m_sort.ascending ? Qt::AscendingOrder : Qt::DescendingOrder;
}

void SearchModel::sort(int column, Qt::SortOrder order)
{
    if (!isSortable(column))
        return;
    SearchSort sort;
    sort.key = column == DateColumn   ? SearchSort::Key::Date
               : column == SizeColumn ? SearchSort::Key::Size
                                      : SearchSort::Key::Sender;
    sort.ascending = order == Qt::AscendingOrder;
    if (sort.key == m_sort.key && sort.ascending == m_sort.ascending)
        return;
    m_sort = sort;
    if (!m_active || !m_error.isEmpty())
        return;
    // The count does not depend on the order: only the pages are asked again.
    cancelRequests(false);
    beginResetModel();
    m_hits.clear();
    m_atEnd = false;
    endResetModel();
    requestPage();
}

void SearchModel::setQuery(const QString &query)
{
    cancelRequests(true);
    beginResetModel();
    m_hits.clear();
    m_query = query;
    m_active = true;
    m_atEnd = false;
    m_error.clear();
    m_count = -1;
    m_messages = -1;
    endResetModel();
    if (m_search)
        m_countRequest = m_search->count(query);
    requestPage();
    emit statusChanged();
}

void SearchModel::refresh()
{
    if (m_active)
        setQuery(m_query);
}

void SearchModel::cancelRequests(bool count)
{
    if (!m_search) {
        m_pageRequest = m_countRequest = 0;
        return;
    }
    if (m_pageRequest)
        m_search->cancel(std::exchange(m_pageRequest, 0));
    if (count && m_countRequest)
        m_search->cancel(std::exchange(m_countRequest, 0));
}

bool SearchModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_active && !m_atEnd && m_pageRequest == 0 && m_error.isEmpty();
}

void SearchModel::fetchMore(const QModelIndex &parent)
{
    if (canFetchMore(parent))
        requestPage();
}

void SearchModel::requestPage()
{
    if (!m_search || m_atEnd || m_pageRequest != 0)
        return;
    const std::optional<SearchHit> after =
        m_hits.isEmpty() ? std::nullopt : std::optional<SearchHit>(m_hits.last());
    m_pageRequest = m_search->search(m_query, m_sort, after, kPageSize);
    emit statusChanged();
}

void SearchModel::onSearched(quint64 request, const QList<SearchHit> &hits, const QString &error)
{
    if (request == 0 || request != m_pageRequest)
        return; // an older query's or order's page
    if (!error.isEmpty()) {
        m_pageRequest = 0;
        m_atEnd = true;
        fail(error);
        emit statusChanged();
        return;
    }
    if (hits.size() < kPageSize)
        m_atEnd = true;
    // Still "fetching" while the rows go in: a view or tester asking for more from inside
    // beginInsertRows would otherwise ask for the page after the previous last hit again.
    if (!hits.isEmpty()) {
        const int first = int(m_hits.size());
        beginInsertRows({}, first, first + int(hits.size()) - 1);
        m_hits.append(hits);
        endInsertRows();
    }
    m_pageRequest = 0;
    emit statusChanged();
}

void SearchModel::onCounted(quint64 request, qint64 count, qint64 messages, const QString &error)
{
    if (request == 0 || request != m_countRequest)
        return;
    m_countRequest = 0;
    if (!error.isEmpty()) {
        fail(error);
    } else {
        m_count = count;
        m_messages = messages;
    }
    emit statusChanged();
}

void SearchModel::fail(const QString &error)
{
    m_count = -1;
    m_messages = -1;
    if (!m_error.isEmpty())
        return;
    m_error = error;
    emit failed(error);
}

QString SearchModel::displayText(const SearchHit &hit, int column) const
{
    switch (column) {
    case DateColumn:
        return ArchiveText::date(hit.dated);
    case FromColumn:
        if (!hit.fromName.isEmpty())
            return hit.fromName;
        return hit.fromAddr.isEmpty() ? hit.mailFrom : hit.fromAddr;
    case SubjectColumn:
        return hit.subject.isEmpty() ? tr("(no subject)") : hit.subject;
    case MailboxColumn:
        return hit.mailbox;
    case FolderColumn:
        return ArchiveText::folder(hit.folder);
    case RecipientColumn:
        return hit.deliveredTo;
    case SizeColumn:
        return ArchiveText::size(hit.size);
    case StateColumn:
        return ArchiveText::state(hit.state);
    }
    return {};
}

QString SearchModel::toolTip(const SearchHit &hit, int column) const
{
    switch (column) {
    case DateColumn:
        return hit.date.isValid()
                   ? tr("Dated %1, filed %2")
                         .arg(ArchiveText::date(hit.date), ArchiveText::date(hit.filed))
                   : tr("No date in the message; filed %1").arg(ArchiveText::date(hit.filed));
    case FromColumn: {
        QString from =
            hit.fromName.isEmpty() ? hit.fromAddr : u"%1 <%2>"_s.arg(hit.fromName, hit.fromAddr);
        if (hit.mailFrom.compare(hit.fromAddr, Qt::CaseInsensitive) != 0)
            from += u'\n' +
                    tr("Envelope sender: %1").arg(hit.mailFrom.isEmpty() ? u"<>"_s : hit.mailFrom);
        return from;
    }
    case SubjectColumn:
        return hit.attachments > 0 ? displayText(hit, column) + u'\n' +
                                         tr("%n attachment(s)", nullptr, hit.attachments)
                                   : displayText(hit, column);
    case SizeColumn:
        return tr("%L1 bytes").arg(hit.size);
    default:
        return displayText(hit, column);
    }
}

QVariant SearchModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_hits.size())
        return {};
    const SearchHit &hit = m_hits.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return displayText(hit, index.column());
    case Qt::ToolTipRole:
        return toolTip(hit, index.column());
    case Qt::TextAlignmentRole:
        if (index.column() == SizeColumn)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::DecorationRole:
        if (index.column() == SubjectColumn && hit.attachments > 0) {
            if (m_attachmentIcon.isNull())
                m_attachmentIcon = QIcon(u":/tandem/search/attachment.svg"_s);
            return m_attachmentIcon;
        }
        return {};
    case PlacementIdRole:
        return hit.placementId;
    }
    return {};
}

QVariant SearchModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::DisplayRole) {
        switch (section) {
        case DateColumn:
            return tr("Date");
        case FromColumn:
            return tr("From");
        case SubjectColumn:
            return tr("Subject");
        case MailboxColumn:
            return tr("Mailbox");
        case FolderColumn:
            return tr("Folder");
        case RecipientColumn:
            return tr("Recipient");
        case SizeColumn:
            return tr("Size");
        case StateColumn:
            return tr("State");
        }
    } else if (role == Qt::ToolTipRole) {
        switch (section) {
        case DateColumn:
            return tr("The message's Date:, or when the copy was filed when it has none. Click "
                      "to sort.");
        case FromColumn:
            return tr("The From: of the message. Click to sort by its address.");
        case SizeColumn:
            return tr("The size of the message as received. Click to sort.");
        case RecipientColumn:
            return tr("The envelope recipient this copy was delivered to (its Delivered-To:): "
                      "a Bcc recipient too.");
        case StateColumn:
            return tr("Live: in the mailbox. Archived: moved into the archive store. Expired: "
                      "past its retention.");
        }
    } else if (role == Qt::InitialSortOrderRole) {
        // The newest and the largest first; senders from a to z.
        return section == FromColumn ? Qt::AscendingOrder : Qt::DescendingOrder;
    } else if (role == Qt::TextAlignmentRole && section == SizeColumn) {
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    }
    return {};
}

void SearchModel::retranslate()
{
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!m_hits.isEmpty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

} // namespace tandem::ui
