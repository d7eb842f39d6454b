#pragma once

#include <QByteArray>
#include <QObject>
#include <QTimer>

class QSocketNotifier;

// Under TLS the client's end of input must not reach Qt: QSslSocket ends the TLS session when it
// reads the TCP FIN, and the replies still owed (the commit's 250, QUIT's 221) could no longer be
// encrypted. Exim ends that way (the end of DATA and QUIT, a close_notify, then shutdown(SHUT_WR),
// and it reads on). So under TLS Qt's socket works on one end of a socket pair, and the relay
// carries the bytes between the other end and the client's TCP connection. It keeps the FIN to
// itself and reports it once Qt has read everything sent before it; when Qt closes its end, what
// Qt wrote last goes out and then the connection closes.
namespace tandem::smtp {

class TlsRelay : public QObject {
    Q_OBJECT
public:
    // Takes both descriptors (non-blocking): the client's TCP connection and our end of the pair.
    // Deletes itself once the connection is closed; a parent deletes it sooner (the server's end).
    // What Qt wrote last waits up to drainMs for a client that does not read it.
    TlsRelay(int clientFd, int pairFd, QObject *parent = nullptr, int drainMs = 10000);
    ~TlsRelay() override;

signals:
    // The client shut down its sending side, and Qt has read all it sent before.
    void inputEnded();

private:
    void readClient();
    void writePair();
    void readPair();
    void writeClient();
    void reportWhenConsumed();
    void onDeadline();
    void finish();
    void closeAll();

    int m_client;
    int m_pair;
    QByteArray m_up;   // from the client, not yet taken by the pair
    QByteArray m_down; // from Qt, not yet taken by the client
    QSocketNotifier *m_clientRead;
    QSocketNotifier *m_clientWrite;
    QSocketNotifier *m_pairRead;
    QSocketNotifier *m_pairWrite;
    bool m_clientEnded = false; // the client's FIN was read
    bool m_reported = false;    // inputEnded() was emitted
    bool m_qtClosed = false;    // Qt closed its end of the pair
    QTimer m_consumed;          // looks again whether Qt has read up to the FIN
    QTimer m_deadline;          // while the client does not read: has Qt closed meanwhile?
};

} // namespace tandem::smtp
