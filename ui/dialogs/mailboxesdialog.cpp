#include "mailboxesdialog.h"

#include <QComboBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QTreeWidget>

using namespace Qt::StringLiterals;

namespace tandem::ui {

MailboxesDialog::MailboxesDialog(const config::Settings &settings,
                                 const QStringList &mailboxesOnDisk, QWidget *parent)
    : MailboxesDialog(settings, parent)
{
    setMailboxesOnDisk(mailboxesOnDisk);
}

MailboxesDialog::MailboxesDialog(const config::Settings &settings, QWidget *parent)
    : OptionsDialog(settings, parent)
    , m_users(settings.mailboxes.users)
    , m_usersList(new QTreeWidget)
    , m_postmaster(new QComboBox)
    , m_userName(new QLineEdit)
    , m_password(new QLineEdit)
    , m_onDisk(new QListWidget)
    , m_diskState(new QLabel(tr("Reading the data folder…")))
{
    setObjectName(u"mailboxesDialog"_s);
    setWindowTitle(tr("Mailboxes"));

    auto *usersBox = new QGroupBox(tr("Users"));
    m_usersList->setObjectName(u"users"_s);
    m_usersList->setColumnCount(2);
    m_usersList->setHeaderLabels({tr("User"), tr("Password")});
    m_usersList->setRootIsDecorated(false);
    m_usersList->setUniformRowHeights(true);
    m_usersList->header()->setStretchLastSection(false);
    m_usersList->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_usersList->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_userName->setObjectName(u"userName"_s);
    m_userName->setPlaceholderText(tr("alice or alice@other.example"));
    m_password->setObjectName(u"userPassword"_s);
    m_password->setEchoMode(QLineEdit::Password);
    explain(m_usersList, tr("The users of the local domains; select one to change it."),
            tr("<p>The users who receive mail here and, with a password, log in to send it. A "
               "user's mailbox is made when mail is first stored for it. Select one to set a "
               "new password or remove it.</p>"));
    explain(m_userName, tr("alice (primary domain) or alice@other.example."),
            tr("<p>The user's name: alice for the primary domain, or alice@other.example for "
               "another local domain. Letters of any script, digits and . _ + - are allowed; "
               "it is kept in lower case.</p>"));
    explain(m_password, tr("The user's password for logging in; empty for none."),
            tr("<p>The password the user logs in with to send mail. Only a salted hash "
               "(PBKDF2-SHA256) is written to the configuration file. A user without a "
               "password receives mail but cannot log in.</p>"));
    QPushButton *add = button(tr("&Add User"), u"addUser"_s);
    QPushButton *setPassword = button(tr("&Set Password"), u"setPassword"_s);
    QPushButton *remove = button(tr("&Remove User"), u"removeUser"_s);
    auto *userForm = new QFormLayout;
    userForm->setContentsMargins(0, 0, 0, 0);
    userForm->addRow(tr("&Name:"), withError(m_userName));
    userForm->addRow(tr("Pass&word:"), withError(m_password));
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(add);
    buttons->addWidget(setPassword);
    buttons->addWidget(remove);
    buttons->addStretch(1);
    auto *hint = new QLabel(tr("Select a user to set a new password or remove them. A user "
                               "without a password has a mailbox but cannot log in."));
    hint->setWordWrap(true);
    m_postmaster->setObjectName(u"postmaster"_s);
    explain(m_postmaster,
            tr("postmaster@ of every local domain, and the mail system's notices to the "
               "postmaster"),
            tr("<p>Who reads mail to postmaster@ of every local domain (RFC 5321 requires that "
               "address), the mail system's notices to the postmaster and undeliverable mail "
               "with no sender to return it to. Choose a user to have it in that user's "
               "mailbox, or a mailbox of its own named postmaster, made when first needed. A "
               "user chosen here cannot be removed until another is chosen.</p>"));
    auto *postmasterForm = new QFormLayout;
    postmasterForm->setContentsMargins(0, 0, 0, 0);
    postmasterForm->addRow(tr("Mail to p&ostmaster goes to:"), withError(m_postmaster));
    auto *users = new QVBoxLayout(usersBox);
    users->addWidget(m_usersList, 1);
    users->addWidget(errorLabel(m_usersList));
    users->addLayout(userForm);
    users->addLayout(buttons);
    users->addWidget(hint);
    users->addSpacing(6);
    users->addLayout(postmasterForm);

    auto *diskBox = new QGroupBox(tr("Mailboxes on disk"));
    m_onDisk->setObjectName(u"mailboxesOnDisk"_s);
    m_onDisk->setSelectionMode(QAbstractItemView::NoSelection);
    m_onDisk->setFocusPolicy(Qt::NoFocus);
    m_diskState->setObjectName(u"noMailboxes"_s);
    explain(m_onDisk, tr("The mailboxes in the data folder."),
            tr("<p>The mailboxes that exist in the data folder, read by the engine. A mailbox "
               "is made when mail is first stored for it; removing a user keeps its "
               "mailbox.</p>"));
    auto *diskNote = new QLabel(tr("A mailbox is created when mail is first stored for it."));
    diskNote->setWordWrap(true);
    auto *disk = new QVBoxLayout(diskBox);
    disk->addWidget(m_onDisk, 1);
    disk->addWidget(m_diskState);
    disk->addWidget(diskNote);

    auto *body = new QHBoxLayout;
    body->addWidget(usersBox, 3);
    body->addWidget(diskBox, 2);
    setBody(body);
    fillUsers();

    routeErrors(u"mailboxes\\.users\\[(\\d+)\\].*"_s, m_usersList,
                [this](const QRegularExpressionMatch &m, const QString &message) {
                    const int i = m.captured(1).toInt();
                    return tr("%1: %2").arg(i < m_users.size() ? m_users.at(i).name : m.captured(1),
                                            message);
                });
    routeErrors(u"mailboxes\\.postmaster"_s, m_postmaster);

    connect(add, &QPushButton::clicked, this, &MailboxesDialog::addUser);
    connect(setPassword, &QPushButton::clicked, this, &MailboxesDialog::setPassword);
    connect(remove, &QPushButton::clicked, this, &MailboxesDialog::removeUser);
    resize(660, 420);
}

void MailboxesDialog::fillUsers()
{
    // The first time from the settings, then whatever was chosen since.
    const QString postmaster =
        m_postmaster->count() ? postmasterChoice(m_postmaster) : original().mailboxes.postmaster;
    m_usersList->clear();
    for (const config::User &user : m_users.users()) {
        auto *item = new QTreeWidgetItem(m_usersList);
        item->setText(0, user.name);
        item->setText(1, user.password.isEmpty() ? tr("none") : tr("set"));
    }
    fillPostmasterChoice(m_postmaster, m_users.users(), postmaster, original().server.domain);
}

int MailboxesDialog::selectedUser() const
{
    const QList<QTreeWidgetItem *> selected = m_usersList->selectedItems();
    return selected.isEmpty() ? -1 : m_usersList->indexOfTopLevelItem(selected.first());
}

void MailboxesDialog::addUser()
{
    clearError(m_userName);
    clearError(m_password);
    const QString problem = m_users.problemWithNewName(m_userName->text(), original());
    if (!problem.isEmpty()) {
        showError(m_userName, problem);
        return;
    }
    m_users.add(m_userName->text(), m_password->text());
    fillUsers();
    m_usersList->setCurrentItem(m_usersList->topLevelItem(int(m_users.size()) - 1));
    m_userName->clear();
    m_password->clear();
}

void MailboxesDialog::setPassword()
{
    clearError(m_password);
    const int row = selectedUser();
    if (row < 0) {
        showError(m_password, tr("Select the user first."));
        return;
    }
    if (m_password->text().isEmpty()) {
        showError(m_password, tr("Type the new password first."));
        return;
    }
    m_users.setPassword(row, m_password->text());
    m_password->clear();
    fillUsers();
    m_usersList->setCurrentItem(m_usersList->topLevelItem(row));
}

void MailboxesDialog::removeUser()
{
    const int row = selectedUser();
    if (row < 0)
        return;
    m_users.remove(row);
    fillUsers();
}

void MailboxesDialog::setMailboxesOnDisk(const QStringList &mailboxes)
{
    m_onDisk->clear();
    m_onDisk->addItems(mailboxes);
    m_diskState->setText(tr("No mailbox has been created yet."));
    m_diskState->setVisible(mailboxes.isEmpty());
}

void MailboxesDialog::apply(config::Settings &s)
{
    s.mailboxes.users = m_users.users();
    s.mailboxes.postmaster = postmasterChoice(m_postmaster);
}

} // namespace tandem::ui
