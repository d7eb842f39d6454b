// GMime first: glib's headers use the name "signals", which Qt's headers define as a macro.
#include <gmime/gmime.h>

#include "gmime.h"

#include <QByteArrayView>
#include <QHash>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <iconv.h>

using namespace Qt::StringLiterals;

namespace tandem::archive {

namespace {

// Deeper than any mail client nests; a message built to exhaust the stack is read this far.
constexpr int kMaxDepth = 48;
// How much of one part is decoded at most before its charset is converted: the cap plus room
// for bytes that become fewer characters (UTF-16, markup).
constexpr qsizetype kMaxPartBytes = 8 * kMaxIndexedTextBytes;

// Loose parsing everywhere (what mail clients accept), and 8-bit text that is not UTF-8 read as
// Windows-1252: the same on every machine, whatever its locale.
GMimeParserOptions *parserOptions()
{
    static GMimeParserOptions *options = [] {
        GMimeParserOptions *o = g_mime_parser_options_new();
        g_mime_parser_options_set_address_compliance_mode(o, GMIME_RFC_COMPLIANCE_LOOSE);
        g_mime_parser_options_set_parameter_compliance_mode(o, GMIME_RFC_COMPLIANCE_LOOSE);
        g_mime_parser_options_set_rfc2047_compliance_mode(o, GMIME_RFC_COMPLIANCE_LOOSE);
        g_mime_parser_options_set_allow_addresses_without_domain(o, TRUE);
        const char *charsets[] = {"UTF-8", "windows-1252", nullptr};
        g_mime_parser_options_set_fallback_charsets(o, charsets);
        return o;
    }();
    return options;
}

QString fromUtf8(const char *text)
{
    return text ? QString::fromUtf8(text) : QString();
}

// C0 and C1 controls (Unicode's Cc), without the cost of a category lookup per character:
// the text of every part passes here.
bool isControl(QChar c)
{
    const char16_t u = c.unicode();
    return u < 0x20 || (u >= 0x7F && u <= 0x9F);
}

// One line for a table cell and a column of the index: controls become spaces.
QString oneLine(QString text)
{
    for (QChar &c : text) {
        if (isControl(c) || c == QChar::LineSeparator || c == QChar::ParagraphSeparator)
            c = u' ';
    }
    return text.simplified();
}

// iconv, leniently: a byte the charset does not have becomes a space, and the rest goes on.
std::optional<QString> convert(const QByteArray &bytes, const char *charset)
{
    iconv_t cd = g_mime_iconv_open("UTF-8", charset);
    if (cd == (iconv_t)-1)
        return std::nullopt;
    QByteArray out;
    out.resize(bytes.size() * 2 + 16);
    char *in = const_cast<char *>(bytes.constData());
    size_t inLeft = size_t(bytes.size());
    size_t done = 0;
    while (inLeft > 0) {
        char *outPtr = out.data() + done;
        size_t outLeft = size_t(out.size()) - done;
        const size_t r = ::iconv(cd, &in, &inLeft, &outPtr, &outLeft);
        done = size_t(outPtr - out.data());
        if (r != size_t(-1))
            break;
        if (errno == E2BIG) {
            out.resize(out.size() + qsizetype(inLeft) * 2 + 16);
        } else if (errno == EILSEQ) {
            if (outLeft < 1) {
                out.resize(out.size() + 16);
                continue;
            }
            out[qsizetype(done++)] = ' ';
            ++in;
            --inLeft;
        } else { // EINVAL: a sequence cut off at the end
            break;
        }
    }
    // The shift state back to the initial one (ISO-2022-JP and the like).
    char *outPtr = nullptr;
    size_t outLeft = 0;
    out.resize(qsizetype(done) + 16);
    outPtr = out.data() + done;
    outLeft = 16;
    ::iconv(cd, nullptr, nullptr, &outPtr, &outLeft);
    done = size_t(outPtr - out.data());
    g_mime_iconv_close(cd);
    out.truncate(qsizetype(done));
    return QString::fromUtf8(out);
}

// Text in the named charset (or none) as Unicode: UTF-8 when it is valid UTF-8 and no other
// charset is named, else the charset by iconv, else (an unknown charset) Windows-1252.
QString toUnicode(const QByteArray &bytes, const QByteArray &charset)
{
    if (bytes.isEmpty())
        return {};
    const QByteArray name = charset.trimmed().toLower();
    const bool unnamed = name.isEmpty() || name == "us-ascii" || name == "ascii" ||
                         name == "utf-8" || name == "utf8" || name == "unknown-8bit" ||
                         name == "x-unknown";
    if (unnamed && QByteArrayView(bytes).isValidUtf8())
        return QString::fromUtf8(bytes);
    if (!unnamed) {
        if (auto text = convert(bytes, name.constData()))
            return *text;
    }
    if (auto text = convert(bytes, "windows-1252"))
        return *text;
    return QString::fromLatin1(bytes);
}

QList<MailAddress> addresses(InternetAddressList *list, int depth = 0)
{
    QList<MailAddress> out;
    const int count = list && depth < 4 ? internet_address_list_length(list) : 0;
    for (int i = 0; i < count; ++i) {
        InternetAddress *a = internet_address_list_get_address(list, i);
        if (INTERNET_ADDRESS_IS_GROUP(a)) {
            out +=
                addresses(internet_address_group_get_members(INTERNET_ADDRESS_GROUP(a)), depth + 1);
        } else if (INTERNET_ADDRESS_IS_MAILBOX(a)) {
            MailAddress m;
            m.address =
                oneLine(fromUtf8(internet_address_mailbox_get_addr(INTERNET_ADDRESS_MAILBOX(a))))
                    .toLower();
            m.name = oneLine(fromUtf8(internet_address_get_name(a)));
            if (!m.address.isEmpty() || !m.name.isEmpty())
                out.append(m);
        }
    }
    return out;
}

QByteArray contentTypeParameter(GMimeObject *object, const char *name)
{
    GMimeContentType *type = g_mime_object_get_content_type(object);
    const char *value = type ? g_mime_content_type_get_parameter(type, name) : nullptr;
    return value ? QByteArray(value) : QByteArray();
}

// A part's content with its transfer encoding (base64, quoted-printable, uuencode) undone, at
// most limit bytes of it.
QByteArray decodedContent(GMimePart *part, qsizetype limit)
{
    GMimeDataWrapper *content = g_mime_part_get_content(part);
    GMimeStream *source = content ? g_mime_data_wrapper_get_stream(content) : nullptr;
    if (!source || limit <= 0)
        return {};
    g_mime_stream_reset(source);
    GMimeStream *filtered = g_mime_stream_filter_new(source);
    switch (g_mime_data_wrapper_get_encoding(content)) {
    case GMIME_CONTENT_ENCODING_BASE64:
    case GMIME_CONTENT_ENCODING_QUOTEDPRINTABLE:
    case GMIME_CONTENT_ENCODING_UUENCODE: {
        GMimeFilter *decoder =
            g_mime_filter_basic_new(g_mime_data_wrapper_get_encoding(content), FALSE);
        g_mime_stream_filter_add(GMIME_STREAM_FILTER(filtered), decoder);
        g_object_unref(decoder);
        break;
    }
    default:
        break;
    }
    QByteArray out;
    char buffer[16384];
    while (out.size() < limit) {
        const ssize_t n = g_mime_stream_read(
            filtered, buffer,
            size_t(std::min<qsizetype>(qsizetype(sizeof buffer), limit - out.size())));
        if (n <= 0)
            break;
        out.append(buffer, qsizetype(n));
    }
    g_object_unref(filtered);
    return out;
}

// An HTML part without a charset parameter may name one in a <meta> element.
QByteArray htmlMetaCharset(const QByteArray &html)
{
    const QByteArray head = html.left(4096).toLower();
    const qsizetype at = head.indexOf("charset=");
    if (at < 0)
        return {};
    qsizetype p = at + 8;
    while (p < head.size() && (head.at(p) == '"' || head.at(p) == '\'' || head.at(p) == ' '))
        ++p;
    qsizetype end = p;
    while (end < head.size() &&
           (std::isalnum(static_cast<unsigned char>(head.at(end))) || head.at(end) == '-' ||
            head.at(end) == '_' || head.at(end) == ':' || head.at(end) == '.'))
        ++end;
    return head.mid(p, end - p);
}

class Extractor {
public:
    explicit Extractor(ExtractedMessage *out)
        : m_out(out)
    {}

    void walk(GMimeObject *object, bool text, int depth);
    void appendText(const QString &text);
    qsizetype remaining() const { return kMaxIndexedTextBytes - m_bytes; }

private:
    void leaf(GMimePart *part, bool text);
    void countAttachment(GMimeObject *object, const char *filename);

    ExtractedMessage *m_out;
    qsizetype m_bytes = 0; // UTF-8 bytes in m_out->body
};

void Extractor::appendText(const QString &raw)
{
    QString text = raw;
    text.replace(u"\r\n"_s, u"\n"_s);
    text.replace(u'\r', u'\n');
    for (QChar &c : text) {
        if (isControl(c) && c != u'\n' && c != u'\t')
            c = u' ';
    }
    text = text.trimmed();
    if (text.isEmpty())
        return;
    if (!m_out->body.isEmpty())
        text.prepend(u"\n\n"_s);
    QByteArray utf8 = text.toUtf8();
    if (utf8.size() > remaining()) {
        m_out->truncated = true;
        qsizetype cut = std::max<qsizetype>(0, remaining());
        // Back to the start of the character the cap falls in.
        while (cut > 0 && cut < utf8.size() &&
               (static_cast<unsigned char>(utf8.at(cut)) & 0xC0) == 0x80)
            --cut;
        utf8.truncate(cut);
        text = QString::fromUtf8(utf8);
    }
    m_bytes += utf8.size();
    m_out->body += text;
}

void Extractor::countAttachment(GMimeObject *object, const char *filename)
{
    ++m_out->attachments;
    const QString name = oneLine(fromUtf8(filename));
    if (!name.isEmpty())
        m_out->attachmentNames.append(name);
    Q_UNUSED(object);
}

void Extractor::leaf(GMimePart *part, bool text)
{
    GMimeObject *object = GMIME_OBJECT(part);
    GMimeContentType *type = g_mime_object_get_content_type(object);
    const char *filename = g_mime_part_get_filename(part);
    const bool isText = type && g_mime_content_type_is_type(type, "text", "*");
    const bool isHtml = isText && g_mime_content_type_is_type(type, "text", "html");
    GMimeContentDisposition *disposition = g_mime_object_get_content_disposition(object);
    const bool attached = (disposition && g_mime_content_disposition_is_attachment(disposition)) ||
                          (filename && *filename);
    if (attached)
        countAttachment(object, filename);
    if (!isText || !text || remaining() <= 0) {
        if (isText && text && remaining() <= 0)
            m_out->truncated = true;
        return;
    }
    const qsizetype limit = std::min(kMaxPartBytes, remaining() * (isHtml ? 8 : 4) + 4096);
    const QByteArray bytes = decodedContent(part, limit);
    QByteArray charset = contentTypeParameter(object, "charset");
    if (isHtml) {
        if (charset.isEmpty())
            charset = htmlMetaCharset(bytes);
        appendText(htmlToText(toUnicode(bytes, charset)));
    } else {
        appendText(toUnicode(bytes, charset));
    }
}

// text: whether text parts below are indexed (false under a multipart/alternative whose
// text/plain was taken).
void Extractor::walk(GMimeObject *object, bool text, int depth)
{
    if (!object || depth > kMaxDepth)
        return;
    if (GMIME_IS_MULTIPART(object)) {
        GMimeMultipart *multipart = GMIME_MULTIPART(object);
        const int count = g_mime_multipart_get_count(multipart);
        GMimeContentType *type = g_mime_object_get_content_type(object);
        // Of alternatives, the plain text when there is one: the HTML says the same again.
        int plain = -1;
        if (type && g_mime_content_type_is_type(type, "multipart", "alternative")) {
            for (int i = 0; i < count && plain < 0; ++i) {
                GMimeObject *child = g_mime_multipart_get_part(multipart, i);
                GMimeContentType *t = g_mime_object_get_content_type(child);
                if (GMIME_IS_PART(child) && t && g_mime_content_type_is_type(t, "text", "plain"))
                    plain = i;
            }
        }
        for (int i = 0; i < count; ++i)
            walk(g_mime_multipart_get_part(multipart, i), text && (plain < 0 || plain == i),
                 depth + 1);
        // A multipart whose boundary never comes has no parts: its whole body is what GMime
        // calls the prologue, and a mail reader shows it as text. So is it indexed.
        if (count == 0 && text && remaining() > 0) {
            if (const char *prologue = g_mime_multipart_get_prologue(multipart))
                appendText(toUnicode(QByteArray(prologue), {}));
        }
        return;
    }
    if (GMIME_IS_MESSAGE_PART(object)) {
        // A forwarded message: an attachment, and its words the message's own.
        const char *filename = g_mime_object_get_content_disposition_parameter(object, "filename");
        countAttachment(object, filename);
        GMimeMessage *inner = g_mime_message_part_get_message(GMIME_MESSAGE_PART(object));
        if (!inner)
            return;
        if (text) {
            QStringList header;
            const auto add = [&](const QList<MailAddress> &list) {
                for (const MailAddress &a : list)
                    header.append(a.name.isEmpty() ? a.address : a.name + u' ' + a.address);
            };
            add(addresses(g_mime_message_get_from(inner)));
            add(addresses(g_mime_message_get_to(inner)));
            add(addresses(g_mime_message_get_cc(inner)));
            header.append(oneLine(fromUtf8(g_mime_message_get_subject(inner))));
            appendText(header.join(u'\n'));
        }
        walk(g_mime_message_get_mime_part(inner), text, depth + 1);
        return;
    }
    if (GMIME_IS_PART(object))
        leaf(GMIME_PART(object), text);
}

// LF line ends for GMime (a CR kept in a part's content would stay in its text), straight into
// the buffer the stream takes over: a large message is copied once, not twice.
GMimeStream *lfStream(const QByteArray &original)
{
    GByteArray *array = g_byte_array_sized_new(guint(original.size()));
    const char *p = original.constData();
    const char *const end = p + original.size();
    while (p < end) {
        const auto *cr = static_cast<const char *>(std::memchr(p, '\r', size_t(end - p)));
        if (!cr) {
            g_byte_array_append(array, reinterpret_cast<const guint8 *>(p), guint(end - p));
            break;
        }
        const bool crlf = cr + 1 < end && cr[1] == '\n';
        g_byte_array_append(array, reinterpret_cast<const guint8 *>(p),
                            guint(cr - p + (crlf ? 0 : 1)));
        p = cr + 1;
    }
    return g_mime_stream_mem_new_with_byte_array(array);
}

} // namespace

} // namespace tandem::archive

namespace tandem::mime::gmime {

using namespace tandem::archive;

ExtractedMessage extractMessage(const QByteArray &original)
{
    init();
    ExtractedMessage out;
    GMimeStream *stream = lfStream(original);
    GMimeParser *parser = g_mime_parser_new_with_stream(stream);
    GMimeMessage *message = g_mime_parser_construct_message(parser, parserOptions());
    g_object_unref(parser);
    Extractor extractor(&out);
    if (!message) {
        // Not even a header GMime can read: its bytes as text, for what words they hold.
        extractor.appendText(toUnicode(original.left(kMaxPartBytes), {}));
        g_object_unref(stream);
        return out;
    }
    // A field that holds no address GMime can read ("From: Only A Name") keeps its words.
    const auto field = [message](InternetAddressList *list, const char *name) {
        QList<MailAddress> found = addresses(list);
        if (found.isEmpty()) {
            const QString text =
                oneLine(fromUtf8(g_mime_object_get_header(GMIME_OBJECT(message), name)));
            if (!text.isEmpty())
                found.append({QString(), text});
        }
        return found;
    };
    out.from = field(g_mime_message_get_from(message), "From");
    out.sender = field(g_mime_message_get_sender(message), "Sender");
    out.to = field(g_mime_message_get_to(message), "To");
    out.cc = field(g_mime_message_get_cc(message), "Cc");
    out.bcc = field(g_mime_message_get_bcc(message), "Bcc");
    out.subject = oneLine(fromUtf8(g_mime_message_get_subject(message)));
    if (GDateTime *date = g_mime_message_get_date(message))
        out.date = qint64(g_date_time_to_unix(date));
    QString id = oneLine(fromUtf8(g_mime_message_get_message_id(message)));
    if (id.startsWith(u'<') && id.endsWith(u'>'))
        id = id.mid(1, id.size() - 2);
    out.messageId = id;
    extractor.walk(g_mime_message_get_mime_part(message), true, 0);
    g_object_unref(message);
    g_object_unref(stream);
    return out;
}

} // namespace tandem::mime::gmime
