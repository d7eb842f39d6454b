#pragma once

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QString>

class QFileSystemWatcher;
class QTimer;

// The server's TLS settings (RFC 3207 STARTTLS, RFC 8314 implicit TLS): the certificate and
// key of smtp.tls, TLS 1.2 or newer only (1.2 with forward secret AEAD suites only), reloaded
// when the files change so a renewed certificate needs no restart. A reload that fails keeps
// the previous, working pair; so does a key that is not the certificate's (half a renewal),
// with which every handshake would fail. The key may be encrypted (PKCS#8 "ENCRYPTED PRIVATE
// KEY", or a traditional "Proc-Type: 4,ENCRYPTED" RSA or EC key): keyPassphrase opens it,
// from the console's keychain or tandemd's server.secrets_file (tls_key_passphrase); it is
// ignored for a key that is not encrypted.
namespace tandem::smtp {

class TlsContext : public QObject {
    Q_OBJECT
public:
    TlsContext(const QString &certificatePath, const QString &keyPath,
               const QString &keyPassphrase = {}, QObject *parent = nullptr);

    bool load(QString *error);
    // Reads the pair as load() does, and keeps nothing (tandemd --check): the certificate,
    // the key (opened with keyPassphrase when encrypted), and that the key is the
    // certificate's.
    static bool check(const QString &certificatePath, const QString &keyPath,
                      const QString &keyPassphrase, QString *error);
    bool isReady() const { return !m_configuration.localCertificate().isNull(); }
    QSslConfiguration configuration();

    // Makes a self-signed certificate for hostname with openssl, waiting for it (tandemd
    // --generate-certificate); the key file is written with mode 0600. The console's wizard
    // runs the same steps without waiting: prepareSelfSigned(), openssl with
    // selfSignedArguments(), finishSelfSigned().
    static bool prepareSelfSigned(const QString &certificatePath, const QString &keyPath,
                                  QString *error);
    static QStringList selfSignedArguments(const QString &hostname, const QString &certificatePath,
                                           const QString &keyPath);
    static void finishSelfSigned(const QString &keyPath);
    static bool generateSelfSigned(const QString &hostname, const QString &certificatePath,
                                   const QString &keyPath, QString *error);
    // The same pair made in this process with libcrypto, no openssl program needed: an RSA
    // 2048 key and a SHA-256 certificate for hostname (subjectAltName, serverAuth), valid 825
    // days. The key file is written with mode 0600 from its first byte; the folders are made.
    static bool makeSelfSigned(const QString &hostname, const QString &certificatePath,
                               const QString &keyPath, QString *error);

private:
    static bool readPair(const QString &certificatePath, const QString &keyPath,
                         const QByteArray &keyPassphrase, QList<QSslCertificate> *chain,
                         QSslKey *key, QString *error);
    void reloadIfChanged();

    QString m_certificatePath;
    QString m_keyPath;
    QByteArray m_keyPassphrase;
    QDateTime m_certificateTime;
    QDateTime m_keyTime;
    QSslConfiguration m_configuration;
    QFileSystemWatcher *m_watcher;
    QTimer *m_settle;
    QString m_lastError;
};

} // namespace tandem::smtp
