#include "queuewindow.h"

#include "enginehost.h"
#include "entrydetailsdialog.h"
#include "queuemodel.h"

#include <QAction>
#include <QComboBox>
#include <QDateTime>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPointer>
#include <QScrollBar>
#include <QStyle>
#include <QTableView>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace tandem::ui {

using delivery::EntryState;

namespace {

const QString kDelete = u"delete"_s;
const QString kBounce = u"bounce"_s;

} // namespace

QueueWindow::QueueWindow(EngineHost *host, QWidget *parent)
    : QWidget(parent)
    , m_host(host)
    , m_model(new QueueModel(this))
    , m_toolBar(new QToolBar(this))
    , m_filter(new QLineEdit(this))
    , m_stateFilter(new QComboBox(this))
    , m_view(new QTableView(this))
    , m_status(new QLabel(this))
    , m_result(new QLabel(this))
    , m_details(new QAction(this))
{
    setObjectName(u"queueWindow"_s);

    // Operations: a toolbar, the view's context menu, and shortcuts while the window has focus.
    m_toolBar->setObjectName(u"queueToolBar"_s);
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_toolBar->setIconSize(QSize(16, 16));
    // The operations' texts are set by retranslateUi().
    addOperation(u"retry"_s, u"retry"_s)->setIcon(QueueModel::stateIcon(EntryState::Delivering));
    addOperation(u"hold"_s, u"hold"_s)->setIcon(QueueModel::stateIcon(EntryState::Held));
    addOperation(u"release"_s, u"release"_s)->setIcon(QueueModel::stateIcon(EntryState::Queued));
    m_toolBar->addSeparator();
    QAction *remove = addOperation(u"delete"_s, kDelete);
    remove->setIcon(style()->standardIcon(QStyle::SP_TrashIcon));
    remove->setShortcut(QKeySequence::Delete);
    addOperation(u"bounce"_s, kBounce)->setIcon(style()->standardIcon(QStyle::SP_ArrowBack));

    m_filter->setObjectName(u"filterEdit"_s);
    m_filter->setClearButtonEnabled(true);
    m_stateFilter->setObjectName(u"stateFilter"_s);
    m_stateFilter->addItem(QString(), -1);
    for (EntryState s :
         {EntryState::Queued, EntryState::Delivering, EntryState::Deferred, EntryState::Held})
        m_stateFilter->addItem(QueueModel::stateIcon(s), QString(), int(s));

    // The operations on a row of their own, so that none hides behind the toolbar's overflow
    // button in a narrow window or a longer language; the filters under them.
    auto *filters = new QHBoxLayout;
    filters->setContentsMargins(0, 0, 0, 0);
    filters->addWidget(m_filter, 1);
    filters->addWidget(m_stateFilter);

    m_view->setObjectName(u"queueTable"_s);
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_details->setObjectName(u"detailsAction"_s);
    m_view->addAction(m_details);
    auto *separator = new QAction(this);
    separator->setSeparator(true);
    m_view->addAction(separator);
    m_view->addActions(m_operations);
    m_view->setTextElideMode(Qt::ElideRight);
    m_view->viewport()->installEventFilter(this);
    m_view->horizontalHeader()->viewport()->installEventFilter(this);
    // Fixed row heights and no row header: nothing is measured per row, whatever the count.
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 8);
    QHeaderView *header = m_view->horizontalHeader();
    header->setObjectName(u"queueHeader"_s);
    header->setHighlightSections(false);
    header->setStretchLastSection(true);
    header->setSectionsMovable(true);
    header->setMinimumSectionSize(m_view->fontMetrics().horizontalAdvance(u"Size"_s) + 24);
    // A drag on a column's edge by the administrator ends the fitting (fitColumns()).
    connect(header, &QHeaderView::sectionResized, this, [this] {
        if (!m_fitting && m_headerPressed)
            m_userWidths = true;
    });
    header->setSortIndicator(QueueModel::IdColumn, Qt::AscendingOrder);
    m_view->setSortingEnabled(true);

    m_status->setObjectName(u"statusLabel"_s);
    m_result->setObjectName(u"resultLabel"_s);
    m_result->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_status);
    bottom->addStretch(1);
    bottom->addWidget(m_result);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_toolBar);
    layout->addLayout(filters);
    layout->addWidget(m_view, 1);
    layout->addLayout(bottom);

    connect(m_filter, &QLineEdit::textChanged, m_model, &QueueModel::setFilterText);
    connect(m_stateFilter, &QComboBox::currentIndexChanged, this, [this] {
        const int state = m_stateFilter->currentData().toInt();
        m_model->setStateFilter(state < 0 ? std::nullopt
                                          : std::optional<EntryState>(EntryState(state)));
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &QueueWindow::updateActions);
    connect(m_view, &QAbstractItemView::activated, this, [this](const QModelIndex &index) {
        showDetails(index.data(QueueModel::IdRole).toString());
    });
    connect(m_details, &QAction::triggered, this, [this] {
        const QModelIndex current = m_view->currentIndex();
        if (current.isValid())
            showDetails(current.data(QueueModel::IdRole).toString());
    });

    // The totals are shown once per batch, not once per signal of it.
    auto *statusTimer = new QTimer(this);
    statusTimer->setSingleShot(true);
    statusTimer->setInterval(0);
    connect(statusTimer, &QTimer::timeout, this, &QueueWindow::updateStatus);
    const auto later = [statusTimer] { statusTimer->start(); };
    connect(m_model, &QueueModel::countsChanged, statusTimer, later);

    // A reset (a new snapshot, a new filter, or a batch moving rows all over the table) keeps
    // the selection, the current entry and the entry at the top of the view.
    connect(m_model, &QAbstractItemModel::modelAboutToBeReset, this, [this] {
        m_keptSelection = selectedIds();
        const QModelIndex current = m_view->currentIndex();
        m_keptCurrent = current.isValid() ? current.data(QueueModel::IdRole).toString() : QString();
        m_keptCurrentColumn = current.isValid() ? current.column() : 0;
        const QModelIndex top = m_view->indexAt(QPoint(0, 0));
        m_keptTop = top.isValid() ? top.data(QueueModel::IdRole).toString() : QString();
        m_keptScroll = m_view->verticalScrollBar()->value();
    });
    connect(m_model, &QAbstractItemModel::modelReset, this, &QueueWindow::restoreSelection);

    if (m_host) {
        connect(m_host, &EngineHost::outboxSnapshot, m_model, &QueueModel::resetFrom);
        connect(m_host, &EngineHost::outboxUpdated, m_model, &QueueModel::apply);
        m_host->requestOutboxSnapshot();
    }
    updateActions();
    retranslateUi();
    resize(1280, 560);
}

void QueueWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

// Every text of the window, again in the language installed now, and the widths of the
// columns whose content depends on it.
void QueueWindow::retranslateUi()
{
    setWindowTitle(tr("Outbox"));
    // In the order of m_operations.
    const QList<QPair<QString, QString>> operations{
        {tr("&Retry now"), tr("Try the selected entries again now")},
        {tr("&Hold"), tr("Keep the selected entries until they are released")},
        {tr("Re&lease"), tr("Let held entries be delivered again")},
        {tr("&Delete"), tr("Drop the selected entries without telling the sender")},
        {tr("Return to &sender"),
         tr("Send the selected entries back to their senders with a failure notice")},
    };
    for (qsizetype i = 0; i < operations.size() && i < m_operations.size(); ++i) {
        m_operations.at(i)->setText(operations.at(i).first);
        m_operations.at(i)->setToolTip(operations.at(i).second);
    }
    m_filter->setPlaceholderText(tr("Filter: id, sender, recipient, subject, next hop, reply"));
    m_filter->setMinimumWidth(
        m_filter->fontMetrics().horizontalAdvance(m_filter->placeholderText()) + 40);
    m_stateFilter->setToolTip(tr("Show only the entries in this state"));
    m_details->setText(tr("De&tails…"));
    m_details->setToolTip(tr("The envelope, every recipient's state, the attempts and the "
                             "message's headers (or double-click the entry)"));
    m_stateFilter->setItemText(0, tr("All states"));
    for (int i = 1; i < m_stateFilter->count(); ++i)
        m_stateFilter->setItemText(
            i, QueueModel::stateText(EntryState(m_stateFilter->itemData(i).toInt())));

    m_model->retranslate();
    fitColumns(); // the header and state texts' widths change with the language
    updateStatus();
}

QAction *QueueWindow::addOperation(const QString &name, const QString &operation)
{
    QAction *action = m_toolBar->addAction(QString());
    action->setObjectName(name + u"Action"_s);
    action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_toolBar->widgetForAction(action)->setObjectName(name + u"Button"_s);
    connect(action, &QAction::triggered, this, [this, operation] { runOperation(operation); });
    m_operations.append(action);
    return action;
}

QStringList QueueWindow::selectedIds() const
{
    QStringList ids;
    const QModelIndexList rows = m_view->selectionModel()->selectedRows(QueueModel::IdColumn);
    ids.reserve(rows.size());
    for (const QModelIndex &index : rows)
        ids.append(index.data(QueueModel::IdRole).toString());
    return ids;
}

bool QueueWindow::confirm(const QString &operation, int count)
{
    QString title;
    QString text;
    if (operation == kDelete) {
        title = tr("Delete entries");
        text = tr("Delete %n entries from the Outbox? Their recipients will not get the "
                  "message, and the sender is not told.",
                  nullptr, count);
    } else {
        title = tr("Return to sender");
        text = tr("Return %n entries to their senders? Each sender gets a failure notice, "
                  "and the entries leave the Outbox.",
                  nullptr, count);
    }
    return QMessageBox::question(this, title, text, QMessageBox::Yes | QMessageBox::No,
                                 QMessageBox::No) == QMessageBox::Yes;
}

void QueueWindow::runOperation(const QString &operation)
{
    const QStringList ids = selectedIds();
    if (ids.isEmpty())
        return;
    if (m_confirm && (operation == kDelete || operation == kBounce) &&
        !confirm(operation, int(ids.size())))
        return;
    const auto finished = [this, operation](const QStringList &changed, const QStringList &missing,
                                            const QStringList &refused) {
        if (missing.isEmpty())
            m_result->setText(tr("%n entries changed", nullptr, int(changed.size())));
        else
            m_result->setText(tr("%n entries changed, %1 not found", nullptr, int(changed.size()))
                                  .arg(missing.size()));
        if (!refused.isEmpty()) {
            // Mail of a mailbox on legal hold is never deleted: say which and why.
            m_result->setText(m_result->text() + u"; "_s +
                              tr("%n kept: legal hold", nullptr, int(refused.size())));
            m_result->setToolTip(refused.join(u'\n'));
            QMessageBox::information(this, tr("Legal hold"),
                                     tr("These entries were kept, because a mailbox they concern "
                                        "is on legal hold:\n\n%1")
                                         .arg(refused.join(u'\n')));
        }
        emit operationFinished(operation, changed, missing);
    };
    if (!m_host) {
        finished({}, ids, {});
        return;
    }
    m_host->applyQueueOperation(operation, ids, false,
                                [window = QPointer<QueueWindow>(this),
                                 finished](const QStringList &changed, const QStringList &missing,
                                           const QStringList &refused) {
                                    if (window)
                                        finished(changed, missing, refused);
                                });
}

void QueueWindow::restoreSelection()
{
    QItemSelectionModel *selectionModel = m_view->selectionModel();
    if (const int row = m_model->rowOf(std::exchange(m_keptCurrent, {})); row >= 0)
        selectionModel->setCurrentIndex(m_model->index(row, m_keptCurrentColumn),
                                        QItemSelectionModel::NoUpdate);
    // Rows in runs: one range per run keeps a selection of thousands cheap to hold.
    QList<int> rows;
    for (const QString &id : std::exchange(m_keptSelection, {}))
        if (const int row = m_model->rowOf(id); row >= 0)
            rows.append(row);
    std::sort(rows.begin(), rows.end());
    QItemSelection selection;
    for (qsizetype i = 0; i < rows.size();) {
        qsizetype j = i + 1;
        while (j < rows.size() && rows.at(j) == rows.at(j - 1) + 1)
            ++j;
        selection.select(m_model->index(rows.at(i), 0),
                         m_model->index(rows.at(j - 1), QueueModel::ColumnCount - 1));
        i = j;
    }
    if (!selection.isEmpty())
        selectionModel->select(selection, QItemSelectionModel::ClearAndSelect);
    // The entry that was at the top stays there; if it went, the scroll position stays.
    if (const int top = m_model->rowOf(std::exchange(m_keptTop, {})); top >= 0)
        m_view->scrollTo(m_model->index(top, 0), QAbstractItemView::PositionAtTop);
    else
        m_view->verticalScrollBar()->setValue(m_keptScroll);
    updateActions(); // a reset clears the selection without telling
}

bool QueueWindow::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_view->viewport() && event->type() == QEvent::Resize) {
        fitColumns();
    } else if (watched == m_view->horizontalHeader()->viewport()) {
        if (event->type() == QEvent::MouseButtonPress ||
            event->type() == QEvent::MouseButtonDblClick)
            m_headerPressed = true;
        else if (event->type() == QEvent::MouseButtonRelease)
            m_headerPressed = false;
    }
    return QWidget::eventFilter(watched, event);
}

// What a column needs for typical content, and never less than its title and sort arrow.
int QueueWindow::naturalWidth(int column) const
{
    const QFontMetrics fm = m_view->fontMetrics();
    const auto width = [&fm](const QString &sample) { return fm.horizontalAdvance(sample) + 16; };
    int natural = 0;
    switch (column) {
    case QueueModel::IdColumn:
        natural = width(u"06611E1CBC300F4240-0"_s);
        break;
    case QueueModel::FromColumn:
        natural = width(u"postmaster@example.com"_s);
        break;
    case QueueModel::RecipientsColumn:
        natural = width(u"someone@customer.example"_s);
        break;
    case QueueModel::SubjectColumn:
        natural = width(u"Minutes of Tuesday's meeting"_s);
        break;
    case QueueModel::SizeColumn:
        natural = width(QLocale().formattedDataSize(999 * 1024 + 1000));
        break;
    case QueueModel::NextHopColumn:
        natural = width(u"mx.customer.example:25"_s);
        break;
    case QueueModel::StateColumn:
        for (EntryState s :
             {EntryState::Queued, EntryState::Delivering, EntryState::Deferred, EntryState::Held})
            natural = qMax(natural, width(QueueModel::stateText(s)) + 20); // and its icon
        break;
    case QueueModel::AttemptsColumn:
        natural = width(u"99"_s);
        break;
    case QueueModel::NextAttemptColumn:
        natural = width(QLocale().toString(QDateTime(QDate(2024, 12, 28), QTime(23, 59)),
                                           QLocale::ShortFormat));
        break;
    case QueueModel::LastReplyColumn:
        natural = width(u"451 4.4.1 connection refused"_s);
        break;
    }
    const QString title = m_model->headerData(column, Qt::Horizontal).toString();
    return qMax(natural, fm.horizontalAdvance(title) + 28);
}

void QueueWindow::fitColumns()
{
    const int available = m_view->viewport()->width();
    if (m_userWidths || available <= 0)
        return;
    const auto elastic = [](int column) {
        return column == QueueModel::IdColumn || column == QueueModel::FromColumn ||
               column == QueueModel::RecipientsColumn || column == QueueModel::SubjectColumn ||
               column == QueueModel::NextHopColumn;
    };
    int fixed = 0;
    int stretchy = 0;
    for (int c = 0; c < QueueModel::LastReplyColumn; ++c)
        (elastic(c) ? stretchy : fixed) += naturalWidth(c);
    // The text columns narrow evenly, Last reply keeping a short reply's width once they are
    // at half theirs; none narrower than its title (the table scrolls sideways only then).
    const int last = naturalWidth(QueueModel::LastReplyColumn);
    const int shortLast = m_view->fontMetrics().horizontalAdvance(u"451 4.4.1 refused"_s) + 16;
    double factor = 1.0;
    if (stretchy > 0 && fixed + stretchy + last > available) {
        factor = double(available - fixed - last) / double(stretchy);
        if (factor < 0.5)
            factor = qMax(0.0, double(available - fixed - shortLast) / double(stretchy));
    }
    const QFontMetrics fm = m_view->fontMetrics();
    QHeaderView *header = m_view->horizontalHeader();
    m_fitting = true;
    for (int c = 0; c < QueueModel::LastReplyColumn; ++c) {
        const int natural = naturalWidth(c);
        const int title =
            fm.horizontalAdvance(m_model->headerData(c, Qt::Horizontal).toString()) + 28;
        header->resizeSection(c, elastic(c) ? qMax(title, int(natural * factor)) : natural);
    }
    m_fitting = false;
}

EntryDetailsDialog *QueueWindow::showDetails(const QString &id)
{
    if (id.isEmpty())
        return nullptr;
    for (EntryDetailsDialog *open : findChildren<EntryDetailsDialog *>()) {
        if (open->entryId() == id) {
            open->refresh();
            open->raise();
            open->activateWindow();
            return open;
        }
    }
    auto *dialog = new EntryDetailsDialog(m_host, id, this);
    dialog->show();
    return dialog;
}

void QueueWindow::updateActions()
{
    const bool any = m_view->selectionModel()->hasSelection();
    for (QAction *action : std::as_const(m_operations))
        action->setEnabled(any);
}

void QueueWindow::updateStatus()
{
    const int total = m_model->totalCount();
    if (m_model->isFiltering())
        m_status->setText(tr("%n entries, %1 held, %2 shown", nullptr, total)
                              .arg(m_model->heldCount())
                              .arg(m_model->rowCount()));
    else
        m_status->setText(tr("%n entries, %1 held", nullptr, total).arg(m_model->heldCount()));
}

} // namespace tandem::ui
