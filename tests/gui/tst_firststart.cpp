// The console's very first start, as a new administrator meets it: there is no configuration
// file yet, so the role wizard comes up. Cancelled, the default configuration is written, read
// back and run — a filled tree, a running engine, and no error on the way.
#include "config/settings.h"
#include "enginehost.h"
#include "mainwindow.h"
#include "rolewizard.h"
#include "threadwarnings.h"

#include <QApplication>
#include <QFile>
#include <QJsonDocument>
#include <QLabel>
#include <QMessageBox>
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
    QSignalSpy failed(window.host(), &EngineHost::failed);

    window.startUp();
    QVERIFY(wizardShown);
    (void)QTest::qWaitFor(
        [&] { return !started.isEmpty() || !failed.isEmpty() || !messages.isEmpty(); }, 10000);
    // The default listens on 127.0.0.1 port 2525; on a shared machine another program may hold
    // it, and then the engine says so — having been given the default configuration all the same.
    if (!failed.isEmpty()) {
        const QString error = failed.first().first().toString();
        QVERIFY2(error.contains(u"cannot listen on 127.0.0.1 port 2525"_s), qPrintable(error));
        messages.removeIf([](const QString &m) { return m.contains(u"port 2525"_s); });
    }
    QVERIFY2(messages.isEmpty(), qPrintable(messages.join(u'\n')));
    QVERIFY(!started.isEmpty() || !failed.isEmpty());

    // The file on disk is the whole default configuration, and valid.
    const tandem::config::LoadResult loaded = tandem::config::loadFile(path);
    QVERIFY2(loaded.ok(), qPrintable(loaded.errors.join(u'\n')));
    QCOMPARE(QJsonDocument(tandem::config::toJson(loaded.settings)),
             QJsonDocument(tandem::config::toJson(tandem::config::defaultSettings())));
    QCOMPARE(QFile::permissions(path) & 0x0077, 0); // it holds password hashes one day

    // The console shows it.
    auto *tree = window.findChild<QTreeWidget *>(u"navigation"_s);
    QVERIFY(tree);
    QCOMPARE(tree->topLevelItemCount(), 7);
    QCOMPARE(tree->topLevelItem(3)->childCount(), 1); // the default's one SMTP service
    QCOMPARE(window.settings().server.domain, u"example.com"_s);
    QVERIFY(window.findChild<QLabel *>(u"lastError"_s)->text().isEmpty() || !failed.isEmpty());

    if (!started.isEmpty()) {
        QSignalSpy stopped(window.host(), &EngineHost::stopped);
        window.stopEngine();
        QVERIFY(stopped.wait(10000));
    }
}

QTEST_MAIN(TestFirstStart)
#include "tst_firststart.moc"
