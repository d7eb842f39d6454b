#pragma once

#include <QByteArray>
#include <QString>

// Password hashes as stored in mailboxes.users[].password:
// "pbkdf2-sha256$<iterations>$<salt, base64>$<key, base64>" (PBKDF2 via QPasswordDigestor).
namespace tandem::passwords {

constexpr int kDefaultIterations = 210000; // OWASP's 2023 figure for PBKDF2-HMAC-SHA256

QString hash(const QByteArray &password, int iterations = kDefaultIterations);
bool verify(const QByteArray &password, const QString &stored);
bool isWellFormed(const QString &stored);

} // namespace tandem::passwords
