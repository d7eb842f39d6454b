#pragma once

#include "archive/archive.h"
#include "config/settings.h"
#include "delivery/entrydetails.h"
#include "delivery/outbox.h"
#include "util/log.h"

#include <QObject>
#include <QStringList>
#include <QThread>
#include <QTimer>

#include <functional>

#include <memory>

namespace tandem::spool {
class Spool;
}
namespace tandem::mailbox {
class MailboxStore;
class MailboxSizes;
} // namespace tandem::mailbox
namespace tandem::routing {
class Router;
class Dispatcher;
} // namespace tandem::routing
namespace tandem::smtp {
class SmtpServer;
}
namespace tandem::delivery {
class DeliveryQueue;
}
namespace tandem::util {
class DiskSpace;
}
namespace tandem::log {
class FileLog;
}
namespace tandem::archive {
class Maintenance;
}

// The engine's one face: what tandemd and the console drive. It lives on the thread that
// created it (tandemd's main thread, or a thread of the console's); the dispatcher that
// carries out each message's plan has a thread of its own, and so has the spool's writer.
namespace tandem {

class Engine : public QObject {
    Q_OBJECT
public:
    explicit Engine(config::Settings settings, QObject *parent = nullptr);
    ~Engine() override;

    bool start(QString *error);
    // Stops accepting, lets sessions finish their transaction (at most stopTimeoutMs), keeps
    // every accepted message, then emits stopped().
    void stop(int stopTimeoutMs = 10000);
    bool isRunning() const { return m_running; }

    const config::Settings &settings() const { return *m_settings; }
    QStringList listeningAddresses() const;
    QList<delivery::OutboxEntry> outboxEntries() const; // the whole queue, as readQueue()
    QStringList mailboxes() const;
    int sessionCount() const;

    // Queue operations of the administrator (the console's queue window, tandemd queue ...), on
    // Outbox entries and on messages waiting for local delivery alike.
    // done is called on the engine's thread with the ids changed, the ids not found, and the
    // ids refused ("id: why": delete and bounce of mail for a mailbox on legal hold).
    using OperationDone = std::function<void(const QStringList &changed, const QStringList &missing,
                                             const QStringList &refused)>;
    void applyQueueOperation(const QString &operation, const QStringList &ids, bool all,
                             OperationDone done);

    // Applies a changed configuration to the running engine: rules, routes, limits and the
    // mailbox template at once, listeners re-bound where they changed; sessions already open
    // finish under the old rules. False (with the reason) when only a restart can do it.
    bool applySettings(config::Settings settings, QString *error);
    // What reads the configuration file again and applies it (tandemd's SIGHUP): it returns the
    // problems, each "path.to.key: what is wrong", empty when the file was applied. A "reload"
    // request in spool/control/ (tandemd reload, user add ...) is answered with it; an engine
    // without one (the console's) answers that it does not read its file by itself.
    using Reloader = std::function<QStringList()>;
    void setReloader(Reloader reloader) { m_reloader = std::move(reloader); }
    // Thread-safe: answered by outboxSnapshot(), after which outboxUpdated() reports changes.
    void requestOutboxSnapshot();
    // The details of a queue entry (the queue window's details): done is called on the
    // engine's thread, with nothing when the entry is no longer queued.
    using DetailsDone = std::function<void(const std::optional<delivery::EntryDetails> &)>;
    void requestEntryDetails(const QString &id, DetailsDone done);

    // The archive (docs/archive.md). A maintenance run or a verify now, on the maintenance
    // thread; archiveRunFinished / archiveVerified report the outcome.
    void runArchive(const QString &onlyMailbox = {});
    void verifyArchive(const QString &onlyMailbox = {});
    // The archive of a data folder, engine running or not (its catalog is shared safely):
    // status, holds, export. Opened per caller and thread.
    static std::unique_ptr<archive::Archive> openArchive(const config::Settings &settings,
                                                         QString *error);
    // A mailbox's Archive tab: its own choice (default / none / custom) in its folder.
    static config::MailboxArchiveSettings mailboxArchiveSettings(const config::Settings &settings,
                                                                 const QString &mailbox,
                                                                 QString *error = nullptr);
    static bool setMailboxArchiveSettings(const config::Settings &settings, const QString &mailbox,
                                          const config::MailboxArchiveSettings &own,
                                          QString *error);

    static QString controlDir(const config::Settings &settings);
    // The engine's log file, data/log/tandem.log (rotated to tandem.log.1, .2, ...).
    static QString logPath(const config::Settings &settings);
    // Its last maxLines entries, oldest first, engine running or not: the console's log window
    // starts with them.
    static QList<log::Entry> recentLog(const config::Settings &settings, int maxLines);
    // The mailboxes on disk ("user@domain"), engine running or not.
    static QStringList listMailboxes(const config::Settings &settings);
    // Whether an engine (this process's or another's) runs on the data folder.
    static bool isDataFolderInUse(const config::Settings &settings);
    // What a start would find wrong with the data folder: it, or the folder it is created in,
    // and its folders that exist must be writable by this process's user. Each problem as
    // "server.data_dir: what is wrong" (tandemd --check).
    static QStringList checkDataFolder(const config::Settings &settings);
    // Reading the Outbox of a data folder without an engine.
    static QList<delivery::OutboxEntry> readOutbox(const config::Settings &settings,
                                                   QStringList *unreadable = nullptr);
    // The whole queue of a data folder (tandemd queue list): the Outbox, and the messages
    // waiting for a local delivery that failed or held by the administrator (next hop "local").
    static QList<delivery::OutboxEntry> readQueue(const config::Settings &settings,
                                                  QStringList *unreadable = nullptr);
    // Whether a certificate and key file (smtp.tls) make a pair the engine can serve: PEM, the
    // key opened with the passphrase when it is encrypted, and the key the certificate's; why
    // not in *error. The same check as at start and on reload.
    static bool checkCertificate(const QString &certificatePath, const QString &keyPath,
                                 const QString &keyPassphrase, QString *error);
    // Makes a self-signed certificate for hostname and its key (mode 0600), in this process.
    static bool makeSelfSignedCertificate(const QString &hostname, const QString &certificatePath,
                                          const QString &keyPath, QString *error);
    // The details of a queue entry of a data folder without an engine.
    static std::optional<delivery::EntryDetails> readEntryDetails(const config::Settings &settings,
                                                                  const QString &id);

signals:
    void started();
    void stopped();
    void outboxChanged();
    void outboxSnapshot(const QList<tandem::delivery::OutboxEntry> &entries);
    void outboxUpdated(const QList<tandem::delivery::OutboxEntry> &changedOrAdded,
                       const QStringList &removed);
    void settingsApplied();
    // The data folder's free space crossed a line: level "ok", "low" (under twice the
    // reserve: a warning) or "full" (under the reserve: new mail is answered 452 4.3.1).
    void diskSpaceChanged(const QString &level, qint64 freeBytes, qint64 reserveBytes);
    void messageFinished(const QString &queueId);
    // The archive's maintenance: progress of a run, its end, a verify's result.
    void archiveProgress(const tandem::archive::RunReport &report);
    void archiveRunFinished(const tandem::archive::RunReport &report);
    void archiveVerified(const tandem::archive::VerifyReport &report);
    // A mailbox reached its size cap (at the crossing, at start, after a maintenance run):
    // `refusing` on a Mailbox (its mail is answered 452 4.2.2), not on an Archive (which
    // stores it all the same). Cleared when it is below the cap again.
    void mailboxSizeAlarm(const QString &mailbox, qint64 sizeBytes, qint64 capBytes, bool refusing);
    void mailboxSizeAlarmCleared(const QString &mailbox);

private:
    bool prepare(QString *error);
    void finishStop();
    void pollControl();
    bool lockDataFolder(QString *error);

    std::shared_ptr<const config::Settings> m_settings;
    std::unique_ptr<spool::Spool> m_spool;
    std::unique_ptr<mailbox::MailboxStore> m_mailboxes;
    std::unique_ptr<delivery::Outbox> m_outbox;
    std::shared_ptr<routing::Router> m_router;
    routing::Dispatcher *m_dispatcher = nullptr;
    QThread m_dispatchThread;
    smtp::SmtpServer *m_server = nullptr;
    delivery::DeliveryQueue *m_delivery = nullptr;
    QThread m_deliveryThread;
    std::shared_ptr<mailbox::MailboxSizes> m_sizes;
    archive::Maintenance *m_maintenance = nullptr;
    QThread m_maintenanceThread;
    std::unique_ptr<archive::Archive> m_filingArchive; // opened at start, the dispatcher's
    QStringList m_runAnswers;     // control requests waiting for a run's end (answer files)
    QStringList m_verifyAnswers;  // ... for a verify's
    QStringList m_reindexAnswers; // ... for a rebuild of the search index
    void stopMaintenance();
    QString heldMailboxOf(const archive::Archive &archive, const delivery::OutboxEntry &entry);
    void answerArchiveRequest(const QJsonObject &request, const QString &answer);
    QTimer *m_controlTimer = nullptr;
    util::DiskSpace *m_disk = nullptr;
    std::unique_ptr<log::FileLog> m_logFile;
    QHash<QString, delivery::OutboxEntry> m_localEntries; // the dispatcher's waiting messages
    Reloader m_reloader;
    int m_lockFd = -1;
    bool m_running = false;
    bool m_stopping = false;
};

} // namespace tandem
