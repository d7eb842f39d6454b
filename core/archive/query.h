#pragma once

#include <QDate>
#include <QList>
#include <QString>
#include <QTimeZone>

#include <optional>
#include <variant>
#include <vector>

// The archive's query language (issue 14, docs/archive.md "Searching"), shared by the
// console's Search for Message window and `tandemd archive search`: a query string is parsed
// into a tree (parseQuery), and the tree compiled into one SQL condition over the search
// index of indexschema.h (compileQuery) whose user input is all in bound parameters; search.h
// runs it.
//
//   from:carol subject:"quarterly report" date:2026-01..2026-03 -is:archived
//   (to:bob OR to:dave) has:attachment larger:5M
namespace tandem::archive {

// What a term searches. Any is a free word or phrase (every indexed text).
enum class QueryField {
    Any,
    From,
    To,
    Subject,
    Body,
    Attachment,
    Mailbox,
    Folder,
    Date,
    Has,
    Larger,
    Smaller,
    Is
};
QString toString(QueryField field); // "from", ..., "any" for a free word

struct QueryTerm {
    QueryField field = QueryField::Any;
    QString text;        // as typed, without the quotes and the prefix star
    bool phrase = false; // "quoted"
    bool prefix = false; // word*: any word that begins so
    // date: the days [from, until) in the compile's time zone; an invalid end is open.
    QDate from;
    QDate until;
    qint64 bytes = 0; // larger:, smaller:
};

struct QueryNode {
    // All matches every placement: the empty query, or a word without letters or digits
    // (punctuation is not indexed, so "-" in "Project - Status" asks for nothing).
    enum class Kind { All, And, Or, Not, Term };
    Kind kind = Kind::All;
    std::vector<QueryNode> children; // And, Or: two or more; Not: one
    QueryTerm term;
    int position = 0; // 1-based, in characters (code points) of the query

    // A canonical form for tests and logs: (and (from "carol") (not (any "x"*)))
    QString toString() const;
};

struct QueryError {
    QString message;          // "unclosed quote"
    int position = 0;         // 1-based, in characters (code points)
    QString hint;             // what to do instead, when there is more to say
    QString toString() const; // "unclosed quote at 17", then the hint in parentheses
};

std::optional<QueryNode> parseQuery(const QString &query, QueryError *error);

struct CompileOptions {
    // The day a date: names begins at midnight in this zone: the administrator's, by default.
    QTimeZone timeZone = QTimeZone::systemTimeZone();
};

using QueryValue = std::variant<qint64, QString>;

// What a compiled condition is written over: each placement with its message (a placement
// whose message is not indexed is not found) and its envelope sender, when one was read.
inline constexpr char kSearchFrom[] = "placements p JOIN messages m ON m.sha = p.sha "
                                      "LEFT JOIN envelopes e ON e.placement_id = p.id";
// A placement's date: its message's Date:, else when the message's first copy was filed (in
// seconds, UTC; indexschema.h).
inline constexpr char kSearchDate[] = "m.dated";

// A condition for the WHERE clause of a statement over kSearchFrom (search.cpp builds it). Its
// parameters are numbered: ?1 is parameters[0]; the statement's own come after them.
struct CompiledQuery {
    QString where;
    QList<QueryValue> parameters;
    // The same condition for a statement that looks at few messages (search.cpp's walk by
    // date): each word list probed for the message (EXISTS ... rowid = m.id) where `where`
    // reads it whole (m.id IN (SELECT rowid ...)). Same parameters. Empty: no walk.
    QString probe;
};

CompiledQuery compileQuery(const QueryNode &query, const CompileOptions &options = {});
// Both steps: std::nullopt with *error when the query does not parse.
std::optional<CompiledQuery> compileQuery(const QString &query, QueryError *error,
                                          const CompileOptions &options = {});

} // namespace tandem::archive
