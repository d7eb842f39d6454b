#include "serverdialog.h"

#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>

using namespace Qt::StringLiterals;

namespace tandem::ui {

ServerDialog::ServerDialog(const config::Settings &settings, QWidget *parent)
    : OptionsDialog(settings, parent)
    , m_domain(new QLineEdit(settings.server.domain))
    , m_localDomains(new QListWidget)
    , m_newLocalDomain(new QLineEdit)
    , m_hostname(new QLineEdit(settings.server.hostname))
    , m_dataDir(new QLineEdit(settings.server.dataDir))
    , m_role(new QComboBox)
{
    setObjectName(u"serverDialog"_s);
    setWindowTitle(tr("Options | Server"));

    m_domain->setObjectName(u"domain"_s);
    m_domain->setPlaceholderText(tr("example.com"));
    m_localDomains->setObjectName(u"localDomains"_s);
    m_localDomains->addItems(settings.server.localDomains);
    m_localDomains->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_localDomains->setMinimumHeight(m_localDomains->fontMetrics().height() * 5);
    m_newLocalDomain->setObjectName(u"newLocalDomain"_s);
    m_newLocalDomain->setPlaceholderText(tr("other.example"));
    QPushButton *add = button(tr("&Add"), u"addLocalDomain"_s);
    QPushButton *remove = button(tr("&Remove"), u"removeLocalDomain"_s);
    m_hostname->setObjectName(u"hostname"_s);
    m_hostname->setPlaceholderText(tr("mail.example.com"));
    m_dataDir->setObjectName(u"dataDir"_s);
    QPushButton *browse = button(tr("&Browse…"), u"browseDataDir"_s);
    m_role->setObjectName(u"role"_s);
    m_role->addItem(tr("Mailbox"), QVariant::fromValue(int(config::Role::Mailbox)));
    m_role->addItem(tr("Archive"), QVariant::fromValue(int(config::Role::Archive)));
    m_role->addItem(tr("Custom"), QVariant::fromValue(int(config::Role::Custom)));
    m_role->setCurrentIndex(m_role->findData(int(settings.server.role)));
    auto *roleNote = new QLabel(
        tr("The role names the preset this configuration follows. Editing an option of the "
           "preset makes it Custom; File › Run role wizard… sets a role's options."));
    roleNote->setObjectName(u"roleNote"_s);
    explain(m_domain, tr("The organisation's mail domain, such as example.com."),
            tr("<p>The primary local domain: mail for it is stored here, and users named "
               "without a domain belong to it. A Mailbox and its Archive use the same primary "
               "domain.</p>"));
    explain(m_newLocalDomain, tr("Another domain this server takes mail for; then Add."),
            tr("<p>A further local domain to add to the list with <i>Add</i>, in Unicode or "
               "ASCII form (bücher.example or xn--bcher-kva.example).</p>"));
    explain(m_localDomains, tr("Further domains whose mail is local, like the primary domain's."),
            tr("<p>Extra local domains: mail for them is stored here, like the primary "
               "domain's. A local address is one in the primary domain or one of these "
               "(compared without case, internationalized domains in their ASCII form).</p>"));
    explain(m_hostname, tr("This machine's name in the greeting, Received: headers and reports."),
            tr("<p>The host name in the SMTP greeting and EHLO reply, in Received: headers, "
               "in Maildir file names and as the reporting server of delivery notices. Use the "
               "name the machine's MX or A record has, such as mailbox.example.com; a "
               "self-signed certificate is made for it.</p>"));
    explain(m_dataDir, tr("The folder of the spool, the mailboxes and the log."),
            tr("<p>The data folder: the durable queue, the Maildir++ mailboxes and the log, "
               "relative to the configuration file's folder unless absolute. The engine's user "
               "must be able to write it. It can only change while the engine is "
               "stopped.</p>"));
    explain(m_role, tr("The preset this configuration follows: Mailbox, Archive or Custom."),
            tr("<p><b>Mailbox</b> serves the users and copies every message to the Archive; "
               "<b>Archive</b> files a copy of everything, creates mailboxes and Sent copies "
               "and relays outgoing mail. A role is only a preset: changing one of its options "
               "makes the configuration <b>Custom</b>. File › Run role wizard… sets all of a "
               "role's options.</p>"));
    roleNote->setWordWrap(true);

    auto *domains = new QGridLayout;
    domains->setContentsMargins(0, 0, 0, 0);
    domains->addWidget(m_newLocalDomain, 0, 0);
    domains->addWidget(add, 0, 1);
    domains->addWidget(m_localDomains, 1, 0, 2, 1);
    domains->addWidget(remove, 1, 1, Qt::AlignTop);
    domains->addWidget(errorLabel(m_localDomains), 3, 0, 1, 2);
    auto *dataDir = new QHBoxLayout;
    dataDir->setContentsMargins(0, 0, 0, 0);
    dataDir->addWidget(m_dataDir, 1);
    dataDir->addWidget(browse);
    auto *dataDirBox = new QVBoxLayout;
    dataDirBox->setSpacing(2);
    dataDirBox->addLayout(dataDir);
    dataDirBox->addWidget(errorLabel(m_dataDir));
    auto *role = new QVBoxLayout;
    role->addWidget(withError(m_role));
    role->addWidget(roleNote);

    auto *form = new QFormLayout;
    form->addRow(tr("&Primary domain:"), withError(m_domain));
    auto *extraLabel = new QLabel(tr("&Extra local domains:"));
    extraLabel->setBuddy(m_newLocalDomain);
    form->addRow(extraLabel, domains);
    form->addRow(tr("&Host name:"), withError(m_hostname));
    auto *dataDirLabel = new QLabel(tr("&Data folder:"));
    dataDirLabel->setBuddy(m_dataDir);
    form->addRow(dataDirLabel, dataDirBox);
    auto *roleLabel = new QLabel(tr("R&ole:"));
    roleLabel->setBuddy(m_role);
    form->addRow(roleLabel, role);
    setBody(form);

    routeErrors(u"server\\.domain"_s, m_domain);
    routeErrors(u"server\\.local_domains\\[(\\d+)\\]"_s, m_localDomains,
                [this](const QRegularExpressionMatch &m, const QString &message) {
                    const QListWidgetItem *item = m_localDomains->item(m.captured(1).toInt());
                    return tr("%1: %2").arg(item ? item->text() : m.captured(1), message);
                });
    routeErrors(u"server\\.hostname"_s, m_hostname);
    routeErrors(u"server\\.data_dir"_s, m_dataDir);
    routeErrors(u"server\\.role"_s, m_role);
    // Domains other options still name: the passthrough list, users of another domain.
    routeErrors(u"incoming\\.passthrough\\.domains.*"_s, m_localDomains,
                [](const QRegularExpressionMatch &, const QString &message) {
                    return tr("Inbox Properties › Passthrough: %1").arg(message);
                });
    routeErrors(u"mailboxes\\.users.*"_s, m_localDomains,
                [](const QRegularExpressionMatch &, const QString &message) {
                    return tr("Mailboxes: %1").arg(message);
                });

    connect(add, &QPushButton::clicked, this, &ServerDialog::addLocalDomain);
    connect(remove, &QPushButton::clicked, this,
            [this] { qDeleteAll(m_localDomains->selectedItems()); });
    connect(browse, &QPushButton::clicked, this, &ServerDialog::browseDataDir);
    setMinimumWidth(520);
}

void ServerDialog::addLocalDomain()
{
    clearError(m_localDomains);
    const QString domain = m_newLocalDomain->text().trimmed().toLower();
    if (domain.isEmpty())
        return;
    if (!config::isValidDomain(domain)) {
        showError(m_localDomains,
                  tr("“%1” is not a domain name such as other.example.").arg(domain));
        return;
    }
    if (domain == m_domain->text().trimmed().toLower() ||
        !m_localDomains->findItems(domain, Qt::MatchFixedString).isEmpty()) {
        showError(m_localDomains, tr("“%1” is already a local domain.").arg(domain));
        return;
    }
    m_localDomains->addItem(domain);
    m_newLocalDomain->clear();
}

void ServerDialog::browseDataDir()
{
    const QString base = original().baseDir;
    const QString current = QDir(base).absoluteFilePath(m_dataDir->text());
    const QString chosen = QFileDialog::getExistingDirectory(this, tr("Data Folder"), current);
    if (chosen.isEmpty())
        return;
    // Inside the configuration's folder the path stays relative, so both move together.
    const QString relative = QDir(base).relativeFilePath(chosen);
    m_dataDir->setText(base.isEmpty() || relative.startsWith(u".."_s)
                           ? QDir::toNativeSeparators(chosen)
                           : relative);
}

void ServerDialog::apply(config::Settings &s)
{
    const QString oldDomain = s.server.domain;
    s.server.domain = m_domain->text().trimmed().toLower();
    s.server.localDomains.clear();
    for (int i = 0; i < m_localDomains->count(); ++i)
        s.server.localDomains.append(m_localDomains->item(i)->text());
    s.server.hostname = m_hostname->text().trimmed().toLower();
    s.server.dataDir = m_dataDir->text().trimmed();
    s.server.role = config::Role(m_role->currentData().toInt());
    // A passthrough list names local domains: it follows a renamed primary domain and
    // forgets a removed one.
    if (!s.passthrough.allDomains) {
        QStringList kept;
        for (const QString &d : std::as_const(s.passthrough.domains)) {
            const QString renamed = d == oldDomain ? s.server.domain : d;
            if (s.isLocalDomain(renamed) && !kept.contains(renamed))
                kept.append(renamed);
        }
        s.passthrough.domains = kept;
    }
}

} // namespace tandem::ui
