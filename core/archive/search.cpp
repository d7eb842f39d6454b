#include "search.h"
#include "sqlitestmt.h"

#include <QCache>
#include <QMutex>

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
    "m.from_name, m.subject, m.message_id, p.state, m.date, p.filed, m.size, m.attachments, "
    "m.dated";

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
    h.dated = QDateTime::fromSecsSinceEpoch(s.integer(15), Qt::UTC);
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
    return hit.dated.toSecsSinceEpoch();
}

// A walk: the first messages by date from where a page begins (the newest, for a descending
// order), `span` of them, and the query's hits among them — each message probed for the words
// (CompiledQuery::probe: a common word takes a few hundred probes where reading its list whole
// takes a second at a million placements), or the words' lists read for them (where). The
// answer is the page when it is full and its last hit is dated before the last message walked
// (or the walk reached the end): no message outside the walk can come before that hit. Else
// *found says how many hits it had.
constexpr int kWalkPerHit = 4;
constexpr int kWalkAtLeast = 200;
constexpr int kWalkListsAtMost = 5000;

std::optional<QList<SearchHit>> walk(sqlite3 *db, const CompiledQuery &query,
                                     const SearchSort &sort, const SearchHit *last, int limit,
                                     int span, bool probe, int *found, QString *error)
{
    const QString direction = sort.ascending ? u" ASC"_s : u" DESC"_s;
    const QString from =
        last ? (sort.ascending ? u" WHERE dated >= ?1"_s : u" WHERE dated <= ?1"_s) : QString();
    const QString window = u"SELECT * FROM messages INDEXED BY messages_dated%1 ORDER BY dated%2 "
                           u"LIMIT %3"_s.arg(from, direction)
                               .arg(span);
    Stmt edge(db, u"SELECT COUNT(*), %1(dated) FROM (%2)"_s
                      .arg(sort.ascending ? u"MAX"_s : u"MIN"_s, window)
                      .toUtf8());
    if (last)
        edge.bind(1, last->dated.toSecsSinceEpoch());
    if (!edge.ok() || edge.step() != SQLITE_ROW) {
        *error = errorOf(edge, "cannot read the messages by date");
        return QList<SearchHit>();
    }
    const bool whole = edge.integer(0) < span;
    const qint64 boundary = edge.integer(1);

    int n = int(query.parameters.size());
    const auto next = [&n] { return u"?"_s + QString::number(++n); };
    QString where = probe ? query.probe : query.where;
    QString start;
    if (last) {
        // One call a statement: the order in which an expression's operands are evaluated
        // is not the order they are written in.
        start = next();
        const QString dated = next();
        const QString id = next();
        where = u"("_s + where + u") AND (m.dated, p.id) "_s + (sort.ascending ? u">"_s : u"<"_s) +
                u" ("_s + dated + u", "_s + id + u")"_s;
    }
    QString windowed = window;
    if (last)
        windowed.replace(u"?1"_s, start);
    const QString sql = u"SELECT "_s + QLatin1StringView(kHitColumns) + u" FROM ("_s + windowed +
                        u") m JOIN placements p ON p.sha = m.sha LEFT JOIN envelopes e ON "
                        u"e.placement_id = p.id WHERE "_s +
                        where + u" ORDER BY m.dated"_s + direction + u", p.id"_s + direction +
                        u" LIMIT "_s + next();
    Stmt s(db, sql.toUtf8());
    if (!s.ok()) {
        *error = errorOf(s, "cannot prepare the query");
        return QList<SearchHit>();
    }
    bindAll(s, query.parameters);
    n = int(query.parameters.size());
    if (last) {
        s.bind(++n, last->dated.toSecsSinceEpoch());
        s.bind(++n, last->dated.toSecsSinceEpoch());
        s.bind(++n, last->placementId);
    }
    s.bind(++n, qint64(limit));
    QList<SearchHit> out;
    int step;
    while ((step = s.step()) == SQLITE_ROW)
        out.append(hitFrom(s));
    if (step != SQLITE_DONE) {
        *error = errorOf(s, "the query failed");
        return QList<SearchHit>();
    }
    const auto before = [&](qint64 dated) {
        return sort.ascending ? dated < boundary : dated > boundary;
    };
    if (whole || (out.size() == limit && before(out.last().dated.toSecsSinceEpoch())))
        return out;
    *found = int(out.size());
    return std::nullopt;
}

// A walk probing each message; when it found some hits but not the page, one reading the
// word lists over as many messages as those promise the page in, up to kWalkListsAtMost (a
// list of a word that is not common is read in a millisecond; probing thousands of messages
// takes a hundred); else none: the lists are read whole.
std::optional<QList<SearchHit>> walkByDate(sqlite3 *db, const CompiledQuery &query,
                                           const SearchSort &sort, const SearchHit *last, int limit,
                                           QString *error)
{
    if (sort.key != SearchSort::Key::Date || limit <= 0 || query.probe.isEmpty() ||
        query.probe == query.where)
        return std::nullopt;
    const int span = std::max(kWalkAtLeast, limit * kWalkPerHit);
    int found = 0;
    if (auto page = walk(db, query, sort, last, limit, span, true, &found, error))
        return page;
    if (found == 0)
        return std::nullopt;
    const qint64 further = qint64(span) * limit * 3 / (2 * found);
    if (further > kWalkListsAtMost)
        return std::nullopt;
    return walk(db, query, sort, last, limit, int(std::max<qint64>(further, span * 2)), false,
                &found, error);
}

QList<SearchHit> run(sqlite3 *db, const CompiledQuery &query, const SearchSort &sort,
                     const SearchHit *last, qint64 offset, int limit, QString *error)
{
    if (offset == 0) {
        error->clear();
        if (std::optional<QList<SearchHit>> page =
                walkByDate(db, query, sort, last, limit, error)) {
            if (error->isEmpty())
                return *page;
            return {};
        }
    }
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

// tandem_phrase()'s state: the body reader, FTS5's unicode61 tokenizer (with message_body's
// arguments) and the answers remembered.
class PhraseFunction {
public:
    PhraseFunction(sqlite3 *db, BodyReader reader)
        : m_db(db)
        , m_read(std::move(reader))
        , m_answers(4096)
    {}
    ~PhraseFunction()
    {
        if (m_tokenizer)
            m_api.xDelete(m_tokenizer);
    }

    static void call(sqlite3_context *context, int, sqlite3_value **args)
    {
        auto *self = static_cast<PhraseFunction *>(sqlite3_user_data(context));
        const auto text = [&](int i) {
            return QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_value_text(args[i])),
                                     sqlite3_value_bytes(args[i]));
        };
        const std::optional<bool> found =
            self->contains(text(0), text(1), sqlite3_value_int(args[2]) != 0);
        if (!found)
            sqlite3_result_error(context, "tandem_phrase: the tokenizer is missing", -1);
        else
            sqlite3_result_int(context, *found ? 1 : 0);
    }

    static void destroy(void *self) { delete static_cast<PhraseFunction *>(self); }

private:
    std::optional<bool> contains(const QString &sha, const QString &phrase, bool prefix)
    {
        QMutexLocker lock(&m_mutex); // the connection is shared by threads (FULLMUTEX)
        const QString key = sha + (prefix ? u'*' : u' ') + phrase;
        if (const bool *known = m_answers.object(key))
            return *known;
        if (!tokenizer())
            return std::nullopt;
        const QList<QByteArray> words = tokens(phrase);
        bool found = false;
        if (const std::optional<QString> body = m_read(sha); body && !words.isEmpty()) {
            const QList<QByteArray> text = tokens(*body);
            const qsizetype k = words.size();
            for (qsizetype i = 0; !found && i + k <= text.size(); ++i) {
                found = true;
                for (qsizetype j = 0; found && j < k; ++j) {
                    const QByteArray &t = text.at(i + j);
                    found = prefix && j == k - 1 ? t.startsWith(words.at(j)) : t == words.at(j);
                }
            }
        }
        m_answers.insert(key, new bool(found));
        return found;
    }

    bool tokenizer()
    {
        if (m_tokenizer)
            return true;
        fts5_api *api = nullptr;
        sqlite3_stmt *s = nullptr;
        if (sqlite3_prepare_v2(m_db, "SELECT fts5(?1)", -1, &s, nullptr) == SQLITE_OK) {
            sqlite3_bind_pointer(s, 1, &api, "fts5_api_ptr", nullptr);
            sqlite3_step(s);
        }
        sqlite3_finalize(s);
        void *userData = nullptr;
        if (!api || api->xFindTokenizer(api, "unicode61", &userData, &m_api) != SQLITE_OK)
            return false;
        const char *arguments[] = {"remove_diacritics", "2"};
        return m_api.xCreate(userData, arguments, 2, &m_tokenizer) == SQLITE_OK;
    }

    QList<QByteArray> tokens(const QString &text)
    {
        QList<QByteArray> out;
        const QByteArray utf8 = text.toUtf8();
        m_api.xTokenize(
            m_tokenizer, &out, FTS5_TOKENIZE_DOCUMENT, utf8.constData(), int(utf8.size()),
            [](void *list, int flags, const char *token, int bytes, int, int) {
                if (!(flags & FTS5_TOKEN_COLOCATED))
                    static_cast<QList<QByteArray> *>(list)->append(QByteArray(token, bytes));
                return SQLITE_OK;
            });
        return out;
    }

    sqlite3 *m_db;
    BodyReader m_read;
    QMutex m_mutex;
    QCache<QString, bool> m_answers;
    fts5_tokenizer m_api{};
    Fts5Tokenizer *m_tokenizer = nullptr;
};

} // namespace

bool addPhraseFunction(sqlite3 *db, BodyReader reader, QString *error)
{
    auto *function = new PhraseFunction(db, std::move(reader));
    // On failure SQLite calls destroy() itself.
    if (sqlite3_create_function_v2(db, "tandem_phrase", 3, SQLITE_UTF8, function,
                                   &PhraseFunction::call, nullptr, nullptr,
                                   &PhraseFunction::destroy) != SQLITE_OK) {
        *error =
            u"search: cannot add tandem_phrase(): %1"_s.arg(QString::fromUtf8(sqlite3_errmsg(db)));
        return false;
    }
    return true;
}

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

QByteArray countStatement(const CompiledQuery &query, bool messages)
{
    return u"SELECT COUNT(*)%1 FROM %2 WHERE %3"_s
        .arg(messages ? u", COUNT(DISTINCT m.id)"_s : QString(), QLatin1StringView(kSearchFrom),
             query.where)
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

qint64 countSearch(sqlite3 *db, const CompiledQuery &query, QString *error, qint64 *messages)
{
    Stmt s(db, countStatement(query, messages != nullptr));
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
    if (messages)
        *messages = s.integer(1);
    return s.integer(0);
}

} // namespace tandem::archive
