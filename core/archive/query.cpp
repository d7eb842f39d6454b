#include "query.h"

#include "archive/indexschema.h"
#include "config/settings.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace tandem::archive {

namespace {

// The translation context of the errors ("tandem::archive::Query"); field names, keywords and
// the examples in them stay as typed.
struct Messages {
    Q_DECLARE_TR_FUNCTIONS(tandem::archive::Query)
};

// Beyond these a query is refused rather than handed to SQLite, whose expression depth (1000)
// and FTS5 parser would otherwise fail on it; no one types more.
constexpr int kMaxTerms = 200;
constexpr int kMaxDepth = 12;

struct FieldName {
    const char *name;
    QueryField field;
};

const FieldName kFields[] = {
    {"from", QueryField::From},
    {"to", QueryField::To},
    {"subject", QueryField::Subject},
    {"body", QueryField::Body},
    {"attachment", QueryField::Attachment},
    {"mailbox", QueryField::Mailbox},
    {"folder", QueryField::Folder},
    {"date", QueryField::Date},
    {"has", QueryField::Has},
    {"larger", QueryField::Larger},
    {"smaller", QueryField::Smaller},
    {"is", QueryField::Is},
};

std::optional<QueryField> fieldNamed(const QString &name)
{
    for (const FieldName &f : kFields) {
        if (name.compare(QLatin1StringView(f.name), Qt::CaseInsensitive) == 0)
            return f.field;
    }
    return std::nullopt;
}

bool isSpace(char32_t c)
{
    return QChar::isSpace(c);
}

// What unicode61 makes tokens of (its default categories L*, N*, Co): a word without any is
// not in the index at all.
bool isTokenChar(char32_t c)
{
    return QChar::isLetterOrNumber(c) || QChar::category(c) == QChar::Other_PrivateUse;
}

bool hasTokenChar(const QString &text)
{
    for (const uint c : text.toUcs4()) {
        if (isTokenChar(c))
            return true;
    }
    return false;
}

bool isTextField(QueryField field)
{
    switch (field) {
    case QueryField::Any:
    case QueryField::From:
    case QueryField::To:
    case QueryField::Subject:
    case QueryField::Body:
    case QueryField::Attachment:
        return true;
    default:
        return false;
    }
}

struct Token {
    enum class Type { End, Open, Close, And, Or, Not, Word, Phrase, Field };
    Type type = Type::End;
    QString text;        // Word, Phrase: the text; Field: its value (Word or Phrase form)
    QueryField field{};  // Field
    bool phrase = false; // Field: its value was quoted
    bool group = false;  // Field: a parenthesized group follows (from:(a OR b))
    int position = 0;    // 1-based
    int valuePosition = 0;
};

class Parser {
public:
    explicit Parser(const QString &query)
        : m_text(query.toUcs4())
    {}

    std::optional<QueryNode> parse(QueryError *error)
    {
        m_error = error;
        if (!next())
            return std::nullopt;
        if (m_token.type == Token::Type::End) {
            QueryNode all;
            all.position = 1;
            return all;
        }
        auto node = parseOr(QueryField::Any, 0);
        if (!node)
            return std::nullopt;
        if (m_token.type == Token::Type::Close)
            return fail(Messages::tr("unmatched )"), m_token.position);
        return node;
    }

private:
    std::nullopt_t fail(const QString &message, int position, const QString &hint = {})
    {
        if (m_error && !m_failed)
            *m_error = {message, position, hint};
        m_failed = true;
        return std::nullopt;
    }

    char32_t at(qsizetype i) const { return i < m_text.size() ? m_text[i] : 0; }
    bool atEnd(qsizetype i) const { return i >= m_text.size(); }
    // Ends a bare word: white space, parentheses, quotes.
    bool endsWord(qsizetype i) const
    {
        const char32_t c = at(i);
        return atEnd(i) || isSpace(c) || c == U'(' || c == U')' || c == U'"';
    }

    QString slice(qsizetype from, qsizetype to) const
    {
        return QString::fromUcs4(reinterpret_cast<const char32_t *>(m_text.constData()) + from,
                                 to - from);
    }

    // Reads "...": *end is past the closing quote.
    bool readPhrase(qsizetype start, QString *text, qsizetype *end)
    {
        qsizetype i = start + 1;
        while (!atEnd(i) && at(i) != U'"')
            ++i;
        if (atEnd(i)) {
            fail(Messages::tr("unclosed quote"), int(start) + 1);
            return false;
        }
        *text = slice(start + 1, i);
        *end = i + 1;
        return true;
    }

    bool next()
    {
        qsizetype i = m_pos;
        while (!atEnd(i) && isSpace(at(i)))
            ++i;
        m_token = Token();
        m_token.position = int(i) + 1;
        if (atEnd(i)) {
            m_pos = i;
            return true;
        }
        const char32_t c = at(i);
        if (c == U'(' || c == U')') {
            m_token.type = c == U'(' ? Token::Type::Open : Token::Type::Close;
            m_pos = i + 1;
            return true;
        }
        if (c == U'"') {
            m_token.type = Token::Type::Phrase;
            return readPhrase(i, &m_token.text, &m_pos);
        }
        // "-" right before a term is NOT; alone it is a word (punctuation: it asks nothing).
        const char32_t after = at(i + 1);
        if (c == U'-' && !atEnd(i + 1) && !isSpace(after) && after != U')') {
            m_token.type = Token::Type::Not;
            m_pos = i + 1;
            return true;
        }
        qsizetype end = i;
        while (!endsWord(end))
            ++end;
        const QString word = slice(i, end);
        m_pos = end;
        if (word == u"AND"_s || word == u"OR"_s || word == u"NOT"_s) {
            m_token.type = word == u"AND"_s  ? Token::Type::And
                           : word == u"OR"_s ? Token::Type::Or
                                             : Token::Type::Not;
            return true;
        }
        static const QRegularExpression fieldName(u"^([A-Za-z][A-Za-z0-9_-]*):"_s);
        const QRegularExpressionMatch field = fieldName.match(word);
        if (!field.hasMatch()) {
            m_token.type = Token::Type::Word;
            m_token.text = word;
            return true;
        }
        const QString name = field.captured(1);
        const auto known = fieldNamed(name);
        if (!known) {
            fail(Messages::tr("unknown field %1:").arg(name), m_token.position,
                 Messages::tr("the fields are from:, to:, subject:, body:, attachment:, "
                              "mailbox:, folder:, date:, has:, larger:, smaller:, is:; to "
                              "search for the text, quote it: \"%1\"")
                     .arg(word));
            return false;
        }
        m_token.type = Token::Type::Field;
        m_token.field = *known;
        const qsizetype value = i + name.size() + 1;
        m_token.valuePosition = int(value) + 1;
        if (value < end) {
            m_token.text = slice(value, end);
            return true;
        }
        if (at(value) == U'"') {
            m_token.phrase = true;
            return readPhrase(value, &m_token.text, &m_pos);
        }
        if (at(value) == U'(') {
            m_token.group = true;
            m_pos = value + 1;
            return true;
        }
        fail(Messages::tr("%1: needs a value right after the colon").arg(name.toLower()),
             m_token.valuePosition);
        return false;
    }

    bool startsTerm() const
    {
        switch (m_token.type) {
        case Token::Type::Open:
        case Token::Type::Not:
        case Token::Type::Word:
        case Token::Type::Phrase:
        case Token::Type::Field:
            return true;
        default:
            return false;
        }
    }

    std::optional<QueryNode> parseOr(QueryField field, int depth)
    {
        if (m_token.type == Token::Type::Or || m_token.type == Token::Type::And)
            return fail(Messages::tr("%1 needs a term before it")
                            .arg(m_token.type == Token::Type::Or ? u"OR"_s : u"AND"_s),
                        m_token.position);
        const int position = m_token.position;
        auto first = parseAnd(field, depth);
        if (!first)
            return std::nullopt;
        if (m_token.type != Token::Type::Or)
            return first;
        QueryNode node;
        node.kind = QueryNode::Kind::Or;
        node.position = position;
        node.children.push_back(std::move(*first));
        while (m_token.type == Token::Type::Or) {
            const int orPosition = m_token.position;
            if (!next())
                return std::nullopt;
            if (!startsTerm())
                return fail(Messages::tr("OR needs a term after it"), orPosition);
            auto term = parseAnd(field, depth);
            if (!term)
                return std::nullopt;
            node.children.push_back(std::move(*term));
        }
        return node;
    }

    std::optional<QueryNode> parseAnd(QueryField field, int depth)
    {
        const int position = m_token.position;
        auto first = parseUnary(field, depth);
        if (!first)
            return std::nullopt;
        if (!startsTerm() && m_token.type != Token::Type::And)
            return first;
        QueryNode node;
        node.kind = QueryNode::Kind::And;
        node.position = position;
        node.children.push_back(std::move(*first));
        while (startsTerm() || m_token.type == Token::Type::And) {
            if (m_token.type == Token::Type::And) {
                const int andPosition = m_token.position;
                if (!next())
                    return std::nullopt;
                if (!startsTerm())
                    return fail(Messages::tr("AND needs a term after it"), andPosition);
            }
            auto term = parseUnary(field, depth);
            if (!term)
                return std::nullopt;
            node.children.push_back(std::move(*term));
        }
        return node;
    }

    std::optional<QueryNode> parseUnary(QueryField field, int depth)
    {
        if (m_token.type != Token::Type::Not)
            return parsePrimary(field, depth);
        if (depth >= kMaxDepth)
            return fail(Messages::tr("the query is nested more than %1 deep").arg(kMaxDepth),
                        m_token.position);
        QueryNode node;
        node.kind = QueryNode::Kind::Not;
        node.position = m_token.position;
        if (!next())
            return std::nullopt;
        if (!startsTerm())
            return fail(Messages::tr("NOT needs a term after it"), node.position);
        auto child = parseUnary(field, depth + 1);
        if (!child)
            return std::nullopt;
        node.children.push_back(std::move(*child));
        return node;
    }

    std::optional<QueryNode> parseGroup(QueryField field, int depth, int open)
    {
        if (depth >= kMaxDepth)
            return fail(Messages::tr("the query is nested more than %1 deep").arg(kMaxDepth), open);
        if (m_token.type == Token::Type::Close)
            return fail(Messages::tr("empty parentheses"), open);
        if (m_token.type == Token::Type::End)
            return fail(Messages::tr("unclosed parenthesis"), open);
        auto node = parseOr(field, depth + 1);
        if (!node)
            return std::nullopt;
        if (m_token.type != Token::Type::Close)
            return fail(Messages::tr("unclosed parenthesis"), open);
        if (!next())
            return std::nullopt;
        return node;
    }

    std::optional<QueryNode> parsePrimary(QueryField field, int depth)
    {
        const Token token = m_token;
        switch (token.type) {
        case Token::Type::Open:
            if (!next())
                return std::nullopt;
            return parseGroup(field, depth, token.position);
        case Token::Type::Word:
        case Token::Type::Phrase:
            if (!next())
                return std::nullopt;
            return term(field, token.text, token.type == Token::Type::Phrase, token.position,
                        token.position);
        case Token::Type::Field:
            if (!next())
                return std::nullopt;
            if (token.group)
                return parseGroup(token.field, depth, token.valuePosition);
            return term(token.field, token.text, token.phrase, token.position, token.valuePosition);
        default:
            return fail(Messages::tr("a term is missing"), token.position);
        }
    }

    std::optional<QueryNode> term(QueryField field, QString text, bool phrase, int position,
                                  int valuePosition)
    {
        if (++m_terms > kMaxTerms)
            return fail(Messages::tr("the query has more than %1 terms").arg(kMaxTerms), position);
        QueryNode node;
        node.kind = QueryNode::Kind::Term;
        node.position = position;
        QueryTerm &t = node.term;
        t.field = field;
        t.phrase = phrase;
        const QString name = toString(field);
        if (isTextField(field) || field == QueryField::Mailbox) {
            if (!phrase && text.endsWith(u'*')) {
                while (text.endsWith(u'*'))
                    text.chop(1);
                t.prefix = true;
            }
            if (!hasTokenChar(text)) {
                if (field == QueryField::Any) {
                    QueryNode all; // punctuation: asks nothing
                    all.position = position;
                    return all;
                }
                return fail(Messages::tr("%1: needs a letter or a digit").arg(name), valuePosition);
            }
            t.text = text;
            return node;
        }
        t.text = text;
        switch (field) {
        case QueryField::Folder:
            return node;
        case QueryField::Date:
            if (!parseDateRange(text, &t.from, &t.until))
                return fail(Messages::tr("date: wants YYYY, YYYY-MM, YYYY-MM-DD or a range A..B "
                                         "(either end may be left open)"),
                            valuePosition);
            if (t.from.isValid() && t.until.isValid() && t.until <= t.from)
                return fail(Messages::tr("date: the range ends before it begins"), valuePosition);
            return node;
        case QueryField::Has:
            if (text.compare(u"attachment"_s, Qt::CaseInsensitive) != 0 &&
                text.compare(u"attachments"_s, Qt::CaseInsensitive) != 0)
                return fail(Messages::tr("has: wants attachment"), valuePosition);
            t.text = u"attachment"_s;
            return node;
        case QueryField::Larger:
        case QueryField::Smaller:
            if (!parseSize(text, &t.bytes))
                return fail(Messages::tr("%1: wants a size in bytes, or with K, M or G (500K, 5M)")
                                .arg(name),
                            valuePosition);
            return node;
        case QueryField::Is:
            t.text = text.toLower();
            if (t.text != u"live"_s && t.text != u"archived"_s && t.text != u"expired"_s)
                return fail(Messages::tr("is: wants live, archived or expired"), valuePosition);
            return node;
        default:
            return node;
        }
    }

    // YYYY, YYYY-MM or YYYY-MM-DD: the first day it names and the day after its last.
    static bool parseDate(const QString &text, QDate *first, QDate *after)
    {
        static const QRegularExpression form(u"^(\\d{4})(?:-(\\d{2})(?:-(\\d{2}))?)?$"_s);
        const QRegularExpressionMatch m = form.match(text);
        if (!m.hasMatch())
            return false;
        const int year = m.captured(1).toInt();
        if (year < 1)
            return false;
        if (!m.hasCaptured(2)) {
            *first = QDate(year, 1, 1);
            *after = first->addYears(1);
        } else if (!m.hasCaptured(3)) {
            *first = QDate(year, m.captured(2).toInt(), 1);
            *after = first->addMonths(1);
        } else {
            *first = QDate(year, m.captured(2).toInt(), m.captured(3).toInt());
            *after = first->addDays(1);
        }
        return first->isValid() && after->isValid();
    }

    static bool parseDateRange(const QString &text, QDate *from, QDate *until)
    {
        const qsizetype dots = text.indexOf(u".."_s);
        QDate ignored;
        if (dots < 0)
            return parseDate(text, from, until);
        const QString a = text.left(dots);
        const QString b = text.mid(dots + 2);
        if (a.isEmpty() && b.isEmpty())
            return false;
        if (!a.isEmpty() && !parseDate(a, from, &ignored))
            return false;
        if (!b.isEmpty() && !parseDate(b, &ignored, until))
            return false;
        return true;
    }

    // 1024-based, as mail clients and du show sizes.
    static bool parseSize(const QString &text, qint64 *bytes)
    {
        static const QRegularExpression form(u"^(\\d{1,12})([kKmMgG]?)$"_s);
        const QRegularExpressionMatch m = form.match(text);
        if (!m.hasMatch())
            return false;
        qint64 value = m.captured(1).toLongLong();
        const QChar unit = m.captured(2).isEmpty() ? QChar() : m.captured(2).at(0).toUpper();
        if (unit == u'K')
            value *= 1024;
        else if (unit == u'M')
            value *= 1024 * 1024;
        else if (unit == u'G')
            value *= 1024 * 1024 * 1024;
        *bytes = value;
        return true;
    }

    QList<uint> m_text; // code points: positions count characters
    qsizetype m_pos = 0;
    Token m_token;
    QueryError *m_error = nullptr;
    bool m_failed = false;
    int m_terms = 0;
};

// ---- compiling

// An intermediate tree: the query's terms as FTS5 expressions (matched against message_text)
// or SQL conditions (the rest, and words in bodies), so that the words of one AND or OR
// become one MATCH.
struct Ir {
    enum class Kind { True, False, Fts, Sql, And, Or, Not };
    Kind kind = Kind::True;
    QString text;  // Fts: an FTS5 expression; Sql: a condition
    QString probe; // Sql: the condition with word lists probed per message (CompiledQuery)
    std::vector<Ir> children;
};

Ir leaf(Ir::Kind kind, QString text, QString probe = {})
{
    Ir ir;
    ir.kind = kind;
    ir.probe = probe.isNull() ? text : std::move(probe);
    ir.text = std::move(text);
    return ir;
}

Ir node(Ir::Kind kind, std::vector<Ir> children)
{
    Ir ir;
    ir.kind = kind;
    ir.children = std::move(children);
    return ir;
}

// An FTS5 string: every token the user typed is quoted, so nothing in it is FTS5 syntax
// (AND, NEAR, column filters, ^, ...). Control characters separate tokens anyway.
QString ftsString(const QString &text, bool prefix)
{
    QString out = u"\""_s;
    for (const QChar c : text) {
        if (c == u'"')
            out += u"\"\""_s;
        else if (c.unicode() < 0x20 || c.unicode() == 0x7f)
            out += u' ';
        else
            out += c;
    }
    out += u'"';
    if (prefix)
        out += u" *"_s;
    return out;
}

// The words of a term as FTS5's unicode61 tokenizer splits them (case and diacritics are its
// own business): runs of isTokenChar().
QStringList bodyWords(const QString &text)
{
    QStringList words;
    QList<uint> word;
    const auto flush = [&] {
        if (!word.isEmpty())
            words.append(QString::fromUcs4(reinterpret_cast<const char32_t *>(word.constData()),
                                           word.size()));
        word.clear();
    };
    for (const uint c : text.toUcs4()) {
        if (isTokenChar(c))
            word.append(c);
        else
            flush();
    }
    flush();
    return words;
}

QString likeEscaped(const QString &text)
{
    QString out;
    for (const QChar c : text) {
        if (c == u'\\' || c == u'%' || c == u'_')
            out += u'\\';
        out += c;
    }
    return out;
}

class Compiler {
public:
    explicit Compiler(const CompileOptions &options)
        : m_options(options)
    {}

    CompiledQuery compile(const QueryNode &query)
    {
        Ir ir = simplify(build(query));
        if (!mentionsExpired(query))
            ir = simplify(node(Ir::Kind::And,
                               {leaf(Ir::Kind::Sql, u"p.state <> 'expired'"_s), std::move(ir)}));
        CompiledQuery out;
        out.where = lower(ir, false);
        out.probe = lower(ir, true);
        out.parameters = m_parameters;
        return out;
    }

private:
    QString parameter(QueryValue value)
    {
        m_parameters.append(std::move(value));
        return u"?%1"_s.arg(m_parameters.size());
    }

    // notmuch's rule for its excluded tags: what a query does not name is not searched, so
    // copies that expired (gone from the mailbox, their text usually too) are only found by
    // a query that asks for is:expired.
    static bool mentionsExpired(const QueryNode &n)
    {
        if (n.kind == QueryNode::Kind::Term)
            return n.term.field == QueryField::Is && n.term.text == u"expired"_s;
        for (const QueryNode &c : n.children) {
            if (mentionsExpired(c))
                return true;
        }
        return false;
    }

    Ir build(const QueryNode &n)
    {
        switch (n.kind) {
        case QueryNode::Kind::All:
            return leaf(Ir::Kind::True, {});
        case QueryNode::Kind::And:
        case QueryNode::Kind::Or:
        case QueryNode::Kind::Not: {
            std::vector<Ir> children;
            for (const QueryNode &c : n.children)
                children.push_back(build(c));
            return node(n.kind == QueryNode::Kind::And  ? Ir::Kind::And
                        : n.kind == QueryNode::Kind::Or ? Ir::Kind::Or
                                                        : Ir::Kind::Not,
                        std::move(children));
        }
        case QueryNode::Kind::Term:
            return term(n.term);
        }
        return leaf(Ir::Kind::False, {});
    }

    // An address in an envelope column, as typed: "carol@remote.test" is that address (case
    // aside), "carol" any address with that local part or that domain, "@remote.test" the
    // domain, "car*" addresses that begin so.
    QString addressCondition(const QString &column, const QString &text, bool prefix)
    {
        const QString like = u"%1 LIKE %2 ESCAPE '\\'"_s;
        if (prefix)
            return like.arg(column, parameter(likeEscaped(text) + u'%'));
        if (text.startsWith(u'@'))
            return like.arg(column, parameter(u'%' + likeEscaped(text)));
        if (text.contains(u'@'))
            return u"%1 = %2 COLLATE NOCASE"_s.arg(column, parameter(text));
        return u"(%1 OR %2)"_s.arg(like.arg(column, parameter(likeEscaped(text) + u"@%"_s)),
                                   like.arg(column, parameter(u"%@"_s + likeEscaped(text))));
    }

    QString mailboxCondition(const QString &text, bool prefix)
    {
        const QString like = u"p.mailbox LIKE %1 ESCAPE '\\'"_s;
        if (prefix)
            return like.arg(parameter(likeEscaped(config::mailboxName(text)) + u'%'));
        const qsizetype at = text.lastIndexOf(u'@');
        if (at >= 0) {
            const QString domain = text.mid(at + 1);
            const QString ascii = config::asciiDomain(domain);
            const QString name = config::mailboxName(text.left(at)) + u'@' +
                                 (ascii.isEmpty() ? domain.toLower() : ascii);
            if (at == 0)
                return like.arg(parameter(u'%' + likeEscaped(name)));
            return u"p.mailbox = %1"_s.arg(parameter(name));
        }
        // Every mailbox of that name, whatever its domain: a range of the (mailbox, key) index
        // ('@' sorts just before 'A').
        const QString name = config::mailboxName(text);
        return u"(p.mailbox >= %1 AND p.mailbox < %2)"_s.arg(parameter(name + u'@'),
                                                             parameter(name + u'A'));
    }

    // Words in the text of the body (message_body, which keeps no positions): each of the
    // term's words there, and for more than one word, in that order next to each other in
    // the stored message (tandem_phrase(), search.cpp). With any, also the term in the
    // headers (message_text): one list of messages from both.
    Ir body(const QueryTerm &t, bool any)
    {
        const QStringList words = bodyWords(t.text);
        if (words.isEmpty())
            return any ? leaf(Ir::Kind::Fts, ftsString(t.text, t.prefix))
                       : leaf(Ir::Kind::False, {});
        QStringList quoted;
        for (qsizetype i = 0; i < words.size(); ++i)
            quoted.append(ftsString(words[i], t.prefix && i == words.size() - 1));
        const QString bodyWords = parameter(quoted.join(u" AND "_s));
        QString phrase, probedPhrase;
        if (words.size() > 1) {
            const QString p = parameter(t.text);
            const QString prefix = t.prefix ? u"1"_s : u"0"_s;
            phrase = u" AND tandem_phrase((SELECT sha FROM messages WHERE id = "
                     u"message_body.rowid), %1, %2)"_s.arg(p, prefix);
            probedPhrase = u" AND tandem_phrase(m.sha, %1, %2)"_s.arg(p, prefix);
        }
        const QString inBody =
            u"SELECT rowid FROM message_body WHERE message_body MATCH %1%2"_s.arg(bodyWords,
                                                                                  phrase);
        const QString probeBody =
            u"EXISTS (SELECT 1 FROM message_body WHERE message_body MATCH %1 AND rowid = m.id)%2"_s
                .arg(bodyWords, probedPhrase);
        if (!any)
            return leaf(Ir::Kind::Sql, u"m.id IN (%1)"_s.arg(inBody), u"(%1)"_s.arg(probeBody));
        const QString headers = parameter(ftsString(t.text, t.prefix));
        return leaf(Ir::Kind::Sql,
                    u"m.id IN (SELECT rowid FROM message_text WHERE message_text MATCH %1 UNION "
                    u"ALL %2)"_s.arg(headers, inBody),
                    u"(EXISTS (SELECT 1 FROM message_text WHERE message_text MATCH %1 AND rowid = "
                    u"m.id) OR (%2))"_s.arg(headers, probeBody));
    }

    qint64 seconds(const QDate &day) const
    {
        return QDateTime(day, QTime(0, 0), m_options.timeZone).toSecsSinceEpoch();
    }

    Ir term(const QueryTerm &t)
    {
        const auto fts = [&](const char *column) {
            const QString string = ftsString(t.text, t.prefix);
            return leaf(Ir::Kind::Fts,
                        column ? QLatin1StringView(column) + u" : "_s + string : string);
        };
        const auto sql = [](const QString &text) { return leaf(Ir::Kind::Sql, text); };
        // Envelope addresses have no spaces: a name ("Carol Smith") is only in the text.
        const bool address = !t.phrase || !t.text.contains(u' ');
        switch (t.field) {
        case QueryField::Any:
            return body(t, true);
        case QueryField::Subject:
            return fts("subject");
        case QueryField::Body:
            return body(t, false);
        case QueryField::Attachment:
            return fts("attachments");
        case QueryField::From:
            if (!address)
                return fts("sender");
            return node(Ir::Kind::Or,
                        {fts("sender"),
                         sql(addressCondition(u"COALESCE(e.mail_from, '')"_s, t.text, t.prefix))});
        case QueryField::To:
            // The envelope recipient of each copy: a Bcc recipient is named nowhere else. A
            // Sent copy is delivered to its sender, who did not receive it.
            if (!address)
                return fts("recipients");
            return node(
                Ir::Kind::Or,
                {fts("recipients"), sql(u"(p.folder <> '%1' AND %2)"_s.arg(
                                        QLatin1StringView(kSentFolder),
                                        addressCondition(u"p.delivered_to"_s, t.text, t.prefix)))});
        case QueryField::Mailbox:
            return sql(mailboxCondition(t.text, t.prefix));
        case QueryField::Folder:
            if (t.text.isEmpty() || t.text.compare(u"INBOX"_s, Qt::CaseInsensitive) == 0)
                return sql(u"p.folder = ''"_s);
            return sql(u"p.folder = %1 COLLATE NOCASE"_s.arg(parameter(t.text)));
        case QueryField::Date: {
            // The message's date (kSearchDate) in range: messages_dated has it.
            const QString key = QLatin1StringView(kSearchDate);
            QStringList on;
            if (t.from.isValid())
                on.append(key + u" >= "_s + parameter(seconds(t.from)));
            if (t.until.isValid())
                on.append(key + u" < "_s + parameter(seconds(t.until)));
            if (on.isEmpty())
                return leaf(Ir::Kind::True, {});
            return sql(u"("_s + on.join(u" AND "_s) + u")"_s);
        }
        case QueryField::Has:
            return sql(u"m.attachments > 0"_s);
        case QueryField::Larger:
            return sql(u"m.size > %1"_s.arg(parameter(t.bytes)));
        case QueryField::Smaller:
            return sql(u"m.size < %1"_s.arg(parameter(t.bytes)));
        case QueryField::Is:
            return sql(u"p.state = %1"_s.arg(parameter(t.text)));
        }
        return leaf(Ir::Kind::False, {});
    }

    static Ir simplify(Ir ir)
    {
        if (ir.kind == Ir::Kind::Not) {
            Ir child = simplify(std::move(ir.children.front()));
            if (child.kind == Ir::Kind::True)
                return leaf(Ir::Kind::False, {});
            if (child.kind == Ir::Kind::False)
                return leaf(Ir::Kind::True, {});
            if (child.kind == Ir::Kind::Not)
                return std::move(child.children.front());
            return node(Ir::Kind::Not, {std::move(child)});
        }
        if (ir.kind != Ir::Kind::And && ir.kind != Ir::Kind::Or)
            return ir;
        const bool isAnd = ir.kind == Ir::Kind::And;
        // In an AND, True changes nothing and False decides; in an OR the other way round.
        const Ir::Kind neutral = isAnd ? Ir::Kind::True : Ir::Kind::False;
        const Ir::Kind decisive = isAnd ? Ir::Kind::False : Ir::Kind::True;
        std::vector<Ir> children;
        for (Ir &c : ir.children) {
            Ir s = simplify(std::move(c));
            if (s.kind == neutral)
                continue;
            if (s.kind == decisive)
                return leaf(decisive, {});
            if (s.kind == ir.kind) {
                for (Ir &g : s.children)
                    children.push_back(std::move(g));
            } else {
                children.push_back(std::move(s));
            }
        }
        if (children.empty())
            return leaf(neutral, {});
        if (children.size() == 1)
            return std::move(children.front());
        return node(ir.kind, std::move(children));
    }

    // "(a) OR (b)": each part in parentheses, not the whole.
    static QString joined(const QStringList &parts, const QString &op)
    {
        return u"("_s + parts.join(u") "_s + op + u" ("_s) + u")"_s;
    }

    // The node as one FTS5 expression, when it is made of words only: the words' AND, OR,
    // and NOT after at least one word (FTS5's NOT is binary: "a NOT b").
    static std::optional<QString> ftsOf(const Ir &ir)
    {
        switch (ir.kind) {
        case Ir::Kind::Fts:
            return ir.text;
        case Ir::Kind::And: {
            QStringList positive, negative;
            for (const Ir &c : ir.children) {
                if (auto f = ftsOf(c))
                    positive.append(*f);
                else if (c.kind == Ir::Kind::Not && ftsOf(c.children.front()))
                    negative.append(*ftsOf(c.children.front()));
                else
                    return std::nullopt;
            }
            return combine(positive, negative);
        }
        case Ir::Kind::Or: {
            QStringList parts;
            for (const Ir &c : ir.children) {
                auto f = ftsOf(c);
                if (!f)
                    return std::nullopt;
                parts.append(*f);
            }
            return joined(parts, u"OR"_s);
        }
        default:
            return std::nullopt;
        }
    }

    static std::optional<QString> combine(const QStringList &positive, const QStringList &negative)
    {
        if (positive.isEmpty())
            return std::nullopt;
        QString out = positive.size() == 1 ? positive.front() : joined(positive, u"AND"_s);
        if (!negative.isEmpty())
            out = u"("_s + out + u") NOT ("_s + joined(negative, u"OR"_s) + u")"_s;
        return out;
    }

    // One parameter for each FTS5 expression, whichever form names it.
    QString match(const QString &fts, bool probe, bool in = true)
    {
        QString &name = m_matches[fts];
        if (name.isEmpty())
            name = parameter(fts);
        if (probe)
            return u"%1EXISTS (SELECT 1 FROM message_text WHERE message_text MATCH %2 AND rowid = "
                   u"m.id)"_s.arg(in ? QString() : u"NOT "_s, name);
        return u"m.id %1 (SELECT rowid FROM message_text WHERE message_text MATCH %2)"_s.arg(
            in ? u"IN"_s : u"NOT IN"_s, name);
    }

    QString lower(const Ir &ir, bool probe)
    {
        if (auto fts = ftsOf(ir))
            return match(*fts, probe);
        switch (ir.kind) {
        case Ir::Kind::True:
            return u"1"_s;
        case Ir::Kind::False:
            return u"0"_s;
        case Ir::Kind::Sql: // a comparison, or parenthesized by term()
            return probe ? ir.probe : ir.text;
        case Ir::Kind::Not:
            if (auto fts = ftsOf(ir.children.front()))
                return match(*fts, probe, false);
            return u"NOT "_s + lower(ir.children.front(), probe);
        case Ir::Kind::And: {
            // The words and the words NOT-ed become one MATCH; the rest are conditions.
            QStringList positive, negative, parts;
            for (const Ir &c : ir.children) {
                if (auto f = ftsOf(c))
                    positive.append(*f);
                else if (c.kind == Ir::Kind::Not && ftsOf(c.children.front()))
                    negative.append(*ftsOf(c.children.front()));
            }
            if (!positive.isEmpty())
                parts.append(match(*combine(positive, negative), probe));
            else if (!negative.isEmpty())
                parts.append(
                    match(negative.size() == 1 ? negative.front() : joined(negative, u"OR"_s),
                          probe, false));
            for (const Ir &c : ir.children) {
                const bool word =
                    ftsOf(c) || (c.kind == Ir::Kind::Not && ftsOf(c.children.front()));
                if (!word)
                    parts.append(lower(c, probe));
            }
            return u"("_s + parts.join(u" AND "_s) + u")"_s;
        }
        case Ir::Kind::Or: {
            QStringList words, parts;
            for (const Ir &c : ir.children) {
                if (auto f = ftsOf(c))
                    words.append(*f);
                else
                    parts.append(lower(c, probe));
            }
            if (!words.isEmpty())
                parts.prepend(
                    match(words.size() == 1 ? words.front() : joined(words, u"OR"_s), probe));
            return u"("_s + parts.join(u" OR "_s) + u")"_s;
        }
        case Ir::Kind::Fts:
            break; // ftsOf() took it
        }
        return u"0"_s;
    }

    const CompileOptions &m_options;
    QList<QueryValue> m_parameters;
    QHash<QString, QString> m_matches;
};

QString termString(const QueryTerm &t)
{
    QString value;
    switch (t.field) {
    case QueryField::Date:
        value = (t.from.isValid() ? t.from.toString(Qt::ISODate) : QString()) + u".."_s +
                (t.until.isValid() ? t.until.toString(Qt::ISODate) : QString());
        break;
    case QueryField::Larger:
    case QueryField::Smaller:
        value = QString::number(t.bytes);
        break;
    default:
        value = t.phrase ? u"\""_s + t.text + u"\""_s : t.text;
        if (t.prefix)
            value += u'*';
    }
    return u"("_s + toString(t.field) + u' ' + value + u")"_s;
}

} // namespace

QString toString(QueryField field)
{
    if (field == QueryField::Any)
        return u"any"_s;
    for (const FieldName &f : kFields) {
        if (f.field == field)
            return QLatin1StringView(f.name);
    }
    return {};
}

QString QueryNode::toString() const
{
    switch (kind) {
    case Kind::All:
        return u"(all)"_s;
    case Kind::Term:
        return termString(term);
    case Kind::And:
    case Kind::Or:
    case Kind::Not: {
        QString out = kind == Kind::And ? u"(and"_s : kind == Kind::Or ? u"(or"_s : u"(not"_s;
        for (const QueryNode &c : children)
            out += u' ' + c.toString();
        return out + u')';
    }
    }
    return {};
}

QString QueryError::toString() const
{
    const QString at = Messages::tr("%1 at %2").arg(message).arg(position);
    return hint.isEmpty() ? at : at + u" ("_s + hint + u')';
}

std::optional<QueryNode> parseQuery(const QString &query, QueryError *error)
{
    return Parser(query).parse(error);
}

CompiledQuery compileQuery(const QueryNode &query, const CompileOptions &options)
{
    return Compiler(options).compile(query);
}

std::optional<CompiledQuery> compileQuery(const QString &query, QueryError *error,
                                          const CompileOptions &options)
{
    const auto tree = parseQuery(query, error);
    if (!tree)
        return std::nullopt;
    return compileQuery(*tree, options);
}

} // namespace tandem::archive
