#include "mailboxsize.h"

#include "mailboxstore.h"

#include "util/fsutil.h"
#include "util/log.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMutexLocker>

using namespace Qt::StringLiterals;

namespace tandem::mailbox {

namespace {

constexpr qint64 kMiB = 1024 * 1024;
constexpr qint64 kFreshMs = 60 * 1000; // a measured figure's life, divided by the time scale

QString mib(qint64 bytes)
{
    return QString::number(double(bytes) / double(kMiB), 'f', 2) + u" MiB"_s;
}

SizeLevel levelOf(qint64 size, const config::ArchivePolicy &policy)
{
    const qint64 cap = qint64(policy.maxSizeMb) * kMiB;
    if (cap <= 0)
        return SizeLevel::Below;
    if (size >= cap)
        return SizeLevel::Full;
    return size * 100 >= cap * policy.warnPercent ? SizeLevel::Warning : SizeLevel::Below;
}

// One entry per mailbox however its address was written ("Bob@Example.COM", "bob@example.com").
QString key(const QString &mailbox)
{
    const qsizetype at = mailbox.lastIndexOf(u'@');
    const QString domain = config::asciiDomain(mailbox.mid(at + 1));
    return config::mailboxName(mailbox.left(at)) + u'@' +
           (domain.isEmpty() ? mailbox.mid(at + 1).toLower() : domain);
}

SizeLevel readMarker(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return SizeLevel::Below;
    return file.readAll().trimmed() == "full" ? SizeLevel::Full : SizeLevel::Warning;
}

void writeMarker(const QString &mailboxPath, SizeLevel level)
{
    if (!QFileInfo(mailboxPath).isDir())
        return;
    const QString path = mailboxPath + u'/' + MailboxSizes::markerName();
    QString error;
    if (level == SizeLevel::Below) {
        if (!QFile::remove(path) && QFile::exists(path))
            log::warning(u"mailbox"_s, u"cannot remove %1"_s.arg(path));
    } else if (!fsutil::writeDurably(path, toString(level).toUtf8() + '\n', &error, false)) {
        log::warning(u"mailbox"_s, u"cannot record the size notice: "_s + error);
    }
}

} // namespace

QString toString(SizeLevel level)
{
    switch (level) {
    case SizeLevel::Below:
        return u"below"_s;
    case SizeLevel::Warning:
        return u"warning"_s;
    case SizeLevel::Full:
        break;
    }
    return u"full"_s;
}

MailboxSizes::MailboxSizes(const QString &root, QObject *parent)
    : QObject(parent)
    , m_root(root)
{
    m_clock.start();
}

bool MailboxSizes::refusesWhenFull(const config::Settings &s)
{
    switch (s.server.role) {
    case config::Role::Mailbox:
        return true;
    case config::Role::Archive:
        return false;
    case config::Role::Custom:
        break;
    }
    return s.undelivered.action != config::UndeliveredAction::CreateMailboxAndStore;
}

void MailboxSizes::configure(const config::Settings &settings)
{
    const QMutexLocker lock(&m_mutex);
    m_template = settings.mailboxes.mailboxTemplate;
    m_refuses = refusesWhenFull(settings);
    m_timeScale = settings.timeScale > 0 ? settings.timeScale : 1.0;
}

QString MailboxSizes::markerName()
{
    return u"tandem-size-warned"_s;
}

qint64 MailboxSizes::sizeFromFileName(const QString &name)
{
    // "<time>.<unique>.<host>,S=<size>[,W=<size>][:2,<flags>]": the host has its commas
    // escaped, so the first ",S=" starts the size.
    const qsizetype colon = name.indexOf(u':');
    const QString base = colon < 0 ? name : name.left(colon);
    const qsizetype s = base.indexOf(u",S="_s);
    if (s < 0)
        return -1;
    qsizetype end = base.indexOf(u',', s + 3);
    if (end < 0)
        end = base.size();
    bool ok = false;
    const qint64 size = QStringView(base).mid(s + 3, end - s - 3).toLongLong(&ok);
    return ok && size >= 0 ? size : -1;
}

qint64 MailboxSizes::measure(const QString &mailboxPath)
{
    const QDir box(mailboxPath);
    if (!box.exists())
        return 0;
    // INBOX is the mailbox's own folder; Maildir++ folders are its ".Name" sub-folders.
    QStringList folders{mailboxPath};
    for (const QString &sub : box.entryList(QDir::Dirs | QDir::Hidden | QDir::NoDotAndDotDot)) {
        if (sub.startsWith(u'.'))
            folders.append(box.filePath(sub));
    }
    qint64 total = 0;
    for (const QString &folder : std::as_const(folders)) {
        for (const QString &sub : {u"/new"_s, u"/cur"_s}) {
            const QDir dir(folder + sub);
            for (const QString &name : dir.entryList(QDir::Files | QDir::NoDotAndDotDot)) {
                const qint64 named = sizeFromFileName(name);
                total += named >= 0 ? named : QFileInfo(dir.filePath(name)).size();
            }
        }
    }
    return total;
}

QString MailboxSizes::pathOf(const QString &mailbox) const
{
    return MailboxStore(m_root, {}, {}).pathOf(mailbox);
}

config::ArchivePolicy MailboxSizes::policyOf(const QString &mailbox) const
{
    config::ArchivePolicy tmpl;
    {
        const QMutexLocker lock(&m_mutex);
        tmpl = m_template;
    }
    return MailboxStore(m_root, {}, tmpl).policyOf(mailbox);
}

qint64 MailboxSizes::measured(const QString &mailbox, qint64 extra)
{
    {
        const QMutexLocker lock(&m_mutex);
        const auto it = m_entries.find(mailbox);
        if (it != m_entries.end() && it->measuredAt >= 0 &&
            m_clock.elapsed() - it->measuredAt < qint64(kFreshMs / m_timeScale)) {
            it->bytes += extra;
            return it->bytes;
        }
    }
    // Outside the lock: a large mailbox takes a while. What was just stored is on disk already.
    const QString path = pathOf(mailbox);
    const qint64 bytes = measure(path);
    const SizeLevel marker = readMarker(path + u'/' + markerName());
    const QMutexLocker lock(&m_mutex);
    Entry &e = m_entries[mailbox];
    if (e.measuredAt < 0)
        e.told = marker;
    e.bytes = bytes;
    e.measuredAt = m_clock.elapsed();
    return bytes;
}

qint64 MailboxSizes::size(const QString &mailbox)
{
    return measured(key(mailbox), 0);
}

void MailboxSizes::added(const QString &mailbox, qint64 bytes, const QString &queueId)
{
    const QString box = key(mailbox);
    review(box, measured(box, qMax<qint64>(bytes, 0)), true, queueId);
}

void MailboxSizes::forget(const QString &mailbox)
{
    const QMutexLocker lock(&m_mutex);
    const auto it = m_entries.find(key(mailbox));
    if (it != m_entries.end())
        it->measuredAt = -2; // stale, but what the postmaster was told is kept
}

void MailboxSizes::forgetAll()
{
    const QMutexLocker lock(&m_mutex);
    for (auto it = m_entries.begin(); it != m_entries.end(); ++it)
        it->measuredAt = -2;
}

void MailboxSizes::announceFull()
{
    const QStringList all = MailboxStore(m_root, {}, {}).mailboxes();
    for (const QString &mailbox : all) {
        const QString box = key(mailbox);
        if (readMarker(pathOf(box) + u'/' + markerName()) != SizeLevel::Full)
            continue;
        const qint64 bytes = measured(box, 0);
        // Below the cap now (messages removed while no engine ran): the marker goes, the
        // log says so, and there is nothing to announce.
        if (review(box, bytes, false, {}) != SizeLevel::Full)
            continue;
        bool refuses;
        {
            const QMutexLocker lock(&m_mutex);
            refuses = m_refuses;
        }
        emit alarm(box, bytes, qint64(policyOf(box).maxSizeMb) * kMiB, refuses);
    }
}

bool MailboxSizes::isFull(const QString &mailbox)
{
    const QString box = key(mailbox);
    const SizeLevel l = review(box, measured(box, 0), false, {});
    const QMutexLocker lock(&m_mutex);
    return l == SizeLevel::Full && m_refuses;
}

SizeLevel MailboxSizes::level(const QString &mailbox)
{
    return levelOf(size(mailbox), policyOf(mailbox));
}

// Compares where the mailbox stands with what the postmaster was told, and tells of a
// crossing upwards once; the marker file keeps what was told across restarts.
SizeLevel MailboxSizes::review(const QString &mailbox, qint64 size, bool stored,
                               const QString &queueId)
{
    const config::ArchivePolicy policy = policyOf(mailbox);
    const qint64 cap = qint64(policy.maxSizeMb) * kMiB;
    const SizeLevel now = levelOf(size, policy);
    SizeLevel before;
    bool refuses;
    {
        const QMutexLocker lock(&m_mutex);
        Entry &e = m_entries[mailbox];
        before = e.told;
        e.told = now;
        refuses = m_refuses;
    }
    const bool overCap = stored && now == SizeLevel::Full && !refuses;
    if (now == before && !overCap)
        return now; // nothing to tell (every recipient's check comes here)
    if (now != before)
        writeMarker(pathOf(mailbox), now);
    const QString figures =
        u"%1 of its %2 cap (%3%)"_s.arg(mib(size), mib(cap)).arg(cap > 0 ? size * 100 / cap : 0);
    if (now > before) {
        QString subject;
        QString text;
        if (now == SizeLevel::Warning) {
            subject = u"Mailbox %1 is at %2% of its size cap"_s.arg(mailbox).arg(size * 100 / cap);
            text = u"The mailbox %1 holds %2; the warning threshold is %3% "
                   "(size_warning_percent).\n\n"_s.arg(mailbox, figures,
                                                       QString::number(policy.warnPercent)) +
                   (refuses ? u"When it reaches the cap, mail for it is answered 452 4.2.2 (try "
                              "again later) until messages are removed or archived, or the cap "
                              "is raised."_s
                            : u"This Archive keeps storing its mail beyond the cap, and raises "
                              "an alarm when the cap is reached."_s);
        } else if (refuses) {
            subject = u"Mailbox %1 is full"_s.arg(mailbox);
            text = u"The mailbox %1 holds %2: it has reached its size cap (max_size_mb). Mail "
                   "for it is now answered 452 4.2.2 (try again later); the senders' servers "
                   "retry. Remove or archive messages, or raise the cap."_s.arg(mailbox, figures);
        } else {
            subject = u"Mailbox %1 is over its size cap"_s.arg(mailbox);
            text = u"The mailbox %1 holds %2: it has reached its size cap (max_size_mb). An "
                   "Archive refuses no mail for a local domain, so it keeps storing; raise the "
                   "cap, or archive or expire older messages sooner."_s.arg(mailbox, figures);
        }
        log::warning(u"mailbox"_s, u"%1 holds %2: telling the postmaster"_s.arg(mailbox, figures),
                     queueId);
        emit postmasterNotice(subject, text);
        if (now == SizeLevel::Full)
            emit alarm(mailbox, size, cap, refuses);
    } else if (now < before) {
        log::info(u"mailbox"_s, u"%1 holds %2: below the %3 threshold again"_s.arg(
                                    mailbox, figures, toString(before)));
        if (before == SizeLevel::Full)
            emit alarmCleared(mailbox);
    }
    if (overCap)
        log::warning(u"mailbox"_s,
                     u"stored in %1 over its size cap: %2 (an Archive refuses nothing local)"_s.arg(
                         mailbox, figures),
                     queueId);
    return now;
}

} // namespace tandem::mailbox
