#pragma once

#include "archive/archive.h"
#include "config/settings.h"

#include <QJsonObject>
#include <QObject>
#include <QTimer>

#include <atomic>
#include <functional>
#include <memory>

namespace tandem::archive {

// A run's and a verify's outcome as the control channel and tandemd archive ... --json carry it.
QJsonObject toJson(const RunReport &report);
QJsonObject toJson(const VerifyReport &report);
QJsonObject toJson(const ReindexReport &report);

// The archive's maintenance periods (docs/archive.md), on a thread of their own at the lowest
// CPU and I/O priority, so that SMTP intake and delivery keep their pace: every
// mailboxes.archive.run_every_minutes a run (archive, expire, record what the catalog lacks),
// a verify every verify_every_hours, and the chain heads to the postmaster every
// digest_every_hours. tandemd archive run / the console's button ask for a run at once.
class Maintenance : public QObject {
    Q_OBJECT
public:
    explicit Maintenance(std::shared_ptr<const config::Settings> settings,
                         QObject *parent = nullptr);
    ~Maintenance() override;

    // Thread-safe.
    void requestRun(const QString &onlyMailbox = {});
    void requestVerify(const QString &onlyMailbox = {});
    void requestReindex();
    void setSettings(std::shared_ptr<const config::Settings> settings);
    void interrupt() { m_stop = true; } // ends a run between batches
    bool isBusy() const { return m_busy; }

    // On its thread.
    void start();
    void stop();

    static QString archiveDir(const config::Settings &settings);

signals:
    void runProgress(const tandem::archive::RunReport &report);
    void runFinished(const tandem::archive::RunReport &report);
    void verifyFinished(const tandem::archive::VerifyReport &report);
    void reindexFinished(const tandem::archive::ReindexReport &report);
    // The chain heads for the postmaster (the engine spools the notice); fixedId is the same
    // for one period, so that a notice already spooled is not made twice.
    void digestDue(const QString &subject, const QString &text, const QString &fixedId);

private:
    void scheduled();
    void doRun(const QString &onlyMailbox);
    void doVerify(const QString &onlyMailbox);
    void doReindex();
    void sendDigest();
    QString digestStampPath() const;
    void stampDigest(const QDateTime &when);
    bool open();
    void lowerPriority();

    std::shared_ptr<const config::Settings> m_settings;
    std::unique_ptr<Archive> m_archive;
    QTimer m_timer;
    std::atomic_bool m_stop = false;
    std::atomic_bool m_busy = false;
    QDateTime m_lastVerify;
    QDateTime m_lastDigest;
};

} // namespace tandem::archive
