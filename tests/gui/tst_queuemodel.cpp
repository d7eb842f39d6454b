// The queue window's model under QAbstractItemModelTester: batches shaped like the engine's
// (additions, changes and removals at once), then fed by a real engine through EngineHost.
#include "engine.h"
#include "enginehost.h"
#include "queuefixture.h"
#include "queuemodel.h"

#include <QAbstractItemModelTester>
#include <QRandomGenerator>
#include <QSet>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTest>
#include <QTimeZone>

#include <memory>

using namespace Qt::StringLiterals;
using tandem::delivery::EntryState;
using tandem::delivery::OutboxEntry;
using tandem::ui::QueueFilterModel;
using tandem::ui::QueueModel;

namespace {

OutboxEntry entry(const QString &id, EntryState state = EntryState::Deferred, qint64 size = 100)
{
    OutboxEntry e;
    e.id = id;
    e.messageId = id.section(u'-', 0, 0);
    e.sender = u"alice@example.com"_s;
    e.recipients = {u"bob@remote.test"_s, u"carol@remote.test"_s};
    e.size = size;
    e.nextHop = u"[127.0.0.1]:2525"_s;
    e.state = state;
    e.attempts = 1;
    e.created = QDateTime(QDate(2024, 5, 1), QTime(12, 0), Qt::UTC);
    e.nextAttempt = e.created.addSecs(300);
    e.lastReply = u"421 4.4.1 connection refused"_s;
    e.history = {{e.created, e.lastReply}};
    return e;
}

QList<OutboxEntry> entries(int count)
{
    QList<OutboxEntry> list;
    for (int i = 0; i < count; ++i)
        list.append(entry(u"m%1-0"_s.arg(i)));
    return list;
}

QStringList idsOf(const QAbstractItemModel &model)
{
    QStringList ids;
    for (int row = 0; row < model.rowCount(); ++row)
        ids.append(model.index(row, QueueModel::IdColumn).data(QueueModel::IdRole).toString());
    return ids;
}

QStringList ids(std::initializer_list<int> numbers)
{
    QStringList list;
    for (int n : numbers)
        list.append(u"m%1-0"_s.arg(n));
    return list;
}

} // namespace

class TestQueueModel : public QObject {
    Q_OBJECT
private slots:
    void resetAndData();
    void batchAddChangeRemove();
    void nonContiguousRemovals();
    void readdRemovedId();
    void removeEverything();
    void heldCount();
    void sortsByRawValues();
    void filters();
    void manyScatteredRows();
    void randomBatches();
    void realEngine();

private:
    std::unique_ptr<QAbstractItemModelTester> attach(QAbstractItemModel *model)
    {
        return std::make_unique<QAbstractItemModelTester>(
            model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    }
};

void TestQueueModel::resetAndData()
{
    QueueModel model;
    auto tester = attach(&model);
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    model.resetFrom(entries(3));
    QCOMPARE(resets.size(), 1);
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.columnCount(), int(QueueModel::ColumnCount));
    QCOMPARE(idsOf(model), ids({0, 1, 2}));

    const auto cell = [&](int column, int role = Qt::DisplayRole) {
        return model.index(1, column).data(role);
    };
    QCOMPARE(cell(QueueModel::IdColumn).toString(), u"m1-0"_s);
    QCOMPARE(cell(QueueModel::FromColumn).toString(), u"alice@example.com"_s);
    QCOMPARE(cell(QueueModel::RecipientsColumn).toString(),
             u"bob@remote.test, carol@remote.test"_s);
    QCOMPARE(cell(QueueModel::NextHopColumn).toString(), u"[127.0.0.1]:2525"_s);
    QCOMPARE(cell(QueueModel::StateColumn).toString(), u"deferred"_s);
    QCOMPARE(cell(QueueModel::AttemptsColumn).toInt(), 1);
    QCOMPARE(cell(QueueModel::LastReplyColumn).toString(), u"421 4.4.1 connection refused"_s);
    QCOMPARE(cell(QueueModel::SizeColumn, QueueModel::SortRole).toLongLong(), 100);
    QCOMPARE(cell(QueueModel::NextAttemptColumn, QueueModel::SortRole).toDateTime(),
             entry(u"x"_s).nextAttempt);
    QVERIFY(
        cell(QueueModel::IdColumn, Qt::ToolTipRole).toString().contains(u"connection refused"_s));
    QCOMPARE(cell(QueueModel::IdColumn, Qt::UserRole).toString(), u"m1-0"_s);
    QVERIFY(!cell(QueueModel::StateColumn, Qt::DecorationRole).value<QIcon>().isNull());
    QVERIFY(!QueueModel::stateIcon(EntryState::Held).pixmap(16).isNull()); // the SVG loads
    QCOMPARE(model.headerData(QueueModel::NextHopColumn, Qt::Horizontal).toString(), u"Next hop"_s);

    // A snapshot never holds an id twice; if one did, the table would still show it once.
    QList<OutboxEntry> twice = entries(2);
    twice.append(entry(u"m0-0"_s, EntryState::Held));
    model.resetFrom(twice);
    QCOMPARE(idsOf(model), ids({0, 1}));
    QCOMPARE(model.heldCount(), 1);
}

void TestQueueModel::batchAddChangeRemove()
{
    QueueModel model;
    auto tester = attach(&model);
    model.resetFrom(entries(6));
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);

    // Changes m3 and m4 (adjacent), adds m6 and m7, removes m1, all in one batch.
    QList<OutboxEntry> batch{entry(u"m3-0"_s, EntryState::Held), entry(u"m6-0"_s),
                             entry(u"m4-0"_s, EntryState::Queued), entry(u"m7-0"_s)};
    batch[0].attempts = 7;
    model.apply(batch, {u"m1-0"_s, u"unknown-0"_s});

    QCOMPARE(idsOf(model), ids({0, 2, 3, 4, 5, 6, 7}));
    QCOMPARE(removed.size(), 1);
    QCOMPARE(removed.at(0).at(1).toInt(), 1);
    QCOMPARE(removed.at(0).at(2).toInt(), 1);
    QCOMPARE(inserted.size(), 1); // one insertion per batch
    QCOMPARE(inserted.at(0).at(1).toInt(), 5);
    QCOMPARE(inserted.at(0).at(2).toInt(), 6);
    QCOMPARE(changed.size(), 1); // rows 2 and 3 coalesced
    QCOMPARE(changed.at(0).at(0).toModelIndex().row(), 2);
    QCOMPARE(changed.at(0).at(1).toModelIndex().row(), 3);
    QCOMPARE(changed.at(0).at(1).toModelIndex().column(), QueueModel::ColumnCount - 1);
    QCOMPARE(model.index(2, QueueModel::StateColumn).data().toString(), u"held"_s);
    QCOMPARE(model.index(2, QueueModel::AttemptsColumn).data().toInt(), 7);
    QCOMPARE(model.index(3, QueueModel::StateColumn).data().toString(), u"queued"_s);
    QCOMPARE(model.rowOf(u"m6-0"_s), 5);
    QCOMPARE(model.rowOf(u"m1-0"_s), -1);
}

void TestQueueModel::nonContiguousRemovals()
{
    QueueModel model;
    auto tester = attach(&model);
    model.resetFrom(entries(12));
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);

    model.apply({entry(u"m11-0"_s, EntryState::Held)}, ids({1, 3, 4, 5, 8, 10}));
    QCOMPARE(idsOf(model), ids({0, 2, 6, 7, 9, 11}));
    // Runs of adjacent rows, highest first: 10, 8, 3..5, 1.
    QCOMPARE(removed.size(), 4);
    const QList<QPair<int, int>> expected{{10, 10}, {8, 8}, {3, 5}, {1, 1}};
    for (int i = 0; i < expected.size(); ++i) {
        QCOMPARE(removed.at(i).at(1).toInt(), expected.at(i).first);
        QCOMPARE(removed.at(i).at(2).toInt(), expected.at(i).second);
    }
    QCOMPARE(model.index(5, QueueModel::StateColumn).data().toString(), u"held"_s);
    for (const QString &id : ids({0, 2, 6, 7, 9, 11}))
        QCOMPARE(model.index(model.rowOf(id), 0).data(QueueModel::IdRole).toString(), id);
}

void TestQueueModel::readdRemovedId()
{
    QueueModel model;
    auto tester = attach(&model);
    model.resetFrom(entries(4));
    model.apply({}, ids({1}));
    QCOMPARE(idsOf(model), ids({0, 2, 3}));
    model.apply({entry(u"m1-0"_s, EntryState::Queued)}, {});
    QCOMPARE(idsOf(model), ids({0, 2, 3, 1})); // back, at the end
    QCOMPARE(model.index(3, QueueModel::StateColumn).data().toString(), u"queued"_s);

    // Gone and back within one batch: the removal goes first, the entry comes back last.
    model.apply({entry(u"m2-0"_s, EntryState::Held)}, ids({2}));
    QCOMPARE(idsOf(model), ids({0, 3, 1, 2}));
    QCOMPARE(model.heldCount(), 1);
    // The same new id twice in a batch is one row, with the later value.
    model.apply({entry(u"m9-0"_s), entry(u"m9-0"_s, EntryState::Held)}, {});
    QCOMPARE(idsOf(model), ids({0, 3, 1, 2, 9}));
    QCOMPARE(model.heldCount(), 2);
}

void TestQueueModel::removeEverything()
{
    QueueModel model;
    auto tester = attach(&model);
    model.resetFrom(entries(5));
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    model.apply({}, ids({4, 0, 2, 1, 3}));
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(removed.size(), 1);
    model.apply(entries(2), {});
    QCOMPARE(idsOf(model), ids({0, 1}));
    model.resetFrom({});
    QCOMPARE(model.rowCount(), 0);
}

void TestQueueModel::heldCount()
{
    QueueModel model;
    auto tester = attach(&model);
    QSignalSpy counts(&model, &QueueModel::countsChanged);
    model.resetFrom({entry(u"a-0"_s, EntryState::Held), entry(u"b-0"_s), entry(u"c-0"_s)});
    QCOMPARE(model.heldCount(), 1);
    model.apply({entry(u"b-0"_s, EntryState::Held), entry(u"d-0"_s, EntryState::Held)}, {});
    QCOMPARE(model.heldCount(), 3);
    model.apply({entry(u"d-0"_s, EntryState::Queued)}, {u"a-0"_s});
    QCOMPARE(model.heldCount(), 1);
    QCOMPARE(counts.size(), 3);
}

void TestQueueModel::sortsByRawValues()
{
    QueueModel model;
    QueueFilterModel proxy;
    proxy.setSourceModel(&model);
    auto tester = attach(&proxy);
    QList<OutboxEntry> list{entry(u"a-0"_s, EntryState::Held, 9),
                            entry(u"b-0"_s, EntryState::Queued, 100),
                            entry(u"c-0"_s, EntryState::Deferred, 20)};
    list[0].nextAttempt = list[0].created.addDays(2);
    list[1].nextAttempt = list[1].created.addSecs(-60);
    list[0].attempts = 10;
    list[2].attempts = 2;
    model.resetFrom(list);

    proxy.sort(QueueModel::SizeColumn, Qt::AscendingOrder); // 9 < 20 < 100, not "100" < "20"
    QCOMPARE(idsOf(proxy), QStringList({u"a-0"_s, u"c-0"_s, u"b-0"_s}));
    proxy.sort(QueueModel::AttemptsColumn, Qt::DescendingOrder);
    QCOMPARE(idsOf(proxy), QStringList({u"a-0"_s, u"c-0"_s, u"b-0"_s}));
    proxy.sort(QueueModel::NextAttemptColumn, Qt::AscendingOrder);
    QCOMPARE(idsOf(proxy), QStringList({u"b-0"_s, u"c-0"_s, u"a-0"_s}));
    proxy.sort(QueueModel::StateColumn, Qt::AscendingOrder);
    QCOMPARE(idsOf(proxy), QStringList({u"b-0"_s, u"c-0"_s, u"a-0"_s}));

    // A batch keeps the order: the changed row moves, the new one lands in place.
    model.apply({entry(u"b-0"_s, EntryState::Held), entry(u"d-0"_s, EntryState::Delivering)},
                {u"c-0"_s});
    QStringList sorted = idsOf(proxy);
    QCOMPARE(sorted.takeFirst(), u"d-0"_s);
    sorted.sort(); // a and b are both held: either order
    QCOMPARE(sorted, QStringList({u"a-0"_s, u"b-0"_s}));
}

void TestQueueModel::filters()
{
    QueueModel model;
    QueueFilterModel proxy;
    proxy.setSourceModel(&model);
    auto tester = attach(&proxy);
    QList<OutboxEntry> list{entry(u"a-0"_s, EntryState::Held), entry(u"b-0"_s), entry(u"c-0"_s)};
    list[1].recipients = {u"dave@Partner.test"_s};
    list[2].lastReply = u"452 4.2.2 mailbox full"_s;
    model.resetFrom(list);

    proxy.setFilterText(u"partner"_s);
    QCOMPARE(idsOf(proxy), QStringList({u"b-0"_s}));
    proxy.setFilterText(u"MAILBOX FULL"_s);
    QCOMPARE(idsOf(proxy), QStringList({u"c-0"_s}));
    proxy.setFilterText({});
    proxy.setStateFilter(EntryState::Held);
    QCOMPARE(idsOf(proxy), QStringList({u"a-0"_s}));
    model.apply({entry(u"c-0"_s, EntryState::Held)}, {}); // now it belongs
    QCOMPARE(idsOf(proxy), QStringList({u"a-0"_s, u"c-0"_s}));
    proxy.setFilterText(u"remote.test"_s);
    QCOMPARE(idsOf(proxy), QStringList({u"a-0"_s, u"c-0"_s}));
    proxy.setStateFilter(std::nullopt);
    QCOMPARE(idsOf(proxy).size(), 2); // b went to partner.test only
}

// Past a few hundred runs of rows the batch is told in fewer signals: changes as one
// dataChanged over their span, removals as a reset.
void TestQueueModel::manyScatteredRows()
{
    QueueModel model;
    QueueFilterModel proxy;
    proxy.setSourceModel(&model);
    proxy.sort(QueueModel::AttemptsColumn);
    auto tester = attach(&model);
    auto proxyTester = attach(&proxy);
    model.resetFrom(entries(4000));
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);

    QList<OutboxEntry> everyOther;
    for (int i = 0; i < 4000; i += 2) {
        everyOther.append(entry(u"m%1-0"_s.arg(i), EntryState::Held));
        everyOther.last().attempts = 4000 - i;
    }
    model.apply(everyOther, {});
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.at(0).at(0).toModelIndex().row(), 0);
    QCOMPARE(changed.at(0).at(1).toModelIndex().row(), 3998);
    QCOMPARE(model.heldCount(), 2000);
    for (int row = 1; row < proxy.rowCount(); ++row) // the proxy re-sorted the span
        QVERIFY(proxy.index(row - 1, QueueModel::AttemptsColumn).data().toInt() <=
                proxy.index(row, QueueModel::AttemptsColumn).data().toInt());
    QCOMPARE(proxy.index(3999, 0).data(QueueModel::IdRole).toString(), u"m0-0"_s);

    QStringList gone;
    for (int i = 1; i < 4000; i += 4)
        gone.append(u"m%1-0"_s.arg(i)); // 1000 runs
    model.apply({entry(u"m2-0"_s), entry(u"new-0"_s)}, gone);
    QCOMPARE(resets.size(), 1);
    QCOMPARE(removed.size(), 0);
    QCOMPARE(model.rowCount(), 3001);
    QCOMPARE(model.heldCount(), 1999);
    QCOMPARE(model.rowOf(u"m1-0"_s), -1);
    QCOMPARE(model.rowOf(u"m2-0"_s), 1);
    QCOMPARE(model.rowOf(u"new-0"_s), 3000);
    for (int row = 0; row < model.rowCount(); ++row)
        QCOMPARE(model.rowOf(model.entryAt(row).id), row);

    // Fewer runs: one beginRemoveRows per run again.
    model.apply({}, ids({0, 4, 8}));
    QCOMPARE(removed.size(), 3);
    QCOMPARE(model.rowCount(), 2998);
}

// Random batches against a plain reference list, with the tester on the model and on a
// sorting, filtering proxy above it.
void TestQueueModel::randomBatches()
{
    QueueModel model;
    QueueFilterModel proxy;
    proxy.setSourceModel(&model);
    proxy.sort(QueueModel::StateColumn);
    proxy.setFilterText(u"-"_s);
    auto tester = attach(&model);
    auto proxyTester = attach(&proxy);
    QRandomGenerator random(20240501);
    QList<OutboxEntry> reference = entries(60);
    model.resetFrom(reference);
    int nextId = 1000;
    for (int round = 0; round < 300; ++round) {
        QList<OutboxEntry> changedOrAdded;
        QStringList removed;
        QSet<QString> touched; // the engine reports an id once per batch
        const int changes = random.bounded(12);
        for (int i = 0; i < changes && !reference.isEmpty(); ++i) {
            const int at = random.bounded(int(reference.size()));
            if (touched.contains(reference.at(at).id))
                continue;
            touched.insert(reference.at(at).id);
            if (random.bounded(3) == 0) {
                removed.append(reference.at(at).id);
            } else {
                OutboxEntry e = reference.at(at);
                e.state = EntryState(random.bounded(4));
                e.attempts += 1;
                changedOrAdded.append(e);
            }
        }
        for (int i = random.bounded(6); i > 0; --i)
            changedOrAdded.append(entry(u"n%1-0"_s.arg(nextId++), EntryState(random.bounded(4)),
                                        random.bounded(100000)));
        // The reference: removals, then changes in place, then additions in order.
        reference.removeIf([&](const OutboxEntry &e) { return removed.contains(e.id); });
        for (const OutboxEntry &e : std::as_const(changedOrAdded)) {
            const auto it = std::find_if(reference.begin(), reference.end(),
                                         [&](const OutboxEntry &r) { return r.id == e.id; });
            if (it != reference.end())
                *it = e;
            else
                reference.append(e);
        }
        model.apply(changedOrAdded, removed);
        QCOMPARE(model.rowCount(), reference.size());
        for (int row = 0; row < reference.size(); ++row) {
            QCOMPARE(model.entryAt(row).id, reference.at(row).id);
            QCOMPARE(int(model.entryAt(row).state), int(reference.at(row).state));
            QCOMPARE(model.rowOf(reference.at(row).id), row);
        }
        QCOMPARE(proxy.rowCount(), reference.size());
        const auto held = std::count_if(reference.cbegin(), reference.cend(),
                                        [](const auto &e) { return e.state == EntryState::Held; });
        QCOMPARE(model.heldCount(), int(held));
    }
}

// The model fed by a running engine: a message to an external recipient becomes an Outbox
// entry, shown within a few seconds, deferred because its next hop does not answer.
void TestQueueModel::realEngine()
{
    tandem::test::QueueFixture fixture;
    QString error;
    QVERIFY2(fixture.init(&error), qPrintable(error));

    tandem::ui::EngineHost host;
    QueueModel model;
    auto tester = attach(&model);
    connect(&host, &tandem::ui::EngineHost::outboxSnapshot, &model, &QueueModel::resetFrom);
    connect(&host, &tandem::ui::EngineHost::outboxUpdated, &model, &QueueModel::apply);
    QSignalSpy snapshots(&host, &tandem::ui::EngineHost::outboxSnapshot);
    QSignalSpy started(&host, &tandem::ui::EngineHost::started);
    QSignalSpy failed(&host, &tandem::ui::EngineHost::failed);
    host.requestOutboxSnapshot(); // before the start: kept, and answered once it runs
    host.start(fixture.settings());
    QTRY_VERIFY_WITH_TIMEOUT(!started.isEmpty() || !failed.isEmpty(), 10000);
    QVERIFY2(failed.isEmpty(), qPrintable(failed.value(0).value(0).toString()));
    QTRY_COMPARE_WITH_TIMEOUT(snapshots.size(), 1, 5000);
    QCOMPARE(model.rowCount(), 0);

    QVERIFY2(tandem::test::sendMessage(fixture.smtpPort(), u"alice@example.com"_s,
                                       u"bob@remote.test"_s, u"queue model"_s, &error),
             qPrintable(error));
    QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 1, 5000);
    const OutboxEntry &e = model.entryAt(0);
    QCOMPARE(e.sender, u"alice@example.com"_s);
    QCOMPARE(e.recipients, QStringList({u"bob@remote.test"_s}));
    QVERIFY(e.nextHop.contains(u"127.0.0.1"_s));
    QVERIFY(e.size > 0);
    QTRY_COMPARE_WITH_TIMEOUT(model.index(0, QueueModel::StateColumn).data().toString(),
                              u"deferred"_s, 10000);
    QVERIFY(model.index(0, QueueModel::AttemptsColumn).data().toInt() >= 1);
    QVERIFY(!model.index(0, QueueModel::LastReplyColumn).data().toString().isEmpty());

    // A second message is one more row, appended by a batch, not a new snapshot.
    QVERIFY2(tandem::test::sendMessage(fixture.smtpPort(), u"alice@example.com"_s,
                                       u"carol@remote.test"_s, u"second"_s, &error),
             qPrintable(error));
    QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 2, 5000);
    QCOMPARE(snapshots.size(), 1);
    QCOMPARE(model.entryAt(1).recipients, QStringList({u"carol@remote.test"_s}));

    // What the model shows is what the spool holds.
    QTRY_COMPARE_WITH_TIMEOUT(tandem::Engine::readOutbox(fixture.settings()).size(), qsizetype(2),
                              5000);

    QSignalSpy stopped(&host, &tandem::ui::EngineHost::stopped);
    host.stop();
    QTRY_VERIFY_WITH_TIMEOUT(!stopped.isEmpty(), 15000);
}

QTEST_MAIN(TestQueueModel)
#include "tst_queuemodel.moc"
