#include "logwindow.h"

#include "logmodel.h"
#include "util/log.h"

#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace tandem::ui {

void LogFilter::setMinimumLevel(int level)
{
    m_minimumLevel = level;
    invalidateFilter();
}

void LogFilter::setQueueId(const QString &id)
{
    m_queueId = id.trimmed();
    invalidateFilter();
}

void LogFilter::setSession(const QString &session)
{
    m_session = session;
    invalidateFilter();
}

bool LogFilter::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    const QString session = index.data(LogModel::SessionRole).toString();
    if (!m_session.isEmpty())
        return session == m_session; // a session's transcript shows whatever its level
    if (index.data(LogModel::LevelRole).toInt() < m_minimumLevel)
        return false;
    if (!m_queueId.isEmpty() &&
        !index.data(LogModel::QueueIdRole).toString().startsWith(m_queueId, Qt::CaseInsensitive))
        return false;
    return true;
}

LogWindow::LogWindow(LogModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_filter(new LogFilter(this))
    , m_view(new QTableView(this))
    , m_level(new QComboBox(this))
    , m_queueId(new QLineEdit(this))
    , m_transcripts(new QCheckBox(this))
    , m_sessionLabel(new QLabel(this))
    , m_sessionBar(new QWidget(this))
    , m_levelLabel(new QLabel(this))
    , m_queueLabel(new QLabel(this))
    , m_back(new QPushButton(m_sessionBar))
{
    setObjectName(u"logWindow"_s);
    m_filter->setSourceModel(m_model);
    m_view->setObjectName(u"logView"_s);
    m_view->setModel(m_filter);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 4);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setWordWrap(false);
    // Wide enough for the header and for a typical value, whichever is wider.
    const QFontMetrics fm = m_view->fontMetrics();
    const QList<QPair<int, QString>> samples{{LogModel::Time, u"2026-11-25 18:00:00.000"_s},
                                             {LogModel::Level, u"warning"_s},
                                             {LogModel::Component, u"transcript"_s},
                                             {LogModel::Session, u"S0000"_s},
                                             {LogModel::QueueId, u"06611D72F2CDED0001"_s}};
    for (const auto &[column, sample] : samples) {
        const QString header =
            m_model->headerData(column, Qt::Horizontal, Qt::DisplayRole).toString();
        m_view->setColumnWidth(
            column, qMax(fm.horizontalAdvance(header), fm.horizontalAdvance(sample)) + 24);
    }

    m_level->setObjectName(u"levelFilter"_s);
    for (log::Level level :
         {log::Level::Debug, log::Level::Info, log::Level::Warning, log::Level::Error})
        m_level->addItem(QString(), int(level));
    m_level->setCurrentIndex(1);
    m_queueId->setObjectName(u"queueIdFilter"_s);
    m_queueId->setClearButtonEnabled(true);
    m_transcripts->setObjectName(u"transcripts"_s);

    m_levelLabel->setBuddy(m_level);
    m_queueLabel->setBuddy(m_queueId);
    auto *top = new QHBoxLayout;
    top->addWidget(m_levelLabel);
    top->addWidget(m_level);
    top->addSpacing(12);
    top->addWidget(m_queueLabel);
    top->addWidget(m_queueId, 1);
    top->addSpacing(12);
    top->addWidget(m_transcripts);

    m_sessionBar->setObjectName(u"sessionBar"_s);
    m_back->setObjectName(u"allEvents"_s);
    auto *sessionLayout = new QHBoxLayout(m_sessionBar);
    sessionLayout->setContentsMargins(0, 0, 0, 0);
    sessionLayout->addWidget(m_sessionLabel, 1);
    sessionLayout->addWidget(m_back);
    m_sessionBar->hide();

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_sessionBar);
    layout->addWidget(m_view, 1);

    connect(m_level, &QComboBox::currentIndexChanged, this,
            [this] { m_filter->setMinimumLevel(m_level->currentData().toInt()); });
    connect(m_queueId, &QLineEdit::textChanged, m_filter, &LogFilter::setQueueId);
    connect(m_transcripts, &QCheckBox::toggled, this, [](bool on) { log::setTranscripts(on); });
    connect(m_view, &QTableView::doubleClicked, this, &LogWindow::showSessionOfCurrentRow);
    connect(m_back, &QPushButton::clicked, this, [this] {
        m_filter->setSession({});
        m_sessionBar->hide();
    });
    // Follow new events while the view is at the bottom.
    connect(m_filter, &QAbstractItemModel::rowsInserted, this, [this] {
        if (m_view->verticalScrollBar()->value() >= m_view->verticalScrollBar()->maximum() - 2)
            QMetaObject::invokeMethod(m_view, &QTableView::scrollToBottom, Qt::QueuedConnection);
    });
    retranslateUi();
}

void LogWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

// Every text of the window, again in the language installed now.
void LogWindow::retranslateUi()
{
    const QStringList levels{tr("Debug and above"), tr("Information and above"),
                             tr("Warnings and errors"), tr("Errors only")};
    for (int i = 0; i < levels.size() && i < m_level->count(); ++i)
        m_level->setItemText(i, levels.at(i));
    m_queueId->setPlaceholderText(tr("Queue id"));
    m_transcripts->setText(tr("Record SMTP transcripts"));
    m_transcripts->setToolTip(tr("Log every command and reply of every SMTP session (passwords "
                                 "are masked). Double-click a line to see its session."));
    m_levelLabel->setText(tr("&Show:"));
    m_queueLabel->setText(tr("&Queue id:"));
    m_back->setText(tr("Back to all events"));
    showSessionLabel();
    m_model->retranslate();
}

void LogWindow::showSessionLabel()
{
    if (!m_filter->session().isEmpty())
        m_sessionLabel->setText(tr("Session %1 — every event and, when recorded, its transcript")
                                    .arg(m_filter->session()));
}

void LogWindow::showSessionOfCurrentRow()
{
    const QString session = m_view->currentIndex().data(LogModel::SessionRole).toString();
    if (session.isEmpty())
        return;
    m_filter->setSession(session);
    showSessionLabel();
    m_sessionBar->show();
}

} // namespace tandem::ui
