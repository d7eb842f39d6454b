#pragma once

#include "optionsdialog.h"
#include "userlist.h"

class QCheckBox;
class QComboBox;
class QGroupBox;
class QLabel;
class QPushButton;
class QRadioButton;
class QLineEdit;
class QListWidget;
class QTabWidget;
class QTreeWidget;

namespace tandem::ui {

class ArchivePolicyEditor;
class EngineHost;
struct ArchiveView;

// The users who may log in and own a mailbox (passwords stored as PBKDF2 hashes), the user
// who gets postmaster@ (mailboxes.postmaster), and the mailboxes that exist on disk, as the engine
// reported them (read-only here). The list of mailboxes may come later than the dialog: reading a
// big data folder on a slow disk must not hold the window up.
//
// Its Archive tab shows a mailbox of the data folder: its own archive settings (saved with OK
// into tandem-mailbox.json), its legal hold and the archive-wide one (set at once, each with a
// reason, recorded in the ledger), and its figures in the store, with Archive now and Verify
// now. It reads and writes through the EngineHost (setEngineHost), off the window's thread.
class MailboxesDialog : public OptionsDialog {
    Q_OBJECT
public:
    // Shows "reading" until setMailboxesOnDisk().
    explicit MailboxesDialog(const config::Settings &settings, QWidget *parent = nullptr);
    MailboxesDialog(const config::Settings &settings, const QStringList &mailboxesOnDisk,
                    QWidget *parent = nullptr);
    void setMailboxesOnDisk(const QStringList &mailboxes);
    // Where the Archive tab reads and writes; without one it shows nothing of the archive.
    void setEngineHost(EngineHost *host);
    // Shows the Archive tab with that mailbox chosen.
    void showArchiveOf(const QString &mailbox);

protected:
    void apply(config::Settings &s) override;
    void commit(config::Settings &s) override;

private:
    void fillUsers();
    void addUser();
    void setPassword();
    void removeUser();
    int selectedUser() const;

    QWidget *archivePage();
    void chooseMailbox(const QString &mailbox);
    void readArchive();
    void showView(const ArchiveView &view);
    void showChoice(const config::MailboxArchiveSettings &own);
    config::MailboxArchiveSettings choiceShown() const;
    void keepChoiceShown(); // the current mailbox's edits, into m_edited
    void modeChosen();
    void holdClicked(QCheckBox *box, const QString &mailbox, bool on);
    void updateArchiveButtons();
    // The changed choices to write: those edited that differ from what was read.
    QHash<QString, config::MailboxArchiveSettings> changedChoices() const;

    UserList m_users;
    QTreeWidget *m_usersList;
    QComboBox *m_postmaster;
    QLineEdit *m_userName;
    QLineEdit *m_password;
    QListWidget *m_onDisk;
    QLabel *m_diskState;

    EngineHost *m_host = nullptr;
    QTabWidget *m_tabs = nullptr;
    QWidget *m_archivePage = nullptr;
    QComboBox *m_mailboxChoice = nullptr;
    QLabel *m_archiveState = nullptr;
    QGroupBox *m_settingsBox = nullptr;
    QRadioButton *m_modeNone = nullptr;
    QRadioButton *m_modeDefault = nullptr;
    QRadioButton *m_modeCustom = nullptr;
    ArchivePolicyEditor *m_policy = nullptr;
    QCheckBox *m_mailboxHold = nullptr;
    QLabel *m_mailboxHoldDetails = nullptr;
    QCheckBox *m_archiveHold = nullptr;
    QLabel *m_archiveHoldDetails = nullptr;
    QLabel *m_holdError = nullptr;
    QLabel *m_live = nullptr;
    QLabel *m_archived = nullptr;
    QLabel *m_stored = nullptr;
    QLabel *m_expired = nullptr;
    QLabel *m_lastRun = nullptr;
    QLabel *m_lastVerify = nullptr;
    QPushButton *m_archiveNow = nullptr;
    QPushButton *m_verifyNow = nullptr;
    QLabel *m_activity = nullptr;

    QString m_current;                                       // the mailbox shown
    bool m_currentRead = false;                              // its settings were read
    QHash<QString, config::MailboxArchiveSettings> m_read;   // as read from each mailbox
    QHash<QString, config::MailboxArchiveSettings> m_edited; // as left on the tab
    config::ArchivePolicy m_customShown; // the custom settings while another mode is chosen
    bool m_saving = false;
};

} // namespace tandem::ui
