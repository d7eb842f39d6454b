// queue_model_bench: the queue window's model under load. Loads N synthetic Outbox entries
// into QueueModel (which sorts and filters) under a QTableView (shown offscreen), then
// applies M changes in batches shaped like the engine's outboxUpdated (state changes,
// additions, removals; an id at most once per batch), and reports the time spent and the
// longest stall of the event loop, seen by a 5 ms timer in the same thread.
#include "queuemodel.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QHeaderView>
#include <QRandomGenerator>
#include <QSet>
#include <QTableView>
#include <QTextStream>
#include <QTimer>

#include <algorithm>
#include <functional>

using namespace Qt::StringLiterals;
using tandem::delivery::EntryState;
using tandem::delivery::OutboxEntry;
using tandem::ui::QueueModel;

namespace {

const QDateTime kEpoch(QDate(2024, 5, 1), QTime(8, 0), Qt::UTC);

OutboxEntry makeEntry(int n, QRandomGenerator &random)
{
    OutboxEntry e;
    e.messageId = u"20240501T%1"_s.arg(n, 8, 10, QChar(u'0'));
    e.id = e.messageId + u"-0"_s;
    e.sender = u"user%1@example.com"_s.arg(random.bounded(500));
    e.recipients = {u"rcpt%1@remote%2.test"_s.arg(random.bounded(10000)).arg(random.bounded(300))};
    e.size = 500 + random.bounded(2000000);
    e.nextHop = u"[mx%1.remote.test]:25"_s.arg(random.bounded(300));
    e.state = EntryState(random.bounded(4));
    e.attempts = random.bounded(10);
    e.created = kEpoch.addSecs(n);
    e.nextAttempt = e.created.addSecs(60 + random.bounded(86400));
    e.lastReply = u"421 4.4.2 connection timed out"_s;
    return e;
}

struct Batch {
    QList<OutboxEntry> changedOrAdded;
    QStringList removed;
};

// The batches, made up front so that only the model's work is timed. `alive` is the set of
// entries as the engine would see it, kept in step.
QList<Batch> makeBatches(QList<OutboxEntry> alive, int changes, int batchSize,
                         const QList<int> &mix, int &nextId, QRandomGenerator &random)
{
    QList<Batch> batches;
    for (int done = 0; done < changes;) {
        Batch batch;
        QSet<int> touched;
        const int size = std::min(batchSize, changes - done);
        QList<int> removedAt;
        QList<OutboxEntry> added; // joins `alive` after the batch: an id once per batch
        for (int i = 0; i < size; ++i) {
            // By default 6 in 10 are changes, 2 additions, 2 removals.
            const int roll = random.bounded(mix[0] + mix[1] + mix[2]);
            const int kind = roll < mix[0] ? 0 : roll < mix[0] + mix[1] ? 1 : 2;
            if (kind == 1 || alive.isEmpty()) {
                OutboxEntry e = makeEntry(nextId++, random);
                e.state = EntryState::Queued;
                batch.changedOrAdded.append(e);
                added.append(e);
                continue;
            }
            const int at = random.bounded(int(alive.size()));
            if (touched.contains(at)) {
                --i;
                continue;
            }
            touched.insert(at);
            if (kind == 2) {
                batch.removed.append(alive.at(at).id);
                removedAt.append(at);
            } else {
                OutboxEntry &e = alive[at];
                e.state = EntryState(random.bounded(4));
                e.attempts += 1;
                e.nextAttempt = e.nextAttempt.addSecs(300 + random.bounded(3600));
                e.lastReply = u"451 4.3.0 try again later (%1)"_s.arg(e.attempts);
                batch.changedOrAdded.append(e);
            }
        }
        // Apply to `alive`: removals (swap with the last; its order does not matter here).
        std::sort(removedAt.begin(), removedAt.end(), std::greater<>());
        for (int at : std::as_const(removedAt)) {
            alive.swapItemsAt(at, alive.size() - 1);
            alive.removeLast();
        }
        alive.append(added);
        done += size;
        batches.append(std::move(batch));
    }
    return batches;
}

// Watches the event loop: a 5 ms timer, and the longest time between two of its ticks.
class StallMeter : public QObject {
public:
    explicit StallMeter(QObject *parent = nullptr)
        : QObject(parent)
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(5);
        connect(&m_timer, &QTimer::timeout, this, [this] {
            m_max = std::max(m_max, m_clock.nsecsElapsed());
            m_clock.restart();
        });
    }
    void start()
    {
        m_max = 0;
        m_clock.start();
        m_timer.start();
    }
    double stop()
    {
        m_timer.stop();
        m_max = std::max(m_max, m_clock.nsecsElapsed());
        return m_max / 1e6;
    }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_max = 0;
};

void runEventLoopFor(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

struct Result {
    QString scenario;
    int batches = 0;
    double totalMs = 0; // inside resetFrom()/apply(), with the view's reactions
    double maxBatchMs = 0;
    double stallMs = 0; // longest gap of the 5 ms timer, painting included
    int rows = 0;
};

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Load and update benchmark of the queue window's model."_s);
    parser.addHelpOption();
    const QCommandLineOption entriesOption(u"entries"_s, u"Entries loaded (100000)."_s, u"N"_s,
                                           u"100000"_s);
    const QCommandLineOption changesOption(u"changes"_s, u"Changes applied (10000)."_s, u"N"_s,
                                           u"10000"_s);
    const QCommandLineOption batchesOption(u"batch-sizes"_s,
                                           u"Changes per batch, one run each (100,1000,10000)."_s,
                                           u"LIST"_s, u"100,1000,10000"_s);
    const QCommandLineOption sortOption(u"sort-column"_s,
                                        u"Column the view is sorted by (7: next attempt)."_s,
                                        u"N"_s, QString::number(QueueModel::NextAttemptColumn));
    const QCommandLineOption gapOption(
        u"gap-ms"_s, u"Event-loop time between batches (10; the engine's is 200)."_s, u"MS"_s,
        u"10"_s);
    const QCommandLineOption mixOption(
        u"mix"_s, u"Weights of changes, additions and removals in a batch (6,2,2)."_s, u"C,A,R"_s,
        u"6,2,2"_s);
    parser.addOptions(
        {entriesOption, changesOption, batchesOption, sortOption, gapOption, mixOption});
    parser.process(app);
    const int entries = parser.value(entriesOption).toInt();
    const int changes = parser.value(changesOption).toInt();
    const int sortColumn = parser.value(sortOption).toInt();
    const int gapMs = parser.value(gapOption).toInt();
    QList<int> mix;
    for (const QString &s : parser.value(mixOption).split(u','))
        mix.append(std::max(0, s.toInt()));
    if (mix.size() != 3 || mix[0] + mix[1] + mix[2] == 0) {
        QTextStream(stderr) << "--mix wants three weights, e.g. 6,2,2" << Qt::endl;
        return 2;
    }
    QList<int> batchSizes;
    for (const QString &s : parser.value(batchesOption).split(u','))
        if (s.toInt() > 0)
            batchSizes.append(s.toInt());

    QRandomGenerator random(42);
    QList<OutboxEntry> initial;
    initial.reserve(entries);
    for (int n = 0; n < entries; ++n)
        initial.append(makeEntry(n, random));

    QList<Result> results;
    for (int batchSize : std::as_const(batchSizes)) {
        int nextId = entries;
        const QList<Batch> batches = makeBatches(initial, changes, batchSize, mix, nextId, random);

        QueueModel model;
        QTableView view;
        view.setModel(&model);
        view.setSelectionBehavior(QAbstractItemView::SelectRows);
        view.verticalHeader()->hide();
        view.verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
        view.horizontalHeader()->setSortIndicator(sortColumn, Qt::AscendingOrder);
        view.setSortingEnabled(true);
        view.resize(1100, 600);
        view.show();
        runEventLoopFor(50);

        StallMeter meter;
        QElapsedTimer clock;
        Result load{u"load %1"_s.arg(entries), 1};
        {
            // As from the engine: a snapshot nobody else holds, so the model's copy is its own.
            QList<OutboxEntry> snapshot = initial;
            snapshot.detach();
            meter.start();
            clock.start();
            model.resetFrom(snapshot);
        }
        load.totalMs = load.maxBatchMs = clock.nsecsElapsed() / 1e6;
        view.selectRow(10); // a selection, as an administrator's, to be kept up to date
        runEventLoopFor(100);
        load.stallMs = meter.stop();
        load.rows = model.rowCount();
        if (results.isEmpty())
            results.append(load);

        Result run{u"%1 changes, %2 per batch"_s.arg(changes).arg(batchSize), int(batches.size())};
        meter.start();
        for (const Batch &batch : batches) {
            clock.start();
            model.apply(batch.changedOrAdded, batch.removed);
            const double ms = clock.nsecsElapsed() / 1e6;
            run.totalMs += ms;
            run.maxBatchMs = std::max(run.maxBatchMs, ms);
            runEventLoopFor(gapMs); // the timer ticks and the view paints between batches
        }
        runEventLoopFor(100);
        run.stallMs = meter.stop();
        run.rows = model.rowCount();
        results.append(run);

        if (batchSize != batchSizes.constLast())
            continue;
        // What the administrator does to the full table: click a text column's header, type a
        // filter, clear it.
        const auto measure = [&](const QString &scenario, const std::function<void()> &action) {
            Result r{scenario, 1};
            meter.start();
            clock.start();
            action();
            r.totalMs = r.maxBatchMs = clock.nsecsElapsed() / 1e6;
            runEventLoopFor(100);
            r.stallMs = meter.stop();
            r.rows = model.rowCount();
            results.append(r);
        };
        measure(u"sort by sender"_s,
                [&] { view.sortByColumn(QueueModel::FromColumn, Qt::AscendingOrder); });
        measure(u"filter \"remote1\""_s, [&] { model.setFilterText(u"remote1"_s); });
        measure(u"clear the filter"_s, [&] { model.setFilterText({}); });
    }

    QTextStream out(stdout);
    out << "queue_model_bench: QueueModel (sorted by column " << sortColumn
        << ") + QTableView, offscreen; batches of changes:additions:removals " << mix[0] << ":"
        << mix[1] << ":" << mix[2] << "; stall = longest gap of a 5 ms timer\n\n";
    out << qSetFieldWidth(34) << Qt::left << "scenario" << qSetFieldWidth(9) << Qt::right
        << "batches" << qSetFieldWidth(14) << "total ms"
        << "max batch ms"
        << "stall ms" << qSetFieldWidth(9) << "rows" << qSetFieldWidth(0) << "\n";
    for (const Result &r : std::as_const(results)) {
        out << qSetFieldWidth(34) << Qt::left << r.scenario << qSetFieldWidth(9) << Qt::right
            << r.batches << qSetFieldWidth(14) << QString::number(r.totalMs, 'f', 1)
            << QString::number(r.maxBatchMs, 'f', 1) << QString::number(r.stallMs, 'f', 1)
            << qSetFieldWidth(9) << r.rows << qSetFieldWidth(0) << "\n";
    }
    return 0;
}
