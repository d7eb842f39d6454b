#include "tlscontext.h"

#include "util/log.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QFileSystemWatcher>
#include <QProcess>
#include <QSslCertificate>
#include <QSslKey>
#include <QTimer>

#include "util/fsutil.h"

#include <QHostAddress>

#include <openssl/bn.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <memory>

#include <algorithm>
#include <cstring>

using namespace Qt::StringLiterals;

namespace tandem::smtp {

TlsContext::TlsContext(const QString &certificatePath, const QString &keyPath,
                       const QString &keyPassphrase, QObject *parent)
    : QObject(parent)
    , m_certificatePath(certificatePath)
    , m_keyPath(keyPath)
    , m_keyPassphrase(keyPassphrase.toUtf8())
    , m_watcher(new QFileSystemWatcher(this))
    , m_settle(new QTimer(this))
{
    // Changes settle for a moment (a tool writes the certificate, then the key) before a reload.
    m_settle->setSingleShot(true);
    m_settle->setInterval(300);
    connect(m_settle, &QTimer::timeout, this, &TlsContext::reloadIfChanged);
    connect(m_watcher, &QFileSystemWatcher::fileChanged, m_settle, qOverload<>(&QTimer::start));
    // Renewal tools often replace the file (a new inode): watch the folder as well.
    connect(m_watcher, &QFileSystemWatcher::directoryChanged, m_settle,
            qOverload<>(&QTimer::start));
}

namespace {

// TLS 1.2 with forward secrecy and AEAD only: ECDHE key exchange with AES-GCM or
// ChaCha20-Poly1305 (no RSA key exchange, CBC, SHA-1 or PSK). TLS 1.3's suites all are, and
// stay OpenSSL's: this list does not name them.
const QString kTls12Ciphers = u"ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:"
                              "ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384:"
                              "ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305"_s;

// Hands OpenSSL the passphrase; without this callback it would ask on the terminal.
int passphraseCallback(char *buffer, int size, int, void *passphrase)
{
    const QByteArray &p = *static_cast<const QByteArray *>(passphrase);
    const int n = int(std::min<qsizetype>(p.size(), size));
    std::memcpy(buffer, p.constData(), size_t(n));
    return n;
}

// Whether the key is the certificate's: OpenSSL compares the public halves. Qt has no way to
// take the public key out of a private one, and finds a stranger only at the first handshake.
bool keyMatches(const QSslCertificate &certificate, const QByteArray &keyPem, QByteArray passphrase)
{
    const QByteArray certificatePem = certificate.toPem();
    BIO *certificateBio = BIO_new_mem_buf(certificatePem.constData(), int(certificatePem.size()));
    X509 *x509 = PEM_read_bio_X509(certificateBio, nullptr, nullptr, nullptr);
    BIO *keyBio = BIO_new_mem_buf(keyPem.constData(), int(keyPem.size()));
    EVP_PKEY *key = PEM_read_bio_PrivateKey(keyBio, nullptr, passphraseCallback, &passphrase);
    const bool matches = x509 && key && X509_check_private_key(x509, key) == 1;
    EVP_PKEY_free(key);
    BIO_free(keyBio);
    X509_free(x509);
    BIO_free(certificateBio);
    // Qt reads this thread's OpenSSL error queue after its own calls: leave nothing in it.
    ERR_clear_error();
    return matches;
}

} // namespace

bool TlsContext::readPair(const QString &certificatePath, const QString &keyPath,
                          const QByteArray &keyPassphrase, QList<QSslCertificate> *chain,
                          QSslKey *key, QString *error)
{
    QFile certFile(certificatePath);
    if (!certFile.open(QIODevice::ReadOnly)) {
        *error = u"smtp.tls.certificate: cannot read %1: %2"_s.arg(certificatePath,
                                                                   certFile.errorString());
        return false;
    }
    *chain = QSslCertificate::fromData(certFile.readAll(), QSsl::Pem);
    if (chain->isEmpty()) {
        *error = u"smtp.tls.certificate: %1 holds no PEM certificate"_s.arg(certificatePath);
        return false;
    }
    QFile keyFile(keyPath);
    if (!keyFile.open(QIODevice::ReadOnly)) {
        *error = u"smtp.tls.key: cannot read %1: %2"_s.arg(keyPath, keyFile.errorString());
        return false;
    }
    const QByteArray keyPem = keyFile.readAll();
    // PKCS#8 (openssl genpkey/genrsa -aes256, pkcs8 -topk8) or traditional PEM encryption.
    const bool encrypted = keyPem.contains("-----BEGIN ENCRYPTED PRIVATE KEY-----") ||
                           keyPem.contains("Proc-Type: 4,ENCRYPTED");
    if (encrypted && keyPassphrase.isEmpty()) {
        // Not handed to OpenSSL without a passphrase: it could ask for one on the terminal.
        *error = u"smtp.tls.key: %1 is encrypted: give its passphrase (tls_key_passphrase in "
                 "server.secrets_file, or the console's keychain)"_s.arg(keyPath);
        return false;
    }
    *key = QSslKey(keyPem, QSsl::Rsa, QSsl::Pem, QSsl::PrivateKey, keyPassphrase);
    if (key->isNull())
        *key = QSslKey(keyPem, QSsl::Ec, QSsl::Pem, QSsl::PrivateKey, keyPassphrase);
    if (key->isNull()) {
        *error = encrypted ? u"smtp.tls.key: the passphrase does not open %1"_s.arg(keyPath)
                           : u"smtp.tls.key: %1 holds no PEM RSA or EC private key"_s.arg(keyPath);
        return false;
    }
    if (!keyMatches(chain->first(), keyPem, keyPassphrase)) {
        *error = u"smtp.tls.key: %1 does not match the certificate smtp.tls.certificate (%2)"_s.arg(
            keyPath, certificatePath);
        return false;
    }
    return true;
}

bool TlsContext::check(const QString &certificatePath, const QString &keyPath,
                       const QString &keyPassphrase, QString *error)
{
    QList<QSslCertificate> chain;
    QSslKey key;
    return readPair(certificatePath, keyPath, keyPassphrase.toUtf8(), &chain, &key, error);
}

bool TlsContext::load(QString *error)
{
    QList<QSslCertificate> chain;
    QSslKey key;
    if (!readPair(m_certificatePath, m_keyPath, m_keyPassphrase, &chain, &key, error))
        return false;
    QSslConfiguration c = QSslConfiguration::defaultConfiguration();
    c.setProtocol(QSsl::TlsV1_2OrLater);
    c.setCiphers(kTls12Ciphers);
    c.setLocalCertificateChain(chain);
    c.setPrivateKey(key);
    c.setPeerVerifyMode(QSslSocket::VerifyNone);
    m_configuration = c;
    m_certificateTime = QFileInfo(m_certificatePath).lastModified();
    m_keyTime = QFileInfo(m_keyPath).lastModified();
    for (const QString &path : {m_certificatePath, m_keyPath}) {
        if (!m_watcher->files().contains(path))
            m_watcher->addPath(path);
        const QString dir = QFileInfo(path).absolutePath();
        if (!m_watcher->directories().contains(dir))
            m_watcher->addPath(dir);
    }
    return true;
}

QSslConfiguration TlsContext::configuration()
{
    reloadIfChanged(); // cheap: two stat calls; covers file systems without notifications
    return m_configuration;
}

void TlsContext::reloadIfChanged()
{
    if (QFileInfo(m_certificatePath).lastModified() == m_certificateTime &&
        QFileInfo(m_keyPath).lastModified() == m_keyTime)
        return;
    const QSslConfiguration previous = m_configuration;
    QString error;
    if (load(&error)) {
        log::info(u"tls"_s,
                  u"certificate reloaded from %1 (%2)"_s.arg(
                      m_certificatePath, m_configuration.localCertificate().subjectDisplayName()));
    } else {
        // Kept, and tried again next time: the files may be half written (a renewal tool
        // truncates, then writes). The error is logged once, not once per connection.
        m_configuration = previous;
        if (error != m_lastError)
            log::error(u"tls"_s, u"certificate not reloaded, keeping the previous one: "_s + error);
    }
    m_lastError = error;
}

bool TlsContext::prepareSelfSigned(const QString &certificatePath, const QString &keyPath,
                                   QString *error)
{
    for (const QString &path : {certificatePath, keyPath}) {
        if (!QDir().mkpath(QFileInfo(path).absolutePath())) {
            *error = u"cannot create the folder of %1"_s.arg(path);
            return false;
        }
    }
    return true;
}

QStringList TlsContext::selfSignedArguments(const QString &hostname, const QString &certificatePath,
                                            const QString &keyPath)
{
    return {u"req"_s,     u"-x509"_s,
            u"-newkey"_s, u"rsa:2048"_s,
            u"-nodes"_s,  u"-sha256"_s,
            u"-days"_s,   u"825"_s,
            u"-subj"_s,   u"/CN="_s + hostname,
            u"-addext"_s, u"subjectAltName=DNS:"_s + hostname,
            u"-keyout"_s, keyPath,
            u"-out"_s,    certificatePath};
}

void TlsContext::finishSelfSigned(const QString &keyPath)
{
    QFile::setPermissions(keyPath, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
}

bool TlsContext::generateSelfSigned(const QString &hostname, const QString &certificatePath,
                                    const QString &keyPath, QString *error)
{
    if (!prepareSelfSigned(certificatePath, keyPath, error))
        return false;
    QProcess openssl;
    openssl.setProcessChannelMode(QProcess::MergedChannels);
    openssl.start(u"openssl"_s, selfSignedArguments(hostname, certificatePath, keyPath));
    if (!openssl.waitForFinished(60000) || openssl.exitStatus() != QProcess::NormalExit ||
        openssl.exitCode() != 0) {
        *error = u"openssl failed: %1 %2"_s.arg(openssl.errorString(),
                                                QString::fromLocal8Bit(openssl.readAll()));
        return false;
    }
    finishSelfSigned(keyPath);
    return true;
}

namespace {

template <typename T, void (*Free)(T *)> struct Freer {
    void operator()(T *p) const { Free(p); }
};
template <typename T, void (*Free)(T *)> using Owned = std::unique_ptr<T, Freer<T, Free>>;

// OpenSSL's last error as text, and its queue left empty for Qt.
QString sslError(const char *what)
{
    char text[256] = {};
    ERR_error_string_n(ERR_get_error(), text, sizeof text);
    ERR_clear_error();
    return u"%1: %2"_s.arg(QString::fromLatin1(what), QString::fromLatin1(text));
}

QByteArray bioBytes(BIO *bio)
{
    char *data = nullptr;
    const long size = BIO_get_mem_data(bio, &data);
    return QByteArray(data, qsizetype(size));
}

bool addExtension(X509 *certificate, int nid, const QByteArray &value)
{
    X509V3_CTX context;
    X509V3_set_ctx_nodb(&context);
    X509V3_set_ctx(&context, certificate, certificate, nullptr, nullptr, 0);
    Owned<X509_EXTENSION, X509_EXTENSION_free> extension(
        X509V3_EXT_conf_nid(nullptr, &context, nid, value.constData()));
    return extension && X509_add_ext(certificate, extension.get(), -1) == 1;
}

} // namespace

bool TlsContext::makeSelfSigned(const QString &hostname, const QString &certificatePath,
                                const QString &keyPath, QString *error)
{
    if (!prepareSelfSigned(certificatePath, keyPath, error))
        return false;
    Owned<EVP_PKEY, EVP_PKEY_free> key(EVP_RSA_gen(2048));
    if (!key) {
        *error = sslError("cannot make an RSA key");
        return false;
    }
    Owned<X509, X509_free> certificate(X509_new());
    Owned<BIGNUM, BN_free> serial(BN_new());
    const QByteArray host = hostname.toUtf8();
    const bool isAddress = !QHostAddress(hostname).isNull();
    const QByteArray altName = (isAddress ? "IP:" : "DNS:") + host;
    X509_NAME *name = certificate ? X509_get_subject_name(certificate.get()) : nullptr;
    const bool made =
        certificate && serial && name && X509_set_version(certificate.get(), 2) == 1 &&
        BN_rand(serial.get(), 127, BN_RAND_TOP_ANY, BN_RAND_BOTTOM_ANY) == 1 &&
        BN_to_ASN1_INTEGER(serial.get(), X509_get_serialNumber(certificate.get())) &&
        X509_gmtime_adj(X509_getm_notBefore(certificate.get()), -3600) &&
        X509_gmtime_adj(X509_getm_notAfter(certificate.get()), 825L * 24 * 3600) &&
        X509_set_pubkey(certificate.get(), key.get()) == 1 &&
        X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8,
                                   reinterpret_cast<const unsigned char *>(host.constData()), -1,
                                   -1, 0) == 1 &&
        X509_set_issuer_name(certificate.get(), name) == 1 &&
        addExtension(certificate.get(), NID_subject_alt_name, altName) &&
        addExtension(certificate.get(), NID_basic_constraints, "critical,CA:FALSE") &&
        addExtension(certificate.get(), NID_key_usage,
                     "critical,digitalSignature,keyEncipherment") &&
        addExtension(certificate.get(), NID_ext_key_usage, "serverAuth") &&
        addExtension(certificate.get(), NID_subject_key_identifier, "hash") &&
        X509_sign(certificate.get(), key.get(), EVP_sha256()) > 0;
    if (!made) {
        *error = sslError("cannot make the certificate");
        return false;
    }
    Owned<BIO, BIO_free_all> keyBio(BIO_new(BIO_s_mem()));
    Owned<BIO, BIO_free_all> certificateBio(BIO_new(BIO_s_mem()));
    if (!keyBio || !certificateBio ||
        PEM_write_bio_PrivateKey(keyBio.get(), key.get(), nullptr, nullptr, 0, nullptr, nullptr) !=
            1 ||
        PEM_write_bio_X509(certificateBio.get(), certificate.get()) != 1) {
        *error = sslError("cannot write PEM");
        return false;
    }
    ERR_clear_error();
    return fsutil::writeDurably(keyPath, bioBytes(keyBio.get()), error, true, 0600) &&
           fsutil::writeDurably(certificatePath, bioBytes(certificateBio.get()), error, true, 0644);
}

} // namespace tandem::smtp
