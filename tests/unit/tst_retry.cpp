// The retry schedule is a pure function of (policy, age, attempts, clock): no test sleeps.
#include "delivery/retry.h"
#include "threadwarnings.h"

#include <QTest>
#include <QTimeZone>

using namespace Qt::StringLiterals;
using tandem::delivery::planRetry;

class TestRetry : public QObject {
    Q_OBJECT
private slots:
    void init() { tandem::test::failOnThreadWarnings(); }
    void followsTheSchedule();
    void lastIntervalRepeats();
    void warnsOnceAfterWarnTime();
    void givesUpAfterGiveUpTime();
    void lastTryFallsOnTheDeadline();
    void timeScaleShortensEverything();

private:
    tandem::config::RetrySettings policy() const
    {
        tandem::config::RetrySettings p;
        p.scheduleMinutes = {1, 5, 15};
        p.warnAfterHours = 4;
        p.giveUpAfterHours = 120;
        return p;
    }
    const QDateTime created = QDateTime(QDate(2026, 1, 1), QTime(12, 0), Qt::UTC);
};

void TestRetry::followsTheSchedule()
{
    const QDateTime now = created.addSecs(10);
    QCOMPARE(planRetry(policy(), created, 1, false, now).nextAttempt, now.addSecs(60));
    QCOMPARE(planRetry(policy(), created, 2, false, now).nextAttempt, now.addSecs(5 * 60));
    QCOMPARE(planRetry(policy(), created, 3, false, now).nextAttempt, now.addSecs(15 * 60));
    QVERIFY(!planRetry(policy(), created, 1, false, now).giveUp);
    QVERIFY(!planRetry(policy(), created, 1, false, now).warnNow);
}

void TestRetry::lastIntervalRepeats()
{
    const QDateTime now = created.addSecs(3600);
    QCOMPARE(planRetry(policy(), created, 9, false, now).nextAttempt, now.addSecs(15 * 60));
}

void TestRetry::warnsOnceAfterWarnTime()
{
    const QDateTime before = created.addSecs(4 * 3600 - 1);
    const QDateTime after = created.addSecs(4 * 3600);
    QVERIFY(!planRetry(policy(), created, 5, false, before).warnNow);
    QVERIFY(planRetry(policy(), created, 5, false, after).warnNow);
    QVERIFY(!planRetry(policy(), created, 5, true, after).warnNow); // already warned
}

void TestRetry::givesUpAfterGiveUpTime()
{
    QVERIFY(!planRetry(policy(), created, 50, true, created.addSecs(120 * 3600 - 1)).giveUp);
    QVERIFY(planRetry(policy(), created, 50, true, created.addSecs(120 * 3600)).giveUp);
}

void TestRetry::lastTryFallsOnTheDeadline()
{
    const QDateTime now = created.addSecs(120 * 3600 - 60);
    QCOMPARE(planRetry(policy(), created, 9, true, now).nextAttempt, created.addSecs(120 * 3600));
}

void TestRetry::timeScaleShortensEverything()
{
    // At 60 times real speed a minute of the schedule is a second.
    const QDateTime now = created.addSecs(1);
    QCOMPARE(planRetry(policy(), created, 1, false, now, 60).nextAttempt, now.addSecs(1));
    QVERIFY(planRetry(policy(), created, 1, false, created.addSecs(4 * 60), 60).warnNow);
    QVERIFY(planRetry(policy(), created, 1, true, created.addSecs(120 * 60), 60).giveUp);
}

QTEST_GUILESS_MAIN(TestRetry)
#include "tst_retry.moc"
