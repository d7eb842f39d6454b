#include "mainwindow.h"

#include "enginehost.h"

#include <QAction>
#include <QApplication>
#include <QIcon>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QStatusBar>
#include <QToolBar>

using namespace Qt::StringLiterals;

namespace tandem::ui {

MainWindow::MainWindow(const QString &configPath, QWidget *parent)
    : QMainWindow(parent)
    , m_configPath(configPath)
    , m_host(new EngineHost(this))
    , m_log(new QPlainTextEdit(this))
    , m_state(new QLabel(this))
    , m_listening(new QLabel(this))
    , m_outbox(new QLabel(this))
{
    setObjectName(u"mainWindow"_s);
    setWindowTitle(tr("Tandem — %1").arg(configPath));
    setWindowIcon(QIcon(u":/tandem/tandem.svg"_s));
    m_log->setObjectName(u"logView"_s);
    m_log->setReadOnly(true);
    m_log->setMaximumBlockCount(10000);
    m_log->setLineWrapMode(QPlainTextEdit::NoWrap);
    setCentralWidget(m_log);

    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);
    QMenu *engine = menuBar()->addMenu(tr("&Engine"));
    m_startAction = engine->addAction(tr("&Start"), this, &MainWindow::startEngine);
    m_stopAction = engine->addAction(tr("S&top"), this, &MainWindow::stopEngine);
    m_startAction->setObjectName(u"startAction"_s);
    m_stopAction->setObjectName(u"stopAction"_s);
    QToolBar *toolbar = addToolBar(tr("Engine"));
    toolbar->addAction(m_startAction);
    toolbar->addAction(m_stopAction);

    m_state->setObjectName(u"engineState"_s);
    m_listening->setObjectName(u"listening"_s);
    m_outbox->setObjectName(u"outboxSize"_s);
    statusBar()->addWidget(m_state);
    statusBar()->addWidget(m_listening, 1);
    statusBar()->addPermanentWidget(m_outbox);

    // Engine events arrive on whatever thread logged them; the window shows them on its own.
    tandem::log::setSink([this](const tandem::log::Entry &entry) {
        QMetaObject::invokeMethod(
            this, [this, entry] { appendLog(entry); }, Qt::QueuedConnection);
    });
    connect(m_host, &EngineHost::started, this, [this](const QStringList &listening) {
        m_listening->setText(tr("Listening on %1").arg(listening.join(u", "_s)));
        updateStatus();
    });
    connect(m_host, &EngineHost::stopped, this, [this] {
        m_listening->clear();
        updateStatus();
    });
    connect(m_host, &EngineHost::failed, this, [this](const QString &error) {
        updateStatus();
        QMessageBox::critical(this, tr("Engine not started"), error);
    });
    connect(m_host, &EngineHost::outboxSize, this,
            [this](int n) { m_outbox->setText(tr("Outbox: %n message(s)", nullptr, n)); });
    resize(900, 560);
    updateStatus();
}

MainWindow::~MainWindow()
{
    tandem::log::setSink(nullptr);
}

bool MainWindow::loadConfiguration()
{
    const config::LoadResult loaded = config::loadFile(m_configPath);
    if (!loaded.ok()) {
        QMessageBox::critical(
            this, tr("Configuration not valid"),
            tr("%1 has these problems:\n\n%2").arg(m_configPath, loaded.errors.join(u'\n')));
        return false;
    }
    m_settings = loaded.settings;
    m_haveSettings = true;
    return true;
}

void MainWindow::startEngine()
{
    if (!m_haveSettings && !loadConfiguration())
        return;
    m_host->start(m_settings);
}

void MainWindow::stopEngine()
{
    m_host->stop();
}

void MainWindow::appendLog(const tandem::log::Entry &entry)
{
    m_log->appendPlainText(tandem::log::format(entry));
}

void MainWindow::updateStatus()
{
    const bool running = m_host->isRunning();
    m_state->setText(running ? tr("Running") : tr("Stopped"));
    m_startAction->setEnabled(!running);
    m_stopAction->setEnabled(running);
}

} // namespace tandem::ui
