// GMime first: glib's headers use the name "signals", which Qt's headers define as a macro.
#include <gmime/gmime.h>

#include "gmime.h"

#include "delivery/mime7bit.h"

using namespace Qt::StringLiterals;

namespace tandem::delivery {

namespace {

bool isSevenBit(const char *text)
{
    for (const char *c = text; c && *c; ++c) {
        if (static_cast<unsigned char>(*c) >= 0x80)
            return false;
    }
    return true;
}

bool headersAreSevenBit(GMimeObject *object, QString *why)
{
    GMimeHeaderList *headers = g_mime_object_get_header_list(object);
    const int count = headers ? g_mime_header_list_get_count(headers) : 0;
    for (int i = 0; i < count; ++i) {
        GMimeHeader *header = g_mime_header_list_get_header_at(headers, i);
        if (!isSevenBit(g_mime_header_get_name(header)) ||
            !isSevenBit(g_mime_header_get_raw_value(header))) {
            *why = u"the header %1 has 8-bit bytes"_s.arg(
                QString::fromLatin1(g_mime_header_get_name(header)));
            return false;
        }
    }
    return true;
}

bool downgrade(GMimeObject *object, QString *why)
{
    if (!object)
        return true;
    if (!headersAreSevenBit(object, why))
        return false;
    if (GMIME_IS_MULTIPART(object)) {
        GMimeMultipart *multipart = GMIME_MULTIPART(object);
        for (int i = 0; i < g_mime_multipart_get_count(multipart); ++i) {
            if (!downgrade(g_mime_multipart_get_part(multipart, i), why))
                return false;
        }
        return true;
    }
    if (GMIME_IS_MESSAGE_PART(object)) {
        // RFC 2046 §5.2.1: message/rfc822 itself takes no encoding; its parts do.
        GMimeMessage *inner = g_mime_message_part_get_message(GMIME_MESSAGE_PART(object));
        return !inner || (headersAreSevenBit(GMIME_OBJECT(inner), why) &&
                          downgrade(g_mime_message_get_mime_part(inner), why));
    }
    if (GMIME_IS_PART(object)) {
        GMimePart *part = GMIME_PART(object);
        switch (g_mime_part_get_content_encoding(part)) {
        case GMIME_CONTENT_ENCODING_DEFAULT:
        case GMIME_CONTENT_ENCODING_7BIT:
        case GMIME_CONTENT_ENCODING_8BIT:
        case GMIME_CONTENT_ENCODING_BINARY: {
            const GMimeContentEncoding best =
                g_mime_part_get_best_content_encoding(part, GMIME_ENCODING_CONSTRAINT_7BIT);
            // Text stays readable as quoted-printable whatever its share of 8-bit bytes
            // (as Postfix does); anything else goes base64.
            GMimeContentType *type = g_mime_object_get_content_type(object);
            if (best != GMIME_CONTENT_ENCODING_7BIT)
                g_mime_part_set_content_encoding(
                    part, type && g_mime_content_type_is_type(type, "text", "*")
                              ? GMIME_CONTENT_ENCODING_QUOTEDPRINTABLE
                              : GMIME_CONTENT_ENCODING_BASE64);
            break;
        }
        default: // quoted-printable, base64, uuencode: 7-bit already
            break;
        }
    }
    return true;
}

} // namespace

} // namespace tandem::delivery

namespace tandem::mime::gmime {

using namespace tandem::delivery;

std::optional<QByteArray> downgradeTo7bit(const QByteArray &message, QString *why)
{
    init();

    // Parsed with LF line ends and written with CRLF: a CR kept in a part's content would be
    // encoded as =0D by quoted-printable.
    QByteArray lf = message;
    lf.replace("\r\n", "\n");
    GMimeStream *in = g_mime_stream_mem_new_with_buffer(lf.constData(), size_t(lf.size()));
    GMimeParser *parser = g_mime_parser_new_with_stream(in);
    GMimeMessage *parsed = g_mime_parser_construct_message(parser, nullptr);
    g_object_unref(parser);
    g_object_unref(in);
    if (!parsed) {
        *why = u"the message cannot be read as MIME"_s;
        return std::nullopt;
    }
    std::optional<QByteArray> result;
    if (headersAreSevenBit(GMIME_OBJECT(parsed), why) &&
        downgrade(g_mime_message_get_mime_part(parsed), why)) {
        GMimeStream *out = g_mime_stream_mem_new();
        GMimeFormatOptions *format = g_mime_format_options_new();
        g_mime_format_options_set_newline_format(format, GMIME_NEWLINE_FORMAT_DOS);
        g_mime_object_write_to_stream(GMIME_OBJECT(parsed), format, out);
        GByteArray *bytes = g_mime_stream_mem_get_byte_array(GMIME_STREAM_MEM(out));
        result = QByteArray(reinterpret_cast<const char *>(bytes->data), qsizetype(bytes->len));
        g_mime_format_options_free(format);
        g_object_unref(out);
        if (hasEightBit(*result)) { // a part GMime could not re-encode (it should not happen)
            *why = u"8-bit bytes remain after conversion"_s;
            result.reset();
        }
    }
    g_object_unref(parsed);
    return result;
}

} // namespace tandem::mime::gmime
