#include "userlist.h"

#include "config/passwords.h"

#include <QApplication>
#include <QComboBox>

using namespace Qt::StringLiterals;

namespace tandem::ui {

namespace {

QString hashed(const QString &password)
{
    QApplication::setOverrideCursor(Qt::WaitCursor); // PBKDF2 takes a moment, on purpose
    const QString hash = passwords::hash(password.toUtf8());
    QApplication::restoreOverrideCursor();
    return hash;
}

} // namespace

UserList::UserList(QList<config::User> users)
    : m_users(std::move(users))
{}

QString UserList::problemWithNewName(const QString &given, const config::Settings &server) const
{
    const QString name = config::canonicalUserName(given.trimmed());
    const qsizetype at = name.lastIndexOf(u'@');
    const QString local = at < 0 ? name : name.left(at);
    const QString domain = at < 0 ? server.server.domain : name.mid(at + 1);
    if (!config::isValidMailboxName(local))
        return tr("A user name has letters, digits and . _ + - only.");
    if (!server.isLocalDomain(domain))
        return tr("“%1” is not a local domain (Options | Server).").arg(domain);
    const QString full = local + u'@' + domain;
    for (const config::User &user : m_users) {
        if (server.userAddress(user.name) == full)
            return tr("“%1” is already a user.").arg(name);
    }
    return {};
}

void UserList::add(const QString &name, const QString &password)
{
    config::User user;
    user.name = config::canonicalUserName(name.trimmed());
    if (!password.isEmpty())
        user.password = hashed(password);
    m_users.append(user);
}

void UserList::setPassword(qsizetype i, const QString &password)
{
    m_users[i].password = hashed(password);
}

void UserList::remove(qsizetype i)
{
    m_users.removeAt(i);
}

void fillPostmasterChoice(QComboBox *box, const QList<config::User> &users, const QString &chosen,
                          const QString &domain)
{
    const auto address = [&domain](const QString &name) {
        return name.contains(u'@') ? name : name + u'@' + domain;
    };
    box->clear();
    box->addItem(UserList::tr("a mailbox of its own, “postmaster”"), QString());
    for (const config::User &user : users) {
        box->addItem(user.name, user.name);
        if (!chosen.isEmpty() && address(config::canonicalUserName(chosen)) == address(user.name))
            box->setCurrentIndex(box->count() - 1);
    }
}

QString postmasterChoice(const QComboBox *box)
{
    return box->currentData().toString();
}

} // namespace tandem::ui
