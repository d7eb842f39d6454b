// What the search index takes from a message (archive/extract.h): any bytes as a stored
// message, since the archive keeps whatever it was handed. Beyond not crashing, extraction must
// keep the promises the index is built on:
// - the same bytes give the same values (FTS5 deletes a row by giving them again);
// - line ends do not matter (a found Maildir file, LF, and its blob, CRLF, give the same);
// - the text is within its cap.
#include "archive/extract.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>

using namespace tandem::archive;

namespace {

[[noreturn]] void fail(const char *what, const QByteArray &input)
{
    std::fprintf(stderr, "fuzz_extract: %s\ninput (%lld bytes): %s\n", what,
                 static_cast<long long>(input.size()),
                 input.left(2000).toPercentEncoding().constData());
    std::abort();
}

bool same(const QList<MailAddress> &a, const QList<MailAddress> &b)
{
    if (a.size() != b.size())
        return false;
    for (qsizetype i = 0; i < a.size(); ++i) {
        if (a.at(i).address != b.at(i).address || a.at(i).name != b.at(i).name)
            return false;
    }
    return true;
}

bool same(const ExtractedMessage &a, const ExtractedMessage &b)
{
    return same(a.from, b.from) && same(a.sender, b.sender) && same(a.to, b.to) &&
           same(a.cc, b.cc) && same(a.bcc, b.bcc) && a.subject == b.subject && a.date == b.date &&
           a.messageId == b.messageId && a.body == b.body && a.truncated == b.truncated &&
           a.attachmentNames == b.attachmentNames && a.attachments == b.attachments;
}

// Each bare LF as CRLF: the store's form of a Maildir file's bytes.
QByteArray toCrlf(const QByteArray &bytes)
{
    QByteArray out;
    out.reserve(bytes.size() + bytes.size() / 8);
    for (qsizetype i = 0; i < bytes.size(); ++i) {
        if (bytes.at(i) == '\n' && (i == 0 || bytes.at(i - 1) != '\r'))
            out += '\r';
        out += bytes.at(i);
    }
    return out;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input(reinterpret_cast<const char *>(data), qsizetype(size));
    const ExtractedMessage first = extractMessage(input);
    if (first.body.toUtf8().size() > kMaxIndexedTextBytes)
        fail("the text is over its cap", input);
    if (!same(first, extractMessage(input)))
        fail("the same bytes extracted twice differ", input);
    if (!same(first, extractMessage(toCrlf(input))))
        fail("the bytes with CRLF line ends extract differently", input);

    (void)envelopeSender(input);
    (void)htmlToText(QString::fromUtf8(input));
    return 0;
}
