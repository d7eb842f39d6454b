#pragma once

#include "config/settings.h"
#include "util/log.h"

#include <QMainWindow>

class QAction;
class QLabel;
class QPlainTextEdit;

namespace tandem::ui {

class EngineHost;

// The console's window: the engine's state in the status bar and its events, live.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(const QString &configPath, QWidget *parent = nullptr);
    ~MainWindow() override;

    bool loadConfiguration(); // false, with a message shown, when the file is not valid

public slots:
    void startEngine();
    void stopEngine();

private:
    void appendLog(const tandem::log::Entry &entry);
    void updateStatus();

    QString m_configPath;
    config::Settings m_settings;
    bool m_haveSettings = false;
    EngineHost *m_host;
    QPlainTextEdit *m_log;
    QLabel *m_state;
    QLabel *m_listening;
    QLabel *m_outbox;
    QAction *m_startAction;
    QAction *m_stopAction;
};

} // namespace tandem::ui
