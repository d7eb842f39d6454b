#pragma once

#include "config/settings.h"

#include <QString>
#include <QTemporaryDir>

// A real engine's configuration for the queue tests: one SMTP listener on a free loopback
// port, user alice@example.com, relaying for 127.0.0.1, and a static route "*" to a loopback
// port nothing listens on, so that every Outbox entry stays (deferred) where tests can see it.
namespace tandem::test {

int freePort();

class QueueFixture {
public:
    // Writes <tmp>/tandem.json (data in <tmp>/data) and loads it; false with *error if not.
    bool init(QString *error);
    const config::Settings &settings() const { return m_settings; }
    int smtpPort() const { return m_smtpPort; }
    QString outboxDir() const;
    // True when the entry's files are in data/spool/outbox/.
    bool outboxHasFiles(const QString &entryId) const;

private:
    QTemporaryDir m_dir;
    config::Settings m_settings;
    int m_smtpPort = 0;
};

// A self-signed certificate for cn whose RSA key is encrypted (PKCS#8) with passphrase, made
// by openssl; false with *error if openssl failed.
bool makeEncryptedCertificate(const QString &certificatePath, const QString &keyPath,
                              const QString &cn, const QString &passphrase, QString *error);

// One SMTP dialogue (EHLO, MAIL, RCPT, DATA, QUIT) over loopback; false with *error when a
// reply is not the expected one. The body grows by about padBytes (lines of 78 bytes).
bool sendMessage(int port, const QString &from, const QString &to, const QString &subject,
                 QString *error, qint64 padBytes = 0);

} // namespace tandem::test
