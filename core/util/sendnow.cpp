#include "sendnow.h"

#include <QAbstractSocket>

#include <cerrno>
#include <sys/socket.h>

namespace tandem::util {

void sendNow(QAbstractSocket *socket, const QByteArray &bytes)
{
    qsizetype done = 0;
    if (socket->bytesToWrite() == 0 && socket->state() == QAbstractSocket::ConnectedState &&
        socket->socketDescriptor() >= 0) {
        const int fd = int(socket->socketDescriptor());
        while (done < bytes.size()) {
            const ssize_t n = ::send(fd, bytes.constData() + done, size_t(bytes.size() - done),
                                     MSG_NOSIGNAL | MSG_DONTWAIT);
            if (n > 0)
                done += n;
            else if (n < 0 && errno == EINTR)
                continue;
            else
                break; // full (the rest waits in Qt's buffer), or an error Qt's write will meet
        }
    }
    if (done < bytes.size())
        socket->write(bytes.constData() + done, bytes.size() - done);
}

} // namespace tandem::util
