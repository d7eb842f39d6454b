// The mbox reader of `tandemd archive import` (archive/import.h): any bytes as an mbox file,
// since an import reads whatever file it is given. Beyond not crashing, the reader must keep
// the promises an import is built on:
// - the messages it finds lie in the file in order, none overlapping the next;
// - reading a message again gives the bytes its digest was made of (the SHA-256 names the
//   stored blob, and the store checks it), in the store's form: no LF without its CR;
// - a message written back to an mbox as Tandem's export writes it (mboxrd, its envelope lines
//   first) is read again as the same message: export then import stores nothing twice (but
//   for stray CRs before a line end, which an mbox's LF lines cannot carry).
#include "archive/import.h"
#include "archive/mbox.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QRegularExpression>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <unistd.h>

using namespace tandem::archive;
using namespace Qt::StringLiterals;

namespace {

[[noreturn]] void fail(const char *what, const QByteArray &input)
{
    std::fprintf(stderr, "fuzz_mbox: %s\ninput (%lld bytes): %s\n", what,
                 static_cast<long long>(input.size()),
                 input.left(2000).toPercentEncoding().constData());
    std::abort();
}

QString scratch(const char *name)
{
    return QDir::tempPath() + u"/fuzz_mbox.%1.%2"_s.arg(::getpid()).arg(QLatin1StringView(name));
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size();
}

struct Found {
    QByteArray bytes;
    QByteArray prefix;
    ImportDigest digest;
};

// Every message of the mbox file, read twice (the scan's digest and a read of its bytes).
QList<Found> scan(const QString &path, const QByteArray &input)
{
    QList<Found> out;
    MboxScanner scanner;
    QString error;
    if (!scanner.open(path, 0, 0, &error))
        fail("cannot open the scratch file", input);
    qint64 lastEnd = 0;
    qint64 lastNumber = -1;
    while (const auto m = scanner.next(&error)) {
        if (m->item.begin < lastEnd || (m->item.end >= 0 && m->item.end < m->item.begin))
            fail("messages out of order or overlapping", input);
        if (m->number <= lastNumber && m->number != 0)
            fail("message numbers do not grow", input);
        lastEnd = m->item.end < 0 ? scanner.size() : m->item.end;
        lastNumber = m->number;
        Found f;
        f.digest = m->digest;
        if (!readImportItem(
                m->item,
                [&f](const char *data, qint64 size) {
                    f.bytes.append(data, size);
                    return true;
                },
                &f.prefix, &error))
            fail("a message found cannot be read again", input);
        if (f.digest.problem.isEmpty()) {
            const QByteArray sha =
                QCryptographicHash::hash(f.bytes, QCryptographicHash::Sha256).toHex();
            if (QString::fromLatin1(sha) != f.digest.sha256 || f.bytes.size() != f.digest.size)
                fail("a message read again is not what its digest says", input);
            if (f.prefix != f.digest.prefix)
                fail("a message's envelope lines differ between scan and read", input);
            // Every LF after a CR, as the store converts a found Maildir file (a bare CR is
            // kept: it is no line end).
            for (qsizetype i = 0; i < f.bytes.size(); ++i) {
                if (f.bytes.at(i) == '\n' && (i == 0 || f.bytes.at(i - 1) != '\r'))
                    fail("stored bytes with a bare LF", input);
            }
        }
        out.append(f);
    }
    if (!error.isEmpty())
        fail("the scratch file could not be read", input);
    return out;
}

// CRs before a line end collapsed: an mbox has LF line ends, so a line whose text ends with
// a stray CR ("x\r\r\n") comes back as "x\r\n" — the one thing an mbox cannot carry.
QByteArray collapsed(QByteArray bytes)
{
    static const QRegularExpression crs(u"\r+\n"_s);
    return QString::fromLatin1(bytes).replace(crs, u"\r\n"_s).toLatin1();
}

bool sameMessage(const Found &again, const Found &first)
{
    if (again.digest.sha256 == first.digest.sha256 && again.prefix == first.prefix)
        return true;
    return collapsed(again.bytes) == collapsed(first.bytes) &&
           collapsed(again.prefix) == collapsed(first.prefix);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 256 * 1024)
        return 0;
    const QByteArray input(reinterpret_cast<const char *>(data), qsizetype(size));
    const QString path = scratch("in");
    if (!writeFile(path, input))
        fail("cannot write the scratch file", input);
    const QList<Found> found = scan(path, input);

    // Export then import: each message, as Tandem's mbox export writes it, is read again the same.
    QByteArray again;
    MboxWriter writer;
    int messages = 0;
    for (const Found &f : found) {
        if (!f.digest.problem.isEmpty())
            continue;
        writer.begin(QDateTime::fromSecsSinceEpoch(0, Qt::UTC));
        writer.feed(f.prefix);
        writer.feed(f.bytes);
        writer.end();
        again += writer.take();
        ++messages;
    }
    const QString second = scratch("again");
    if (!writeFile(second, again))
        fail("cannot write the scratch file", input);
    const QList<Found> reread = scan(second, again);
    QList<const Found *> kept;
    for (const Found &f : reread) {
        if (f.digest.problem.isEmpty())
            kept.append(&f);
    }
    if (kept.size() != messages)
        fail("an exported mbox reads as another number of messages", input);
    qsizetype k = 0;
    for (const Found &f : found) {
        if (!f.digest.problem.isEmpty())
            continue;
        if (!sameMessage(*kept.at(k), f)) {
            std::fprintf(stderr, "first:  %s | %s\nagain:  %s | %s\nexported: %s\n",
                         f.prefix.toPercentEncoding().constData(),
                         f.bytes.toPercentEncoding().constData(),
                         kept.at(k)->prefix.toPercentEncoding().constData(),
                         kept.at(k)->bytes.toPercentEncoding().constData(),
                         again.toPercentEncoding().constData());
            fail("a message exported and imported again is another message", input);
        }
        ++k;
    }
    return 0;
}
