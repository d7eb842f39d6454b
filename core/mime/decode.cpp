// GMime first: glib's headers use the name "signals", which Qt's headers define as a macro.
#include <gmime/gmime.h>

#include "gmime.h"

#include <mutex>

namespace tandem::mime::gmime {

void init()
{
    static std::once_flag initialized;
    std::call_once(initialized, [] { g_mime_init(); });
}

QString decodeText(const QByteArray &value)
{
    init();
    // Without options GMime decodes 8-bit text as UTF-8, then the locale's charset, then
    // Latin-1; encoded words in any charset iconv knows.
    char *decoded = g_mime_utils_header_decode_text(nullptr, value.constData());
    QString text = QString::fromUtf8(decoded ? decoded : value.constData());
    g_free(decoded);
    for (QChar &c : text) {
        if (c.category() == QChar::Other_Control)
            c = u' ';
    }
    text = text.simplified();
    // An encoded word GMime cannot read decodes to nothing: better the raw text than none.
    return text.isEmpty() ? QString::fromUtf8(value).simplified() : text;
}

} // namespace tandem::mime::gmime
