// The role wizard, driven page by page as an administrator would: it produces exactly
// applyRole()'s settings for each role, which detectRole() recognises, and refuses bad input
// on the page where it was typed. With TANDEM_SCREENSHOTS_DIR set it also renders every page.
#include "config/passwords.h"
#include "config/roles.h"
#include "config/settings.h"
#include "language.h"
#include "queuefixture.h"
#include "rolewizard.h"
#include "secrets.h"
#include "smtp/tlscontext.h"
#include "threadwarnings.h"

#include <QAbstractButton>
#include <QComboBox>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHostAddress>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QMap>
#include <QPlainTextEdit>
#include <QRadioButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

#include <optional>

using namespace Qt::StringLiterals;
using namespace tandem::config;
using tandem::ui::RoleWizard;

namespace {

QByteArray json(const Settings &s)
{
    return QJsonDocument(toJson(s)).toJson(QJsonDocument::Indented);
}

template <typename T> T *child(QWidget &w, const QString &name)
{
    T *found = w.findChild<T *>(name);
    if (!found)
        qFatal("no widget named %s", qPrintable(name));
    return found;
}

// Types like a person does: select all, then the new text.
void type(QWidget &w, const QString &name, const QString &text)
{
    auto *edit = child<QLineEdit>(w, name);
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Delete);
    QTest::keyClicks(edit, text);
    QCOMPARE(edit->text(), text);
}

void click(QWidget &w, const QString &name)
{
    auto *button = child<QAbstractButton>(w, name);
    QTest::mouseClick(button, Qt::LeftButton, {}, QPoint(8, button->height() / 2));
    QVERIFY(!button->isCheckable() || button->isChecked());
}

QString errorText(QWidget &w, const QString &name)
{
    auto *label = child<QLabel>(w, name);
    return label->isVisible() ? label->text() : QString();
}

} // namespace

class TestWizard : public QObject {
    Q_OBJECT
private slots:
    void init();
    void mailbox();
    void archive();
    void refusesEmptyDomain();
    void refusesBadPort();
    void existingCertificate();
    void encryptedKey();
    void mailboxWithoutCertificateRefused();
    void defaultsPairUp();
    void usersPage();
    void submissionFollowsSmtpAddress();
    void tabOrder();
    void screenshots();

private:
    Settings base() const;
    QString configPath() const { return m_dir->filePath(u"tandem.json"_s); }
    void save(RoleWizard &wizard, const QString &name);

    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestWizard::init()
{
    tandem::test::failOnThreadWarnings();
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

Settings TestWizard::base() const
{
    const LoadResult loaded = parse(defaultConfigJson(), m_dir->path());
    if (!loaded.ok())
        qFatal("default configuration does not load");
    return loaded.settings;
}

void TestWizard::mailbox()
{
    const Settings start = base();
    RoleWizard wizard(start, configPath());
    wizard.show();
    QVERIFY(QTest::qWaitForWindowExposed(&wizard));
    QCOMPARE(wizard.currentId(), int(RoleWizard::RolePageId));
    click(wizard, u"roleMailboxRadio"_s);
    wizard.next();

    QCOMPARE(wizard.currentId(), int(RoleWizard::DomainPageId));
    type(wizard, u"domainEdit"_s, u"example.net"_s);
    type(wizard, u"localDomainsEdit"_s, u"example.org, example.info"_s);
    type(wizard, u"hostnameEdit"_s, u"mx.example.net"_s);
    wizard.next();

    QCOMPARE(wizard.currentId(), int(RoleWizard::PartnerPageId));
    QVERIFY(!child<QWidget>(wizard, u"useDnsRadio"_s)->isVisible()); // Archive-only options
    type(wizard, u"partnerHostEdit"_s, u"archive.example.net"_s);
    type(wizard, u"partnerPortEdit"_s, u"3525"_s);
    wizard.next();

    QCOMPARE(wizard.currentId(), int(RoleWizard::ListenersPageId));
    QVERIFY(child<QWidget>(wizard, u"submissionPortEdit"_s)->isVisible());
    type(wizard, u"smtpAddressEdit"_s, u"127.0.0.1"_s);
    type(wizard, u"smtpPortEdit"_s, u"2525"_s);
    type(wizard, u"submissionAddressEdit"_s, u"127.0.0.1"_s);
    type(wizard, u"submissionPortEdit"_s, u"2587"_s);
    type(wizard, u"lanNetworksEdit"_s, u"192.168.7.0/24, 127.0.0.1/32"_s);
    wizard.next();

    QCOMPARE(wizard.currentId(), int(RoleWizard::CertificatePageId));
    click(wizard, u"certGenerateRadio"_s);
    // Next starts openssl and waits without holding the window: the page says what it does,
    // Next is off meanwhile, and the wizard goes on by itself when the files are there.
    wizard.next();
    QCOMPARE(wizard.currentId(), int(RoleWizard::CertificatePageId));
    auto *progress = wizard.findChild<QLabel *>(u"certificateProgress"_s);
    QVERIFY(progress);
    QVERIFY(progress->isVisible());
    QVERIFY2(progress->text().contains(u"mx.example.net"_s), qPrintable(progress->text()));
    QVERIFY(!wizard.button(QWizard::NextButton)->isEnabled());
    wizard.next(); // a second press changes nothing
    QTRY_COMPARE_WITH_TIMEOUT(wizard.currentId(), int(RoleWizard::UsersPageId), 60000);
    QVERIFY(progress->isHidden());
    // Back and on again: the certificate made for this host name is kept, not made again.
    const QDateTime made = QFileInfo(m_dir->filePath(u"tls/cert.pem"_s)).lastModified();
    wizard.back();
    wizard.next();
    QCOMPARE(wizard.currentId(), int(RoleWizard::UsersPageId));
    wizard.next(); // the users the file has already are kept
    QCOMPARE(wizard.currentId(), int(RoleWizard::SummaryPageId));
    QCOMPARE(QFileInfo(m_dir->filePath(u"tls/cert.pem"_s)).lastModified(), made);
    QVERIFY(QFile::exists(m_dir->filePath(u"tls/cert.pem"_s)));
    QVERIFY(QFile::exists(m_dir->filePath(u"tls/key.pem"_s)));
    QCOMPARE(QFile::permissions(m_dir->filePath(u"tls/key.pem"_s)) & 0x0077, 0);

    const QString summary = child<QPlainTextEdit>(wizard, u"summaryText"_s)->toPlainText();
    QVERIFY(summary.contains(u"Passthrough › Copy all mail for local domains to Outbox: on"_s));
    QVERIFY(summary.contains(u"Outgoing Mail › static route * → archive.example.net port 3525"_s));
    QVERIFY(wizard.button(QWizard::FinishButton)->isEnabled());
    wizard.button(QWizard::FinishButton)->click();
    QCOMPARE(wizard.result(), int(QDialog::Accepted));

    RoleChoice expected;
    expected.role = Role::Mailbox;
    expected.domain = u"example.net"_s;
    expected.localDomains = {u"example.org"_s, u"example.info"_s};
    expected.hostname = u"mx.example.net"_s;
    expected.partnerHost = u"archive.example.net"_s;
    expected.partnerPort = 3525;
    expected.lanNetworks = {u"192.168.7.0/24"_s, u"127.0.0.1/32"_s};
    expected.listeners = {Listener{u"127.0.0.1"_s, 2525, ListenerMode::Smtp},
                          Listener{u"127.0.0.1"_s, 2587, ListenerMode::Submission}};
    expected.tlsCertificate = u"tls/cert.pem"_s;
    expected.tlsKey = u"tls/key.pem"_s;
    const Settings result = wizard.settings();
    QCOMPARE(json(result), json(applyRole(start, expected)));
    QCOMPARE(detectRole(result), std::optional<Role>(Role::Mailbox));
    QVERIFY(result.server.role == Role::Mailbox);
    const LoadResult reloaded = parse(json(result), m_dir->path());
    QVERIFY2(reloaded.ok(), qPrintable(reloaded.errors.join(u"; "_s)));
    QCOMPARE(json(reloaded.settings), json(result));
    // The generated certificate is one the engine can load.
    tandem::smtp::TlsContext tls(result.resolvePath(result.smtp.tlsCertificate),
                                 result.resolvePath(result.smtp.tlsKey));
    QString error;
    QVERIFY2(tls.load(&error), qPrintable(error));
}

void TestWizard::archive()
{
    const Settings start = base(); // a Mailbox to begin with: the wizard turns it around
    RoleWizard wizard(start, configPath());
    wizard.show();
    QVERIFY(QTest::qWaitForWindowExposed(&wizard));
    click(wizard, u"roleArchiveRadio"_s);
    wizard.next();

    // The host name suggestion follows the role.
    QCOMPARE(child<QLineEdit>(wizard, u"hostnameEdit"_s)->text(), u"archive.example.com"_s);
    type(wizard, u"domainEdit"_s, u"example.net"_s);
    type(wizard, u"localDomainsEdit"_s, QString());
    type(wizard, u"hostnameEdit"_s, u"archive.example.net"_s);
    wizard.next();

    QCOMPARE(wizard.currentId(), int(RoleWizard::PartnerPageId));
    QVERIFY(child<QWidget>(wizard, u"useDnsRadio"_s)->isVisible());
    type(wizard, u"partnerHostEdit"_s, u"mailbox.example.net"_s); // must be an address
    wizard.next();
    QCOMPARE(wizard.currentId(), int(RoleWizard::PartnerPageId));
    QVERIFY(errorText(wizard, u"partnerErrorLabel"_s).contains(u"not an IP address"_s));
    type(wizard, u"partnerHostEdit"_s, u"192.168.7.10"_s);
    type(wizard, u"partnerPortEdit"_s, u"2525"_s);
    click(wizard, u"staticRouteRadio"_s);
    type(wizard, u"smarthostHostEdit"_s, u"smtp.isp.test"_s);
    type(wizard, u"smarthostPortEdit"_s, u"587"_s);
    QVERIFY(errorText(wizard, u"partnerErrorLabel"_s).isEmpty());
    wizard.next();

    QCOMPARE(wizard.currentId(), int(RoleWizard::ListenersPageId));
    QVERIFY(!child<QWidget>(wizard, u"submissionPortEdit"_s)->isVisible());
    type(wizard, u"smtpAddressEdit"_s, u"0.0.0.0"_s);
    type(wizard, u"smtpPortEdit"_s, u"3525"_s);
    type(wizard, u"lanNetworksEdit"_s, u"127.0.0.1/32"_s);
    wizard.next();

    QCOMPARE(wizard.currentId(), int(RoleWizard::CertificatePageId));
    click(wizard, u"certNoneRadio"_s);
    wizard.next();
    QCOMPARE(wizard.currentId(), int(RoleWizard::SummaryPageId));
    QVERIFY(!QFile::exists(m_dir->filePath(u"tls/cert.pem"_s)));
    const QString summary = child<QPlainTextEdit>(wizard, u"summaryText"_s)->toPlainText();
    QVERIFY(summary.contains(u"Relaying › allowed networks: 192.168.7.10/32, 127.0.0.1/32"_s));
    QVERIFY(summary.contains(u"Undelivered Mail › action: Create mailbox and store"_s));
    wizard.button(QWizard::FinishButton)->click();
    QCOMPARE(wizard.result(), int(QDialog::Accepted));

    RoleChoice expected;
    expected.role = Role::Archive;
    expected.domain = u"example.net"_s;
    expected.hostname = u"archive.example.net"_s;
    expected.partnerHost = u"192.168.7.10"_s;
    expected.partnerPort = 2525;
    expected.lanNetworks = {u"127.0.0.1/32"_s};
    expected.listeners = {Listener{u"0.0.0.0"_s, 3525, ListenerMode::Smtp}};
    expected.useDns = false;
    expected.smarthostHost = u"smtp.isp.test"_s;
    expected.smarthostPort = 587;
    const Settings result = wizard.settings();
    QCOMPARE(json(result), json(applyRole(start, expected)));
    QCOMPARE(detectRole(result), std::optional<Role>(Role::Archive));
    QCOMPARE(result.outgoing.staticRoutes.size(), 1);
    QCOMPARE(result.outgoing.staticRoutes.at(0).domains, QStringList{u"example.net"_s});
    QVERIFY(result.smtp.tlsCertificate.isEmpty());
    QVERIFY(parse(json(result), m_dir->path()).ok());
}

void TestWizard::refusesEmptyDomain()
{
    RoleWizard wizard(base(), configPath());
    wizard.show();
    wizard.next();
    QCOMPARE(wizard.currentId(), int(RoleWizard::DomainPageId));
    type(wizard, u"domainEdit"_s, QString());
    QVERIFY(!wizard.button(QWizard::NextButton)->isEnabled());
    QVERIFY(errorText(wizard, u"domainErrorLabel"_s).contains(u"Enter the domain"_s));
    wizard.next(); // even when called directly, the page refuses
    QCOMPARE(wizard.currentId(), int(RoleWizard::DomainPageId));

    type(wizard, u"domainEdit"_s, u"not a domain"_s);
    QVERIFY(!wizard.button(QWizard::NextButton)->isEnabled());
    QVERIFY(errorText(wizard, u"domainErrorLabel"_s).contains(u"not a domain name"_s));
    wizard.next();
    QCOMPARE(wizard.currentId(), int(RoleWizard::DomainPageId));

    type(wizard, u"domainEdit"_s, u"example.net"_s);
    QVERIFY(wizard.button(QWizard::NextButton)->isEnabled());
    QVERIFY(errorText(wizard, u"domainErrorLabel"_s).isEmpty());
    wizard.next();
    QCOMPARE(wizard.currentId(), int(RoleWizard::PartnerPageId));
}

void TestWizard::refusesBadPort()
{
    RoleWizard wizard(base(), configPath());
    wizard.show();
    wizard.next();
    wizard.next();
    QCOMPARE(wizard.currentId(), int(RoleWizard::PartnerPageId));
    for (const QString &bad : {u"70000"_s, u"abc"_s, u"0"_s, QString()}) {
        type(wizard, u"partnerPortEdit"_s, bad);
        QVERIFY(!wizard.button(QWizard::NextButton)->isEnabled());
        QVERIFY2(errorText(wizard, u"partnerErrorLabel"_s).contains(u"port must be 1-65535"_s),
                 qPrintable(bad));
        wizard.next();
        QCOMPARE(wizard.currentId(), int(RoleWizard::PartnerPageId));
    }
    type(wizard, u"partnerPortEdit"_s, u"3525"_s);
    wizard.next();
    QCOMPARE(wizard.currentId(), int(RoleWizard::ListenersPageId));

    type(wizard, u"submissionPortEdit"_s, u"99999"_s);
    QVERIFY(errorText(wizard, u"listenersErrorLabel"_s).contains(u"port must be 1-65535"_s));
    wizard.next();
    QCOMPARE(wizard.currentId(), int(RoleWizard::ListenersPageId));
    type(wizard, u"submissionPortEdit"_s, u"2525"_s); // the same as SMTP's
    QVERIFY(errorText(wizard, u"listenersErrorLabel"_s).contains(u"used twice"_s));
    wizard.next();
    QCOMPARE(wizard.currentId(), int(RoleWizard::ListenersPageId));
    type(wizard, u"submissionPortEdit"_s, u"2587"_s);
    wizard.next();
    QCOMPARE(wizard.currentId(), int(RoleWizard::CertificatePageId));
}

void TestWizard::existingCertificate()
{
    QString error;
    const QString cert = m_dir->filePath(u"certs/mail.pem"_s);
    const QString key = m_dir->filePath(u"certs/mail.key"_s);
    QVERIFY2(
        tandem::smtp::TlsContext::generateSelfSigned(u"mailbox.example.com"_s, cert, key, &error),
        qPrintable(error));
    RoleWizard wizard(base(), configPath());
    wizard.show();
    for (int i = 0; i < 4; ++i)
        wizard.next();
    QCOMPARE(wizard.currentId(), int(RoleWizard::CertificatePageId));
    click(wizard, u"certExistingRadio"_s);
    QVERIFY(!wizard.button(QWizard::NextButton)->isEnabled()); // no files chosen yet
    type(wizard, u"certFileEdit"_s, u"certs/mail.key"_s);      // the key is not a certificate
    type(wizard, u"keyFileEdit"_s, u"certs/mail.key"_s);
    wizard.next();
    QCOMPARE(wizard.currentId(), int(RoleWizard::CertificatePageId));
    QVERIFY(errorText(wizard, u"certificateErrorLabel"_s).contains(u"not a readable PEM"_s));
    type(wizard, u"certFileEdit"_s, cert); // absolute, inside the folder: stored relative
    wizard.next();
    QCOMPARE(wizard.currentId(), int(RoleWizard::UsersPageId));
    QCOMPARE(wizard.settings().smtp.tlsCertificate, u"certs/mail.pem"_s);
    QCOMPARE(wizard.settings().smtp.tlsKey, u"certs/mail.key"_s);
    QCOMPARE(detectRole(wizard.settings()), std::optional<Role>(Role::Mailbox));
}

// An encrypted key: the page asks for its passphrase, refuses a wrong one, and Finish keeps
// the right one in the keychain (not in the settings' file) before the wizard closes.
void TestWizard::encryptedKey()
{
    const QString cert = m_dir->filePath(u"certs/locked.pem"_s);
    const QString key = m_dir->filePath(u"certs/locked.key"_s);
    QVERIFY(QDir().mkpath(m_dir->filePath(u"certs"_s)));
    QString error;
    QVERIFY2(tandem::test::makeEncryptedCertificate(cert, key, u"mailbox.example.com"_s,
                                                    u"open sesame"_s, &error),
             qPrintable(error));
    QFile keyFile(key);
    QVERIFY(keyFile.open(QIODevice::ReadOnly));
    QVERIFY(keyFile.readAll().contains("ENCRYPTED PRIVATE KEY"));

    RoleWizard wizard(base(), configPath());
    wizard.show();
    for (int i = 0; i < 4; ++i)
        wizard.next();
    QCOMPARE(wizard.currentId(), int(RoleWizard::CertificatePageId));
    click(wizard, u"certExistingRadio"_s);
    type(wizard, u"certFileEdit"_s, cert);
    type(wizard, u"keyFileEdit"_s, key);
    wizard.next();
    QCOMPARE(wizard.currentId(), int(RoleWizard::CertificatePageId));
    QVERIFY2(errorText(wizard, u"certificateErrorLabel"_s).contains(u"enter its passphrase"_s),
             qPrintable(errorText(wizard, u"certificateErrorLabel"_s)));
    type(wizard, u"keyPassphraseEdit"_s, u"open sesame?"_s);
    wizard.next();
    QCOMPARE(wizard.currentId(), int(RoleWizard::CertificatePageId));
    QVERIFY(errorText(wizard, u"certificateErrorLabel"_s).contains(u"does not open"_s));
    type(wizard, u"keyPassphraseEdit"_s, u"open sesame"_s);
    wizard.next();
    QCOMPARE(wizard.currentId(), int(RoleWizard::UsersPageId));
    QCOMPARE(wizard.settings().tlsKeyPassphrase, u"open sesame"_s);
    QVERIFY(!QJsonDocument(tandem::config::toJson(wizard.settings()))
                 .toJson()
                 .contains("open sesame")); // never in the file

    // What the keychain holds now (or what went wrong reading it).
    const auto kept = [this] {
        std::optional<QString> value;
        tandem::ui::Secrets::loadTlsPassphrase(this, [&](const QString &p, const QString &error) {
            value = error.isEmpty() ? p : u"error: "_s + error;
        });
        (void)QTest::qWaitFor([&] { return value.has_value(); }, 10000); // else "no answer"
        return value.value_or(u"no answer"_s);
    };
    QSignalSpy finished(&wizard, &QDialog::finished);
    wizard.accept();
    QVERIFY(finished.wait(10000));
    QCOMPARE(wizard.result(), int(QDialog::Accepted));
    QCOMPARE(kept(), u"open sesame"_s);

    // A wizard that ends with another choice forgets it.
    RoleWizard again(base(), configPath());
    again.show();
    for (int i = 0; i < 4; ++i)
        again.next();
    click(again, u"certGenerateRadio"_s);
    again.next();
    QTRY_COMPARE_WITH_TIMEOUT(again.currentId(), int(RoleWizard::UsersPageId), 60000);
    again.accept();
    QTRY_COMPARE_WITH_TIMEOUT(kept(), QString(), 10000);
}

// AUTH is offered only under TLS: a Mailbox without a certificate would have a submission
// listener nobody could log in to, which the validator refuses; the page says so first.
void TestWizard::mailboxWithoutCertificateRefused()
{
    RoleWizard wizard(base(), configPath());
    wizard.show();
    QVERIFY(QTest::qWaitForWindowExposed(&wizard));
    for (int i = 0; i < 4; ++i)
        wizard.next();
    QCOMPARE(wizard.currentId(), int(RoleWizard::CertificatePageId));
    click(wizard, u"certNoneRadio"_s);
    wizard.next();
    QCOMPARE(wizard.currentId(), int(RoleWizard::CertificatePageId));
    QVERIFY2(errorText(wizard, u"certificateErrorLabel"_s).contains(u"nobody could log in"_s),
             qPrintable(errorText(wizard, u"certificateErrorLabel"_s)));
    QVERIFY(!wizard.button(QWizard::NextButton)->isEnabled());
    // The summary's own check agrees: the file these settings make does not load.
    const Settings s = wizard.settings();
    const LoadResult loaded = parse(QJsonDocument(toJson(s)).toJson(), s.baseDir);
    QVERIFY(!loaded.ok());
    QVERIFY2(loaded.errors.join(u'\n').contains(u".require_auth: nobody could log in"_s),
             qPrintable(loaded.errors.join(u'\n')));
}

namespace {

// Some "smtp" listener of s takes mail sent to host:port.
bool listensFor(const Settings &s, const QString &host, quint16 port)
{
    return std::any_of(s.smtp.listeners.cbegin(), s.smtp.listeners.cend(), [&](const Listener &l) {
        const QHostAddress a(l.address);
        return l.mode == ListenerMode::Smtp && l.port == port &&
               (a == QHostAddress(host) || a == QHostAddress(QHostAddress::AnyIPv4) ||
                a == QHostAddress(QHostAddress::AnyIPv6));
    });
}

} // namespace

// A first start (wizardStart() of no configuration): the wizard shows the ports a real pair
// uses — SMTP on 25 and submission on 587 on every address, the partner on 25 — says how to
// have them without root, and two machines set up with what it proposes talk to each other.
void TestWizard::defaultsPairUp()
{
    const QString mailboxAddress = u"192.168.1.10"_s;
    const QString archiveAddress = u"192.168.1.20"_s;
    QMap<Role, Settings> made;
    for (const Role role : {Role::Mailbox, Role::Archive}) {
        const bool mailbox = role == Role::Mailbox;
        RoleWizard wizard(wizardStart(nullptr, m_dir->path()), configPath());
        wizard.show();
        QVERIFY(QTest::qWaitForWindowExposed(&wizard));
        click(wizard, mailbox ? u"roleMailboxRadio"_s : u"roleArchiveRadio"_s);
        wizard.next();

        QCOMPARE(child<QLineEdit>(wizard, u"domainEdit"_s)->text(), QString()); // no example.com
        type(wizard, u"domainEdit"_s, u"example.net"_s);
        wizard.next();

        QCOMPARE(wizard.currentId(), int(RoleWizard::PartnerPageId));
        QCOMPARE(child<QLineEdit>(wizard, u"partnerPortEdit"_s)->text(), u"25"_s);
        type(wizard, u"partnerHostEdit"_s, mailbox ? archiveAddress : mailboxAddress);
        if (!mailbox)
            click(wizard, u"staticRouteRadio"_s); // mail for example.net straight to the Mailbox
        wizard.next();

        QCOMPARE(wizard.currentId(), int(RoleWizard::ListenersPageId));
        QCOMPARE(child<QLineEdit>(wizard, u"smtpAddressEdit"_s)->text(), u"0.0.0.0"_s);
        QCOMPARE(child<QLineEdit>(wizard, u"smtpPortEdit"_s)->text(), u"25"_s);
        QCOMPARE(child<QLineEdit>(wizard, u"submissionAddressEdit"_s)->text(), u"0.0.0.0"_s);
        QCOMPARE(child<QLineEdit>(wizard, u"submissionPortEdit"_s)->text(), u"587"_s);
        QCOMPARE(child<QWidget>(wizard, u"submissionPortEdit"_s)->isVisible(), mailbox);
        auto *note = child<QLabel>(wizard, u"privilegedPortsNote"_s);
        QVERIFY(note->isVisible());
        QVERIFY2(note->text().contains(u"AmbientCapabilities=CAP_NET_BIND_SERVICE"_s),
                 qPrintable(note->text()));
        QVERIFY2(!wizard.currentPage()->subTitle().contains(u"Port 25 takes"_s),
                 qPrintable(wizard.currentPage()->subTitle()));
        if (mailbox)
            type(wizard, u"lanNetworksEdit"_s, u"192.168.1.0/24"_s);
        wizard.next();

        QCOMPARE(wizard.currentId(), int(RoleWizard::CertificatePageId));
        click(wizard, mailbox ? u"certGenerateRadio"_s : u"certNoneRadio"_s);
        wizard.next();
        // The certificate is made in the background; then every other page as it comes.
        QVERIFY(QTest::qWaitFor(
            [&] {
                if (wizard.currentId() != int(RoleWizard::CertificatePageId) &&
                    wizard.currentId() != int(RoleWizard::SummaryPageId))
                    wizard.next();
                return wizard.currentId() == int(RoleWizard::SummaryPageId);
            },
            60000));
        wizard.button(QWizard::FinishButton)->click();
        QTRY_COMPARE(wizard.result(), int(QDialog::Accepted));
        made.insert(role, wizard.settings());
        const LoadResult reloaded = parse(json(made.value(role)), m_dir->path());
        QVERIFY2(reloaded.ok(), qPrintable(reloaded.errors.join(u"; "_s)));
        QCOMPARE(detectRole(made.value(role)), std::optional<Role>(role));
    }
    const Settings mailbox = made.value(Role::Mailbox);
    const Settings archive = made.value(Role::Archive);
    // Nobody was added, so nobody is there: no demo users in a real installation.
    QVERIFY(mailbox.mailboxes.users.isEmpty());
    QVERIFY(archive.mailboxes.users.isEmpty());
    QVERIFY(mailbox.mailboxes.postmaster.isEmpty());

    // The Mailbox sends everything to the port the Archive listens on...
    QCOMPARE(mailbox.outgoing.staticRoutes.size(), 1);
    const StaticRoute toArchive = mailbox.outgoing.staticRoutes.first();
    QCOMPARE(toArchive.host, archiveAddress);
    QCOMPARE(toArchive.port, quint16(25));
    QVERIFY(listensFor(archive, toArchive.host, toArchive.port));
    QVERIFY(archive.isRelayClient(QHostAddress(mailboxAddress)));
    // ...and the Archive sends the local domains' mail to the port the Mailbox listens on.
    QCOMPARE(archive.outgoing.staticRoutes.size(), 1);
    const StaticRoute toMailbox = archive.outgoing.staticRoutes.first();
    QCOMPARE(toMailbox.host, mailboxAddress);
    QCOMPARE(toMailbox.port, quint16(25));
    QVERIFY(listensFor(mailbox, toMailbox.host, toMailbox.port));
    // The users' mail programs reach the Mailbox's submission service on 587.
    QCOMPARE(mailbox.smtp.listeners.size(), 2);
    QVERIFY(mailbox.smtp.listeners.at(1).mode == ListenerMode::Submission);
    QCOMPARE(mailbox.smtp.listeners.at(1).address, u"0.0.0.0"_s);
    QCOMPARE(mailbox.smtp.listeners.at(1).port, quint16(587));
}

// The Users page of a Mailbox: users typed with their passwords are in the settings (as
// PBKDF2 hashes), with the postmaster chosen among them; nobody else is.
void TestWizard::usersPage()
{
    Settings start = wizardStart(nullptr, m_dir->path());
    start.smtp.allowPlaintextAuth = true; // so that "No certificate" may go on (no openssl)
    RoleWizard wizard(start, configPath());
    wizard.show();
    QVERIFY(QTest::qWaitForWindowExposed(&wizard));
    wizard.next();
    type(wizard, u"domainEdit"_s, u"example.net"_s);
    type(wizard, u"localDomainsEdit"_s, u"example.org"_s);
    wizard.next();
    type(wizard, u"partnerHostEdit"_s, u"192.168.1.20"_s);
    wizard.next();
    type(wizard, u"lanNetworksEdit"_s, u"192.168.1.0/24"_s);
    wizard.next();
    QCOMPARE(wizard.currentId(), int(RoleWizard::CertificatePageId));
    click(wizard, u"certNoneRadio"_s);
    wizard.next();
    QCOMPARE(wizard.currentId(), int(RoleWizard::UsersPageId));

    auto *list = child<QTreeWidget>(wizard, u"wizardUsersList"_s);
    auto *postmaster = child<QComboBox>(wizard, u"postmasterCombo"_s);
    QCOMPARE(list->topLevelItemCount(), 0);
    QCOMPARE(postmaster->count(), 1); // a mailbox of its own: nobody to choose yet
    const auto add = [&](const QString &name, const QString &password) {
        type(wizard, u"wizardUserNameEdit"_s, name);
        type(wizard, u"wizardUserPasswordEdit"_s, password);
        click(wizard, u"addUserButton"_s);
    };
    add(u"Carol"_s, QString());
    QVERIFY2(errorText(wizard, u"usersErrorLabel"_s).contains(u"Type a password for carol"_s),
             qPrintable(errorText(wizard, u"usersErrorLabel"_s)));
    QCOMPARE(list->topLevelItemCount(), 0);
    add(u"Carol"_s, u"carol's secret"_s);
    QVERIFY(errorText(wizard, u"usersErrorLabel"_s).isEmpty());
    QCOMPARE(child<QLineEdit>(wizard, u"wizardUserPasswordEdit"_s)->text(), QString());
    add(u"dave@example.org"_s, u"dave's secret"_s);
    add(u"carol@EXAMPLE.net"_s, u"again"_s);
    QVERIFY(errorText(wizard, u"usersErrorLabel"_s).contains(u"already a user"_s));
    add(u"eve@remote.test"_s, u"eve's secret"_s);
    QVERIFY(errorText(wizard, u"usersErrorLabel"_s).contains(u"not a local domain"_s));
    add(u"gina"_s, u"gina's secret"_s);
    QCOMPARE(list->topLevelItemCount(), 3);
    QCOMPARE(list->topLevelItem(0)->text(0), u"carol"_s);
    QCOMPARE(list->topLevelItem(1)->text(0), u"dave@example.org"_s);
    QCOMPARE(list->topLevelItem(2)->text(0), u"gina"_s);
    list->setCurrentItem(list->topLevelItem(2));
    click(wizard, u"removeUserButton"_s);
    QCOMPARE(list->topLevelItemCount(), 2);
    QCOMPARE(postmaster->count(), 3);
    postmaster->setCurrentIndex(postmaster->findText(u"carol"_s));
    // Typed but not added: Next adds it rather than losing it.
    type(wizard, u"wizardUserNameEdit"_s, u"frank"_s);
    type(wizard, u"wizardUserPasswordEdit"_s, u"frank's secret"_s);
    wizard.next();
    QCOMPARE(wizard.currentId(), int(RoleWizard::SummaryPageId));

    const QString summary = child<QPlainTextEdit>(wizard, u"summaryText"_s)->toPlainText();
    QVERIFY2(summary.contains(u"Mailboxes › users: carol, dave@example.org, frank"_s),
             qPrintable(summary));
    QVERIFY2(summary.contains(u"Mailboxes › mail to postmaster goes to: carol"_s),
             qPrintable(summary));
    QVERIFY(errorText(wizard, u"summaryErrorLabel"_s).isEmpty());
    wizard.button(QWizard::FinishButton)->click();
    QTRY_COMPARE(wizard.result(), int(QDialog::Accepted));

    const Settings result = wizard.settings();
    QCOMPARE(result.mailboxes.users.size(), 3);
    const QList<QPair<QString, QByteArray>> expected{{u"carol"_s, "carol's secret"},
                                                     {u"dave@example.org"_s, "dave's secret"},
                                                     {u"frank"_s, "frank's secret"}};
    for (qsizetype i = 0; i < expected.size(); ++i) {
        QCOMPARE(result.mailboxes.users.at(i).name, expected.at(i).first);
        QVERIFY(tandem::passwords::verify(expected.at(i).second,
                                          result.mailboxes.users.at(i).password));
    }
    QCOMPARE(result.mailboxes.postmaster, u"carol"_s);
    const QByteArray file = json(result);
    QVERIFY(!file.contains("secret")); // only the hashes
    const LoadResult reloaded = parse(file, m_dir->path());
    QVERIFY2(reloaded.ok(), qPrintable(reloaded.errors.join(u"; "_s)));
    QCOMPARE(reloaded.settings.mailboxes.postmaster, u"carol"_s);
}

// Submission listens on the address typed for SMTP, until it is given one of its own.
void TestWizard::submissionFollowsSmtpAddress()
{
    RoleWizard wizard(wizardStart(nullptr, m_dir->path()), configPath());
    wizard.show();
    QVERIFY(QTest::qWaitForWindowExposed(&wizard));
    wizard.next();
    type(wizard, u"domainEdit"_s, u"example.net"_s);
    wizard.next();
    type(wizard, u"partnerHostEdit"_s, u"192.168.1.20"_s);
    wizard.next();
    QCOMPARE(wizard.currentId(), int(RoleWizard::ListenersPageId));
    type(wizard, u"smtpAddressEdit"_s, u"192.168.1.10"_s);
    QCOMPARE(child<QLineEdit>(wizard, u"submissionAddressEdit"_s)->text(), u"192.168.1.10"_s);
    type(wizard, u"submissionAddressEdit"_s, u"127.0.0.1"_s);
    type(wizard, u"smtpAddressEdit"_s, u"192.168.1.11"_s);
    QCOMPARE(child<QLineEdit>(wizard, u"submissionAddressEdit"_s)->text(), u"127.0.0.1"_s);
    // Ports above 1024 need no capability, and the page does not talk about it.
    type(wizard, u"smtpPortEdit"_s, u"2525"_s);
    QVERIFY(child<QLabel>(wizard, u"privilegedPortsNote"_s)->isVisible()); // 587 still
    type(wizard, u"submissionPortEdit"_s, u"2587"_s);
    QVERIFY(!child<QLabel>(wizard, u"privilegedPortsNote"_s)->isVisible());
}

// The named inputs of a page, in the order Tab visits them.
static QStringList focusOrder(QWidget &wizard, const QStringList &names)
{
    QWidget *first = child<QWidget>(wizard, names.first());
    QStringList seen;
    QWidget *w = first;
    do {
        if (names.contains(w->objectName()) && !seen.contains(w->objectName()))
            seen.append(w->objectName());
        w = w->nextInFocusChain();
    } while (w != first);
    return seen;
}

void TestWizard::tabOrder()
{
    RoleWizard wizard(base(), configPath());
    for (const QStringList &page :
         {QStringList{u"roleMailboxRadio"_s, u"roleArchiveRadio"_s},
          QStringList{u"domainEdit"_s, u"localDomainsEdit"_s, u"hostnameEdit"_s},
          QStringList{u"partnerHostEdit"_s, u"partnerPortEdit"_s, u"useDnsRadio"_s,
                      u"staticRouteRadio"_s, u"smarthostHostEdit"_s, u"smarthostPortEdit"_s},
          QStringList{u"smtpAddressEdit"_s, u"smtpPortEdit"_s, u"submissionAddressEdit"_s,
                      u"submissionPortEdit"_s, u"lanNetworksEdit"_s},
          QStringList{u"certGenerateRadio"_s, u"certExistingRadio"_s, u"certFileEdit"_s,
                      u"certBrowseButton"_s, u"keyFileEdit"_s, u"keyBrowseButton"_s,
                      u"keyPassphraseEdit"_s, u"certNoneRadio"_s},
          QStringList{u"wizardUsersList"_s, u"wizardUserNameEdit"_s, u"wizardUserPasswordEdit"_s,
                      u"addUserButton"_s, u"removeUserButton"_s, u"postmasterCombo"_s}})
        QCOMPARE(focusOrder(wizard, page), page);
}

void TestWizard::save(RoleWizard &wizard, const QString &name)
{
    const QString dir = qEnvironmentVariable("TANDEM_SCREENSHOTS_DIR");
    QCoreApplication::processEvents();
    const QImage image = wizard.grab().toImage();
    QVERIFY(!image.isNull());
    QVERIFY(image.save(QDir(dir).filePath(u"wizard-%1.png"_s.arg(name))));
}

void TestWizard::screenshots()
{
    if (qEnvironmentVariableIsEmpty("TANDEM_SCREENSHOTS_DIR"))
        QSKIP("set TANDEM_SCREENSHOTS_DIR to render the pages");
    QDir().mkpath(qEnvironmentVariable("TANDEM_SCREENSHOTS_DIR"));
    // TANDEM_LANGUAGE=de or fr renders the pages translated, to check that the labels fit.
    const QString language = qEnvironmentVariable("TANDEM_LANGUAGE");
    if (!language.isEmpty())
        QVERIFY(tandem::ui::language::apply(language));
    for (const Role role : {Role::Mailbox, Role::Archive}) {
        const bool mailbox = role == Role::Mailbox;
        const QString tag = mailbox ? u"mailbox"_s : u"archive"_s;
        // What a first start shows.
        Settings start = wizardStart(nullptr, u"/home/admin/tandem"_s);
        // A Mailbox without a certificate needs AUTH without TLS: so that "No certificate" may
        // go on below (no openssl run into /home/admin).
        start.smtp.allowPlaintextAuth = mailbox;
        RoleWizard wizard(start, u"/home/admin/tandem/tandem.json"_s);
        wizard.show();
        QVERIFY(QTest::qWaitForWindowExposed(&wizard));
        click(wizard, mailbox ? u"roleMailboxRadio"_s : u"roleArchiveRadio"_s);
        if (mailbox)
            save(wizard, u"1-role"_s);
        wizard.next();
        type(wizard, u"domainEdit"_s, u"example.com"_s);
        if (mailbox) {
            save(wizard, u"2-domain"_s);
            type(wizard, u"domainEdit"_s, QString());
            save(wizard, u"2-domain-refused"_s);
            type(wizard, u"domainEdit"_s, u"example.com"_s);
        }
        wizard.next();
        type(wizard, u"partnerHostEdit"_s, mailbox ? u"192.168.1.20"_s : u"192.168.1.10"_s);
        save(wizard, u"3-partner-"_s + tag);
        wizard.next();
        type(wizard, u"lanNetworksEdit"_s,
             mailbox ? u"192.168.1.0/24, 127.0.0.1/32"_s : u"127.0.0.1/32"_s);
        save(wizard, u"4-listeners-"_s + tag);
        wizard.next();
        click(wizard, u"certNoneRadio"_s);
        click(wizard, u"certGenerateRadio"_s);
        if (mailbox)
            save(wizard, u"5-certificate"_s);
        click(wizard, u"certNoneRadio"_s); // no openssl run into /home/admin
        wizard.next();
        if (mailbox) {
            QCOMPARE(wizard.currentId(), int(RoleWizard::UsersPageId));
            for (const QString &name : {u"alice"_s, u"bob"_s}) {
                type(wizard, u"wizardUserNameEdit"_s, name);
                type(wizard, u"wizardUserPasswordEdit"_s, u"a long secret"_s);
                click(wizard, u"addUserButton"_s);
            }
            auto *postmaster = child<QComboBox>(wizard, u"postmasterCombo"_s);
            postmaster->setCurrentIndex(postmaster->findText(u"alice"_s));
            type(wizard, u"wizardUserNameEdit"_s, u"carol"_s);
            save(wizard, u"6-users"_s);
            type(wizard, u"wizardUserNameEdit"_s, QString());
            wizard.next();
        }
        QCOMPARE(wizard.currentId(), int(RoleWizard::SummaryPageId));
        save(wizard, u"7-summary-"_s + tag);
    }
}

QTEST_MAIN(TestWizard)
#include "tst_wizard.moc"
