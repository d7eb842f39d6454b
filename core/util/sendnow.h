#pragma once

#include <QByteArray>

class QAbstractSocket;

namespace tandem::util {

// Writes bytes to a connected plain TCP socket now, straight into the kernel's buffer, when
// Qt's own write buffer is empty; what the kernel does not take at once (or everything, when
// Qt's buffer already holds bytes to keep them in order) goes through QIODevice::write as
// before. A QAbstractSocket keeps a 32 KiB block for its write buffer once it has used it (and
// copies every write into it): with replies and commands written directly, 30 connections no
// longer hold a megabyte between them. Never for a QSslSocket: its bytes must be encrypted.
// Bytes written directly do not emit bytesWritten(); bytesToWrite() stays 0 for them.
void sendNow(QAbstractSocket *socket, const QByteArray &bytes);

} // namespace tandem::util
