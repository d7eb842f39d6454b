#pragma once

#include "optionsdialog.h"
#include "userlist.h"

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QTreeWidget;

namespace tandem::ui {

// The users who may log in and own a mailbox (passwords stored as PBKDF2 hashes), the user
// who gets postmaster@ (mailboxes.postmaster), and the mailboxes that exist on disk, as the engine
// reported them (read-only here). The list of mailboxes may come later than the dialog: reading a
// big data folder on a slow disk must not hold the window up.
class MailboxesDialog : public OptionsDialog {
    Q_OBJECT
public:
    // Shows "reading" until setMailboxesOnDisk().
    explicit MailboxesDialog(const config::Settings &settings, QWidget *parent = nullptr);
    MailboxesDialog(const config::Settings &settings, const QStringList &mailboxesOnDisk,
                    QWidget *parent = nullptr);
    void setMailboxesOnDisk(const QStringList &mailboxes);

protected:
    void apply(config::Settings &s) override;

private:
    void fillUsers();
    void addUser();
    void setPassword();
    void removeUser();
    int selectedUser() const;

    UserList m_users;
    QTreeWidget *m_usersList;
    QComboBox *m_postmaster;
    QLineEdit *m_userName;
    QLineEdit *m_password;
    QListWidget *m_onDisk;
    QLabel *m_diskState;
};

} // namespace tandem::ui
