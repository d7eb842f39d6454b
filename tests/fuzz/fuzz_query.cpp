// The archive's query language (archive/query.h): one input is one query as typed in the
// search window or on the command line. No query may crash the parser or the compiler; a
// refused one names a place inside it; and whatever parses must compile to SQL that SQLite
// and FTS5 accept and run against the catalog's real tables (an error there would be a query
// the user can type but never run).
#include "archive/catalog.h"
#include "archive/indexschema.h"
#include "archive/query.h"
#include "archive/search.h"

#include <QCoreApplication>
#include <QDir>

#include <cstdint>
#include <cstdio>
#include <cstdlib>

#include <sqlite3.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace tandem::archive;

namespace {

sqlite3 *db = nullptr;
QString dir;

[[noreturn]] void fail(const char *what, const QByteArray &input, const QString &detail)
{
    std::fprintf(stderr, "fuzz_query: %s: %s\ninput: %s\n", what, detail.toUtf8().constData(),
                 input.toPercentEncoding().constData());
    std::abort();
}

[[noreturn]] void die(const QString &what)
{
    std::fprintf(stderr, "fuzz_query: %s\n", what.toUtf8().constData());
    std::exit(2);
}

void removeDir()
{
    sqlite3_close(db);
    QDir(dir).removeRecursively();
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    // The catalog makes its tables, the index's are added as the indexer does, and one
    // message with two copies gives the statements rows to work on.
    QString base = qEnvironmentVariable("TANDEM_FUZZ_TMPDIR");
    if (base.isEmpty())
        base = QDir(u"/dev/shm"_s).exists() ? u"/dev/shm"_s : QDir::tempPath();
    dir = base + u"/tandem-fuzz-query-%1"_s.arg(::getpid());
    if (!QDir().mkpath(dir))
        die(u"cannot make "_s + dir);
    std::atexit(removeDir);
    const QString path = dir + u"/catalog.sqlite"_s;
    {
        SqliteCatalog catalog;
        QString error;
        if (!catalog.open(path, &error))
            die(error);
    }
    if (sqlite3_open_v2(path.toUtf8().constData(), &db, SQLITE_OPEN_READWRITE, nullptr) !=
            SQLITE_OK ||
        sqlite3_exec(db, kIndexSchema, nullptr, nullptr, nullptr) != SQLITE_OK ||
        sqlite3_exec(
            db,
            "INSERT INTO blobs VALUES('s', 10, 10, 0, NULL);"
            "INSERT INTO messages VALUES(1, 's', 1767225600, 'carol@remote.test', 'Carol', "
            "'alice@example.com', 'Quarterly report', 'm1@remote.test', 10, 1, 5, 0, "
            "1767225600);"
            "INSERT INTO message_text(rowid, sender, recipients, subject, attachments) "
            "VALUES(1, 'Carol carol@remote.test', 'alice@example.com bob@example.com', "
            "'Quarterly report', 'q1.pdf');"
            "INSERT INTO message_body(rowid, body) VALUES(1, 'The café numbers');"
            "INSERT INTO placements VALUES(1, 'alice@example.com', '', 'k1', "
            "'alice@example.com', '', '', 's', 10, 1767225600000, NULL, 'live');"
            "INSERT INTO placements VALUES(2, 'bob@example.com', 'Archive', 'k2', "
            "'Bob@Example.com', '', '', 's', 10, 1767225600000, NULL, 'archived');"
            "INSERT INTO envelopes VALUES(1, 'carol@remote.test');",
            nullptr, nullptr, nullptr) != SQLITE_OK)
        die(u"cannot set up "_s + path + u": "_s + QString::fromUtf8(sqlite3_errmsg(db)));
    // A phrase in a body is checked against the message's text, as the store gives it back.
    QString error;
    if (!addPhraseFunction(
            db,
            [](const QString &sha) -> std::optional<QString> {
                if (sha == u"s"_s)
                    return u"The café numbers"_s;
                return std::nullopt;
            },
            &error))
        die(error);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input(reinterpret_cast<const char *>(data), qsizetype(size));
    const QString query = QString::fromUtf8(input);

    QueryError error;
    const auto tree = parseQuery(query, &error);
    if (!tree) {
        const qsizetype characters = query.toUcs4().size();
        if (error.message.isEmpty() || error.position < 1 || error.position > characters + 1)
            fail("a refused query's error names no place in it", input, error.toString());
        return 0;
    }
    (void)tree->toString();

    CompileOptions options;
    options.timeZone = QTimeZone::utc();
    const CompiledQuery compiled = compileQuery(*tree, options);
    QString runError;
    if (countSearch(db, compiled, &runError) < 0)
        fail("a parsed query's count fails", input, runError + u" in "_s + compiled.where);
    for (const SearchSort::Key key :
         {SearchSort::Key::Date, SearchSort::Key::Size, SearchSort::Key::Sender}) {
        const SearchSort sort{key, key == SearchSort::Key::Size};
        const QList<SearchHit> hits = runSearch(db, compiled, sort, 0, 2, &runError);
        if (!runError.isEmpty())
            fail("a parsed query's search fails", input, runError + u" in "_s + compiled.where);
        if (!hits.isEmpty())
            runSearchAfter(db, compiled, sort, hits.front(), 2, &runError);
        if (!runError.isEmpty())
            fail("a parsed query's next page fails", input, runError + u" in "_s + compiled.where);
    }
    return 0;
}
