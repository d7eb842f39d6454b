#include "mailboxesdialog.h"

#include "archivepolicyeditor.h"
#include "archivetext.h"
#include "enginehost.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QDialogButtonBox>
#include <QPointer>
#include <QRadioButton>
#include <QTabWidget>
#include <QVBoxLayout>

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
    auto *diskNote = new QLabel(tr("A mailbox is created when mail is first stored for it. "
                                   "Double-click one to see its Archive tab."));
    diskNote->setWordWrap(true);
    auto *disk = new QVBoxLayout(diskBox);
    disk->addWidget(m_onDisk, 1);
    disk->addWidget(m_diskState);
    disk->addWidget(diskNote);

    auto *usersPage = new QWidget;
    usersPage->setObjectName(u"usersTab"_s);
    auto *body = new QHBoxLayout(usersPage);
    body->addWidget(usersBox, 3);
    body->addWidget(diskBox, 2);
    setTabs({{usersPage, tr("&Users")}, {archivePage(), tr("Ar&chive")}});
    m_tabs = findChild<QTabWidget *>(u"tabs"_s);
    fillUsers();
    connect(m_onDisk, &QListWidget::itemDoubleClicked, this,
            [this](QListWidgetItem *item) { showArchiveOf(item->text()); });

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
    resize(760, 640);
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

    const QString keep = m_current;
    {
        const QSignalBlocker quiet(m_mailboxChoice);
        m_mailboxChoice->clear();
        m_mailboxChoice->addItems(mailboxes);
        m_mailboxChoice->setCurrentIndex(std::max(0, int(mailboxes.indexOf(keep))));
    }
    chooseMailbox(m_mailboxChoice->currentText());
}

void MailboxesDialog::setEngineHost(EngineHost *host)
{
    m_host = host;
    connect(host, &EngineHost::archiveProgress, this,
            [this](const archive::RunReport &r) { m_activity->setText(ArchiveText::progress(r)); });
    connect(host, &EngineHost::archiveRunFinished, this, [this](const archive::RunReport &r) {
        m_activity->setText(ArchiveText::finished(r));
        readArchive();
    });
    connect(host, &EngineHost::archiveVerified, this, [this](const archive::VerifyReport &r) {
        m_activity->setText(ArchiveText::verified(r));
        readArchive();
    });
    connect(host, &EngineHost::started, this, &MailboxesDialog::updateArchiveButtons);
    connect(host, &EngineHost::stopped, this, &MailboxesDialog::updateArchiveButtons);
    updateArchiveButtons();
    readArchive();
}

void MailboxesDialog::showArchiveOf(const QString &mailbox)
{
    const int i = m_mailboxChoice->findText(mailbox);
    if (i >= 0)
        m_mailboxChoice->setCurrentIndex(i);
    m_tabs->setCurrentWidget(m_archivePage);
}

QWidget *MailboxesDialog::archivePage()
{
    m_archivePage = new QWidget;
    m_archivePage->setObjectName(u"archiveTab"_s);

    m_mailboxChoice = new QComboBox;
    m_mailboxChoice->setObjectName(u"archiveMailbox"_s);
    m_mailboxChoice->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_mailboxChoice->setMinimumContentsLength(24);
    explain(m_mailboxChoice, tr("The mailbox whose archive settings, hold and figures are shown."),
            tr("<p>A mailbox of the data folder. Its archive settings below are saved with OK; "
               "a legal hold is recorded at once.</p>"));
    auto *mailboxLabel = new QLabel(tr("&Mailbox:"));
    mailboxLabel->setBuddy(m_mailboxChoice);
    m_archiveState = new QLabel;
    m_archiveState->setObjectName(u"archiveState"_s);
    m_archiveState->setWordWrap(true);
    auto *top = new QHBoxLayout;
    top->addWidget(mailboxLabel);
    top->addWidget(m_mailboxChoice);
    top->addWidget(m_archiveState, 1);

    m_settingsBox = new QGroupBox(tr("Archive settings of this mailbox"));
    m_modeNone = new QRadioButton(tr("Do &not archive this mailbox"));
    m_modeNone->setObjectName(u"archiveModeNone"_s);
    m_modeDefault = new QRadioButton(tr("Use &default archive settings"));
    m_modeDefault->setObjectName(u"archiveModeDefault"_s);
    m_modeCustom = new QRadioButton(tr("Archive using settings &below"));
    m_modeCustom->setObjectName(u"archiveModeCustom"_s);
    auto *modes = new QButtonGroup(m_archivePage);
    modes->addButton(m_modeNone);
    modes->addButton(m_modeDefault);
    modes->addButton(m_modeCustom);
    explain(m_modeNone, tr("Nothing of this mailbox is archived or expires."),
            tr("<p>The mailbox keeps all its mail in its live folders: nothing is archived, "
               "moved or expired. Its size cap is the default settings'.</p>"));
    explain(m_modeDefault,
            tr("Follow the default archive settings (Inbox Properties › Undelivered Mail)."),
            tr("<p>The mailbox follows the default archive settings, the template on the "
               "Undelivered Mail tab of Inbox Properties, including later changes to it. They "
               "are shown below.</p>"));
    explain(m_modeCustom, tr("This mailbox has archive settings of its own, set below."),
            tr("<p>The settings below apply to this mailbox only, whatever the default "
               "settings say.</p>"));
    m_policy = new ArchivePolicyEditor(original().mailboxes.mailboxTemplate,
                                       [this](QWidget *field) { return errorLabel(field); });
    m_policy->setObjectName(u"archivePolicy"_s);
    auto *settings = new QVBoxLayout(m_settingsBox);
    settings->addWidget(m_modeNone);
    settings->addWidget(m_modeDefault);
    settings->addWidget(m_modeCustom);
    settings->addWidget(m_policy);
    settings->addWidget(errorLabel(m_mailboxChoice));

    auto *holdBox = new QGroupBox(tr("Legal hold"));
    m_mailboxHold = new QCheckBox(tr("Legal &hold on this mailbox"));
    m_mailboxHold->setObjectName(u"legalHold"_s);
    m_mailboxHoldDetails = new QLabel;
    m_mailboxHoldDetails->setObjectName(u"legalHoldDetails"_s);
    m_mailboxHoldDetails->setWordWrap(true);
    m_archiveHold = new QCheckBox(tr("Hold the whole a&rchive"));
    m_archiveHold->setObjectName(u"archiveHold"_s);
    m_archiveHoldDetails = new QLabel;
    m_archiveHoldDetails->setObjectName(u"archiveHoldDetails"_s);
    m_archiveHoldDetails->setWordWrap(true);
    m_holdError = errorLabel(m_mailboxHold);
    explain(m_mailboxHold, tr("While held, nothing of this mailbox expires or is deleted."),
            tr("<p>A legal hold keeps every message of the mailbox: nothing expires, and no "
               "path deletes it (expiry, the queue window, the command line, removing the "
               "mailbox). Setting or clearing it asks for the reason, and takes effect at once: "
               "the time, who and the reason are recorded in the mailbox's ledger.</p>"));
    explain(m_archiveHold, tr("While held, nothing in the whole archive expires or is deleted."),
            tr("<p>The archive-wide hold: as a legal hold on every mailbox, those made later "
               "too. Setting or clearing it asks for the reason and is recorded at once in every "
               "mailbox's ledger.</p>"));
    auto *hold = new QVBoxLayout(holdBox);
    hold->addWidget(m_mailboxHold);
    hold->addWidget(m_mailboxHoldDetails);
    hold->addWidget(m_holdError);
    hold->addWidget(m_archiveHold);
    hold->addWidget(m_archiveHoldDetails);
    hold->addStretch(1);

    auto *figuresBox = new QGroupBox(tr("In the archive"));
    const auto figure = [](const QString &name) {
        auto *label = new QLabel;
        label->setObjectName(name);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
        label->setWordWrap(true);
        return label;
    };
    m_live = figure(u"liveFigures"_s);
    m_archived = figure(u"archivedFigures"_s);
    m_stored = figure(u"storedFigures"_s);
    m_expired = figure(u"expiredFigures"_s);
    m_lastRun = figure(u"lastArchiveRun"_s);
    m_lastVerify = figure(u"lastVerification"_s);
    m_archiveNow = button(tr("Archive n&ow"), u"archiveNow"_s);
    m_verifyNow = button(tr("&Verify now"), u"verifyNow"_s);
    m_archiveNow->setToolTip(tr("A maintenance run of this mailbox now, by the running engine."));
    m_verifyNow->setToolTip(
        tr("Recompute this mailbox's stored messages' hashes and its ledger now."));
    m_activity = figure(u"archiveActivity"_s);
    auto *figures = new QFormLayout;
    figures->addRow(tr("Live:"), m_live);
    figures->addRow(tr("Archived:"), m_archived);
    figures->addRow(tr("In the store:"), m_stored);
    figures->addRow(tr("Expired:"), m_expired);
    figures->addRow(tr("Last archiving run:"), m_lastRun);
    figures->addRow(tr("Last verification:"), m_lastVerify);
    auto *actions = new QHBoxLayout;
    actions->addWidget(m_archiveNow);
    actions->addWidget(m_verifyNow);
    actions->addStretch(1);
    auto *figuresLayout = new QVBoxLayout(figuresBox);
    figuresLayout->addLayout(figures);
    figuresLayout->addLayout(actions);
    figuresLayout->addWidget(m_activity);
    figuresLayout->addStretch(1);

    auto *lower = new QHBoxLayout;
    lower->addWidget(holdBox, 1);
    lower->addWidget(figuresBox, 1);
    auto *layout = new QVBoxLayout(m_archivePage);
    layout->addLayout(top);
    layout->addWidget(m_settingsBox);
    layout->addLayout(lower, 1);

    for (const auto &[key, field] : m_policy->fieldsByKey())
        errorLabel(field);
    connect(m_mailboxChoice, &QComboBox::currentTextChanged, this, &MailboxesDialog::chooseMailbox);
    connect(modes, &QButtonGroup::buttonToggled, this, [this](QAbstractButton *, bool on) {
        if (on)
            modeChosen();
    });
    connect(m_mailboxHold, &QCheckBox::clicked, this,
            [this](bool on) { holdClicked(m_mailboxHold, m_current, on); });
    connect(m_archiveHold, &QCheckBox::clicked, this,
            [this](bool on) { holdClicked(m_archiveHold, QString(), on); });
    connect(m_archiveNow, &QPushButton::clicked, this, [this] {
        if (m_host && m_host->runArchive(m_current))
            m_activity->setText(tr("Archiving %1…").arg(m_current));
        else
            m_activity->setText(tr("The engine is not running: start it to archive now."));
    });
    connect(m_verifyNow, &QPushButton::clicked, this, [this] {
        if (m_host && m_host->verifyArchive(m_current))
            m_activity->setText(tr("Verifying %1…").arg(m_current));
        else
            m_activity->setText(tr("The engine is not running: start it to verify now."));
    });
    chooseMailbox({});
    return m_archivePage;
}

void MailboxesDialog::updateArchiveButtons()
{
    const bool can = m_host && m_host->isRunning() && !m_current.isEmpty();
    m_archiveNow->setEnabled(can);
    m_verifyNow->setEnabled(can);
}

void MailboxesDialog::keepChoiceShown()
{
    if (!m_current.isEmpty() && m_currentRead)
        m_edited.insert(m_current, choiceShown());
}

void MailboxesDialog::chooseMailbox(const QString &mailbox)
{
    if (mailbox == m_current && m_currentRead)
        return;
    keepChoiceShown();
    m_current = mailbox;
    m_currentRead = m_edited.contains(mailbox);
    if (m_currentRead)
        showChoice(m_edited.value(mailbox));
    m_settingsBox->setEnabled(m_currentRead);
    m_mailboxHold->setEnabled(false);
    for (QLabel *l :
         {m_live, m_archived, m_stored, m_expired, m_lastRun, m_lastVerify, m_mailboxHoldDetails})
        l->clear();
    m_activity->clear();
    clearError(m_mailboxHold);
    updateArchiveButtons();
    if (mailbox.isEmpty())
        m_archiveState->setText(m_mailboxChoice->count() ? QString()
                                                         : tr("No mailbox has been created yet."));
    readArchive();
}

void MailboxesDialog::readArchive()
{
    if (!m_host) {
        m_archiveState->setText(tr("The archive is shown when the engine's host is at hand."));
        m_archiveHold->setEnabled(false);
        return;
    }
    if (!m_current.isEmpty()) {
        m_archiveState->setText(tr("Reading…"));
        m_archiveState->setStyleSheet({});
    }
    m_host->readArchiveView(original(), m_current,
                            [d = QPointer<MailboxesDialog>(this)](const ArchiveView &view) {
                                if (d)
                                    d->showView(view);
                            });
}

void MailboxesDialog::showView(const ArchiveView &view)
{
    if (view.mailbox != m_current)
        return; // another mailbox was chosen meanwhile
    m_archiveState->setText(view.error);
    m_archiveState->setStyleSheet(view.error.isEmpty() ? QString() : u"color: #b01c1c"_s);
    if (!m_current.isEmpty() && !m_currentRead) {
        m_read.insert(m_current, view.own);
        m_currentRead = true;
        showChoice(view.own);
        m_settingsBox->setEnabled(true);
    }
    m_archiveHold->setEnabled(view.storeOpened);
    m_archiveHold->setChecked(view.archiveHold.has_value());
    m_archiveHoldDetails->setText(view.archiveHold ? ArchiveText::hold(*view.archiveHold)
                                                   : tr("The archive is not held as a whole."));
    if (m_current.isEmpty())
        return;
    m_mailboxHold->setEnabled(view.storeOpened);
    m_mailboxHold->setChecked(view.mailboxHold.has_value());
    m_mailboxHoldDetails->setText(view.mailboxHold ? ArchiveText::hold(*view.mailboxHold)
                                  : view.archiveHold
                                      ? tr("Not held on its own; the archive-wide hold keeps it.")
                                      : tr("Not held."));
    const archive::MailboxFigures &f = view.figures;
    m_live->setText(
        tr("%n message(s), %1", nullptr, int(f.liveMessages)).arg(ArchiveText::size(f.liveBytes)));
    m_archived->setText(tr("%n message(s), %1", nullptr, int(f.archivedMessages))
                            .arg(ArchiveText::size(f.archivedBytes)));
    m_stored->setText(tr("%1, compressed, in messages no other mailbox shares")
                          .arg(ArchiveText::size(f.storedBytes)));
    m_expired->setText(tr("%n message(s)", nullptr, int(f.expiredMessages)));
    m_lastRun->setText(ArchiveText::date(f.lastRun));
    m_lastVerify->setText(
        !f.lastVerified.isValid() ? ArchiveText::date(f.lastVerified)
        : f.lastVerifyOk
            ? tr("%1, clean").arg(ArchiveText::date(f.lastVerified))
            : tr("%1, problem: %2").arg(ArchiveText::date(f.lastVerified), f.lastVerifyText));
}

void MailboxesDialog::showChoice(const config::MailboxArchiveSettings &own)
{
    const config::ArchivePolicy &tmpl = original().mailboxes.mailboxTemplate;
    m_customShown = own.mode == config::ArchiveMode::Custom ? own.custom : tmpl;
    const QSignalBlocker quietNone(m_modeNone);
    const QSignalBlocker quietDefault(m_modeDefault);
    const QSignalBlocker quietCustom(m_modeCustom);
    switch (own.mode) {
    case config::ArchiveMode::None:
        m_modeNone->setChecked(true);
        break;
    case config::ArchiveMode::Default:
        m_modeDefault->setChecked(true);
        break;
    case config::ArchiveMode::Custom:
        m_modeCustom->setChecked(true);
        break;
    }
    m_policy->setPolicy(config::effectivePolicy(own, tmpl));
    m_policy->setEnabled(own.mode == config::ArchiveMode::Custom);
}

// The custom settings survive a look at another mode: choosing Custom again brings them back.
void MailboxesDialog::modeChosen()
{
    if (m_policy->isEnabled())
        m_customShown = m_policy->policy();
    config::MailboxArchiveSettings own;
    own.mode = m_modeNone->isChecked()     ? config::ArchiveMode::None
               : m_modeCustom->isChecked() ? config::ArchiveMode::Custom
                                           : config::ArchiveMode::Default;
    own.custom = m_customShown;
    const config::ArchivePolicy keep = m_customShown;
    showChoice(own);
    m_customShown = keep;
}

config::MailboxArchiveSettings MailboxesDialog::choiceShown() const
{
    config::MailboxArchiveSettings own;
    own.mode = m_modeNone->isChecked()     ? config::ArchiveMode::None
               : m_modeCustom->isChecked() ? config::ArchiveMode::Custom
                                           : config::ArchiveMode::Default;
    own.custom = own.mode == config::ArchiveMode::Custom ? m_policy->policy() : m_customShown;
    return own;
}

QHash<QString, config::MailboxArchiveSettings> MailboxesDialog::changedChoices() const
{
    QHash<QString, config::MailboxArchiveSettings> changed;
    for (auto it = m_edited.begin(); it != m_edited.end(); ++it) {
        const config::MailboxArchiveSettings read = m_read.value(it.key());
        const bool same = it->mode == read.mode &&
                          (it->mode != config::ArchiveMode::Custom || it->custom == read.custom);
        if (!same)
            changed.insert(it.key(), *it);
    }
    return changed;
}

void MailboxesDialog::holdClicked(QCheckBox *box, const QString &mailbox, bool on)
{
    box->setChecked(!on); // until the hold is recorded
    clearError(m_mailboxHold);
    QDialog ask(this);
    ask.setObjectName(u"holdReasonDialog"_s);
    ask.setWindowTitle(on ? tr("Set a legal hold") : tr("Clear a legal hold"));
    const QString what = mailbox.isEmpty() ? tr("the whole archive") : mailbox;
    auto *text = new QLabel(on ? tr("Why is %1 put on legal hold? The reason is recorded in the "
                                    "ledger with the time and your name.")
                                     .arg(what)
                               : tr("Why is the legal hold on %1 cleared? Once cleared, its "
                                    "mail expires again by its settings. The reason is "
                                    "recorded in the ledger with the time and your name.")
                                     .arg(what));
    text->setWordWrap(true);
    auto *reason = new QLineEdit;
    reason->setObjectName(u"holdReason"_s);
    reason->setPlaceholderText(tr("For example: litigation 2026-17, requested by counsel"));
    explain(reason, tr("Required: why the hold is set or cleared."),
            tr("<p>The reason for setting or clearing the hold, recorded in the ledger with the "
               "time and who did it. It cannot be left empty.</p>"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    buttons->button(QDialogButtonBox::Ok)->setObjectName(u"okButton"_s);
    buttons->button(QDialogButtonBox::Ok)->setEnabled(false);
    buttons->button(QDialogButtonBox::Cancel)->setObjectName(u"cancelButton"_s);
    connect(reason, &QLineEdit::textChanged, &ask, [buttons](const QString &t) {
        buttons->button(QDialogButtonBox::Ok)->setEnabled(!t.trimmed().isEmpty());
    });
    connect(buttons, &QDialogButtonBox::accepted, &ask, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &ask, &QDialog::reject);
    auto *layout = new QVBoxLayout(&ask);
    layout->addWidget(text);
    layout->addWidget(reason);
    layout->addWidget(buttons);
    ask.resize(440, ask.sizeHint().height());
    if (ask.exec() != QDialog::Accepted || reason->text().trimmed().isEmpty() || !m_host)
        return;
    box->setEnabled(false);
    m_host->setArchiveHold(original(), mailbox, on, ArchiveText::consoleUser(),
                           reason->text().trimmed(),
                           [d = QPointer<MailboxesDialog>(this)](const QString &error) {
                               if (!d)
                                   return;
                               if (!error.isEmpty())
                                   d->showError(d->m_mailboxHold, error);
                               d->readArchive();
                           });
}

void MailboxesDialog::apply(config::Settings &s)
{
    s.mailboxes.users = m_users.users();
    s.mailboxes.postmaster = postmasterChoice(m_postmaster);

    // A mailbox's own settings are checked by the same reader as its file.
    keepChoiceShown();
    const QHash<QString, config::MailboxArchiveSettings> changed = changedChoices();
    for (auto it = changed.begin(); it != changed.end(); ++it) {
        QStringList errors;
        config::mailboxArchiveFromJson(config::toJson(*it), u"mailbox"_s, &errors);
        for (const QString &error : std::as_const(errors)) {
            const qsizetype colon = error.indexOf(u": "_s);
            const QString path = error.left(colon);
            const QString message = error.mid(colon + 2);
            QWidget *field = m_mailboxChoice;
            if (it.key() == m_current) {
                for (const auto &[key, f] : m_policy->fieldsByKey()) {
                    if (path.endsWith(u'.' + key))
                        field = f;
                }
            }
            refuse(field, field == m_mailboxChoice
                              ? tr("%1: %2").arg(it.key(), message)
                              : message.left(1).toUpper() + message.mid(1) + u'.');
        }
    }
}

void MailboxesDialog::commit(config::Settings &s)
{
    const QHash<QString, config::MailboxArchiveSettings> changed = changedChoices();
    if (changed.isEmpty() || !m_host) {
        OptionsDialog::commit(s);
        return;
    }
    if (m_saving)
        return;
    m_saving = true;
    m_host->saveMailboxArchiveSettings(
        original(), changed,
        [d = QPointer<MailboxesDialog>(this), s](const QString &error) mutable {
            if (!d)
                return;
            d->m_saving = false;
            if (!error.isEmpty()) {
                d->showError(d->m_mailboxChoice, error);
                d->m_tabs->setCurrentWidget(d->m_archivePage);
                return;
            }
            d->m_read.insert(d->changedChoices());
            d->OptionsDialog::commit(s);
        });
}
} // namespace tandem::ui
