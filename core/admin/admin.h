#pragma once

#include "config/settings.h"

#include <QStringList>
#include <QTextStream>

#include <functional>

// The headless administration commands of tandemd (PRODUCT.md §2): users and the queue.
// They work on the configuration file and the data folder, whether or not a daemon runs.
namespace tandem::admin {

using PasswordReader = std::function<std::optional<QByteArray>(const QString &prompt)>;

// user add NAME | user passwd NAME | user del NAME | user list. Returns the exit code.
int userCommand(const QString &configPath, const QStringList &args, const PasswordReader &read,
                QTextStream &out, QTextStream &err);

// queue list [--json] | queue retry|hold|release|delete|bounce ID... | ... --all.
// On a running daemon an operation is handed to it and takes effect within a second.
int queueCommand(const config::Settings &settings, const QStringList &args, bool json, bool all,
                 QTextStream &out, QTextStream &err);

QJsonArray outboxToJson(const config::Settings &settings);

} // namespace tandem::admin
