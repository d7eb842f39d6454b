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

QString ArchiveText::consoleUser()
{
    QString login = qEnvironmentVariable("USER");
    if (login.isEmpty())
        login = qEnvironmentVariable("LOGNAME", qEnvironmentVariable("USERNAME"));
    return u"console, user "_s + login; // the ledger's words, not translated
}

QString ArchiveText::folder(const QString &folder)
{
    return folder.isEmpty() ? u"INBOX"_s : folder;
}

QString ArchiveText::state(const QString &state)
{
    if (state == u"live"_s)
        return tr("live");
    if (state == u"archived"_s)
        return tr("archived");
    if (state == u"expired"_s)
        return tr("expired");
    return state;
}

QString ArchiveText::placement(const archive::SearchHit &hit)
{
    const QDateTime when = hit.date.isValid() ? hit.date : hit.filed;
    return tr("%1, %2, “%3” of %4").arg(hit.mailbox, folder(hit.folder), hit.subject, date(when));
}

} // namespace tandem::ui
