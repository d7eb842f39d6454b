#include "inboxpropertiesdialog.h"

#include "archivepolicyeditor.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QRadioButton>
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
    for (const auto &[key, field] : m_template->fieldsByKey())
        routeErrors(u"mailboxes\\.template\\."_s + key, field);
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
    // What each option does, in the words of docs/product.md §1: the administrator reads it
    // before ticking the box.
    explain(m_allDomains, tr("Make the copies below for mail of every local domain."),
            tr("<p>When ticked, the passthrough copies below are made for the primary domain and "
               "every other local domain, including domains added later. Untick it to choose "
               "the domains in the list.</p>"));
    explain(m_domains, tr("The local domains whose mail the copies below are made for."),
            tr("<p>Only mail to and from the ticked domains is copied to the Outbox or to the "
               "sender's Sent items; mail of the other local domains is only stored here.</p>"));
    explain(m_copyToSentItems,
            tr("File a copy of mail from a local sender in that mailbox's Sent folder."),
            tr("<p><b>Copy all mail to sender's Sent items</b>: when the envelope sender (MAIL "
               "FROM) is a local address and the message comes from a trusted or "
               "authenticated client, a copy is stored in that mailbox's <i>Sent</i> folder — "
               "for mail to local and remote recipients alike. Mail with the null sender "
               "(&lt;&gt;), such as delivery reports, has no Sent copy.</p><p>On in the Archive "
               "role, off in the Mailbox role.</p>"));
    explain(m_createMailbox,
            tr("Make a missing sender's mailbox from the template for its Sent copy."),
            tr("<p><b>Create mailbox if necessary</b>: a passthrough copy (Sent items) for a "
               "local address that has no mailbox creates the mailbox from the mailbox "
               "template, instead of being dropped.</p><p>On in the Archive role, off in the "
               "Mailbox role.</p>"));
    explain(m_copyLocalToOutbox,
            tr("Also queue every message for local recipients in the Outbox, so that the "
               "Archive gets a copy."),
            tr("<p><b>Copy all mail for local domains to Outbox</b>: every accepted message that "
               "has local recipients is, besides being delivered to their mailboxes, queued in "
               "the Outbox for those same recipients, and leaves by the Outbox's route (so the "
               "Archive gets it). A message with local and remote recipients leaves as one "
               "transaction carrying all of them to the same next hop.</p><p>On in the Mailbox "
               "role, off in the Archive role.</p>"));
    explain(m_copyWithoutReceived,
            tr("Send mail with no Received: header of another server through the Outbox, even "
               "for local recipients."),
            tr("<p><b>Copy all mail without Received: headers to Outbox</b>: a message that "
               "carries no Received: header apart from the one this server adds on acceptance "
               "— one this server made itself, such as a delivery failure report, or one handed "
               "in directly by a mail client — is routed through the Outbox even when its "
               "recipients are local, instead of being stored here.</p><p>On an Archive this "
               "sends its bounces back to the Mailbox machine, where the users read them; the "
               "Mailbox then passes its usual copy back, so the Archive still files the bounce "
               "exactly once. On in the Archive role, off in the Mailbox role.</p>"));
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
    explain(m_returnToSender,
            tr("Refuse mail for a local address without a mailbox (550 5.1.1), or return it."),
            tr("<p><b>Return to sender</b>: a recipient in a local domain with no mailbox is "
               "refused at RCPT with 550 5.1.1 while the SMTP session is open, so that the "
               "sending server returns the message and no backscatter is made. When it can "
               "only be found out after acceptance, a delivery status notification (RFC 3464) "
               "goes back to the envelope sender.</p><p>The Mailbox role's choice.</p>"));
    explain(m_createAndStore, tr("Make the mailbox from the template and store the message in it."),
            tr("<p><b>Create mailbox and store</b>: the mailbox is created from the mailbox "
               "template and the message stored, so an Archive never refuses or bounces mail "
               "for a local domain. Mailboxes are made only for mail from trusted or "
               "authenticated clients; an outsider's mail goes to the catch-all mailbox.</p>"
               "<p>The Archive role's choice.</p>"));
    explain(m_forward, tr("Store mail for unknown local addresses in one catch-all mailbox."),
            tr("<p><b>Forward to mailbox</b>: mail for a local address without a mailbox is "
               "stored in the mailbox named here (for example postmaster), where someone reads "
               "it.</p>"));
    explain(
        m_forwardMailbox, tr("The catch-all mailbox, such as postmaster."),
        tr("<p>The mailbox, in the recipient's local domain, that takes mail for unknown "
           "local addresses when <i>Forward to mailbox</i> is chosen, and an outsider's mail on "
           "an Archive that creates mailboxes.</p>"));
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

    auto *templateBox = new QGroupBox(tr("Default archive settings (the template for mailboxes)"));
    templateBox->setObjectName(u"templateBox"_s);
    m_template = new ArchivePolicyEditor(s.mailboxes.mailboxTemplate,
                                         [this](QWidget *field) { return errorLabel(field); });
    auto *note = new QLabel(
        tr("Mailboxes follow these settings unless their own Archive tab (Mailboxes dialog) says "
           "otherwise. A message's age counts from when it was filed here, and nothing on legal "
           "hold expires. A Mailbox answers mail for a full mailbox with 452 4.2.2 (the sender "
           "retries); an Archive never refuses it, and raises an alarm instead."));
    note->setObjectName(u"templateNote"_s);
    note->setWordWrap(true);
    auto *templateLayout = new QVBoxLayout(templateBox);
    templateLayout->addWidget(m_template);
    templateLayout->addWidget(note);

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

    s.mailboxes.mailboxTemplate = m_template->policy();
}

} // namespace tandem::ui
