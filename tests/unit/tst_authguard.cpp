// AuthGuard: failures per address and per target user, reservations counted against the
// limit, the bounds on pending checks; PasswordVerifier: checks on the pool, reserved first.
#include "config/passwords.h"
#include "smtp/authguard.h"
#include "threadwarnings.h"

#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using tandem::smtp::AuthGuard;
using tandem::smtp::PasswordVerifier;
using Admission = AuthGuard::Admission;

namespace {
const QString kA = u"192.0.2.1"_s;
const QString kB = u"192.0.2.2"_s;
const QString kC = u"192.0.2.3"_s;
const QString kD = u"192.0.2.4"_s;
const QString kAlice = u"alice@example.com"_s;
const QString kBob = u"bob@example.com"_s;

// A failed check from `address` for `user`; returns the address's failures.
int fail(AuthGuard &guard, const QString &address, const QString &user)
{
    if (guard.reserve(address, user) != Admission::Granted)
        return -1;
    return guard.finish(address, user, false);
}
} // namespace

class TestAuthGuard : public QObject {
    Q_OBJECT

private slots:
    void init() { tandem::test::failOnThreadWarnings(); }
    void delays();
    void limitBlocksTheAddress();
    void pendingChecksCountAgainstTheLimit();
    void pendingBoundPerAddressAndInTotal();
    void anotherUsersSuccessKeepsTheCount();
    void ownSuccessClearsOwnFailures();
    void failuresCountedPerUser();
    void quietQuarterHourForgets();
    void verifierChecksOnThePool();
};

void TestAuthGuard::delays()
{
    QCOMPARE(AuthGuard::delayMs(1), 1000);
    QCOMPARE(AuthGuard::delayMs(2), 2000);
    QCOMPARE(AuthGuard::delayMs(5), 16000);
    QCOMPARE(AuthGuard::delayMs(9), 16000);
}

void TestAuthGuard::limitBlocksTheAddress()
{
    AuthGuard guard(3, 100);
    QCOMPARE(fail(guard, kA, kAlice), 1);
    QCOMPARE(fail(guard, kA, u"nobody"_s), 2);
    QVERIFY(!guard.isBlocked(kA));
    QCOMPARE(fail(guard, kA, kAlice), 3);
    QVERIFY(guard.isBlocked(kA));
    QCOMPARE(guard.reserve(kA, kBob), Admission::Blocked);
    QVERIFY(!guard.isBlocked(kB));
}

void TestAuthGuard::pendingChecksCountAgainstTheLimit()
{
    AuthGuard guard(3, 100);
    QCOMPARE(fail(guard, kA, kAlice), 1);
    QCOMPARE(guard.reserve(kA, kAlice), Admission::Granted);
    QCOMPARE(guard.reserve(kA, kAlice), Admission::Granted);
    // One failure and two checks in flight make three: nothing more until they are done.
    QCOMPARE(guard.reserve(kA, kAlice), Admission::Busy);
    QCOMPARE(guard.finish(kA, kAlice, false), 2);
    QCOMPARE(guard.finish(kA, kAlice, false), 3);
    QCOMPARE(guard.reserve(kA, kAlice), Admission::Blocked);
    QCOMPARE(guard.pending(), 0);
}

void TestAuthGuard::pendingBoundPerAddressAndInTotal()
{
    AuthGuard guard(100, 3);
    QCOMPARE(guard.reserve(kA, kAlice), Admission::Granted);
    QCOMPARE(guard.reserve(kA, kBob), Admission::Granted);
    QCOMPARE(guard.reserve(kA, u"carol"_s), Admission::Busy); // kMaxPendingPerAddress
    QCOMPARE(guard.reserve(kB, kAlice), Admission::Granted);
    QCOMPARE(guard.reserve(kC, kBob), Admission::Busy); // three in all
    QCOMPARE(guard.pending(), 3);
    guard.finish(kA, kAlice, false);
    QCOMPARE(guard.reserve(kC, kBob), Admission::Granted);
}

void TestAuthGuard::anotherUsersSuccessKeepsTheCount()
{
    AuthGuard guard(3, 100);
    QCOMPARE(fail(guard, kA, kAlice), 1);
    QCOMPARE(fail(guard, kA, kAlice), 2);
    QCOMPARE(guard.reserve(kA, kBob), Admission::Granted);
    QCOMPARE(guard.finish(kA, kBob, true), 0);
    QCOMPARE(fail(guard, kA, kAlice), 3);
    QVERIFY(guard.isBlocked(kA));
}

void TestAuthGuard::ownSuccessClearsOwnFailures()
{
    AuthGuard guard(3, 100);
    QCOMPARE(fail(guard, kA, u"nobody"_s), 1);
    QCOMPARE(fail(guard, kA, kAlice), 2);
    QCOMPARE(guard.reserve(kA, kAlice), Admission::Granted);
    QCOMPARE(guard.finish(kA, kAlice, true), 0);
    // Alice's own typo is forgiven, the guess at nobody is not.
    QCOMPARE(fail(guard, kA, kAlice), 2);
}

void TestAuthGuard::failuresCountedPerUser()
{
    AuthGuard guard(3, 100);
    QCOMPARE(guard.reserve(kD, kAlice), Admission::Granted);
    QCOMPARE(guard.finish(kD, kAlice, true), 0); // kD is an address alice logs in from
    QCOMPARE(fail(guard, kA, kAlice), 1);
    QCOMPARE(fail(guard, kB, kAlice), 1);
    QCOMPARE(fail(guard, kC, kAlice), 1);
    const QString elsewhere = u"192.0.2.99"_s;
    QCOMPARE(guard.reserve(elsewhere, kAlice), Admission::UserLocked);
    QCOMPARE(guard.reserve(elsewhere, kBob), Admission::Granted);
    guard.finish(elsewhere, kBob, true);
    QCOMPARE(guard.reserve(kD, kAlice), Admission::Granted);
    QCOMPARE(guard.finish(kD, kAlice, true), 0);
    // Her success lifted her lock; the addresses keep what they did.
    QCOMPARE(guard.reserve(elsewhere, kAlice), Admission::Granted);
    guard.finish(elsewhere, kAlice, false);
    QCOMPARE(fail(guard, kA, kAlice), 2);
}

void TestAuthGuard::quietQuarterHourForgets()
{
    QDateTime now = QDateTime(QDate(2026, 11, 30), QTime(12, 0), Qt::UTC);
    AuthGuard guard(2, 100);
    guard.setClock([&now] { return now; });
    fail(guard, kA, kAlice);
    fail(guard, kA, kAlice);
    QVERIFY(guard.isBlocked(kA));
    now = now.addSecs(AuthGuard::kForgetSeconds);
    QVERIFY(guard.isBlocked(kA));
    now = now.addSecs(2);
    QVERIFY(!guard.isBlocked(kA));
    QCOMPARE(guard.reserve(kA, kAlice), Admission::Granted);
    QCOMPARE(guard.finish(kA, kAlice, false), 1);
}

void TestAuthGuard::verifierChecksOnThePool()
{
    const QString stored = tandem::passwords::hash("right", 100000);
    AuthGuard guard(5, 2);
    PasswordVerifier verifier(&guard, 2);
    QCOMPARE(verifier.workers(), 2);
    QSignalSpy spy(&verifier, &PasswordVerifier::verified);
    QCOMPARE(verifier.verify(1, kA, kAlice, "wrong", stored), Admission::Granted);
    QCOMPARE(verifier.verify(2, kB, u"nobody"_s, "wrong", QString()), Admission::Granted);
    QCOMPARE(verifier.verify(3, kC, kAlice, "right", stored), Admission::Busy); // two in all
    QTRY_COMPARE_WITH_TIMEOUT(spy.size(), 2, 30000);
    QCOMPARE(guard.pending(), 0);
    QCOMPARE(verifier.verify(4, kC, kAlice, "right", stored), Admission::Granted);
    QTRY_COMPARE_WITH_TIMEOUT(spy.size(), 3, 30000);
    QHash<quint64, QPair<bool, int>> results;
    for (const QList<QVariant> &args : spy)
        results.insert(args.at(0).toULongLong(), {args.at(1).toBool(), args.at(2).toInt()});
    QCOMPARE(results.value(1), qMakePair(false, 1));
    QCOMPARE(results.value(2), qMakePair(false, 1)); // an unknown user never matches
    QCOMPARE(results.value(4), qMakePair(true, 0));
}

QTEST_GUILESS_MAIN(TestAuthGuard)
#include "tst_authguard.moc"
