#include "passwords.h"

#include <QCryptographicHash>
#include <QPasswordDigestor>
#include <QRandomGenerator>
#include <QStringList>

using namespace Qt::StringLiterals;

namespace tandem::passwords {

namespace {

constexpr int kKeyBytes = 32;
constexpr int kSaltBytes = 16;
constexpr int kMinIterations = 100000;

struct Parsed {
    int iterations = 0;
    QByteArray salt;
    QByteArray key;
};

bool parse(const QString &stored, Parsed *out)
{
    const QStringList parts = stored.split(u'$');
    if (parts.size() != 4 || parts.at(0) != u"pbkdf2-sha256"_s)
        return false;
    bool ok = false;
    out->iterations = parts.at(1).toInt(&ok);
    if (!ok || out->iterations < kMinIterations || out->iterations > 100000000)
        return false;
    const auto salt = QByteArray::fromBase64Encoding(parts.at(2).toLatin1(),
                                                     QByteArray::AbortOnBase64DecodingErrors);
    const auto key = QByteArray::fromBase64Encoding(parts.at(3).toLatin1(),
                                                    QByteArray::AbortOnBase64DecodingErrors);
    if (!salt || !key || salt.decoded.size() < 8 || key.decoded.size() != kKeyBytes)
        return false;
    out->salt = salt.decoded;
    out->key = key.decoded;
    return true;
}

QByteArray derive(const QByteArray &password, const QByteArray &salt, int iterations)
{
    return QPasswordDigestor::deriveKeyPbkdf2(QCryptographicHash::Sha256, password, salt,
                                              iterations, kKeyBytes);
}

} // namespace

QString hash(const QByteArray &password, int iterations)
{
    QByteArray salt(kSaltBytes, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(salt.data()),
                                          kSaltBytes / int(sizeof(quint32)));
    const QByteArray key = derive(password, salt, iterations);
    return u"pbkdf2-sha256$%1$%2$%3"_s.arg(iterations)
        .arg(QString::fromLatin1(salt.toBase64()), QString::fromLatin1(key.toBase64()));
}

bool verify(const QByteArray &password, const QString &stored)
{
    Parsed p;
    if (!parse(stored, &p))
        return false;
    const QByteArray key = derive(password, p.salt, p.iterations);
    // Constant-time comparison: the time taken must not tell how many bytes matched.
    unsigned char diff = 0;
    for (int i = 0; i < kKeyBytes; ++i)
        diff |= static_cast<unsigned char>(key.at(i) ^ p.key.at(i));
    return diff == 0;
}

bool isWellFormed(const QString &stored)
{
    Parsed p;
    return parse(stored, &p);
}

} // namespace tandem::passwords
