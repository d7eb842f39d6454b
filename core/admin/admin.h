#pragma once

#include "config/settings.h"

#include <QStringList>
#include <QTextStream>

#include <functional>

// The headless administration commands of tandemd (PRODUCT.md §2): users and the queue.
// They work on the configuration file and the data folder, whether or not a daemon runs.
namespace tandem::admin {

using PasswordReader = std::function<std::optional<QByteArray>(const QString &prompt)>;

// user add NAME | user passwd NAME | user del NAME | user list. Returns the exit code. A daemon
// running on the configuration's data folder is told to reload (reloadCommand).
int userCommand(const QString &configPath, const QStringList &args, const PasswordReader &read,
                QTextStream &out, QTextStream &err);

// queue list [--json] | queue retry|hold|release|delete|bounce ID... | ... --all.
// On a running daemon an operation is handed to it and takes effect within a second.
int queueCommand(const config::Settings &settings, const QStringList &args, bool json, bool all,
                 QTextStream &out, QTextStream &err);

// reload: the daemon running on the data folder reads its configuration file again, as on
// SIGHUP, and answers whether it took it (like postfix reload, but waiting for the answer).
// quietWhenStopped: no daemon running is no error (user add ... calls it after a change).
int reloadCommand(const config::Settings &settings, bool quietWhenStopped, QTextStream &out,
                  QTextStream &err);

// archive status [--json] | run [--mailbox M] | verify [--mailbox M]
// | hold|release MAILBOX|--all --reason TEXT
// | import --mailbox M (--mbox FILE | --maildir DIR | --eml DIR) [--folder F].
// run and verify are the running daemon's work when one runs (through spool/control/, as queue
// operations), else done here with the data folder locked; the others use the catalog, which
// the daemon shares safely.
// search QUERY [--json] [--limit N] | show ID [--json] | copy ID... --to MAILBOX
// [--folder INBOX|Restored] | export QUERY (--mbox FILE | --eml DIR | --zip FILE): the search
// (searchcommands.h); export MAILBOX --mbox FILE, as before, is the query mailbox:MAILBOX.
struct ArchiveOptions {
    bool json = false;
    bool all = false;
    QString mailbox;
    QString reason;
    QString mbox;
    QString eml; // export's folder of .eml files; import's source
    QString zip;
    QString to;
    QString folder; // copy's INBOX or Restored; import's folder to import into ("" for INBOX)
    QString limit;
    QString maildir; // import's source besides --mbox and --eml
};
int archiveCommand(const config::Settings &settings, const QStringList &args,
                   const ArchiveOptions &options, QTextStream &out, QTextStream &err);

QJsonArray outboxToJson(const config::Settings &settings);

} // namespace tandem::admin
