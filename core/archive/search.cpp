#include "search.h"
#include "sqlitestmt.h"

#include <sqlite3.h>

using namespace Qt::StringLiterals;

namespace tandem::archive {

namespace {

void bindValue(Stmt &s, int i, const QueryValue &value)
{
    if (const qint64 *n = std::get_if<qint64>(&value))
        s.bind(i, *n);
    else
        s.bind(i, std::get<QString>(value));
}

void bindAll(Stmt &s, const QList<QueryValue> &values)
{
    for (qsizetype i = 0; i < values.size(); ++i)
        bindValue(s, int(i) + 1, values[i]);
}

QString errorOf(const Stmt &s, const char *what)
{
    return u"search: %1: %2"_s.arg(QLatin1StringView(what), s.lastError());
}

const char *const kHitColumns =
    "p.id, p.mailbox, p.folder, p.delivered_to, COALESCE(e.mail_from, ''), p.sha, m.from_addr, "
    "m.from_name, m.subject, m.message_id, p.state, m.date, p.filed, m.size, m.attachments";

SearchHit hitFrom(const Stmt &s)
{
    SearchHit h;
    h.placementId = s.integer(0);
    h.mailbox = s.text(1);
    h.folder = s.text(2);
    h.deliveredTo = s.text(3);
    h.mailFrom = s.text(4);
    h.sha256 = s.text(5);
    h.fromAddr = s.text(6);
    h.fromName = s.text(7);
    h.subject = s.text(8);
    h.messageId = s.text(9);
    h.state = s.text(10);
    if (!s.isNull(11))
        h.date = QDateTime::fromSecsSinceEpoch(s.integer(11), Qt::UTC);
    h.filed = QDateTime::fromMSecsSinceEpoch(s.integer(12), Qt::UTC);
    h.size = s.integer(13);
    h.attachments = int(s.integer(14));
    return h;
}

QString sortKey(SearchSort::Key key)
{
    switch (key) {
    case SearchSort::Key::Size:
        return u"m.size"_s;
    case SearchSort::Key::Sender:
        return u"m.from_addr"_s;
    case SearchSort::Key::Date:
        break;
    }
    return QLatin1StringView(kSearchDate);
}

// The hit's sort key as the statement computes it.
QueryValue keyOf(const SearchHit &hit, SearchSort::Key key)
{
    switch (key) {
    case SearchSort::Key::Size:
        return hit.size;
    case SearchSort::Key::Sender:
        return hit.fromAddr;
    case SearchSort::Key::Date:
        break;
    }
    return hit.date.isValid() ? hit.date.toSecsSinceEpoch() : hit.filed.toMSecsSinceEpoch() / 1000;
}

QList<SearchHit> run(sqlite3 *db, const CompiledQuery &query, const SearchSort &sort,
                     const SearchHit *last, qint64 offset, int limit, QString *error)
{
    QList<SearchHit> out;
    Stmt s(db, searchStatement(query, sort, last != nullptr));
    if (!s.ok()) {
        *error = errorOf(s, "cannot prepare the query");
        return out;
    }
    bindAll(s, query.parameters);
    int n = int(query.parameters.size());
    if (last) {
        bindValue(s, ++n, keyOf(*last, sort.key));
        s.bind(++n, last->placementId);
    }
    s.bind(++n, qint64(limit));
    s.bind(++n, last ? qint64(0) : offset);
    int step;
    while ((step = s.step()) == SQLITE_ROW)
        out.append(hitFrom(s));
    if (step != SQLITE_DONE) {
        *error = errorOf(s, "the query failed");
        return {};
    }
    error->clear();
    return out;
}

} // namespace

QByteArray searchStatement(const CompiledQuery &query, const SearchSort &sort, bool after)
{
    // Numbered after the query's own parameters: the keyset's two, then LIMIT and OFFSET.
    int n = int(query.parameters.size());
    const auto next = [&n] { return u"?"_s + QString::number(++n); };
    const QString key = sortKey(sort.key);
    const QString direction = sort.ascending ? u" ASC"_s : u" DESC"_s;
    QString where = query.where;
    if (after) {
        where = u"("_s + where + u") AND ("_s + key + u", p.id) "_s +
                (sort.ascending ? u">"_s : u"<"_s) + u" ("_s + next();
        where += u", "_s + next() + u")"_s;
    }
    QString sql = u"SELECT "_s + QLatin1StringView(kHitColumns) + u" FROM "_s +
                  QLatin1StringView(kSearchFrom) + u" WHERE "_s + where + u" ORDER BY "_s + key +
                  direction + u", p.id"_s + direction + u" LIMIT "_s + next();
    sql += u" OFFSET "_s + next();
    return sql.toUtf8();
}

QByteArray countStatement(const CompiledQuery &query)
{
    return u"SELECT COUNT(*) FROM %1 WHERE %2"_s.arg(QLatin1StringView(kSearchFrom), query.where)
        .toUtf8();
}

QList<SearchHit> runSearch(sqlite3 *db, const CompiledQuery &query, const SearchSort &sort,
                           qint64 offset, int limit, QString *error)
{
    return run(db, query, sort, nullptr, offset, limit, error);
}

QList<SearchHit> runSearchAfter(sqlite3 *db, const CompiledQuery &query, const SearchSort &sort,
                                const SearchHit &last, int limit, QString *error)
{
    return run(db, query, sort, &last, 0, limit, error);
}

qint64 countSearch(sqlite3 *db, const CompiledQuery &query, QString *error)
{
    Stmt s(db, countStatement(query));
    if (!s.ok()) {
        *error = errorOf(s, "cannot prepare the count");
        return -1;
    }
    bindAll(s, query.parameters);
    if (s.step() != SQLITE_ROW) {
        *error = errorOf(s, "the count failed");
        return -1;
    }
    error->clear();
    return s.integer(0);
}

} // namespace tandem::archive
