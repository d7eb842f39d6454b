#pragma once

#include "archive/archive.h"

#include <QStringList>
#include <QTextStream>

namespace tandem::mailbox {
class MailboxStore;
}

// tandemd archive search | show | copy | export QUERY (docs/archive.md "Searching", "Copy back
// and export"): the archive's search from the command line, on the catalog the daemon shares.
// Each returns the exit code: 0, 1 when something asked for could not be done (each named on
// err), 2 for a query that cannot be read.
namespace tandem::admin {

// The hits, newest first, at most limit of them, then "N of M shown"; JSON: {"total", "hits"}.
int archiveSearch(const archive::Archive &archive, const QString &query, bool json, int limit,
                  QTextStream &out, QTextStream &err);
// One placement: its copy, the message's headers, attachments, every copy, the text.
int archiveShow(const archive::Archive &archive, qint64 placementId, bool json, QTextStream &out,
                QTextStream &err);
// A new copy of each placement in the mailbox (its INBOX, or Restored).
int archiveCopy(archive::Archive &archive, mailbox::MailboxStore &mailboxes,
                const QList<qint64> &placementIds, const QString &toMailbox,
                archive::CopyBackFolder folder, const QString &who, QTextStream &out,
                QTextStream &err);
// Every placement the query finds, oldest first, into the file or folder; prints the count
// exported and names each failure.
int archiveExportQuery(archive::Archive &archive, const QString &query,
                       archive::ExportFormat format, const QString &path, const QString &who,
                       QTextStream &out, QTextStream &err);

QJsonObject toJson(const archive::SearchHit &hit);

} // namespace tandem::admin
