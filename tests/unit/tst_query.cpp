// The archive's query language (issue 14): what each query parses to, the errors and where
// they point, the SQL it compiles to keeping user text in parameters, and — against a real
// catalog with the search index's tables — that each form finds exactly the expected copies.
#include "archive/catalog.h"
#include "archive/indexschema.h"
#include "archive/query.h"
#include "archive/search.h"

#include <QRandomGenerator>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

using namespace Qt::StringLiterals;
using namespace tandem::archive;

using Ids = QList<qint64>;

namespace {

qint64 secs(int y, int mo, int d, int h = 0, int mi = 0, int s = 0)
{
    return QDateTime(QDate(y, mo, d), QTime(h, mi, s), Qt::UTC).toSecsSinceEpoch();
}

struct Message {
    qint64 id;
    QString sha;
    std::optional<qint64> date; // seconds
    QString fromAddr, fromName, toAddrs, subject, messageId;
    qint64 size;
    int attachments;
    // message_text
    QString sender, recipients, body, attachmentNames;
};

struct Copy {
    qint64 id;
    qint64 message;
    QString mailbox, folder, deliveredTo, mailFrom, state;
    qint64 filedMs;
};

// Six messages, eight copies. M1 went to alice (To:) and to bob as Bcc: bob is named only by
// his copy's envelope (and in another case than his mailbox's name); the index's recipients
// column lacks him, as it would for a copy filed after the message was indexed.
const QList<Message> kMessages = {
    {1, u"s1"_s, secs(2026, 1, 31, 23, 30), u"carol@remote.test"_s, u"Carol Smith"_s,
     u"alice@example.com"_s, u"Quarterly report"_s, u"m1@remote.test"_s, 6 * 1024 * 1024 + 1, 1,
     u"Carol Smith carol@remote.test"_s, u"alice@example.com"_s,
     u"The numbers for the quarter are attached."_s, u"q1-report.pdf"_s},
    {2, u"s2"_s, secs(2026, 3, 1), u"dave@other.test"_s, u"Dave"_s, u"bob@example.com"_s,
     u"Café plans"_s, u"m2@other.test"_s, 2000, 0, u"Dave dave@other.test"_s, u"bob@example.com"_s,
     u"Let us meet at the café on Friday."_s, QString()},
    {3, u"s3"_s, std::nullopt, QString(), QString(), QString(), u"no date here"_s,
     u"m3@example.com"_s, 500000, 0, QString(), u"postmaster@example.com"_s,
     u"A report without a date."_s, QString()},
    {4, u"s4"_s, secs(2026, 2, 28, 12), u"alice@example.com"_s, u"Alice"_s, u"carol@remote.test"_s,
     u"Re: Quarterly report"_s, u"m4@example.com"_s, 100 * 1024 - 1, 0,
     u"Alice alice@example.com"_s, u"carol@remote.test"_s,
     u"Thanks for the report. Numbers look fine."_s, QString()},
    {5, u"s5"_s, secs(2026, 4, 15), u"eve@evil.test"_s, QString(), u"alice@example.com"_s,
     u"report"_s, u"m5@evil.test"_s, 3000, 0, u"eve@evil.test"_s, u"alice@example.com"_s,
     u"spam spam"_s, QString()},
    {6, u"s6"_s, secs(2026, 3, 31, 23, 59, 59), u"frank@remote.test"_s, u"Frank Müller"_s,
     u"alice@example.com"_s, u"Minutes"_s, u"m6@remote.test"_s, 150000, 0,
     u"Frank Müller frank@remote.test"_s, u"alice@example.com"_s, u"Zürich meeting minutes"_s,
     QString()},
};

const qint64 kFiled = secs(2026, 4, 20) * 1000;

const QList<Copy> kCopies = {
    {1, 1, u"alice@example.com"_s, QString(), u"alice@example.com"_s, u"carol@remote.test"_s,
     u"live"_s, kFiled},
    {2, 1, u"bob@example.com"_s, QString(), u"Bob@Example.com"_s, u"carol@remote.test"_s,
     u"archived"_s, kFiled},
    // M2 came through a list to bob, and alice@example.org kept it in her Archive folder.
    {3, 2, u"bob@example.com"_s, QString(), u"bob@example.com"_s, u"bounces@lists.other.test"_s,
     u"live"_s, kFiled},
    {4, 2, u"alice@example.org"_s, u"Archive"_s, u"alice@example.org"_s, u"dave@other.test"_s,
     u"live"_s, kFiled},
    // No Date: the copy's date is when it was filed, a millisecond before 2026.
    {5, 3, u"postmaster@example.com"_s, QString(), u"postmaster@example.com"_s, QString(),
     u"archived"_s, secs(2026, 1, 1) * 1000 - 1},
    {6, 4, u"alice@example.com"_s, u"Sent"_s, u"alice@example.com"_s, u"alice@example.com"_s,
     u"live"_s, kFiled},
    {7, 5, u"alice@example.com"_s, QString(), u"alice@example.com"_s, u"eve@evil.test"_s,
     u"expired"_s, kFiled},
    {8, 6, u"alice@example.com"_s, QString(), u"alice@example.com"_s, u"frank@remote.test"_s,
     u"live"_s, kFiled},
};

// Each query and the tree it parses to.
const QList<std::pair<const char *, const char *>> kParses = {
    {"", "(all)"},
    {"   ", "(all)"},
    {"carol", "(any carol)"},
    {"Carol Smith", "(and (any Carol) (any Smith))"},
    {"\"quarterly report\"", "(any \"quarterly report\")"},
    {"from:carol", "(from carol)"},
    {"From:carol", "(from carol)"},
    {"SUBJECT:\"a b\"", "(subject \"a b\")"},
    {"to:\"Bob Smith\" body:x attachment:pdf",
     "(and (to \"Bob Smith\") (body x) (attachment pdf))"},
    // AND binds closer than OR (as in notmuch and SQL); parentheses say otherwise.
    {"a OR b c", "(or (any a) (and (any b) (any c)))"},
    {"(a OR b) c", "(and (or (any a) (any b)) (any c))"},
    {"a AND b", "(and (any a) (any b))"},
    {"a and b or c", "(and (any a) (any and) (any b) (any or) (any c))"},
    {"-a b", "(and (not (any a)) (any b))"},
    {"NOT a", "(not (any a))"},
    {"--a", "(not (not (any a)))"},
    {"a -(b OR c)", "(and (any a) (not (or (any b) (any c))))"},
    {"-\"a b\"", "(not (any \"a b\"))"},
    {"from:(alice OR bob)", "(or (from alice) (from bob))"},
    {"from:(alice subject:x \"a b\")", "(and (from alice) (subject x) (from \"a b\"))"},
    {"-from:carol", "(not (from carol))"},
    {"rep*", "(any rep*)"},
    {"subject:min**", "(subject min*)"},
    {"*", "(all)"},
    {"Project - Status", "(and (any Project) (all) (any Status))"},
    {"e-mail", "(any e-mail)"},
    {"10:30", "(any 10:30)"},
    {"subject:re:hello", "(subject re:hello)"},
    {"a\"b c\"", "(and (any a) (any \"b c\"))"},
    {"mailbox:alice folder:INBOX", "(and (mailbox alice) (folder INBOX))"},
    {"mailbox:ali*", "(mailbox ali*)"},
    {"date:2026", "(date 2026-01-01..2027-01-01)"},
    {"date:2026-03", "(date 2026-03-01..2026-04-01)"},
    {"date:2024-02", "(date 2024-02-01..2024-03-01)"},
    {"date:2026-02-28", "(date 2026-02-28..2026-03-01)"},
    {"date:2026-12-31", "(date 2026-12-31..2027-01-01)"},
    {"date:2026-01..2026-03", "(date 2026-01-01..2026-04-01)"},
    {"date:2026-01..2026-03-15", "(date 2026-01-01..2026-03-16)"},
    {"date:..2026-01", "(date ..2026-02-01)"},
    {"date:2025-12..", "(date 2025-12-01..)"},
    {"date:2026..2026", "(date 2026-01-01..2027-01-01)"},
    {"date:(2025 OR 2026-03)", "(or (date 2025-01-01..2026-01-01) (date 2026-03-01..2026-04-01))"},
    {"larger:5M", "(larger 5242880)"},
    {"smaller:100K", "(smaller 102400)"},
    {"larger:1g", "(larger 1073741824)"},
    {"larger:123", "(larger 123)"},
    {"has:attachment", "(has attachment)"},
    {"has:Attachments", "(has attachment)"},
    {"is:Archived", "(is archived)"},
    {"\"\"", "(all)"},
};

CompileOptions utc()
{
    CompileOptions options;
    options.timeZone = QTimeZone::utc();
    return options;
}

Ids idsOf(const QList<SearchHit> &hits)
{
    Ids out;
    for (const SearchHit &h : hits)
        out.append(h.placementId);
    return out;
}

Ids sorted(Ids ids)
{
    std::sort(ids.begin(), ids.end());
    return ids;
}

} // namespace

class TestQuery : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void parses_data();
    void parses();
    void errors_data();
    void errors();
    void limits();
    void compilesWordsIntoOneMatch_data();
    void compilesWordsIntoOneMatch();
    void userTextOnlyInParameters();

    void finds_data();
    void finds();
    void findsInTheQueryTimeZone();
    void hitCarriesItsPlacementAndMessage();
    void sorts_data();
    void sorts();
    void pages();
    void counts();
    void everyParsedQueryRuns();
    void plansUseTheIndexes();
    void walkedPagesAreTheWholeListsPages();

private:
    QList<SearchHit> search(const QString &query, const SearchSort &sort = {},
                            const CompileOptions &options = utc());

    QString planOf(const QString &query);

    QTemporaryDir m_dir;
    sqlite3 *m_db = nullptr;
};

void TestQuery::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const QString path = m_dir.filePath(u"catalog.sqlite"_s);
    {
        // The catalog makes its own tables; the index's are added as the indexer will.
        SqliteCatalog catalog;
        QString error;
        QVERIFY2(catalog.open(path, &error), qPrintable(error));
    }
    QCOMPARE(sqlite3_open_v2(path.toUtf8().constData(), &m_db, SQLITE_OPEN_READWRITE, nullptr),
             SQLITE_OK);
    QCOMPARE(sqlite3_exec(m_db, "PRAGMA foreign_keys=ON", nullptr, nullptr, nullptr), SQLITE_OK);
    QCOMPARE(sqlite3_exec(m_db, kIndexSchema, nullptr, nullptr, nullptr), SQLITE_OK);

    const auto exec = [this](const char *sql, const QList<QVariant> &values) {
        sqlite3_stmt *s = nullptr;
        if (sqlite3_prepare_v2(m_db, sql, -1, &s, nullptr) != SQLITE_OK)
            return false;
        for (qsizetype i = 0; i < values.size(); ++i) {
            const QVariant &v = values[i];
            if (v.isNull()) {
                sqlite3_bind_null(s, int(i) + 1);
            } else if (v.typeId() == QMetaType::LongLong) {
                sqlite3_bind_int64(s, int(i) + 1, v.toLongLong());
            } else {
                const QByteArray utf8 = v.toString().toUtf8();
                sqlite3_bind_text(s, int(i) + 1, utf8.constData(), int(utf8.size()),
                                  SQLITE_TRANSIENT);
            }
        }
        const bool ok = sqlite3_step(s) == SQLITE_DONE;
        sqlite3_finalize(s);
        return ok;
    };
    for (const Message &m : kMessages) {
        QVERIFY(exec("INSERT INTO blobs(sha, size, stored_size, created) VALUES(?,?,?,0)",
                     {m.sha, m.size, m.size}));
        QVERIFY(exec("INSERT INTO messages(id, sha, date, from_addr, from_name, to_addrs, "
                     "subject, message_id, size, attachments, text_bytes, indexed, dated) "
                     "VALUES(?,?,?,?,?,?,?,?,?,?,?,0,0)",
                     {m.id, m.sha, m.date ? QVariant(*m.date) : QVariant(), m.fromAddr, m.fromName,
                      m.toAddrs, m.subject, m.messageId, m.size, qint64(m.attachments),
                      qint64(m.body.toUtf8().size())}));
        QVERIFY(exec("INSERT INTO message_text(rowid, sender, recipients, subject, "
                     "attachments) VALUES(?,?,?,?,?)",
                     {m.id, m.sender, m.recipients, m.subject, m.attachmentNames}));
        QVERIFY(exec("INSERT INTO message_body(rowid, body) VALUES(?,?)", {m.id, m.body}));
    }
    for (const Copy &c : kCopies) {
        QVERIFY(exec("INSERT INTO placements(id, mailbox, folder, key, delivered_to, prefix, "
                     "flags, sha, size, filed, archived, state) VALUES(?,?,?,?,?,'','',?,?,?,"
                     "NULL,?)",
                     {c.id, c.mailbox, c.folder, u"k%1"_s.arg(c.id), c.deliveredTo,
                      kMessages[c.message - 1].sha, kMessages[c.message - 1].size, c.filedMs,
                      c.state}));
        QVERIFY(
            exec("INSERT INTO envelopes(placement_id, mail_from) VALUES(?,?)", {c.id, c.mailFrom}));
    }
    // As indexMessage() dates them: the Date:, else when the first copy was filed.
    QVERIFY(exec("UPDATE messages SET dated = COALESCE(date, (SELECT MIN(filed) / 1000 FROM "
                 "placements p WHERE p.sha = messages.sha))",
                 {}));
    // The bodies as the store would give them back, for phrases in bodies.
    QString error;
    QVERIFY2(addPhraseFunction(
                 m_db,
                 [](const QString &sha) -> std::optional<QString> {
                     for (const Message &m : kMessages) {
                         if (m.sha == sha)
                             return m.body;
                     }
                     return std::nullopt;
                 },
                 &error),
             qPrintable(error));
}

void TestQuery::cleanupTestCase()
{
    sqlite3_close(m_db);
}

QList<SearchHit> TestQuery::search(const QString &query, const SearchSort &sort,
                                   const CompileOptions &options)
{
    QueryError parseError;
    const auto compiled = compileQuery(query, &parseError, options);
    if (!compiled) {
        qWarning("%s: %s", qPrintable(query), qPrintable(parseError.toString()));
        return {};
    }
    QString error;
    const QList<SearchHit> hits = runSearch(m_db, *compiled, sort, 0, -1, &error);
    if (!error.isEmpty())
        qWarning("%s: %s", qPrintable(query), qPrintable(error));
    return hits;
}

QString TestQuery::planOf(const QString &query)
{
    const auto compiled = compileQuery(query, nullptr, utc());
    if (!compiled)
        return {};
    const QByteArray sql = "EXPLAIN QUERY PLAN " + searchStatement(*compiled, {}, false);
    sqlite3_stmt *s = nullptr;
    if (sqlite3_prepare_v2(m_db, sql.constData(), -1, &s, nullptr) != SQLITE_OK)
        return u"cannot prepare"_s;
    QStringList plan;
    while (sqlite3_step(s) == SQLITE_ROW)
        plan.append(QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(s, 3))));
    sqlite3_finalize(s);
    return plan.join(u"; "_s);
}

void TestQuery::parses_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("tree");
    for (const auto &[query, tree] : kParses)
        QTest::newRow(query) << QString::fromUtf8(query) << QString::fromUtf8(tree);
}

void TestQuery::parses()
{
    QFETCH(QString, query);
    QFETCH(QString, tree);
    QueryError error;
    const auto node = parseQuery(query, &error);
    QVERIFY2(node, qPrintable(error.toString()));
    QCOMPARE(node->toString(), tree);
}

void TestQuery::errors_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("error");
    const auto row = [](const char *query, const char *error) {
        QTest::newRow(query) << QString::fromUtf8(query) << QString::fromUtf8(error);
    };
    row("subject:\"unclosed quote", "unclosed quote at 9");
    row("hello \"world", "unclosed quote at 7");
    // Positions count characters, not UTF-16 units: the emoji is one.
    row("ö😀 \"x", "unclosed quote at 4");
    row("date:yesterday",
        "date: wants YYYY, YYYY-MM, YYYY-MM-DD or a range A..B (either end may be left open) "
        "at 6");
    row("from:carol date:2026-13", "date: wants YYYY, YYYY-MM, YYYY-MM-DD or a range A..B "
                                   "(either end may be left open) at 17");
    row("date:2026-02-30", "date: wants YYYY, YYYY-MM, YYYY-MM-DD or a range A..B (either end "
                           "may be left open) at 6");
    row("date:..", "date: wants YYYY, YYYY-MM, YYYY-MM-DD or a range A..B (either end may be "
                   "left open) at 6");
    row("date:26-01", "date: wants YYYY, YYYY-MM, YYYY-MM-DD or a range A..B (either end may "
                      "be left open) at 6");
    row("date:2026-03..2026-01", "date: the range ends before it begins at 6");
    row("nosuch:foo",
        "unknown field nosuch: at 1 (the fields are from:, to:, subject:, body:, attachment:, "
        "mailbox:, folder:, date:, has:, larger:, smaller:, is:; to search for the text, quote "
        "it: \"nosuch:foo\")");
    row("hello Re: world", "unknown field Re: at 7 (the fields are from:, to:, subject:, body:, "
                           "attachment:, mailbox:, folder:, date:, has:, larger:, smaller:, is:; "
                           "to search for the text, quote it: \"Re:\")");
    row("from:", "from: needs a value right after the colon at 6");
    row("from: alice", "from: needs a value right after the colon at 6");
    row("(a OR b", "unclosed parenthesis at 1");
    row("x from:(a OR b", "unclosed parenthesis at 8");
    row("a)", "unmatched ) at 2");
    row("()", "empty parentheses at 1");
    row("a ( )", "empty parentheses at 3");
    row("OR a", "OR needs a term before it at 1");
    row("AND a", "AND needs a term before it at 1");
    row("a OR", "OR needs a term after it at 3");
    row("a OR OR b", "OR needs a term after it at 3");
    row("a AND", "AND needs a term after it at 3");
    row("(a OR) b", "OR needs a term after it at 4");
    row("NOT", "NOT needs a term after it at 1");
    row("a NOT", "NOT needs a term after it at 3");
    row("has:pictures", "has: wants attachment at 5");
    row("larger:5X", "larger: wants a size in bytes, or with K, M or G (500K, 5M) at 8");
    row("smaller:-1", "smaller: wants a size in bytes, or with K, M or G (500K, 5M) at 9");
    row("larger:9999999999999G", "larger: wants a size in bytes, or with K, M or G (500K, 5M) "
                                 "at 8");
    row("is:deleted", "is: wants live, archived or expired at 4");
    row("from:*", "from: needs a letter or a digit at 6");
    row("mailbox:\"\"", "mailbox: needs a letter or a digit at 9");
    row("to:(-)", "to: needs a letter or a digit at 5");
}

void TestQuery::errors()
{
    QFETCH(QString, query);
    QFETCH(QString, error);
    QueryError e;
    QVERIFY(!parseQuery(query, &e));
    QCOMPARE(e.toString(), error);
    QueryError again;
    QVERIFY(!compileQuery(query, &again, utc()));
    QCOMPARE(again.toString(), error);
}

void TestQuery::limits()
{
    QueryError error;
    const QString deep = QString(12, u'(') + u"a"_s + QString(12, u')');
    QVERIFY2(parseQuery(deep, &error), qPrintable(error.toString()));
    QVERIFY(!parseQuery(u"("_s + deep + u")"_s, &error));
    QCOMPARE(error.toString(), u"the query is nested more than 12 deep at 13"_s);
    QVERIFY(!parseQuery(QString(20, u'-') + u"a"_s, &error));
    QCOMPARE(error.toString(), u"the query is nested more than 12 deep at 13"_s);

    QStringList words;
    for (int i = 0; i < 200; ++i)
        words.append(u"w%1"_s.arg(i));
    QVERIFY(parseQuery(words.join(u" OR "_s), &error));
    words.append(u"last"_s);
    QVERIFY(!parseQuery(words.join(u' '), &error));
    QCOMPARE(error.toString(),
             u"the query has more than 200 terms at %1"_s.arg(words.join(u' ').size() - 3));
}

void TestQuery::compilesWordsIntoOneMatch_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("where");
    QTest::addColumn<QStringList>("parameters");
    // Header words (message_text keeps their positions) become one MATCH; a free word is
    // looked for there and in the bodies (message_body, without positions: a phrase there is
    // checked by tandem_phrase()).
    const QString in = u"m.id IN (SELECT rowid FROM message_text WHERE message_text MATCH ?1)"_s;
    const QString notIn =
        u"m.id NOT IN (SELECT rowid FROM message_text WHERE message_text MATCH ?1)"_s;
    const auto body = [](int n) {
        return u"m.id IN (SELECT rowid FROM message_body WHERE message_body MATCH ?%1)"_s.arg(n);
    };
    const QString live = u" AND p.state <> 'expired'"_s;
    const QString liveFirst = u"p.state <> 'expired' AND "_s;
    QTest::newRow("word")
        << u"carol"_s
        << u"(%1m.id IN (SELECT rowid FROM message_text WHERE message_text MATCH ?2 UNION ALL "
           "SELECT rowid FROM message_body WHERE message_body MATCH ?1))"_s.arg(liveFirst)
        << QStringList{u"\"carol\""_s, u"\"carol\""_s};
    QTest::newRow("header words")
        << u"subject:quart* attachment:pdf from:\"Carol Smith\""_s << u"(%1%2)"_s.arg(in, live)
        << QStringList{
               u"(subject : \"quart\" *) AND (attachments : \"pdf\") AND (sender : \"Carol Smith\")"_s};
    QTest::newRow("or") << u"subject:a OR attachment:b"_s << u"(%1%2)"_s.arg(in, live)
                        << QStringList{u"(subject : \"a\") OR (attachments : \"b\")"_s};
    QTest::newRow("and not")
        << u"subject:a -subject:b -subject:c"_s << u"(%1%2)"_s.arg(in, live)
        << QStringList{u"(subject : \"a\") NOT ((subject : \"b\") OR (subject : \"c\"))"_s};
    QTest::newRow("not alone") << u"-subject:b"_s << u"(%1%2)"_s.arg(notIn, live)
                               << QStringList{u"subject : \"b\""_s};
    QTest::newRow("body word") << u"body:quart*"_s << u"(%1%2)"_s.arg(liveFirst, body(1))
                               << QStringList{u"\"quart\" *"_s};
    QTest::newRow("body phrase")
        << u"body:\"the end\""_s
        << u"(%1m.id IN (SELECT rowid FROM message_body WHERE message_body MATCH ?1 AND "
           "tandem_phrase((SELECT sha FROM messages WHERE id = message_body.rowid), ?2, 0)))"_s.arg(
               liveFirst)
        << QStringList{u"\"the\" AND \"end\""_s, u"the end"_s};
    QTest::newRow("body punctuation")
        << u"body:e-mail*"_s
        << u"(%1m.id IN (SELECT rowid FROM message_body WHERE message_body MATCH ?1 AND "
           "tandem_phrase((SELECT sha FROM messages WHERE id = message_body.rowid), ?2, 1)))"_s.arg(
               liveFirst)
        << QStringList{u"\"e\" AND \"mail\" *"_s, u"e-mail"_s};
    QTest::newRow("all") << u""_s << u"p.state <> 'expired'"_s << QStringList{};
    QTest::newRow("expired asked for")
        << u"is:expired"_s << u"p.state = ?1"_s << QStringList{u"expired"_s};
}

void TestQuery::compilesWordsIntoOneMatch()
{
    QFETCH(QString, query);
    QFETCH(QString, where);
    QFETCH(QStringList, parameters);
    QueryError error;
    const auto compiled = compileQuery(query, &error, utc());
    QVERIFY(compiled);
    QCOMPARE(compiled->where, where);
    QStringList got;
    for (const QueryValue &v : compiled->parameters)
        got.append(std::get<QString>(v));
    QCOMPARE(got, parameters);
}

void TestQuery::userTextOnlyInParameters()
{
    // Quotes, SQL and FTS5 syntax typed by the user reach the database as values only.
    const QString hostile =
        u"x';DROP_TABLE-- from:a'b@c%d_e to:\"NEAR(x y)\" subject:col:* mailbox:z'--@q "
        "folder:f'g \"a\" body:^x"_s;
    QueryError error;
    const auto compiled = compileQuery(hostile, &error, utc());
    QVERIFY2(compiled, qPrintable(error.toString()));
    for (const char *fragment : {"DROP", "a'b", "NEAR", "z'", "f'g", "^x", "c%d", "col"})
        QVERIFY2(!compiled->where.contains(QLatin1StringView(fragment)), fragment);
    QString runError;
    runSearch(m_db, *compiled, {}, 0, 10, &runError);
    QVERIFY2(runError.isEmpty(), qPrintable(runError));
    QCOMPARE(search(u"mailbox:bob"_s).size(), 2);
}

void TestQuery::finds_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<Ids>("expected");
    const auto row = [](const char *query, Ids expected) {
        QTest::newRow(query) << QString::fromUtf8(query) << expected;
    };
    // Everything but the expired copy.
    row("", {1, 2, 3, 4, 5, 6, 8});
    // Words, every column (M1's is in its attachment's name and subject), and phrases.
    row("report", {1, 2, 5, 6});
    row("REPORT", {1, 2, 5, 6});
    row("\"quarterly report\"", {1, 2, 6});
    row("\"report numbers\"", {6});
    row("report numbers", {1, 2, 6});
    row("\"numbers report\"", {});
    row("quart*", {1, 2, 6});
    row("pdf", {1, 2});
    // Case and diacritics.
    row("cafe", {3, 4});
    row("CAFÉ", {3, 4});
    row("zurich", {8});
    row("MÜLLER", {8});
    row("muller", {8});
    // Fields.
    row("subject:numbers", {});
    row("body:numbers", {1, 2, 6});
    row("subject:min*", {8});
    row("attachment:pdf", {1, 2});
    row("attachment:q1-report.pdf", {1, 2});
    row("attachment:report body:quarter", {1, 2});
    // from: the header's sender, or the copy's envelope sender (M2 reached bob via a list).
    row("from:carol", {1, 2});
    row("from:carol@remote.test", {1, 2});
    row("from:CAROL@Remote.Test", {1, 2});
    row("from:smith", {1, 2});
    row("from:\"Carol Smith\"", {1, 2});
    row("from:remote.test", {1, 2, 8});
    row("from:@remote.test", {1, 2, 8});
    row("from:bounces", {3});
    row("from:bounces@lists.other.test", {3});
    row("from:boun*", {3});
    // to: any header or envelope recipient; Bcc'd bob only by his copy's Delivered-To.
    row("to:bob", {2, 3, 4});
    row("to:bob@example.com", {2, 3, 4});
    row("to:BOB@EXAMPLE.COM", {2, 3, 4});
    // Not 6: alice's Sent copy of M4 is delivered to her, who sent it to carol.
    row("to:alice", {1, 2, 4, 8});
    row("to:alice@example.org", {4});
    row("to:postmaster", {5});
    // mailbox: alice at any domain, or one mailbox, or a domain.
    row("mailbox:alice", {1, 4, 6, 8});
    row("mailbox:ALICE", {1, 4, 6, 8});
    row("mailbox:alice@example.org", {4});
    row("mailbox:Alice@EXAMPLE.com", {1, 6, 8});
    row("mailbox:@example.org", {4});
    row("mailbox:ali*", {1, 4, 6, 8});
    row("mailbox:bob", {2, 3});
    row("mailbox:al", {});
    // folder: INBOX is "".
    row("folder:INBOX", {1, 2, 3, 5, 8});
    row("folder:inbox", {1, 2, 3, 5, 8});
    row("folder:Sent", {6});
    row("folder:archive", {4});
    // date: the Date: header, else when filed (M3: 2025-12-31 23:59:59.999); a month range
    // takes the whole last month; the day ends at midnight.
    row("date:2026-01", {1, 2});
    row("date:2026-02", {6});
    row("date:2026-03", {3, 4, 8});
    row("date:2026-01..2026-02", {1, 2, 6});
    row("date:2026-02..2026-03", {3, 4, 6, 8});
    row("date:2025", {5});
    row("date:2026", {1, 2, 3, 4, 6, 8});
    row("date:..2026-01", {1, 2, 5});
    row("date:..2025-12-31", {5});
    row("date:2026-01-01..", {1, 2, 3, 4, 6, 8});
    row("date:2026-03-01", {3, 4});
    row("date:2026-02-28", {6});
    row("date:2026-03-31", {8});
    row("date:2026-03-01..", {3, 4, 8});
    row("date:2026-04", {});
    // Sizes (1024-based, strict), attachments, states.
    row("has:attachment", {1, 2});
    row("larger:5M", {1, 2});
    row("larger:6M", {1, 2});
    row("larger:7M", {});
    row("smaller:100K", {3, 4, 6});
    row("larger:100K", {1, 2, 5, 8});
    row("larger:102398 smaller:102400", {6});
    row("is:archived", {2, 5});
    row("is:live", {1, 3, 4, 6, 8});
    // Expired copies only when asked for.
    row("is:expired", {7});
    row("spam", {});
    row("spam is:expired", {7});
    row("spam OR is:expired", {7});
    // NOT, OR and parentheses.
    row("report -from:carol", {5, 6});
    row("report NOT is:archived", {1, 6});
    row("-report", {3, 4, 8});
    row("NOT (cafe OR zurich)", {1, 2, 5, 6});
    row("-cafe -zurich", {1, 2, 5, 6});
    row("report -cafe -numbers", {5});
    row("(report OR cafe) -(numbers OR friday)", {5});
    row("(from:dave OR from:frank) date:2026-03", {3, 4, 8});
    row("from:dave OR from:frank date:2026-02", {3, 4});
    row("report OR mailbox:bob", {1, 2, 3, 5, 6});
    row("-mailbox:alice -mailbox:bob", {5});
    row("-(mailbox:alice OR is:archived)", {3});
    row("to:bob -is:archived", {3, 4});
    row("report -", {1, 2, 5, 6});
    row("from:(dave OR frank)", {3, 4, 8});
    row("date:(2025 OR 2026-02)", {5, 6});
    row("quarterly OR -has:attachment", {1, 2, 3, 4, 5, 6, 8});
}

void TestQuery::finds()
{
    QFETCH(QString, query);
    QFETCH(Ids, expected);
    QCOMPARE(sorted(idsOf(search(query))), expected);
    // The page walked by date (the messages probed one by one: CompiledQuery::probe) is the
    // page the whole word lists give, in the same order; and the count agrees.
    auto compiled = compileQuery(query, nullptr, utc());
    QVERIFY(compiled);
    QString error;
    const QList<SearchHit> walked = runSearch(m_db, *compiled, {}, 0, 50, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(countSearch(m_db, *compiled, &error), qint64(expected.size()));
    compiled->probe.clear();
    QCOMPARE(idsOf(runSearch(m_db, *compiled, {}, 0, 50, &error)), idsOf(walked));
    QVERIFY2(error.isEmpty(), qPrintable(error));
}

void TestQuery::findsInTheQueryTimeZone()
{
    // M1's Date: is 23:30 UTC on January 31: already February 1 in Berlin; M3, filed just
    // before 2026 in UTC, was filed in January there.
    CompileOptions berlin;
    berlin.timeZone = QTimeZone("Europe/Berlin");
    QVERIFY(berlin.timeZone.isValid());
    QCOMPARE(sorted(idsOf(search(u"date:2026-02"_s, {}, berlin))), (Ids{1, 2, 6}));
    QCOMPARE(sorted(idsOf(search(u"date:2026-01"_s, {}, berlin))), (Ids{5}));
    QCOMPARE(sorted(idsOf(search(u"date:2025"_s, {}, berlin))), (Ids{}));
    QCOMPARE(sorted(idsOf(search(u"date:2026-01-01"_s, {}, berlin))), (Ids{5}));
}

void TestQuery::hitCarriesItsPlacementAndMessage()
{
    const QList<SearchHit> hits = search(u"mailbox:bob has:attachment"_s);
    QCOMPARE(hits.size(), 1);
    const SearchHit &h = hits.front();
    QCOMPARE(h.placementId, 2);
    QCOMPARE(h.mailbox, u"bob@example.com"_s);
    QCOMPARE(h.folder, QString());
    QCOMPARE(h.deliveredTo, u"Bob@Example.com"_s);
    QCOMPARE(h.mailFrom, u"carol@remote.test"_s);
    QCOMPARE(h.sha256, u"s1"_s);
    QCOMPARE(h.fromAddr, u"carol@remote.test"_s);
    QCOMPARE(h.fromName, u"Carol Smith"_s);
    QCOMPARE(h.subject, u"Quarterly report"_s);
    QCOMPARE(h.messageId, u"m1@remote.test"_s);
    QCOMPARE(h.state, u"archived"_s);
    QCOMPARE(h.date, QDateTime(QDate(2026, 1, 31), QTime(23, 30), Qt::UTC));
    QCOMPARE(h.filed, QDateTime::fromMSecsSinceEpoch(kFiled, Qt::UTC));
    QCOMPARE(h.size, 6 * 1024 * 1024 + 1);
    QCOMPARE(h.attachments, 1);

    const QList<SearchHit> undated = search(u"mailbox:postmaster"_s);
    QCOMPARE(undated.size(), 1);
    QVERIFY(!undated.front().date.isValid());
    QCOMPARE(undated.front().mailFrom, QString());
}

void TestQuery::sorts_data()
{
    QTest::addColumn<int>("key");
    QTest::addColumn<bool>("ascending");
    QTest::addColumn<Ids>("expected");
    // Dates: M6, M2 (copies 3, 4: the id breaks the tie), M4, M1 (1, 2), M3 (its filed time).
    QTest::newRow("date desc") << int(SearchSort::Key::Date) << false << Ids{8, 4, 3, 6, 2, 1, 5};
    QTest::newRow("date asc") << int(SearchSort::Key::Date) << true << Ids{5, 1, 2, 6, 3, 4, 8};
    QTest::newRow("size asc") << int(SearchSort::Key::Size) << true << Ids{3, 4, 6, 8, 5, 1, 2};
    QTest::newRow("size desc") << int(SearchSort::Key::Size) << false << Ids{2, 1, 5, 8, 6, 4, 3};
    QTest::newRow("sender asc") << int(SearchSort::Key::Sender) << true << Ids{5, 6, 1, 2, 3, 4, 8};
    QTest::newRow("sender desc") << int(SearchSort::Key::Sender) << false
                                 << Ids{8, 4, 3, 2, 1, 6, 5};
}

void TestQuery::sorts()
{
    QFETCH(int, key);
    QFETCH(bool, ascending);
    QFETCH(Ids, expected);
    const SearchSort sort{SearchSort::Key(key), ascending};
    QCOMPARE(idsOf(search(QString(), sort)), expected);

    // Every page size, by offset and by the previous page's last hit, gives the same order.
    const auto compiled = compileQuery(QString(), nullptr, utc());
    QVERIFY(compiled);
    for (int size = 1; size <= 4; ++size) {
        Ids byOffset, byKey;
        QString error;
        for (qint64 offset = 0;; offset += size) {
            const QList<SearchHit> page = runSearch(m_db, *compiled, sort, offset, size, &error);
            QVERIFY2(error.isEmpty(), qPrintable(error));
            byOffset += idsOf(page);
            if (page.size() < size)
                break;
        }
        QList<SearchHit> page = runSearch(m_db, *compiled, sort, 0, size, &error);
        while (!page.isEmpty()) {
            byKey += idsOf(page);
            page = runSearchAfter(m_db, *compiled, sort, page.back(), size, &error);
            QVERIFY2(error.isEmpty(), qPrintable(error));
        }
        QCOMPARE(byOffset, expected);
        QCOMPARE(byKey, expected);
    }
}

void TestQuery::pages()
{
    const auto compiled = compileQuery(u"report OR cafe"_s, nullptr, utc());
    QVERIFY(compiled);
    QString error;
    // Date, newest first: 4, 3 (M2), 6 (M4), 2, 1 (M1), 5 (M3).
    QCOMPARE(idsOf(runSearch(m_db, *compiled, {}, 0, 2, &error)), (Ids{4, 3}));
    QCOMPARE(idsOf(runSearch(m_db, *compiled, {}, 2, 3, &error)), (Ids{6, 2, 1}));
    QCOMPARE(idsOf(runSearch(m_db, *compiled, {}, 5, 10, &error)), (Ids{5}));
    QCOMPARE(idsOf(runSearch(m_db, *compiled, {}, 6, 10, &error)), (Ids{}));
    QVERIFY(error.isEmpty());
}

void TestQuery::counts()
{
    QString error;
    for (const auto &[query, count] :
         std::initializer_list<std::pair<QString, qint64>>{{QString(), 7},
                                                           {u"report"_s, 4},
                                                           {u"to:bob"_s, 3},
                                                           {u"is:expired"_s, 1},
                                                           {u"nothing-like-it"_s, 0}}) {
        const auto compiled = compileQuery(query, nullptr, utc());
        QVERIFY(compiled);
        QCOMPARE(countSearch(m_db, *compiled, &error), count);
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }
    CompiledQuery broken;
    broken.where = u"no_such_column = 1"_s;
    QCOMPARE(countSearch(m_db, broken, &error), -1);
    QVERIFY(error.contains(u"no_such_column"_s));
    QVERIFY(runSearch(m_db, broken, {}, 0, 10, &error).isEmpty());
    QVERIFY(error.contains(u"no_such_column"_s));
}

void TestQuery::everyParsedQueryRuns()
{
    // Whatever parses becomes SQL that SQLite and FTS5 accept (fuzz_query checks it at scale).
    QStringList queries;
    for (const auto &[query, tree] : kParses)
        queries << QString::fromUtf8(query);
    queries << u"a OR -b"_s << u"-(a b) OR c"_s << u"-a -b OR -c"_s << u"(a OR -b) c"_s
            << u"from:x OR -to:y"_s << u"NOT (a OR mailbox:b)"_s << u"-\"\" a"_s << u"a OR *"_s
            << u"- - -"_s << u"-*"_s << u"x\x01y \x7f"_s << u"\"a\"\"b\""_s
            << u"\"NEAR(a b)\" AND\"^x\""_s << u"from:a'%_\\b"_s
            << QString(11, u'(') + u"a OR -b"_s + QString(11, u')');
    QStringList words;
    for (int i = 0; i < 100; ++i)
        words.append(i % 3 ? u"w%1"_s.arg(i) : u"(from:x%1 OR -to:y%1)"_s.arg(i));
    queries << words.join(u" OR "_s) << words.join(u' ');
    // The deepest nesting the parser lets through, in shapes that nest SQL and FTS5 the most
    // (SQLite's and FTS5's parsers overflow near 35 levels).
    for (const auto &[piece, close] : std::initializer_list<std::pair<QString, QString>>{
             {u"("_s, u")"_s},
             {u"(-c (a OR -from:b "_s, u"))"_s},
             {u"-(x OR "_s, u")"_s},
             {u"(from:a (to:b OR "_s, u"))"_s},
             {u"(a (b OR "_s, u"))"_s},
             {u"(a -(b OR "_s, u"))"_s},
             {u"(a OR -(b "_s, u"))"_s},
             {u"(mailbox:x OR -(a date:2026 "_s, u"))"_s},
             {u"-(-a OR (from:b -(c OR "_s, u")))"_s}}) {
        int n = 20;
        while (!parseQuery(piece.repeated(n) + u"z"_s + close.repeated(n), nullptr))
            --n;
        QVERIFY2(n >= 2, qPrintable(piece));
        queries << piece.repeated(n) + u"z"_s + close.repeated(n);
    }
    for (const QString &query : std::as_const(queries)) {
        QueryError parseError;
        const auto compiled = compileQuery(query, &parseError, utc());
        QVERIFY2(compiled, qPrintable(query + u": "_s + parseError.toString()));
        QString error;
        runSearch(m_db, *compiled, {}, 0, 10, &error);
        QVERIFY2(error.isEmpty(), qPrintable(query + u": "_s + error));
        QVERIFY(countSearch(m_db, *compiled, &error) >= 0);
        QVERIFY2(error.isEmpty(), qPrintable(query + u": "_s + error));
    }
}

void TestQuery::plansUseTheIndexes()
{
    // The plan the one-word query's speed rests on: the FTS hits lead, each message by its
    // id, then its copies by the placements_sha index; never a scan of every placement.
    const QString text = planOf(u"report"_s);
    QVERIFY2(!text.contains(u"SCAN p"_s), qPrintable(text));
    QVERIFY2(text.contains(u"USING INDEX placements_sha"_s), qPrintable(text));

    // A date alone walks the messages' dates (those in range, and those without one).
    const QString datePlan = planOf(u"date:2026-03"_s);
    QVERIFY2(datePlan.contains(u"USING INDEX messages_date"_s), qPrintable(datePlan));
    QVERIFY2(!datePlan.contains(u"SCAN"_s), qPrintable(datePlan));
}

// A page walked by date (search.cpp: the newest messages probed, then their lists read) is
// the page the whole lists give, over more messages than a walk takes, with many messages of
// the same date on both sides of where a walk stops, in both directions and page after page.
void TestQuery::walkedPagesAreTheWholeListsPages()
{
    const QString path = m_dir.filePath(u"walk.sqlite"_s);
    {
        SqliteCatalog catalog;
        QString error;
        QVERIFY2(catalog.open(path, &error), qPrintable(error));
    }
    sqlite3 *db = nullptr;
    QCOMPARE(sqlite3_open_v2(path.toUtf8().constData(), &db, SQLITE_OPEN_READWRITE, nullptr),
             SQLITE_OK);
    const auto cleanup = qScopeGuard([db] { sqlite3_close(db); });
    QCOMPARE(sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr), SQLITE_OK);
    // 3,000 messages on 40 dates; "common" in every third, "rare" in one in 150, "mid" in one
    // in 12; one to three copies each.
    QRandomGenerator random(7);
    qint64 placement = 0;
    for (int id = 1; id <= 3000; ++id) {
        const QString sha = u"w%1"_s.arg(id);
        QStringList words{u"filler"_s};
        if (id % 3 == 0)
            words.append(u"common"_s);
        if (id % 150 == 0)
            words.append(u"rare"_s);
        if (id % 12 == 0)
            words.append(u"mid"_s);
        const qint64 dated = 1700000000 + qint64(random.bounded(40)) * 86400;
        const QByteArray sql =
            u"INSERT INTO blobs(sha, size, stored_size, created) VALUES('%1', 10, 10, 0);"
            "INSERT INTO messages(id, sha, date, from_addr, from_name, to_addrs, subject, "
            "message_id, size, attachments, text_bytes, indexed, dated) VALUES(%2, '%1', %3, "
            "'', '', '', 's', 'm', 10, 0, 0, 0, %3);"
            "INSERT INTO message_text(rowid, sender, recipients, subject, attachments) "
            "VALUES(%2, '', '', 's', '');"
            "INSERT INTO message_body(rowid, body) VALUES(%2, '%4');"_s.arg(sha)
                .arg(id)
                .arg(dated)
                .arg(words.join(u' '))
                .toUtf8();
        QCOMPARE(sqlite3_exec(db, sql.constData(), nullptr, nullptr, nullptr), SQLITE_OK);
        for (int c = 0, copies = 1 + int(random.bounded(3)); c < copies; ++c) {
            ++placement;
            const QByteArray copy =
                u"INSERT INTO placements(id, mailbox, folder, key, delivered_to, prefix, flags, "
                "sha, size, filed, archived, state) VALUES(%1, 'u%2@example.com', '', 'k%1', "
                "'u%2@example.com', '', '', '%3', 10, 0, NULL, 'live')"_s.arg(placement)
                    .arg(c)
                    .arg(sha)
                    .toUtf8();
            QCOMPARE(sqlite3_exec(db, copy.constData(), nullptr, nullptr, nullptr), SQLITE_OK);
        }
    }
    QCOMPARE(sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr), SQLITE_OK);

    for (const QString &query : {u"common"_s, u"mid"_s, u"rare"_s, u"common mid"_s,
                                 u"common -mid"_s, u"body:filler"_s, u"nothing"_s}) {
        for (const bool ascending : {false, true}) {
            SearchSort sort;
            sort.ascending = ascending;
            auto walked = compileQuery(query, nullptr, utc());
            QVERIFY(walked);
            CompiledQuery whole = *walked;
            whole.probe.clear();
            QString error;
            QList<SearchHit> a = runSearch(db, *walked, sort, 0, 50, &error);
            QVERIFY2(error.isEmpty(), qPrintable(error));
            QList<SearchHit> b = runSearch(db, whole, sort, 0, 50, &error);
            const qint64 total = countSearch(db, whole, &error);
            qint64 seen = 0;
            for (int page = 0;; ++page) {
                QVERIFY2(idsOf(a) == idsOf(b),
                         qPrintable(u"%1, %2, page %3: %4 walked, %5 from the lists"_s.arg(query)
                                        .arg(ascending ? u"oldest first"_s : u"newest first"_s)
                                        .arg(page)
                                        .arg(a.size())
                                        .arg(b.size())));
                seen += a.size();
                if (a.size() < 50)
                    break;
                a = runSearchAfter(db, *walked, sort, a.last(), 50, &error);
                QVERIFY2(error.isEmpty(), qPrintable(error));
                b = runSearchAfter(db, whole, sort, b.last(), 50, &error);
                QVERIFY(page < 200);
            }
            QCOMPARE(seen, total);
        }
    }
}

QTEST_GUILESS_MAIN(TestQuery)
#include "tst_query.moc"
