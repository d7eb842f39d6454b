#include "maintenance.h"

#include "mailbox/mailboxstore.h"
#include "util/clock.h"
#include "util/fsutil.h"
#include "util/log.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QThread>

#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace tandem::archive {

namespace {

// The share of the time a run may work: after each batch it rests this many times as long as
// the batch took (on top of the lowest CPU and I/O priority).
constexpr double kRestPerWork = 0.5;

QString summary(const RunReport &r)
{
    return u"%1 examined, %2 archived, %3 moved to the Archive folder, %4 deleted, %5 expired "
           "(%6 exported), %7 kept for a hold, %8 recorded, %9 blobs removed"_s.arg(r.examined)
               .arg(r.archived)
               .arg(r.movedToFolder)
               .arg(r.deleted)
               .arg(r.expired)
               .arg(r.exported)
               .arg(r.keptOnHold)
               .arg(r.recorded)
               .arg(r.blobsRemoved);
}

} // namespace

QJsonObject toJson(const RunReport &r)
{
    return {{u"examined"_s, r.examined},
            {u"recorded"_s, r.recorded},
            {u"archived"_s, r.archived},
            {u"moved_to_folder"_s, r.movedToFolder},
            {u"deleted"_s, r.deleted},
            {u"expired"_s, r.expired},
            {u"exported"_s, r.exported},
            {u"kept_on_hold"_s, r.keptOnHold},
            {u"blobs_removed"_s, r.blobsRemoved},
            {u"indexed"_s, r.indexed},
            {u"interrupted"_s, r.interrupted},
            {u"errors"_s, QJsonArray::fromStringList(r.errors)}};
}

QJsonObject toJson(const VerifyReport &r)
{
    QJsonArray problems;
    for (const VerifyProblem &p : r.problems)
        problems.append(
            QJsonObject{{u"mailbox"_s, p.mailbox}, {u"what"_s, p.what}, {u"detail"_s, p.detail}});
    return {{u"blobs_checked"_s, r.blobsChecked},
            {u"entries_checked"_s, r.entriesChecked},
            {u"problems"_s, problems}};
}

QJsonObject toJson(const ReindexReport &r)
{
    return {{u"messages"_s, r.messages},
            {u"indexed"_s, r.indexed},
            {u"envelopes"_s, r.envelopes},
            {u"interrupted"_s, r.interrupted},
            {u"errors"_s, QJsonArray::fromStringList(r.errors)}};
}

QString Maintenance::archiveDir(const config::Settings &settings)
{
    return settings.dataPath() + u"/archive"_s;
}

Maintenance::Maintenance(std::shared_ptr<const config::Settings> settings, QObject *parent)
    : QObject(parent)
    , m_settings(std::move(settings))
    , m_timer(this)
{
    connect(&m_timer, &QTimer::timeout, this, &Maintenance::scheduled);
}

Maintenance::~Maintenance() = default;

void Maintenance::lowerPriority()
{
    // Linux: a thread is a task of its own; nice 19 and the idle I/O class for this one only.
    const auto tid = pid_t(::syscall(SYS_gettid));
    if (::setpriority(PRIO_PROCESS, id_t(tid), 19) != 0)
        log::warning(u"archive"_s, u"cannot lower the maintenance thread's priority: "_s +
                                       fsutil::errnoText(errno));
    constexpr int kIoprioWhoProcess = 1;
    constexpr int kIoprioClassIdle = 3;
    constexpr int kIoprioClassShift = 13;
    if (::syscall(SYS_ioprio_set, kIoprioWhoProcess, tid, kIoprioClassIdle << kIoprioClassShift) !=
        0)
        log::warning(u"archive"_s, u"cannot give the maintenance thread the idle I/O class: "_s +
                                       fsutil::errnoText(errno));
}

bool Maintenance::open()
{
    if (m_archive)
        return true;
    QString error;
    m_archive = Archive::open(
        archiveDir(*m_settings), [] { return clock::now(); }, &error);
    if (!m_archive)
        log::error(u"archive"_s, u"cannot open the archive: "_s + error);
    return bool(m_archive);
}

void Maintenance::start()
{
    lowerPriority();
    open();
    setSettings(m_settings);
}

void Maintenance::stop()
{
    m_stop = true;
    m_timer.stop();
    m_archive.reset();
}

void Maintenance::setSettings(std::shared_ptr<const config::Settings> settings)
{
    QMetaObject::invokeMethod(this, [this, settings = std::move(settings)] {
        m_settings = settings;
        const config::ArchiveSchedule &a = m_settings->mailboxes.archive;
        // The schedule is checked every minute (time-scaled in tests); what is due runs then.
        const double scale = m_settings->timeScale > 0 ? m_settings->timeScale : 1.0;
        if (a.runEveryMinutes == 0 && a.verifyEveryHours == 0 && a.digestEveryHours == 0) {
            m_timer.stop();
            return;
        }
        m_timer.start(std::max(50, int(60000 / scale)));
    });
}

void Maintenance::requestRun(const QString &onlyMailbox)
{
    QMetaObject::invokeMethod(this, [this, onlyMailbox] { doRun(onlyMailbox); });
}

void Maintenance::requestVerify(const QString &onlyMailbox)
{
    QMetaObject::invokeMethod(this, [this, onlyMailbox] { doVerify(onlyMailbox); });
}

void Maintenance::requestReindex()
{
    QMetaObject::invokeMethod(this, [this] { doReindex(); });
}

void Maintenance::scheduled()
{
    if (!open())
        return;
    const config::ArchiveSchedule &a = m_settings->mailboxes.archive;
    // Periods on the one clock retention reads (tests move it with TANDEM_CLOCK_FILE); the time
    // scale only makes the timer look more often.
    const QDateTime now = clock::now();
    const auto due = [&](const QDateTime &last, qint64 everySeconds) {
        return everySeconds > 0 && (!last.isValid() || last.secsTo(now) >= everySeconds);
    };
    const Status status = m_archive->status();
    if (due(status.lastRun, qint64(a.runEveryMinutes) * 60))
        doRun({});
    if (!m_lastVerify.isValid())
        m_lastVerify = status.lastVerified;
    if (due(m_lastVerify, qint64(a.verifyEveryHours) * 3600))
        doVerify({});
    if (a.digestEveryHours > 0 && !m_lastDigest.isValid()) {
        // The last one sent, across restarts; none yet: the first period begins now, so that a
        // new installation's postmaster gets the heads after a day, not at every first start.
        QFile stamp(digestStampPath());
        if (stamp.open(QIODevice::ReadOnly))
            m_lastDigest =
                QDateTime::fromString(QString::fromLatin1(stamp.readAll()).trimmed(), Qt::ISODate);
        if (!m_lastDigest.isValid())
            stampDigest(now);
    }
    if (due(m_lastDigest, qint64(a.digestEveryHours) * 3600))
        sendDigest();
}

void Maintenance::stampDigest(const QDateTime &when)
{
    m_lastDigest = when;
    QString error;
    if (!fsutil::writeDurably(digestStampPath(), when.toString(Qt::ISODate).toLatin1(), &error,
                              false))
        log::warning(u"archive"_s, u"cannot note when the ledger heads were sent: "_s + error);
}

void Maintenance::doRun(const QString &onlyMailbox)
{
    if (!open()) {
        RunReport failed;
        failed.errors.append(u"the archive cannot be opened (see the log)"_s);
        emit runFinished(failed);
        return;
    }
    m_busy = true;
    m_stop = false;
    const config::Settings &s = *m_settings;
    log::info(u"archive"_s, onlyMailbox.isEmpty()
                                ? u"maintenance run started"_s
                                : u"maintenance run started for %1"_s.arg(onlyMailbox));
    mailbox::MailboxStore mailboxes(s.dataPath() + u"/mailboxes"_s, s.server.hostname,
                                    s.mailboxes.mailboxTemplate);
    QElapsedTimer batch;
    batch.start();
    const RunReport report = m_archive->run(
        mailboxes, s, onlyMailbox, &m_stop, [this, &batch](const RunReport &progress) {
            emit runProgress(progress);
            const qint64 worked = batch.elapsed();
            QThread::msleep(quint64(double(worked) * kRestPerWork));
            batch.restart();
        });
    for (const QString &e : report.errors)
        log::error(u"archive"_s, e);
    log::info(u"archive"_s, (report.interrupted ? u"maintenance run interrupted: "_s
                                                : u"maintenance run finished: "_s) +
                                summary(report));
    m_busy = false;
    emit runFinished(report);
}

void Maintenance::doVerify(const QString &onlyMailbox)
{
    if (!open()) {
        VerifyReport failed;
        failed.problems.append({QString(), u"archive unreadable"_s, u"see the log"_s});
        emit verifyFinished(failed);
        return;
    }
    m_busy = true;
    const VerifyReport report = m_archive->verify(onlyMailbox);
    m_lastVerify = clock::now();
    if (report.ok()) {
        log::info(u"archive"_s,
                  u"verify: clean (%1 blobs, %2 ledger entries)"_s.arg(report.blobsChecked)
                      .arg(report.entriesChecked));
    } else {
        for (const VerifyProblem &p : report.problems)
            log::error(u"archive"_s, u"verify: %1%2: %3"_s.arg(
                                         p.mailbox.isEmpty() ? QString() : p.mailbox + u": "_s,
                                         p.what, p.detail));
    }
    m_busy = false;
    emit verifyFinished(report);
}

// As a run: at the lowest priority and resting between batches, while filing goes on (what is
// filed meanwhile is indexed by its own commit).
void Maintenance::doReindex()
{
    if (!open()) {
        ReindexReport failed;
        failed.errors.append(u"the archive cannot be opened (see the log)"_s);
        emit reindexFinished(failed);
        return;
    }
    m_busy = true;
    m_stop = false;
    log::info(u"archive"_s, u"search index rebuild started"_s);
    QElapsedTimer batch;
    batch.start();
    const ReindexReport report = m_archive->reindex(
        [&batch](const ReindexReport &) {
            QThread::msleep(quint64(double(batch.elapsed()) * kRestPerWork));
            batch.restart();
        },
        &m_stop);
    for (const QString &e : report.errors)
        log::error(u"archive"_s, e);
    log::info(u"archive"_s, u"search index rebuild %1: %2 of %3 message(s) indexed"_s
                                .arg(report.interrupted ? u"interrupted"_s : u"finished"_s)
                                .arg(report.indexed)
                                .arg(report.messages));
    m_busy = false;
    emit reindexFinished(report);
}

QString Maintenance::digestStampPath() const
{
    return archiveDir(*m_settings) + u"/last-digest"_s;
}

void Maintenance::sendDigest()
{
    if (!open())
        return;
    const QDateTime now = clock::now();
    const QString text =
        u"The archive's ledger heads at %1 (UTC), one line per mailbox: its name, the number "
        "of its last ledger entry and that entry's hash, then a hash over all of them.\n\n"
        "Keep this message where the archive cannot change it: \"tandemd archive verify\" "
        "proves each chain up to its head, and these lines prove the heads themselves, so that "
        "an archive replaced as a whole shows too.\n\n%2"_s.arg(now.toString(Qt::ISODate),
                                                                m_archive->headsDigest());
    const QString fixedId = u"LEDGER"_s + now.toString(u"yyyyMMddHH"_s);
    emit digestDue(u"Archive ledger heads, %1"_s.arg(now.date().toString(Qt::ISODate)), text,
                   fixedId);
    stampDigest(now);
}

} // namespace tandem::archive
