#pragma once

#include "archive/archive.h"

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
};

} // namespace tandem::ui
