// The Options dialogs with the real widgets, offscreen: fields found by objectName, typed and
// clicked with QTest, and the effect checked on the settings they return (and, for the
// SmartHost password, on the real desktop keychain started by with-keyring.sh).
#include "config/passwords.h"
#include "config/settings.h"
#include "dialogs/inboxpropertiesdialog.h"
#include "dialogs/mailboxesdialog.h"
#include "dialogs/outgoingmaildialog.h"
#include "dialogs/serverdialog.h"
#include "dialogs/smtpservicedialog.h"
#include "engine.h"
#include "language.h"
#include "routing/router.h"
#include "secrets.h"
#include "threadwarnings.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractSpinBox>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QProcess>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableWidget>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTranslator>
#include <QTreeWidget>

using namespace Qt::StringLiterals;
using namespace tandem;
using namespace tandem::ui;

class TestDialogs : public QObject {
    Q_OBJECT
private slots:
    void init() { tandem::test::failOnThreadWarnings(); }
    void initTestCase();
    void server();
    void serverRefusesBadDomain();
    void passthroughCheckbox_data();
    void passthroughCheckbox();
    void passthroughDomains();
    void undeliveredMail();
    void undeliveredRefusesBadMailbox();
    void archiveTemplate();
    void smtpService();
    void smtpServiceRefusesPort70000();
    void smtpServiceRequireAuthNeedsTls();
    void smtpServiceCertificateFiles();
    void smtpServiceMismatchedKeyRefused();
    void smtpServiceEncryptedKey();
    void smtpServiceSelfSigned();
    void openRelayRefused();
    void openingAnArchiveWarns();
    void outgoingMail();
    void outgoingRefusesBadSchedule();
    void mailboxes();
    void mailboxesRefuseBadName();
    void mailboxesPostmaster();
    void cancelKeepsSettings();
    void everyOptionExplainsItself();
    void screenshots();

private:
    config::Settings base() const;
    template <typename T> static T *find(QWidget *dialog, const QString &name)
    {
        T *w = dialog->findChild<T *>(name);
        if (!w)
            qFatal("no widget named %s", qPrintable(name));
        return w;
    }
    static void show(QDialog &dialog)
    {
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    }
    static void clickOk(QDialog &dialog)
    {
        QTest::mouseClick(find<QPushButton>(&dialog, u"okButton"_s), Qt::LeftButton);
    }
    // Clicks a check box or radio button on its indicator (a click in the middle of a wide
    // one misses its label); the button must be on screen, its tab in front.
    static void tick(QAbstractButton *button)
    {
        QVERIFY2(button->isVisible(), qPrintable(button->objectName() + u" is not on screen"_s));
        QTest::mouseClick(button, Qt::LeftButton, {}, QPoint(8, button->height() / 2));
    }
    static void type(QLineEdit *edit, const QString &text)
    {
        edit->selectAll();
        QTest::keyClick(edit, Qt::Key_Delete);
        QTest::keyClicks(edit, text);
    }
    // The error label is shown, says something, and the dialog is still open.
    static void verifyRefused(QDialog &dialog, const QString &errorLabel, const QString &containing)
    {
        const QLabel *label = find<QLabel>(&dialog, errorLabel);
        QVERIFY2(label->isVisible(), qPrintable(errorLabel + u" is not shown"_s));
        QVERIFY2(label->text().contains(containing),
                 qPrintable(errorLabel + u" says: "_s + label->text()));
        QVERIFY(dialog.isVisible());
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
    }

    // A certificate and key made by openssl (the key encrypted when passphrase is given).
    bool makePair(const QString &name, const QString &passphrase = {});
    // Clicks the Browse… button and picks the file in the file dialog it opens.
    void choose(QDialog &dialog, const QString &button, const QString &file);

    QTemporaryDir m_dir;
};

void TestDialogs::initTestCase()
{
    QVERIFY(m_dir.isValid());
}

// The default configuration (Mailbox role) with a second local domain.
config::Settings TestDialogs::base() const
{
    QJsonObject json = QJsonDocument::fromJson(config::defaultConfigJson()).object();
    QJsonObject server = json.value(u"server"_s).toObject();
    server.insert(u"local_domains"_s, QJsonArray{u"other.example"_s});
    json.insert(u"server"_s, server);
    const config::LoadResult loaded = config::parse(QJsonDocument(json).toJson(), m_dir.path());
    if (!loaded.ok())
        qFatal("default configuration not valid: %s", qPrintable(loaded.errors.join(u"; "_s)));
    return loaded.settings;
}

void TestDialogs::server()
{
    const config::Settings before = base();
    ServerDialog dialog(before);
    show(dialog);
    type(find<QLineEdit>(&dialog, u"domain"_s), u"Corp.Example"_s);
    type(find<QLineEdit>(&dialog, u"newLocalDomain"_s), u"third.example"_s);
    QTest::mouseClick(find<QPushButton>(&dialog, u"addLocalDomain"_s), Qt::LeftButton);
    auto *list = find<QListWidget>(&dialog, u"localDomains"_s);
    list->setCurrentRow(0); // other.example
    QTest::mouseClick(find<QPushButton>(&dialog, u"removeLocalDomain"_s), Qt::LeftButton);
    type(find<QLineEdit>(&dialog, u"hostname"_s), u"mx.corp.example"_s);
    type(find<QLineEdit>(&dialog, u"dataDir"_s), u"/srv/tandem"_s);
    auto *role = find<QComboBox>(&dialog, u"role"_s);
    QCOMPARE(role->currentData().toInt(), int(config::Role::Mailbox));
    role->setCurrentIndex(role->findData(int(config::Role::Archive)));
    clickOk(dialog);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    const config::Settings s = dialog.settings();
    QCOMPARE(s.server.domain, u"corp.example"_s);
    QCOMPARE(s.server.localDomains, QStringList{u"third.example"_s});
    QCOMPARE(s.server.hostname, u"mx.corp.example"_s);
    QCOMPARE(s.server.dataDir, u"/srv/tandem"_s);
    QCOMPARE(config::toString(s.server.role),
             config::toString(config::Role::Archive)); // chosen here: not turned to Custom
    QCOMPARE(s.baseDir, before.baseDir);
}

void TestDialogs::serverRefusesBadDomain()
{
    ServerDialog dialog(base());
    show(dialog);
    type(find<QLineEdit>(&dialog, u"domain"_s), u"not a domain!"_s);
    clickOk(dialog);
    verifyRefused(dialog, u"domainError"_s, u"domain name"_s);
    QVERIFY(find<QLabel>(&dialog, u"hostnameError"_s)->isHidden());

    // The Add button refuses a bad extra domain at once, next to the list.
    type(find<QLineEdit>(&dialog, u"newLocalDomain"_s), u"bad_domain"_s);
    QTest::mouseClick(find<QPushButton>(&dialog, u"addLocalDomain"_s), Qt::LeftButton);
    verifyRefused(dialog, u"localDomainsError"_s, u"bad_domain"_s);
    QCOMPARE(find<QListWidget>(&dialog, u"localDomains"_s)->count(), 1);

    // Fixed, OK closes the dialog.
    type(find<QLineEdit>(&dialog, u"domain"_s), u"example.net"_s);
    clickOk(dialog);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QVERIFY(!dialog.isVisible());
    QCOMPARE(dialog.settings().server.domain, u"example.net"_s);
}

void TestDialogs::passthroughCheckbox_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("wording");
    QTest::newRow("sent items") << u"copyToSenderSentItems"_s
                                << u"Copy all mail to sender's Sent items"_s;
    QTest::newRow("create mailbox")
        << u"createMailboxIfNecessary"_s << u"Create mailbox if necessary"_s;
    QTest::newRow("local to outbox")
        << u"copyLocalDomainsToOutbox"_s << u"Copy all mail for local domains to Outbox"_s;
    QTest::newRow("no received to outbox")
        << u"copyWithoutReceivedToOutbox"_s
        << u"Copy all mail without Received: headers to Outbox"_s;
}

void TestDialogs::passthroughCheckbox()
{
    QFETCH(QString, name);
    QFETCH(QString, wording);
    const config::Settings before = base();
    QCOMPARE(config::toString(before.server.role), config::toString(config::Role::Mailbox));
    InboxPropertiesDialog dialog(before);
    show(dialog);
    auto *box = find<QCheckBox>(&dialog, name);
    QCOMPARE(box->text(), wording); // PRODUCT.md §1, word for word
    QVERIFY(box->isVisible());
    tick(box);
    clickOk(dialog);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));

    const config::PassthroughSettings &a = before.passthrough;
    config::PassthroughSettings expected = a;
    if (name == u"copyToSenderSentItems"_s)
        expected.copyToSenderSentItems = !a.copyToSenderSentItems;
    else if (name == u"createMailboxIfNecessary"_s)
        expected.createMailboxIfNecessary = !a.createMailboxIfNecessary;
    else if (name == u"copyLocalDomainsToOutbox"_s)
        expected.copyLocalDomainsToOutbox = !a.copyLocalDomainsToOutbox;
    else
        expected.copyWithoutReceivedToOutbox = !a.copyWithoutReceivedToOutbox;
    const config::Settings s = dialog.settings();
    QCOMPARE(s.passthrough.copyToSenderSentItems, expected.copyToSenderSentItems);
    QCOMPARE(s.passthrough.createMailboxIfNecessary, expected.createMailboxIfNecessary);
    QCOMPARE(s.passthrough.copyLocalDomainsToOutbox, expected.copyLocalDomainsToOutbox);
    QCOMPARE(s.passthrough.copyWithoutReceivedToOutbox, expected.copyWithoutReceivedToOutbox);
    QCOMPARE(s.passthrough.allDomains, true);
    QCOMPARE(config::toString(s.server.role), config::toString(config::Role::Custom));
}

void TestDialogs::passthroughDomains()
{
    InboxPropertiesDialog dialog(base());
    show(dialog);
    auto *all = find<QCheckBox>(&dialog, u"allDomains"_s);
    QCOMPARE(all->text(), u"All domains"_s);
    auto *list = find<QListWidget>(&dialog, u"passthroughDomains"_s);
    QVERIFY(!list->isEnabled());
    tick(all);
    QVERIFY(list->isEnabled());
    QCOMPARE(list->count(), 2);
    QCOMPARE(list->item(1)->text(), u"other.example"_s);
    list->item(1)->setCheckState(Qt::Unchecked);
    clickOk(dialog);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(dialog.settings().passthrough.allDomains, false);
    QCOMPARE(dialog.settings().passthrough.domains, QStringList{u"example.com"_s});
    QCOMPARE(config::toString(dialog.settings().server.role),
             config::toString(config::Role::Custom));
}

void TestDialogs::undeliveredMail()
{
    InboxPropertiesDialog dialog(base());
    show(dialog);
    find<QTabWidget>(&dialog, u"tabs"_s)->setCurrentIndex(1);
    QCOMPARE(find<QRadioButton>(&dialog, u"returnToSender"_s)->text(),
             u"Return undelivered mail to sender"_s);
    QCOMPARE(find<QRadioButton>(&dialog, u"createMailboxAndStore"_s)->text(),
             u"Create mailbox and store"_s);
    QVERIFY(find<QRadioButton>(&dialog, u"returnToSender"_s)->isChecked());
    auto *mailbox = find<QLineEdit>(&dialog, u"forwardMailbox"_s);
    QVERIFY(!mailbox->isEnabled());
    auto *forward = find<QRadioButton>(&dialog, u"forwardToMailbox"_s);
    QCOMPARE(forward->text(), u"Forward to mailbox"_s);
    tick(forward);
    QVERIFY(mailbox->isEnabled());
    type(mailbox, u"catchall"_s);
    // The default archive settings, each in its unit: 2 weeks, 10 years.
    QVERIFY(!find<QLabel>(&dialog, u"templateNote"_s)->text().contains(u"never silently"_s));
    find<QSpinBox>(&dialog, u"archiveAfter"_s)->setValue(2);
    auto *afterUnit = find<QComboBox>(&dialog, u"archiveAfterUnit"_s);
    afterUnit->setCurrentIndex(afterUnit->findText(u"weeks"_s));
    auto *to = find<QComboBox>(&dialog, u"archiveTo"_s);
    to->setCurrentIndex(to->findData(int(config::ArchiveDestination::Delete)));
    find<QSpinBox>(&dialog, u"expireAfter"_s)->setValue(10);
    auto *expireUnit = find<QComboBox>(&dialog, u"expireAfterUnit"_s);
    expireUnit->setCurrentIndex(expireUnit->findText(u"years"_s));
    auto *onExpiry = find<QComboBox>(&dialog, u"onExpiry"_s);
    onExpiry->setCurrentIndex(onExpiry->findData(int(config::ExpiryAction::Export)));
    find<QSpinBox>(&dialog, u"maxSizeMb"_s)->setValue(2048);
    find<QSpinBox>(&dialog, u"sizeWarningPercent"_s)->setValue(80);
    clickOk(dialog);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    const config::Settings s = dialog.settings();
    QCOMPARE(config::toString(s.undelivered.action),
             config::toString(config::UndeliveredAction::ForwardToMailbox));
    QCOMPARE(s.undelivered.forwardMailbox, u"catchall"_s);
    const config::ArchivePolicy &t = s.mailboxes.mailboxTemplate;
    QCOMPARE(t.archiveAfterHours, 336);
    QCOMPARE(config::toString(t.destination), config::toString(config::ArchiveDestination::Delete));
    QCOMPARE(t.expireAfterHours, 10 * 8760);
    QCOMPARE(config::toString(t.onExpiry), config::toString(config::ExpiryAction::Export));
    QCOMPARE(t.maxSizeMb, 2048);
    QCOMPARE(t.warnPercent, 80);
    QCOMPARE(config::toString(s.server.role), config::toString(config::Role::Custom));

    // The template alone is not a role option: the role stays.
    InboxPropertiesDialog again(base());
    show(again);
    find<QSpinBox>(&again, u"archiveAfter"_s)->setValue(10);
    clickOk(again);
    QCOMPARE(again.result(), int(QDialog::Accepted));
    QCOMPARE(config::toString(again.settings().server.role),
             config::toString(config::Role::Mailbox));
    QCOMPARE(again.settings().mailboxes.mailboxTemplate.archiveAfterHours, 10 * 24);
}

// A duration the units do not show exactly (36 hours of expiry, shown as 2 days) is kept as
// it was unless it is changed; the validator's complaint lands under its field.
void TestDialogs::archiveTemplate()
{
    config::Settings odd = base();
    odd.mailboxes.mailboxTemplate.archiveAfterHours = 12;
    odd.mailboxes.mailboxTemplate.expireAfterHours = 36;
    {
        InboxPropertiesDialog dialog(odd);
        show(dialog);
        QCOMPARE(find<QSpinBox>(&dialog, u"archiveAfter"_s)->value(), 12);
        QCOMPARE(find<QComboBox>(&dialog, u"archiveAfterUnit"_s)->currentText(), u"hours"_s);
        QCOMPARE(find<QSpinBox>(&dialog, u"expireAfter"_s)->value(), 2);
        clickOk(dialog);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(dialog.settings().mailboxes.mailboxTemplate.expireAfterHours, 36);
    }
    InboxPropertiesDialog dialog(base());
    show(dialog);
    find<QTabWidget>(&dialog, u"tabs"_s)->setCurrentIndex(1);
    find<QSpinBox>(&dialog, u"archiveAfter"_s)->setValue(3);
    auto *unit = find<QComboBox>(&dialog, u"archiveAfterUnit"_s);
    unit->setCurrentIndex(unit->findText(u"weeks"_s));
    find<QSpinBox>(&dialog, u"expireAfter"_s)->setValue(5);
    clickOk(dialog);
    verifyRefused(dialog, u"expireAfterError"_s, u"archive_after"_s);
    QVERIFY(find<QSpinBox>(&dialog, u"expireAfter"_s)->hasFocus());
}

void TestDialogs::undeliveredRefusesBadMailbox()
{
    InboxPropertiesDialog dialog(base());
    show(dialog);
    find<QTabWidget>(&dialog, u"tabs"_s)->setCurrentIndex(1);
    tick(find<QRadioButton>(&dialog, u"forwardToMailbox"_s));
    type(find<QLineEdit>(&dialog, u"forwardMailbox"_s), u"../etc"_s);
    find<QTabWidget>(&dialog, u"tabs"_s)->setCurrentIndex(0);
    clickOk(dialog);
    verifyRefused(dialog, u"forwardMailboxError"_s, u"mailbox name"_s);
    // The tab holding the error is brought to the front.
    QCOMPARE(find<QTabWidget>(&dialog, u"tabs"_s)->currentIndex(), 1);
}

void TestDialogs::smtpService()
{
    const config::Settings before = base();
    QCOMPARE(before.smtp.listeners.size(), 1);
    QVERIFY(before.smtp.listeners.at(0).rejectNonLocalSendersClaimingLocal);
    SmtpServiceDialog dialog(before, 0);
    show(dialog);
    type(find<QLineEdit>(&dialog, u"address"_s), u"::1"_s);
    type(find<QLineEdit>(&dialog, u"port"_s), u"2587"_s);
    auto *mode = find<QComboBox>(&dialog, u"mode"_s);
    mode->setCurrentIndex(mode->findData(int(config::ListenerMode::Submission)));
    auto *reject = find<QCheckBox>(&dialog, u"rejectNonLocalSenders"_s);
    QCOMPARE(reject->text(), u"Reject non-local senders claiming to be local"_s);
    find<QTabWidget>(&dialog, u"tabs"_s)->setCurrentIndex(1);
    tick(reject);
    find<QTabWidget>(&dialog, u"tabs"_s)->setCurrentIndex(2);
    type(find<QLineEdit>(&dialog, u"newRelayNetwork"_s), u"192.168.7.0/24"_s);
    QTest::mouseClick(find<QPushButton>(&dialog, u"addRelayNetwork"_s), Qt::LeftButton);
    auto *nets = find<QListWidget>(&dialog, u"relayNetworks"_s);
    nets->setCurrentRow(1); // ::1/128
    QTest::mouseClick(find<QPushButton>(&dialog, u"removeRelayNetwork"_s), Qt::LeftButton);
    tick(find<QCheckBox>(&dialog, u"requireAuth"_s));
    tick(find<QCheckBox>(&dialog, u"allowPlaintextAuth"_s));
    clickOk(dialog);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    const config::Settings s = dialog.settings();
    const config::Listener &l = s.smtp.listeners.at(0);
    QCOMPARE(l.address, u"::1"_s);
    QCOMPARE(l.port, quint16(2587));
    QCOMPARE(config::toString(l.mode), config::toString(config::ListenerMode::Submission));
    QCOMPARE(l.rejectNonLocalSendersClaimingLocal, false);
    QCOMPARE(l.requireAuth, true);
    QCOMPARE(s.smtp.allowPlaintextAuth, true);
    QStringList nets2;
    for (const config::Subnet &n : s.smtp.relayNetworks)
        nets2.append(n.text);
    QCOMPARE(nets2, QStringList({u"127.0.0.1/32"_s, u"192.168.7.0/24"_s}));
    QCOMPARE(config::toString(s.server.role), config::toString(config::Role::Custom));
}

// An Archive's SMTP service takes mail only from its partner; unticking that says what it
// means, and the file says it.
void TestDialogs::openingAnArchiveWarns()
{
    config::Settings before = base();
    before.server.role = config::Role::Archive;
    before.smtp.listeners[0].trustedClientsOnly = true;
    SmtpServiceDialog dialog(before, 0);
    show(dialog);
    find<QTabWidget>(&dialog, u"tabs"_s)->setCurrentIndex(2);
    auto *trusted = find<QCheckBox>(&dialog, u"trustedClientsOnly"_s);
    auto *warning = find<QLabel>(&dialog, u"openArchiveWarning"_s);
    QVERIFY(trusted->isChecked());
    QVERIFY(!warning->isVisible());
    tick(trusted);
    QVERIFY(warning->isVisible());
    if (const QString out = qEnvironmentVariable("TANDEM_SCREENSHOTS"); !out.isEmpty())
        QVERIFY(dialog.grab().save(out + u"/options-smtp-open-archive.png"_s));
    clickOk(dialog);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(dialog.settings().smtp.listeners.at(0).trustedClientsOnly, false);
    const QJsonObject listener = config::toJson(dialog.settings())
                                     .value(u"smtp"_s)
                                     .toObject()
                                     .value(u"listeners"_s)
                                     .toArray()
                                     .at(0)
                                     .toObject();
    QCOMPARE(listener.value(u"trusted_clients_only"_s), QJsonValue(false));
}

void TestDialogs::smtpServiceRefusesPort70000()
{
    SmtpServiceDialog dialog(base(), 0);
    show(dialog);
    find<QTabWidget>(&dialog, u"tabs"_s)->setCurrentIndex(2); // the error brings General back
    type(find<QLineEdit>(&dialog, u"port"_s), u"70000"_s);
    clickOk(dialog);
    verifyRefused(dialog, u"portError"_s, u"1-65535"_s);
    QCOMPARE(find<QTabWidget>(&dialog, u"tabs"_s)->currentIndex(), 0);

    type(find<QLineEdit>(&dialog, u"address"_s), u"999.1.1.1"_s);
    type(find<QLineEdit>(&dialog, u"port"_s), u"25"_s);
    clickOk(dialog);
    verifyRefused(dialog, u"addressError"_s, u"IPv4 or IPv6"_s);
    QVERIFY(find<QLabel>(&dialog, u"portError"_s)->isHidden());
}

// AUTH is offered only under TLS: requiring it where there is none would let nobody in.
void TestDialogs::smtpServiceRequireAuthNeedsTls()
{
    const config::Settings before = base();
    QVERIFY(before.smtp.tlsCertificate.isEmpty());
    QVERIFY(!before.smtp.allowPlaintextAuth);
    SmtpServiceDialog dialog(before, 0);
    show(dialog);
    find<QTabWidget>(&dialog, u"tabs"_s)->setCurrentIndex(2);
    tick(find<QCheckBox>(&dialog, u"requireAuth"_s));
    clickOk(dialog);
    verifyRefused(dialog, u"requireAuthError"_s, u"obody could log in"_s);

    tick(find<QCheckBox>(&dialog, u"allowPlaintextAuth"_s));
    clickOk(dialog);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QVERIFY(dialog.settings().smtp.listeners.at(0).requireAuth);
}

bool TestDialogs::makePair(const QString &name, const QString &passphrase)
{
    QProcess openssl;
    openssl.setProcessChannelMode(QProcess::MergedChannels);
    QStringList args{u"req"_s,
                     u"-x509"_s,
                     u"-newkey"_s,
                     u"rsa:2048"_s,
                     u"-sha256"_s,
                     u"-days"_s,
                     u"30"_s,
                     u"-subj"_s,
                     u"/CN=mailbox.example.com"_s,
                     u"-keyout"_s,
                     m_dir.filePath(name + u"-key.pem"_s),
                     u"-out"_s,
                     m_dir.filePath(name + u"-cert.pem"_s)};
    args << (passphrase.isEmpty() ? QStringList{u"-nodes"_s}
                                  : QStringList{u"-passout"_s, u"pass:"_s + passphrase});
    openssl.start(u"openssl"_s, args);
    if (openssl.waitForFinished(60000) && openssl.exitCode() == 0)
        return true;
    qWarning("openssl: %s", openssl.readAll().constData());
    return false;
}

void TestDialogs::choose(QDialog &dialog, const QString &button, const QString &file)
{
    bool picked = false;
    QTimer::singleShot(0, this, [&] {
        auto *files = qobject_cast<QFileDialog *>(QApplication::activeModalWidget());
        QVERIFY(files);
        files->selectFile(file);
        QMetaObject::invokeMethod(files, &QDialog::accept);
        picked = true;
    });
    QTest::mouseClick(find<QPushButton>(&dialog, button), Qt::LeftButton);
    QVERIFY(picked);
}

// The certificate and key chosen with the file dialogs are written to the settings (relative
// to the configuration's folder), and the dialog tells what the certificate is.
void TestDialogs::smtpServiceCertificateFiles()
{
    QVERIFY(makePair(u"a"_s));
    SmtpServiceDialog dialog(base(), 0);
    show(dialog);
    choose(dialog, u"browseTlsCertificate"_s, m_dir.filePath(u"a-cert.pem"_s));
    choose(dialog, u"browseTlsKey"_s, m_dir.filePath(u"a-key.pem"_s));
    QCOMPARE(find<QLineEdit>(&dialog, u"tlsCertificate"_s)->text(), u"a-cert.pem"_s);
    QCOMPARE(find<QLineEdit>(&dialog, u"tlsKey"_s)->text(), u"a-key.pem"_s);
    QVERIFY2(find<QLabel>(&dialog, u"tlsState"_s)->text().contains(u"mailbox.example.com"_s),
             qPrintable(find<QLabel>(&dialog, u"tlsState"_s)->text()));
    QVERIFY(!find<QLineEdit>(&dialog, u"tlsKeyPassphrase"_s)->isEnabled()); // not encrypted
    clickOk(dialog);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    const config::Settings s = dialog.settings();
    QCOMPARE(s.smtp.tlsCertificate, u"a-cert.pem"_s);
    QCOMPARE(s.smtp.tlsKey, u"a-key.pem"_s);
    const QJsonObject tls =
        config::toJson(s).value(u"smtp"_s).toObject().value(u"tls"_s).toObject();
    QCOMPARE(tls.value(u"certificate"_s).toString(), u"a-cert.pem"_s);
    QCOMPARE(tls.value(u"key"_s).toString(), u"a-key.pem"_s);
}

// A key of another certificate is refused at OK, as the engine would refuse it at start.
void TestDialogs::smtpServiceMismatchedKeyRefused()
{
    QVERIFY(makePair(u"m1"_s));
    QVERIFY(makePair(u"m2"_s));
    SmtpServiceDialog dialog(base(), 0);
    show(dialog);
    type(find<QLineEdit>(&dialog, u"tlsCertificate"_s), u"m1-cert.pem"_s);
    type(find<QLineEdit>(&dialog, u"tlsKey"_s), u"m2-key.pem"_s);
    clickOk(dialog);
    verifyRefused(dialog, u"tlsCertificateError"_s, u"does not match"_s);
    type(find<QLineEdit>(&dialog, u"tlsKey"_s), QString());
    clickOk(dialog);
    verifyRefused(dialog, u"tlsCertificateError"_s, u"private key"_s);
    type(find<QLineEdit>(&dialog, u"tlsKey"_s), u"m1-key.pem"_s);
    clickOk(dialog);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
}

// An encrypted key asks for its passphrase, refuses a wrong one, and keeps the right one in
// the keychain, never in the file.
void TestDialogs::smtpServiceEncryptedKey()
{
    QVERIFY(makePair(u"enc"_s, u"open sesame"_s));
    SmtpServiceDialog dialog(base(), 0);
    show(dialog);
    type(find<QLineEdit>(&dialog, u"tlsCertificate"_s), u"enc-cert.pem"_s);
    type(find<QLineEdit>(&dialog, u"tlsKey"_s), u"enc-key.pem"_s);
    auto *passphrase = find<QLineEdit>(&dialog, u"tlsKeyPassphrase"_s);
    QVERIFY(passphrase->isEnabled());
    clickOk(dialog);
    verifyRefused(dialog, u"tlsKeyPassphraseError"_s, u"passphrase"_s);
    type(passphrase, u"wrong"_s);
    clickOk(dialog);
    verifyRefused(dialog, u"tlsCertificateError"_s, u"passphrase"_s);
    type(passphrase, u"open sesame"_s);
    clickOk(dialog);
    QTRY_COMPARE_WITH_TIMEOUT(dialog.result(), int(QDialog::Accepted), 10000);
    QVERIFY(!QJsonDocument(config::toJson(dialog.settings())).toJson().contains("open sesame"));
    QString kept;
    bool read = false;
    Secrets::loadTlsPassphrase(this, [&](const QString &p, const QString &) {
        kept = p;
        read = true;
    });
    QTRY_VERIFY_WITH_TIMEOUT(read, 10000);
    QCOMPARE(kept, u"open sesame"_s);
    bool removed = false;
    Secrets::storeTlsPassphrase({}, this, [&](bool, const QString &) { removed = true; });
    QTRY_VERIFY_WITH_TIMEOUT(removed, 10000);
}

// Make a self-signed certificate: a pair for the server's host name in the configuration's
// tls/ folder, the key readable by its owner only, named in the settings, and an engine
// starts with it on an SMTPS listener.
void TestDialogs::smtpServiceSelfSigned()
{
    const config::Settings before = base();
    SmtpServiceDialog dialog(before, 0);
    show(dialog);
    QSignalSpy made(&dialog, &SmtpServiceDialog::certificateMade);
    QTest::mouseClick(find<QPushButton>(&dialog, u"makeSelfSigned"_s), Qt::LeftButton);
    QVERIFY(made.wait(30000));
    QCOMPARE(made.first().first().toBool(), true);
    const QString certificate = find<QLineEdit>(&dialog, u"tlsCertificate"_s)->text();
    const QString key = find<QLineEdit>(&dialog, u"tlsKey"_s)->text();
    QVERIFY2(certificate.startsWith(u"tls/mailbox.example.com-"_s), qPrintable(certificate));
    QVERIFY2(key.startsWith(u"tls/mailbox.example.com-"_s), qPrintable(key));
    QCOMPARE(QFile(m_dir.filePath(key)).permissions() &
                 ~(QFile::ReadOwner | QFile::WriteOwner | QFile::ReadUser | QFile::WriteUser),
             QFile::Permissions());
    QVERIFY2(find<QLabel>(&dialog, u"tlsState"_s)->text().contains(u"Self-signed"_s),
             qPrintable(find<QLabel>(&dialog, u"tlsState"_s)->text()));
    clickOk(dialog);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    config::Settings s = dialog.settings();
    QCOMPARE(s.smtp.tlsCertificate, certificate);
    QCOMPARE(s.smtp.tlsKey, key);
    QString error;
    QVERIFY2(Engine::checkCertificate(s.resolvePath(certificate), s.resolvePath(key), {}, &error),
             qPrintable(error));

    // The engine serves it: an SMTPS listener starts (its TLS context loads the pair).
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
    const quint16 port = probe.serverPort();
    probe.close();
    s.smtp.listeners[0].port = port;
    s.smtp.listeners[0].mode = config::ListenerMode::Smtps;
    s.server.dataDir = m_dir.filePath(u"selfsigned-data"_s);
    Engine engine(s);
    QVERIFY2(engine.start(&error), qPrintable(error));
    QVERIFY(engine.listeningAddresses().join(u' ').contains(QString::number(port)));
}

void TestDialogs::openRelayRefused()
{
    const config::Settings before = base();
    QVERIFY(!before.smtp.listeners.at(0).requireAuth);
    SmtpServiceDialog dialog(before, 0);
    show(dialog);
    find<QTabWidget>(&dialog, u"tabs"_s)->setCurrentIndex(2);
    type(find<QLineEdit>(&dialog, u"newRelayNetwork"_s), u"0.0.0.0/0"_s);
    QTest::mouseClick(find<QPushButton>(&dialog, u"addRelayNetwork"_s), Qt::LeftButton);
    clickOk(dialog);
    verifyRefused(dialog, u"relayNetworksError"_s, u"0.0.0.0/0"_s);
    QVERIFY(find<QLabel>(&dialog, u"relayNetworksError"_s)->text().contains(u"relay"_s));

    // With authentication required on the only listener it is no longer an open relay (and
    // authentication needs TLS, or leave to go without).
    tick(find<QCheckBox>(&dialog, u"requireAuth"_s));
    tick(find<QCheckBox>(&dialog, u"allowPlaintextAuth"_s));
    clickOk(dialog);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(dialog.settings().smtp.relayNetworks.last().text, u"0.0.0.0/0"_s);
}

void TestDialogs::outgoingMail()
{
    config::Settings before = base();
    QCOMPARE(before.outgoing.staticRoutes.size(), 1); // * -> 127.0.0.1:3525
    OutgoingMailDialog dialog(before);
    show(dialog);
    type(find<QLineEdit>(&dialog, u"smarthostHost"_s), u"smtp.isp.test"_s);
    type(find<QLineEdit>(&dialog, u"smarthostPort"_s), u"587"_s);
    type(find<QLineEdit>(&dialog, u"smarthostUser"_s), u"office"_s);
    const QString secret = u"dialog s3cret %1"_s.arg(QDateTime::currentMSecsSinceEpoch());
    type(find<QLineEdit>(&dialog, u"smarthostPassword"_s), secret);
    auto *tls = find<QComboBox>(&dialog, u"smarthostTls"_s);
    tls->setCurrentIndex(tls->findData(int(config::TlsMode::Required)));

    // Add a route through the route editor (modal: filled from a queued call).
    find<QTabWidget>(&dialog, u"tabs"_s)->setCurrentIndex(1);
    bool edited = false;
    QTimer::singleShot(0, this, [&] {
        auto *route = qobject_cast<RouteDialog *>(QApplication::activeModalWidget());
        QVERIFY(route);
        type(find<QLineEdit>(route, u"routeDomains"_s), u"Other.example, *.lan.example"_s);
        type(find<QLineEdit>(route, u"routeHost"_s), u"192.168.1.20"_s);
        type(find<QLineEdit>(route, u"routePort"_s), u"2525"_s);
        clickOk(*route);
        edited = route->result() == QDialog::Accepted;
    });
    QTest::mouseClick(find<QPushButton>(&dialog, u"addRoute"_s), Qt::LeftButton);
    QVERIFY(edited);
    auto *table = find<QTableWidget>(&dialog, u"staticRoutes"_s);
    QCOMPARE(table->rowCount(), 2);
    QCOMPARE(table->currentRow(), 1);
    QTest::mouseClick(find<QPushButton>(&dialog, u"moveRouteUp"_s), Qt::LeftButton);
    QCOMPARE(table->item(0, 1)->text(), u"192.168.1.20"_s);
    QCOMPARE(table->currentRow(), 0);
    // A route with a bad port is refused in the route editor, which stays open.
    bool refused = false;
    QTimer::singleShot(0, this, [&] {
        auto *route = qobject_cast<RouteDialog *>(QApplication::activeModalWidget());
        QVERIFY(route);
        type(find<QLineEdit>(route, u"routePort"_s), u"70000"_s);
        clickOk(*route);
        refused = route->isVisible() && find<QLabel>(route, u"routePortError"_s)->isVisible();
        route->reject();
    });
    QTest::mouseClick(find<QPushButton>(&dialog, u"editRoute"_s), Qt::LeftButton);
    QVERIFY(refused);
    QCOMPARE(table->item(0, 2)->text(), u"2525"_s); // cancelled: unchanged
    table->selectRow(1);
    QTest::mouseClick(find<QPushButton>(&dialog, u"removeRoute"_s), Qt::LeftButton);
    QCOMPARE(table->rowCount(), 1);

    find<QTabWidget>(&dialog, u"tabs"_s)->setCurrentIndex(2);
    type(find<QLineEdit>(&dialog, u"retrySchedule"_s), u"2, 10,60"_s);
    find<QSpinBox>(&dialog, u"warnAfterHours"_s)->setValue(2);
    find<QSpinBox>(&dialog, u"giveUpAfterHours"_s)->setValue(48);
    clickOk(dialog);
    // The dialog closes once the keychain has stored the password.
    QTRY_COMPARE_WITH_TIMEOUT(dialog.result(), int(QDialog::Accepted), 10000);
    QVERIFY(find<QLabel>(&dialog, u"smarthostPasswordError"_s)->text().isEmpty());

    const config::Settings s = dialog.settings();
    QCOMPARE(s.outgoing.smarthost.host, u"smtp.isp.test"_s);
    QCOMPARE(s.outgoing.smarthost.port, quint16(587));
    QCOMPARE(s.outgoing.smarthost.username, u"office"_s);
    QCOMPARE(config::toString(s.outgoing.smarthost.tls),
             config::toString(config::TlsMode::Required));
    QCOMPARE(s.outgoing.staticRoutes.size(), 1);
    const config::StaticRoute &r = s.outgoing.staticRoutes.at(0);
    QCOMPARE(r.domains, QStringList({u"other.example"_s, u"*.lan.example"_s}));
    QCOMPARE(r.host, u"192.168.1.20"_s);
    QCOMPARE(r.port, quint16(2525));
    QCOMPARE(s.outgoing.retry.scheduleMinutes, QList<int>({2, 10, 60}));
    QCOMPARE(s.outgoing.retry.warnAfterHours, 2);
    QCOMPARE(s.outgoing.retry.giveUpAfterHours, 48);
    QCOMPARE(config::toString(s.server.role), config::toString(config::Role::Custom));

    // The password is for the engine and the keychain, never for the file.
    const QString hop = routing::hopFor(u"smtp.isp.test"_s, 587);
    QCOMPARE(s.passwords.value(hop), secret);
    const QByteArray file = QJsonDocument(config::toJson(s)).toJson();
    QVERIFY(!file.contains(secret.toUtf8()));
    QVERIFY(!file.contains("s3cret"));

    QHash<QString, QString> loaded;
    bool done = false;
    Secrets::load(Secrets::hopsNeedingPasswords(s), this,
                  [&](const QHash<QString, QString> &passwords, const QStringList &errors) {
                      QVERIFY2(errors.isEmpty(), qPrintable(errors.join(u"; "_s)));
                      loaded = passwords;
                      done = true;
                  });
    QTRY_VERIFY_WITH_TIMEOUT(done, 10000);
    QCOMPARE(loaded.value(hop), secret);

    // Opened again with those passwords, the field shows it and OK does not rewrite it.
    OutgoingMailDialog again(s);
    QCOMPARE(find<QLineEdit>(&again, u"smarthostPassword"_s)->text(), secret);
    again.accept();
    QCOMPARE(again.result(), int(QDialog::Accepted));
}

void TestDialogs::outgoingRefusesBadSchedule()
{
    OutgoingMailDialog dialog(base());
    show(dialog);
    type(find<QLineEdit>(&dialog, u"retrySchedule"_s), u"1, soon"_s);
    clickOk(dialog);
    verifyRefused(dialog, u"retryScheduleError"_s, u"soon"_s);
    QCOMPARE(find<QTabWidget>(&dialog, u"tabs"_s)->currentIndex(), 2);

    type(find<QLineEdit>(&dialog, u"retrySchedule"_s), u"0, 5"_s);
    clickOk(dialog);
    verifyRefused(dialog, u"retryScheduleError"_s, u"1-100000"_s);

    type(find<QLineEdit>(&dialog, u"retrySchedule"_s), u"5"_s);
    find<QSpinBox>(&dialog, u"warnAfterHours"_s)->setValue(10);
    find<QSpinBox>(&dialog, u"giveUpAfterHours"_s)->setValue(5);
    clickOk(dialog);
    verifyRefused(dialog, u"warnAfterHoursError"_s, u"less than"_s);

    find<QSpinBox>(&dialog, u"giveUpAfterHours"_s)->setValue(50);
    type(find<QLineEdit>(&dialog, u"smarthostHost"_s), u"bad host!"_s);
    type(find<QLineEdit>(&dialog, u"smarthostPort"_s), u"70000"_s);
    clickOk(dialog);
    verifyRefused(dialog, u"smarthostPortError"_s, u"1-65535"_s);
    type(find<QLineEdit>(&dialog, u"smarthostPort"_s), u"25"_s);
    clickOk(dialog);
    verifyRefused(dialog, u"smarthostHostError"_s, u"host name"_s);
    QVERIFY(find<QLabel>(&dialog, u"retryScheduleError"_s)->isHidden());
}

void TestDialogs::mailboxes()
{
    const config::Settings before = base();
    QCOMPARE(before.mailboxes.users.size(), 3); // postmaster, alice, bob
    const QStringList onDisk{u"alice@example.com"_s, u"postmaster@example.com"_s};
    MailboxesDialog dialog(before, onDisk);
    show(dialog);
    auto *disk = find<QListWidget>(&dialog, u"mailboxesOnDisk"_s);
    QCOMPARE(disk->count(), 2);
    QCOMPARE(disk->item(0)->text(), u"alice@example.com"_s);
    QVERIFY(find<QLabel>(&dialog, u"noMailboxes"_s)->isHidden());

    auto *users = find<QTreeWidget>(&dialog, u"users"_s);
    QCOMPARE(users->topLevelItemCount(), 3);
    type(find<QLineEdit>(&dialog, u"userName"_s), u"Carol@Other.example"_s);
    type(find<QLineEdit>(&dialog, u"userPassword"_s), u"carol pw"_s);
    QTest::mouseClick(find<QPushButton>(&dialog, u"addUser"_s), Qt::LeftButton);
    QCOMPARE(users->topLevelItemCount(), 4);
    QVERIFY(find<QLineEdit>(&dialog, u"userPassword"_s)->text().isEmpty());

    users->setCurrentItem(users->topLevelItem(1)); // alice
    type(find<QLineEdit>(&dialog, u"userPassword"_s), u"alice pw"_s);
    QTest::mouseClick(find<QPushButton>(&dialog, u"setPassword"_s), Qt::LeftButton);
    users->setCurrentItem(users->topLevelItem(2)); // bob
    QTest::mouseClick(find<QPushButton>(&dialog, u"removeUser"_s), Qt::LeftButton);
    clickOk(dialog);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));

    const QList<config::User> s = dialog.settings().mailboxes.users;
    QCOMPARE(s.size(), 3);
    QCOMPARE(s.at(0).name, u"postmaster"_s);
    QVERIFY(s.at(0).password.isEmpty());
    QCOMPARE(s.at(1).name, u"alice"_s);
    QVERIFY(passwords::verify("alice pw", s.at(1).password));
    QCOMPARE(s.at(2).name, u"carol@other.example"_s);
    QVERIFY(passwords::verify("carol pw", s.at(2).password));
    QVERIFY(!passwords::verify("alice pw", s.at(2).password));
    QCOMPARE(config::toString(dialog.settings().server.role),
             config::toString(config::Role::Mailbox)); // users are no role option
}

void TestDialogs::mailboxesRefuseBadName()
{
    MailboxesDialog dialog(base()); // the mailboxes on disk come later
    show(dialog);
    auto *diskState = find<QLabel>(&dialog, u"noMailboxes"_s);
    QVERIFY(diskState->isVisible());
    QCOMPARE(diskState->text(), u"Reading the data folder…"_s);
    dialog.setMailboxesOnDisk({});
    QVERIFY(diskState->isVisible());
    QCOMPARE(diskState->text(), u"No mailbox has been created yet."_s);
    dialog.setMailboxesOnDisk({u"alice@example.com"_s});
    QVERIFY(diskState->isHidden());
    QCOMPARE(find<QListWidget>(&dialog, u"mailboxesOnDisk"_s)->count(), 1);
    auto *users = find<QTreeWidget>(&dialog, u"users"_s);
    type(find<QLineEdit>(&dialog, u"userName"_s), u"../root"_s);
    QTest::mouseClick(find<QPushButton>(&dialog, u"addUser"_s), Qt::LeftButton);
    verifyRefused(dialog, u"userNameError"_s, u"letters"_s);
    type(find<QLineEdit>(&dialog, u"userName"_s), u"eve@elsewhere.test"_s);
    QTest::mouseClick(find<QPushButton>(&dialog, u"addUser"_s), Qt::LeftButton);
    verifyRefused(dialog, u"userNameError"_s, u"elsewhere.test"_s);
    type(find<QLineEdit>(&dialog, u"userName"_s), u"ALICE"_s);
    QTest::mouseClick(find<QPushButton>(&dialog, u"addUser"_s), Qt::LeftButton);
    verifyRefused(dialog, u"userNameError"_s, u"already"_s);
    QCOMPARE(users->topLevelItemCount(), 3);
    users->clearSelection();
    type(find<QLineEdit>(&dialog, u"userPassword"_s), u"pw"_s);
    QTest::mouseClick(find<QPushButton>(&dialog, u"setPassword"_s), Qt::LeftButton);
    verifyRefused(dialog, u"userPasswordError"_s, u"Select"_s);
}

// Mail to postmaster goes to a mailbox of its own or to one of the users; removing that user
// takes the choice back to the mailbox of its own, so the file stays valid.
void TestDialogs::mailboxesPostmaster()
{
    config::Settings before = base();
    before.mailboxes.postmaster = u"bob@example.com"_s; // any spelling of bob's name
    MailboxesDialog dialog(before, QStringList{});
    show(dialog);
    auto *postmaster = find<QComboBox>(&dialog, u"postmaster"_s);
    QCOMPARE(postmaster->count(), 4); // its own mailbox, postmaster, alice, bob
    QCOMPARE(postmaster->currentText(), u"bob"_s);
    QCOMPARE(postmaster->itemData(0).toString(), QString());

    // A new user is there to choose at once.
    type(find<QLineEdit>(&dialog, u"userName"_s), u"carol"_s);
    QTest::mouseClick(find<QPushButton>(&dialog, u"addUser"_s), Qt::LeftButton);
    QCOMPARE(postmaster->count(), 5);
    QCOMPARE(postmaster->currentText(), u"bob"_s);
    postmaster->setCurrentIndex(postmaster->findText(u"carol"_s));
    clickOk(dialog);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(dialog.settings().mailboxes.postmaster, u"carol"_s);

    MailboxesDialog again(dialog.settings(), QStringList{});
    show(again);
    auto *users = find<QTreeWidget>(&again, u"users"_s);
    auto *choice = find<QComboBox>(&again, u"postmaster"_s);
    QCOMPARE(choice->currentText(), u"carol"_s);
    users->setCurrentItem(users->topLevelItem(3)); // carol
    QTest::mouseClick(find<QPushButton>(&again, u"removeUser"_s), Qt::LeftButton);
    QCOMPARE(choice->currentIndex(), 0);
    clickOk(again);
    QCOMPARE(again.result(), int(QDialog::Accepted));
    QVERIFY(again.settings().mailboxes.postmaster.isEmpty());
}

void TestDialogs::cancelKeepsSettings()
{
    const config::Settings before = base();
    InboxPropertiesDialog dialog(before);
    show(dialog);
    tick(find<QCheckBox>(&dialog, u"copyToSenderSentItems"_s));
    QTest::mouseClick(find<QPushButton>(&dialog, u"cancelButton"_s), Qt::LeftButton);
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    QCOMPARE(QJsonDocument(config::toJson(dialog.settings())).toJson(),
             QJsonDocument(config::toJson(before)).toJson());
}

// Every option an administrator can tick, choose or type into, in every Options dialog (the
// Passthrough, Undelivered Mail and Blacklists tabs above all), says what it does: a tooltip,
// and a What's This text at least as long.
void TestDialogs::everyOptionExplainsItself()
{
    const auto check = [](QDialog &dialog) {
        QStringList missing;
        int options = 0;
        for (QWidget *w : dialog.findChildren<QWidget *>()) {
            // The line edit inside a spin box or a combo box is part of it, not an option.
            if (qobject_cast<QAbstractSpinBox *>(w->parentWidget()) ||
                qobject_cast<QComboBox *>(w->parentWidget()))
                continue;
            const auto *button = qobject_cast<QAbstractButton *>(w);
            const auto *view = qobject_cast<QAbstractItemView *>(w);
            const bool option = (button && button->isCheckable()) || qobject_cast<QLineEdit *>(w) ||
                                qobject_cast<QAbstractSpinBox *>(w) ||
                                qobject_cast<QComboBox *>(w) ||
                                (view && !qobject_cast<QAbstractItemView *>(w->parentWidget()) &&
                                 view->objectName() != u"qt_scrollarea_viewport"_s &&
                                 !view->objectName().isEmpty());
            if (!option)
                continue;
            ++options;
            if (w->toolTip().trimmed().isEmpty() || w->whatsThis().trimmed().isEmpty() ||
                w->whatsThis().size() < w->toolTip().size())
                missing.append(w->objectName().isEmpty()
                                   ? QString::fromLatin1(w->metaObject()->className())
                                   : w->objectName());
        }
        QVERIFY2(options > 0, qPrintable(dialog.objectName()));
        QVERIFY2(missing.isEmpty(), qPrintable(dialog.objectName() +
                                               u": no tooltip or What's "
                                               u"This on "_s +
                                               missing.join(u", "_s)));
    };
    config::Settings s = base();
    config::StaticRoute lan;
    lan.domains = {u"lan.example"_s};
    lan.host = u"192.0.2.1"_s;
    s.outgoing.staticRoutes.append(lan);
    {
        InboxPropertiesDialog d(s);
        check(d);
    }
    {
        SmtpServiceDialog d(s, 0);
        check(d);
    }
    {
        ServerDialog d(s);
        check(d);
    }
    {
        OutgoingMailDialog d(s);
        check(d);
    }
    {
        RouteDialog d(s, 0);
        check(d);
    }
    {
        MailboxesDialog d(s, {u"alice@example.com"_s});
        check(d);
    }
}

// With TANDEM_SCREENSHOTS=folder, renders every dialog and tab there as options-*.png and
// prints each dialog's tab order, for a person to look at.
void TestDialogs::screenshots()
{
    const QString out = qEnvironmentVariable("TANDEM_SCREENSHOTS");
    if (out.isEmpty())
        QSKIP("set TANDEM_SCREENSHOTS to a folder to render the dialogs");
    QDir().mkpath(out);
    // TANDEM_LANGUAGE=de or fr renders them translated (Qt's own buttons too, as in the
    // console), to check the labels still fit.
    const QString language = qEnvironmentVariable("TANDEM_LANGUAGE");
    if (!language.isEmpty())
        QVERIFY(tandem::ui::language::apply(language));
    else
        tandem::ui::language::apply(u"en"_s); // as the console does: "90 days", not "day(s)"
    auto save = [&](QDialog &dialog, const QString &name) {
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QTest::qWait(50);
        QVERIFY(dialog.grab().save(out + u"/options-"_s + name + u".png"_s));
    };
    auto tabOrder = [](QDialog &dialog) {
        QStringList chain;
        QWidget *w = dialog.nextInFocusChain();
        for (int i = 0; w && w != &dialog && i < 200; ++i, w = w->nextInFocusChain()) {
            if (w->focusPolicy() & Qt::TabFocus && !w->objectName().isEmpty())
                chain.append(w->objectName());
        }
        qInfo().noquote() << dialog.objectName() << "tab order:" << chain.join(u" → "_s);
    };
    auto tabs = [&](QDialog &dialog, const QStringList &names) {
        auto *t = find<QTabWidget>(&dialog, u"tabs"_s);
        for (int i = 0; i < names.size(); ++i) {
            t->setCurrentIndex(i);
            save(dialog, names.at(i));
        }
    };
    config::Settings s = base();
    s.passwords.insert(routing::hopFor(u"smtp.isp.test"_s, 587), u"x"_s);
    {
        ServerDialog d(s);
        tabOrder(d);
        save(d, u"server"_s);
        type(find<QLineEdit>(&d, u"domain"_s), u"not a domain!"_s);
        clickOk(d);
        save(d, u"server-error"_s);
    }
    {
        InboxPropertiesDialog d(s);
        tabOrder(d);
        tabs(d, {u"inbox-passthrough"_s, u"inbox-undelivered"_s});
    }
    {
        SmtpServiceDialog d(s, 0);
        tabOrder(d);
        tabs(d, {u"smtp-general"_s, u"smtp-blacklists"_s, u"smtp-relaying"_s});
        type(find<QLineEdit>(&d, u"newRelayNetwork"_s), u"0.0.0.0/0"_s);
        QTest::mouseClick(find<QPushButton>(&d, u"addRelayNetwork"_s), Qt::LeftButton);
        clickOk(d);
        save(d, u"smtp-open-relay"_s);
    }
    {
        config::Settings o = s;
        o.outgoing.smarthost.host = u"smtp.isp.test"_s;
        o.outgoing.smarthost.port = 587;
        o.outgoing.smarthost.username = u"office"_s;
        config::StaticRoute lan;
        lan.domains = {u"lan.example"_s, u"*.lan.example"_s};
        lan.host = u"192.168.1.20"_s;
        lan.port = 25;
        o.outgoing.staticRoutes.prepend(lan);
        OutgoingMailDialog d(o);
        tabOrder(d);
        tabs(d, {u"outgoing-smarthost"_s, u"outgoing-routes"_s, u"outgoing-retry"_s});
        RouteDialog r(o, 0);
        tabOrder(r);
        save(r, u"outgoing-route"_s);
    }
    {
        MailboxesDialog d(s, {u"alice@example.com"_s, u"postmaster@example.com"_s});
        tabOrder(d);
        save(d, u"mailboxes"_s); // the Archive tab: tst_archivetab, on a data folder
    }
}

QTEST_MAIN(TestDialogs)
#include "tst_dialogs.moc"
