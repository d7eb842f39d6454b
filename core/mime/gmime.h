#pragma once

#include "archive/extract.h"

#include <QByteArray>
#include <QString>

#include <optional>

// The functions of the MIME module (mime.h), on GMime 3. Only the module (or, with
// TANDEM_MIME_MODULE=OFF, the engine itself) has them; everything else calls through mime::api().
namespace tandem::mime::gmime {

// g_mime_init(), once per process, before any other call (decode.cpp).
void init();

QString decodeText(const QByteArray &unfolded);
std::optional<QByteArray> downgradeTo7bit(const QByteArray &message, QString *why);
archive::ExtractedMessage extractMessage(const QByteArray &original);

} // namespace tandem::mime::gmime
