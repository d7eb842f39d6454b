#include "mainwindow.h"

#include "dialogs/inboxpropertiesdialog.h"
#include "dialogs/mailboxesdialog.h"
#include "dialogs/outgoingmaildialog.h"
#include "dialogs/serverdialog.h"
#include "dialogs/smtpservicedialog.h"
#include "engine.h"
#include "enginehost.h"
#include "logmodel.h"
#include "logwindow.h"
#include "queuewindow.h"
#include "rolewizard.h"

#include <QAction>
#include <QApplication>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QIcon>
#include <QJsonDocument>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QStyle>
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
    , m_propertiesButton(new QPushButton(tr("&Properties…"), m_propertiesPage))
    , m_queue(new QueueWindow(m_host, this))
    , m_log(new LogWindow(m_logModel, this))
    , m_state(new QLabel(this))
    , m_listening(new QLabel(this))
    , m_outbox(new QLabel(this))
    , m_lastError(new QLabel(this))
{
    setObjectName(u"mainWindow"_s);
    setWindowTitle(tr("Tandem — %1").arg(configPath));
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
        if (node != Node::Queue && node != Node::Log && node != Node::SmtpServices)
            openProperties(node, item->data(0, kListenerRole).toInt());
    });
    connect(m_propertiesButton, &QPushButton::clicked, this, [this] {
        if (QTreeWidgetItem *item = m_tree->currentItem())
            openProperties(Node(item->data(0, kNodeRole).toInt()),
                           item->data(0, kListenerRole).toInt());
    });
    connect(m_host, &EngineHost::started, this, [this](const QStringList &listening) {
        m_listening->setText(tr("Listening on %1").arg(listening.join(u", "_s)));
        m_lastError->clear();
        updateStatus();
    });
    connect(m_host, &EngineHost::stopped, this, [this] {
        m_listening->clear();
        updateStatus();
    });
    connect(m_host, &EngineHost::failed, this, [this](const QString &error) {
        m_lastError->setText(error);
        updateStatus();
        QMessageBox::critical(this, tr("Engine not started"), error);
    });
    connect(m_host, &EngineHost::outboxSize, this,
            [this](int n) { m_outbox->setText(tr("Outbox: %n message(s)", nullptr, n)); });
    m_host->requestOutboxSnapshot();
    resize(1000, 640);
    updateStatus();
}

MainWindow::~MainWindow()
{
    tandem::log::setSink(nullptr);
}

void MainWindow::buildMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *open =
        file->addAction(tr("&Open configuration…"), this, &MainWindow::openConfiguration);
    open->setObjectName(u"openConfigurationAction"_s);
    open->setShortcut(QKeySequence::Open);
    QAction *wizard = file->addAction(tr("Run role &wizard…"), this, &MainWindow::runRoleWizard);
    wizard->setObjectName(u"roleWizardAction"_s);
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);

    QMenu *engine = menuBar()->addMenu(tr("&Engine"));
    m_startAction = engine->addAction(style()->standardIcon(QStyle::SP_MediaPlay), tr("&Start"),
                                      this, &MainWindow::startEngine);
    m_stopAction = engine->addAction(style()->standardIcon(QStyle::SP_MediaStop), tr("S&top"), this,
                                     &MainWindow::stopEngine);
    m_startAction->setObjectName(u"startAction"_s);
    m_stopAction->setObjectName(u"stopAction"_s);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    QMenu *language = view->addMenu(tr("&Language"));
    language->setObjectName(u"languageMenu"_s);
    const QList<QPair<QString, QString>> languages{{tr("System default"), QString()},
                                                   {u"English"_s, u"en"_s},
                                                   {u"Deutsch"_s, u"de"_s},
                                                   {u"Français"_s, u"fr"_s}};
    for (const auto &[name, code] : languages) {
        QAction *a = language->addAction(name);
        a->setData(code);
        connect(a, &QAction::triggered, this, [this, code] {
            QSettings prefs;
            prefs.setValue(u"language"_s, code);
            QMessageBox::information(this, tr("Language"),
                                     tr("The console will use the new language when it is "
                                        "started again."));
        });
    }

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Tandem"), this, [this] {
        QMessageBox::about(
            this, tr("About Tandem"),
            tr("<h3>Tandem %1</h3><p>A mail server whose job is the archive passthrough: a "
               "Mailbox serves the users, an Archive keeps a copy of every message and sends "
               "mail to the Internet.</p><p>Configuration: %2</p>")
                .arg(QApplication::applicationVersion(), m_configPath.toHtmlEscaped()));
    });

    QToolBar *toolbar = addToolBar(tr("Engine"));
    toolbar->setObjectName(u"engineToolbar"_s);
    toolbar->addAction(m_startAction);
    toolbar->addAction(m_stopAction);
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
            tr("%1 port %2 (%3)").arg(l.address).arg(l.port).arg(config::toString(l.mode)),
            Node::SmtpService, u"smtp"_s, int(i));
    }
    services->setExpanded(true);
    add(nullptr, tr("Mailboxes"), Node::Mailboxes, u"mailboxes"_s);
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
            .arg(config::toString(s.server.role), s.server.domain,
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
                 config::toString(s.undelivered.action));
    case Node::OutgoingMail: {
        QStringList routes;
        for (const config::StaticRoute &r : s.outgoing.staticRoutes)
            routes.append(u"%1 → %2:%3"_s.arg(r.domains.join(u", "_s), r.host).arg(r.port));
        return tr("SmartHost: %1\nStatic routes: %2\nRetry every %3 minutes; warn after %4 "
                  "hours, give up after %5 hours")
            .arg(s.outgoing.smarthost.host.isEmpty()
                     ? tr("none (MX records)")
                     : u"%1:%2"_s.arg(s.outgoing.smarthost.host).arg(s.outgoing.smarthost.port),
                 routes.isEmpty() ? tr("none") : routes.join(u"; "_s))
            .arg([&s] {
                QStringList m;
                for (int v : s.outgoing.retry.scheduleMinutes)
                    m.append(QString::number(v));
                return m.join(u", "_s);
            }())
            .arg(s.outgoing.retry.warnAfterHours)
            .arg(s.outgoing.retry.giveUpAfterHours);
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
            .arg(config::toString(l.mode), yesNo(l.rejectNonLocalSendersClaimingLocal),
                 yesNo(l.requireAuth), nets.join(u", "_s));
    }
    case Node::Mailboxes: {
        QStringList users;
        for (const config::User &u : s.mailboxes.users)
            users.append(u.name);
        return tr("Users: %1\nNew mailboxes keep mail %2 days in the live folders; archive "
                  "expiry %3 days (0 = never)")
            .arg(users.isEmpty() ? tr("none") : users.join(u", "_s))
            .arg(s.mailboxes.mailboxTemplate.keepLiveDays)
            .arg(s.mailboxes.mailboxTemplate.archiveExpiryDays);
    }
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
        dialog =
            std::make_unique<MailboxesDialog>(m_settings, Engine::listMailboxes(m_settings), this);
        break;
    default:
        return false;
    }
    if (dialog->exec() != QDialog::Accepted)
        return false;
    return commitSettings(dialog->settings());
}

bool MainWindow::commitSettings(const config::Settings &settings)
{
    QString error;
    if (!config::saveJson(config::toJson(settings), m_configPath, &error)) {
        QMessageBox::critical(this, tr("Configuration not saved"),
                              tr("Cannot write %1: %2").arg(m_configPath, error));
        return false;
    }
    m_settings = settings;
    m_haveSettings = true;
    rebuildTree();
    m_host->applySettings(m_settings, [this](const QString &applyError) {
        emit settingsApplied(applyError);
        if (applyError.isEmpty())
            return;
        m_lastError->setText(applyError);
        QMessageBox::warning(this, tr("Settings saved"),
                             tr("The settings are saved, but the running engine could not take "
                                "them all: %1")
                                 .arg(applyError));
    });
    return true;
}

bool MainWindow::runRoleWizard()
{
    config::Settings base = m_settings;
    if (!m_haveSettings) {
        base = config::parse(config::defaultConfigJson(), QFileInfo(m_configPath).absolutePath())
                   .settings;
    }
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

void MainWindow::updateStatus()
{
    const bool running = m_host->isRunning();
    m_state->setText(running ? tr("Running") : tr("Stopped"));
    m_startAction->setEnabled(!running);
    m_stopAction->setEnabled(running);
}

} // namespace tandem::ui
