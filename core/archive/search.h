#pragma once

#include "query.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

#include <functional>
#include <optional>

struct sqlite3;

// Runs a compiled query (query.h) on the catalog's database: the placements it finds, a page
// at a time in the order asked, and how many there are. Each copy in each mailbox is a hit of
// its own. SqliteCatalog hands its connection here once the index is in the catalog.
namespace tandem::archive {

struct SearchHit {
    qint64 placementId = 0;
    QString mailbox;
    QString folder; // "" for INBOX
    QString deliveredTo;
    QString mailFrom; // the copy's envelope sender; "" for the null sender or when unknown
    QString sha256;
    QString fromAddr;
    QString fromName;
    QString subject;
    QString messageId;
    QString state;   // "live", "archived", "expired"
    QDateTime date;  // the message's Date: (UTC); invalid when it has none
    QDateTime dated; // what date: and the order by date take: date, else the first copy filed
    QDateTime filed; // when the copy entered the store
    qint64 size = 0;
    int attachments = 0;
};

struct SearchSort {
    // Date is SearchHit::dated; Sender the From: address.
    // Equal keys are ordered by placement id, in the same direction.
    enum class Key { Date, Size, Sender };
    Key key = Key::Date;
    bool ascending = false;
};

// A page of hits: skipping offset, at most limit (all with a negative limit). On failure
// *error says why (and the list is empty); it is cleared on success.
QList<SearchHit> runSearch(sqlite3 *db, const CompiledQuery &query, const SearchSort &sort,
                           qint64 offset, int limit, QString *error);
// The page that follows the hit last (the previous page's last row), for the same query and
// sort: its cost does not grow with the depth of the page, as an offset's does.
QList<SearchHit> runSearchAfter(sqlite3 *db, const CompiledQuery &query, const SearchSort &sort,
                                const SearchHit &last, int limit, QString *error);
// How many placements the query finds; -1 with *error on failure. With messages, also how
// many distinct messages those are copies of.
qint64 countSearch(sqlite3 *db, const CompiledQuery &query, QString *error,
                   qint64 *messages = nullptr);

// The decoded text of a stored message's body (what message_body indexed), by its SHA-256;
// std::nullopt when it cannot be read.
using BodyReader = std::function<std::optional<QString>(const QString &sha256)>;
// Makes tandem_phrase(sha, phrase, prefix) known to db's statements: 1 when the words of
// phrase, split by FTS5's own tokenizer as message_body splits a body, come in that order next
// to each other in the message's body (the last one only beginning so when prefix is 1). The
// query compiler asks it of the messages that have every word of a phrase (message_body keeps
// no positions); each answer is remembered for the last few thousand (message, phrase) pairs.
bool addPhraseFunction(sqlite3 *db, BodyReader reader, QString *error);

// The statements the calls above prepare (for EXPLAIN QUERY PLAN in tests and the benchmark).
QByteArray searchStatement(const CompiledQuery &query, const SearchSort &sort, bool after);
QByteArray countStatement(const CompiledQuery &query, bool messages = false);

} // namespace tandem::archive
