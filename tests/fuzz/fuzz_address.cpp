// The address and command parsers of RFC 5321 §4.1.2: one input is one command argument.
// Whatever parses must satisfy the parser's own promises: a parsed path written back with
// Address::toString() parses again to the same address.
#include "smtp/address.h"
#include "smtp/command.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>

using namespace tandem::smtp;

namespace {

[[noreturn]] void fail(const char *what, const QByteArray &input)
{
    std::fprintf(stderr, "fuzz_address: %s\ninput: %s\n", what,
                 input.toPercentEncoding().constData());
    std::abort();
}

void checkRoundTrip(const Address &address, const QByteArray &input)
{
    if (address.isNull())
        return;
    const QString wire = address.toString();
    // The wire form is UTF-8: SMTPUTF8 local parts (RFC 6531).
    const PathResult again = parsePath('<' + wire.toUtf8() + '>', false);
    if (!again.address)
        fail("toString() of a parsed address does not parse again", input);
    if (*again.address != address)
        fail("toString() of a parsed address parses to another address", input);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input(reinterpret_cast<const char *>(data), qsizetype(size));

    // As MAIL FROM: and RCPT TO: arguments, with and without the null path.
    for (const bool allowNull : {true, false}) {
        const PathResult path = parsePath(input, allowNull);
        if (path.address) {
            checkRoundTrip(*path.address, input);
            QString error;
            (void)parseParameters(path.rest, &error);
        }
    }

    // As a whole command line.
    const Command command = parseCommand(input);
    for (const char *prefix : {"FROM:", "TO:"}) {
        if (const auto rest = stripPrefix(command.argument, prefix))
            (void)parsePath(*rest, true);
    }
    QString error;
    (void)parseParameters(input, &error);

    // As a configured mailbox (the bytes as Latin-1 and as UTF-8).
    for (const QString &text : {QString::fromLatin1(input), QString::fromUtf8(input)}) {
        if (const auto mailbox = parseMailbox(text))
            checkRoundTrip(*mailbox, input);
    }
    return 0;
}
