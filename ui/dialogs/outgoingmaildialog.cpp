#include "outgoingmaildialog.h"

#include "routing/router.h"
#include "secrets.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace tandem::ui {

namespace {

QComboBox *tlsCombo(const QString &name, config::TlsMode mode)
{
    auto *combo = new QComboBox;
    combo->setObjectName(name);
    combo->addItem(OutgoingMailDialog::tr("Opportunistic (STARTTLS when offered)"),
                   int(config::TlsMode::Opportunistic));
    combo->addItem(OutgoingMailDialog::tr("Required (never send in clear)"),
                   int(config::TlsMode::Required));
    combo->addItem(OutgoingMailDialog::tr("Off"), int(config::TlsMode::Off));
    combo->setCurrentIndex(combo->findData(int(mode)));
    return combo;
}

QStringList splitList(const QString &text)
{
    QStringList items;
    const QStringList parts = text.split(u',');
    for (const QString &part : parts) {
        if (!part.trimmed().isEmpty())
            items.append(part.trimmed().toLower());
    }
    return items;
}

} // namespace

// --- RouteDialog ---

RouteDialog::RouteDialog(const config::Settings &settings, int index, QWidget *parent)
    : OptionsDialog(settings, parent)
    , m_index(index)
{
    setObjectName(u"routeDialog"_s);
    const bool adding = index >= settings.outgoing.staticRoutes.size();
    setWindowTitle(adding ? tr("Add Static Route") : tr("Edit Static Route"));
    const config::StaticRoute route =
        adding ? config::StaticRoute{} : settings.outgoing.staticRoutes.at(index);
    m_domains = new QLineEdit(route.domains.join(u", "_s));
    m_domains->setObjectName(u"routeDomains"_s);
    m_domains->setPlaceholderText(tr("example.org, *.example.org or *"));
    m_host = new QLineEdit(route.host);
    m_host->setObjectName(u"routeHost"_s);
    m_host->setPlaceholderText(tr("archive.example.com or 192.168.1.20"));
    m_port = portEdit(u"routePort"_s, route.port);
    m_username = new QLineEdit(route.username);
    m_username->setObjectName(u"routeUser"_s);
    m_username->setPlaceholderText(tr("none"));
    m_tls = tlsCombo(u"routeTls"_s, route.tls);
    explain(m_domains,
            tr("The recipient domains this route takes: example.org, *.example.org or *."),
            tr("<p>Comma-separated patterns matched against each recipient's domain: "
               "example.org (that domain), *.example.org (its subdomains only) or * (every "
               "domain). The first route that matches wins; then the SmartHost, then the "
               "domain's MX records.</p>"));
    explain(m_host, tr("The server mail for these domains is handed to."),
            tr("<p>The next hop for mail of these domains, by name or address — on a Mailbox, "
               "the Archive machine (route *); on an Archive without DNS, the Mailbox machine "
               "for the local domain.</p>"));
    explain(m_port, tr("The next hop's SMTP port, usually 25."),
            tr("<p>The port the next hop takes mail on: 25 between servers, 587 for a "
               "provider's submission service.</p>"));
    explain(m_username, tr("Log in to the next hop as this user; empty for no login."),
            tr("<p>A user name to authenticate to the next hop with (AUTH); its password is "
               "kept in the desktop keychain under [host]:port, never in the configuration "
               "file. Empty: no login.</p>"));
    explain(m_tls, tr("Whether mail to this next hop must travel encrypted."),
            tr("<p><b>Opportunistic</b>: STARTTLS when the next hop offers it (a failed "
               "handshake falls back to clear text for an hour). <b>Required</b>: never send in "
               "clear — without TLS the mail waits (4.7.x) and is retried. <b>Off</b>: never "
               "TLS.</p>"));
    auto *form = new QFormLayout;
    form->addRow(tr("&Domains:"), withError(m_domains));
    form->addRow(tr("Next &hop:"), withError(m_host));
    form->addRow(tr("&Port:"), withError(m_port));
    form->addRow(tr("&User name:"), withError(m_username));
    form->addRow(tr("&TLS:"), withError(m_tls));
    auto *note = new QLabel(tr("Mail for these domains goes to this host instead of the "
                               "domain's MX. The first route that matches is used."));
    note->setWordWrap(true);
    form->addRow(note);
    setBody(form);
    setMinimumWidth(460);

    const QString me = u"outgoing\\.static_routes\\[%1\\]"_s.arg(index);
    routeErrors(me + u"\\.domains.*"_s, m_domains);
    routeErrors(me + u"\\.host"_s, m_host);
    routeErrors(me + u"\\.port"_s, m_port);
    routeErrors(me + u"\\.username"_s, m_username);
    routeErrors(me + u"\\.tls"_s, m_tls);
}

void RouteDialog::apply(config::Settings &s)
{
    config::StaticRoute route;
    route.domains = splitList(m_domains->text());
    route.host = m_host->text().trimmed();
    if (const auto port = readPort(m_port))
        route.port = *port;
    route.username = m_username->text().trimmed();
    route.tls = config::TlsMode(m_tls->currentData().toInt());
    if (m_index < s.outgoing.staticRoutes.size())
        s.outgoing.staticRoutes[m_index] = route;
    else
        s.outgoing.staticRoutes.append(route);
}

// --- OutgoingMailDialog ---

OutgoingMailDialog::OutgoingMailDialog(const config::Settings &settings, QWidget *parent)
    : OptionsDialog(settings, parent)
    , m_routes(settings.outgoing.staticRoutes)
{
    setObjectName(u"outgoingMailDialog"_s);
    setWindowTitle(tr("Options | Outgoing Mail"));
    setTabs({{smartHostTab(), tr("&SmartHost")},
             {routesTab(), tr("Static &Routes")},
             {retryTab(), tr("Retr&y")}});

    setMinimumWidth(560);
    routeErrors(u"outgoing\\.smarthost\\.host"_s, m_host);
    routeErrors(u"outgoing\\.smarthost\\.port"_s, m_port);
    routeErrors(u"outgoing\\.smarthost\\.username"_s, m_username);
    routeErrors(u"outgoing\\.smarthost\\.tls"_s, m_tls);
    routeErrors(u"outgoing\\.static_routes\\[(\\d+)\\].*"_s, m_routesTable,
                [](const QRegularExpressionMatch &m, const QString &message) {
                    return tr("Route %1: %2").arg(m.captured(1).toInt() + 1).arg(message);
                });
    routeErrors(u"outgoing\\.retry\\.schedule_minutes.*"_s, m_schedule);
    routeErrors(u"outgoing\\.retry\\.warn_after_hours"_s, m_warnAfter);
    routeErrors(u"outgoing\\.retry\\.give_up_after_hours"_s, m_giveUpAfter);
}

QWidget *OutgoingMailDialog::smartHostTab()
{
    const config::Settings &s = original();
    const config::SmartHost &sh = s.outgoing.smarthost;
    auto *page = new QWidget;
    page->setObjectName(u"smartHostTab"_s);
    auto *intro = new QLabel(tr("Send all outgoing mail through this server (your ISP's, or the "
                                "Archive machine) instead of delivering it by MX records. "
                                "Leave the host empty to use MX records; static routes come "
                                "first."));
    intro->setWordWrap(true);
    m_host = new QLineEdit(sh.host);
    m_host->setObjectName(u"smarthostHost"_s);
    m_host->setPlaceholderText(tr("smtp.isp.example"));
    m_port = portEdit(u"smarthostPort"_s, sh.port);
    m_username = new QLineEdit(sh.username);
    m_username->setObjectName(u"smarthostUser"_s);
    m_password = new QLineEdit(s.passwords.value(routing::hopFor(sh.host, sh.port)));
    m_password->setObjectName(u"smarthostPassword"_s);
    m_password->setEchoMode(QLineEdit::Password);
    auto *passwordNote = new QLabel(tr("Kept in the desktop keychain, never in the "
                                       "configuration file."));
    passwordNote->setWordWrap(true);
    m_tls = tlsCombo(u"smarthostTls"_s, sh.tls);
    explain(m_host, tr("Send mail through this server instead of by MX records; empty for MX."),
            tr("<p>The SmartHost: every message no static route takes is handed to this server "
               "(your provider's relay, or on a Mailbox the Archive machine) instead of being "
               "delivered by the recipient domain's MX records. Leave it empty to use MX "
               "records.</p>"));
    explain(m_port, tr("The SmartHost's port: 25, or 587 for a provider's submission service."),
            tr("<p>The port the SmartHost takes mail on: 25 between servers, 587 for a "
               "provider's submission service (usually with a login).</p>"));
    explain(m_username, tr("Log in to the SmartHost as this user; empty for no login."),
            tr("<p>The user name for AUTH at the SmartHost; empty for no login. The password "
               "goes with it.</p>"));
    explain(m_password, tr("The SmartHost password; kept in the desktop keychain."),
            tr("<p>The password for the user above. It is stored in the desktop keychain, "
               "never in the configuration file (tandemd reads it from its secrets file, under "
               "[host]:port).</p>"));
    explain(m_tls, tr("Whether mail to the SmartHost must travel encrypted."),
            tr("<p><b>Opportunistic</b>: STARTTLS when the SmartHost offers it (a failed "
               "handshake falls back to clear text for an hour). <b>Required</b>: never send in "
               "clear — without TLS the mail waits (4.7.x) and is retried. <b>Off</b>: never "
               "TLS.</p>"));
    auto *form = new QFormLayout(page);
    form->addRow(intro);
    form->addRow(tr("&Host:"), withError(m_host));
    form->addRow(tr("&Port:"), withError(m_port));
    form->addRow(tr("&User name:"), withError(m_username));
    auto *password = new QVBoxLayout;
    password->setSpacing(2);
    password->addWidget(m_password);
    password->addWidget(errorLabel(m_password));
    password->addWidget(passwordNote);
    auto *passwordLabel = new QLabel(tr("Pass&word:"));
    passwordLabel->setBuddy(m_password);
    form->addRow(passwordLabel, password);
    form->addRow(tr("&TLS:"), withError(m_tls));
    return page;
}

QWidget *OutgoingMailDialog::routesTab()
{
    auto *page = new QWidget;
    page->setObjectName(u"routesTab"_s);
    m_routesTable = new QTableWidget(0, 3);
    m_routesTable->setObjectName(u"staticRoutes"_s);
    m_routesTable->setHorizontalHeaderLabels({tr("Domains"), tr("Next hop"), tr("Port")});
    m_routesTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_routesTable->setSelectionMode(QAbstractItemView::SingleSelection);
    m_routesTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_routesTable->verticalHeader()->hide();
    explain(m_routesTable, tr("Routes tried from the top; double-click one to edit it."),
            tr("<p>Static routes: mail for a recipient whose domain matches a route goes to "
               "that route's next hop instead of the SmartHost or the MX records. Routes are "
               "tried from the top, and the first that matches wins; move them with <i>Move "
               "Up</i> and <i>Move Down</i>.</p>"));
    m_routesTable->setWordWrap(false);
    m_routesTable->setTextElideMode(Qt::ElideRight);
    m_routesTable->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_routesTable->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_routesTable->horizontalHeader()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    QPushButton *add = button(tr("&Add…"), u"addRoute"_s);
    QPushButton *edit = button(tr("&Edit…"), u"editRoute"_s);
    QPushButton *remove = button(tr("Re&move"), u"removeRoute"_s);
    QPushButton *up = button(tr("Move &Up"), u"moveRouteUp"_s);
    QPushButton *down = button(tr("Move &Down"), u"moveRouteDown"_s);
    auto *note = new QLabel(tr("Routes are tried from the top; the first whose domains match "
                               "the recipient's is used (example.org, *.example.org, or * for "
                               "every domain)."));
    note->setWordWrap(true);
    auto *buttons = new QVBoxLayout;
    for (QPushButton *b : {add, edit, remove, up, down})
        buttons->addWidget(b);
    buttons->addStretch(1);
    auto *layout = new QGridLayout(page);
    layout->addWidget(note, 0, 0, 1, 2);
    layout->addWidget(m_routesTable, 1, 0);
    layout->addLayout(buttons, 1, 1);
    layout->addWidget(errorLabel(m_routesTable), 2, 0, 1, 2);
    fillRoutes();

    connect(add, &QPushButton::clicked, this, [this] { editRoute(int(m_routes.size())); });
    connect(edit, &QPushButton::clicked, this, [this] {
        if (m_routesTable->currentRow() >= 0)
            editRoute(m_routesTable->currentRow());
    });
    connect(m_routesTable, &QTableWidget::cellDoubleClicked, this,
            [this](int row, int) { editRoute(row); });
    connect(remove, &QPushButton::clicked, this, [this] {
        const int row = m_routesTable->currentRow();
        if (row < 0)
            return;
        m_routes.removeAt(row);
        fillRoutes();
        m_routesTable->selectRow(qMin(row, int(m_routes.size()) - 1));
    });
    connect(up, &QPushButton::clicked, this, [this] { moveRoute(-1); });
    connect(down, &QPushButton::clicked, this, [this] { moveRoute(+1); });
    return page;
}

QWidget *OutgoingMailDialog::retryTab()
{
    const config::RetrySettings &retry = original().outgoing.retry;
    auto *page = new QWidget;
    page->setObjectName(u"retryTab"_s);
    QStringList minutes;
    for (int m : retry.scheduleMinutes)
        minutes.append(QString::number(m));
    m_schedule = new QLineEdit(minutes.join(u", "_s));
    m_schedule->setObjectName(u"retrySchedule"_s);
    m_schedule->setPlaceholderText(tr("1, 5, 15, 30, 60, 120"));
    auto *scheduleNote = new QLabel(tr("Minutes between attempts; the last interval repeats."));
    scheduleNote->setWordWrap(true);
    const auto hours = [](int n) { return tr(" hour(s)", nullptr, n); };
    m_warnAfter = spinBox(u"warnAfterHours"_s, 0, 8760, hours, retry.warnAfterHours, tr("Never"));
    m_giveUpAfter = spinBox(u"giveUpAfterHours"_s, 1, 8760, hours, retry.giveUpAfterHours);
    explain(m_schedule, tr("Minutes between attempts, such as 1, 5, 15, 30; the last repeats."),
            tr("<p>How long a deferred message waits before each next attempt, in minutes, "
               "comma-separated; after the last interval, it repeats. Retry now in the queue "
               "window tries at once.</p>"));
    explain(m_warnAfter, tr("Tell the sender that the message is delayed after this long."),
            tr("<p>A delay notice (RFC 3464) goes to the sender once a message has waited this "
               "long, if the sender did not ask for none; <i>Never</i> (0) sends none.</p>"));
    explain(m_giveUpAfter, tr("Return the message to its sender after this long."),
            tr("<p>After this long a message still not delivered is returned to its sender with "
               "a failure notice (5.4.7), and its entry leaves the Outbox.</p>"));
    auto *form = new QFormLayout(page);
    auto *schedule = new QVBoxLayout;
    schedule->setSpacing(2);
    schedule->addWidget(m_schedule);
    schedule->addWidget(errorLabel(m_schedule));
    schedule->addWidget(scheduleNote);
    auto *scheduleLabel = new QLabel(tr("Retry sc&hedule:"));
    scheduleLabel->setBuddy(m_schedule);
    form->addRow(scheduleLabel, schedule);
    form->addRow(tr("&Warn the sender after:"), withError(m_warnAfter));
    form->addRow(tr("&Give up after:"), withError(m_giveUpAfter));
    return page;
}

void OutgoingMailDialog::fillRoutes()
{
    m_routesTable->setRowCount(int(m_routes.size()));
    for (int row = 0; row < m_routes.size(); ++row) {
        const config::StaticRoute &r = m_routes.at(row);
        m_routesTable->setItem(row, 0, new QTableWidgetItem(r.domains.join(u", "_s)));
        m_routesTable->setItem(row, 1, new QTableWidgetItem(r.host));
        auto *port = new QTableWidgetItem(QString::number(r.port));
        port->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        m_routesTable->setItem(row, 2, port);
    }
}

void OutgoingMailDialog::editRoute(int row)
{
    config::Settings s = original();
    s.outgoing.staticRoutes = m_routes;
    RouteDialog dialog(s, row, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const config::StaticRoute route = dialog.route();
    if (row < m_routes.size())
        m_routes[row] = route;
    else
        m_routes.append(route);
    clearError(m_routesTable);
    fillRoutes();
    m_routesTable->selectRow(row);
}

void OutgoingMailDialog::moveRoute(int by)
{
    const int row = m_routesTable->currentRow();
    const int to = row + by;
    if (row < 0 || to < 0 || to >= m_routes.size())
        return;
    m_routes.move(row, to);
    fillRoutes();
    m_routesTable->selectRow(to);
}

void OutgoingMailDialog::apply(config::Settings &s)
{
    config::SmartHost &sh = s.outgoing.smarthost;
    sh.host = m_host->text().trimmed();
    if (const auto port = readPort(m_port))
        sh.port = *port;
    sh.username = m_username->text().trimmed();
    sh.tls = config::TlsMode(m_tls->currentData().toInt());
    if (!m_password->text().isEmpty() && sh.host.isEmpty())
        refuse(m_host, tr("A password needs the SmartHost it belongs to."));
    else if (!m_password->text().isEmpty() && sh.username.isEmpty())
        refuse(m_username, tr("A password needs the user name it belongs to."));

    s.outgoing.staticRoutes = m_routes;

    config::RetrySettings &retry = s.outgoing.retry;
    retry.scheduleMinutes.clear();
    const QStringList parts = m_schedule->text().split(u',');
    for (const QString &part : parts) {
        if (part.trimmed().isEmpty())
            continue;
        bool ok = false;
        const int minutes = part.trimmed().toInt(&ok);
        if (!ok) {
            refuse(m_schedule, tr("“%1” is not a number of minutes; write them as 1, 5, 15, 30.")
                                   .arg(part.trimmed()));
            break;
        }
        retry.scheduleMinutes.append(minutes);
    }
    retry.warnAfterHours = m_warnAfter->value();
    retry.giveUpAfterHours = m_giveUpAfter->value();
}

void OutgoingMailDialog::commit(config::Settings &s)
{
    const config::SmartHost &sh = s.outgoing.smarthost;
    const QString password = m_password->text();
    if (sh.host.isEmpty() || password.isEmpty() ||
        s.passwords.value(routing::hopFor(sh.host, sh.port)) == password) {
        QDialog::accept();
        return;
    }
    // The file never holds the password: it goes to the keychain, and to the running engine
    // through settings().passwords. The dialog closes once the keychain has it.
    const QString hop = routing::hopFor(sh.host, sh.port);
    s.passwords.insert(hop, password);
    buttonBox()->setEnabled(false);
    Secrets::store(hop, password, this, [this](bool ok, const QString &error) {
        buttonBox()->setEnabled(true);
        if (ok) {
            QDialog::accept();
            return;
        }
        showError(m_password, tr("The keychain did not take the password: %1").arg(error));
        m_password->setFocus(Qt::OtherFocusReason);
    });
}

} // namespace tandem::ui
