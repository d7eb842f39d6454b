#include "entrydetailsdialog.h"

#include "enginehost.h"
#include "queuemodel.h"

#include <QDialogButtonBox>
#include <QEvent>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QStringDecoder>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace tandem::ui {

using delivery::RecipientStatus;

namespace {

// The field names, in the order shown.
const char *const kFields[] = {"detailId",       "detailMessage",     "detailFrom",
                               "detailSubject",  "detailClient",      "detailReceived",
                               "detailSize",     "detailNextHop",     "detailState",
                               "detailAttempts", "detailNextAttempt", "detailNotices"};

QString timeText(const QDateTime &t)
{
    if (!t.isValid())
        return {};
    const QDateTime local = t.toLocalTime();
    return QLocale().toString(local.date(), QLocale::ShortFormat) + u' ' +
           local.time().toString(u"HH:mm:ss"_s);
}

QTableWidget *table(const QString &name, int columns)
{
    auto *t = new QTableWidget(0, columns);
    t->setObjectName(name);
    t->setEditTriggers(QAbstractItemView::NoEditTriggers);
    t->setSelectionBehavior(QAbstractItemView::SelectRows);
    t->setWordWrap(false);
    t->setAlternatingRowColors(true);
    t->verticalHeader()->hide();
    t->horizontalHeader()->setStretchLastSection(true);
    t->horizontalHeader()->setHighlightSections(false);
    return t;
}

// A cell that shows its whole text as a tooltip when the column cuts it off.
QTableWidgetItem *cell(const QString &text)
{
    auto *item = new QTableWidgetItem(text);
    item->setToolTip(text);
    return item;
}

} // namespace

EntryDetailsDialog::EntryDetailsDialog(EngineHost *host, const QString &entryId, QWidget *parent)
    : QDialog(parent)
    , m_host(host)
    , m_id(entryId)
    , m_status(new QLabel(this))
    , m_tabs(new QTabWidget(this))
    , m_envelopePage(new QWidget)
    , m_form(new QFormLayout)
    , m_recipients(table(u"recipientsTable"_s, 5))
    , m_attempts(table(u"attemptsTable"_s, 2))
    , m_headers(new QPlainTextEdit)
    , m_refresh(new QPushButton(this))
    , m_close(new QPushButton(this))
{
    setObjectName(u"entryDetailsDialog"_s);
    setAttribute(Qt::WA_DeleteOnClose);
    m_status->setObjectName(u"detailStatus"_s);
    m_status->setWordWrap(true);
    m_tabs->setObjectName(u"detailTabs"_s);

    for (const char *name : kFields) {
        auto *caption = new QLabel;
        auto *value = new QLabel;
        value->setObjectName(QString::fromLatin1(name));
        value->setTextInteractionFlags(Qt::TextSelectableByMouse);
        value->setWordWrap(true);
        caption->setBuddy(value);
        m_form->addRow(caption, value);
        m_rows.append(qMakePair(caption, value));
    }
    auto *envelope = new QVBoxLayout(m_envelopePage);
    envelope->addLayout(m_form);
    envelope->addWidget(m_recipients, 1);
    // The reply last: it takes the rest of the width, and its tooltip has all of it.
    const QFontMetrics fm = fontMetrics();
    m_recipients->horizontalHeader()->resizeSection(
        0, fm.horizontalAdvance(u"someone@customer.example"_s) + 16);
    m_recipients->horizontalHeader()->resizeSection(
        1, fm.horizontalAdvance(u"returned to sender"_s) + 16);
    m_recipients->horizontalHeader()->resizeSection(
        2, fm.horizontalAdvance(u"mx.customer.example:25"_s) + 16);
    m_recipients->horizontalHeader()->resizeSection(
        3, fm.horizontalAdvance(u"12/28/24 23:59:59"_s) + 16);
    m_attempts->horizontalHeader()->resizeSection(0, fm.horizontalAdvance(u"12/28/24 23:59:59"_s) +
                                                         16);
    m_headers->setObjectName(u"headersText"_s);
    m_headers->setReadOnly(true);
    m_headers->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_headers->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));

    m_tabs->addTab(m_envelopePage, QString());
    m_tabs->addTab(m_attempts, QString());
    m_tabs->addTab(m_headers, QString());

    m_refresh->setObjectName(u"refreshButton"_s);
    m_refresh->setAutoDefault(false);
    m_close->setObjectName(u"closeButton"_s);
    auto *buttons = new QDialogButtonBox;
    buttons->addButton(m_refresh, QDialogButtonBox::ActionRole);
    buttons->addButton(m_close, QDialogButtonBox::RejectRole);
    connect(m_refresh, &QPushButton::clicked, this, &EntryDetailsDialog::refresh);
    connect(m_close, &QPushButton::clicked, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_status);
    layout->addWidget(m_tabs, 1);
    layout->addWidget(buttons);
    retranslateUi();
    resize(900, 620);
    refresh();
}

void EntryDetailsDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

void EntryDetailsDialog::retranslateUi()
{
    setWindowTitle(tr("Queue entry %1").arg(m_id));
    const QString captions[] = {tr("Entry:"),    tr("Message:"),       tr("From (MAIL FROM):"),
                                tr("Subject:"),  tr("Received from:"), tr("Received:"),
                                tr("Size:"),     tr("Next hop:"),      tr("State:"),
                                tr("Attempts:"), tr("Next attempt:"),  tr("Delivery notices:")};
    for (qsizetype i = 0; i < m_rows.size(); ++i)
        m_rows.at(i).first->setText(captions[i]);
    m_tabs->setTabText(0, tr("&Envelope and recipients"));
    m_tabs->setTabText(1, tr("&Attempts"));
    m_tabs->setTabText(2, tr("&Headers"));
    m_recipients->setHorizontalHeaderLabels(
        {tr("Recipient"), tr("State"), tr("Where"), tr("Time"), tr("Last reply")});
    m_attempts->setHorizontalHeaderLabels({tr("Time"), tr("Reply")});
    m_refresh->setText(tr("&Refresh"));
    m_close->setText(tr("&Close"));
    if (m_asked)
        display(m_details);
    else
        m_status->setText(tr("Asking the engine…"));
}

// Refresh stays enabled: an answer the engine never gives (it stopped meanwhile) must not
// leave the window unable to ask again.
void EntryDetailsDialog::refresh()
{
    if (!m_host) {
        display(std::nullopt);
        return;
    }
    m_host->entryDetails(m_id, [dialog = QPointer<EntryDetailsDialog>(this)](
                                   const std::optional<delivery::EntryDetails> &details) {
        if (dialog)
            dialog->display(details);
    });
}

QLabel *EntryDetailsDialog::field(const QString &name)
{
    for (const auto &[caption, value] : std::as_const(m_rows)) {
        if (value->objectName() == name)
            return value;
    }
    Q_UNREACHABLE();
}

QString EntryDetailsDialog::stateText(RecipientStatus::State state)
{
    using State = RecipientStatus::State;
    switch (state) {
    case State::Queued:
        return tr("queued");
    case State::Delivering:
        return tr("delivering");
    case State::Deferred:
        return tr("deferred");
    case State::Held:
        return tr("held");
    case State::Delivered:
        return tr("delivered");
    case State::Failed:
        return tr("failed, sender told");
    case State::Stored:
        return tr("stored here");
    case State::Returned:
        return tr("returned to sender");
    case State::Finished:
        return tr("left the Outbox");
    }
    return {};
}

void EntryDetailsDialog::display(const std::optional<delivery::EntryDetails> &details)
{
    m_asked = true;
    m_details = details;
    m_tabs->setEnabled(details.has_value());
    emit loaded(details.has_value());
    if (!details) {
        m_status->setText(tr("Entry %1 is no longer in the queue: it was delivered, returned or "
                             "deleted.")
                              .arg(m_id));
        m_status->show();
        return;
    }
    m_status->clear();
    m_status->hide();
    const delivery::OutboxEntry &e = details->entry;
    const std::optional<spool::Envelope> &envelope = details->envelope;
    const QString client = envelope ? envelope->clientAddress : e.client;
    const QString helo = envelope ? envelope->helo : e.helo;
    const bool generated = envelope ? envelope->generated : client.isEmpty();

    field(u"detailId"_s)->setText(e.id);
    field(u"detailMessage"_s)->setText(e.messageId);
    field(u"detailFrom"_s)
        ->setText(e.sender.isEmpty() ? tr("<> (the null sender of a notice)") : e.sender);
    field(u"detailSubject"_s)->setText(e.subject.isEmpty() ? tr("(none)") : e.subject);
    field(u"detailClient"_s)
        ->setText(generated        ? tr("made by this server")
                  : helo.isEmpty() ? client
                                   : tr("%1 (greeted as %2)").arg(client, helo));
    field(u"detailReceived"_s)->setText(timeText(envelope ? envelope->received : e.created));
    const QString bytes = tr("%Ln byte(s)", nullptr, int(qMin<qint64>(e.size, INT_MAX)));
    field(u"detailSize"_s)
        ->setText(e.size < 1024 ? bytes
                                : QLocale().formattedDataSize(e.size) + u" ("_s + bytes + u')');
    field(u"detailNextHop"_s)->setText(e.nextHop);
    field(u"detailState"_s)->setText(QueueModel::stateText(e.state));
    field(u"detailAttempts"_s)->setText(QString::number(e.attempts));
    field(u"detailNextAttempt"_s)
        ->setText(e.state == delivery::EntryState::Held ? tr("when released")
                                                        : timeText(e.nextAttempt));
    QStringList notices;
    if (!e.ret.isEmpty())
        notices << u"RET=%1"_s.arg(e.ret);
    if (!e.envid.isEmpty())
        notices << u"ENVID=%1"_s.arg(e.envid);
    for (auto it = e.dsn.cbegin(); it != e.dsn.cend(); ++it) {
        QStringList p;
        if (!it->notify.isEmpty())
            p << u"NOTIFY=%1"_s.arg(it->notify);
        if (!it->orcpt.isEmpty())
            p << u"ORCPT=%1"_s.arg(it->orcpt);
        notices << u"%1: %2"_s.arg(it.key(), p.join(u' '));
    }
    field(u"detailNotices"_s)
        ->setText(notices.isEmpty() ? tr("as the receiving servers decide (none asked for)")
                                    : notices.join(u"; "_s));

    m_recipients->setRowCount(int(details->recipients.size()));
    for (int row = 0; row < details->recipients.size(); ++row) {
        const RecipientStatus &r = details->recipients.at(row);
        m_recipients->setItem(row, 0, cell(r.recipient));
        m_recipients->setItem(row, 1, cell(stateText(r.state)));
        m_recipients->setItem(row, 2, cell(r.where));
        m_recipients->setItem(row, 3, cell(timeText(r.time)));
        m_recipients->setItem(row, 4, cell(r.reply));
    }
    m_attempts->setRowCount(int(e.history.size()));
    for (int row = 0; row < e.history.size(); ++row) {
        m_attempts->setItem(row, 0, cell(timeText(e.history.at(row).time)));
        m_attempts->setItem(row, 1, cell(e.history.at(row).reply));
    }
    // Header fields are ASCII, or UTF-8 under SMTPUTF8; anything else shows as Latin-1.
    QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    QString headers = utf8.decode(details->headers);
    if (utf8.hasError())
        headers = QString::fromLatin1(details->headers);
    headers.replace(u"\r\n"_s, u"\n"_s);
    m_headers->setPlainText(headers);
}

} // namespace tandem::ui
