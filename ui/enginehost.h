#pragma once

#include "config/settings.h"

#include <QObject>
#include <QStringList>
#include <QThread>

namespace tandem {
class Engine;
}

// Runs an Engine on a thread of its own, so that nothing the engine waits for (a disk, a
// socket) can freeze the console. Every call crosses with a queued connection.
namespace tandem::ui {

class EngineHost : public QObject {
    Q_OBJECT
public:
    explicit EngineHost(QObject *parent = nullptr);
    ~EngineHost() override;

    void start(const config::Settings &settings);
    void stop();
    bool isRunning() const { return m_running; }

signals:
    void started(const QStringList &listening);
    void failed(const QString &error);
    void stopped();
    void outboxSize(int entries);

private:
    void startEngine(const config::Settings &settings);

    QThread m_thread;
    bool m_starting = false;
    Engine *m_engine = nullptr; // lives on m_thread
    bool m_running = false;
};

} // namespace tandem::ui
