#include "authguard.h"

#include "config/passwords.h"
#include "util/enumnames.h"

using namespace Qt::StringLiterals;

namespace tandem::smtp {

QString AuthGuard::toString(Admission admission)
{
    static const EnumNames<Admission> names{{u"granted"_s, Admission::Granted},
                                            {u"blocked"_s, Admission::Blocked},
                                            {u"busy"_s, Admission::Busy},
                                            {u"user locked"_s, Admission::UserLocked}};
    return enumName(names, admission);
}

AuthGuard::AuthGuard(int limit, int maxPending)
    : m_limit(limit)
    , m_maxPending(maxPending)
{}

AuthGuard::AddressRecord &AuthGuard::addressRecord(const QString &address)
{
    AddressRecord &r = m_addresses[address];
    if (r.failures > 0 && r.last.secsTo(now()) > kForgetSeconds) {
        r.failures = 0;
        r.perUser.clear();
    }
    return r;
}

AuthGuard::UserRecord &AuthGuard::userRecord(const QString &user)
{
    UserRecord &r = m_users[user];
    if (r.failures > 0 && r.last.secsTo(now()) > kForgetSeconds)
        r.failures = 0;
    return r;
}

// Records of addresses and users not seen again would stay for ever: sweep once a minute.
void AuthGuard::purge()
{
    const QDateTime t = now();
    if (m_lastPurge.isValid() && m_lastPurge.secsTo(t) < 60)
        return;
    m_lastPurge = t;
    for (auto it = m_addresses.begin(); it != m_addresses.end();) {
        if (it->pending == 0 && (it->failures == 0 || it->last.secsTo(t) > kForgetSeconds))
            it = m_addresses.erase(it);
        else
            ++it;
    }
    for (auto it = m_users.begin(); it != m_users.end();) {
        for (auto k = it->known.begin(); k != it->known.end();)
            k = k->secsTo(t) > kKnownSeconds ? it->known.erase(k) : std::next(k);
        if (it->failures > 0 && it->last.secsTo(t) > kForgetSeconds)
            it->failures = 0;
        if (it->pending == 0 && it->failures == 0 && it->known.isEmpty())
            it = m_users.erase(it);
        else
            ++it;
    }
}

bool AuthGuard::isBlocked(const QString &address)
{
    const auto it = m_addresses.constFind(address);
    if (it == m_addresses.cend() || it->last.secsTo(now()) > kForgetSeconds)
        return false;
    return it->failures >= m_limit;
}

AuthGuard::Admission AuthGuard::reserve(const QString &address, const QString &user)
{
    purge();
    AddressRecord &a = addressRecord(address);
    if (a.failures >= m_limit)
        return Admission::Blocked;
    if (a.failures + a.pending >= m_limit || a.pending >= kMaxPendingPerAddress ||
        m_pending >= m_maxPending)
        return Admission::Busy;
    UserRecord &u = userRecord(user);
    const auto known = u.known.constFind(address);
    const bool knownAddress = known != u.known.cend() && known->secsTo(now()) <= kKnownSeconds;
    if (!knownAddress && u.failures + u.pending >= m_limit)
        return Admission::UserLocked;
    ++a.pending;
    ++u.pending;
    ++m_pending;
    return Admission::Granted;
}

int AuthGuard::finish(const QString &address, const QString &user, bool ok)
{
    AddressRecord &a = addressRecord(address);
    UserRecord &u = userRecord(user);
    a.pending = qMax(0, a.pending - 1);
    u.pending = qMax(0, u.pending - 1);
    m_pending = qMax(0, m_pending - 1);
    const QDateTime t = now();
    if (ok) {
        a.failures -= a.perUser.take(user);
        u.failures = 0;
        if (!u.known.contains(address) && u.known.size() >= kKnownAddresses) {
            // Room for this one: the address not used for the longest time goes.
            auto oldest = u.known.begin();
            for (auto k = u.known.begin(); k != u.known.end(); ++k) {
                if (*k < *oldest)
                    oldest = k;
            }
            u.known.erase(oldest);
        }
        u.known.insert(address, t);
        return 0;
    }
    a.perUser[user] += 1;
    a.failures += 1;
    a.last = t;
    u.failures += 1;
    u.last = t;
    return a.failures;
}

void AuthGuard::reset()
{
    m_addresses.clear();
    m_users.clear();
    m_pending = 0;
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

PasswordVerifier::PasswordVerifier(AuthGuard *guard, int workers, QObject *parent)
    : QObject(parent)
    , m_guard(guard)
{
    m_pool.setObjectName(u"tandem-auth"_s);
    m_pool.setMaxThreadCount(qMax(1, workers));
}

PasswordVerifier::~PasswordVerifier()
{
    m_pool.clear();
    m_pool.waitForDone();
}

AuthGuard::Admission PasswordVerifier::verify(quint64 token, const QString &address,
                                              const QString &user, const QByteArray &password,
                                              const QString &storedHash)
{
    const AuthGuard::Admission admission = m_guard->reserve(address, user);
    if (admission != AuthGuard::Admission::Granted)
        return admission;
    m_attempts.insert(token, {address, user});
    startCheck(token, password, storedHash);
    return admission;
}

void PasswordVerifier::startCheck(quint64 token, const QByteArray &password,
                                  const QString &storedHash)
{
    m_pool.start([this, token, password, storedHash] {
        const bool known = !storedHash.isEmpty();
        const bool ok = passwords::verify(password, known ? storedHash : dummyHash()) && known;
        QMetaObject::invokeMethod(this, [this, token, ok] { finishCheck(token, ok); });
    });
}

// The reservation ends here, whether or not the session that asked is still there: a client
// that hangs up cannot free its place while its check still runs.
void PasswordVerifier::finishCheck(quint64 token, bool ok)
{
    const auto attempt = m_attempts.constFind(token);
    if (attempt == m_attempts.cend())
        return;
    const int failures = m_guard->finish(attempt->address, attempt->user, ok);
    m_attempts.erase(attempt);
    emit verified(token, ok, failures);
}

const config::User *findUser(const config::Settings &settings, const QString &identity)
{
    const QString id = config::canonicalUserName(identity.trimmed());
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
