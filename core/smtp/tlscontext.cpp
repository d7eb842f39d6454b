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

#include "libcrypto.h"

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
bool keyMatches(const LibCrypto &c, const QSslCertificate &certificate, const QByteArray &keyPem,
                QByteArray passphrase)
{
    const QByteArray certificatePem = certificate.toPem();
    BIO *certificateBio = c.bioNewMemBuf(certificatePem.constData(), int(certificatePem.size()));
    X509 *x509 = c.pemReadBioX509(certificateBio, nullptr, nullptr, nullptr);
    BIO *keyBio = c.bioNewMemBuf(keyPem.constData(), int(keyPem.size()));
    EVP_PKEY *key = c.pemReadBioPrivateKey(keyBio, nullptr, passphraseCallback, &passphrase);
    const bool matches = x509 && key && c.x509CheckPrivateKey(x509, key) == 1;
    c.evpPkeyFree(key);
    c.bioFree(keyBio);
    c.x509Free(x509);
    c.bioFree(certificateBio);
    // Qt reads this thread's OpenSSL error queue after its own calls: leave nothing in it.
    c.errClearError();
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
    QString why;
    const LibCrypto *crypto = libCrypto(&why);
    if (!crypto) {
        *error = u"smtp.tls.key: cannot check that %1 belongs to the certificate: %2"_s.arg(keyPath,
                                                                                            why);
        return false;
    }
    if (!keyMatches(*crypto, chain->first(), keyPem, keyPassphrase)) {
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

// An OpenSSL object freed by the library's function for it.
template <typename T> using Owned = std::unique_ptr<T, void (*)(T *)>;

// OpenSSL's last error as text, and its queue left empty for Qt.
QString sslError(const LibCrypto &c, const char *what)
{
    char text[256] = {};
    c.errErrorStringN(c.errGetError(), text, sizeof text);
    c.errClearError();
    return u"%1: %2"_s.arg(QString::fromLatin1(what), QString::fromLatin1(text));
}

QByteArray bioBytes(const LibCrypto &c, BIO *bio)
{
    char *data = nullptr;
    const long size = c.bioCtrl(bio, BIO_CTRL_INFO, 0, &data); // BIO_get_mem_data
    return QByteArray(data, qsizetype(size));
}

bool addExtension(const LibCrypto &c, X509 *certificate, int nid, const QByteArray &value)
{
    X509V3_CTX context;
    X509V3_set_ctx_nodb(&context);
    c.x509v3SetCtx(&context, certificate, certificate, nullptr, nullptr, 0);
    Owned<X509_EXTENSION> extension(c.x509v3ExtConfNid(nullptr, &context, nid, value.constData()),
                                    c.x509ExtensionFree);
    return extension && c.x509AddExt(certificate, extension.get(), -1) == 1;
}

} // namespace

bool TlsContext::makeSelfSigned(const QString &hostname, const QString &certificatePath,
                                const QString &keyPath, QString *error)
{
    if (!prepareSelfSigned(certificatePath, keyPath, error))
        return false;
    const LibCrypto *crypto = libCrypto(error);
    if (!crypto)
        return false;
    const LibCrypto &c = *crypto;
    Owned<EVP_PKEY> key(c.evpPkeyQKeygen(nullptr, nullptr, "RSA", size_t(2048)), c.evpPkeyFree);
    if (!key) {
        *error = sslError(c, "cannot make an RSA key");
        return false;
    }
    Owned<X509> certificate(c.x509New(), c.x509Free);
    Owned<BIGNUM> serial(c.bnNew(), c.bnFree);
    const QByteArray host = hostname.toUtf8();
    const bool isAddress = !QHostAddress(hostname).isNull();
    const QByteArray altName = (isAddress ? "IP:" : "DNS:") + host;
    X509 *x509 = certificate.get();
    X509_NAME *name = x509 ? c.x509GetSubjectName(x509) : nullptr;
    const bool made =
        x509 && serial && name && c.x509SetVersion(x509, 2) == 1 &&
        c.bnRand(serial.get(), 127, BN_RAND_TOP_ANY, BN_RAND_BOTTOM_ANY) == 1 &&
        c.bnToAsn1Integer(serial.get(), c.x509GetSerialNumber(x509)) &&
        c.x509GmtimeAdj(c.x509GetmNotBefore(x509), -3600) &&
        c.x509GmtimeAdj(c.x509GetmNotAfter(x509), 825L * 24 * 3600) &&
        c.x509SetPubkey(x509, key.get()) == 1 &&
        c.x509NameAddEntryByTxt(name, "CN", MBSTRING_UTF8,
                                reinterpret_cast<const unsigned char *>(host.constData()), -1, -1,
                                0) == 1 &&
        c.x509SetIssuerName(x509, name) == 1 &&
        addExtension(c, x509, NID_subject_alt_name, altName) &&
        addExtension(c, x509, NID_basic_constraints, "critical,CA:FALSE") &&
        addExtension(c, x509, NID_key_usage, "critical,digitalSignature,keyEncipherment") &&
        addExtension(c, x509, NID_ext_key_usage, "serverAuth") &&
        addExtension(c, x509, NID_subject_key_identifier, "hash") &&
        c.x509Sign(x509, key.get(), c.evpSha256()) > 0;
    if (!made) {
        *error = sslError(c, "cannot make the certificate");
        return false;
    }
    Owned<BIO> keyBio(c.bioNew(c.bioSMem()), c.bioFreeAll);
    Owned<BIO> certificateBio(c.bioNew(c.bioSMem()), c.bioFreeAll);
    if (!keyBio || !certificateBio ||
        c.pemWriteBioPrivateKey(keyBio.get(), key.get(), nullptr, nullptr, 0, nullptr, nullptr) !=
            1 ||
        c.pemWriteBioX509(certificateBio.get(), x509) != 1) {
        *error = sslError(c, "cannot write PEM");
        return false;
    }
    c.errClearError();
    return fsutil::writeDurably(keyPath, bioBytes(c, keyBio.get()), error, true, 0600) &&
           fsutil::writeDurably(certificatePath, bioBytes(c, certificateBio.get()), error, true,
                                0644);
}

} // namespace tandem::smtp
