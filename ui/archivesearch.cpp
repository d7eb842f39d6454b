#include "archivesearch.h"

#include "archivetext.h"
#include "engine.h"
#include "mailbox/mailboxstore.h"

#include <QCoreApplication>
#include <QElapsedTimer>

using namespace Qt::StringLiterals;

namespace tandem::ui {

namespace {

// The pages an export of a query gathers its placements in.
constexpr int kGatherPage = 2000;
// Progress is told at most this often (and at the first and last message).
constexpr qint64 kProgressIntervalMs = 100;

QString noSettings()
{
    return QCoreApplication::translate("tandem::ui::ArchiveSearch",
                                       "No configuration is loaded: there is no archive to use.");
}

} // namespace

// Lives on one of the threads and keeps that thread's Archive open between requests, opening
// it again when the data folder changes (or when opening failed the last time).
class ArchiveSearch::Worker : public QObject {
public:
    archive::Archive *archive(const config::Settings &settings, QString *error)
    {
        const QString dataPath = settings.dataPath();
        if (m_archive && dataPath == m_dataPath)
            return m_archive.get();
        m_archive.reset();
        m_archive = Engine::openArchive(settings, error);
        m_dataPath = dataPath;
        return m_archive.get();
    }

private:
    QString m_dataPath;
    std::unique_ptr<archive::Archive> m_archive;
};

ArchiveSearch::ArchiveSearch(QObject *parent)
    : QObject(parent)
    , m_queries(new Worker)
    , m_counts(new Worker)
    , m_jobs(new Worker)
{
    const QList<QPair<QThread *, Worker *>> threads{
        {&m_queryThread, m_queries}, {&m_countThread, m_counts}, {&m_jobThread, m_jobs}};
    m_queryThread.setObjectName(u"tandem-search"_s);
    m_countThread.setObjectName(u"tandem-search-count"_s);
    m_jobThread.setObjectName(u"tandem-archive-jobs"_s);
    for (const auto &[thread, worker] : threads) {
        worker->moveToThread(thread);
        // Deleted on its thread as the thread ends: the catalog's connection closes there.
        connect(thread, &QThread::finished, worker, &QObject::deleteLater);
        thread->start();
    }
}

ArchiveSearch::~ArchiveSearch()
{
    for (const Stop &stop : std::as_const(m_pending))
        stop->store(true);
    for (QThread *thread : {&m_queryThread, &m_countThread, &m_jobThread}) {
        thread->quit();
        thread->wait();
    }
}

void ArchiveSearch::setSettings(const config::Settings &settings)
{
    m_settings = settings;
}

quint64 ArchiveSearch::begin(Stop *stop)
{
    *stop = std::make_shared<std::atomic_bool>(false);
    const quint64 request = ++m_lastRequest;
    m_pending.insert(request, *stop);
    return request;
}

void ArchiveSearch::cancel(quint64 request)
{
    if (const Stop stop = m_pending.value(request))
        stop->store(true);
}

void ArchiveSearch::post(Worker *worker, quint64 request, const Stop &stop, Work work)
{
    const bool skipWhenCancelled = worker != m_jobs; // a job answers with what it did
    const std::optional<config::Settings> settings = m_settings;
    const auto run = [this, worker, request, stop, settings, work, skipWhenCancelled] {
        std::function<void()> answer;
        if (!skipWhenCancelled || !stop->load()) {
            QString error;
            archive::Archive *archive = nullptr;
            if (settings)
                archive = worker->archive(*settings, &error);
            else
                error = noSettings();
            answer = work(archive, error);
        }
        const auto deliver = [this, request, answer] {
            m_pending.remove(request);
            if (answer)
                answer();
        };
        QMetaObject::invokeMethod(this, deliver, Qt::QueuedConnection);
    };
    QMetaObject::invokeMethod(worker, run);
}

quint64 ArchiveSearch::search(const QString &query, const archive::SearchSort &sort,
                              const std::optional<archive::SearchHit> &after, int limit)
{
    Stop stop;
    const quint64 request = begin(&stop);
    post(m_queries, request, stop,
         [this, request, query, sort, after, limit](archive::Archive *archive, QString error) {
             QList<archive::SearchHit> hits;
             if (archive)
                 hits = archive->search(query, sort, after ? &*after : nullptr, limit, &error);
             return [this, request, hits, error] { emit searched(request, hits, error); };
         });
    return request;
}

quint64 ArchiveSearch::count(const QString &query)
{
    Stop stop;
    const quint64 request = begin(&stop);
    post(m_counts, request, stop, [this, request, query](archive::Archive *archive, QString error) {
        qint64 messages = -1;
        const qint64 n = archive ? archive->countMatches(query, &error, &messages) : -1;
        return [this, request, n, messages, error] { emit counted(request, n, messages, error); };
    });
    return request;
}

quint64 ArchiveSearch::details(qint64 placementId)
{
    Stop stop;
    const quint64 request = begin(&stop);
    post(m_queries, request, stop,
         [this, request, placementId](archive::Archive *archive, QString error) {
             std::optional<archive::MessageDetails> details;
             if (archive)
                 details = archive->details(placementId, &error);
             return [this, request, details, error] { emit detailsRead(request, details, error); };
         });
    return request;
}

std::function<void(qint64, qint64)> ArchiveSearch::progressOf(quint64 request)
{
    // Called on the jobs' thread: a plain elapsed timer, no QObject of this thread's.
    auto since = std::make_shared<QElapsedTimer>();
    auto told = std::make_shared<bool>(false);
    const JobHook hook = m_jobHook;
    return [this, request, since, told, hook](qint64 done, qint64 total) {
        if (hook)
            hook(request, done);
        if (*told && done != total && since->elapsed() < kProgressIntervalMs)
            return;
        *told = true;
        since->start();
        QMetaObject::invokeMethod(
            this, [this, request, done, total] { emit jobProgress(request, done, total); },
            Qt::QueuedConnection);
    };
}

quint64 ArchiveSearch::copyBack(const QList<archive::SearchHit> &hits, const QString &toMailbox,
                                archive::CopyBackFolder folder)
{
    Stop stop;
    const quint64 request = begin(&stop);
    const auto progress = progressOf(request);
    const std::optional<config::Settings> settings = m_settings;
    post(m_jobs, request, stop,
         [this, request, stop, hits, toMailbox, folder, settings,
          progress](archive::Archive *archive, const QString &openError) {
             CopyBackReport report;
             report.toMailbox = toMailbox;
             report.folder = folder;
             report.requested = hits.size();
             if (!archive) {
                 for (const archive::SearchHit &hit : hits)
                     report.failures.append(ArchiveText::placement(hit) + u": "_s + openError);
             } else {
                 mailbox::MailboxStore store(settings->dataPath() + u"/mailboxes"_s,
                                             settings->server.hostname,
                                             settings->mailboxes.mailboxTemplate);
                 const QString who = ArchiveText::consoleUser();
                 progress(0, report.requested);
                 for (const archive::SearchHit &hit : hits) {
                     if (stop->load()) {
                         report.cancelled = true;
                         break;
                     }
                     QString error;
                     if (archive->copyBack(hit.placementId, store, toMailbox, folder, who, &error))
                         ++report.copied;
                     else
                         report.failures.append(ArchiveText::placement(hit) + u": "_s + error);
                     progress(report.copied + report.failures.size(), report.requested);
                 }
             }
             return [this, request, report] { emit copiedBack(request, report); };
         });
    return request;
}

quint64 ArchiveSearch::exportPlacements(const QList<qint64> &placementIds,
                                        archive::ExportFormat format, const QString &path)
{
    Stop stop;
    const quint64 request = begin(&stop);
    startExport(request, stop, placementIds, std::nullopt, format, path);
    return request;
}

quint64 ArchiveSearch::exportQuery(const QString &query, const archive::SearchSort &sort,
                                   archive::ExportFormat format, const QString &path)
{
    Stop stop;
    const quint64 request = begin(&stop);
    startExport(request, stop, {}, qMakePair(query, sort), format, path);
    return request;
}

void ArchiveSearch::startExport(quint64 request, const Stop &stop,
                                const QList<qint64> &placementIds,
                                const std::optional<QPair<QString, archive::SearchSort>> &query,
                                archive::ExportFormat format, const QString &path)
{
    const auto progress = progressOf(request);
    post(m_jobs, request, stop,
         [this, request, stop, placementIds, query, format, path,
          progress](archive::Archive *archive, const QString &openError) {
             archive::ExportReport report;
             QList<qint64> ids = placementIds;
             if (!archive)
                 report.error = openError;
             // A query's placements are gathered a page at a time, in its order.
             for (std::optional<archive::SearchHit> last; archive && query && !stop->load();) {
                 progress(0, -1);
                 QString error;
                 const QList<archive::SearchHit> page = archive->search(
                     query->first, query->second, last ? &*last : nullptr, kGatherPage, &error);
                 if (!error.isEmpty()) {
                     report.error = error;
                     break;
                 }
                 for (const archive::SearchHit &hit : page)
                     ids.append(hit.placementId);
                 if (page.size() < kGatherPage)
                     break;
                 last = page.last();
             }
             if (report.error.isEmpty() && query && stop->load()) {
                 report.cancelled = true; // before anything was written
             } else if (report.error.isEmpty()) {
                 report = archive->exportPlacements(ids, format, path, ArchiveText::consoleUser(),
                                                    stop.get(), progress);
             }
             if (report.requested == 0)
                 report.requested = ids.size();
             return [this, request, report] { emit exported(request, report); };
         });
}

} // namespace tandem::ui
