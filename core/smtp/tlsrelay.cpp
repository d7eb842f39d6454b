#include "tlsrelay.h"

#include <QSocketNotifier>

#include <cerrno>

#include <poll.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <unistd.h>

#include <linux/sockios.h>

namespace tandem::smtp {

namespace {

// One TLS record and a bit: what the relay holds per direction before it stops reading.
constexpr qsizetype kChunk = 17 * 1024;

bool retry()
{
    return errno == EINTR;
}
bool wouldBlock()
{
    return errno == EAGAIN || errno == EWOULDBLOCK;
}

} // namespace

TlsRelay::TlsRelay(int clientFd, int pairFd, QObject *parent, int drainMs)
    : QObject(parent)
    , m_client(clientFd)
    , m_pair(pairFd)
    , m_clientRead(new QSocketNotifier(clientFd, QSocketNotifier::Read, this))
    , m_clientWrite(new QSocketNotifier(clientFd, QSocketNotifier::Write, this))
    , m_pairRead(new QSocketNotifier(pairFd, QSocketNotifier::Read, this))
    , m_pairWrite(new QSocketNotifier(pairFd, QSocketNotifier::Write, this))
{
    m_clientWrite->setEnabled(false);
    m_pairWrite->setEnabled(false);
    connect(m_clientRead, &QSocketNotifier::activated, this, &TlsRelay::readClient);
    connect(m_clientWrite, &QSocketNotifier::activated, this, &TlsRelay::writeClient);
    connect(m_pairRead, &QSocketNotifier::activated, this, &TlsRelay::readPair);
    connect(m_pairWrite, &QSocketNotifier::activated, this, &TlsRelay::writePair);
    m_consumed.setSingleShot(true);
    m_consumed.setInterval(10);
    connect(&m_consumed, &QTimer::timeout, this, &TlsRelay::reportWhenConsumed);
    m_deadline.setSingleShot(true);
    m_deadline.setInterval(drainMs);
    connect(&m_deadline, &QTimer::timeout, this, &TlsRelay::onDeadline);
}

TlsRelay::~TlsRelay()
{
    // The server is going (the daemon stops): what Qt wrote last, a 250 or a 221, still goes out
    // if the client takes it now.
    while (m_client >= 0 && m_pair >= 0) {
        if (m_down.isEmpty()) {
            char buffer[kChunk];
            const ssize_t n = ::recv(m_pair, buffer, sizeof buffer, MSG_DONTWAIT);
            if (n <= 0 && !(n < 0 && retry()))
                break;
            if (n > 0)
                m_down.append(buffer, n);
            continue;
        }
        const ssize_t n = ::send(m_client, m_down.constData(), size_t(m_down.size()),
                                 MSG_NOSIGNAL | MSG_DONTWAIT);
        if (n <= 0 && !(n < 0 && retry()))
            break;
        if (n > 0)
            m_down.remove(0, n);
    }
    closeAll();
}

void TlsRelay::readClient()
{
    char buffer[kChunk];
    const ssize_t n = ::recv(m_client, buffer, sizeof buffer, MSG_DONTWAIT);
    if (n > 0) {
        m_up.append(buffer, n);
        writePair();
    } else if (n == 0) {
        m_clientEnded = true;
        m_clientRead->setEnabled(false);
        writePair();
    } else if (!retry() && !wouldBlock()) {
        finish(); // reset: Qt reads the end of its pair and the session ends as on a reset
    }
}

void TlsRelay::writePair()
{
    while (!m_up.isEmpty()) {
        const ssize_t n =
            ::send(m_pair, m_up.constData(), size_t(m_up.size()), MSG_NOSIGNAL | MSG_DONTWAIT);
        if (n > 0) {
            m_up.remove(0, n);
        } else if (n < 0 && wouldBlock()) {
            // Qt reads no further ahead (its bound): the rest waits in the client's kernel.
            m_clientRead->setEnabled(false);
            m_pairWrite->setEnabled(true);
            return;
        } else if (!(n < 0 && retry())) {
            m_up.clear(); // Qt has closed its end: nobody is left to read it
        }
    }
    m_pairWrite->setEnabled(false);
    if (m_clientEnded)
        reportWhenConsumed();
    else if (!m_qtClosed)
        m_clientRead->setEnabled(true);
}

void TlsRelay::reportWhenConsumed()
{
    if (m_reported || m_qtClosed)
        return;
    // Bytes we gave the pair that Qt has not read yet (SIOCOUTQ): the end of input must come
    // after them, as the FIN came after them on the wire.
    int queued = 0;
    if (::ioctl(m_pair, SIOCOUTQ, &queued) == 0 && queued > 0) {
        m_consumed.start();
        return;
    }
    m_reported = true;
    emit inputEnded();
}

void TlsRelay::readPair()
{
    char buffer[kChunk];
    const ssize_t n = ::recv(m_pair, buffer, sizeof buffer, MSG_DONTWAIT);
    if (n > 0) {
        m_down.append(buffer, n);
    } else if (n == 0 || (!retry() && !wouldBlock())) {
        // Qt closed its end: the rest goes out, then the connection closes.
        m_qtClosed = true;
        m_consumed.stop();
        m_clientRead->setEnabled(false);
        m_pairRead->setEnabled(false);
        m_deadline.start();
    } else {
        return;
    }
    writeClient();
}

void TlsRelay::writeClient()
{
    while (!m_down.isEmpty()) {
        const ssize_t n = ::send(m_client, m_down.constData(), size_t(m_down.size()),
                                 MSG_NOSIGNAL | MSG_DONTWAIT);
        if (n > 0) {
            m_down.remove(0, n);
        } else if (n < 0 && wouldBlock()) {
            // Not read from Qt's end meanwhile, whose close would go unseen: onDeadline().
            m_pairRead->setEnabled(false);
            m_clientWrite->setEnabled(true);
            if (!m_deadline.isActive())
                m_deadline.start();
            return;
        } else if (!(n < 0 && retry())) {
            return finish(); // the client is gone
        }
    }
    m_clientWrite->setEnabled(false);
    if (m_qtClosed) {
        finish();
    } else {
        m_deadline.stop();
        m_pairRead->setEnabled(true);
    }
}

void TlsRelay::onDeadline()
{
    // A client that has not read for a while: it gets no longer once Qt has closed its end
    // (POLLRDHUP says so while the bytes before the end still wait to be read).
    pollfd pair{m_pair, POLLRDHUP, 0};
    if (m_qtClosed || (::poll(&pair, 1, 0) > 0 && pair.revents != 0))
        finish();
    else
        m_deadline.start();
}

void TlsRelay::finish()
{
    if (m_client < 0)
        return;
    m_down.clear();
    closeAll();
    deleteLater();
}

void TlsRelay::closeAll()
{
    m_consumed.stop();
    m_deadline.stop();
    for (QSocketNotifier *n : {m_clientRead, m_clientWrite, m_pairRead, m_pairWrite})
        n->setEnabled(false);
    if (m_client >= 0)
        ::close(m_client);
    if (m_pair >= 0)
        ::close(m_pair);
    m_client = -1;
    m_pair = -1;
}

} // namespace tandem::smtp
