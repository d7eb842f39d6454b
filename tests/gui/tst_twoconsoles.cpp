// Issue 5's "done when", in one process: a Mailbox console and an Archive console, set up
// with the role wizard's presets, on loopback. A message sent to the Mailbox lands in the
// Archive's mailbox folder; outgoing mail passes through both queue windows.
#include "config/roles.h"
#include "enginehost.h"
#include "mainwindow.h"
#include "queuefixture.h"
#include "queuemodel.h"
#include "queuewindow.h"
#include "smtp/tlscontext.h"
#include "threadwarnings.h"

#include <QDir>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace tandem;

class TestTwoConsoles : public QObject {
    Q_OBJECT
private slots:
    void init() { tandem::test::failOnThreadWarnings(); }
    void mailboxAndArchive();

private:
    std::unique_ptr<ui::MainWindow> open(const QTemporaryDir &dir, const config::RoleChoice &c);
};

namespace {

config::Listener listener(int port, config::ListenerMode mode)
{
    config::Listener l;
    l.address = u"127.0.0.1"_s;
    l.port = quint16(port);
    l.mode = mode;
    return l;
}

int files(const QTemporaryDir &dir, const QString &user, const QString &folder = {})
{
    const QString box = dir.filePath(u"data/mailboxes/example.com/"_s + user) +
                        (folder.isEmpty() ? QString() : u"/."_s + folder);
    return int(QDir(box + u"/new"_s).entryList(QDir::Files).size() +
               QDir(box + u"/cur"_s).entryList(QDir::Files).size());
}

bool modelHolds(ui::QueueModel *model, const QString &recipient)
{
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->index(row, ui::QueueModel::RecipientsColumn)
                .data()
                .toString()
                .contains(recipient))
            return true;
    }
    return false;
}

} // namespace

std::unique_ptr<ui::MainWindow> TestTwoConsoles::open(const QTemporaryDir &dir,
                                                      const config::RoleChoice &choice)
{
    config::Settings base = config::parse(config::defaultConfigJson(), dir.path()).settings;
    const config::Settings settings = config::applyRole(base, choice);
    const QString path = dir.filePath(u"tandem.json"_s);
    QString error;
    if (!config::saveJson(config::toJson(settings), path, &error))
        qFatal("cannot write %s: %s", qPrintable(path), qPrintable(error));
    auto window = std::make_unique<ui::MainWindow>(path);
    if (!window->loadConfiguration())
        qFatal("the wizard's settings for %s do not load", qPrintable(path));
    QSignalSpy started(window->host(), &ui::EngineHost::started);
    window->startEngine();
    if (!started.wait(10000))
        qFatal("the engine of %s did not start", qPrintable(path));
    return window;
}

void TestTwoConsoles::mailboxAndArchive()
{
    QTemporaryDir mailboxDir;
    QTemporaryDir archiveDir;
    const int mailboxPort = test::freePort();
    const int archivePort = test::freePort();
    const int internetPort = test::freePort(); // nobody listens: Internet mail waits there

    config::RoleChoice archive;
    archive.role = config::Role::Archive;
    archive.domain = u"example.com"_s;
    archive.hostname = u"archive.example.com"_s;
    archive.partnerHost = u"127.0.0.1"_s;
    archive.partnerPort = quint16(mailboxPort);
    archive.listeners = {listener(archivePort, config::ListenerMode::Smtp)};
    archive.useDns = false;
    archive.smarthostHost = u"127.0.0.1"_s;
    archive.smarthostPort = quint16(internetPort);
    auto archiveWindow = open(archiveDir, archive);

    config::RoleChoice mailbox;
    mailbox.role = config::Role::Mailbox;
    mailbox.domain = u"example.com"_s;
    mailbox.hostname = u"mailbox.example.com"_s;
    mailbox.partnerHost = u"127.0.0.1"_s;
    mailbox.partnerPort = quint16(archivePort);
    mailbox.lanNetworks = {u"127.0.0.1/32"_s};
    mailbox.listeners = {listener(mailboxPort, config::ListenerMode::Smtp),
                         listener(test::freePort(), config::ListenerMode::Submission)};
    // Its users log in to the submission listener, which AUTH needs TLS for.
    mailbox.tlsCertificate = mailboxDir.filePath(u"tls/cert.pem"_s);
    mailbox.tlsKey = mailboxDir.filePath(u"tls/key.pem"_s);
    QString tlsError;
    QVERIFY2(smtp::TlsContext::generateSelfSigned(mailbox.hostname, mailbox.tlsCertificate,
                                                  mailbox.tlsKey, &tlsError),
             qPrintable(tlsError));
    auto mailboxWindow = open(mailboxDir, mailbox);

    QCOMPARE(config::toString(mailboxWindow->settings().server.role), u"mailbox"_s);
    QCOMPARE(config::toString(archiveWindow->settings().server.role), u"archive"_s);

    // Incoming: alice's INBOX on both machines.
    QString error;
    QVERIFY2(test::sendMessage(mailboxPort, u"someone@remote.test"_s, u"alice@example.com"_s,
                               u"incoming"_s, &error),
             qPrintable(error));
    QTRY_COMPARE_WITH_TIMEOUT(files(mailboxDir, u"alice"_s), 1, 15000);
    QTRY_COMPARE_WITH_TIMEOUT(files(archiveDir, u"alice"_s), 1, 15000);

    // Outgoing, with the Archive stopped for a moment: the message waits in the Mailbox's
    // queue window; once the Archive is back and the window's Retry is used, it moves on
    // and waits in the Archive's queue window for the Internet; alice's Sent on the Archive.
    auto *mailboxModel = mailboxWindow->findChild<ui::QueueModel *>();
    auto *archiveModel = archiveWindow->findChild<ui::QueueModel *>();
    QVERIFY(mailboxModel && archiveModel);
    {
        QSignalSpy stopped(archiveWindow->host(), &ui::EngineHost::stopped);
        archiveWindow->stopEngine();
        QVERIFY(stopped.wait(10000));
    }
    QVERIFY2(test::sendMessage(mailboxPort, u"alice@example.com"_s, u"carol@remote.test"_s,
                               u"outgoing"_s, &error),
             qPrintable(error));
    QTRY_VERIFY_WITH_TIMEOUT(modelHolds(mailboxModel, u"carol@remote.test"_s), 15000);
    {
        QSignalSpy started(archiveWindow->host(), &ui::EngineHost::started);
        archiveWindow->startEngine();
        QVERIFY(started.wait(10000));
    }
    bool retried = false;
    mailboxWindow->host()->applyQueueOperation(
        u"retry"_s, {}, true,
        [&](const QStringList &, const QStringList &, const QStringList &) { retried = true; });
    QTRY_VERIFY_WITH_TIMEOUT(retried, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(modelHolds(archiveModel, u"carol@remote.test"_s), 15000);
    QTRY_VERIFY_WITH_TIMEOUT(!modelHolds(mailboxModel, u"carol@remote.test"_s), 15000);
    QTRY_COMPARE_WITH_TIMEOUT(files(archiveDir, u"alice"_s, u"Sent"_s), 1, 15000);

    for (ui::MainWindow *w : {mailboxWindow.get(), archiveWindow.get()}) {
        QSignalSpy stopped(w->host(), &ui::EngineHost::stopped);
        w->stopEngine();
        QVERIFY(stopped.wait(10000));
    }
}

QTEST_MAIN(TestTwoConsoles)
#include "tst_twoconsoles.moc"
