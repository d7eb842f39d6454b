#pragma once

#include "config/settings.h"

#include <QMainWindow>
#include <QMap>
#include <QMessageBox>

class QAction;
class QLabel;
class QMenu;
class QPushButton;
class QStackedWidget;
class QToolBar;
class QTreeWidget;
class QTreeWidgetItem;

namespace tandem::ui {

class EngineHost;
class LogModel;
class LogWindow;
class QueueWindow;
class SearchWindow;

// The console: a tree of the server's parts on the left as in the classic console (Server,
// Incoming Mail, Outgoing Mail, one node per SMTP service, Mailboxes, Search, Queue, Log), the
// chosen part on the right, and the engine's state in the status bar. Dialogs write the
// configuration file and apply it to the running engine.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    enum class Node {
        Server,
        IncomingMail,
        OutgoingMail,
        SmtpServices,
        SmtpService,
        Mailboxes,
        Search,
        Queue,
        Log
    };

    explicit MainWindow(const QString &configPath, QWidget *parent = nullptr);
    ~MainWindow() override;

    // The console's start: the configuration file and the engine on it; on the very first
    // start (no file yet) the role wizard first, and when it is cancelled `defaults` (the
    // default configuration; tests give it free ports), written and read back like any other.
    void startUp(const config::Settings &defaults = config::defaultSettings());
    // Reads the configuration file; false, with a message shown, when it is not valid.
    bool loadConfiguration();
    const config::Settings &settings() const { return m_settings; }
    QString configPath() const { return m_configPath; }
    EngineHost *host() const { return m_host; }

    // Opens the dialog of a node (modal); true when it was accepted and its settings handed
    // to commitSettings().
    bool openProperties(Node node, int listener = -1);
    // Applies the settings to the running engine, and once it took them writes them to the
    // file and shows them; an engine that refuses them (a port in use) changes nothing, and
    // the reason is shown. With no engine running they are written at once. False when the
    // file could not be written, as far as known on return; settingsApplied() tells the end.
    bool commitSettings(const config::Settings &settings);

signals:
    // After commitSettings(): taken and written (error empty), or refused and nothing changed.
    void settingsApplied(const QString &error);

public slots:
    // Tools › Search for Message…: the Search page, the keyboard in its query line.
    void showSearch();
    void startEngine();
    void stopEngine();
    bool runRoleWizard();
    void openConfiguration();

protected:
    void changeEvent(QEvent *event) override;
    // The engine runs in this process: closing asks first, then stops it and closes.
    void closeEvent(QCloseEvent *event) override;

private:
    void buildMenus();
    void retranslateUi();
    void rebuildTree();
    void showNode(QTreeWidgetItem *item);
    void updateStatus();
    void updateSizeAlarm();
    bool confirmStopOnClose();
    bool saveSettings(const config::Settings &settings, QString *error);
    void tell(QMessageBox::Icon icon, const QString &name, const QString &title,
              const QString &text, const QString &details);
    QString summaryOf(Node node, int listener) const;

    QString m_configPath;
    config::Settings m_settings;
    bool m_haveSettings = false;
    QString m_historyFor; // the data folder whose log file the log window was given
    static constexpr int kLogHistoryLines = 500;
    EngineHost *m_host;
    LogModel *m_logModel;
    QTreeWidget *m_tree;
    QStackedWidget *m_pages;
    QWidget *m_propertiesPage;
    QLabel *m_propertiesTitle;
    QLabel *m_propertiesSummary;
    QPushButton *m_propertiesButton;
    QueueWindow *m_queue;
    SearchWindow *m_search;
    LogWindow *m_log;
    QLabel *m_state;
    QLabel *m_listening;
    QLabel *m_outbox;
    QLabel *m_lastError;
    QLabel *m_disk;
    QLabel *m_archive; // a maintenance run's progress, then its summary
    // Mailboxes at their size cap, as the engine's alarm told: the status bar names them and
    // a click opens the Mailboxes dialog's Archive tab on the first.
    struct SizeAlarm {
        qint64 size = 0;
        qint64 cap = 0;
        bool refusing = false;
    };
    QMap<QString, SizeAlarm> m_sizeAlarms;
    QLabel *m_sizeAlarm;
    QString m_showArchiveOf; // the Mailboxes dialog opens on this mailbox's Archive tab
    QMenu *m_fileMenu = nullptr;
    QMenu *m_engineMenu = nullptr;
    QMenu *m_toolsMenu = nullptr;
    QMenu *m_viewMenu = nullptr;
    QMenu *m_languageMenu = nullptr;
    QMenu *m_helpMenu = nullptr;
    QAction *m_openAction = nullptr;
    QAction *m_wizardAction = nullptr;
    QAction *m_quitAction = nullptr;
    QAction *m_startAction = nullptr;
    QAction *m_stopAction = nullptr;
    QAction *m_runArchiveAction = nullptr;
    QAction *m_searchAction = nullptr;
    QAction *m_aboutAction = nullptr;
    QToolBar *m_engineToolBar = nullptr;
    QStringList m_listeningOn; // while the engine runs
    int m_outboxSize = -1;     // not known yet
    QString m_diskLevel;       // "low" or "full" while the data folder is short of space
    qint64 m_diskFree = 0;
    qint64 m_diskReserve = 0;
    QStringList m_mailboxesOnDisk;
    int m_applying = 0; // changes handed to the engine and not answered yet
    bool m_closeWhenStopped = false;
};

} // namespace tandem::ui
