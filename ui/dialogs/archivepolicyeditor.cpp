#include "archivepolicyeditor.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QSpinBox>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace tandem::ui {

namespace {

constexpr qint64 kHour = 1;
constexpr qint64 kDay = 24;
constexpr qint64 kWeek = 168;
constexpr qint64 kYear = 8760;
constexpr qint64 kMaxHours = 1000 * kYear; // what the configuration file accepts

void explain(QWidget *option, const QString &toolTip, const QString &whatsThis)
{
    option->setToolTip(toolTip);
    option->setWhatsThis(whatsThis);
}

// The spin box's range follows its unit: never more than the file accepts.
void fitRange(QSpinBox *box, const QComboBox *unit)
{
    const qint64 per = unit->currentData().toLongLong();
    box->setMaximum(int(std::min<qint64>(kMaxHours / per, 99999)));
}

} // namespace

ArchivePolicyEditor::ArchivePolicyEditor(const config::ArchivePolicy &policy,
                                         const ErrorLabel &errorLabel, QWidget *parent)
    : QWidget(parent)
    , m_archiveAfter(new QSpinBox)
    , m_archiveAfterUnit(new QComboBox)
    , m_archiveTo(new QComboBox)
    , m_expireAfter(new QSpinBox)
    , m_expireAfterUnit(new QComboBox)
    , m_onExpiry(new QComboBox)
    , m_maxSizeMb(new QSpinBox)
    , m_warnPercent(new QSpinBox)
{
    m_archiveAfter->setObjectName(u"archiveAfter"_s);
    m_archiveAfter->setSpecialValueText(tr("Never"));
    m_archiveAfterUnit->setObjectName(u"archiveAfterUnit"_s);
    m_archiveAfterUnit->addItem(tr("hours"), kHour);
    m_archiveAfterUnit->addItem(tr("days"), kDay);
    m_archiveAfterUnit->addItem(tr("weeks"), kWeek);
    m_archiveTo->setObjectName(u"archiveTo"_s);
    m_archiveTo->addItem(tr("into the read-only archive store"),
                         int(config::ArchiveDestination::Store));
    m_archiveTo->addItem(tr("into the mailbox's Archive folder (visible over IMAP)"),
                         int(config::ArchiveDestination::Folder));
    m_archiveTo->addItem(tr("delete instead of archiving"),
                         int(config::ArchiveDestination::Delete));
    m_expireAfter->setObjectName(u"expireAfter"_s);
    m_expireAfter->setSpecialValueText(tr("Never"));
    m_expireAfterUnit->setObjectName(u"expireAfterUnit"_s);
    m_expireAfterUnit->addItem(tr("days"), kDay);
    m_expireAfterUnit->addItem(tr("weeks"), kWeek);
    m_expireAfterUnit->addItem(tr("years"), kYear);
    m_onExpiry->setObjectName(u"onExpiry"_s);
    m_onExpiry->addItem(tr("delete"), int(config::ExpiryAction::Delete));
    m_onExpiry->addItem(tr("export to an mbox file"), int(config::ExpiryAction::Export));
    m_maxSizeMb->setObjectName(u"maxSizeMb"_s);
    m_maxSizeMb->setRange(0, 10000000);
    m_maxSizeMb->setSuffix(tr(" MB"));
    m_maxSizeMb->setSpecialValueText(tr("No cap"));
    m_warnPercent->setObjectName(u"sizeWarningPercent"_s);
    m_warnPercent->setRange(1, 100);
    m_warnPercent->setSuffix(tr(" %"));

    explain(m_archiveAfter,
            tr("Age at which a message leaves the live folders; Never (0) keeps it there."),
            tr("<p>After how long a message leaves the live folders (INBOX, Sent and the "
               "others). A message's age is the time since it was filed here, not since it "
               "moved between folders. 0 (<i>Never</i>) archives nothing.</p><p>Archiving "
               "happens in the maintenance runs, never while mail is delivered.</p>"));
    explain(m_archiveAfterUnit, tr("Whether the number above counts hours, days or weeks."),
            tr("<p>The unit of <i>Archive messages after</i>: hours, days or weeks (a week is "
               "7 days).</p>"));
    explain(m_archiveTo, tr("Where a message goes when it leaves the live folders."),
            tr("<p><b>Into the read-only archive store</b>: deep storage under data/archive, "
               "each distinct message stored once and compressed, not visible over IMAP and "
               "not changeable by anyone; every copy is recorded in the mailbox's ledger, which "
               "<i>verify</i> proves untouched.</p><p><b>Into the mailbox's Archive "
               "folder</b>: the message moves to the folder named Archive, where the user still "
               "sees it over IMAP.</p><p><b>Delete instead of archiving</b>: the message is "
               "deleted at that age (unless it is on legal hold).</p>"));
    explain(m_expireAfter, tr("Age at which a message expires; Never (0) keeps it for ever."),
            tr("<p>After how long a message expires, counted like the archiving age from when "
               "it was filed here; 0 (<i>Never</i>) keeps it for ever. It must be 0 or at "
               "least the archiving age.</p><p>Nothing on legal hold ever expires.</p>"));
    explain(m_expireAfterUnit, tr("Whether the number above counts days, weeks or years."),
            tr("<p>The unit of <i>Expire after</i>: days, weeks or years (a year is 365 "
               "days).</p>"));
    explain(m_onExpiry, tr("What becomes of an expired message: deleted, or exported first."),
            tr("<p><b>Delete</b>: an expired message is removed from the store.</p><p><b>Export "
               "to an mbox file</b>: it is written to the mailbox's mbox file in the export "
               "folder (mailboxes.archive.export_dir) before it is removed.</p>"));
    explain(m_maxSizeMb, tr("The live mailbox's size cap in megabytes; No cap for none."),
            tr("<p>The size the live mailbox may grow to, in megabytes; 0 (<i>No cap</i>) for "
               "none.</p><p>On a Mailbox, mail for a full mailbox is answered 452 4.2.2 at "
               "RCPT: the sending server keeps it and tries again. An Archive never refuses "
               "mail for a local domain: it keeps storing, logs the fact, raises an alarm in "
               "the console and tells the postmaster.</p>"));
    explain(m_warnPercent,
            tr("The postmaster is told when a mailbox reaches this share of its cap."),
            tr("<p>When a mailbox with a size cap reaches this percentage of it, the postmaster "
               "is sent a warning, so that there is time to act before mail is refused.</p>"));

    // A number with its unit, and the field's red error line under both.
    const auto withUnit = [&errorLabel](QSpinBox *box, QComboBox *unit) {
        auto *w = new QWidget;
        auto *column = new QVBoxLayout(w);
        column->setContentsMargins(0, 0, 0, 0);
        column->setSpacing(2);
        auto *row = new QHBoxLayout;
        row->addWidget(box);
        row->addWidget(unit);
        row->addStretch(1);
        column->addLayout(row);
        column->addWidget(errorLabel(box));
        w->setFocusProxy(box);
        return w;
    };
    const auto alone = [&errorLabel](QWidget *field) {
        auto *w = new QWidget;
        auto *column = new QVBoxLayout(w);
        column->setContentsMargins(0, 0, 0, 0);
        column->setSpacing(2);
        column->addWidget(field);
        column->addWidget(errorLabel(field));
        w->setFocusProxy(field);
        return w;
    };
    auto *form = new QFormLayout(this);
    form->setContentsMargins(0, 0, 0, 0);
    auto *archiveAfterLabel = new QLabel(tr("Archive messages &after:"));
    archiveAfterLabel->setBuddy(m_archiveAfter);
    form->addRow(archiveAfterLabel, withUnit(m_archiveAfter, m_archiveAfterUnit));
    auto *archiveToLabel = new QLabel(tr("Archived mail &goes:"));
    archiveToLabel->setBuddy(m_archiveTo);
    form->addRow(archiveToLabel, alone(m_archiveTo));
    auto *expireLabel = new QLabel(tr("&Expire after:"));
    expireLabel->setBuddy(m_expireAfter);
    form->addRow(expireLabel, withUnit(m_expireAfter, m_expireAfterUnit));
    auto *onExpiryLabel = new QLabel(tr("On e&xpiry:"));
    onExpiryLabel->setBuddy(m_onExpiry);
    form->addRow(onExpiryLabel, alone(m_onExpiry));
    auto *sizeLabel = new QLabel(tr("Size &limit:"));
    sizeLabel->setBuddy(m_maxSizeMb);
    auto *size = new QHBoxLayout;
    size->addWidget(alone(m_maxSizeMb));
    auto *warnLabel = new QLabel(tr("&Warn the postmaster at:"));
    warnLabel->setBuddy(m_warnPercent);
    size->addWidget(warnLabel);
    size->addWidget(alone(m_warnPercent));
    size->addStretch(1);
    form->addRow(sizeLabel, size);

    connect(m_archiveAfterUnit, &QComboBox::currentIndexChanged, this,
            [this] { fitRange(m_archiveAfter, m_archiveAfterUnit); });
    connect(m_expireAfterUnit, &QComboBox::currentIndexChanged, this,
            [this] { fitRange(m_expireAfter, m_expireAfterUnit); });
    connect(m_archiveAfter, &QSpinBox::valueChanged, this, &ArchivePolicyEditor::updateEnabled);
    connect(m_expireAfter, &QSpinBox::valueChanged, this, &ArchivePolicyEditor::updateEnabled);
    connect(m_maxSizeMb, &QSpinBox::valueChanged, this, &ArchivePolicyEditor::updateEnabled);
    setPolicy(policy);
}

void ArchivePolicyEditor::setDuration(QSpinBox *box, QComboBox *unit, qint64 hours)
{
    // The largest unit that shows it exactly; else the smallest, rounded up.
    int chosen = 0;
    for (int i = unit->count() - 1; i >= 0; --i) {
        const qint64 per = unit->itemData(i).toLongLong();
        if (hours > 0 && hours % per == 0) {
            chosen = i;
            break;
        }
        if (hours == 0 && per == kDay)
            chosen = i;
    }
    unit->setCurrentIndex(chosen);
    fitRange(box, unit);
    const qint64 per = unit->itemData(chosen).toLongLong();
    box->setValue(int((hours + per - 1) / per));
}

qint64 ArchivePolicyEditor::duration(const QSpinBox *box, const QComboBox *unit)
{
    return qint64(box->value()) * unit->currentData().toLongLong();
}

void ArchivePolicyEditor::setPolicy(const config::ArchivePolicy &p)
{
    setDuration(m_archiveAfter, m_archiveAfterUnit, p.archiveAfterHours);
    setDuration(m_expireAfter, m_expireAfterUnit, p.expireAfterHours);
    m_archiveAfterHours = p.archiveAfterHours;
    m_expireAfterHours = p.expireAfterHours;
    m_archiveAfterShown = duration(m_archiveAfter, m_archiveAfterUnit);
    m_expireAfterShown = duration(m_expireAfter, m_expireAfterUnit);
    m_archiveTo->setCurrentIndex(std::max(0, m_archiveTo->findData(int(p.destination))));
    m_onExpiry->setCurrentIndex(std::max(0, m_onExpiry->findData(int(p.onExpiry))));
    m_maxSizeMb->setValue(p.maxSizeMb);
    m_warnPercent->setValue(p.warnPercent);
    updateEnabled();
}

config::ArchivePolicy ArchivePolicyEditor::policy() const
{
    config::ArchivePolicy p;
    const qint64 archiveAfter = duration(m_archiveAfter, m_archiveAfterUnit);
    const qint64 expireAfter = duration(m_expireAfter, m_expireAfterUnit);
    p.archiveAfterHours = archiveAfter == m_archiveAfterShown ? m_archiveAfterHours : archiveAfter;
    p.expireAfterHours = expireAfter == m_expireAfterShown ? m_expireAfterHours : expireAfter;
    p.destination = config::ArchiveDestination(m_archiveTo->currentData().toInt());
    p.onExpiry = config::ExpiryAction(m_onExpiry->currentData().toInt());
    p.maxSizeMb = m_maxSizeMb->value();
    p.warnPercent = m_warnPercent->value();
    return p;
}

// A choice that cannot matter is greyed: where archived mail goes when nothing is archived,
// what expiry does when nothing expires, the warning when there is no cap.
void ArchivePolicyEditor::updateEnabled()
{
    m_archiveTo->setEnabled(m_archiveAfter->value() > 0);
    m_onExpiry->setEnabled(m_expireAfter->value() > 0);
    m_warnPercent->setEnabled(m_maxSizeMb->value() > 0);
}

QList<QPair<QString, QWidget *>> ArchivePolicyEditor::fieldsByKey() const
{
    return {{u"archive_after"_s, m_archiveAfter}, {u"archive_to"_s, m_archiveTo},
            {u"expire_after"_s, m_expireAfter},   {u"on_expiry"_s, m_onExpiry},
            {u"max_size_mb"_s, m_maxSizeMb},      {u"size_warning_percent"_s, m_warnPercent}};
}

QString ArchivePolicyEditor::describeDuration(qint64 hours)
{
    if (hours % kYear == 0)
        return tr("%n year(s)", nullptr, int(hours / kYear));
    if (hours % kWeek == 0)
        return tr("%n week(s)", nullptr, int(hours / kWeek));
    if (hours % kDay == 0)
        return tr("%n day(s)", nullptr, int(hours / kDay));
    return tr("%n hour(s)", nullptr, int(hours));
}

QString ArchivePolicyEditor::describe(const config::ArchivePolicy &p)
{
    QStringList parts;
    if (p.archiveAfterHours <= 0) {
        parts.append(tr("nothing archived"));
    } else {
        const QString after = describeDuration(p.archiveAfterHours);
        switch (p.destination) {
        case config::ArchiveDestination::Store:
            parts.append(tr("archive after %1 into the store").arg(after));
            break;
        case config::ArchiveDestination::Folder:
            parts.append(tr("move to the Archive folder after %1").arg(after));
            break;
        case config::ArchiveDestination::Delete:
            parts.append(tr("delete after %1").arg(after));
            break;
        }
    }
    if (p.expireAfterHours <= 0)
        parts.append(tr("kept for ever"));
    else if (p.onExpiry == config::ExpiryAction::Export)
        parts.append(tr("exported to an mbox file and removed after %1")
                         .arg(describeDuration(p.expireAfterHours)));
    else
        parts.append(tr("deleted after %1").arg(describeDuration(p.expireAfterHours)));
    if (p.maxSizeMb > 0)
        parts.append(tr("size cap %1 MB, warning at %2 %").arg(p.maxSizeMb).arg(p.warnPercent));
    return parts.join(u"; "_s);
}

} // namespace tandem::ui
