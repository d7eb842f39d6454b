#include "searchwindow.h"

#include "archivetext.h"
#include "copybackdialog.h"
#include "enginehost.h"
#include "exportdialog.h"
#include "searchmodel.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDialog>
#include <QDir>
#include <QEvent>
#include <QFileInfo>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QShowEvent>
#include <QSplitter>
#include <QStackedWidget>
#include <QStyle>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTimer>
#include <QToolBar>
#include <QVBoxLayout>

#include <algorithm>
#include <limits>

using namespace Qt::StringLiterals;

namespace tandem::ui {

using archive::ExportFormat;
using archive::ExportReport;
using archive::MailAddress;
using archive::SearchHit;

namespace {

// The preview's header fields, in the order shown.
enum PreviewField { FromField, ToField, CcField, BccField, DateField, SubjectField, IdField };
const char *const kPreviewFields[] = {"previewFrom",     "previewTo",   "previewCc",
                                      "previewBcc",      "previewDate", "previewSubject",
                                      "previewMessageId"};

enum CopyColumn { CopyMailbox, CopyFolder, CopyRecipient, CopyState, CopyFiled, CopyColumns };

// Past this many, a summary names the first failures and puts all of them in its details.
constexpr int kFailuresNamed = 8;
// A job's progress shows only when it takes longer than this.
constexpr int kProgressDelayMs = 300;

// A standalone term of the query for field (`mailbox:bob`, not `-mailbox:bob` or one inside
// parentheses): the helpers edit only those.
QRegularExpression termOf(const QString &field)
{
    return QRegularExpression(u"(^|\\s)"_s + field + u":[^\\s()]*(?=\\s|$)"_s);
}

QString withTerm(const QString &query, const QString &field, const QString &term)
{
    const QRegularExpressionMatch m = termOf(field).match(query);
    QString out = query;
    if (!m.hasMatch())
        return term.isEmpty() ? query : (query.trimmed() + u' ' + term).trimmed();
    if (term.isEmpty())
        out.remove(m.capturedStart(0), m.capturedLength(0));
    else
        out.replace(m.capturedStart(0) + m.capturedLength(1),
                    m.capturedLength(0) - m.capturedLength(1), term);
    return out.trimmed();
}

// The value of the query's standalone term of field, if any.
QString termValue(const QString &query, const QString &field)
{
    const QRegularExpressionMatch m = termOf(field).match(query);
    if (!m.hasMatch())
        return {};
    return m.captured(0).trimmed().mid(field.size() + 1);
}

QString addresses(const QList<MailAddress> &list)
{
    QStringList out;
    for (const MailAddress &a : list) {
        if (a.name.isEmpty())
            out.append(a.address);
        else if (a.address.isEmpty())
            out.append(a.name);
        else
            out.append(u"%1 <%2>"_s.arg(a.name, a.address));
    }
    return out.join(u", "_s);
}

QTableWidgetItem *cell(const QString &text)
{
    auto *item = new QTableWidgetItem(text);
    item->setToolTip(text);
    return item;
}

int clampToInt(qint64 n)
{
    return int(std::min<qint64>(n, std::numeric_limits<int>::max()));
}

} // namespace

SearchWindow::SearchWindow(EngineHost *host, QWidget *parent)
    : QWidget(parent)
    , m_host(host)
    , m_search(host->archiveSearch())
    , m_model(new SearchModel(m_search, this))
    , m_toolBar(new QToolBar(this))
    , m_copyAction(new QAction(this))
    , m_exportAction(new QAction(this))
    , m_queryLabel(new QLabel(this))
    , m_query(new QLineEdit(this))
    , m_searchButton(new QPushButton(this))
    , m_dated(new QCheckBox(this))
    , m_dateFrom(new QDateEdit(this))
    , m_dateToLabel(new QLabel(this))
    , m_dateTo(new QDateEdit(this))
    , m_mailboxLabel(new QLabel(this))
    , m_mailbox(new QComboBox(this))
    , m_attachment(new QCheckBox(this))
    , m_state(new QComboBox(this))
    , m_helperTimer(new QTimer(this))
    , m_status(new QLabel(this))
    , m_error(new QLabel(this))
    , m_splitter(new QSplitter(Qt::Vertical, this))
    , m_view(new QTableView(this))
    , m_preview(new QStackedWidget(this))
    , m_previewNote(new QLabel(this))
    , m_previewPage(new QWidget(this))
    , m_previewForm(new QFormLayout)
    , m_previewTabs(new QTabWidget(this))
    , m_previewText(new QPlainTextEdit(this))
    , m_previewAttachments(new QListWidget(this))
    , m_previewCopies(new QTableWidget(0, CopyColumns, this))
    , m_previewHeaders(new QPlainTextEdit(this))
    , m_copiesTitle(new QLabel(this))
    , m_attachmentsTitle(new QLabel(this))
{
    setObjectName(u"searchWindow"_s);

    // The actions on the chosen rows: the toolbar, the table's context menu.
    m_toolBar->setObjectName(u"searchToolBar"_s);
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_toolBar->setIconSize(QSize(16, 16));
    m_copyAction->setObjectName(u"copyToMailboxAction"_s);
    m_copyAction->setIcon(style()->standardIcon(QStyle::SP_ArrowForward));
    m_exportAction->setObjectName(u"exportAction"_s);
    m_exportAction->setIcon(style()->standardIcon(QStyle::SP_DialogSaveButton));
    m_toolBar->addAction(m_copyAction);
    m_toolBar->addAction(m_exportAction);
    m_toolBar->widgetForAction(m_copyAction)->setObjectName(u"copyToMailboxButton"_s);
    m_toolBar->widgetForAction(m_exportAction)->setObjectName(u"exportButton"_s);
    connect(m_copyAction, &QAction::triggered, this, &SearchWindow::copyToMailbox);
    connect(m_exportAction, &QAction::triggered, this, &SearchWindow::exportMessages);

    // The query line, and the helpers that write their terms into it.
    m_query->setObjectName(u"queryEdit"_s);
    m_query->setClearButtonEnabled(true);
    m_queryLabel->setBuddy(m_query);
    m_searchButton->setObjectName(u"searchButton"_s);
    m_searchButton->setIcon(QIcon(u":/tandem/tree/search.svg"_s));
    connect(m_query, &QLineEdit::returnPressed, this, &SearchWindow::runQuery);
    connect(m_searchButton, &QPushButton::clicked, this, &SearchWindow::runQuery);
    auto *queryRow = new QHBoxLayout;
    queryRow->addWidget(m_queryLabel);
    queryRow->addWidget(m_query, 1);
    queryRow->addWidget(m_searchButton);

    m_dated->setObjectName(u"dateRange"_s);
    for (QDateEdit *edit : {m_dateFrom, m_dateTo}) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(u"yyyy-MM-dd"_s); // as the query writes it
        edit->setMinimumWidth(edit->fontMetrics().horizontalAdvance(u"2026-12-31"_s) + 48);
        edit->setEnabled(false);
    }
    m_dateFrom->setObjectName(u"dateFrom"_s);
    m_dateTo->setObjectName(u"dateTo"_s);
    m_dateTo->setDate(QDate::currentDate());
    m_dateFrom->setDate(QDate::currentDate().addMonths(-1));
    m_mailboxLabel->setBuddy(m_mailbox);
    m_mailbox->setObjectName(u"mailboxChooser"_s);
    m_mailbox->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_mailbox->setMinimumContentsLength(18);
    m_mailbox->addItem(QString(), QString());
    m_attachment->setObjectName(u"hasAttachment"_s);
    m_state->setObjectName(u"stateChooser"_s);
    for (const QString &state : {QString(), u"live"_s, u"archived"_s, u"expired"_s})
        m_state->addItem(QString(), state);

    // A helper's change is in the query line at once and searched for a moment later, so
    // that stepping through dates does not start a search per step.
    m_helperTimer->setSingleShot(true);
    m_helperTimer->setInterval(350);
    connect(m_helperTimer, &QTimer::timeout, this, &SearchWindow::runQuery);
    connect(m_dated, &QCheckBox::toggled, this, [this](bool on) {
        m_dateFrom->setEnabled(on);
        m_dateTo->setEnabled(on);
        helperChanged(u"date"_s, dateTerm());
    });
    connect(m_dateFrom, &QDateEdit::dateChanged, this, [this](QDate from) {
        if (m_dateTo->date() < from)
            m_dateTo->setDate(from); // a range that ends before it begins is no range
        helperChanged(u"date"_s, dateTerm());
    });
    connect(m_dateTo, &QDateEdit::dateChanged, this, [this](QDate to) {
        if (m_dateFrom->date() > to)
            m_dateFrom->setDate(to);
        helperChanged(u"date"_s, dateTerm());
    });
    connect(m_mailbox, &QComboBox::activated, this, [this] {
        const QString mailbox = m_mailbox->currentData().toString();
        helperChanged(u"mailbox"_s, mailbox.isEmpty() ? QString() : u"mailbox:"_s + mailbox);
    });
    connect(m_attachment, &QCheckBox::toggled, this,
            [this](bool on) { helperChanged(u"has"_s, on ? u"has:attachment"_s : QString()); });
    connect(m_state, &QComboBox::activated, this, [this] {
        const QString state = m_state->currentData().toString();
        helperChanged(u"is"_s, state.isEmpty() ? QString() : u"is:"_s + state);
    });
    auto *helperRow = new QHBoxLayout;
    helperRow->addWidget(m_dated);
    helperRow->addWidget(m_dateFrom);
    helperRow->addWidget(m_dateToLabel);
    helperRow->addWidget(m_dateTo);
    helperRow->addSpacing(16);
    helperRow->addWidget(m_mailboxLabel);
    helperRow->addWidget(m_mailbox);
    helperRow->addSpacing(16);
    helperRow->addWidget(m_attachment);
    helperRow->addSpacing(16);
    helperRow->addWidget(m_state);
    helperRow->addStretch(1);

    m_status->setObjectName(u"searchStatus"_s);
    m_error->setObjectName(u"queryError"_s);
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->setStyleSheet(u"color: #b01c1c"_s);
    m_error->hide();

    // The results.
    m_view->setObjectName(u"resultsTable"_s);
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->setTextElideMode(Qt::ElideRight);
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_view->addAction(m_copyAction);
    m_view->addAction(m_exportAction);
    // Fixed row heights and no row header: nothing is measured per row, whatever the count.
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 8);
    QHeaderView *header = m_view->horizontalHeader();
    header->setObjectName(u"resultsHeader"_s);
    header->setHighlightSections(false);
    header->setSectionResizeMode(SearchModel::SubjectColumn, QHeaderView::Stretch);
    header->setSortIndicator(m_model->sortColumn(), m_model->sortOrder());
    m_view->setSortingEnabled(true);
    // Only date, sender and size sort (the archive's orders): a click on another column
    // leaves the order, and its arrow, as they were.
    connect(header, &QHeaderView::sortIndicatorChanged, this, [this, header](int column) {
        if (!SearchModel::isSortable(column))
            header->setSortIndicator(m_model->sortColumn(), m_model->sortOrder());
    });

    // The preview of the current row.
    m_previewNote->setObjectName(u"previewNote"_s);
    m_previewNote->setAlignment(Qt::AlignCenter);
    m_previewNote->setWordWrap(true);
    m_previewNote->setEnabled(false);
    m_previewPage->setObjectName(u"previewPage"_s);
    for (const char *name : kPreviewFields) {
        auto *caption = new QLabel(this);
        auto *value = new QLabel(this);
        value->setObjectName(QString::fromLatin1(name));
        value->setTextInteractionFlags(Qt::TextSelectableByMouse);
        value->setTextFormat(Qt::PlainText);
        // Cut at the pane's edge rather than widening it; the tooltip has the whole text.
        value->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
        m_previewForm->addRow(caption, value);
        m_previewRows.append(qMakePair(caption, value));
    }
    QFont subject = m_previewRows.at(SubjectField).second->font();
    subject.setBold(true);
    m_previewRows.at(SubjectField).second->setFont(subject);
    m_previewForm->setLabelAlignment(Qt::AlignRight);
    m_previewForm->setVerticalSpacing(2);
    m_previewText->setObjectName(u"previewText"_s);
    m_previewText->setReadOnly(true);
    m_previewHeaders->setObjectName(u"previewHeaders"_s);
    m_previewHeaders->setReadOnly(true);
    m_previewHeaders->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_previewHeaders->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_previewTabs->setObjectName(u"previewTabs"_s);
    m_previewTabs->setDocumentMode(true);
    m_previewTabs->addTab(m_previewText, QString());
    m_previewTabs->addTab(m_previewHeaders, QString());
    m_previewCopies->setObjectName(u"previewCopies"_s);
    m_previewCopies->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_previewCopies->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_previewCopies->setWordWrap(false);
    m_previewCopies->setAlternatingRowColors(true);
    m_previewCopies->verticalHeader()->hide();
    m_previewCopies->horizontalHeader()->setHighlightSections(false);
    // The addresses share the width; the short columns take what their text needs.
    for (int column : {CopyMailbox, CopyRecipient})
        m_previewCopies->horizontalHeader()->setSectionResizeMode(column, QHeaderView::Stretch);
    for (int column : {CopyFolder, CopyState, CopyFiled})
        m_previewCopies->horizontalHeader()->setSectionResizeMode(column,
                                                                  QHeaderView::ResizeToContents);
    m_previewCopies->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_previewCopies->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    m_previewCopies->setTextElideMode(Qt::ElideRight);
    const QFontMetrics fm = fontMetrics();
    m_previewAttachments->setObjectName(u"previewAttachments"_s);
    m_previewAttachments->setMaximumHeight(fm.height() * 4 + 12);
    m_copiesTitle->setObjectName(u"previewCopiesTitle"_s);
    m_attachmentsTitle->setObjectName(u"previewAttachmentsTitle"_s);
    for (QLabel *title : {m_copiesTitle, m_attachmentsTitle}) {
        QFont bold = title->font();
        bold.setBold(true);
        title->setFont(bold);
    }
    // The message on the left; on the right everyone who has it (every copy, in every mailbox
    // and folder, with its envelope recipient) and its attachments, in view at once.
    auto *message = new QWidget(this);
    auto *messageLayout = new QVBoxLayout(message);
    messageLayout->setContentsMargins(0, 4, 0, 0);
    messageLayout->addLayout(m_previewForm);
    messageLayout->addWidget(m_previewTabs, 1);
    auto *where = new QWidget(this);
    auto *whereLayout = new QVBoxLayout(where);
    whereLayout->setContentsMargins(0, 4, 0, 0);
    whereLayout->addWidget(m_copiesTitle);
    whereLayout->addWidget(m_previewCopies, 1);
    whereLayout->addWidget(m_attachmentsTitle);
    whereLayout->addWidget(m_previewAttachments);
    auto *previewSplitter = new QSplitter(Qt::Horizontal, this);
    previewSplitter->setObjectName(u"previewSplitter"_s);
    previewSplitter->setChildrenCollapsible(false);
    previewSplitter->addWidget(message);
    previewSplitter->addWidget(where);
    previewSplitter->setStretchFactor(0, 1);
    previewSplitter->setStretchFactor(1, 1);
    auto *previewLayout = new QVBoxLayout(m_previewPage);
    previewLayout->setContentsMargins(0, 0, 0, 0);
    previewLayout->addWidget(previewSplitter);
    m_preview->setObjectName(u"preview"_s);
    m_preview->addWidget(m_previewNote);
    m_preview->addWidget(m_previewPage);

    m_splitter->setObjectName(u"searchSplitter"_s);
    m_splitter->setChildrenCollapsible(false);
    m_splitter->addWidget(m_view);
    m_splitter->addWidget(m_preview);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);

    auto *statusRow = new QHBoxLayout;
    statusRow->addWidget(m_status);
    statusRow->addStretch(1);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_toolBar);
    layout->addLayout(queryRow);
    layout->addLayout(helperRow);
    layout->addWidget(m_error);
    layout->addWidget(m_splitter, 1);
    layout->addLayout(statusRow);

    connect(m_model, &SearchModel::statusChanged, this, &SearchWindow::updateStatus);
    connect(m_model, &SearchModel::failed, this, &SearchWindow::showError);
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        clearPreview(QString());
        updateActions();
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        updateActions();
        updateStatus();
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &SearchWindow::showPreview);
    connect(m_search, &ArchiveSearch::detailsRead, this, &SearchWindow::showDetails);
    connect(m_search, &ArchiveSearch::jobProgress, this, &SearchWindow::jobProgress);
    connect(m_search, &ArchiveSearch::copiedBack, this, &SearchWindow::copiedBack);
    connect(m_search, &ArchiveSearch::exported, this, &SearchWindow::exported);

    clearPreview(QString());
    updateActions();
    retranslateUi();
    resize(1200, 760);
}

SearchWindow::~SearchWindow()
{
    // The view and the model go after this: what they tell on the way finds no window.
    m_view->selectionModel()->disconnect(this);
    m_model->disconnect(this);
}

void SearchWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

// Shown for the first time with a data folder: the newest mail, as the empty query finds it.
void SearchWindow::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (!m_searchedOnce && m_settings)
        runQuery();
}

void SearchWindow::retranslateUi()
{
    setWindowTitle(tr("Search for Message"));
    m_copyAction->setText(tr("&Copy to mailbox…"));
    m_copyAction->setToolTip(tr("A new copy of the chosen messages in a mailbox's INBOX or "
                                "Restored folder; the archived originals stay"));
    m_exportAction->setText(tr("E&xport…"));
    m_exportAction->setToolTip(
        tr("The chosen messages, or all found, as .eml files, one mbox or one zip file"));
    m_queryLabel->setText(tr("&Query:"));
    m_query->setPlaceholderText(
        tr("Words, \"a phrase\", from: to: subject: body: attachment: mailbox: folder: date: "
           "has:attachment is:archived larger:5M, OR, NOT …"));
    m_query->setToolTip(
        tr("<p>Words side by side must all match; <b>OR</b> lets either, <b>NOT</b> or "
           "<b>-</b> excludes, parentheses group.</p><table>"
           "<tr><td><tt>from:carol</tt></td><td>From:, Sender: or the envelope sender</td></tr>"
           "<tr><td><tt>to:bob</tt></td><td>To:, Cc:, Bcc: or the copy's envelope recipient"
           "</td></tr>"
           "<tr><td><tt>subject:</tt> <tt>body:</tt> <tt>attachment:</tt></td>"
           "<td>the subject, the text, an attachment's name</td></tr>"
           "<tr><td><tt>mailbox:alice</tt> <tt>folder:Sent</tt></td>"
           "<td>where the copy is</td></tr>"
           "<tr><td><tt>date:2026-01..2026-03</tt></td><td>dated in the range</td></tr>"
           "<tr><td><tt>has:attachment</tt> <tt>larger:5M</tt> <tt>smaller:100K</tt></td>"
           "<td>attachments, size</td></tr>"
           "<tr><td><tt>is:live</tt> <tt>is:archived</tt> <tt>is:expired</tt></td>"
           "<td>the copy's state (expired ones only when asked for)</td></tr></table>"));
    m_searchButton->setText(tr("&Search"));
    m_dated->setText(tr("&Dated from"));
    m_dated->setToolTip(tr("Only messages dated in this range (both days included)"));
    m_dateToLabel->setText(tr("to"));
    m_mailboxLabel->setText(tr("&Mailbox:"));
    m_mailbox->setItemText(0, tr("All mailboxes"));
    m_mailbox->setToolTip(tr("Only the copies in this mailbox"));
    m_attachment->setText(tr("With &attachments"));
    const QStringList states{tr("Live and archived"), tr("Live only"), tr("Archived only"),
                             tr("Expired only")};
    for (int i = 0; i < m_state->count() && i < states.size(); ++i)
        m_state->setItemText(i, states.at(i));
    m_state->setToolTip(tr("Live copies are in the mailbox, archived ones in the archive store "
                           "only; expired ones are found only when asked for"));

    const QStringList captions{tr("From:"), tr("To:"),      tr("Cc:"),        tr("Bcc:"),
                               tr("Date:"), tr("Subject:"), tr("Message-ID:")};
    for (int i = 0; i < m_previewRows.size() && i < captions.size(); ++i)
        m_previewRows.at(i).first->setText(captions.at(i));
    m_previewCopies->setHorizontalHeaderLabels(
        {tr("Mailbox"), tr("Folder"), tr("Recipient"), tr("State"), tr("Filed")});
    m_previewTabs->setTabText(0, tr("Text"));
    m_previewTabs->setTabText(1, tr("Headers"));
    m_previewText->setPlaceholderText(tr("This message has no text."));
    m_copiesTitle->setText(tr("Copies of this message (%1)").arg(m_previewCopies->rowCount()));
    m_copiesTitle->setToolTip(tr("Every mailbox and folder the message is in, and the envelope "
                                 "recipient each copy was delivered to"));
    m_attachmentsTitle->setText(tr("Attachments (%1)").arg(m_previewAttachments->count()));
    if (m_previewed == 0)
        clearPreview(QString());
    m_model->retranslate();
    fitColumns();
    updateStatus();
}

void SearchWindow::setSettings(const config::Settings &settings)
{
    const bool otherFolder = !m_settings || m_settings->dataPath() != settings.dataPath();
    m_settings = settings;
    if (m_search)
        m_search->setSettings(settings);
    m_host->listMailboxes(settings,
                          [window = QPointer<SearchWindow>(this)](const QStringList &mailboxes) {
                              if (window)
                                  window->setMailboxes(mailboxes);
                          });
    if (otherFolder && m_searchedOnce)
        runQuery();
    else if (!m_searchedOnce && isVisible())
        runQuery();
}

void SearchWindow::setMailboxes(const QStringList &mailboxes)
{
    m_mailboxes = mailboxes;
    const QString current = m_mailbox->currentData().toString();
    while (m_mailbox->count() > 1)
        m_mailbox->removeItem(1);
    for (const QString &mailbox : mailboxes)
        m_mailbox->addItem(mailbox, mailbox);
    m_mailbox->setCurrentIndex(std::max(0, m_mailbox->findData(current)));
}

QString SearchWindow::dateTerm() const
{
    if (!m_dated->isChecked())
        return {};
    return u"date:%1..%2"_s.arg(m_dateFrom->date().toString(Qt::ISODate),
                                m_dateTo->date().toString(Qt::ISODate));
}

void SearchWindow::helperChanged(const QString &field, const QString &term)
{
    m_query->setText(withTerm(m_query->text(), field, term));
    m_helperTimer->start();
}

void SearchWindow::focusQuery()
{
    m_query->setFocus(Qt::ShortcutFocusReason);
    m_query->selectAll();
}

void SearchWindow::runQuery()
{
    m_helperTimer->stop();
    m_searchedOnce = true;
    const QString query = m_query->text().trimmed();
    // The helpers show the standalone terms the query has, typed or theirs.
    const QSignalBlocker blockDated(m_dated), blockFrom(m_dateFrom), blockTo(m_dateTo),
        blockAttachment(m_attachment);
    static const QRegularExpression range(
        u"^(\\d{4}-\\d{2}-\\d{2})\\.\\.(\\d{4}-\\d{2}-\\d{2})$"_s);
    const QRegularExpressionMatch dates = range.match(termValue(query, u"date"_s));
    m_dated->setChecked(dates.hasMatch());
    m_dateFrom->setEnabled(dates.hasMatch());
    m_dateTo->setEnabled(dates.hasMatch());
    if (dates.hasMatch()) {
        m_dateFrom->setDate(QDate::fromString(dates.captured(1), Qt::ISODate));
        m_dateTo->setDate(QDate::fromString(dates.captured(2), Qt::ISODate));
    }
    m_mailbox->setCurrentIndex(
        std::max(0, m_mailbox->findData(termValue(query, u"mailbox"_s).toLower())));
    m_attachment->setChecked(termValue(query, u"has"_s) == u"attachment"_s);
    const QString state = termValue(query, u"is"_s);
    m_state->setCurrentIndex(state.isEmpty() ? 0 : std::max(0, m_state->findData(state)));
    m_error->hide();
    m_model->setQuery(query);
}

void SearchWindow::showError(const QString &error)
{
    m_error->setText(tr("The query cannot be run: %1").arg(error));
    m_error->show();
    // A bad query's error ends "at N" (counting from 1): the cursor goes there.
    static const QRegularExpression at(u"\\bat (\\d+)\\b"_s);
    const QRegularExpressionMatch m = at.match(error);
    const QString typed = m_query->text();
    if (m.hasMatch() && m_model->query() == typed.trimmed()) {
        int leading = 0; // the query run is the line without its leading blanks
        while (leading < typed.size() && typed.at(leading).isSpace())
            ++leading;
        m_query->setCursorPosition(leading + m.captured(1).toInt() - 1);
        m_query->setFocus(Qt::OtherFocusReason);
    }
    updateStatus();
}

QList<SearchHit> SearchWindow::selectedHits() const
{
    QList<int> rows;
    for (const QModelIndex &index : m_view->selectionModel()->selectedRows())
        rows.append(index.row());
    std::sort(rows.begin(), rows.end()); // in the order shown
    QList<SearchHit> hits;
    hits.reserve(rows.size());
    for (int row : rows)
        hits.append(m_model->hitAt(row));
    return hits;
}

void SearchWindow::updateActions()
{
    const bool chosen = m_view->selectionModel()->hasSelection();
    m_copyAction->setEnabled(chosen && m_job == 0);
    m_exportAction->setEnabled((chosen || m_model->totalCount() > 0) && m_job == 0);
}

void SearchWindow::updateStatus()
{
    const QLocale l;
    QString text;
    if (!m_model->hasQuery() || !m_model->error().isEmpty()) {
        text.clear();
    } else if (m_model->totalCount() >= 0) {
        // A row is a copy: a message in three mailboxes is one message found, three rows.
        const qint64 messages = m_model->messageCount();
        text = m_model->totalCount() == 0
                   ? tr("No messages found")
                   : tr("%Ln message(s) found", nullptr, clampToInt(messages));
        if (messages >= 0 && messages != m_model->totalCount())
            text +=
                u" ("_s + tr("%Ln copy(ies)", nullptr, clampToInt(m_model->totalCount())) + u')';
    } else if (m_model->rowCount() == 0) {
        text = tr("Searching…");
    } else {
        text = tr("Counting… (%1 shown)").arg(l.toString(m_model->rowCount()));
    }
    const qsizetype chosen = m_view->selectionModel()->selectedRows().size();
    if (chosen > 0 && !text.isEmpty())
        text += u", "_s + tr("%1 chosen").arg(l.toString(chosen));
    m_status->setText(text);
    updateActions();
}

void SearchWindow::clearPreview(const QString &why)
{
    if (const quint64 asked = std::exchange(m_detailsRequest, 0); asked && m_search)
        m_search->cancel(asked);
    m_previewed = 0;
    m_previewNote->setText(why.isEmpty() ? tr("Choose a message to see it here.") : why);
    m_preview->setCurrentWidget(m_previewNote);
}

void SearchWindow::showPreview()
{
    const QModelIndex current = m_view->selectionModel()->currentIndex();
    if (!current.isValid()) {
        clearPreview(QString());
        return;
    }
    const qint64 id = m_model->hitAt(current.row()).placementId;
    if (id == m_previewed || !m_search)
        return;
    if (m_detailsRequest)
        m_search->cancel(m_detailsRequest);
    m_previewed = id;
    m_detailsRequest = m_search->details(id);
}

void SearchWindow::showDetails(quint64 request,
                               const std::optional<archive::MessageDetails> &details,
                               const QString &error)
{
    if (request == 0 || request != m_detailsRequest)
        return; // a row chosen before
    m_detailsRequest = 0;
    if (!details) {
        const qint64 id = m_previewed;
        clearPreview(tr("The message cannot be shown: %1").arg(error));
        m_previewed = id; // not asked again until another row is chosen
        return;
    }
    const archive::ExtractedMessage &m = details->message;
    const auto set = [this](PreviewField field, const QString &text) {
        QLabel *value = m_previewRows.at(field).second;
        value->setText(text);
        value->setToolTip(text);
        m_previewForm->setRowVisible(field, !text.isEmpty() || field == FromField ||
                                                field == ToField || field == SubjectField ||
                                                field == DateField);
    };
    set(FromField, addresses(m.from));
    set(ToField, addresses(m.to));
    set(CcField, addresses(m.cc));
    set(BccField, addresses(m.bcc));
    set(DateField, m.date ? QLocale().toString(QDateTime::fromSecsSinceEpoch(*m.date).toLocalTime(),
                                               QLocale::LongFormat)
                          : tr("none (filed %1)").arg(ArchiveText::date(details->hit.filed)));
    set(SubjectField, m.subject);
    set(IdField, m.messageId.isEmpty() ? QString() : u'<' + m.messageId + u'>');

    QString body = m.body;
    if (!details->stored)
        body = tr("This copy expired and its message is no longer kept: what is shown is what "
                  "the search index kept of it.");
    else if (m.truncated)
        body += u"\n\n["_s +
                tr("The text goes on: only its first MiB is read here. An export holds all "
                   "of the message.") +
                u']';
    m_previewText->setPlainText(body);
    m_previewHeaders->setPlainText(
        QString::fromUtf8(details->headerBlock).replace(u"\r\n"_s, u"\n"_s));

    m_previewAttachments->clear();
    m_previewAttachments->addItems(m.attachmentNames);
    if (const qsizetype unnamed = m.attachments - m.attachmentNames.size(); unnamed > 0)
        m_previewAttachments->addItem(tr("%n attachment(s) without a name", nullptr, int(unnamed)));
    for (int i = 0; i < m_previewAttachments->count(); ++i)
        m_previewAttachments->item(i)->setIcon(QIcon(u":/tandem/search/attachment.svg"_s));

    m_previewCopies->setRowCount(int(details->copies.size()));
    for (int row = 0; row < details->copies.size(); ++row) {
        const SearchHit &copy = details->copies.at(row);
        const QStringList texts{copy.mailbox, ArchiveText::folder(copy.folder), copy.deliveredTo,
                                ArchiveText::state(copy.state), ArchiveText::date(copy.filed)};
        for (int column = 0; column < CopyColumns; ++column) {
            QTableWidgetItem *item = cell(texts.at(column));
            if (copy.placementId == details->hit.placementId) { // the row chosen
                QFont bold = item->font();
                bold.setBold(true);
                item->setFont(bold);
            }
            m_previewCopies->setItem(row, column, item);
        }
    }
    m_copiesTitle->setText(tr("Copies of this message (%1)").arg(details->copies.size()));
    m_attachmentsTitle->setText(tr("Attachments (%1)").arg(m_previewAttachments->count()));
    m_attachmentsTitle->setVisible(m_previewAttachments->count() > 0);
    m_previewAttachments->setVisible(m_previewAttachments->count() > 0);
    m_preview->setCurrentWidget(m_previewPage);
}

void SearchWindow::copyToMailbox()
{
    const QList<SearchHit> hits = selectedHits();
    if (hits.isEmpty() || m_job != 0 || !m_search)
        return;
    CopyBackDialog dialog(m_mailboxes, int(hits.size()), hits.first().mailbox, this);
    if (dialog.exec() != QDialog::Accepted || !m_search)
        return;
    const QString mailbox = dialog.mailbox();
    startJob(m_search->copyBack(hits, mailbox, dialog.folder()),
             tr("Copying %n message(s) to %1…", nullptr, int(hits.size())).arg(mailbox),
             hits.size());
}

void SearchWindow::exportMessages()
{
    if (m_job != 0 || !m_search)
        return;
    const QList<SearchHit> hits = selectedHits();
    static QString folder = QDir::homePath(); // the last one chosen, while the console runs
    ExportDialog dialog(int(hits.size()), m_model->error().isEmpty() ? m_model->totalCount() : 0,
                        folder, this);
    if (dialog.exec() != QDialog::Accepted || !m_search)
        return;
    folder = QFileInfo(dialog.path()).absolutePath();
    m_jobPath = dialog.path();
    if (dialog.allFound()) {
        startJob(m_search->exportQuery(m_model->query(), m_model->searchSort(), dialog.format(),
                                       dialog.path()),
                 tr("Exporting the messages found…"), m_model->totalCount());
        return;
    }
    QList<qint64> ids;
    ids.reserve(hits.size());
    for (const SearchHit &hit : hits)
        ids.append(hit.placementId);
    startJob(m_search->exportPlacements(ids, dialog.format(), dialog.path()),
             tr("Exporting %n message(s)…", nullptr, int(ids.size())), ids.size());
}

// The job's progress in a window of its own, shown once the job takes a moment; its Cancel
// stops the job between messages (the job then says what it did).
void SearchWindow::startJob(quint64 request, const QString &label, qint64 total)
{
    m_job = request;
    auto *dialog = new QDialog(this);
    dialog->setObjectName(u"jobProgress"_s);
    dialog->setWindowTitle(windowTitle());
    dialog->setWindowModality(Qt::WindowModal);
    auto *text = new QLabel(label, dialog);
    text->setObjectName(u"jobProgressLabel"_s);
    auto *bar = new QProgressBar(dialog);
    bar->setObjectName(u"jobProgressBar"_s);
    bar->setRange(0, total > 0 ? clampToInt(total) : 0);
    auto *cancel = new QPushButton(tr("Cancel"), dialog);
    cancel->setObjectName(u"cancelJobButton"_s);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(cancel);
    auto *layout = new QVBoxLayout(dialog);
    layout->addWidget(text);
    layout->addWidget(bar);
    layout->addLayout(buttons);
    dialog->resize(420, dialog->sizeHint().height());
    const auto stop = [this, text, cancel] {
        if (m_search)
            m_search->cancel(m_job);
        text->setText(tr("Cancelling…"));
        cancel->setEnabled(false);
    };
    connect(cancel, &QPushButton::clicked, dialog, stop);
    connect(dialog, &QDialog::rejected, dialog, stop); // Esc, or the window's close button
    m_progress = dialog;
    QTimer::singleShot(kProgressDelayMs, dialog, [dialog] { dialog->open(); });
    updateActions();
}

void SearchWindow::jobProgress(quint64 request, qint64 done, qint64 total)
{
    if (request != m_job || !m_progress)
        return;
    auto *bar = m_progress->findChild<QProgressBar *>(u"jobProgressBar"_s);
    auto *cancel = m_progress->findChild<QPushButton *>(u"cancelJobButton"_s);
    if (!cancel->isEnabled())
        return; // cancelling: "Cancelling…" stays
    auto *text = m_progress->findChild<QLabel *>(u"jobProgressLabel"_s);
    const QLocale l;
    if (total < 0) {
        bar->setRange(0, 0);
        text->setText(tr("Finding the messages…"));
        return;
    }
    bar->setRange(0, clampToInt(total));
    bar->setValue(clampToInt(done));
    text->setText(tr("%1 of %2 messages…").arg(l.toString(done), l.toString(total)));
}

void SearchWindow::endJob()
{
    m_job = 0;
    if (m_progress) {
        m_progress->hide();
        m_progress->deleteLater();
        m_progress = nullptr;
    }
    updateActions();
}

void SearchWindow::copiedBack(quint64 request, const CopyBackReport &report)
{
    if (request != m_job)
        return;
    endJob();
    const QLocale l;
    const QString where = u"%1, %2"_s.arg(
        report.toMailbox,
        report.folder == archive::CopyBackFolder::Inbox ? u"INBOX"_s : u"Restored"_s);
    QString text;
    if (report.cancelled)
        text = tr("Copy cancelled: %1 of %2 messages copied to %3.")
                   .arg(l.toString(report.copied), l.toString(report.requested), where);
    else if (report.failures.isEmpty())
        text = tr("%n message(s) copied to %1.", nullptr, clampToInt(report.copied)).arg(where);
    else
        text = tr("%1 of %2 messages copied to %3; these were not:")
                   .arg(l.toString(report.copied), l.toString(report.requested), where);
    tell(u"copyBackSummary"_s, tr("Copy to mailbox"), text,
         report.failures.isEmpty()
             ? tr("The archived originals stay where they were. The new copies are live mail of "
                  "the mailbox, and found by a search.")
             : QString(),
         report.failures);
    if (!m_mailboxes.contains(report.toMailbox) && m_settings)
        setSettings(*m_settings); // a mailbox made for the copies joins the choosers
    m_model->refresh();           // the new copies are hits too, when the query finds them
    emit copyBackFinished(report);
}

void SearchWindow::exported(quint64 request, const ExportReport &report)
{
    if (request != m_job)
        return;
    endJob();
    const QLocale l;
    if (!report.error.isEmpty()) {
        tell(u"exportSummary"_s, tr("Export"), tr("The export failed: %1").arg(report.error),
             report.exported > 0
                 ? tr("%1 exported before it failed.").arg(l.toString(report.exported))
                 : QString(),
             report.failures);
    } else if (report.cancelled) {
        // An mbox or zip file is written whole or not at all; a folder keeps the .eml files
        // written before the cancel.
        tell(u"exportSummary"_s, tr("Export"),
             tr("Export cancelled: %1 of %2 messages exported.")
                 .arg(l.toString(report.exported), l.toString(report.requested)),
             report.exported > 0 ? tr("The .eml files written before the cancel are in %1.")
                                       .arg(QDir::toNativeSeparators(m_jobPath))
                                 : tr("No file was written."),
             report.failures);
    } else {
        tell(u"exportSummary"_s, tr("Export"),
             tr("%1 exported, %2 skipped.")
                 .arg(l.toString(report.exported), l.toString(qint64(report.failures.size()))),
             report.failures.isEmpty()
                 ? tr("Each export is recorded in the ledger of the message's mailbox.")
                 : tr("Skipped:"),
             report.failures);
    }
    emit exportFinished(report);
}

// A summary that does not stop the window: the job's answer arrives in a signal.
void SearchWindow::tell(const QString &name, const QString &title, const QString &text,
                        const QString &informative, const QStringList &details)
{
    auto *box = new QMessageBox(details.isEmpty() ? QMessageBox::Information : QMessageBox::Warning,
                                title, text, QMessageBox::Ok, this);
    box->setObjectName(name);
    QString more = informative;
    for (qsizetype i = 0; i < details.size() && i < kFailuresNamed; ++i)
        more += u"\n• "_s + details.at(i);
    if (details.size() > kFailuresNamed)
        more += u"\n"_s + tr("… and %n more (see the details)", nullptr,
                             int(details.size() - kFailuresNamed));
    box->setInformativeText(more.trimmed());
    if (details.size() > kFailuresNamed)
        box->setDetailedText(details.join(u'\n'));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setWindowModality(Qt::WindowModal);
    box->open();
}

void SearchWindow::fitColumns()
{
    const QFontMetrics fm = m_view->fontMetrics();
    const auto width = [&fm](const QString &sample) { return fm.horizontalAdvance(sample) + 20; };
    QHeaderView *header = m_view->horizontalHeader();
    const auto fit = [&](int column, int natural) {
        const QString title = m_model->headerData(column, Qt::Horizontal).toString();
        header->resizeSection(column, std::max(natural, fm.horizontalAdvance(title) + 32));
    };
    fit(SearchModel::DateColumn,
        width(QLocale().toString(QDateTime(QDate(2024, 12, 28), QTime(23, 59)),
                                 QLocale::ShortFormat)));
    fit(SearchModel::FromColumn, width(u"Someone Longer-Named"_s));
    fit(SearchModel::MailboxColumn, width(u"someone@example.com"_s));
    fit(SearchModel::FolderColumn, width(u"Restored"_s));
    fit(SearchModel::RecipientColumn, width(u"someone@example.com"_s));
    fit(SearchModel::SizeColumn, width(QLocale().formattedDataSize(999 * 1024 + 1000)));
    int state = 0;
    for (const QString &s : {u"live"_s, u"archived"_s, u"expired"_s})
        state = std::max(state, width(ArchiveText::state(s)));
    fit(SearchModel::StateColumn, state);
}

} // namespace tandem::ui
