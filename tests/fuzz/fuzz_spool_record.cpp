// The spool's record reader (spool/record.h) and the two records built on it: queue envelopes
// (spool/envelope.h) and Outbox entries (delivery/outbox.h). These are read back after a crash
// from files that may be truncated or damaged, so no bytes may crash the reader.
//
// The first input byte chooses how the rest is used:
//   even: the rest is a whole record file, as read from disk;
//   odd:  the rest is a record body (JSON), framed with a correct header and checksum, so
//         the fuzzer gets past the CRC to the envelope and entry readers.
// Whatever reads must survive being written again and read back, and a record the engine
// wrote must read back to itself (fields that do not belong to an action's kind are dropped
// when written, so the first writing may differ from the bytes read).
#include "delivery/outbox.h"
#include "spool/envelope.h"
#include "spool/record.h"

#include <zlib.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>

using namespace tandem;

namespace {

QByteArray frame(const char *type, const QByteArray &json)
{
    const uLong crc =
        crc32(0L, reinterpret_cast<const Bytef *>(json.constData()), uInt(json.size()));
    return QByteArray("tandem-") + type + " 1\n" + json + "\n%end " +
           QByteArray::number(quint32(crc), 16).rightJustified(8, '0') + '\n';
}

[[noreturn]] void fail(const char *what, const QByteArray &record, const QString &error)
{
    std::fprintf(stderr, "fuzz_spool_record: %s (%s)\nrecord: %s\n", what,
                 error.toUtf8().constData(), record.toPercentEncoding().constData());
    std::abort();
}

void readEnvelope(const QByteArray &bytes)
{
    QString error;
    const auto envelope = spool::deserialize(bytes, &error);
    if (!envelope)
        return;
    const QByteArray written = spool::serialize(*envelope);
    const auto again = spool::deserialize(written, &error);
    if (!again)
        fail("an envelope read and written again does not read back", written, error);
    if (spool::serialize(*again) != written)
        fail("an envelope written by the engine reads back different", written, error);
}

void readEntry(const QByteArray &bytes)
{
    QString error;
    const auto entry = delivery::deserializeEntry(bytes, &error);
    if (!entry)
        return;
    const QByteArray written = delivery::serialize(*entry);
    const auto again = delivery::deserializeEntry(written, &error);
    if (!again)
        fail("an Outbox entry read and written again does not read back", written, error);
    if (delivery::serialize(*again) != written)
        fail("an Outbox entry written by the engine reads back different", written, error);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    const QByteArray rest(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));
    if (data[0] & 1) {
        readEnvelope(frame("envelope", rest));
        readEntry(frame("outbox", rest));
        return 0;
    }
    QString error;
    (void)spool::record::decode(rest, "envelope", spool::Envelope::kVersion, &error);
    (void)spool::record::decode(rest, "outbox", delivery::OutboxEntry::kVersion, &error);
    readEnvelope(rest);
    readEntry(rest);
    return 0;
}
