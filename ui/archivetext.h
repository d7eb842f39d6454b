#pragma once

#include "archive/archive.h"
#include "archive/search.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QString>

namespace tandem::ui {

// The archive's figures and reports in the console's words, shared by the status bar and the
// Mailboxes dialog's Archive tab: sizes in KB/MB/GB, dates in the locale's short format.
class ArchiveText {
    Q_DECLARE_TR_FUNCTIONS(ArchiveText)
public:
    static QString size(qint64 bytes);
    static QString date(const QDateTime &when); // "never" when invalid
    // "Archiving: 1,234 examined, 56 archived…"
    static QString progress(const archive::RunReport &report);
    // "Archive maintenance done: 1,234 examined, 56 archived, 3 expired."
    static QString finished(const archive::RunReport &report);
    static QString verified(const archive::VerifyReport &report);
    // "Since 1/12/26 10:00, by console, user anna: litigation 2026-17"
    static QString hold(const archive::Hold &hold);
    // Who the ledger records for what the console does: "console, user anna".
    static QString consoleUser();
    // "INBOX" for the inbox (""), else the folder's name.
    static QString folder(const QString &folder);
    // A placement's state ("live", "archived", "expired"), in the console's language.
    static QString state(const QString &state);
    // A search hit named for a report: "alice@example.com, INBOX, “Subject” of 3/5/26 10:00".
    static QString placement(const archive::SearchHit &hit);
};

} // namespace tandem::ui
