#pragma once

#include "config/settings.h"

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QString>
#include <QThreadPool>

#include <functional>

// AUTH (RFC 4954) support shared by all sessions of a server: the record of wrong passwords
// per client address and per target user that slows and then refuses guessing, and the
// password checks on a pool of threads (PBKDF2 is slow on purpose), bounded so that a flood
// of checks cannot hold up everybody else.
namespace tandem::smtp {

// Bookkeeping only (no threads, no timers): which attempt may be checked, and what its
// outcome does to the records. Lives on the server's thread.
class AuthGuard {
public:
    enum class Admission {
        Granted,    // reserved: check it, then finish()
        Blocked,    // the address reached the limit: refuse and close
        Busy,       // too many checks pending (from this address or in all): try later
        UserLocked, // the target user reached the limit from elsewhere: try later
    };
    static QString toString(Admission admission);

    AuthGuard(int limit, int maxPending);
    bool isBlocked(const QString &address);
    // A pending check counts against the limit like a failure, so parallel attempts cannot
    // outrun it. `user` is the target (the user's address, or the name given when unknown).
    Admission reserve(const QString &address, const QString &user);
    // The reserved check's outcome; returns the address's failures (0 after a success). A
    // success clears only that user's failures: its own record and that address's count for
    // it, never the address's failures for other users.
    int finish(const QString &address, const QString &user, bool ok);
    void reset(); // forgets everything (the fuzzer starts each input afresh)
    int limit() const { return m_limit; }
    int maxPending() const { return m_maxPending; }
    int pending() const { return m_pending; }
    void setClock(std::function<QDateTime()> clock) { m_clock = std::move(clock); } // tests
    // 1 s after the first wrong password, doubling, at most 16 s.
    static int delayMs(int failures);

    static constexpr int kForgetSeconds = 900; // a quiet quarter of an hour clears a record
    static constexpr int kMaxPendingPerAddress = 2;
    static constexpr int kPendingPerWorker = 4; // the total bound, per pool thread
    // A user's lock does not hold at addresses it logged in from this recently (at most
    // kKnownAddresses of them), so guessing from elsewhere cannot keep it out of its own.
    static constexpr int kKnownSeconds = 7 * 24 * 3600;
    static constexpr int kKnownAddresses = 16;

private:
    struct AddressRecord {
        int failures = 0; // the sum of perUser
        QHash<QString, int> perUser;
        int pending = 0;
        QDateTime last;
    };
    struct UserRecord {
        int failures = 0;
        int pending = 0;
        QDateTime last;
        QHash<QString, QDateTime> known; // address -> last successful login from it
    };
    QDateTime now() const { return m_clock ? m_clock() : QDateTime::currentDateTimeUtc(); }
    AddressRecord &addressRecord(const QString &address);
    UserRecord &userRecord(const QString &user);
    void purge();

    QHash<QString, AddressRecord> m_addresses;
    QHash<QString, UserRecord> m_users;
    int m_limit;
    int m_maxPending;
    int m_pending = 0;
    QDateTime m_lastPurge;
    std::function<QDateTime()> m_clock;
};

// Checks passwords on a pool of threads, each check reserved in the guard first;
// verified() arrives on this object's thread with the request's token.
class PasswordVerifier : public QObject {
    Q_OBJECT
public:
    PasswordVerifier(AuthGuard *guard, int workers, QObject *parent = nullptr);
    ~PasswordVerifier() override; // waits for the checks running
    // The hash is the stored one, empty for an unknown user (then a dummy hash is checked
    // instead, so the answer takes as long and tells nothing). Unless Granted, nothing is
    // checked and no verified() follows.
    AuthGuard::Admission verify(quint64 token, const QString &address, const QString &user,
                                const QByteArray &password, const QString &storedHash);
    int workers() const { return m_pool.maxThreadCount(); }

signals:
    void verified(quint64 token, bool ok, int failures);

protected:
    // Runs the check off this thread; finishCheck() follows on this thread.
    virtual void startCheck(quint64 token, const QByteArray &password, const QString &storedHash);
    void finishCheck(quint64 token, bool ok);

private:
    struct Attempt {
        QString address;
        QString user;
    };
    AuthGuard *m_guard;
    QHash<quint64, Attempt> m_attempts;
    QThreadPool m_pool;
};

// The configured user an AUTH identity names ("alice" or "alice@example.com"), if any.
const config::User *findUser(const config::Settings &settings, const QString &identity);
// The address a user sends as.
QString userAddress(const config::Settings &settings, const config::User &user);

} // namespace tandem::smtp
