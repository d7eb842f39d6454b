// A self-signed certificate made in the process with libcrypto (the SMTP service dialog's
// "Make a self-signed certificate"): usable by the engine, its key private from the start.
#include "smtp/tlscontext.h"

#include <QDateTime>
#include <QFile>
#include <QSslCertificate>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace Qt::StringLiterals;
using tandem::smtp::TlsContext;

class TestSelfSigned : public QObject {
    Q_OBJECT
private slots:
    void makesAUsablePair();
    void addressGetsAnIpName();
    void keyOfAnotherPairRefused();
};

void TestSelfSigned::makesAUsablePair()
{
    QTemporaryDir dir;
    const QString cert = dir.filePath(u"new/tls/cert.pem"_s); // folders made as needed
    const QString key = dir.filePath(u"new/tls/key.pem"_s);
    const mode_t old = ::umask(0); // the mode must not depend on the umask
    QString error;
    const bool made = TlsContext::makeSelfSigned(u"mail.example.com"_s, cert, key, &error);
    ::umask(old);
    QVERIFY2(made, qPrintable(error));

    struct stat st {};
    QCOMPARE(::stat(QFile::encodeName(key).constData(), &st), 0);
    QCOMPARE(st.st_mode & 07777, mode_t(0600));

    QVERIFY2(TlsContext::check(cert, key, {}, &error), qPrintable(error));
    TlsContext context(cert, key);
    QVERIFY2(context.load(&error), qPrintable(error));
    QVERIFY(context.isReady());

    const QList<QSslCertificate> chain = QSslCertificate::fromPath(cert);
    QCOMPARE(chain.size(), 1);
    const QSslCertificate &c = chain.first();
    QCOMPARE(c.subjectInfo(QSslCertificate::CommonName), QStringList({u"mail.example.com"_s}));
    QCOMPARE(c.issuerDisplayName(), c.subjectDisplayName());
    QVERIFY(c.subjectAlternativeNames().values(QSsl::DnsEntry).contains(u"mail.example.com"_s));
    const qint64 days = QDateTime::currentDateTimeUtc().daysTo(c.expiryDate());
    QVERIFY2(days >= 824 && days <= 825, qPrintable(QString::number(days)));
    QVERIFY(c.effectiveDate() <= QDateTime::currentDateTimeUtc());
    QVERIFY(c.publicKey().length() >= 2048);
}

void TestSelfSigned::addressGetsAnIpName()
{
    QTemporaryDir dir;
    QString error;
    QVERIFY2(TlsContext::makeSelfSigned(u"192.0.2.25"_s, dir.filePath(u"c.pem"_s),
                                        dir.filePath(u"k.pem"_s), &error),
             qPrintable(error));
    const QSslCertificate c = QSslCertificate::fromPath(dir.filePath(u"c.pem"_s)).value(0);
    QVERIFY(c.subjectAlternativeNames().values(QSsl::IpAddressEntry).contains(u"192.0.2.25"_s));
}

void TestSelfSigned::keyOfAnotherPairRefused()
{
    QTemporaryDir dir;
    QString error;
    QVERIFY(TlsContext::makeSelfSigned(u"a.example"_s, dir.filePath(u"a.pem"_s),
                                       dir.filePath(u"a.key"_s), &error));
    QVERIFY(TlsContext::makeSelfSigned(u"b.example"_s, dir.filePath(u"b.pem"_s),
                                       dir.filePath(u"b.key"_s), &error));
    QVERIFY(!TlsContext::check(dir.filePath(u"a.pem"_s), dir.filePath(u"b.key"_s), {}, &error));
    QVERIFY2(error.contains(u"does not match"_s), qPrintable(error));
}

QTEST_GUILESS_MAIN(TestSelfSigned)
#include "tst_selfsigned.moc"
