// The queue window's model under QAbstractItemModelTester: batches shaped like the engine's
// (additions, changes and removals at once), then fed by a real engine through EngineHost.
#include "engine.h"
#include "enginehost.h"
#include "queuefixture.h"
#include "queuemodel.h"
#include "threadwarnings.h"

#include <QAbstractItemModelTester>
#include <QRandomGenerator>
#include <QSet>
#include <QSignalSpy>
#include <QTest>
#include <QTimeZone>

#include <memory>

using namespace Qt::StringLiterals;
using tandem::delivery::EntryState;
using tandem::delivery::OutboxEntry;
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
    e.subject = u"Minutes of %1"_s.arg(id);
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
    void init() { tandem::test::failOnThreadWarnings(); }
    void resetAndData();
    void batchAddChangeRemove();
    void nonContiguousRemovals();
    void readdRemovedId();
    void removeEverything();
    void heldCount();
    void sortsByRawValues();
    void sortKeepsPersistentIndexes();
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
    QCOMPARE(cell(QueueModel::SubjectColumn).toString(), u"Minutes of m1-0"_s);
    QVERIFY(cell(QueueModel::SubjectColumn, Qt::ToolTipRole).toString().contains(u"m1-0"_s));
    QCOMPARE(model.headerData(QueueModel::SubjectColumn, Qt::Horizontal).toString(), u"Subject"_s);
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
    auto tester = attach(&model);
    QList<OutboxEntry> list{entry(u"a-0"_s, EntryState::Held, 9),
                            entry(u"b-0"_s, EntryState::Queued, 100),
                            entry(u"c-0"_s, EntryState::Deferred, 20)};
    list[0].nextAttempt = list[0].created.addDays(2);
    list[1].nextAttempt = list[1].created.addSecs(-60);
    list[0].attempts = 10;
    list[2].attempts = 2;
    list[0].sender = u"Zed@example.com"_s;
    list[1].sender = u"adam@example.com"_s;
    list[2].sender = u"bea@example.com"_s;
    model.resetFrom(list);

    model.sort(QueueModel::SizeColumn, Qt::AscendingOrder); // 9 < 20 < 100, not "100" < "20"
    QCOMPARE(idsOf(model), QStringList({u"a-0"_s, u"c-0"_s, u"b-0"_s}));
    model.sort(QueueModel::AttemptsColumn, Qt::DescendingOrder);
    QCOMPARE(idsOf(model), QStringList({u"a-0"_s, u"c-0"_s, u"b-0"_s}));
    model.sort(QueueModel::NextAttemptColumn, Qt::AscendingOrder);
    QCOMPARE(idsOf(model), QStringList({u"b-0"_s, u"c-0"_s, u"a-0"_s}));
    model.sort(QueueModel::FromColumn, Qt::AscendingOrder); // ignoring case: Zed is last
    QCOMPARE(idsOf(model), QStringList({u"b-0"_s, u"c-0"_s, u"a-0"_s}));
    model.sort(QueueModel::StateColumn, Qt::AscendingOrder);
    QCOMPARE(idsOf(model), QStringList({u"b-0"_s, u"c-0"_s, u"a-0"_s}));

    // A batch keeps the order: the changed row moves, the new one lands in place, and rows
    // that compare equal stay in the order they arrived (a before b).
    model.apply({entry(u"b-0"_s, EntryState::Held), entry(u"d-0"_s, EntryState::Delivering)},
                {u"c-0"_s});
    QCOMPARE(idsOf(model), QStringList({u"d-0"_s, u"a-0"_s, u"b-0"_s}));
    model.sort(QueueModel::StateColumn, Qt::DescendingOrder);
    QCOMPARE(idsOf(model), QStringList({u"a-0"_s, u"b-0"_s, u"d-0"_s}));
    model.sort(-1); // arrival order
    QCOMPARE(idsOf(model), QStringList({u"a-0"_s, u"b-0"_s, u"d-0"_s}));
    for (int row = 0; row < model.rowCount(); ++row)
        QCOMPARE(model.rowOf(model.entryAt(row).id), row);
}

// A re-sort is a layout change: persistent indexes (a view's selection) follow their entries.
void TestQueueModel::sortKeepsPersistentIndexes()
{
    QueueModel model;
    auto tester = attach(&model);
    QList<OutboxEntry> list = entries(5);
    for (int i = 0; i < 5; ++i)
        list[i].size = 100 - i;
    model.resetFrom(list);
    QSignalSpy layouts(&model, &QAbstractItemModel::layoutChanged);
    const QPersistentModelIndex m1 = model.index(1, QueueModel::SizeColumn);
    model.sort(QueueModel::SizeColumn);
    QCOMPARE(layouts.size(), 1);
    QCOMPARE(m1.row(), 3);
    QCOMPARE(m1.column(), int(QueueModel::SizeColumn));
    QCOMPARE(m1.data(QueueModel::IdRole).toString(), u"m1-0"_s);

    // Rows that move in a batch (their sort key changed) are a layout change too.
    QList<OutboxEntry> bigger = entries(400);
    model.resetFrom(bigger);
    const QPersistentModelIndex m7 = model.index(7, 0);
    for (OutboxEntry &e : bigger)
        e.size = 1000 - e.size - e.id.section(u'-', 0, 0).mid(1).toInt(); // reverses the order
    model.apply(bigger, {});
    QCOMPARE(layouts.size(), 2);
    QCOMPARE(idsOf(model).constFirst(), u"m399-0"_s);
    QCOMPARE(m7.row(), 392);
    QCOMPARE(m7.data(QueueModel::IdRole).toString(), u"m7-0"_s);
}

void TestQueueModel::filters()
{
    QueueModel model;
    auto tester = attach(&model);
    QList<OutboxEntry> list{entry(u"a-0"_s, EntryState::Held), entry(u"b-0"_s), entry(u"c-0"_s)};
    list[1].recipients = {u"dave@Partner.test"_s};
    list[2].lastReply = u"452 4.2.2 mailbox full"_s;
    model.resetFrom(list);
    QSignalSpy counts(&model, &QueueModel::countsChanged);

    model.setFilterText(u"partner"_s);
    QCOMPARE(idsOf(model), QStringList({u"b-0"_s}));
    QCOMPARE(model.totalCount(), 3);
    QCOMPARE(model.rowOf(u"a-0"_s), -1);
    QVERIFY(model.contains(u"a-0"_s));
    QCOMPARE(counts.size(), 1);
    model.setFilterText(u"  MAILBOX FULL "_s);
    QCOMPARE(idsOf(model), QStringList({u"c-0"_s}));
    model.setFilterText({});
    model.setStateFilter(EntryState::Held);
    QCOMPARE(idsOf(model), QStringList({u"a-0"_s}));
    model.apply({entry(u"c-0"_s, EntryState::Held)}, {}); // now it belongs
    QCOMPARE(idsOf(model), QStringList({u"a-0"_s, u"c-0"_s}));
    model.apply({entry(u"a-0"_s, EntryState::Queued)}, {}); // now it does not
    QCOMPARE(idsOf(model), QStringList({u"c-0"_s}));
    QCOMPARE(model.heldCount(), 1);
    model.apply({entry(u"e-0"_s, EntryState::Held), entry(u"f-0"_s)}, {u"b-0"_s});
    QCOMPARE(idsOf(model), QStringList({u"c-0"_s, u"e-0"_s}));
    QCOMPARE(model.totalCount(), 4);
    model.setFilterText(u"remote.test"_s);
    QCOMPARE(idsOf(model), QStringList({u"c-0"_s, u"e-0"_s}));
    model.setStateFilter(std::nullopt);
    QCOMPARE(idsOf(model), QStringList({u"a-0"_s, u"c-0"_s, u"e-0"_s, u"f-0"_s}));
}

// Past a few dozen runs of rows a batch is told in fewer signals: changes in place as one
// dataChanged over their span, rows coming and going as a reset.
void TestQueueModel::manyScatteredRows()
{
    QueueModel model;
    auto tester = attach(&model);
    model.sort(QueueModel::AttemptsColumn);
    model.resetFrom(entries(4000));
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy layouts(&model, &QAbstractItemModel::layoutChanged);

    QList<OutboxEntry> everyOther; // the sort key stays: changes in place
    for (int i = 0; i < 4000; i += 2)
        everyOther.append(entry(u"m%1-0"_s.arg(i), EntryState::Held));
    model.apply(everyOther, {});
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.at(0).at(0).toModelIndex().row(), 0);
    QCOMPARE(changed.at(0).at(1).toModelIndex().row(), 3998);
    QCOMPARE(model.heldCount(), 2000);
    QCOMPARE(resets.size() + removed.size() + inserted.size() + layouts.size(), 0);

    QStringList gone;
    for (int i = 1; i < 4000; i += 4)
        gone.append(u"m%1-0"_s.arg(i)); // 1000 runs
    OutboxEntry m2 = entry(u"m2-0"_s);
    m2.attempts = 0; // moves to the top
    model.apply({m2, entry(u"new-0"_s)}, gone);
    QCOMPARE(resets.size(), 1);
    QCOMPARE(removed.size(), 0);
    QCOMPARE(model.rowCount(), 3001);
    QCOMPARE(model.heldCount(), 1999);
    QCOMPARE(model.rowOf(u"m1-0"_s), -1);
    QCOMPARE(model.rowOf(u"m2-0"_s), 0);
    QCOMPARE(model.rowOf(u"new-0"_s), 3000); // equal attempts: in arrival order, last
    for (int row = 0; row < model.rowCount(); ++row)
        QCOMPARE(model.rowOf(model.entryAt(row).id), row);

    // Fewer runs: one beginRemoveRows per run again, a layout change for the row that moves,
    // and an insertion where the new row belongs.
    OutboxEntry m3 = entry(u"m3-0"_s);
    m3.attempts = 0;
    OutboxEntry early = entry(u"early-0"_s);
    early.attempts = 0;
    const QPersistentModelIndex m3Index = model.index(model.rowOf(u"m3-0"_s), 2);
    model.apply({m3, early}, ids({0, 4, 8}));
    QCOMPARE(resets.size(), 1);
    QCOMPARE(removed.size(), 3);
    QCOMPARE(layouts.size(), 1); // m3 moves up, after m2
    QCOMPARE(m3Index.row(), 1);
    QCOMPARE(m3Index.column(), 2);
    QCOMPARE(inserted.size(), 1); // early comes third (it arrived after them)
    QCOMPARE(inserted.at(0).at(1).toInt(), 2);
    QCOMPARE(inserted.at(0).at(2).toInt(), 2);
    QCOMPARE(model.rowCount(), 2999);
    QCOMPARE(idsOf(model).mid(0, 3), QStringList({u"m2-0"_s, u"m3-0"_s, u"early-0"_s}));
}

// Random batches against a plain reference list, sorted and filtered in every way, with the
// tester on the model.
void TestQueueModel::randomBatches()
{
    QueueModel model;
    auto tester = attach(&model);
    QRandomGenerator random(20240501);
    QList<OutboxEntry> reference = entries(60); // in arrival order
    model.resetFrom(reference);
    int nextId = 1000;
    for (int round = 0; round < 600; ++round) {
        if (round % 50 == 0) { // another column, order and filter now and then
            model.sort(random.bounded(-1, int(QueueModel::ColumnCount)),
                       random.bounded(2) ? Qt::AscendingOrder : Qt::DescendingOrder);
            const int state = random.bounded(-1, 4);
            model.setStateFilter(state < 0 ? std::nullopt
                                           : std::optional<EntryState>(EntryState(state)));
            model.setFilterText(random.bounded(2) ? u"N1"_s : QString());
        }
        QList<OutboxEntry> changedOrAdded;
        QStringList removed;
        QSet<QString> touched; // the engine reports an id once per batch
        // Now and then a big batch, past the point where a batch is told as a reset.
        const int changes = round % 7 == 0 ? random.bounded(60, 120) : random.bounded(12);
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
                e.attempts += random.bounded(2);
                e.size = random.bounded(5) * 1000;
                e.sender = random.bounded(2) ? u"Alice@example.com"_s : u"bob@example.com"_s;
                e.nextAttempt = e.created.addSecs(random.bounded(10) * 60);
                e.lastReply = u"451 4.3.0 try %1"_s.arg(random.bounded(3));
                if (random.bounded(4) == 0)
                    e.recipients = {u"Carol@remote.test"_s};
                changedOrAdded.append(e);
            }
        }
        for (int i = random.bounded(round % 7 == 0 ? 40 : 6); i > 0; --i)
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

        // What the model should show: the reference filtered, then sorted stably by the
        // column's SortRole value (text without case), arrival order among equals.
        QList<qsizetype> shown;
        for (qsizetype i = 0; i < reference.size(); ++i) {
            const OutboxEntry &e = reference.at(i);
            const bool state = !model.stateFilter() || e.state == *model.stateFilter();
            const QString text = model.filterText();
            const auto has = [&](const QString &s) {
                return s.contains(text, Qt::CaseInsensitive);
            };
            const bool matches = text.isEmpty() || has(e.id) || has(e.sender) || has(e.subject) ||
                                 has(e.nextHop) || has(e.lastReply) ||
                                 std::any_of(e.recipients.cbegin(), e.recipients.cend(), has);
            if (state && matches)
                shown.append(i);
        }
        const int column = model.sortColumn();
        const auto less = [&](qsizetype a, qsizetype b) {
            const OutboxEntry &x = reference.at(a);
            const OutboxEntry &y = reference.at(b);
            int c = 0;
            switch (column) {
            case QueueModel::IdColumn:
                c = x.id.compare(y.id, Qt::CaseInsensitive);
                break;
            case QueueModel::FromColumn:
                c = x.sender.compare(y.sender, Qt::CaseInsensitive);
                break;
            case QueueModel::RecipientsColumn:
                for (qsizetype i = 0; c == 0 && i < x.recipients.size() && i < y.recipients.size();
                     ++i)
                    c = x.recipients.at(i).compare(y.recipients.at(i), Qt::CaseInsensitive);
                if (c == 0)
                    c = int(x.recipients.size() - y.recipients.size());
                break;
            case QueueModel::SubjectColumn:
                c = x.subject.compare(y.subject, Qt::CaseInsensitive);
                break;
            case QueueModel::SizeColumn:
                c = x.size < y.size ? -1 : y.size < x.size;
                break;
            case QueueModel::NextHopColumn:
                c = x.nextHop.compare(y.nextHop, Qt::CaseInsensitive);
                break;
            case QueueModel::StateColumn:
                c = int(x.state) - int(y.state);
                break;
            case QueueModel::AttemptsColumn:
                c = x.attempts - y.attempts;
                break;
            case QueueModel::NextAttemptColumn:
                c = x.nextAttempt < y.nextAttempt ? -1 : y.nextAttempt < x.nextAttempt;
                break;
            case QueueModel::LastReplyColumn:
                c = x.lastReply.compare(y.lastReply, Qt::CaseInsensitive);
                break;
            }
            return model.sortOrder() == Qt::AscendingOrder ? c < 0 : c > 0;
        };
        std::stable_sort(shown.begin(), shown.end(), less);

        QCOMPARE(model.rowCount(), shown.size());
        for (int row = 0; row < shown.size(); ++row) {
            const OutboxEntry &want = reference.at(shown.at(row));
            QCOMPARE(model.entryAt(row).id, want.id);
            QCOMPARE(int(model.entryAt(row).state), int(want.state));
            QCOMPARE(model.rowOf(want.id), row);
        }
        QCOMPARE(model.totalCount(), reference.size());
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
    // The Subject as the engine recorded it at acceptance.
    QCOMPARE(model.index(0, QueueModel::SubjectColumn).data().toString(), u"queue model"_s);

    // A second message is one more row, appended by a batch, not a new snapshot. Its subject,
    // encoded (RFC 2047) and folded, shows decoded.
    QVERIFY2(tandem::test::sendMessage(
                 fixture.smtpPort(), u"alice@example.com"_s, u"carol@remote.test"_s,
                 u"=?UTF-8?B?R3LDvMOfZQ==?=\r\n aus =?ISO-8859-1?Q?K=F6ln?="_s, &error),
             qPrintable(error));
    QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 2, 5000);
    QCOMPARE(snapshots.size(), 1);
    QCOMPARE(model.entryAt(1).recipients, QStringList({u"carol@remote.test"_s}));
    QCOMPARE(model.index(1, QueueModel::SubjectColumn).data().toString(), u"Grüße aus Köln"_s);
    model.setFilterText(u"köln"_s); // the filter finds it by its subject
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.entryAt(0).recipients, QStringList({u"carol@remote.test"_s}));
    model.setFilterText({});

    // What the model shows is what the spool holds.
    QTRY_COMPARE_WITH_TIMEOUT(tandem::Engine::readOutbox(fixture.settings()).size(), qsizetype(2),
                              5000);

    QSignalSpy stopped(&host, &tandem::ui::EngineHost::stopped);
    host.stop();
    QTRY_VERIFY_WITH_TIMEOUT(!stopped.isEmpty(), 15000);
}

QTEST_MAIN(TestQueueModel)
#include "tst_queuemodel.moc"
