#pragma once

#include <QByteArray>
#include <QString>

// Reading a message's header fields for people: unfolded, RFC 2047 encoded words decoded
// (any charset iconv knows), raw UTF-8 (RFC 6532) taken as it is.
namespace tandem::mail {

// The longest field value kept: a subject is for a table cell and a details window.
constexpr qsizetype kMaxFieldBytes = 8 * 1024;

// A field's raw value (after the colon, folds and all) as text: unfolded, encoded words
// decoded, control characters made spaces, outer white space trimmed.
QString decodeHeaderText(const QByteArray &raw);

// The first occurrence of the field (case-insensitive name, without the colon) in a header
// section (CRLF or LF line ends; the section may be followed by the body), decoded; an
// empty string when there is none.
QString headerField(const QByteArray &message, const QByteArray &name);

} // namespace tandem::mail
