#include "mainwindow.h"

#include "archivetext.h"
#include "config/roles.h"
#include "dialogs/archivepolicyeditor.h"
#include "dialogs/inboxpropertiesdialog.h"
#include "dialogs/mailboxesdialog.h"
#include "dialogs/outgoingmaildialog.h"
#include "dialogs/serverdialog.h"
#include "dialogs/smtpservicedialog.h"
#include "engine.h"
#include "enginehost.h"
#include "language.h"
#include "logmodel.h"
#include "logwindow.h"
#include "queuemodel.h"
#include "queuewindow.h"
#include "rolewizard.h"
#include "searchwindow.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QEvent>
#include <QEventLoop>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QIcon>
#include <QJsonDocument>
#include <QLabel>
#include <QLocale>
#include <QMenuBar>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QStyle>
#include <QTimer>
#include <QToolBar>
#include <QTreeWidget>
#include <QTreeWidgetItemIterator>

#include <QVBoxLayout>
#include <cstdio>

using namespace Qt::StringLiterals;

namespace tandem::ui {

namespace {
constexpr int kNodeRole = Qt::UserRole + 1;
constexpr int kListenerRole = Qt::UserRole + 2;
} // namespace

MainWindow::MainWindow(const QString &configPath, QWidget *parent)
    : QMainWindow(parent)
    , m_configPath(configPath)
    , m_host(new EngineHost(this))
    , m_logModel(new LogModel(this))
    , m_tree(new QTreeWidget(this))
    , m_pages(new QStackedWidget(this))
    , m_propertiesPage(new QWidget(this))
    , m_propertiesTitle(new QLabel(m_propertiesPage))
    , m_propertiesSummary(new QLabel(m_propertiesPage))
    , m_propertiesButton(new QPushButton(m_propertiesPage))
    , m_queue(new QueueWindow(m_host, this))
    , m_search(new SearchWindow(m_host, this))
    , m_log(new LogWindow(m_logModel, this))
    , m_state(new QLabel(this))
    , m_listening(new QLabel(this))
    , m_outbox(new QLabel(this))
    , m_lastError(new QLabel(this))
    , m_disk(new QLabel(this))
    , m_archive(new QLabel(this))
    , m_sizeAlarm(new QLabel(this))
{
    setObjectName(u"mainWindow"_s);
    setWindowIcon(QIcon(u":/tandem/tandem.svg"_s));

    m_tree->setObjectName(u"navigation"_s);
    m_tree->setHeaderHidden(true);
    m_tree->setMinimumWidth(220);
    m_propertiesPage->setObjectName(u"propertiesPage"_s);
    m_propertiesTitle->setObjectName(u"propertiesTitle"_s);
    QFont title = m_propertiesTitle->font();
    title.setPointSizeF(title.pointSizeF() * 1.3);
    title.setBold(true);
    m_propertiesTitle->setFont(title);
    m_propertiesSummary->setObjectName(u"propertiesSummary"_s);
    m_propertiesSummary->setWordWrap(true);
    m_propertiesSummary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_propertiesButton->setObjectName(u"propertiesButton"_s);
    auto *pageLayout = new QVBoxLayout(m_propertiesPage);
    pageLayout->addWidget(m_propertiesTitle);
    pageLayout->addWidget(m_propertiesSummary);
    auto *buttonRow = new QHBoxLayout;
    buttonRow->addWidget(m_propertiesButton);
    buttonRow->addStretch();
    pageLayout->addLayout(buttonRow);
    pageLayout->addStretch();
    m_pages->addWidget(m_propertiesPage);
    m_pages->addWidget(m_queue);
    m_pages->addWidget(m_search);
    m_pages->addWidget(m_log);

    auto *splitter = new QSplitter(this);
    splitter->addWidget(m_tree);
    splitter->addWidget(m_pages);
    splitter->setStretchFactor(1, 1);
    setCentralWidget(splitter);

    buildMenus();

    m_state->setObjectName(u"engineState"_s);
    m_listening->setObjectName(u"listening"_s);
    m_outbox->setObjectName(u"outboxSize"_s);
    m_lastError->setObjectName(u"lastError"_s);
    m_lastError->setStyleSheet(u"color: #b01c1c"_s);
    statusBar()->addWidget(m_state);
    statusBar()->addWidget(m_listening, 1);
    statusBar()->addWidget(m_lastError);
    m_disk->setObjectName(u"diskSpace"_s);
    m_disk->hide();
    statusBar()->addPermanentWidget(m_disk);
    m_archive->setObjectName(u"archiveStatus"_s);
    m_archive->hide();
    statusBar()->addPermanentWidget(m_archive);
    m_sizeAlarm->setObjectName(u"sizeAlarm"_s);
    m_sizeAlarm->setStyleSheet(u"color: #b01c1c; font-weight: bold"_s);
    m_sizeAlarm->setTextFormat(Qt::RichText);
    m_sizeAlarm->hide();
    connect(m_sizeAlarm, &QLabel::linkActivated, this, [this](const QString &mailbox) {
        m_showArchiveOf = mailbox;
        openProperties(Node::Mailboxes);
        m_showArchiveOf.clear();
    });
    statusBar()->addPermanentWidget(m_sizeAlarm);
    statusBar()->addPermanentWidget(m_outbox);

    // Engine events arrive on whatever thread logged them; the model takes them in batches.
    tandem::log::setSink([model = m_logModel](const tandem::log::Entry &entry) {
        model->append(entry);
        if (entry.level >= tandem::log::Level::Info || entry.component == u"transcript"_s)
            std::fputs((tandem::log::format(entry) + u'\n').toLocal8Bit().constData(), stderr);
    });
    tandem::log::setMinimumLevel(tandem::log::Level::Debug);

    connect(m_tree, &QTreeWidget::currentItemChanged, this,
            [this](QTreeWidgetItem *item) { showNode(item); });
    connect(m_tree, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) {
        const auto node = Node(item->data(0, kNodeRole).toInt());
        if (node != Node::Queue && node != Node::Log && node != Node::Search &&
            node != Node::SmtpServices)
            openProperties(node, item->data(0, kListenerRole).toInt());
    });
    connect(m_propertiesButton, &QPushButton::clicked, this, [this] {
        if (QTreeWidgetItem *item = m_tree->currentItem())
            openProperties(Node(item->data(0, kNodeRole).toInt()),
                           item->data(0, kListenerRole).toInt());
    });
    connect(m_host, &EngineHost::started, this, [this](const QStringList &listening) {
        m_listeningOn = listening;
        m_lastError->clear();
        updateStatus();
    });
    connect(m_host, &EngineHost::stopped, this, [this] {
        m_applying = 0; // changes on their way to the stopped engine are dropped with it
        m_listeningOn.clear();
        m_diskLevel.clear();
        m_sizeAlarms.clear(); // a new start announces those still at their cap
        updateSizeAlarm();
        updateStatus();
    });
    connect(m_host, &EngineHost::diskSpaceChanged, this,
            [this](const QString &level, qint64 free, qint64 reserve) {
                m_diskLevel = level == u"ok"_s ? QString() : level;
                m_diskFree = free;
                m_diskReserve = reserve;
                updateStatus();
            });
    // The archive's maintenance, run on schedule or asked for, as it goes and when it ends.
    connect(m_host, &EngineHost::archiveProgress, this, [this](const archive::RunReport &r) {
        m_archive->setText(ArchiveText::progress(r));
        m_archive->show();
    });
    connect(m_host, &EngineHost::archiveRunFinished, this, [this](const archive::RunReport &r) {
        m_archive->setText(ArchiveText::finished(r));
        m_archive->setToolTip(r.errors.join(u'\n'));
        m_archive->show();
    });
    connect(m_host, &EngineHost::archiveVerified, this, [this](const archive::VerifyReport &r) {
        m_archive->setText(ArchiveText::verified(r));
        m_archive->show();
    });
    connect(m_host, &EngineHost::mailboxSizeAlarm, this,
            [this](const QString &mailbox, qint64 size, qint64 cap, bool refusing) {
                m_sizeAlarms.insert(mailbox, {size, cap, refusing});
                updateSizeAlarm();
            });
    connect(m_host, &EngineHost::mailboxSizeAlarmCleared, this, [this](const QString &mailbox) {
        m_sizeAlarms.remove(mailbox);
        updateSizeAlarm();
    });
    connect(m_host, &EngineHost::failed, this, [this](const QString &error) {
        m_lastError->setText(error);
        updateStatus();
        QMessageBox::critical(this, tr("Engine not started"), error);
    });
    // The Outbox's size is the queue window's model's: it follows the engine's batches, where
    // asking the engine would read every Outbox record again on each change.
    connect(m_queue->model(), &QueueModel::countsChanged, this, [this] {
        m_outboxSize = m_queue->model()->totalCount();
        updateStatus();
    });
    resize(1200, 720);
    retranslateUi();
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QMainWindow::changeEvent(event);
}

// Every text of the window, again in the language installed now.
void MainWindow::retranslateUi()
{
    setWindowTitle(tr("Tandem — %1").arg(m_configPath));
    m_propertiesButton->setText(tr("&Properties…"));
    m_fileMenu->setTitle(tr("&File"));
    m_openAction->setText(tr("&Open configuration…"));
    m_wizardAction->setText(tr("Run role &wizard…"));
    m_quitAction->setText(tr("&Quit"));
    m_engineMenu->setTitle(tr("&Engine"));
    m_startAction->setText(tr("&Start"));
    m_stopAction->setText(tr("S&top"));
    m_runArchiveAction->setText(tr("Run &archive maintenance now"));
    m_toolsMenu->setTitle(tr("&Tools"));
    m_searchAction->setText(tr("&Search for Message…"));
    m_viewMenu->setTitle(tr("&View"));
    m_languageMenu->setTitle(tr("&Language"));
    const QList<language::Choice> choices = language::choices();
    const QList<QAction *> languageActions = m_languageMenu->actions();
    for (qsizetype i = 0; i < choices.size() && i < languageActions.size(); ++i)
        languageActions.at(i)->setText(choices.at(i).name);
    m_helpMenu->setTitle(tr("&Help"));
    m_aboutAction->setText(tr("&About Tandem"));
    m_engineToolBar->setWindowTitle(tr("Engine"));
    if (m_haveSettings)
        rebuildTree(); // the nodes' names, and the summary of the one shown
    updateStatus();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!m_host->isRunning()) {
        event->accept();
        return;
    }
    event->ignore();
    if (m_closeWhenStopped || !confirmStopOnClose())
        return; // still stopping (it closes by itself then), or kept running
    m_closeWhenStopped = true;
    connect(m_host, &EngineHost::stopped, this, &QWidget::close,
            Qt::ConnectionType(Qt::QueuedConnection | Qt::SingleShotConnection));
    m_host->stop();
    updateStatus();
}

// The mail server lives in this process: say what closing costs, and what to run instead.
bool MainWindow::confirmStopOnClose()
{
    QString cost;
    if (m_outboxSize > 0)
        cost = tr("%n message(s) waiting in the Outbox will not be sent, and no mail is "
                  "received, until the console runs again.",
                  nullptr, m_outboxSize);
    else if (m_outboxSize == 0)
        cost = tr("No mail is received until the console runs again.");
    else
        cost = tr("Mail waiting in the Outbox is not sent, and no mail is received, until the "
                  "console runs again.");
    QMessageBox box(QMessageBox::Question, tr("Stop the mail server?"),
                    tr("Closing the console stops the mail server."), QMessageBox::NoButton, this);
    box.setObjectName(u"closeConsoleBox"_s);
    box.setInformativeText(
        cost + u"\n\n"_s +
        tr("To keep a server running without the console, run tandemd as a service "
           "(tandemd --config %1); the console then only edits its configuration.")
            .arg(QDir::toNativeSeparators(m_configPath)));
    QPushButton *stop = box.addButton(tr("&Stop and close"), QMessageBox::AcceptRole);
    stop->setObjectName(u"stopAndCloseButton"_s);
    QPushButton *cancel = box.addButton(QMessageBox::Cancel);
    cancel->setObjectName(u"cancelCloseButton"_s);
    box.setDefaultButton(cancel);
    box.setEscapeButton(cancel);
    box.exec();
    return box.clickedButton() == stop;
}

MainWindow::~MainWindow()
{
    tandem::log::setSink(nullptr);
}

// The menus and the toolbar; their texts are set by retranslateUi().
void MainWindow::buildMenus()
{
    m_fileMenu = menuBar()->addMenu(QString());
    m_openAction = m_fileMenu->addAction(QString(), this, &MainWindow::openConfiguration);
    m_openAction->setObjectName(u"openConfigurationAction"_s);
    m_openAction->setShortcut(QKeySequence::Open);
    m_wizardAction = m_fileMenu->addAction(QString(), this, &MainWindow::runRoleWizard);
    m_wizardAction->setObjectName(u"roleWizardAction"_s);
    m_fileMenu->addSeparator();
    m_quitAction = m_fileMenu->addAction(QString(), QKeySequence::Quit, this, &QWidget::close);

    m_engineMenu = menuBar()->addMenu(QString());
    m_startAction = m_engineMenu->addAction(style()->standardIcon(QStyle::SP_MediaPlay), QString(),
                                            this, &MainWindow::startEngine);
    m_stopAction = m_engineMenu->addAction(style()->standardIcon(QStyle::SP_MediaStop), QString(),
                                           this, &MainWindow::stopEngine);
    m_startAction->setObjectName(u"startAction"_s);
    m_stopAction->setObjectName(u"stopAction"_s);
    m_engineMenu->addSeparator();
    m_runArchiveAction = m_engineMenu->addAction(QString(), this, [this] {
        if (m_host->runArchive()) {
            m_archive->setText(tr("Archive maintenance asked for…"));
            m_archive->show();
        }
    });
    m_runArchiveAction->setObjectName(u"runArchiveAction"_s);

    m_toolsMenu = menuBar()->addMenu(QString());
    m_searchAction = m_toolsMenu->addAction(QIcon(u":/tandem/tree/search.svg"_s), QString(), this,
                                            &MainWindow::showSearch);
    m_searchAction->setObjectName(u"searchAction"_s);
    m_searchAction->setShortcut(QKeySequence::Find);

    // View › Language: applied at once; the windows retranslate themselves.
    m_viewMenu = menuBar()->addMenu(QString());
    m_languageMenu = m_viewMenu->addMenu(QString());
    m_languageMenu->setObjectName(u"languageMenu"_s);
    auto *languages = new QActionGroup(this);
    const QString current = language::chosen();
    for (const language::Choice &choice : language::choices()) {
        QAction *a = m_languageMenu->addAction(choice.name);
        a->setObjectName(u"language_%1"_s.arg(choice.code.isEmpty() ? u"system"_s : choice.code));
        a->setData(choice.code);
        a->setCheckable(true);
        a->setChecked(choice.code == current);
        languages->addAction(a);
        connect(a, &QAction::triggered, this, [code = choice.code] { language::choose(code); });
    }

    m_helpMenu = menuBar()->addMenu(QString());
    m_aboutAction = m_helpMenu->addAction(QString(), this, [this] {
        QMessageBox::about(
            this, tr("About Tandem"),
            tr("<h3>Tandem %1</h3><p>A mail server whose job is the archive passthrough: a "
               "Mailbox serves the users, an Archive keeps a copy of every message and sends "
               "mail to the Internet.</p><p>Configuration: %2</p>")
                .arg(QApplication::applicationVersion(), m_configPath.toHtmlEscaped()));
    });

    m_engineToolBar = addToolBar(QString());
    m_engineToolBar->setObjectName(u"engineToolbar"_s);
    m_engineToolBar->addAction(m_startAction);
    m_engineToolBar->addAction(m_stopAction);
}

void MainWindow::startUp(const config::Settings &defaults)
{
    if (!QFileInfo::exists(m_configPath)) {
        if (runRoleWizard())
            return;
        QString error;
        if (!config::saveJson(config::toJson(defaults), m_configPath, &error)) {
            QMessageBox::critical(this, tr("Configuration not saved"),
                                  tr("Cannot write %1: %2").arg(m_configPath, error));
            return;
        }
    }
    if (loadConfiguration())
        startEngine();
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
    setWindowTitle(tr("Tandem — %1").arg(m_configPath));
    rebuildTree();
    m_search->setSettings(m_settings);
    // The log window begins with the last events of the data folder's log file, read before
    // the engine (queued behind this on the same thread) writes to it again.
    if (m_historyFor != m_settings.dataPath()) {
        m_historyFor = m_settings.dataPath();
        m_host->loadLogHistory(
            m_settings, kLogHistoryLines,
            [model = QPointer<LogModel>(m_logModel)](const QList<log::Entry> &entries) {
                if (model)
                    model->prependHistory(entries);
            });
    }
    return true;
}

void MainWindow::rebuildTree()
{
    const QTreeWidgetItem *current = m_tree->currentItem();
    const int currentNode = current ? current->data(0, kNodeRole).toInt() : int(Node::Server);
    const int currentListener = current ? current->data(0, kListenerRole).toInt() : -1;
    m_tree->clear();
    const auto add = [this](QTreeWidgetItem *parent, const QString &text, Node node,
                            const QString &icon, int listener = -1) {
        auto *item = parent ? new QTreeWidgetItem(parent) : new QTreeWidgetItem(m_tree);
        item->setText(0, text);
        item->setIcon(0, QIcon(u":/tandem/tree/%1.svg"_s.arg(icon)));
        item->setData(0, kNodeRole, int(node));
        item->setData(0, kListenerRole, listener);
        return item;
    };
    add(nullptr, tr("Server"), Node::Server, u"server"_s);
    add(nullptr, tr("Incoming Mail"), Node::IncomingMail, u"incoming"_s);
    add(nullptr, tr("Outgoing Mail"), Node::OutgoingMail, u"outgoing"_s);
    QTreeWidgetItem *services = add(nullptr, tr("SMTP services"), Node::SmtpServices, u"smtp"_s);
    for (qsizetype i = 0; i < m_settings.smtp.listeners.size(); ++i) {
        const config::Listener &l = m_settings.smtp.listeners.at(i);
        add(services,
            tr("%1 port %2 (%3)").arg(l.address).arg(l.port).arg(config::displayName(l.mode)),
            Node::SmtpService, u"smtp"_s, int(i));
    }
    services->setExpanded(true);
    add(nullptr, tr("Mailboxes"), Node::Mailboxes, u"mailboxes"_s);
    add(nullptr, tr("Search"), Node::Search, u"search"_s);
    add(nullptr, tr("Queue"), Node::Queue, u"queue"_s);
    add(nullptr, tr("Log"), Node::Log, u"log"_s);
    for (QTreeWidgetItemIterator it(m_tree); *it; ++it) {
        if ((*it)->data(0, kNodeRole).toInt() == currentNode &&
            (*it)->data(0, kListenerRole).toInt() == currentListener) {
            m_tree->setCurrentItem(*it);
            return;
        }
    }
    m_tree->setCurrentItem(m_tree->topLevelItem(0));
}

void MainWindow::showNode(QTreeWidgetItem *item)
{
    if (!item)
        return;
    const auto node = Node(item->data(0, kNodeRole).toInt());
    if (node == Node::Queue) {
        m_pages->setCurrentWidget(m_queue);
        return;
    }
    if (node == Node::Log) {
        m_pages->setCurrentWidget(m_log);
        return;
    }
    if (node == Node::Search) {
        m_pages->setCurrentWidget(m_search);
        return;
    }
    m_pages->setCurrentWidget(m_propertiesPage);
    m_propertiesTitle->setText(item->text(0));
    m_propertiesSummary->setText(summaryOf(node, item->data(0, kListenerRole).toInt()));
    m_propertiesButton->setVisible(node != Node::SmtpServices);
}

QString MainWindow::summaryOf(Node node, int listener) const
{
    const config::Settings &s = m_settings;
    const auto yesNo = [this](bool b) { return b ? tr("yes") : tr("no"); };
    switch (node) {
    case Node::Server:
        return tr("Role: %1\nPrimary domain: %2\nOther local domains: %3\nHost name: %4\n"
                  "Data folder: %5")
            .arg(config::displayName(s.server.role), s.server.domain,
                 s.server.localDomains.isEmpty() ? tr("none") : s.server.localDomains.join(u", "_s),
                 s.server.hostname, s.dataPath());
    case Node::IncomingMail:
        return tr("Passthrough applies to: %1\nCopy all mail to sender's Sent items: %2\n"
                  "Create mailbox if necessary: %3\nCopy all mail for local domains to Outbox: "
                  "%4\nCopy all mail without Received: headers to Outbox: %5\n"
                  "Undelivered mail: %6")
            .arg(s.passthrough.allDomains ? tr("all domains") : s.passthrough.domains.join(u", "_s),
                 yesNo(s.passthrough.copyToSenderSentItems),
                 yesNo(s.passthrough.createMailboxIfNecessary),
                 yesNo(s.passthrough.copyLocalDomainsToOutbox),
                 yesNo(s.passthrough.copyWithoutReceivedToOutbox),
                 config::displayName(s.undelivered.action, s.undelivered.forwardMailbox));
    case Node::OutgoingMail: {
        QStringList routes;
        for (const config::StaticRoute &r : s.outgoing.staticRoutes)
            routes.append(u"%1 → %2:%3"_s.arg(r.domains.join(u", "_s), r.host).arg(r.port));
        QStringList minutes;
        for (int v : s.outgoing.retry.scheduleMinutes)
            minutes.append(QString::number(v));
        return tr("SmartHost: %1\nStatic routes: %2\nRetry schedule (minutes): %3")
                   .arg(s.outgoing.smarthost.host.isEmpty()
                            ? tr("none (MX records)")
                            : u"%1:%2"_s.arg(s.outgoing.smarthost.host)
                                  .arg(s.outgoing.smarthost.port),
                        routes.isEmpty() ? tr("none") : routes.join(u"; "_s),
                        minutes.join(u", "_s)) +
               u"; "_s +
               (s.outgoing.retry.warnAfterHours == 0
                    ? tr("no delay notices")
                    : tr("warn after %n hour(s)", nullptr, s.outgoing.retry.warnAfterHours)) +
               u", "_s + tr("give up after %n hour(s)", nullptr, s.outgoing.retry.giveUpAfterHours);
    }
    case Node::SmtpServices:
        return tr("%n SMTP service(s). Choose one to see or change it.", nullptr,
                  int(s.smtp.listeners.size()));
    case Node::SmtpService: {
        if (listener < 0 || listener >= s.smtp.listeners.size())
            return {};
        const config::Listener &l = s.smtp.listeners.at(listener);
        QStringList nets;
        for (const config::Subnet &n : s.smtp.relayNetworks)
            nets.append(n.text);
        return tr("Address: %1, port %2, mode %3\nReject non-local senders claiming to be local: "
                  "%4\nRequire authentication: %5\nAllowed networks: %6")
            .arg(l.address)
            .arg(l.port)
            .arg(config::displayName(l.mode), yesNo(l.rejectNonLocalSendersClaimingLocal),
                 yesNo(l.requireAuth), nets.join(u", "_s));
    }
    case Node::Mailboxes: {
        QStringList users;
        for (const config::User &u : s.mailboxes.users)
            users.append(u.name);
        return tr("Users: %1").arg(users.isEmpty() ? tr("none") : users.join(u", "_s)) + u'\n' +
               tr("Mail to postmaster goes to: %1")
                   .arg(s.mailboxes.postmaster.isEmpty() ? tr("a mailbox of its own, “postmaster”")
                                                         : s.mailboxes.postmaster) +
               u'\n' +
               tr("Default archive settings: %1")
                   .arg(ArchivePolicyEditor::describe(s.mailboxes.mailboxTemplate));
    }
    case Node::Search:
    case Node::Queue:
    case Node::Log:
        return {};
    }
    return {};
}

bool MainWindow::openProperties(Node node, int listener)
{
    if (!m_haveSettings)
        return false;
    // A dialog starts from the settings in force: a change still on its way to the engine
    // is waited for (it takes milliseconds).
    if (m_applying > 0) {
        QEventLoop wait;
        connect(this, &MainWindow::settingsApplied, &wait, [&wait, this] {
            if (m_applying == 0)
                wait.quit();
        });
        QTimer::singleShot(10000, &wait, &QEventLoop::quit);
        wait.exec();
    }
    std::unique_ptr<OptionsDialog> dialog;
    switch (node) {
    case Node::Server:
        dialog = std::make_unique<ServerDialog>(m_settings, this);
        break;
    case Node::IncomingMail:
        dialog = std::make_unique<InboxPropertiesDialog>(m_settings, this);
        break;
    case Node::OutgoingMail:
        dialog = std::make_unique<OutgoingMailDialog>(m_settings, this);
        break;
    case Node::SmtpService:
        if (listener < 0)
            return false;
        dialog = std::make_unique<SmtpServiceDialog>(m_settings, listener, this);
        break;
    case Node::Mailboxes:
        dialog = std::make_unique<MailboxesDialog>(m_settings, this);
        static_cast<MailboxesDialog *>(dialog.get())->setEngineHost(m_host);
        m_host->listMailboxes(m_settings, [d = QPointer<MailboxesDialog>(
                                               static_cast<MailboxesDialog *>(dialog.get())),
                                           show = m_showArchiveOf](const QStringList &mailboxes) {
            if (!d)
                return;
            d->setMailboxesOnDisk(mailboxes);
            if (!show.isEmpty())
                d->showArchiveOf(show);
        });
        break;
    default:
        return false;
    }
    if (dialog->exec() != QDialog::Accepted)
        return false;
    return commitSettings(dialog->settings());
}

// The running engine takes the settings first; only then are they written and shown. A
// change it refuses (a port in use) so leaves the file, the tree and the engine agreeing on
// the settings they had, and the reason stays in the status bar until a change is taken.
bool MainWindow::commitSettings(const config::Settings &settings)
{
    if (!m_host->isRunning()) {
        QString error;
        const bool saved = saveSettings(settings, &error);
        emit settingsApplied(error);
        return saved;
    }
    ++m_applying;
    m_host->applySettings(settings, [this, settings](const QString &applyError) {
        m_applying = qMax(0, m_applying - 1);
        if (!applyError.isEmpty()) {
            m_lastError->setText(applyError);
            tell(QMessageBox::Warning, u"settingsNotAppliedBox"_s, tr("Settings not changed"),
                 tr("The running engine could not take the new settings, so nothing was "
                    "changed: the configuration file and the engine keep the settings they "
                    "had."),
                 applyError);
            emit settingsApplied(applyError);
            return;
        }
        QString error;
        if (!saveSettings(settings, &error)) {
            // The file keeps the old settings: so must the engine.
            m_host->applySettings(m_settings, [](const QString &) {});
            emit settingsApplied(error);
            return;
        }
        m_lastError->clear();
        emit settingsApplied({});
    });
    return true;
}

bool MainWindow::saveSettings(const config::Settings &settings, QString *error)
{
    if (!config::saveJson(config::toJson(settings), m_configPath, error)) {
        tell(QMessageBox::Critical, u"configurationNotSavedBox"_s, tr("Configuration not saved"),
             tr("Cannot write %1: %2").arg(m_configPath, *error), {});
        return false;
    }
    m_settings = settings;
    m_haveSettings = true;
    rebuildTree();
    m_search->setSettings(m_settings);
    return true;
}

// A message that does not stop the caller: the engine's answers arrive in callbacks.
void MainWindow::tell(QMessageBox::Icon icon, const QString &name, const QString &title,
                      const QString &text, const QString &details)
{
    auto *box = new QMessageBox(icon, title, text, QMessageBox::Ok, this);
    box->setObjectName(name);
    box->setInformativeText(details);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

bool MainWindow::runRoleWizard()
{
    const config::Settings base = config::wizardStart(m_haveSettings ? &m_settings : nullptr,
                                                      QFileInfo(m_configPath).absolutePath());
    RoleWizard wizard(base, m_configPath, this);
    if (wizard.exec() != QDialog::Accepted)
        return false;
    const bool wasRunning = m_host->isRunning();
    if (!commitSettings(wizard.settings()))
        return false;
    if (!wasRunning)
        startEngine();
    return true;
}

void MainWindow::openConfiguration()
{
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open configuration"), QFileInfo(m_configPath).absolutePath(),
        tr("Tandem configuration (*.json);;All files (*)"));
    if (path.isEmpty())
        return;
    const QString previous = std::exchange(m_configPath, path);
    if (!loadConfiguration()) {
        m_configPath = previous;
        return;
    }
    if (m_host->isRunning()) {
        connect(m_host, &EngineHost::stopped, this, &MainWindow::startEngine,
                Qt::SingleShotConnection);
        m_host->stop();
    }
}

void MainWindow::showSearch()
{
    for (QTreeWidgetItemIterator it(m_tree); *it; ++it) {
        if ((*it)->data(0, kNodeRole).toInt() == int(Node::Search))
            m_tree->setCurrentItem(*it);
    }
    m_search->focusQuery();
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

// "Mailbox full: alice@example.com (1,034 of 1,000 MiB; mail refused)", or a count of them
// with every one in the tooltip. A link: a click shows the first on the Archive tab.
void MainWindow::updateSizeAlarm()
{
    m_sizeAlarm->setVisible(!m_sizeAlarms.isEmpty());
    if (m_sizeAlarms.isEmpty()) {
        m_sizeAlarm->clear();
        m_sizeAlarm->setToolTip({});
        return;
    }
    const auto line = [](const QString &mailbox, const SizeAlarm &a) {
        const QLocale l;
        const QString of = tr("%1 of %2 MiB")
                               .arg(l.toString(double(a.size) / 1048576, 'f', 0),
                                    l.toString(double(a.cap) / 1048576, 'f', 0));
        return a.refusing ? tr("%1: %2, its mail is refused (452 4.2.2)").arg(mailbox, of)
                          : tr("%1: %2, still storing").arg(mailbox, of);
    };
    QStringList lines;
    for (auto it = m_sizeAlarms.cbegin(); it != m_sizeAlarms.cend(); ++it)
        lines.append(line(it.key(), it.value()));
    const QString first = m_sizeAlarms.firstKey();
    const QString text =
        m_sizeAlarms.size() == 1
            ? (m_sizeAlarms.first().refusing ? tr("Mailbox full: %1")
                                             : tr("Mailbox over its size cap: %1"))
                  .arg(first)
            : tr("%n mailbox(es) at their size cap", nullptr, int(m_sizeAlarms.size()));
    m_sizeAlarm->setText(u"<a href=\"%1\" style=\"color: #b01c1c\">%2</a>"_s.arg(
        first.toHtmlEscaped(), text.toHtmlEscaped()));
    m_sizeAlarm->setToolTip(lines.join(u'\n'));
}

void MainWindow::updateStatus()
{
    const bool running = m_host->isRunning();
    m_state->setText(running && m_closeWhenStopped ? tr("Stopping…")
                     : running                     ? tr("Running")
                                                   : tr("Stopped"));
    m_listening->setText(m_listeningOn.isEmpty()
                             ? QString()
                             : tr("Listening on %1").arg(m_listeningOn.join(u", "_s)));
    m_outbox->setText(m_outboxSize < 0 ? QString()
                                       : tr("Outbox: %n message(s)", nullptr, m_outboxSize));
    // The data folder short of space: amber under twice the reserve, red under it.
    const auto mib = [](qint64 bytes) {
        return QLocale().toString(double(bytes) / 1048576, 'f', 0);
    };
    m_disk->setVisible(!m_diskLevel.isEmpty());
    m_disk->setStyleSheet(m_diskLevel == u"full"_s ? u"color: #b01c1c; font-weight: bold"_s
                                                   : u"color: #9a6700"_s);
    m_disk->setText(m_diskLevel == u"full"_s
                        ? tr("Disk full: new mail refused (%1 MiB free, reserve %2 MiB)")
                              .arg(mib(m_diskFree), mib(m_diskReserve))
                    : m_diskLevel.isEmpty() ? QString()
                                            : tr("Disk space low: %1 MiB free (reserve %2 MiB)")
                                                  .arg(mib(m_diskFree), mib(m_diskReserve)));
    m_startAction->setEnabled(!running);
    m_stopAction->setEnabled(running);
    m_runArchiveAction->setEnabled(running);
}

} // namespace tandem::ui
