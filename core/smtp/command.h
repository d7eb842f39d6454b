#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

// Splitting a command line into verb and argument, and ESMTP parameters (RFC 5321 §4.1.2).
namespace tandem::smtp {

struct Command {
    QByteArray verb;     // upper case
    QByteArray argument; // everything after the first space, as sent
};

struct Parameter {
    QByteArray keyword; // upper case
    QByteArray value;   // empty when the parameter has no "="
};

Command parseCommand(const QByteArray &line);

// "FROM:" / "TO:" prefix, case-insensitive, optional space after the colon (as Postfix allows).
std::optional<QByteArray> stripPrefix(const QByteArray &argument, const QByteArray &prefix);

// esmtp-param *(SP esmtp-param); nullopt with *error on bad syntax.
std::optional<QList<Parameter>> parseParameters(const QByteArray &text, QString *error);

} // namespace tandem::smtp
