#pragma once

#include "config/settings.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

class QComboBox;

namespace tandem::ui {

// The users of mailboxes.users as the console edits them, in Options | Mailboxes and on the
// role wizard's Users page: a new name is checked as the configuration's validator checks it,
// and a password is kept only as its PBKDF2 hash.
class UserList {
    Q_DECLARE_TR_FUNCTIONS(tandem::ui::UserList)
public:
    explicit UserList(QList<config::User> users = {});

    const QList<config::User> &users() const { return m_users; }
    qsizetype size() const { return m_users.size(); }
    const config::User &at(qsizetype i) const { return m_users.at(i); }

    // Why name cannot be added to the users of a server with these domains; empty when it can.
    QString problemWithNewName(const QString &name, const config::Settings &server) const;
    // Adds name (in the form the configuration keeps) with password hashed, or without a
    // password when it is empty. The name must have passed problemWithNewName().
    void add(const QString &name, const QString &password);
    void setPassword(qsizetype i, const QString &password);
    void remove(qsizetype i);

private:
    QList<config::User> m_users;
};

// The choice of mailboxes.postmaster: "a mailbox of its own" (empty), or one of the users.
// The combo box keeps what was chosen (in any spelling of the user's name, in a server whose
// primary domain is `domain`) while that user is still there.
void fillPostmasterChoice(QComboBox *box, const QList<config::User> &users, const QString &chosen,
                          const QString &domain);
QString postmasterChoice(const QComboBox *box);

} // namespace tandem::ui
