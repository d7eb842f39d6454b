#pragma once

#include "archive/extract.h"

#include <QByteArray>
#include <QString>

#include <optional>

// GMime 3 and the libraries it brings (gio, gobject, gpgme, libmount, libselinux...: about
// 1.9 MiB of a daemon's memory, more than a tenth of a relay's) live in a module of Tandem's
// own, libtandem-mime.so, loaded the first time a message needs MIME read: an encoded header
// word, a conversion to 7 bit, the archive's extraction. A relay of plain mail never maps them.
// The functions a caller uses stay where they were (mail/headers.h, delivery/mime7bit.h,
// archive/extract.h); they call through this table.
//
// The module is looked for in lib/tandem/ beside the program's bin/ (an installed Tandem), in
// the install prefix's lib/tandem/, and in the build tree's lib/tandem/ (first for a program
// run from its build tree). With TANDEM_MIME_MODULE=OFF (the fuzz build) the same code is part
// of the engine and nothing is loaded.
namespace tandem::mime {

// Bump when Api or a type it passes changes: a module of another version is not taken.
inline constexpr int kApiVersion = 1;

struct Api {
    int version;
    // A header field's unfolded value, RFC 2047 encoded words decoded (any charset iconv
    // knows), controls made spaces, white space collapsed; the raw text when nothing decodes.
    QString (*decodeText)(const QByteArray &unfolded);
    // delivery::downgradeTo7bit.
    std::optional<QByteArray> (*downgradeTo7bit)(const QByteArray &message, QString *why);
    // archive::extractMessage.
    archive::ExtractedMessage (*extractMessage)(const QByteArray &original);
};

// The module's table, loaded once per process; null with *error (each place looked in, or why
// the one found cannot be loaded) when it cannot be. A failure is logged once.
const Api *api(QString *error = nullptr);
// Where the module is (the file api() loads); empty when no candidate exists. Checked at the
// engine's start, without loading it.
QString modulePath();
// The places looked in, in order (for an error message).
QStringList candidatePaths();

} // namespace tandem::mime

// The module's one export.
extern "C" const tandem::mime::Api *tandem_mime_api(int version);
