// The console's very first start, as a new administrator meets it: there is no configuration
// file yet, so the role wizard comes up. Cancelled, the default configuration is written, read
// back and run — a filled tree, a running engine, and no error on the way.
#include "config/passwords.h"
#include "config/settings.h"
#include "enginehost.h"
#include "mainwindow.h"
#include "queuefixture.h"
#include "rolewizard.h"
#include "threadwarnings.h"

#include <QApplication>
#include <QFile>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeWidget>

using namespace Qt::StringLiterals;
using tandem::ui::EngineHost;
using tandem::ui::MainWindow;
using tandem::ui::RoleWizard;

class TestFirstStart : public QObject {
    Q_OBJECT
private slots:
    void init() { tandem::test::failOnThreadWarnings(); }
    void cancelledWizardRunsTheDefault();
    void finishedWizardWritesOnlyWhatWasEntered();

private:
    void fillWizard(RoleWizard *wizard, int smtpPort);
};

void TestFirstStart::cancelledWizardRunsTheDefault()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"tandem.json"_s);
    QVERIFY(!QFile::exists(path));
    MainWindow window(path);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    // Whatever comes up modally: the wizard is cancelled, a message box is noted and closed.
    bool wizardShown = false;
    QStringList messages;
    QTimer watcher;
    watcher.setInterval(20);
    connect(&watcher, &QTimer::timeout, this, [&] {
        QWidget *modal = QApplication::activeModalWidget();
        if (auto *wizard = qobject_cast<RoleWizard *>(modal)) {
            wizardShown = true;
            wizard->reject();
        } else if (auto *box = qobject_cast<QMessageBox *>(modal)) {
            messages.append(box->windowTitle() + u": "_s + box->text());
            box->reject();
        }
    });
    watcher.start();
    QSignalSpy started(window.host(), &EngineHost::started);

    // The default configuration, on free ports rather than its 2525 and 3525.
    tandem::config::Settings defaults = tandem::config::defaultSettings();
    defaults.smtp.listeners.first().port = quint16(tandem::test::freePort());
    defaults.outgoing.staticRoutes.first().port = quint16(tandem::test::freePort());
    window.startUp(defaults);
    QVERIFY(wizardShown);
    (void)QTest::qWaitFor([&] { return !started.isEmpty() || !messages.isEmpty(); }, 10000);
    QVERIFY2(messages.isEmpty(), qPrintable(messages.join(u'\n')));
    QCOMPARE(started.size(), 1);

    // The file on disk is the whole default configuration, and valid.
    const tandem::config::LoadResult loaded = tandem::config::loadFile(path);
    QVERIFY2(loaded.ok(), qPrintable(loaded.errors.join(u'\n')));
    QCOMPARE(QJsonDocument(tandem::config::toJson(loaded.settings)),
             QJsonDocument(tandem::config::toJson(defaults)));
    QCOMPARE(QFile::permissions(path) & 0x0077, 0); // it holds password hashes one day

    // The console shows it.
    auto *tree = window.findChild<QTreeWidget *>(u"navigation"_s);
    QVERIFY(tree);
    QCOMPARE(tree->topLevelItemCount(), 8);           // Server … Mailboxes, Search, Queue, Log
    QCOMPARE(tree->topLevelItem(3)->childCount(), 1); // the default's one SMTP service
    QCOMPARE(window.settings().server.domain, u"example.com"_s);
    QVERIFY(window.findChild<QLabel *>(u"lastError"_s)->text().isEmpty());

    QSignalSpy stopped(window.host(), &EngineHost::stopped);
    window.stopEngine();
    QVERIFY(stopped.wait(10000));
}

// Finished on a first start, the wizard's settings are written and run: the users typed on its
// Users page and nobody else (no demo alice, bob or postmaster), on the ports typed (free
// loopback ports here; a real first start proposes 25 and 587, see tst_wizard).
void TestFirstStart::finishedWizardWritesOnlyWhatWasEntered()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"tandem.json"_s);
    MainWindow window(path);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    const int smtpPort = tandem::test::freePort();

    bool driven = false;
    QStringList messages;
    QTimer watcher;
    watcher.setInterval(20);
    connect(&watcher, &QTimer::timeout, this, [&] {
        QWidget *modal = QApplication::activeModalWidget();
        if (auto *box = qobject_cast<QMessageBox *>(modal)) {
            messages.append(box->windowTitle() + u": "_s + box->text());
            box->reject();
            return;
        }
        auto *wizard = qobject_cast<RoleWizard *>(modal);
        if (!wizard || driven)
            return;
        driven = true;
        fillWizard(wizard, smtpPort);
        if (wizard->currentId() == int(RoleWizard::SummaryPageId))
            wizard->button(QWizard::FinishButton)->click();
        else
            wizard->reject(); // a check in fillWizard failed
    });
    watcher.start();
    QSignalSpy started(window.host(), &EngineHost::started);

    window.startUp();
    QVERIFY(driven);
    QVERIFY(!started.isEmpty() || started.wait(10000));
    QVERIFY2(messages.isEmpty(), qPrintable(messages.join(u'\n')));

    const tandem::config::LoadResult loaded = tandem::config::loadFile(path);
    QVERIFY2(loaded.ok(), qPrintable(loaded.errors.join(u'\n')));
    const tandem::config::Settings &s = loaded.settings;
    QCOMPARE(s.server.domain, u"example.net"_s);
    QCOMPARE(s.mailboxes.users.size(), 1);
    QCOMPARE(s.mailboxes.users.first().name, u"carol"_s);
    QVERIFY(tandem::passwords::verify("carol's secret", s.mailboxes.users.first().password));
    QVERIFY(s.mailboxes.postmaster.isEmpty());
    QCOMPARE(s.smtp.listeners.size(), 2);
    QCOMPARE(s.smtp.listeners.at(0).port, quint16(smtpPort));
    QCOMPARE(started.first().first().toStringList().size(), 2);

    QSignalSpy stopped(window.host(), &EngineHost::stopped);
    window.stopEngine();
    QVERIFY(stopped.wait(10000));
}

// Page by page as an administrator fills them, with free loopback ports instead of 25 and 587.
void TestFirstStart::fillWizard(RoleWizard *wizard, int smtpPort)
{
    const auto set = [wizard](const char *name, const QString &text) {
        auto *edit = wizard->findChild<QLineEdit *>(QString::fromLatin1(name));
        if (!edit)
            qFatal("no field %s", name);
        edit->setText(text);
    };
    QCOMPARE(wizard->currentId(), int(RoleWizard::RolePageId));
    wizard->next();
    set("domainEdit", u"example.net"_s);
    set("hostnameEdit", u"mailbox.example.net"_s);
    wizard->next();
    set("partnerHostEdit", u"127.0.0.1"_s);
    set("partnerPortEdit", QString::number(tandem::test::freePort()));
    wizard->next();
    set("smtpAddressEdit", u"127.0.0.1"_s);
    set("smtpPortEdit", QString::number(smtpPort));
    set("submissionAddressEdit", u"127.0.0.1"_s);
    set("submissionPortEdit", QString::number(tandem::test::freePort()));
    set("lanNetworksEdit", u"127.0.0.1/32"_s);
    wizard->next();
    QCOMPARE(wizard->currentId(), int(RoleWizard::CertificatePageId));
    wizard->next(); // makes a certificate in the folder, then goes on by itself
    QVERIFY(QTest::qWaitFor([&] { return wizard->currentId() == int(RoleWizard::UsersPageId); },
                            60000));
    set("wizardUserNameEdit", u"carol"_s);
    set("wizardUserPasswordEdit", u"carol's secret"_s);
    wizard->next(); // a name typed and not added yet is added
    QCOMPARE(wizard->currentId(), int(RoleWizard::SummaryPageId));
}

QTEST_MAIN(TestFirstStart)
#include "tst_firststart.moc"
