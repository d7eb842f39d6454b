#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

// Mailbox addresses and paths of RFC 5321 §4.1.2, with the UTF-8 local parts and domains of
// SMTPUTF8 (RFC 6531 §3.3). A domain is kept in its ASCII (A-label) form.
namespace tandem::smtp {

struct Address {
    QString localPart; // the local part's value: quotes and quoted-pairs removed; UTF-8 allowed
    QString domain;    // lower case, A-labels; "[192.0.2.1]" for an address literal
    bool domainIsLiteral = false;

    bool isNull() const { return localPart.isEmpty() && domain.isEmpty(); }
    // Whether it can go to a server without SMTPUTF8 (the domain always can).
    bool isAscii() const;
    // The address as it goes on the wire, quoting the local part where RFC 5321 requires it.
    QString toString() const;
    bool operator==(const Address &other) const = default;
};

struct PathResult {
    std::optional<Address> address; // set when the path parsed
    QByteArray rest;                // text after the closing '>' (the ESMTP parameters)
    QString error;                  // why it did not parse
};

// Parses "<local@domain>" (optionally with a source route, which is discarded as §4.1.2
// allows), or "<>" when allowNull. Surrounding text after '>' is returned in rest.
PathResult parsePath(const QByteArray &text, bool allowNull);

// Parses a bare "local@domain" (used for configuration and tests).
std::optional<Address> parseMailbox(const QString &text);

bool isAtext(char c);

// No character over 127: text that goes to a server without SMTPUTF8 as it is.
bool isAscii(const QString &text);

} // namespace tandem::smtp
