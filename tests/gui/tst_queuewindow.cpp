// The queue window on a real engine: selecting rows and clicking Retry now, Hold, Release,
// Delete and Return to sender changes the spool (data/spool/outbox/).
#include "engine.h"
#include "enginehost.h"
#include "entrydetailsdialog.h"
#include "language.h"
#include "queuefixture.h"
#include "queuemodel.h"
#include "queuewindow.h"
#include "threadwarnings.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTest>
#include <QTimer>
#include <QToolButton>

#include <memory>
#include <optional>

using namespace Qt::StringLiterals;
using tandem::delivery::EntryState;
using tandem::delivery::OutboxEntry;
using tandem::ui::EngineHost;
using tandem::ui::QueueModel;
using tandem::ui::QueueWindow;

class TestQueueWindow : public QObject {
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void holdReleaseRetry();
    void deleteAsksFirst();
    void manyRowsAtOnce();
    void returnToSender();
    void filterAndStatus();
    void localDeliveryShownAndRetried();
    void detailsOfAFailedAttempt();
    void countsInEveryLanguage();
    void screenshot();

private:
    QString send(const QString &to);
    std::optional<OutboxEntry> onDisk(const QString &id) const;
    QModelIndex rowOf(const QString &id) const;
    void select(const QStringList &ids);
    QList<QVariantList> click(const QString &button);

    std::unique_ptr<tandem::test::QueueFixture> m_fixture;
    std::unique_ptr<EngineHost> m_host;
    std::unique_ptr<QueueWindow> m_window;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

void TestQueueWindow::init()
{
    tandem::test::failOnThreadWarnings();
    tandem::ui::language::apply(u"en"_s); // English, with its plural forms
    m_fixture = std::make_unique<tandem::test::QueueFixture>();
    QString error;
    QVERIFY2(m_fixture->init(&error), qPrintable(error));
    m_host = std::make_unique<EngineHost>();
    QSignalSpy started(m_host.get(), &EngineHost::started);
    QSignalSpy failed(m_host.get(), &EngineHost::failed);
    m_host->start(m_fixture->settings());
    QTRY_VERIFY_WITH_TIMEOUT(!started.isEmpty() || !failed.isEmpty(), 10000);
    QVERIFY2(failed.isEmpty(), qPrintable(failed.value(0).value(0).toString()));
    m_window = std::make_unique<QueueWindow>(m_host.get());
    m_tester = std::make_unique<QAbstractItemModelTester>(
        m_window->model(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    m_window->setConfirmDestructive(false);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestQueueWindow::cleanup()
{
    m_tester.reset();
    m_window.reset();
    if (m_host && m_host->isRunning()) {
        QSignalSpy stopped(m_host.get(), &EngineHost::stopped);
        m_host->stop();
        QTRY_VERIFY_WITH_TIMEOUT(!stopped.isEmpty(), 15000);
    }
    m_host.reset();
    m_fixture.reset();
}

// Sends a message to `to` and waits until the window shows its entry, deferred (its next
// hop refused the first attempt), so that no attempt is in flight. Returns the entry's id.
QString TestQueueWindow::send(const QString &to)
{
    QString error;
    if (!tandem::test::sendMessage(m_fixture->smtpPort(), u"alice@example.com"_s, to, u"to "_s + to,
                                   &error)) {
        qWarning("%s", qPrintable(error));
        return {};
    }
    QueueModel *model = m_window->model();
    const auto deferredRow = [&]() -> QString {
        for (int row = 0; row < model->rowCount(); ++row) {
            const OutboxEntry &e = model->entryAt(row);
            if (e.recipients.contains(to) && e.state == EntryState::Deferred)
                return e.id;
        }
        return {};
    };
    QString id;
    if (!QTest::qWaitFor([&] { return !(id = deferredRow()).isEmpty(); }, 10000))
        qWarning("no deferred entry for %s", qPrintable(to));
    return id;
}

std::optional<OutboxEntry> TestQueueWindow::onDisk(const QString &id) const
{
    for (const OutboxEntry &e : tandem::Engine::readOutbox(m_fixture->settings()))
        if (e.id == id)
            return e;
    return std::nullopt;
}

QModelIndex TestQueueWindow::rowOf(const QString &id) const
{
    const int row = m_window->model()->rowOf(id);
    return row < 0 ? QModelIndex() : m_window->model()->index(row, 0);
}

// Clicks the rows as a user would: the first plainly, the others with Ctrl.
void TestQueueWindow::select(const QStringList &ids)
{
    QTableView *view = m_window->findChild<QTableView *>(u"queueTable"_s);
    QVERIFY(view);
    bool first = true;
    for (const QString &id : ids) {
        const QModelIndex index = rowOf(id).siblingAtColumn(QueueModel::FromColumn);
        QVERIFY2(index.isValid(), qPrintable(id));
        view->scrollTo(index);
        QTest::mouseClick(view->viewport(), Qt::LeftButton,
                          first ? Qt::NoModifier : Qt::ControlModifier,
                          view->visualRect(index).center());
        first = false;
    }
    QStringList selected = m_window->selectedIds();
    QStringList wanted = ids;
    selected.sort();
    wanted.sort();
    QCOMPARE(selected, wanted);
}

// Clicks a toolbar button and returns the operationFinished() signals it led to.
QList<QVariantList> TestQueueWindow::click(const QString &button)
{
    QSignalSpy finished(m_window.get(), &QueueWindow::operationFinished);
    auto *b = m_window->findChild<QToolButton *>(button);
    if (!b || !b->isEnabled()) {
        qWarning("%s missing or disabled", qPrintable(button));
        return {};
    }
    QTest::mouseClick(b, Qt::LeftButton);
    if (!finished.wait(10000) && finished.isEmpty())
        return {};
    return QList<QVariantList>(finished.begin(), finished.end());
}

// A mailbox delivery that fails after 250 waits in the queue window (next hop "local", its
// error as the last reply), and Retry now reaches it.
void TestQueueWindow::localDeliveryShownAndRetried()
{
    const QString box = m_fixture->settings().dataPath() + u"/mailboxes/example.com/alice"_s;
    QVERIFY(QDir().mkpath(box + u"/new"_s) && QDir().mkpath(box + u"/cur"_s));
    QFile tmp(box + u"/tmp"_s); // a file where the folder should be: every delivery fails
    QVERIFY(tmp.open(QIODevice::WriteOnly));
    tmp.close();
    QString error;
    QVERIFY2(tandem::test::sendMessage(m_fixture->smtpPort(), u"someone@remote.test"_s,
                                       u"alice@example.com"_s, u"local"_s, &error),
             qPrintable(error));
    QueueModel *model = m_window->model();
    QString id;
    QVERIFY(QTest::qWaitFor(
        [&] {
            for (int row = 0; row < model->rowCount(); ++row) {
                if (model->entryAt(row).nextHop == u"local"_s)
                    id = model->entryAt(row).id;
            }
            return !id.isEmpty();
        },
        10000));
    const QModelIndex row = rowOf(id);
    QCOMPARE(row.siblingAtColumn(QueueModel::StateColumn).data().toString(), u"deferred"_s);
    QVERIFY2(row.siblingAtColumn(QueueModel::LastReplyColumn)
                 .data()
                 .toString()
                 .contains(u"tmp: it is not a folder"_s),
             qPrintable(row.siblingAtColumn(QueueModel::LastReplyColumn).data().toString()));

    // Its details come from the message's plan: the mailbox it waits for, and why.
    tandem::ui::EntryDetailsDialog *details = m_window->showDetails(id);
    QVERIFY(details);
    QTRY_COMPARE_WITH_TIMEOUT(details->findChild<QLabel *>(u"detailId"_s)->text(), id, 5000);
    auto *recipients = details->findChild<QTableWidget *>(u"recipientsTable"_s);
    QVERIFY(recipients->rowCount() >= 1);
    QCOMPARE(recipients->item(0, 0)->text(), u"alice@example.com"_s);
    QCOMPARE(recipients->item(0, 1)->text(), u"deferred"_s);
    QCOMPARE(recipients->item(0, 2)->text(), u"alice@example.com"_s);
    QVERIFY2(recipients->item(0, 4)->text().contains(u"tmp: it is not a folder"_s),
             qPrintable(recipients->item(0, 4)->text()));
    QVERIFY(details->findChild<QPlainTextEdit *>(u"headersText"_s)
                ->toPlainText()
                .contains(u"Subject: local"_s));
    details->close();

    QVERIFY(QFile::remove(box + u"/tmp"_s));
    select({id});
    const QList<QVariantList> result = click(u"retryButton"_s);
    QCOMPARE(result.value(0).value(1).toStringList(), QStringList({id}));
    QTRY_COMPARE_WITH_TIMEOUT(QDir(box + u"/new"_s).entryList(QDir::Files).size(), 1, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(!rowOf(id).isValid(), 10000);
}

// A double-click on an entry whose attempt failed opens its details: the envelope, each
// recipient's state with its reply, every attempt, and the message's headers — all asked of
// the engine.
void TestQueueWindow::detailsOfAFailedAttempt()
{
    const QString id = send(u"bob@remote.test"_s);
    QVERIFY(!id.isEmpty());
    const OutboxEntry entry = *onDisk(id);
    QVERIFY(entry.attempts >= 1);
    QVERIFY(!entry.lastReply.isEmpty());

    QTableView *view = m_window->findChild<QTableView *>(u"queueTable"_s);
    const QModelIndex index = rowOf(id).siblingAtColumn(QueueModel::SubjectColumn);
    QCOMPARE(index.data().toString(), u"to bob@remote.test"_s);
    view->scrollTo(index);
    // A double-click as the platform sends it: press, release, press, double-click, release.
    QTest::mouseClick(view->viewport(), Qt::LeftButton, Qt::NoModifier,
                      view->visualRect(index).center());
    QTest::mouseDClick(view->viewport(), Qt::LeftButton, Qt::NoModifier,
                       view->visualRect(index).center());
    auto *dialog = m_window->findChild<tandem::ui::EntryDetailsDialog *>();
    QVERIFY(dialog);
    QVERIFY(dialog->isVisible());
    QCOMPARE(dialog->entryId(), id);
    QSignalSpy loaded(dialog, &tandem::ui::EntryDetailsDialog::loaded);
    const auto text = [dialog](const QString &name) {
        auto *label = dialog->findChild<QLabel *>(name);
        return label ? label->text() : u"(no %1)"_s.arg(name);
    };
    QTRY_COMPARE_WITH_TIMEOUT(text(u"detailId"_s), id, 5000);
    QCOMPARE(text(u"detailFrom"_s), u"alice@example.com"_s);
    QCOMPARE(text(u"detailSubject"_s), u"to bob@remote.test"_s);
    QVERIFY2(text(u"detailClient"_s).contains(u"127.0.0.1"_s) &&
                 text(u"detailClient"_s).contains(u"client.test"_s),
             qPrintable(text(u"detailClient"_s)));
    QVERIFY2(text(u"detailNextHop"_s).contains(u"127.0.0.1"_s),
             qPrintable(text(u"detailNextHop"_s)));
    QCOMPARE(text(u"detailState"_s), u"deferred"_s);

    // The recipient: deferred, with the reply its attempt got.
    auto *recipients = dialog->findChild<QTableWidget *>(u"recipientsTable"_s);
    QVERIFY(recipients);
    QCOMPARE(recipients->rowCount(), 1);
    QCOMPARE(recipients->item(0, 0)->text(), u"bob@remote.test"_s);
    QCOMPARE(recipients->item(0, 1)->text(), u"deferred"_s);
    QVERIFY(recipients->item(0, 2)->text().contains(u"127.0.0.1"_s));
    QVERIFY(!recipients->item(0, 3)->text().isEmpty()); // when
    const QString reply = recipients->item(0, 4)->text();
    QVERIFY2(!reply.isEmpty() && reply.startsWith(u"4"_s), qPrintable(reply));

    // Every attempt with its reply: the engine's history, as many as it counted.
    auto *attempts = dialog->findChild<QTableWidget *>(u"attemptsTable"_s);
    QVERIFY(attempts);
    const OutboxEntry now = *onDisk(id);
    QVERIFY(attempts->rowCount() >= 1);
    QVERIFY(attempts->rowCount() <= now.attempts);
    QCOMPARE(attempts->item(0, 1)->text(), now.history.first().reply);
    QVERIFY(!attempts->item(0, 0)->text().isEmpty());

    // The message's headers, as stored here (this server's Received: line first).
    auto *headers = dialog->findChild<QPlainTextEdit *>(u"headersText"_s);
    QVERIFY(headers);
    const QString h = headers->toPlainText();
    QVERIFY2(h.startsWith(u"Received: from client.test"_s), qPrintable(h));
    QVERIFY2(h.contains(u"Subject: to bob@remote.test"_s), qPrintable(h));
    QVERIFY2(h.contains(u"Message-ID: <"_s), qPrintable(h));
    QVERIFY2(!h.contains(u"Hello from the queue test"_s), "the body is not a header");

    // Gone from the queue, the details say so on Refresh.
    select({id});
    QCOMPARE(click(u"deleteButton"_s).value(0).value(1).toStringList(), QStringList({id}));
    loaded.clear();
    QTest::mouseClick(dialog->findChild<QPushButton *>(u"refreshButton"_s), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(loaded.size(), 1, 5000);
    QCOMPARE(loaded.first().first().toBool(), false);
    QVERIFY(dialog->findChild<QLabel *>(u"detailStatus"_s)->text().contains(id));
    dialog->close();
}

// "1 entry changed", "1 Eintrag geändert", "1 entrée modifiée": counts take the plural
// forms of the language, English included.
void TestQueueWindow::countsInEveryLanguage()
{
    const QString id = send(u"bob@remote.test"_s);
    QVERIFY(!id.isEmpty());
    auto *result = m_window->findChild<QLabel *>(u"resultLabel"_s);
    auto *status = m_window->findChild<QLabel *>(u"statusLabel"_s);
    QVERIFY(result && status);
    const QList<std::tuple<QString, QString, QString>> languages{
        {u"en"_s, u"1 entry changed"_s, u"1 entry, "_s},
        {u"de"_s, u"1 Eintrag geändert"_s, u"1 Eintrag, "_s},
        {u"fr"_s, u"1 entrée modifiée"_s, u"1 entrée ("_s}};
    for (const auto &[language, changed, entries] : languages) {
        tandem::ui::language::apply(language);
        select({id});
        QCOMPARE(click(u"holdButton"_s).value(0).value(1).toStringList(), QStringList({id}));
        QCOMPARE(result->text(), changed);
        QTRY_VERIFY2_WITH_TIMEOUT(status->text().startsWith(entries), qPrintable(status->text()),
                                  2000);
        select({id});
        QCOMPARE(click(u"releaseButton"_s).value(0).value(1).toStringList(), QStringList({id}));
    }
    tandem::ui::language::apply(u"en"_s);
    QCOMPARE(tandem::ui::QueueWindow::tr("%n entries changed", nullptr, 2), u"2 entries changed"_s);
}

void TestQueueWindow::holdReleaseRetry()
{
    const QString id = send(u"bob@remote.test"_s);
    QVERIFY(!id.isEmpty());
    QVERIFY(m_fixture->outboxHasFiles(id));
    QVERIFY(!m_window->findChild<QToolButton *>(u"holdButton"_s)->isEnabled()); // no selection

    // Retry now: another attempt at once (the schedule would wait a minute).
    const int attempts = onDisk(id)->attempts;
    select({id});
    QList<QVariantList> result = click(u"retryButton"_s);
    QCOMPARE(result.size(), 1);
    QCOMPARE(result.at(0).at(0).toString(), u"retry"_s);
    QCOMPARE(result.at(0).at(1).toStringList(), QStringList({id}));
    QTRY_VERIFY_WITH_TIMEOUT(
        onDisk(id)->attempts > attempts && onDisk(id)->state == EntryState::Deferred, 10000);

    // Hold: the entry file says "held", and the window follows within a second or so.
    select({id});
    result = click(u"holdButton"_s);
    QCOMPARE(result.value(0).value(1).toStringList(), QStringList({id}));
    QCOMPARE(int(onDisk(id)->state), int(EntryState::Held));
    QTRY_COMPARE_WITH_TIMEOUT(rowOf(id).siblingAtColumn(QueueModel::StateColumn).data().toString(),
                              u"held"_s, 2000);
    QTRY_COMPARE_WITH_TIMEOUT(m_window->findChild<QLabel *>(u"statusLabel"_s)->text(),
                              u"1 entry, 1 held"_s, 2000);

    // Retry does not touch a held entry; Release does.
    select({id});
    result = click(u"retryButton"_s);
    QVERIFY(result.value(0).value(1).toStringList().isEmpty());
    QCOMPARE(int(onDisk(id)->state), int(EntryState::Held));
    select({id});
    result = click(u"releaseButton"_s);
    QCOMPARE(result.value(0).value(1).toStringList(), QStringList({id}));
    QVERIFY(onDisk(id)->state != EntryState::Held);
    QTRY_VERIFY_WITH_TIMEOUT(
        rowOf(id).siblingAtColumn(QueueModel::StateColumn).data().toString() != u"held"_s, 2000);
}

// With confirmation on, Delete asks; "No" keeps the entry, "Yes" removes its files.
void TestQueueWindow::deleteAsksFirst()
{
    const QString id = send(u"bob@remote.test"_s);
    QVERIFY(!id.isEmpty());
    m_window->setConfirmDestructive(true);

    const auto answer = [](QMessageBox::StandardButton button) {
        QTimer::singleShot(0, qApp, [button] {
            auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            QVERIFY(box);
            QVERIFY(box->text().startsWith(u"Delete 1 entr"_s));
            box->button(button)->click();
        });
    };
    select({id});
    QSignalSpy finished(m_window.get(), &QueueWindow::operationFinished);
    answer(QMessageBox::No);
    QTest::mouseClick(m_window->findChild<QToolButton *>(u"deleteButton"_s), Qt::LeftButton);
    QTest::qWait(300);
    QVERIFY(finished.isEmpty());
    QVERIFY(m_fixture->outboxHasFiles(id));

    answer(QMessageBox::Yes);
    QTest::mouseClick(m_window->findChild<QToolButton *>(u"deleteButton"_s), Qt::LeftButton);
    QVERIFY(finished.wait(10000));
    QCOMPARE(finished.at(0).at(1).toStringList(), QStringList({id}));
    QVERIFY(!m_fixture->outboxHasFiles(id));
    QVERIFY(!onDisk(id));
    QTRY_COMPARE_WITH_TIMEOUT(m_window->model()->rowCount(), 0, 2000);
}

void TestQueueWindow::manyRowsAtOnce()
{
    const QStringList ids{send(u"bob@remote.test"_s), send(u"carol@remote.test"_s),
                          send(u"dave@remote.test"_s)};
    QVERIFY(!ids.contains(QString()));
    select({ids.at(0), ids.at(2)});
    QList<QVariantList> result = click(u"holdButton"_s);
    QStringList changed = result.value(0).value(1).toStringList();
    changed.sort();
    QStringList wanted{ids.at(0), ids.at(2)};
    wanted.sort();
    QCOMPARE(changed, wanted);
    QCOMPARE(int(onDisk(ids.at(0))->state), int(EntryState::Held));
    QCOMPARE(int(onDisk(ids.at(1))->state), int(EntryState::Deferred));
    QCOMPARE(int(onDisk(ids.at(2))->state), int(EntryState::Held));
    QTRY_COMPARE_WITH_TIMEOUT(m_window->model()->heldCount(), 2, 2000);

    // A reset (a new snapshot) keeps what is selected.
    select({ids.at(1)});
    QSignalSpy resets(m_window->model(), &QAbstractItemModel::modelReset);
    m_host->requestOutboxSnapshot();
    QVERIFY(resets.wait(5000));
    QCOMPARE(m_window->selectedIds(), QStringList({ids.at(1)}));

    select(ids);
    result = click(u"deleteButton"_s);
    QCOMPARE(result.value(0).value(1).toStringList().size(), 3);
    for (const QString &id : ids)
        QVERIFY2(!m_fixture->outboxHasFiles(id), qPrintable(id));
    QTRY_COMPARE_WITH_TIMEOUT(m_window->model()->rowCount(), 0, 2000);
}

// Return to sender: the entry leaves the Outbox; the sender's notice is a new message.
void TestQueueWindow::returnToSender()
{
    const QString id = send(u"bob@remote.test"_s);
    QVERIFY(!id.isEmpty());
    select({id});
    const QList<QVariantList> result = click(u"bounceButton"_s);
    QCOMPARE(result.value(0).value(0).toString(), u"bounce"_s);
    QCOMPARE(result.value(0).value(1).toStringList(), QStringList({id}));
    QVERIFY(!m_fixture->outboxHasFiles(id));
    QTRY_VERIFY_WITH_TIMEOUT(m_window->model()->rowOf(id) < 0, 2000);
}

void TestQueueWindow::filterAndStatus()
{
    const QString toBob = send(u"bob@remote.test"_s);
    const QString toCarol = send(u"carol@remote.test"_s);
    QVERIFY(!toBob.isEmpty() && !toCarol.isEmpty());
    auto *status = m_window->findChild<QLabel *>(u"statusLabel"_s);
    QTRY_COMPARE_WITH_TIMEOUT(status->text(), u"2 entries, 0 held"_s, 2000);

    auto *filter = m_window->findChild<QLineEdit *>(u"filterEdit"_s);
    QTest::keyClicks(filter, u"CAROL"_s);
    QCOMPARE(m_window->model()->rowCount(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(status->text(), u"2 entries, 0 held, 1 shown"_s, 2000);
    filter->clear();
    QCOMPARE(m_window->model()->rowCount(), 2);

    auto *state = m_window->findChild<QComboBox *>(u"stateFilter"_s);
    state->setCurrentIndex(state->findData(int(EntryState::Held)));
    QCOMPARE(m_window->model()->rowCount(), 0);
    state->setCurrentIndex(0);
    QCOMPARE(m_window->model()->rowCount(), 2);

    // Sorting by a header click: Recipients descending puts carol first.
    auto *view = m_window->findChild<QTableView *>(u"queueTable"_s);
    view->sortByColumn(QueueModel::RecipientsColumn, Qt::DescendingOrder);
    QCOMPARE(m_window->model()->index(0, 0).data(QueueModel::IdRole).toString(), toCarol);

    // The selection and the current entry follow the entries through a re-sort (a layout
    // change) and through a filter (a reset of the model).
    select({toBob});
    QCOMPARE(m_window->selectedIds(), QStringList{toBob});
    view->sortByColumn(QueueModel::RecipientsColumn, Qt::AscendingOrder);
    QCOMPARE(m_window->model()->index(0, 0).data(QueueModel::IdRole).toString(), toBob);
    QCOMPARE(m_window->selectedIds(), QStringList{toBob});
    QTest::keyClicks(filter, u"remote"_s);
    QCOMPARE(m_window->model()->rowCount(), 2);
    QCOMPARE(m_window->selectedIds(), QStringList{toBob});
    QCOMPARE(view->currentIndex().data(QueueModel::IdRole).toString(), toBob);
    QTest::keyClicks(filter, u"-nobody"_s);
    QCOMPARE(m_window->model()->rowCount(), 0);
    QVERIFY(m_window->selectedIds().isEmpty());
    const auto *retry = m_window->findChild<QAction *>(u"retryAction"_s);
    QVERIFY(!retry->isEnabled()); // nothing selected, nothing to act on
}

// With TANDEM_SCREENSHOTS=folder: the queue window with a day's typical Outbox, one entry
// selected, as queue-window.png.
void TestQueueWindow::screenshot()
{
    const QString out = qEnvironmentVariable("TANDEM_SCREENSHOTS");
    if (out.isEmpty())
        QSKIP("set TANDEM_SCREENSHOTS to a folder to render the queue window");
    QueueWindow window(nullptr);
    const QDateTime now = QDateTime::currentDateTime();
    struct Row {
        const char *from;
        const char *to;
        qint64 size;
        const char *hop;
        EntryState state;
        int attempts;
        int nextMinutes;
        const char *reply;
        const char *subject;
    };
    const Row rows[] = {
        {"alice@example.com", "bob@partner.example", 48213, "[archive.example.com]:25",
         EntryState::Queued, 0, 0, "", "Project plan, version 3"},
        {"alice@example.com", "carol@customer.example", 1843200, "mx.customer.example:25",
         EntryState::Deferred, 3, 15, "451 4.7.1 Greylisted, please try again later",
         "Quote for the new office chairs"},
        {"bob@example.com", "orders@supplier.example", 9120, "mx1.supplier.example:25",
         EntryState::Delivering, 1, 0, "", "Order 4711"},
        {"", "dave@example.com", 3310, "[mailbox.example.com]:25", EntryState::Deferred, 5, 60,
         "421 4.4.1 connection to mailbox.example.com[192.168.1.10]:25 timed out",
         "Undelivered Mail Returned to Sender"},
        {"carol@example.com", "team@conference.example", 254880, "mx.conference.example:25",
         EntryState::Held, 2, 0, "452 4.2.2 Mailbox full", "Grüße aus Köln — Tagungsfotos"},
        {"postmaster@example.com", "admin@isp.example", 2048, "smtp.isp.example:587",
         EntryState::Queued, 0, 0, "", "Disk space on mailbox.example.com"},
        {"erin@example.com", "frank@old-domain.example", 15877, "mx.old-domain.example:25",
         EntryState::Deferred, 8, 120, "450 4.1.1 Recipient address temporarily rejected",
         "Change of address"},
    };
    QList<OutboxEntry> entries;
    int n = 0;
    for (const Row &r : rows) {
        OutboxEntry e;
        e.messageId = u"06612A%1B3C0%2"_s.arg(n * 7919, 6, 16, QChar(u'0')).arg(n).toUpper();
        e.id = e.messageId + u"-0"_s;
        e.sender = QString::fromUtf8(r.from);
        e.recipients = {QString::fromUtf8(r.to)};
        e.size = r.size;
        e.nextHop = QString::fromUtf8(r.hop);
        e.state = r.state;
        e.attempts = r.attempts;
        e.created = now.addSecs(-3600 + 300 * n);
        if (r.nextMinutes > 0)
            e.nextAttempt = now.addSecs(60 * r.nextMinutes);
        e.lastReply = QString::fromUtf8(r.reply);
        e.subject = QString::fromUtf8(r.subject);
        if (r.attempts > 0 && !e.lastReply.isEmpty())
            e.history = {{now.addSecs(-600), e.lastReply}};
        entries.append(e);
        ++n;
    }
    window.model()->resetFrom(entries);
    window.resize(1280, 400);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.view()->selectRow(1);
    QTest::qWait(200);
    QVERIFY(window.grab().save(out + u"/queue-window.png"_s));

    // The details of a real entry, from the engine: deferred, its next hop refusing.
    const QString id = send(u"carol@customer.example"_s);
    QVERIFY(!id.isEmpty());
    tandem::ui::EntryDetailsDialog *details = m_window->showDetails(id);
    QVERIFY(details);
    QTRY_COMPARE_WITH_TIMEOUT(details->findChild<QLabel *>(u"detailId"_s)->text(), id, 5000);
    QVERIFY(QTest::qWaitForWindowExposed(details));
    QTest::qWait(200);
    QVERIFY(details->grab().save(out + u"/queue-entry-details.png"_s));
    details->findChild<QTabWidget *>(u"detailTabs"_s)->setCurrentIndex(2);
    QTest::qWait(200);
    QVERIFY(details->grab().save(out + u"/queue-entry-headers.png"_s));
    details->close();
}

QTEST_MAIN(TestQueueWindow)
#include "tst_queuewindow.moc"
