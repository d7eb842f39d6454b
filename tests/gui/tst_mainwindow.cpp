// The console end to end: each Passthrough checkbox ticked in Incoming Mail › Inbox
// Properties changes the configuration file, and the running engine routes the next
// message accordingly.
#include "engine.h"
#include "enginehost.h"
#include "language.h"
#include "mainwindow.h"
#include "queuefixture.h"
#include "queuemodel.h"
#include "threadwarnings.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>
#include <QTreeWidget>
#include <QTreeWidgetItemIterator>

#include <functional>

using namespace Qt::StringLiterals;
using tandem::ui::MainWindow;

class TestMainWindow : public QObject {
    Q_OBJECT
private slots:
    void init() { tandem::test::failOnThreadWarnings(); }
    void initTestCase();
    void cleanupTestCase();
    void passthroughCheckboxesChangeFileAndRouting();
    void mailboxesOnDiskArriveLater();
    void archiveMaintenanceInStatusBar();
    void diskFullShownAndMailRefused();
    void fullMailboxShownUntilCapRaised();
    void refusedChangeLeavesFileAndEngineAlone();
    void queueColumnsFitAt1400();
    void screenshot();
    void closingAsksFirst(); // last: it stops the engine and closes the window

private:
    // Opens Incoming Mail › Inbox Properties, clicks the checkbox, presses OK.
    void toggle(const QString &checkbox);
    bool fileSays(const QString &key, bool value) const;
    int files(const QString &user, const QString &folder = {}) const;
    int outboxEntries() const;
    void send(const QString &from, const QString &to);
    // The fixture's settings with one change, taken by the running engine (fails the test
    // when refused or not answered in 10 s).
    void applyToEngine(const std::function<void(tandem::config::Settings &)> &change);
    // With TANDEM_SCREENSHOTS set: the window at 1200x720, saved there under this name.
    void saveScreenshot(const QString &name);
    // Opens the first SMTP service's properties, types the port, presses OK; returns the
    // error of settingsApplied().
    QString changePort(int port);
    int portInFile() const;

    tandem::test::QueueFixture m_fixture;
    std::unique_ptr<MainWindow> m_window;
};

void TestMainWindow::initTestCase()
{
    tandem::ui::language::apply(u"en"_s); // as the console does at start (English plurals)
    QString error;
    QVERIFY2(m_fixture.init(&error), qPrintable(error));
    m_window = std::make_unique<MainWindow>(m_fixture.settings().baseDir + u"/tandem.json"_s);
    QVERIFY(m_window->loadConfiguration());
    QSignalSpy started(m_window->host(), &tandem::ui::EngineHost::started);
    m_window->startEngine();
    QVERIFY(started.wait(10000));
}

void TestMainWindow::cleanupTestCase()
{
    if (m_window->host()->isRunning()) {
        QSignalSpy stopped(m_window->host(), &tandem::ui::EngineHost::stopped);
        m_window->stopEngine();
        stopped.wait(10000);
    }
    m_window.reset();
}

void TestMainWindow::toggle(const QString &checkbox)
{
    bool clicked = false;
    QTimer::singleShot(0, this, [&] {
        QWidget *dialog = QApplication::activeModalWidget();
        QVERIFY(dialog);
        auto *box = dialog->findChild<QCheckBox *>(checkbox);
        QVERIFY2(box, qPrintable(checkbox));
        box->click();
        clicked = true;
        auto *buttons = dialog->findChild<QDialogButtonBox *>();
        QVERIFY(buttons);
        buttons->button(QDialogButtonBox::Ok)->click();
    });
    QSignalSpy applied(m_window.get(), &MainWindow::settingsApplied);
    QVERIFY(m_window->openProperties(MainWindow::Node::IncomingMail));
    QVERIFY(clicked);
    QVERIFY(applied.wait(10000));
    QCOMPARE(applied.first().first().toString(), QString());
}

bool TestMainWindow::fileSays(const QString &key, bool value) const
{
    QFile file(m_window->configPath());
    file.open(QIODevice::ReadOnly);
    const QJsonObject root = QJsonDocument::fromJson(file.readAll()).object();
    const QJsonObject pt = root.value(u"incoming"_s).toObject().value(u"passthrough"_s).toObject();
    return pt.contains(key) && pt.value(key).toBool() == value;
}

int TestMainWindow::files(const QString &user, const QString &folder) const
{
    const QString box = m_fixture.settings().dataPath() + u"/mailboxes/example.com/"_s + user +
                        (folder.isEmpty() ? QString() : u"/."_s + folder);
    return int(QDir(box + u"/new"_s).entryList(QDir::Files).size() +
               QDir(box + u"/cur"_s).entryList(QDir::Files).size());
}

int TestMainWindow::outboxEntries() const
{
    return int(tandem::Engine::readOutbox(m_fixture.settings()).size());
}

void TestMainWindow::applyToEngine(const std::function<void(tandem::config::Settings &)> &change)
{
    tandem::config::Settings s = m_fixture.settings();
    change(s);
    bool done = false;
    m_window->host()->applySettings(s, [&](const QString &error) {
        QVERIFY2(error.isEmpty(), qPrintable(error));
        done = true;
    });
    QTRY_VERIFY_WITH_TIMEOUT(done, 10000);
}

void TestMainWindow::saveScreenshot(const QString &name)
{
    const QString out = qEnvironmentVariable("TANDEM_SCREENSHOTS");
    if (out.isEmpty())
        return;
    m_window->resize(1200, 720);
    m_window->show();
    QTest::qWait(400);
    QVERIFY(m_window->grab().save(out + u'/' + name));
}

void TestMainWindow::send(const QString &from, const QString &to)
{
    QString error;
    QVERIFY2(tandem::test::sendMessage(m_fixture.smtpPort(), from, to, u"console test"_s, &error),
             qPrintable(error));
}

// A data folder below its free-space reserve (here: a reserve larger than the disk) shows in
// the status bar, and new mail is refused with 452 4.3.1 until it is back above.
void TestMainWindow::diskFullShownAndMailRefused()
{
    const auto apply = [this](int reserveMb) {
        applyToEngine([=](tandem::config::Settings &s) { s.server.minFreeSpaceMb = reserveMb; });
    };
    auto *disk = m_window->findChild<QLabel *>(u"diskSpace"_s);
    QVERIFY(disk);
    QVERIFY(!disk->isVisibleTo(m_window.get()));
    apply(1024 * 1024 * 1024); // a pebibyte
    QTRY_VERIFY_WITH_TIMEOUT(disk->isVisibleTo(m_window.get()), 10000);
    QVERIFY2(disk->text().startsWith(u"Disk full"_s), qPrintable(disk->text()));
    saveScreenshot(u"main-window-disk-full.png"_s);
    QString error;
    QVERIFY(!tandem::test::sendMessage(m_fixture.smtpPort(), u"someone@remote.test"_s,
                                       u"alice@example.com"_s, u"refused"_s, &error));
    QVERIFY2(error.contains(u"452"_s) && error.contains(u"4.3.1"_s), qPrintable(error));
    apply(0); // the default reserve again
    QTRY_VERIFY_WITH_TIMEOUT(!disk->isVisibleTo(m_window.get()), 10000);
}

void TestMainWindow::passthroughCheckboxesChangeFileAndRouting()
{
    // The fixture is a Mailbox: local mail is copied to the Outbox.
    send(u"someone@remote.test"_s, u"alice@example.com"_s);
    QTRY_COMPARE_WITH_TIMEOUT(files(u"alice"_s), 1, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(outboxEntries(), 1, 10000);

    // Copy all mail for local domains to Outbox: off → stored, no copy queued.
    toggle(u"copyLocalDomainsToOutbox"_s);
    QVERIFY(fileSays(u"copy_local_domains_to_outbox"_s, false));
    send(u"someone@remote.test"_s, u"alice@example.com"_s);
    QTRY_COMPARE_WITH_TIMEOUT(files(u"alice"_s), 2, 10000);
    QTest::qWait(300); // a copy would have been queued together with the delivery
    QCOMPARE(outboxEntries(), 1);

    // Copy all mail to sender's Sent items: on → alice's own message lands in her Sent.
    toggle(u"copyToSenderSentItems"_s);
    QVERIFY(fileSays(u"copy_to_sender_sent_items"_s, true));
    send(u"alice@example.com"_s, u"alice@example.com"_s);
    QTRY_COMPARE_WITH_TIMEOUT(files(u"alice"_s, u"Sent"_s), 1, 10000);

    // Create mailbox if necessary: on → a sender without a mailbox gets one for Sent items.
    QCOMPARE(files(u"zed"_s, u"Sent"_s), 0);
    toggle(u"createMailboxIfNecessary"_s);
    QVERIFY(fileSays(u"create_mailbox_if_necessary"_s, true));
    send(u"zed@example.com"_s, u"alice@example.com"_s);
    QTRY_COMPARE_WITH_TIMEOUT(files(u"zed"_s, u"Sent"_s), 1, 10000);

    // Copy all mail without Received: headers to Outbox: on → a message straight from a
    // client goes to the Outbox instead of alice's INBOX.
    const int inbox = files(u"alice"_s);
    const int queued = outboxEntries();
    toggle(u"copyWithoutReceivedToOutbox"_s);
    QVERIFY(fileSays(u"copy_without_received_to_outbox"_s, true));
    send(u"someone@remote.test"_s, u"alice@example.com"_s);
    QTRY_COMPARE_WITH_TIMEOUT(outboxEntries(), queued + 1, 10000);
    QCOMPARE(files(u"alice"_s), inbox);

    // Every edit of a role option turned the role to Custom.
    QCOMPARE(tandem::config::toString(m_window->settings().server.role), u"custom"_s);
}

// Mailboxes › the mailboxes on disk are read on the engine's thread; the dialog fills in the
// list when it comes (alice's, made by the messages of the test before).
void TestMainWindow::mailboxesOnDiskArriveLater()
{
    QStringList seen;
    QTimer::singleShot(0, this, [&] {
        QWidget *dialog = QApplication::activeModalWidget();
        QVERIFY(dialog);
        auto *list = dialog->findChild<QListWidget *>(u"mailboxesOnDisk"_s);
        auto *state = dialog->findChild<QLabel *>(u"noMailboxes"_s);
        QVERIFY(list && state);
        QTRY_VERIFY_WITH_TIMEOUT(list->count() > 0, 5000);
        for (int i = 0; i < list->count(); ++i)
            seen.append(list->item(i)->text());
        QVERIFY(state->isHidden());
        dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Cancel)->click();
    });
    QVERIFY(!m_window->openProperties(MainWindow::Node::Mailboxes)); // cancelled
    QVERIFY2(seen.contains(u"alice@example.com"_s), qPrintable(seen.join(u", "_s)));
}

// A mailbox that reaches its size cap shows in the status bar (its mail now refused), the
// link opens the Mailboxes dialog on its Archive tab, and raising the cap ends the alarm.
void TestMainWindow::fullMailboxShownUntilCapRaised()
{
    const auto apply = [this](int capMb) {
        applyToEngine(
            [=](tandem::config::Settings &s) { s.mailboxes.mailboxTemplate.maxSizeMb = capMb; });
    };
    auto *alarm = m_window->findChild<QLabel *>(u"sizeAlarm"_s);
    QVERIFY(alarm);
    QVERIFY(!alarm->isVisibleTo(m_window.get()));
    apply(1);
    QString error;
    // Accepted below the cap; filed, it takes alice over it.
    QVERIFY2(tandem::test::sendMessage(m_fixture.smtpPort(), u"someone@remote.test"_s,
                                       u"alice@example.com"_s, u"large"_s, &error, 1200 * 1024),
             qPrintable(error));
    QTRY_VERIFY_WITH_TIMEOUT(alarm->isVisibleTo(m_window.get()), 10000);
    QVERIFY2(alarm->text().contains(u"Mailbox full: alice@example.com"_s),
             qPrintable(alarm->text()));
    QVERIFY2(alarm->toolTip().contains(u"of 1 MiB, its mail is refused (452 4.2.2)"_s),
             qPrintable(alarm->toolTip()));
    QVERIFY(!tandem::test::sendMessage(m_fixture.smtpPort(), u"someone@remote.test"_s,
                                       u"alice@example.com"_s, u"refused"_s, &error));
    QVERIFY2(error.contains(u"452"_s) && error.contains(u"4.2.2"_s), qPrintable(error));
    saveScreenshot(u"main-window-mailbox-full.png"_s);

    // The link: the Mailboxes dialog, on the Archive tab, alice chosen.
    bool seen = false;
    QTimer::singleShot(0, this, [&] {
        QTRY_VERIFY(QApplication::activeModalWidget());
        auto *tabs = QApplication::activeModalWidget()->findChild<QTabWidget *>();
        auto *choice =
            QApplication::activeModalWidget()->findChild<QComboBox *>(u"archiveMailbox"_s);
        QVERIFY(tabs && choice);
        QTRY_COMPARE(choice->currentText(), u"alice@example.com"_s);
        QCOMPARE(tabs->currentWidget()->objectName(), u"archiveTab"_s);
        seen = true;
        qobject_cast<QDialog *>(QApplication::activeModalWidget())->reject();
    });
    emit alarm->linkActivated(u"alice@example.com"_s);
    QVERIFY(seen);

    apply(0); // no cap: the alarm ends
    QTRY_VERIFY_WITH_TIMEOUT(!alarm->isVisibleTo(m_window.get()), 10000);
    QVERIFY2(tandem::test::sendMessage(m_fixture.smtpPort(), u"someone@remote.test"_s,
                                       u"alice@example.com"_s, u"accepted"_s, &error),
             qPrintable(error));
}

// Engine › Run archive maintenance now: a run of the running engine, its end summed up in the
// status bar; the Mailboxes node says the default archive settings in words.
void TestMainWindow::archiveMaintenanceInStatusBar()
{
    auto *action = m_window->findChild<QAction *>(u"runArchiveAction"_s);
    QVERIFY(action);
    QVERIFY(action->isEnabled());
    auto *status = m_window->findChild<QLabel *>(u"archiveStatus"_s);
    QVERIFY(status);
    QSignalSpy finished(m_window->host(), &tandem::ui::EngineHost::archiveRunFinished);
    action->trigger();
    QVERIFY(finished.wait(20000));
    QTRY_VERIFY(status->text().startsWith(u"Archive maintenance done: "_s));
    QVERIFY2(status->text().contains(u" examined"_s), qPrintable(status->text()));
    QVERIFY(!status->isHidden());

    auto *tree = m_window->findChild<QTreeWidget *>(u"navigation"_s);
    QVERIFY(tree);
    QTreeWidgetItemIterator it(tree);
    for (; *it; ++it) {
        if ((*it)->text(0) == u"Mailboxes"_s)
            break;
    }
    QVERIFY(*it);
    tree->setCurrentItem(*it);
    const QString summary = m_window->findChild<QLabel *>(u"propertiesSummary"_s)->text();
    QVERIFY2(summary.contains(u"Default archive settings: "_s), qPrintable(summary));
    QVERIFY2(summary.contains(u"kept for ever"_s), qPrintable(summary));
}

QString TestMainWindow::changePort(int port)
{
    bool typed = false;
    QTimer::singleShot(0, this, [&] {
        QWidget *dialog = QApplication::activeModalWidget();
        QVERIFY(dialog);
        auto *edit = dialog->findChild<QLineEdit *>(u"port"_s);
        QVERIFY(edit);
        edit->setText(QString::number(port));
        typed = true;
        dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
    });
    QSignalSpy applied(m_window.get(), &MainWindow::settingsApplied);
    if (!m_window->openProperties(MainWindow::Node::SmtpService, 0) || !typed)
        return u"dialog not accepted"_s;
    if (applied.isEmpty() && !applied.wait(10000))
        return u"settingsApplied() not emitted"_s;
    return applied.first().first().toString();
}

int TestMainWindow::portInFile() const
{
    QFile file(m_window->configPath());
    if (!file.open(QIODevice::ReadOnly))
        return -1;
    const QJsonObject root = QJsonDocument::fromJson(file.readAll()).object();
    return root.value(u"smtp"_s)
        .toObject()
        .value(u"listeners"_s)
        .toArray()
        .at(0)
        .toObject()
        .value(u"port"_s)
        .toInt(-1);
}

// Whether something accepts on the port and greets with 220.
static bool greets(int port)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, quint16(port));
    if (!socket.waitForConnected(5000))
        return false;
    while (!socket.canReadLine())
        if (!socket.waitForReadyRead(5000))
            return false;
    return socket.readLine().startsWith("220");
}

// A change the engine cannot apply (the new port is taken) leaves the file, the console's
// settings and tree, and the engine as they were, and says why; a change it can apply then
// is written and clears the error.
void TestMainWindow::refusedChangeLeavesFileAndEngineAlone()
{
    const int oldPort = m_fixture.smtpPort();
    QCOMPARE(portInFile(), oldPort);
    QTcpServer squatter;
    QVERIFY(squatter.listen(QHostAddress::LocalHost, 0));
    const int busy = squatter.serverPort();

    // The refusal is told in a window of its own, which the test closes.
    QString boxName;
    QString boxText;
    QTimer closer;
    closer.setInterval(20);
    connect(&closer, &QTimer::timeout, this, [&] {
        for (QWidget *w : QApplication::topLevelWidgets()) {
            auto *box = qobject_cast<QMessageBox *>(w);
            if (box && box->isVisible()) {
                boxName = box->objectName();
                boxText = box->text() + u'\n' + box->informativeText();
                box->close();
            }
        }
    });
    closer.start();
    const QString error = changePort(busy);
    QVERIFY2(error.contains(QString::number(busy)), qPrintable(error));
    QTRY_VERIFY_WITH_TIMEOUT(!boxText.isEmpty(), 5000);

    QCOMPARE(portInFile(), oldPort);
    QCOMPARE(boxName, u"settingsNotAppliedBox"_s);
    QVERIFY2(boxText.contains(QString::number(busy)), qPrintable(boxText));
    QCOMPARE(m_window->settings().smtp.listeners.at(0).port, oldPort);
    auto *tree = m_window->findChild<QTreeWidget *>(u"navigation"_s);
    QVERIFY(tree);
    const QList<QTreeWidgetItem *> services =
        tree->findItems(u"port"_s, Qt::MatchContains | Qt::MatchRecursive);
    QCOMPARE(services.size(), 1);
    QVERIFY2(services.first()->text(0).contains(QString::number(oldPort)),
             qPrintable(services.first()->text(0)));
    QVERIFY(!services.first()->text(0).contains(QString::number(busy)));
    QVERIFY(greets(oldPort));
    auto *lastError = m_window->findChild<QLabel *>(u"lastError"_s);
    QVERIFY(lastError);
    QVERIFY2(lastError->text().contains(QString::number(busy)), qPrintable(lastError->text()));

    // A free port: taken, written, shown, and the error is gone.
    const int freePort = tandem::test::freePort();
    QCOMPARE(changePort(freePort), QString());
    QCOMPARE(portInFile(), freePort);
    QCOMPARE(m_window->settings().smtp.listeners.at(0).port, freePort);
    QVERIFY(greets(freePort));
    QCOMPARE(lastError->text(), QString());
    closer.stop();

    // Back to the fixture's port for the tests after this one.
    QCOMPARE(changePort(oldPort), QString());
    QVERIFY(greets(oldPort));
}

// At 1400 pixels the queue page shows every column, Last reply included, without scrolling
// sideways; a narrowed column keeps at least its title's width.
void TestMainWindow::queueColumnsFitAt1400()
{
    m_window->resize(1400, 900);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    auto *tree = m_window->findChild<QTreeWidget *>(u"navigation"_s);
    tree->setCurrentItem(tree->findItems(u"Queue"_s, Qt::MatchExactly).value(0));
    auto *view = m_window->findChild<QTableView *>(u"queueTable"_s);
    QVERIFY(view);
    QTRY_VERIFY(view->isVisible());
    QTest::qWait(100); // the layout settles
    QHeaderView *header = view->horizontalHeader();
    const int width = view->viewport()->width();
    QVERIFY2(width > 900 && width < 1400, qPrintable(QString::number(width)));
    for (int c = 0; c < tandem::ui::QueueModel::ColumnCount; ++c) {
        const QString title = view->model()->headerData(c, Qt::Horizontal).toString();
        QVERIFY2(!header->isSectionHidden(c), qPrintable(title));
        const int left = header->sectionViewportPosition(c);
        const int right = left + header->sectionSize(c);
        QVERIFY2(left >= 0 && right <= width,
                 qPrintable(u"%1: %2-%3 of %4"_s.arg(title).arg(left).arg(right).arg(width)));
        QVERIFY2(header->sectionSize(c) >= view->fontMetrics().horizontalAdvance(title),
                 qPrintable(u"%1: %2 px"_s.arg(title).arg(header->sectionSize(c))));
    }
    QCOMPARE(view->horizontalScrollBar()->maximum(), 0);
    // Last reply takes what is left, and is no sliver.
    QVERIFY(header->sectionSize(tandem::ui::QueueModel::LastReplyColumn) >= 150);
    m_window->resize(1200, 720);
}

// With TANDEM_SCREENSHOTS=folder: the main window, and its Queue and Log pages, as PNGs.
void TestMainWindow::screenshot()
{
    const QString out = qEnvironmentVariable("TANDEM_SCREENSHOTS");
    if (out.isEmpty())
        QSKIP("set TANDEM_SCREENSHOTS to a folder to render the main window");
    m_window->resize(1200, 720);
    m_window->show();
    auto *tree = m_window->findChild<QTreeWidget *>(u"navigation"_s);
    QVERIFY(tree);
    const QList<QPair<QString, QString>> pages{{u"Server"_s, u"main-window.png"_s},
                                               {u"Queue"_s, u"main-window-queue.png"_s},
                                               {u"Log"_s, u"main-window-log.png"_s}};
    for (const auto &[node, file] : pages) {
        const QList<QTreeWidgetItem *> items = tree->findItems(node, Qt::MatchExactly);
        QVERIFY(!items.isEmpty());
        tree->setCurrentItem(items.first());
        QTest::qWait(400);
        QVERIFY(m_window->grab().save(out + u'/' + file));
    }
}

// Closing the console while the engine runs asks first, saying how many messages wait in the
// Outbox and that no mail comes in while it is closed; Cancel keeps both running, Stop and
// close stops the engine and then closes the window.
void TestMainWindow::closingAsksFirst()
{
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    send(u"alice@example.com"_s, u"someone@remote.test"_s); // stays: its next hop is down
    // The message and whatever copies the options of the tests before make, settled.
    int queued = -1;
    QElapsedTimer unchanged;
    const auto settled = [&] {
        const int n = int(tandem::Engine::readQueue(m_fixture.settings()).size());
        if (n != queued) {
            queued = n;
            unchanged.start();
        }
        return n > 0 && unchanged.elapsed() > 500 &&
               m_window->findChild<QLabel *>(u"outboxSize"_s)->text().contains(QString::number(n));
    };
    QTRY_VERIFY_WITH_TIMEOUT(settled(), 10000);

    const auto answer = [this](const QString &button, QString *name, QString *text) {
        QTimer::singleShot(0, this, [=] {
            auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            QVERIFY(box);
            *name = box->objectName();
            *text = box->text() + u'\n' + box->informativeText();
            auto *b = box->findChild<QAbstractButton *>(button);
            QVERIFY2(b, qPrintable(button));
            b->click();
        });
    };
    QString name;
    QString text;
    answer(u"cancelCloseButton"_s, &name, &text);
    QVERIFY(!m_window->close());
    QCOMPARE(name, u"closeConsoleBox"_s);
    QVERIFY2(text.contains(u"%1 message"_s.arg(queued)), qPrintable(text));
    QVERIFY2(text.contains(u"no mail is received"_s), qPrintable(text));
    QVERIFY2(text.contains(u"tandemd"_s), qPrintable(text));
    QVERIFY(m_window->isVisible());
    QTest::qWait(200);
    QVERIFY(m_window->host()->isRunning());
    QVERIFY(greets(m_fixture.smtpPort()));

    name.clear();
    answer(u"stopAndCloseButton"_s, &name, &text);
    m_window->close();
    QCOMPARE(name, u"closeConsoleBox"_s);
    QTRY_VERIFY_WITH_TIMEOUT(!m_window->host()->isRunning(), 15000);
    QTRY_VERIFY_WITH_TIMEOUT(!m_window->isVisible(), 5000);
    QVERIFY(!greets(m_fixture.smtpPort()));
    // Every message is still in the Outbox for the next start.
    QCOMPARE(int(tandem::Engine::readQueue(m_fixture.settings()).size()), queued);
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
