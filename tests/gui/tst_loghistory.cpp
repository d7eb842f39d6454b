// The console's log window begins with the last events of the data folder's log file, before
// the events of this run; the model stays consistent (QAbstractItemModelTester).
#include "config/settings.h"
#include "logmodel.h"
#include "mainwindow.h"
#include "threadwarnings.h"
#include "util/log.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QFile>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using tandem::ui::LogModel;
using tandem::ui::MainWindow;

class TestLogHistory : public QObject {
    Q_OBJECT
private slots:
    void init() { tandem::test::failOnThreadWarnings(); }
    void windowStartsWithTheFilesLastLines();
    void historyGoesBeforeLiveEntriesWithinTheCap();
};

namespace {
tandem::log::Entry entry(const QString &text)
{
    return {QDateTime::currentDateTimeUtc(), tandem::log::Level::Info, u"engine"_s, {}, text, {}};
}
} // namespace

void TestLogHistory::windowStartsWithTheFilesLastLines()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QFile config(dir.path() + u"/tandem.json"_s);
    QVERIFY(config.open(QIODevice::WriteOnly));
    config.write(tandem::config::defaultConfigJson());
    config.close();
    QVERIFY(QDir().mkpath(dir.path() + u"/data/log"_s));
    QFile log(dir.path() + u"/data/log/tandem.log"_s);
    QVERIFY(log.open(QIODevice::WriteOnly));
    log.write("2026-11-30T18:20:41.395Z info engine: started as mailbox for example.com\n"
              "2026-11-30T18:20:42.394Z info smtp: S1: connection from 127.0.0.1\n"
              "2026-11-30T18:20:42.440Z warning outbox: 06618277B718AC0000-1: next hop "
              "[127.0.0.1]:3525 unreachable\n");
    log.close();

    MainWindow window(config.fileName());
    auto *view = window.findChild<QTableView *>(u"logView"_s);
    QVERIFY(view);
    auto *proxy = qobject_cast<QSortFilterProxyModel *>(view->model());
    QVERIFY(proxy);
    QAbstractItemModel *model = proxy->sourceModel();
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model->rowCount(), 0);
    QVERIFY(window.loadConfiguration());
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 3, 5000);
    const auto cell = [model](int row, LogModel::Column column) {
        return model->index(row, column).data().toString();
    };
    QCOMPARE(cell(0, LogModel::Text), u"started as mailbox for example.com"_s);
    QCOMPARE(cell(1, LogModel::Session), u"S1"_s);
    QCOMPARE(cell(1, LogModel::Component), u"smtp"_s);
    QCOMPARE(cell(2, LogModel::Level), u"warning"_s);
    QCOMPARE(cell(2, LogModel::QueueId), u"06618277B718AC0000-1"_s);
    QCOMPARE(cell(2, LogModel::Text), u"next hop [127.0.0.1]:3525 unreachable"_s);
    QCOMPARE(proxy->rowCount(), 3); // shown, not only held

    // This run's events come after them; loading the same configuration again adds nothing.
    tandem::log::info(u"engine"_s, u"a live event"_s);
    QVERIFY(window.loadConfiguration());
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 4, 5000);
    QTest::qWait(300);
    QCOMPARE(model->rowCount(), 4);
    QCOMPARE(cell(3, LogModel::Text), u"a live event"_s);
}

void TestLogHistory::historyGoesBeforeLiveEntriesWithinTheCap()
{
    LogModel model(nullptr, 4);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.append(entry(u"live 1"_s));
    model.append(entry(u"live 2"_s));
    QTRY_COMPARE(model.rowCount(), 2);
    model.prependHistory({entry(u"old 1"_s), entry(u"old 2"_s), entry(u"old 3"_s)});
    QCOMPARE(model.rowCount(), 4); // the newest of the history that fits
    QStringList texts;
    for (int row = 0; row < model.rowCount(); ++row)
        texts.append(model.index(row, LogModel::Text).data().toString());
    QCOMPARE(texts, (QStringList{u"old 2"_s, u"old 3"_s, u"live 1"_s, u"live 2"_s}));
    model.prependHistory({entry(u"older"_s)}); // no room: nothing
    QCOMPARE(model.rowCount(), 4);
}

QTEST_MAIN(TestLogHistory)
#include "tst_loghistory.moc"
