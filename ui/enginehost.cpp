#include "enginehost.h"

#include "archivesearch.h"
#include "engine.h"
#include "secrets.h"
#include "util/log.h"

using namespace Qt::StringLiterals;

namespace tandem::ui {

EngineHost::EngineHost(QObject *parent)
    : QObject(parent)
    , m_archiveSearch(new ArchiveSearch(this))
{
    m_thread.setObjectName(u"tandem-engine"_s);
    // Disk work for the console that does not need an engine runs on that thread too.
    m_worker = new QObject;
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread.start();
}

void EngineHost::listMailboxes(const config::Settings &settings, MailboxesDone done)
{
    QMetaObject::invokeMethod(m_worker, [this, settings, done] {
        const QStringList mailboxes = Engine::listMailboxes(settings);
        QMetaObject::invokeMethod(
            this, [done, mailboxes] { done(mailboxes); }, Qt::QueuedConnection);
    });
}

void EngineHost::loadLogHistory(const config::Settings &settings, int maxLines, LogDone done)
{
    QMetaObject::invokeMethod(m_worker, [this, settings, maxLines, done] {
        const QList<log::Entry> entries = Engine::recentLog(settings, maxLines);
        QMetaObject::invokeMethod(
            this, [done, entries] { done(entries); }, Qt::QueuedConnection);
    });
}

EngineHost::~EngineHost()
{
    if (m_engine) {
        Engine *engine = std::exchange(m_engine, nullptr);
        QMetaObject::invokeMethod(
            engine, [engine] { delete engine; }, Qt::BlockingQueuedConnection);
    }
    m_thread.quit();
    m_thread.wait();
}

void EngineHost::start(const config::Settings &settings)
{
    if (m_engine || m_starting)
        return;
    m_settings = settings;
    // Passwords come from the desktop keychain, never from the file.
    m_starting = true;
    withSecrets(settings, [this](const config::Settings &complete) {
        m_starting = false;
        startEngine(complete);
    });
}

void EngineHost::withSecrets(const config::Settings &settings,
                             std::function<void(const config::Settings &)> done)
{
    Secrets::load(
        Secrets::hopsNeedingPasswords(settings), this,
        [this, settings, done](const QHash<QString, QString> &passwords,
                               const QStringList &errors) {
            for (const QString &e : errors)
                log::warning(u"keychain"_s, e);
            config::Settings complete = settings;
            complete.passwords.insert(passwords); // the keychain's, over any given
            if (settings.smtp.tlsKey.isEmpty()) {
                done(complete);
                return;
            }
            Secrets::loadTlsPassphrase(
                this, [complete, done](const QString &passphrase, const QString &error) mutable {
                    if (!error.isEmpty())
                        log::warning(u"keychain"_s, u"TLS key passphrase: "_s + error);
                    if (!passphrase.isEmpty())
                        complete.tlsKeyPassphrase = passphrase;
                    done(complete);
                });
        });
}

void EngineHost::startEngine(const config::Settings &settings)
{
    if (m_engine)
        return;
    m_engine = new Engine(settings);
    m_engine->moveToThread(&m_thread);
    Engine *engine = m_engine;
    // Both cross from the engine's thread with queued connections, in the order sent.
    connect(engine, &Engine::outboxSnapshot, this, &EngineHost::outboxSnapshot);
    connect(engine, &Engine::outboxUpdated, this, &EngineHost::outboxUpdated);
    connect(engine, &Engine::diskSpaceChanged, this, &EngineHost::diskSpaceChanged);
    connect(engine, &Engine::archiveProgress, this, &EngineHost::archiveProgress);
    connect(engine, &Engine::archiveRunFinished, this, &EngineHost::archiveRunFinished);
    connect(engine, &Engine::archiveVerified, this, &EngineHost::archiveVerified);
    connect(engine, &Engine::mailboxSizeAlarm, this, &EngineHost::mailboxSizeAlarm);
    connect(engine, &Engine::mailboxSizeAlarmCleared, this, &EngineHost::mailboxSizeAlarmCleared);
    connect(engine, &Engine::stopped, this, [this] {
        if (m_engine) {
            m_engine->deleteLater();
            m_engine = nullptr;
        }
        m_running = false;
        emit stopped();
    });
    QMetaObject::invokeMethod(engine, [this, engine] {
        QString error;
        if (engine->start(&error)) {
            const QStringList listening = engine->listeningAddresses();
            QMetaObject::invokeMethod(this, [this, listening] {
                m_running = true;
                emit started(listening);
            });
        } else {
            QMetaObject::invokeMethod(this, [this, error] {
                if (m_engine) {
                    m_engine->deleteLater();
                    m_engine = nullptr;
                }
                emit failed(error);
            });
        }
    });
    if (m_wantOutbox)
        engine->requestOutboxSnapshot(); // queued behind start(): answered by the running queue
}

void EngineHost::requestOutboxSnapshot()
{
    m_wantOutbox = true;
    if (m_engine)
        m_engine->requestOutboxSnapshot(); // thread-safe: it queues itself onto the engine
}

void EngineHost::applyQueueOperation(const QString &operation, const QStringList &ids, bool all,
                                     OperationDone done)
{
    Engine *engine = m_engine;
    if (!engine) {
        QMetaObject::invokeMethod(
            this, [done, ids] { done({}, ids, {}); }, Qt::QueuedConnection);
        return;
    }
    // The answer comes back on the engine's thread; this host outlives it there, because the
    // host's destructor waits for the engine to be deleted on that thread.
    QMetaObject::invokeMethod(engine, [this, engine, operation, ids, all, done] {
        engine->applyQueueOperation(
            operation, ids, all,
            [this, done](const QStringList &changed, const QStringList &missing,
                         const QStringList &refused) {
                QMetaObject::invokeMethod(
                    this, [done, changed, missing, refused] { done(changed, missing, refused); },
                    Qt::QueuedConnection);
            });
    });
}

void EngineHost::entryDetails(const QString &id, DetailsDone done)
{
    const auto answer = [this, done](const std::optional<delivery::EntryDetails> &details) {
        QMetaObject::invokeMethod(
            this, [done, details] { done(details); }, Qt::QueuedConnection);
    };
    if (Engine *engine = m_engine) {
        QMetaObject::invokeMethod(
            engine, [engine, id, answer] { engine->requestEntryDetails(id, answer); });
        return;
    }
    if (!m_settings) {
        answer(std::nullopt);
        return;
    }
    QMetaObject::invokeMethod(m_worker, [settings = *m_settings, id, answer] {
        answer(Engine::readEntryDetails(settings, id));
    });
}

void EngineHost::applySettings(const config::Settings &settings, ApplyDone done)
{
    if (!m_engine) {
        QMetaObject::invokeMethod(
            this, [done] { done({}); }, Qt::QueuedConnection);
        return;
    }
    withSecrets(settings, [this, done](const config::Settings &complete) {
        Engine *engine = m_engine;
        if (!engine) {
            done({});
            return;
        }
        QMetaObject::invokeMethod(engine, [this, engine, complete, done] {
            QString error;
            engine->applySettings(complete, &error);
            QMetaObject::invokeMethod(this, [this, done, error, complete] {
                if (error.isEmpty())
                    m_settings = complete;
                done(error);
            });
        });
    });
}

void EngineHost::readArchiveView(const config::Settings &settings, const QString &mailbox,
                                 ArchiveViewDone done)
{
    // The store is opened and closed on the worker thread: its catalog connection belongs there.
    QMetaObject::invokeMethod(m_worker, [this, settings, mailbox, done] {
        ArchiveView view;
        view.mailbox = mailbox;
        view.figures.mailbox = mailbox;
        QString error;
        if (!mailbox.isEmpty())
            view.own = Engine::mailboxArchiveSettings(settings, mailbox, &error);
        if (const auto archive = Engine::openArchive(settings, &view.error)) {
            view.storeOpened = true;
            const archive::Status status = archive->status();
            view.archiveHold = status.archiveHold;
            for (const archive::MailboxFigures &f : status.mailboxes) {
                if (f.mailbox == mailbox)
                    view.figures = f;
            }
            if (!mailbox.isEmpty()) {
                // hold() answers the archive-wide hold too; the mailbox's own names it.
                const std::optional<archive::Hold> hold = archive->hold(mailbox);
                if (hold && !hold->mailbox.isEmpty())
                    view.mailboxHold = hold;
            }
        }
        if (view.error.isEmpty())
            view.error = error;
        QMetaObject::invokeMethod(
            this, [done, view] { done(view); }, Qt::QueuedConnection);
    });
}

void EngineHost::setArchiveHold(const config::Settings &settings, const QString &mailbox, bool on,
                                const QString &who, const QString &reason, ArchiveDone done)
{
    QMetaObject::invokeMethod(m_worker, [this, settings, mailbox, on, who, reason, done] {
        QString error;
        if (const auto archive = Engine::openArchive(settings, &error)) {
            if (archive->setHold(mailbox, on, who, reason, &error))
                log::info(u"archive"_s,
                          u"%1 %2 by %3: %4"_s.arg(
                              mailbox.isEmpty() ? u"the archive"_s : mailbox,
                              on ? u"put on legal hold"_s : u"released from hold"_s, who, reason));
        }
        QMetaObject::invokeMethod(
            this, [done, error] { done(error); }, Qt::QueuedConnection);
    });
}

void EngineHost::saveMailboxArchiveSettings(
    const config::Settings &settings, const QHash<QString, config::MailboxArchiveSettings> &own,
    ArchiveDone done)
{
    QMetaObject::invokeMethod(m_worker, [this, settings, own, done] {
        QString error;
        for (auto it = own.begin(); it != own.end() && error.isEmpty(); ++it) {
            if (!Engine::setMailboxArchiveSettings(settings, it.key(), it.value(), &error))
                error = u"%1: %2"_s.arg(it.key(), error);
        }
        QMetaObject::invokeMethod(
            this, [done, error] { done(error); }, Qt::QueuedConnection);
    });
}

bool EngineHost::runArchive(const QString &mailbox)
{
    Engine *engine = m_engine;
    if (!engine || !m_running)
        return false;
    QMetaObject::invokeMethod(engine, [engine, mailbox] { engine->runArchive(mailbox); });
    return true;
}

bool EngineHost::verifyArchive(const QString &mailbox)
{
    Engine *engine = m_engine;
    if (!engine || !m_running)
        return false;
    QMetaObject::invokeMethod(engine, [engine, mailbox] { engine->verifyArchive(mailbox); });
    return true;
}

void EngineHost::stop()
{
    if (Engine *engine = m_engine)
        QMetaObject::invokeMethod(engine, [engine] { engine->stop(); });
}

} // namespace tandem::ui
