#pragma once

#include "archive/archive.h"
#include "archive/search.h"
#include "config/settings.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QStringList>
#include <QThread>

#include <atomic>
#include <functional>
#include <memory>
#include <optional>

// The archive's search for the console (docs/archive.md "Searching"): queries, counts, a
// message's preview, copy back and export, each run off the window's thread on an Archive of
// its own (the store is not thread-safe; SQLite lets the connections share the catalog), with
// the engine running or not. Every request returns its number, and its answer comes as a
// signal carrying that number, on this object's thread.
//
// Three threads, so that nothing waits behind what it does not need: the pages of results and
// the previews on one, the counts on another (a count over a million copies must not hold up
// the first page), and the jobs (copy back, export) on a third, so that searching goes on
// while an export runs.
namespace tandem::ui {

// What a copy back of several placements did.
struct CopyBackReport {
    QString toMailbox;
    archive::CopyBackFolder folder = archive::CopyBackFolder::Restored;
    qint64 requested = 0;
    qint64 copied = 0;
    QStringList failures; // each placement that could not be copied, named, and why
    bool cancelled = false;
};

class ArchiveSearch : public QObject {
    Q_OBJECT
public:
    explicit ArchiveSearch(QObject *parent = nullptr);
    ~ArchiveSearch() override; // stops a running job between messages, and waits for it

    // The data folder whose archive the requests after this call use, and its mailboxes'
    // host name and template (copy back files into mailboxes as delivery does).
    void setSettings(const config::Settings &settings);
    bool hasSettings() const { return m_settings.has_value(); }

    // A page of hits (Archive::search): after is the last hit of the previous page.
    quint64 search(const QString &query, const archive::SearchSort &sort,
                   const std::optional<archive::SearchHit> &after, int limit);
    quint64 count(const QString &query);
    quint64 details(qint64 placementId);

    // Jobs, one after another: a new live copy of each hit's placement in the mailbox's INBOX
    // or Restored folder (the archived original stays; a failure is named by the hit), and an
    // export of placements, in the order given, or of every hit of a query in the sort's
    // order. Their progress comes as jobProgress; the ledger records the console's user.
    quint64 copyBack(const QList<archive::SearchHit> &hits, const QString &toMailbox,
                     archive::CopyBackFolder folder);
    quint64 exportPlacements(const QList<qint64> &placementIds, archive::ExportFormat format,
                             const QString &path);
    quint64 exportQuery(const QString &query, const archive::SearchSort &sort,
                        archive::ExportFormat format, const QString &path);

    // A query, count or preview not begun yet is skipped and never answered (its asker has
    // moved on; one already running is answered, and the asker drops it by its number). A job
    // stops between messages and answers with what it did.
    void cancel(quint64 request);

    // Tests only: called on the jobs' thread after each message a job handled.
    using JobHook = std::function<void(quint64 request, qint64 done)>;
    void setJobHook(JobHook hook) { m_jobHook = std::move(hook); }

signals:
    void searched(quint64 request, const QList<tandem::archive::SearchHit> &hits,
                  const QString &error);
    // count copies of messages distinct messages
    void counted(quint64 request, qint64 count, qint64 messages, const QString &error);
    void detailsRead(quint64 request, const std::optional<tandem::archive::MessageDetails> &details,
                     const QString &error);
    // A job's messages done of total (total -1 while an export still gathers a query's hits);
    // at most about ten times a second.
    void jobProgress(quint64 request, qint64 done, qint64 total);
    void copiedBack(quint64 request, const tandem::ui::CopyBackReport &report);
    void exported(quint64 request, const tandem::archive::ExportReport &report);

private:
    class Worker;
    using Stop = std::shared_ptr<std::atomic_bool>;
    // A new request's number and its stop flag, kept until it is answered.
    quint64 begin(Stop *stop);
    // What a request does on its worker's thread, with that thread's archive (null, with why,
    // when it cannot be opened); it returns the answer to run on this object's thread.
    using Work = std::function<std::function<void()>(archive::Archive *, const QString &error)>;
    // Runs work on the worker's thread with the archive of the settings in force now, then
    // its answer here; a query or preview cancelled before it began is skipped.
    void post(Worker *worker, quint64 request, const Stop &stop, Work work);
    // Throttled progress of a job, callable from the jobs' thread.
    std::function<void(qint64, qint64)> progressOf(quint64 request);
    void startExport(quint64 request, const Stop &stop, const QList<qint64> &placementIds,
                     const std::optional<QPair<QString, archive::SearchSort>> &query,
                     archive::ExportFormat format, const QString &path);

    std::optional<config::Settings> m_settings;
    quint64 m_lastRequest = 0;
    QHash<quint64, Stop> m_pending; // answered requests leave
    JobHook m_jobHook;
    QThread m_queryThread;
    QThread m_countThread;
    QThread m_jobThread;
    Worker *m_queries;
    Worker *m_counts;
    Worker *m_jobs;
};

} // namespace tandem::ui
