#include "inboxpropertiesdialog.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QRadioButton>
#include <QSpinBox>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace tandem::ui {

InboxPropertiesDialog::InboxPropertiesDialog(const config::Settings &settings, QWidget *parent)
    : OptionsDialog(settings, parent)
{
    setObjectName(u"inboxPropertiesDialog"_s);
    setWindowTitle(tr("Inbox Properties"));
    setTabs({{passthroughTab(), tr("&Passthrough")}, {undeliveredTab(), tr("&Undelivered Mail")}});
    setMinimumWidth(480);

    routeErrors(u"incoming\\.passthrough\\.domains.*"_s, m_domains);
    routeErrors(u"incoming\\.undelivered\\.forward_mailbox"_s, m_forwardMailbox);
    routeErrors(u"incoming\\.undelivered.*"_s, m_returnToSender);
    routeErrors(u"mailboxes\\.template\\.keep_live_days"_s, m_keepLiveDays);
    routeErrors(u"mailboxes\\.template\\.archive_expiry_days"_s, m_archiveExpiryDays);
    routeErrors(u"mailboxes\\.template\\.max_size_mb"_s, m_maxSizeMb);
}

QWidget *InboxPropertiesDialog::passthroughTab()
{
    const config::Settings &s = original();
    auto *page = new QWidget;
    page->setObjectName(u"passthroughTab"_s);

    auto *domainsBox = new QGroupBox(tr("Domains the passthrough applies to"));
    m_allDomains = new QCheckBox(tr("All domains"));
    m_allDomains->setObjectName(u"allDomains"_s);
    m_allDomains->setChecked(s.passthrough.allDomains);
    m_domains = new QListWidget;
    m_domains->setObjectName(u"passthroughDomains"_s);
    m_domains->setMinimumHeight(m_domains->fontMetrics().height() * 4);
    for (const QString &domain : s.allLocalDomains()) {
        auto *item = new QListWidgetItem(domain, m_domains);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable | Qt::ItemIsSelectable);
        const bool on = s.passthrough.allDomains || s.passthrough.domains.contains(domain);
        item->setCheckState(on ? Qt::Checked : Qt::Unchecked);
    }
    m_domains->setEnabled(!s.passthrough.allDomains);
    connect(m_allDomains, &QCheckBox::toggled, m_domains, &QWidget::setDisabled);
    auto *domains = new QVBoxLayout(domainsBox);
    domains->addWidget(m_allDomains);
    domains->addWidget(m_domains);
    domains->addWidget(errorLabel(m_domains));

    // The wording of PRODUCT.md §1, word for word: administrators know the options by it.
    auto *copiesBox = new QGroupBox(tr("Copies"));
    m_copyToSentItems = new QCheckBox(tr("Copy all mail to sender's Sent items"));
    m_copyToSentItems->setObjectName(u"copyToSenderSentItems"_s);
    m_copyToSentItems->setChecked(s.passthrough.copyToSenderSentItems);
    m_createMailbox = new QCheckBox(tr("Create mailbox if necessary"));
    m_createMailbox->setObjectName(u"createMailboxIfNecessary"_s);
    m_createMailbox->setChecked(s.passthrough.createMailboxIfNecessary);
    m_copyLocalToOutbox = new QCheckBox(tr("Copy all mail for local domains to Outbox"));
    m_copyLocalToOutbox->setObjectName(u"copyLocalDomainsToOutbox"_s);
    m_copyLocalToOutbox->setChecked(s.passthrough.copyLocalDomainsToOutbox);
    m_copyWithoutReceived = new QCheckBox(tr("Copy all mail without Received: headers to Outbox"));
    m_copyWithoutReceived->setObjectName(u"copyWithoutReceivedToOutbox"_s);
    m_copyWithoutReceived->setChecked(s.passthrough.copyWithoutReceivedToOutbox);
    auto *copies = new QVBoxLayout(copiesBox);
    copies->addWidget(m_copyToSentItems);
    copies->addWidget(m_createMailbox);
    copies->addWidget(m_copyLocalToOutbox);
    copies->addWidget(m_copyWithoutReceived);

    auto *layout = new QVBoxLayout(page);
    layout->addWidget(domainsBox, 1);
    layout->addWidget(copiesBox);
    return page;
}

QWidget *InboxPropertiesDialog::undeliveredTab()
{
    const config::Settings &s = original();
    auto *page = new QWidget;
    page->setObjectName(u"undeliveredTab"_s);

    auto *actionBox = new QGroupBox(tr("Mail for a local address that has no mailbox"));
    m_returnToSender = new QRadioButton(tr("Return undelivered mail to sender"));
    m_returnToSender->setObjectName(u"returnToSender"_s);
    m_createAndStore = new QRadioButton(tr("Create mailbox and store"));
    m_createAndStore->setObjectName(u"createMailboxAndStore"_s);
    m_forward = new QRadioButton(tr("Forward to mailbox"));
    m_forward->setObjectName(u"forwardToMailbox"_s);
    auto *group = new QButtonGroup(page);
    group->addButton(m_returnToSender);
    group->addButton(m_createAndStore);
    group->addButton(m_forward);
    switch (s.undelivered.action) {
    case config::UndeliveredAction::ReturnToSender:
        m_returnToSender->setChecked(true);
        break;
    case config::UndeliveredAction::CreateMailboxAndStore:
        m_createAndStore->setChecked(true);
        break;
    case config::UndeliveredAction::ForwardToMailbox:
        m_forward->setChecked(true);
        break;
    }
    m_forwardMailbox = new QLineEdit(s.undelivered.forwardMailbox);
    m_forwardMailbox->setObjectName(u"forwardMailbox"_s);
    m_forwardMailbox->setPlaceholderText(tr("postmaster"));
    m_forwardMailbox->setEnabled(m_forward->isChecked());
    connect(m_forward, &QRadioButton::toggled, m_forwardMailbox, &QWidget::setEnabled);
    auto *forward = new QHBoxLayout;
    forward->addWidget(m_forward);
    forward->addWidget(m_forwardMailbox, 1);
    auto *actions = new QVBoxLayout(actionBox);
    actions->addWidget(m_returnToSender);
    actions->addWidget(errorLabel(m_returnToSender));
    actions->addWidget(m_createAndStore);
    actions->addLayout(forward);
    actions->addWidget(errorLabel(m_forwardMailbox));

    const config::MailboxTemplate &t = s.mailboxes.mailboxTemplate;
    auto *templateBox = new QGroupBox(tr("Mailbox template (for new mailboxes)"));
    const auto days = [](int n) { return tr(" day(s)", nullptr, n); };
    m_keepLiveDays = spinBox(u"keepLiveDays"_s, 0, 100000, days, t.keepLiveDays);
    m_archiveExpiryDays =
        spinBox(u"archiveExpiryDays"_s, 0, 100000, days, t.archiveExpiryDays, tr("Never"));
    m_maxSizeMb = spinBox(u"maxSizeMb"_s, 0, 10000000, tr(" MB"), t.maxSizeMb, tr("No cap"));
    auto *form = new QFormLayout(templateBox);
    form->addRow(tr("Days in the &live mailbox:"), withError(m_keepLiveDays));
    form->addRow(tr("Archive &expiry (0 = never):"), withError(m_archiveExpiryDays));
    form->addRow(tr("&Size cap (0 = none):"), withError(m_maxSizeMb));
    auto *note = new QLabel(tr("Messages older than the live days move to the mailbox's Archive "
                               "folder; archived messages are deleted after the expiry. The size "
                               "cap is warned about, never silently exceeded."));
    note->setObjectName(u"templateNote"_s);
    note->setWordWrap(true);
    form->addRow(note);

    auto *layout = new QVBoxLayout(page);
    layout->addWidget(actionBox);
    layout->addWidget(templateBox);
    layout->addStretch(1);
    return page;
}

void InboxPropertiesDialog::apply(config::Settings &s)
{
    config::PassthroughSettings &pt = s.passthrough;
    pt.allDomains = m_allDomains->isChecked();
    pt.domains.clear();
    if (!pt.allDomains) {
        for (int i = 0; i < m_domains->count(); ++i) {
            if (m_domains->item(i)->checkState() == Qt::Checked)
                pt.domains.append(m_domains->item(i)->text());
        }
    }
    pt.copyToSenderSentItems = m_copyToSentItems->isChecked();
    pt.createMailboxIfNecessary = m_createMailbox->isChecked();
    pt.copyLocalDomainsToOutbox = m_copyLocalToOutbox->isChecked();
    pt.copyWithoutReceivedToOutbox = m_copyWithoutReceived->isChecked();

    s.undelivered.action = m_forward->isChecked() ? config::UndeliveredAction::ForwardToMailbox
                           : m_createAndStore->isChecked()
                               ? config::UndeliveredAction::CreateMailboxAndStore
                               : config::UndeliveredAction::ReturnToSender;
    // The name matters only when forwarding; an emptied field elsewhere keeps the old one.
    const QString mailbox = m_forwardMailbox->text().trimmed().toLower();
    if (!mailbox.isEmpty() || m_forward->isChecked())
        s.undelivered.forwardMailbox = mailbox;

    config::MailboxTemplate &t = s.mailboxes.mailboxTemplate;
    t.keepLiveDays = m_keepLiveDays->value();
    t.archiveExpiryDays = m_archiveExpiryDays->value();
    t.maxSizeMb = m_maxSizeMb->value();
}

} // namespace tandem::ui
