#include "authguard.h"

#include "config/passwords.h"

using namespace Qt::StringLiterals;

namespace tandem::smtp {

void AuthGuard::expire(const QString &address)
{
    auto it = m_records.find(address);
    if (it != m_records.end() && it->last.secsTo(QDateTime::currentDateTimeUtc()) > kForgetSeconds)
        m_records.erase(it);
}

bool AuthGuard::isBlocked(const QString &address)
{
    expire(address);
    return m_records.value(address).failures >= m_limit;
}

int AuthGuard::recordFailure(const QString &address)
{
    expire(address);
    Record &r = m_records[address];
    r.failures += 1;
    r.last = QDateTime::currentDateTimeUtc();
    return r.failures;
}

void AuthGuard::recordSuccess(const QString &address)
{
    m_records.remove(address);
}

int AuthGuard::delayMs(int failures)
{
    return 1000 * (1 << qBound(0, failures - 1, 4));
}

namespace {
// Checked instead of a stored hash for an unknown user, so the answer takes as long; no
// password derives to an all-zero key, so it never matches.
QString dummyHash()
{
    return u"pbkdf2-sha256$%1$%2$%3"_s.arg(passwords::kDefaultIterations)
        .arg(u"AAAAAAAAAAAAAAAAAAAAAA=="_s, u"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="_s);
}
} // namespace

PasswordVerifier::PasswordVerifier(QObject *parent)
    : QObject(parent)
{}

void PasswordVerifier::verify(quint64 token, const QByteArray &password, const QString &storedHash)
{
    QMetaObject::invokeMethod(this, [this, token, password, storedHash] {
        const bool known = !storedHash.isEmpty();
        const bool ok = passwords::verify(password, known ? storedHash : dummyHash()) && known;
        emit verified(token, ok);
    });
}

const config::User *findUser(const config::Settings &settings, const QString &identity)
{
    const QString id = identity.toLower();
    for (const config::User &u : settings.mailboxes.users) {
        if (u.name == id || userAddress(settings, u) == id)
            return &u;
    }
    return nullptr;
}

QString userAddress(const config::Settings &settings, const config::User &user)
{
    return user.name.contains(u'@') ? user.name : user.name + u'@' + settings.server.domain;
}

} // namespace tandem::smtp
