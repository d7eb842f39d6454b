// query_bench: the archive's query language against issue 14's targets (a one-word query
// p95 <= 100 ms, a word + sender + date-range query p95 <= 300 ms, at 1,000,000 placements).
// Fills a catalog with N synthetic placements and their index rows (about two copies per
// message; bodies of 100-600 words drawn from a 30,000-word vocabulary with Zipf's law,
// 5,000 senders, dates over three and a half years), then times parse + compile + the first
// page (50 hits, newest first) and, apart, the count, for queries whose words are drawn from
// random messages (so common words come up as often as mail uses them), and from the
// vocabulary (each word as likely as any other).
//
//   query_bench [--placements N] [--queries K] [--db FILE]
// With --db an existing file is reused as it is (the fill takes minutes); a new one is kept.
#include "archive/catalog.h"
#include "archive/indexschema.h"
#include "archive/query.h"
#include "archive/search.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>
#include <cmath>

#include <sqlite3.h>

using namespace Qt::StringLiterals;
using namespace tandem::archive;

namespace {

QTextStream out(stdout);

const qint64 kStart = QDateTime(QDate(2023, 1, 1), QTime(0, 0), Qt::UTC).toSecsSinceEpoch();
const qint64 kSpan = 3 * 365 * 86400 + 181 * 86400; // to mid-2026

// Pronounceable words, distinct by construction: syllables of a number.
QString wordOf(int n)
{
    static const char *const syllables[] = {"ba", "ke", "mi", "to", "ru", "sa", "le", "no",
                                            "fi", "da", "go", "pe", "vu", "zo", "ha", "ri"};
    QString w;
    do {
        w += QLatin1StringView(syllables[n % 16]);
        n /= 16;
    } while (n > 0);
    return w;
}

// Zipf's law over ranks 0..n-1 by inverse transform on a precomputed table.
class Zipf {
public:
    Zipf(int n, double s)
    {
        m_cdf.reserve(n);
        double sum = 0;
        for (int i = 1; i <= n; ++i) {
            sum += 1.0 / std::pow(i, s);
            m_cdf.push_back(sum);
        }
        for (double &c : m_cdf)
            c /= sum;
    }
    int operator()(QRandomGenerator &random) const
    {
        const double u = random.generateDouble();
        return int(std::lower_bound(m_cdf.begin(), m_cdf.end(), u) - m_cdf.begin());
    }

private:
    std::vector<double> m_cdf;
};

class Db {
public:
    explicit Db(sqlite3 *db)
        : m_db(db)
    {}
    bool exec(const char *sql)
    {
        char *message = nullptr;
        if (sqlite3_exec(m_db, sql, nullptr, nullptr, &message) != SQLITE_OK) {
            out << "sqlite: " << message << " in " << sql << Qt::endl;
            sqlite3_free(message);
            return false;
        }
        return true;
    }
    sqlite3_stmt *prepare(const char *sql)
    {
        sqlite3_stmt *s = nullptr;
        sqlite3_prepare_v2(m_db, sql, -1, &s, nullptr);
        return s;
    }

private:
    sqlite3 *m_db;
};

void bindText(sqlite3_stmt *s, int i, const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    sqlite3_bind_text(s, i, utf8.constData(), int(utf8.size()), SQLITE_TRANSIENT);
}

bool stepDone(sqlite3_stmt *s)
{
    const bool ok = sqlite3_step(s) == SQLITE_DONE;
    sqlite3_reset(s);
    return ok;
}

bool fill(sqlite3 *db, int placements)
{
    Db d(db);
    QRandomGenerator random(14);
    const Zipf words(30000, 1.0);
    const Zipf senders(5000, 0.9);
    if (!d.exec(kIndexSchema) || !d.exec("PRAGMA synchronous=OFF") || !d.exec("BEGIN"))
        return false;
    sqlite3_stmt *blob = d.prepare("INSERT INTO blobs VALUES(?, ?, ?, 0, NULL)");
    sqlite3_stmt *message =
        d.prepare("INSERT INTO messages VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?)");
    sqlite3_stmt *text = d.prepare("INSERT INTO message_text(rowid, sender, recipients, subject, "
                                   "attachments) VALUES(?, ?, ?, ?, ?)");
    sqlite3_stmt *bodyText = d.prepare("INSERT INTO message_body(rowid, body) VALUES(?, ?)");
    sqlite3_stmt *placement = d.prepare(
        "INSERT INTO placements(id, mailbox, folder, key, delivered_to, prefix, flags, sha, size, "
        "filed, archived, state) VALUES(?, ?, ?, ?, ?, '', '', ?, ?, ?, NULL, ?)");
    sqlite3_stmt *envelope = d.prepare("INSERT INTO envelopes VALUES(?, ?)");
    const auto phrase = [&](int count) {
        QStringList w;
        for (int i = 0; i < count; ++i)
            w.append(wordOf(words(random)));
        return w.join(u' ');
    };
    QElapsedTimer timer;
    timer.start();
    qint64 placementId = 0;
    for (qint64 id = 1; placementId < placements; ++id) {
        const QString sha = u"%1"_s.arg(id, 64, 16, QChar(u'0'));
        const int sender = senders(random);
        const QString fromAddr = u"%1@sender%2.test"_s.arg(wordOf(sender + 40000)).arg(sender % 97);
        const QString fromName = u"Sender %1"_s.arg(wordOf(sender + 7000));
        const int copies = 1 + random.bounded(3);
        QStringList rcpts;
        for (int c = 0; c < copies; ++c)
            rcpts.append(u"user%1@example%2.com"_s.arg(random.bounded(2000)).arg(c % 2));
        const qint64 date = kStart + random.bounded(kSpan);
        const bool attachment = random.bounded(3) == 0;
        const qint64 size = qint64(2048 * std::pow(100.0, random.generateDouble()));
        const QString subject = phrase(3 + random.bounded(6));
        const QString body = phrase(100 + random.bounded(500));
        const QString names = attachment ? phrase(1) + u".pdf"_s : QString();

        sqlite3_bind_text(blob, 1, sha.toLatin1().constData(), 64, SQLITE_TRANSIENT);
        sqlite3_bind_int64(blob, 2, size);
        sqlite3_bind_int64(blob, 3, size / 3);
        if (!stepDone(blob))
            return false;
        sqlite3_bind_int64(message, 1, id);
        bindText(message, 2, sha);
        if (random.bounded(50) == 0)
            sqlite3_bind_null(message, 3);
        else
            sqlite3_bind_int64(message, 3, date);
        bindText(message, 4, fromAddr);
        bindText(message, 5, fromName);
        bindText(message, 6, rcpts.join(u", "_s));
        bindText(message, 7, subject);
        bindText(message, 8, u"%1@bench"_s.arg(id));
        sqlite3_bind_int64(message, 9, size);
        sqlite3_bind_int64(message, 10, attachment ? 1 : 0);
        sqlite3_bind_int64(message, 11, body.size());
        sqlite3_bind_int64(message, 12, date); // a message without Date: is dated when filed
        if (!stepDone(message))
            return false;
        sqlite3_bind_int64(text, 1, id);
        bindText(text, 2, fromName + u' ' + fromAddr);
        bindText(text, 3, rcpts.join(u' '));
        bindText(text, 4, subject);
        bindText(text, 5, names);
        if (!stepDone(text))
            return false;
        sqlite3_bind_int64(bodyText, 1, id);
        bindText(bodyText, 2, body);
        if (!stepDone(bodyText))
            return false;
        for (const QString &rcpt : std::as_const(rcpts)) {
            ++placementId;
            sqlite3_bind_int64(placement, 1, placementId);
            bindText(placement, 2, rcpt);
            bindText(placement, 3, random.bounded(10) == 0 ? u"Archive"_s : QString());
            bindText(placement, 4, u"k%1"_s.arg(placementId));
            bindText(placement, 5, rcpt);
            bindText(placement, 6, sha);
            sqlite3_bind_int64(placement, 7, size);
            sqlite3_bind_int64(placement, 8, (date + random.bounded(600)) * 1000);
            bindText(placement, 9, random.bounded(5) == 0 ? u"live"_s : u"archived"_s);
            if (!stepDone(placement))
                return false;
            sqlite3_bind_int64(envelope, 1, placementId);
            bindText(envelope, 2, fromAddr);
            if (!stepDone(envelope))
                return false;
        }
        if (id % 20000 == 0)
            out << "  " << placementId << " placements, " << timer.elapsed() / 1000 << " s"
                << Qt::endl;
    }
    for (sqlite3_stmt *s : {blob, message, text, bodyText, placement, envelope})
        sqlite3_finalize(s);
    // No ANALYZE: the catalog never runs it, so the planner works without statistics here too.
    if (!d.exec("COMMIT"))
        return false;
    out << "filled: " << placementId << " placements in " << timer.elapsed() / 1000 << " s"
        << Qt::endl;
    return true;
}

struct Sample {
    QString word;    // a word of its body
    QString sender;  // the local part of its From:
    qint64 date = 0; // its Date:
};

QList<Sample> samples(sqlite3 *db, int count)
{
    Db d(db);
    QList<Sample> out;
    QRandomGenerator random(2026);
    sqlite3_stmt *max = d.prepare("SELECT MAX(id) FROM messages");
    sqlite3_step(max);
    const qint64 messages = sqlite3_column_int64(max, 0);
    sqlite3_finalize(max);
    // The body is not stored (contentless FTS); its words come back from the index's
    // vocabulary: a random message's subject stands in (drawn from the same law).
    sqlite3_stmt *s = d.prepare("SELECT subject, from_addr, COALESCE(date, 0) FROM messages "
                                "WHERE id = ?");
    while (out.size() < count) {
        sqlite3_bind_int64(s, 1, 1 + random.bounded(messages));
        if (sqlite3_step(s) == SQLITE_ROW) {
            const QStringList subject =
                QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(s, 0)))
                    .split(u' ');
            const QString from =
                QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(s, 1)));
            const qint64 date = sqlite3_column_int64(s, 2);
            if (date)
                out.append({subject.value(int(random.bounded(subject.size()))),
                            from.section(u'@', 0, 0), date});
        }
        sqlite3_reset(s);
    }
    sqlite3_finalize(s);
    return out;
}

struct Timing {
    QList<double> ms;
    qint64 hits = 0;
    qint64 counted = 0;
};

void report(const QString &name, Timing t)
{
    std::sort(t.ms.begin(), t.ms.end());
    const auto at = [&](double q) {
        return t.ms.at(std::min<qsizetype>(t.ms.size() - 1, qsizetype(q * t.ms.size())));
    };
    out << QString(u"  %1 n=%2  median %3 ms  p95 %4 ms  max %5 ms  (mean count %6)"_s)
               .arg(name, -36)
               .arg(t.ms.size())
               .arg(at(0.5), 0, 'f', 1)
               .arg(at(0.95), 0, 'f', 1)
               .arg(t.ms.back(), 0, 'f', 1)
               .arg(t.ms.isEmpty() ? 0 : t.counted / t.ms.size())
        << Qt::endl;
}

void plan(sqlite3 *db, const QString &query)
{
    const auto compiled = compileQuery(query, nullptr);
    const QByteArray sql = "EXPLAIN QUERY PLAN " + searchStatement(*compiled, {}, false);
    sqlite3_stmt *s = nullptr;
    sqlite3_prepare_v2(db, sql.constData(), -1, &s, nullptr);
    out << "  plan of " << query << ":" << Qt::endl;
    while (sqlite3_step(s) == SQLITE_ROW)
        out << "    " << reinterpret_cast<const char *>(sqlite3_column_text(s, 3)) << Qt::endl;
    sqlite3_finalize(s);
}

// Parse + compile + the first page; the count apart (the console asks for both).
void measure(sqlite3 *db, const QStringList &queries, Timing *page, Timing *count)
{
    for (const QString &query : queries) {
        QElapsedTimer timer;
        timer.start();
        QueryError parseError;
        const auto compiled = compileQuery(query, &parseError);
        QString error;
        const QList<SearchHit> hits = runSearch(db, *compiled, {}, 0, 50, &error);
        page->ms.append(timer.nsecsElapsed() / 1e6);
        page->hits += hits.size();
        timer.restart();
        const qint64 n = countSearch(db, *compiled, &error);
        count->ms.append(timer.nsecsElapsed() / 1e6);
        page->counted += n;
        count->counted += n;
        if (!error.isEmpty())
            out << "error: " << error << Qt::endl;
    }
}

QString month(qint64 secs, int add)
{
    return QDateTime::fromSecsSinceEpoch(secs, Qt::UTC)
        .date()
        .addMonths(add)
        .toString(u"yyyy-MM"_s);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption(
        {u"placements"_s, u"placements to fill (default 200000)"_s, u"N"_s, u"200000"_s});
    parser.addOption({u"queries"_s, u"queries of each kind (default 200)"_s, u"K"_s, u"200"_s});
    parser.addOption({u"db"_s, u"catalog file to fill, or to reuse when it exists"_s, u"FILE"_s});
    parser.process(app);

    QTemporaryDir dir;
    const QString path =
        parser.isSet(u"db"_s) ? parser.value(u"db"_s) : dir.filePath(u"catalog.sqlite"_s);
    const bool reuse = QFileInfo::exists(path);
    {
        SqliteCatalog catalog;
        QString error;
        if (!catalog.open(path, &error)) {
            out << error << Qt::endl;
            return 1;
        }
    }
    sqlite3 *db = nullptr;
    sqlite3_open_v2(path.toUtf8().constData(), &db, SQLITE_OPEN_READWRITE, nullptr);
    if (!reuse && !fill(db, parser.value(u"placements"_s).toInt()))
        return 1;
    sqlite3_stmt *s = nullptr;
    sqlite3_prepare_v2(db,
                       "SELECT (SELECT COUNT(*) FROM placements), (SELECT COUNT(*) FROM "
                       "messages)",
                       -1, &s, nullptr);
    sqlite3_step(s);
    out << "catalog " << path << ": " << sqlite3_column_int64(s, 0) << " placements, "
        << sqlite3_column_int64(s, 1) << " messages, " << QFileInfo(path).size() / (1024 * 1024)
        << " MB" << Qt::endl;
    sqlite3_finalize(s);

    const int k = parser.value(u"queries"_s).toInt();
    const QList<Sample> sample = samples(db, k);
    QStringList oneWord, combined, rare, common, distinct;
    QRandomGenerator pick(7);
    for (const Sample &x : sample) {
        distinct.append(wordOf(int(pick.bounded(30000))));
        oneWord.append(x.word);
        combined.append(
            u"%1 from:%2 date:%3..%4"_s.arg(x.word, x.sender, month(x.date, -1), month(x.date, 1)));
    }
    for (int i = 0; i < 20; ++i) {
        common.append(wordOf(i));           // the 20 most frequent words
        rare.append(wordOf(20000 + i * 7)); // words a few hundred messages use
    }
    plan(db, oneWord.front());
    plan(db, combined.front());
    plan(db, u"to:user97@example0.com"_s);

    Timing page, count;
    measure(db, oneWord.mid(0, 10), &page, &count); // warms the page cache
    page = {};
    count = {};
    out << "one word (from random messages):" << Qt::endl;
    measure(db, oneWord, &page, &count);
    report(u"parse+compile+first page"_s, page);
    report(u"count"_s, count);
    out << "one word (any word of the vocabulary, as likely as any other):" << Qt::endl;
    page = {};
    count = {};
    measure(db, distinct, &page, &count);
    report(u"parse+compile+first page"_s, page);
    report(u"count"_s, count);
    out << "word + from: + date: (3 months):" << Qt::endl;
    page = {};
    count = {};
    measure(db, combined, &page, &count);
    report(u"parse+compile+first page"_s, page);
    report(u"count"_s, count);
    QStringList months, recipients, mailboxes;
    for (int i = 0; i < 20; ++i) {
        months.append(u"date:"_s + month(sample[i].date, 0));
        recipients.append(u"to:user%1@example0.com"_s.arg(i * 97));
        mailboxes.append(u"mailbox:user%1 date:2025"_s.arg(i * 89));
    }
    for (const auto &[name, list] :
         {std::pair{u"the 20 commonest words"_s, common}, std::pair{u"20 rare words"_s, rare},
          std::pair{u"date: one month alone"_s, months},
          std::pair{u"to: an address alone"_s, recipients},
          std::pair{u"mailbox: and a year"_s, mailboxes}}) {
        out << name << ":" << Qt::endl;
        page = {};
        count = {};
        measure(db, list, &page, &count);
        report(u"parse+compile+first page"_s, page);
        report(u"count"_s, count);
    }

    // A deep page: by offset, and after the previous page's last hit.
    const auto compiled = compileQuery(common.front(), nullptr);
    QString error;
    QElapsedTimer timer;
    timer.start();
    const QList<SearchHit> deep = runSearch(db, *compiled, {}, 10000, 50, &error);
    const double byOffset = timer.nsecsElapsed() / 1e6;
    const QList<SearchHit> before = runSearch(db, *compiled, {}, 9999, 1, &error);
    timer.restart();
    const QList<SearchHit> after =
        before.isEmpty() ? QList<SearchHit>()
                         : runSearchAfter(db, *compiled, {}, before.front(), 50, &error);
    const double byKey = timer.nsecsElapsed() / 1e6;
    out << "page at 10,000 of \"" << common.front() << "\": offset " << byOffset
        << " ms, after the last hit " << byKey << " ms, same rows: "
        << (deep.size() == after.size() &&
                    (deep.isEmpty() || deep.front().placementId == after.front().placementId)
                ? "yes"
                : "no")
        << Qt::endl;
    sqlite3_close(db);
    return 0;
}
