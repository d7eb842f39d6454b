#pragma once

// The search index of issue 14, in the catalog's own database (catalog.sqlite), so that one
// transaction makes a copy stored *and* searchable: the index cannot drift from the store.
//
// - messages: one row per distinct message (blob) indexed: what a result line shows and what
//   the query language filters on besides words. Its id is the FTS rowid.
// - message_text: the header words (FTS5, contentless: the text is not stored twice, only its
//   index; what a hit shows comes from messages and the blob), with their positions, so that
//   phrases match exactly. Columns, as the query language names them: sender (From: and
//   Sender: addresses and names, and the envelope senders), recipients (To:, Cc:, Bcc:
//   addresses and names, and the envelope recipients of the placements filed with it, but
//   not a Sent copy's, whose Delivered-To: is the sender), subject, attachments (the
//   attachments' file names).
// - message_body: the decoded text of every text part (HTML reduced to text), FTS5 with
//   detail=none: which messages hold a word, without where. Nine tenths of the index's size
//   are word positions in bodies (schema 1 kept them: the index was 0.93 of the compressed
//   store; without them 0.12), so a phrase in a body is found by its words here and then
//   checked against the stored message itself (tandem_phrase(), search.cpp).
// - envelopes: each placement's envelope sender (MAIL FROM, "" for the null sender), read from
//   the Return-Path: of the copy's prefix; a placement's envelope recipient is its
//   delivered_to.
//
// A message is indexed when its blob is added (filing, a maintenance run recording a file,
// an import), in the same transaction; `tandemd archive reindex` rebuilds the tables
// from the blobs and placements alone. A catalog with an older index schema loses its index
// when opened (catalog.cpp) and the next maintenance run, or reindex, builds it again. The
// FTS rows of a blob that expiry removes are deleted with its messages row (the 'delete'
// command needs the indexed values: they are extracted again from the blob before it goes).
namespace tandem::archive {

inline constexpr int kIndexSchemaVersion = 2; // meta "index_schema"

// The folder of a sender's own copy (the router's Sent copy): its delivered_to is the sender.
inline constexpr char kSentFolder[] = "Sent";

inline constexpr const char kIndexSchema[] = R"(
CREATE TABLE IF NOT EXISTS messages(
    id INTEGER PRIMARY KEY,
    sha TEXT NOT NULL UNIQUE REFERENCES blobs(sha),
    date INTEGER,
    from_addr TEXT NOT NULL,
    from_name TEXT NOT NULL,
    to_addrs TEXT NOT NULL,
    subject TEXT NOT NULL,
    message_id TEXT NOT NULL,
    size INTEGER NOT NULL,
    attachments INTEGER NOT NULL,
    text_bytes INTEGER NOT NULL,
    indexed INTEGER NOT NULL,
    dated INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS messages_dated ON messages(dated);
CREATE INDEX IF NOT EXISTS messages_size ON messages(size);
CREATE VIRTUAL TABLE IF NOT EXISTS message_text USING fts5(
    sender, recipients, subject, attachments,
    content='', tokenize='unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE IF NOT EXISTS message_body USING fts5(
    body, content='', detail=none, tokenize='unicode61 remove_diacritics 2');
CREATE TABLE IF NOT EXISTS envelopes(
    placement_id INTEGER PRIMARY KEY REFERENCES placements(id),
    mail_from TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS envelopes_from ON envelopes(mail_from);
CREATE INDEX IF NOT EXISTS placements_delivered_to ON placements(delivered_to);
CREATE INDEX IF NOT EXISTS placements_filed ON placements(filed);
)";

// messages columns: date is the Date: header in seconds since the epoch (UTC), NULL when the
// message has none or it cannot be read (the query's date: then uses the placement's filed
// time); from_addr the lower-case addr-spec of From: ("" when none); from_name its decoded
// display name; to_addrs the lower-case addr-specs of To: and Cc:, separated by ", ";
// subject decoded (RFC 2047), "" when none; message_id without the angle brackets; size the
// original bytes; attachments the number of attachment parts; text_bytes the bytes of text
// indexed (the body column's); indexed when (seconds since the epoch, UTC); dated what the
// query's date: and the order of results take: date, else when the message's first copy was
// filed (seconds, UTC).

} // namespace tandem::archive
