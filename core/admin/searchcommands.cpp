#include "searchcommands.h"

#include "archive/query.h"
#include "mailbox/mailboxstore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace tandem::admin {

namespace {

QString folderName(const QString &folder)
{
    return folder.isEmpty() ? u"INBOX"_s : folder;
}

QString localTime(const QDateTime &time)
{
    return time.isValid() ? time.toLocalTime().toString(u"yyyy-MM-dd HH:mm"_s) : u"-"_s;
}

// A hit's date as the search sorts it: its Date:, else when its first copy was filed.
QDateTime dateOf(const archive::SearchHit &h)
{
    return h.dated;
}

QString addresses(const QList<archive::MailAddress> &list)
{
    QStringList out;
    for (const archive::MailAddress &a : list) {
        if (a.name.isEmpty())
            out.append(a.address);
        else if (a.address.isEmpty())
            out.append(a.name);
        else
            out.append(u"%1 <%2>"_s.arg(a.name, a.address));
    }
    return out.join(u", "_s);
}

QJsonArray addressesJson(const QList<archive::MailAddress> &list)
{
    QJsonArray out;
    for (const archive::MailAddress &a : list)
        out.append(QJsonObject{{u"address"_s, a.address}, {u"name"_s, a.name}});
    return out;
}

QString ellipsis(const QString &text, int width)
{
    const QString line = text.simplified();
    return line.size() <= width ? line : line.left(width - 1) + u'…';
}

// A query that cannot be read is the user's to fix: exit 2 with where it is wrong.
bool checkQuery(const QString &query, QTextStream &err)
{
    archive::QueryError bad;
    if (archive::parseQuery(query, &bad))
        return true;
    err << u"tandemd: the query cannot be read: %1\n"_s.arg(bad.toString());
    return false;
}

} // namespace

QJsonObject toJson(const archive::SearchHit &h)
{
    return {
        {u"id"_s, h.placementId},
        {u"mailbox"_s, h.mailbox},
        {u"folder"_s, folderName(h.folder)},
        {u"delivered_to"_s, h.deliveredTo},
        {u"mail_from"_s, h.mailFrom},
        {u"sha256"_s, h.sha256},
        {u"from"_s, h.fromAddr},
        {u"from_name"_s, h.fromName},
        {u"subject"_s, h.subject},
        {u"message_id"_s, h.messageId},
        {u"state"_s, h.state},
        {u"date"_s, h.date.isValid() ? h.date.toString(Qt::ISODate) : QJsonValue()},
        {u"filed"_s, h.filed.toString(Qt::ISODate)},
        {u"size"_s, h.size},
        {u"attachments"_s, h.attachments},
    };
}

int archiveSearch(const archive::Archive &archive, const QString &query, bool json, int limit,
                  QTextStream &out, QTextStream &err)
{
    if (!checkQuery(query, err))
        return 2;
    QString error;
    const QList<archive::SearchHit> hits = archive.search(query, {}, nullptr, limit, &error);
    const qint64 total = error.isEmpty() ? archive.countMatches(query, &error) : -1;
    if (!error.isEmpty()) {
        err << u"tandemd: %1\n"_s.arg(error);
        return 1;
    }
    if (json) {
        QJsonArray list;
        for (const archive::SearchHit &h : hits)
            list.append(toJson(h));
        out << QJsonDocument(QJsonObject{{u"total"_s, total}, {u"hits"_s, list}})
                   .toJson(QJsonDocument::Indented);
        return 0;
    }
    if (!hits.isEmpty())
        out << u"%1  %2  %3  %4  %5  %6\n"_s.arg(u"ID"_s, -8)
                   .arg(u"DATE"_s, -16)
                   .arg(u"MAILBOX FOLDER"_s, -32)
                   .arg(u"STATE"_s, -8)
                   .arg(u"FROM"_s, -28)
                   .arg(u"SUBJECT"_s);
    for (const archive::SearchHit &h : hits) {
        out << u"%1  %2  %3  %4  %5  %6\n"_s.arg(h.placementId, -8)
                   .arg(localTime(dateOf(h)), -16)
                   .arg(ellipsis(h.mailbox + u' ' + folderName(h.folder), 32), -32)
                   .arg(h.state, -8)
                   .arg(ellipsis(h.fromAddr.isEmpty() ? h.fromName : h.fromAddr, 28), -28)
                   .arg(ellipsis(h.subject, 60));
    }
    if (total > hits.size())
        out << u"%1 of %2 shown (--limit N shows more)\n"_s.arg(hits.size()).arg(total);
    else
        out << u"%1 found\n"_s.arg(total);
    return 0;
}

int archiveShow(const archive::Archive &archive, qint64 placementId, bool json, QTextStream &out,
                QTextStream &err)
{
    QString error;
    const std::optional<archive::MessageDetails> d = archive.details(placementId, &error);
    if (!d) {
        err << u"tandemd: %1\n"_s.arg(error);
        return 1;
    }
    const archive::ExtractedMessage &m = d->message;
    if (json) {
        QJsonArray copies;
        for (const archive::SearchHit &c : d->copies)
            copies.append(toJson(c));
        QJsonObject o = toJson(d->hit);
        o.insert(u"stored"_s, d->stored);
        o.insert(u"header_from"_s, addressesJson(m.from));
        o.insert(u"header_to"_s, addressesJson(m.to));
        o.insert(u"header_cc"_s, addressesJson(m.cc));
        o.insert(u"header_bcc"_s, addressesJson(m.bcc));
        o.insert(u"attachment_names"_s, QJsonArray::fromStringList(m.attachmentNames));
        o.insert(u"text"_s, m.body);
        o.insert(u"text_truncated"_s, m.truncated);
        o.insert(u"copies"_s, copies);
        out << QJsonDocument(o).toJson(QJsonDocument::Indented);
        return 0;
    }
    const archive::SearchHit &h = d->hit;
    out << u"placement %1: %2 %3, %4, filed %5\n"_s.arg(h.placementId)
               .arg(h.mailbox, folderName(h.folder), h.state, localTime(h.filed));
    out << u"envelope: from <%1> for <%2>\n"_s.arg(h.mailFrom, h.deliveredTo);
    out << u"From: %1\n"_s.arg(addresses(m.from));
    if (!m.to.isEmpty())
        out << u"To: %1\n"_s.arg(addresses(m.to));
    if (!m.cc.isEmpty())
        out << u"Cc: %1\n"_s.arg(addresses(m.cc));
    if (!m.bcc.isEmpty())
        out << u"Bcc: %1\n"_s.arg(addresses(m.bcc));
    out << u"Date: %1\n"_s.arg(h.date.isValid() ? h.date.toLocalTime().toString(Qt::RFC2822Date)
                                                : u"(none)"_s);
    out << u"Subject: %1\n"_s.arg(m.subject);
    if (!m.messageId.isEmpty())
        out << u"Message-ID: <%1>\n"_s.arg(m.messageId);
    out << u"size %1 bytes, %2 attachment(s)%3\n"_s.arg(h.size)
               .arg(m.attachments)
               .arg(m.attachmentNames.isEmpty() ? QString()
                                                : u": "_s + m.attachmentNames.join(u", "_s));
    out << u"copies (%1):\n"_s.arg(d->copies.size());
    for (const archive::SearchHit &c : d->copies)
        out << u"  %1  %2 %3  for <%4>  %5\n"_s.arg(c.placementId, -8)
                   .arg(c.mailbox, folderName(c.folder), c.deliveredTo, c.state);
    if (!d->stored) {
        out << "\n(expired: the message itself is no longer kept)\n";
        return 0;
    }
    out << '\n' << m.body;
    if (!m.body.endsWith(u'\n'))
        out << '\n';
    if (m.truncated)
        out << "(the text goes on beyond what the index reads)\n";
    return 0;
}

int archiveCopy(archive::Archive &archive, mailbox::MailboxStore &mailboxes,
                const QList<qint64> &placementIds, const QString &toMailbox,
                archive::CopyBackFolder folder, const QString &who, QTextStream &out,
                QTextStream &err)
{
    int failed = 0;
    for (const qint64 id : placementIds) {
        QString error;
        const auto copy = archive.copyBack(id, mailboxes, toMailbox, folder, who, &error);
        if (!copy) {
            err << u"tandemd: %1\n"_s.arg(error);
            ++failed;
            continue;
        }
        out << u"placement %1 copied to %2 %3 (placement %4)\n"_s.arg(id)
                   .arg(copy->mailbox, folderName(copy->folder))
                   .arg(copy->id);
    }
    if (placementIds.size() > 1)
        out << u"%1 copied, %2 failed\n"_s.arg(placementIds.size() - failed).arg(failed);
    return failed == 0 ? 0 : 1;
}

int archiveExportQuery(archive::Archive &archive, const QString &query,
                       archive::ExportFormat format, const QString &path, const QString &who,
                       QTextStream &out, QTextStream &err)
{
    if (!checkQuery(query, err))
        return 2;
    // Every hit, oldest first, a page at a time (each page costs what the first did).
    archive::SearchSort oldestFirst;
    oldestFirst.ascending = true;
    QList<qint64> ids;
    QString error;
    std::optional<archive::SearchHit> last;
    for (;;) {
        const QList<archive::SearchHit> page =
            archive.search(query, oldestFirst, last ? &*last : nullptr, 1000, &error);
        if (!error.isEmpty()) {
            err << u"tandemd: %1\n"_s.arg(error);
            return 1;
        }
        for (const archive::SearchHit &h : page)
            ids.append(h.placementId);
        if (page.size() < 1000)
            break;
        last = page.last();
    }
    const archive::ExportReport r = archive.exportPlacements(ids, format, path, who, nullptr, {});
    for (const QString &f : r.failures)
        err << u"tandemd: not exported: %1\n"_s.arg(f);
    if (!r.error.isEmpty()) {
        err << u"tandemd: %1\n"_s.arg(r.error);
        return 1;
    }
    out << u"%1 exported, %2 failed, to %3\n"_s.arg(r.exported).arg(r.failures.size()).arg(path);
    return r.ok() ? 0 : 1;
}

} // namespace tandem::admin
