// TlsRelay: bytes both ways, the client's end of input kept from Qt and reported only after
// what came before it was read, what Qt wrote last delivered before the connection closes, a
// client's reset passed on to Qt's end, and a client that reads nothing let go once Qt has
// closed. Socket pairs stand in for the TCP connection.
#include "smtp/tlsrelay.h"
#include "threadwarnings.h"

#include <QPointer>
#include <QSignalSpy>
#include <QTest>

#include <cerrno>

#include <sys/socket.h>
#include <unistd.h>

using tandem::smtp::TlsRelay;

namespace {

// Two connected descriptors: the first is the test's, the second goes to the relay.
struct Pair {
    int ours = -1;
    int relays = -1;
    Pair()
    {
        int fds[2];
        if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds) == 0) {
            ours = fds[0];
            relays = fds[1];
        }
    }
    ~Pair()
    {
        if (ours >= 0)
            ::close(ours);
    }
    Pair(const Pair &) = delete;
    Pair &operator=(const Pair &) = delete;
};

bool sendAll(int fd, const QByteArray &bytes)
{
    return ::send(fd, bytes.constData(), size_t(bytes.size()), MSG_NOSIGNAL) == bytes.size();
}

// What arrives on `fd` while the event loop runs, until `size` bytes came or the end (or a
// second passed); `*ended` says whether the end came.
QByteArray receive(int fd, qsizetype size, bool *ended = nullptr)
{
    QByteArray out;
    QDeadlineTimer deadline(1000);
    if (ended)
        *ended = false;
    while (out.size() < size && !deadline.hasExpired()) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
        char buffer[4096];
        const ssize_t n = ::recv(fd, buffer, sizeof buffer, MSG_DONTWAIT);
        if (n > 0) {
            out.append(buffer, n);
        } else if (n == 0 || (errno != EAGAIN && errno != EWOULDBLOCK)) {
            if (ended)
                *ended = true;
            break;
        }
    }
    return out;
}

} // namespace

class TestTlsRelay : public QObject {
    Q_OBJECT

private slots:
    void init() { tandem::test::failOnThreadWarnings(); }
    void carriesBothWays();
    void endOfInputAfterWhatCameBefore();
    void lastBytesOutThenClose();
    void clientResetEndsQtsEnd();
    void clientThatDoesNotReadIsLetGo();
};

void TestTlsRelay::carriesBothWays()
{
    Pair client, qt;
    new TlsRelay(client.relays, qt.relays, this);
    QVERIFY(sendAll(client.ours, "EHLO a\r\n"));
    QCOMPARE(receive(qt.ours, 8), QByteArray("EHLO a\r\n"));
    QVERIFY(sendAll(qt.ours, "250 ok\r\n"));
    QCOMPARE(receive(client.ours, 8), QByteArray("250 ok\r\n"));
}

void TestTlsRelay::endOfInputAfterWhatCameBefore()
{
    Pair client, qt;
    auto *relay = new TlsRelay(client.relays, qt.relays, this);
    QSignalSpy ended(relay, &TlsRelay::inputEnded);
    QVERIFY(sendAll(client.ours, "\r\n.\r\nQUIT\r\n"));
    QCOMPARE(::shutdown(client.ours, SHUT_WR), 0);
    // Qt has not read the last bytes yet: the end must not overtake them.
    QTest::qWait(100);
    QCOMPARE(ended.count(), 0);
    bool qtSawEnd = true;
    QCOMPARE(receive(qt.ours, 11, &qtSawEnd), QByteArray("\r\n.\r\nQUIT\r\n"));
    QTRY_COMPARE(ended.count(), 1);
    // Qt's end never reads the end of input, and still writes to the client.
    receive(qt.ours, 1, &qtSawEnd);
    QVERIFY(!qtSawEnd);
    QVERIFY(sendAll(qt.ours, "250 2.0.0 Ok\r\n221 2.0.0 Bye\r\n"));
    QCOMPARE(receive(client.ours, 30), QByteArray("250 2.0.0 Ok\r\n221 2.0.0 Bye\r\n"));
}

void TestTlsRelay::lastBytesOutThenClose()
{
    Pair client, qt;
    QPointer<TlsRelay> relay = new TlsRelay(client.relays, qt.relays, this);
    QVERIFY(sendAll(qt.ours, "221 2.0.0 Bye\r\n"));
    ::close(std::exchange(qt.ours, -1));
    bool clientSawEnd = false;
    QCOMPARE(receive(client.ours, 1024, &clientSawEnd), QByteArray("221 2.0.0 Bye\r\n"));
    QVERIFY(clientSawEnd);
    QTRY_VERIFY(relay.isNull());
}

void TestTlsRelay::clientResetEndsQtsEnd()
{
    Pair client, qt;
    new TlsRelay(client.relays, qt.relays, this);
    // Closed with bytes it never read: the relay reads a reset, not an end of input.
    QVERIFY(sendAll(qt.ours, "250 2.0.0 Ok\r\n"));
    QTest::qWait(50);
    ::close(std::exchange(client.ours, -1));
    bool qtSawEnd = false;
    receive(qt.ours, 1, &qtSawEnd);
    QVERIFY(qtSawEnd);
}

void TestTlsRelay::clientThatDoesNotReadIsLetGo()
{
    Pair client, qt;
    QPointer<TlsRelay> relay = new TlsRelay(client.relays, qt.relays, this, 200);
    // Qt writes until nothing more fits anywhere: the client reads nothing.
    const QByteArray block(64 * 1024, 'x');
    int refused = 0;
    QDeadlineTimer deadline(5000);
    while (refused < 20 && !deadline.hasExpired()) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
        const ssize_t n =
            ::send(qt.ours, block.constData(), size_t(block.size()), MSG_DONTWAIT | MSG_NOSIGNAL);
        refused = n < 0 ? refused + 1 : 0;
    }
    QCOMPARE(refused, 20);
    // Qt closes (the session's own deadline): the relay lets the client go soon after.
    ::close(std::exchange(qt.ours, -1));
    QTRY_VERIFY_WITH_TIMEOUT(relay.isNull(), 3000);
}

QTEST_GUILESS_MAIN(TestTlsRelay)
#include "tst_tlsrelay.moc"
