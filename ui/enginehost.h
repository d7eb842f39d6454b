#pragma once

#include "archive/archive.h"
#include "config/settings.h"
#include "delivery/entrydetails.h"
#include "delivery/outbox.h"
#include "util/log.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QStringList>
#include <QThread>

#include <functional>
#include <optional>

namespace tandem {
class Engine;
}

// Runs an Engine on a thread of its own, so that nothing the engine waits for (a disk, a
// socket) can freeze the console. Every call crosses with a queued connection.
namespace tandem::ui {

class ArchiveSearch;

// What a mailbox's Archive tab shows: its own settings, its figures in the store, its hold and
// the archive-wide one.
struct ArchiveView {
    QString mailbox;
    config::MailboxArchiveSettings own;
    archive::MailboxFigures figures; // all zero when the store has nothing of it yet
    std::optional<archive::Hold> mailboxHold;
    std::optional<archive::Hold> archiveHold;
    bool storeOpened = false; // else figures and holds are unknown
    QString error;            // the store or the mailbox's settings could not be read
};

class EngineHost : public QObject {
    Q_OBJECT
public:
    explicit EngineHost(QObject *parent = nullptr);
    ~EngineHost() override;

    void start(const config::Settings &settings);
    void stop();
    bool isRunning() const { return m_running; }

    // Asks for the Outbox: answered by outboxSnapshot(), then outboxUpdated() batches. The
    // wish is kept, so every later start of the engine sends a fresh snapshot too.
    void requestOutboxSnapshot();
    // An administrator's operation ("retry", "hold", "release", "delete", "bounce") carried
    // out on the engine's thread; done is called on this object's thread with the ids changed
    // and the ids not found (all of them when no engine runs).
    using OperationDone = std::function<void(const QStringList &changed, const QStringList &missing,
                                             const QStringList &refused)>;
    void applyQueueOperation(const QString &operation, const QStringList &ids, bool all,
                             OperationDone done);

    // Applies changed settings to the running engine (keychain passwords are read again);
    // done gets an empty string on success, else why it needs a restart or failed.
    // The mailboxes in the settings' data folder (Engine::listMailboxes), read on the engine's
    // thread, engine running or not; `done` runs on this thread.
    using MailboxesDone = std::function<void(const QStringList &mailboxes)>;
    void listMailboxes(const config::Settings &settings, MailboxesDone done);

    // The last lines of the settings' log file (Engine::recentLog), read on the engine's thread;
    // `done` runs on this thread.
    using LogDone = std::function<void(const QList<log::Entry> &entries)>;
    void loadLogHistory(const config::Settings &settings, int maxLines, LogDone done);

    using ApplyDone = std::function<void(const QString &error)>;
    void applySettings(const config::Settings &settings, ApplyDone done);

    // The details of a queue entry (Engine::requestEntryDetails), from the running engine, or
    // else read from the data folder of the settings last started; done runs on this thread,
    // with nothing when the entry is no longer queued.
    using DetailsDone = std::function<void(const std::optional<delivery::EntryDetails> &)>;
    void entryDetails(const QString &id, DetailsDone done);

    // The archive of the settings' data folder, engine running or not, on the engine's thread;
    // `done` runs on this thread. readArchiveView's mailbox may be empty (only the holds).
    using ArchiveViewDone = std::function<void(const ArchiveView &view)>;
    void readArchiveView(const config::Settings &settings, const QString &mailbox,
                         ArchiveViewDone done);
    using ArchiveDone = std::function<void(const QString &error)>;
    // Sets or clears a legal hold (mailbox "" for the archive-wide one) with who and why.
    void setArchiveHold(const config::Settings &settings, const QString &mailbox, bool on,
                        const QString &who, const QString &reason, ArchiveDone done);
    // Writes mailboxes' own archive settings (tandem-mailbox.json); the first error stops it.
    void saveMailboxArchiveSettings(const config::Settings &settings,
                                    const QHash<QString, config::MailboxArchiveSettings> &own,
                                    ArchiveDone done);
    // A maintenance run or a verify now, of one mailbox or all, by the running engine: its
    // progress and end come as archiveProgress, archiveRunFinished and archiveVerified.
    // False when no engine runs.
    bool runArchive(const QString &mailbox = {});
    bool verifyArchive(const QString &mailbox = {});

    // The archive's search, copy back and export (the Search for Message window), on threads
    // of their own, engine running or not.
    ArchiveSearch *archiveSearch() const { return m_archiveSearch; }

signals:
    void started(const QStringList &listening);
    void failed(const QString &error);
    void stopped();
    void outboxSnapshot(const QList<tandem::delivery::OutboxEntry> &entries);
    void outboxUpdated(const QList<tandem::delivery::OutboxEntry> &changedOrAdded,
                       const QStringList &removed);
    // Engine::diskSpaceChanged: "ok", "low" or "full", with the free space and the reserve.
    void diskSpaceChanged(const QString &level, qint64 freeBytes, qint64 reserveBytes);
    // Engine::archiveProgress, archiveRunFinished and archiveVerified, on this thread.
    void archiveProgress(const tandem::archive::RunReport &report);
    void archiveRunFinished(const tandem::archive::RunReport &report);
    void archiveVerified(const tandem::archive::VerifyReport &report);
    // Engine::mailboxSizeAlarm and mailboxSizeAlarmCleared, on this thread.
    void mailboxSizeAlarm(const QString &mailbox, qint64 sizeBytes, qint64 capBytes, bool refusing);
    void mailboxSizeAlarmCleared(const QString &mailbox);

private:
    void startEngine(const config::Settings &settings);
    // The settings with their secrets from the keychain: the passwords of the hops that
    // authenticate, and the TLS key's passphrase when there is a key. Problems are logged.
    void withSecrets(const config::Settings &settings,
                     std::function<void(const config::Settings &)> done);

    QThread m_thread;
    bool m_starting = false;
    Engine *m_engine = nullptr;  // lives on m_thread
    QObject *m_worker = nullptr; // lives on m_thread
    ArchiveSearch *m_archiveSearch;
    bool m_running = false;
    bool m_wantOutbox = false;
    std::optional<config::Settings> m_settings; // the latest started or applied
};

} // namespace tandem::ui
