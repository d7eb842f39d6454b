#include "archivetext.h"

#include <QLocale>
#include <QStringList>

using namespace Qt::StringLiterals;

namespace tandem::ui {

QString ArchiveText::size(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat);
}

QString ArchiveText::date(const QDateTime &when)
{
    if (!when.isValid())
        return tr("never");
    return QLocale().toString(when.toLocalTime(), QLocale::ShortFormat);
}

QString ArchiveText::progress(const archive::RunReport &r)
{
    const QLocale locale;
    return tr("Archiving: %1 examined, %2 archived…")
        .arg(locale.toString(r.examined), locale.toString(r.archived + r.movedToFolder));
}

QString ArchiveText::finished(const archive::RunReport &r)
{
    const QLocale locale;
    QStringList parts{tr("%1 examined").arg(locale.toString(r.examined)),
                      tr("%1 archived").arg(locale.toString(r.archived + r.movedToFolder))};
    if (r.deleted)
        parts.append(tr("%1 deleted").arg(locale.toString(r.deleted)));
    if (r.expired)
        parts.append(tr("%1 expired").arg(locale.toString(r.expired)));
    if (r.keptOnHold)
        parts.append(tr("%1 kept on hold").arg(locale.toString(r.keptOnHold)));
    QString text = r.interrupted ? tr("Archive maintenance interrupted: %1.")
                                 : tr("Archive maintenance done: %1.");
    text = text.arg(parts.join(u", "_s));
    if (!r.errors.isEmpty())
        text +=
            u' ' +
            tr("%n error(s), the first: %1", nullptr, int(r.errors.size())).arg(r.errors.first());
    return text;
}

QString ArchiveText::verified(const archive::VerifyReport &r)
{
    const QLocale locale;
    if (r.ok())
        return tr("Archive verified: %1 messages and %2 ledger entries, all intact.")
            .arg(locale.toString(r.blobsChecked), locale.toString(r.entriesChecked));
    const archive::VerifyProblem &first = r.problems.first();
    return tr("Archive verification found %n problem(s), the first: %1", nullptr,
              int(r.problems.size()))
        .arg(u"%1 %2 %3"_s.arg(first.mailbox, first.what, first.detail).simplified());
}

QString ArchiveText::hold(const archive::Hold &h)
{
    return tr("Since %1, by %2: %3").arg(date(h.since), h.who, h.reason);
}

} // namespace tandem::ui
