#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

// What the search index (indexschema.h) takes from a message: its addresses, subject, date and
// Message-ID, the decoded text of its text parts and its attachments' names. MIME is read by
// GMime 3; the result is a function of the message's bytes alone (and this code), because the
// index's rows are deleted by giving FTS5 the same values again, extracted again from the blob.
namespace tandem::archive {

// Bump when a change here changes what is extracted from the same bytes: an index built by
// another version is rebuilt (tandemd archive reindex), since deleting its rows needs the
// values they were made from.
inline constexpr int kExtractorVersion = 2; // 2: a multipart without parts gives its body

// The text indexed per message (its body column), in UTF-8 bytes: a 30 MB attachment that is
// text costs the index this much, not 30 MB. Text beyond it is not searchable.
inline constexpr qsizetype kMaxIndexedTextBytes = 1024 * 1024;

struct MailAddress {
    QString address; // the addr-spec, lower-case ("" when the field had only a name)
    QString name;    // the display name, decoded (RFC 2047); "" when none
};

struct ExtractedMessage {
    QList<MailAddress> from;
    QList<MailAddress> sender; // Sender:
    QList<MailAddress> to;
    QList<MailAddress> cc;
    QList<MailAddress> bcc;
    QString subject;            // decoded, one line
    std::optional<qint64> date; // Date: in seconds since the epoch (UTC); none when unreadable
    QString messageId;          // without the angle brackets
    // The decoded text of every text part (HTML reduced to text; a text/html alternative to a
    // text/plain is left out), parts separated by a blank line; at most kMaxIndexedTextBytes.
    QString body;
    bool truncated = false;      // text was left out for the cap
    QStringList attachmentNames; // decoded (RFC 2231, RFC 2047); parts without a name add none
    int attachments = 0;         // attachment parts, named or not
};

ExtractedMessage extractMessage(const QByteArray &original);

// The envelope sender of a copy, from its prefix's Return-Path: line ("" for the null sender
// <>), lower-case; none when the prefix has no such line (copies filed before it was written).
std::optional<QString> envelopeSender(const QByteArray &prefix);

// HTML as the text a reader sees: tags dropped, script and style contents dropped, character
// references decoded, white space collapsed (a block element ends a line).
QString htmlToText(const QString &html);

} // namespace tandem::archive
