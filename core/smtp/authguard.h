#pragma once

#include "config/settings.h"

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QString>

// AUTH (RFC 4954) support shared by all sessions of a server: password checks off the event
// loop (PBKDF2 is slow on purpose), and the record of wrong passwords per client address that
// makes each next answer slower and, past smtp.auth_failure_limit, closes the connection.
namespace tandem::smtp {

class AuthGuard {
public:
    explicit AuthGuard(int limit)
        : m_limit(limit)
    {}
    bool isBlocked(const QString &address);
    int recordFailure(const QString &address); // failures so far, this one included
    void recordSuccess(const QString &address);
    int limit() const { return m_limit; }
    // 1 s after the first wrong password, doubling, at most 16 s.
    static int delayMs(int failures);

    static constexpr int kForgetSeconds = 900; // a quiet quarter of an hour clears the record

private:
    struct Record {
        int failures = 0;
        QDateTime last;
    };
    void expire(const QString &address);
    QHash<QString, Record> m_records;
    int m_limit;
};

// Checks passwords on a thread of its own; verified() arrives with the request's token.
class PasswordVerifier : public QObject {
    Q_OBJECT
public:
    explicit PasswordVerifier(QObject *parent = nullptr);
    // Thread-safe; the hash is the stored one, empty for an unknown user (then a dummy hash
    // is checked instead, so the answer takes as long and tells nothing).
    void verify(quint64 token, const QByteArray &password, const QString &storedHash);

signals:
    void verified(quint64 token, bool ok);
};

// The configured user an AUTH identity names ("alice" or "alice@example.com"), if any.
const config::User *findUser(const config::Settings &settings, const QString &identity);
// The address a user sends as.
QString userAddress(const config::Settings &settings, const config::User &user);

} // namespace tandem::smtp
