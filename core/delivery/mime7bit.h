#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

// RFC 6152: a message with 8-bit bytes may not go as it is to a server that does not offer
// 8BITMIME. As Postfix does, such a message is sent with every 8-bit body part re-encoded
// (quoted-printable for text, base64 for anything else), parsed and written again with GMime;
// one whose headers carry 8-bit bytes cannot be converted and is returned with 5.6.3.
namespace tandem::delivery {

inline bool hasEightBit(const QByteArray &bytes)
{
    for (const char c : bytes) {
        if (static_cast<unsigned char>(c) >= 0x80)
            return true;
    }
    return false;
}

// The message (CRLF line ends) with 7-bit bodies only, or nullopt with *why. GMime does it, in
// the MIME module (mime/mime.h): when that cannot be loaded, nullopt with *loadError set too
// (a fault of this installation, not of the message).
std::optional<QByteArray> downgradeTo7bit(const QByteArray &message, QString *why,
                                          bool *loadError = nullptr);

} // namespace tandem::delivery
