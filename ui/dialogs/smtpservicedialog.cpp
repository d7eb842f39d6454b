#include "smtpservicedialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace tandem::ui {

SmtpServiceDialog::SmtpServiceDialog(const config::Settings &settings, int index, QWidget *parent)
    : OptionsDialog(settings, parent)
    , m_index(index)
{
    Q_ASSERT(index >= 0 && index < settings.smtp.listeners.size());
    setObjectName(u"smtpServiceDialog"_s);
    const config::Listener &l = settings.smtp.listeners.at(index);
    setWindowTitle(tr("SMTP Service Properties — %1 port %2").arg(l.address).arg(l.port));
    setTabs({{generalTab(), tr("&General")},
             {blacklistsTab(), tr("&Blacklists")},
             {relayingTab(), tr("&Relaying && Authentication")}});

    const QString me = u"smtp\\.listeners\\[%1\\]"_s.arg(index);
    routeErrors(me + u"\\.address"_s, m_address);
    routeErrors(me + u"\\.port"_s, m_port);
    routeErrors(me + u"\\.mode"_s, m_mode);
    routeErrors(me + u"\\.require_auth"_s, m_requireAuth);
    // Two listeners on one address and port: reported on the later one, shown at the port.
    routeErrors(u"smtp\\.listeners\\[\\d+\\]"_s, m_port);
    // The open-relay check names a listener by its index; say which service that is.
    routeErrors(u"smtp\\.relay_networks.*"_s, m_networks,
                [this](const QRegularExpressionMatch &, const QString &message) {
                    static const QRegularExpression listener(u"smtp\\.listeners\\[(\\d+)\\]"_s);
                    QString text = message;
                    const QRegularExpressionMatch m = listener.match(text);
                    if (m.hasMatch()) {
                        const int i = m.captured(1).toInt();
                        const QString service =
                            i == m_index ? tr("this SMTP service")
                                         : tr("the SMTP service on %1 port %2")
                                               .arg(original().smtp.listeners.value(i).address)
                                               .arg(original().smtp.listeners.value(i).port);
                        text.replace(m.capturedStart(), m.capturedLength(), service);
                    }
                    text[0] = text.at(0).toUpper();
                    return text.endsWith(u'.') ? text : text + u'.';
                });
}

QWidget *SmtpServiceDialog::generalTab()
{
    const config::Listener &l = original().smtp.listeners.at(m_index);
    auto *page = new QWidget;
    page->setObjectName(u"generalTab"_s);
    m_address = new QLineEdit(l.address);
    m_address->setObjectName(u"address"_s);
    m_address->setPlaceholderText(tr("0.0.0.0, ::, or one address"));
    m_port = portEdit(u"port"_s, l.port);
    m_mode = new QComboBox;
    m_mode->setObjectName(u"mode"_s);
    m_mode->addItem(tr("SMTP (mail from other servers, STARTTLS offered)"),
                    int(config::ListenerMode::Smtp));
    m_mode->addItem(tr("Submission (mail clients, STARTTLS)"),
                    int(config::ListenerMode::Submission));
    m_mode->addItem(tr("SMTPS (mail clients, implicit TLS)"), int(config::ListenerMode::Smtps));
    m_mode->setCurrentIndex(m_mode->findData(int(l.mode)));
    auto *note = new QLabel(tr("0.0.0.0 listens on every IPv4 address of this machine, :: on "
                               "every IPv6 address. SMTPS needs the server certificate "
                               "(smtp.tls in the configuration file)."));
    note->setObjectName(u"generalNote"_s);
    note->setWordWrap(true);
    auto *form = new QFormLayout(page);
    form->addRow(tr("&Address:"), withError(m_address));
    form->addRow(tr("&Port:"), withError(m_port));
    form->addRow(tr("&Mode:"), withError(m_mode));
    form->addRow(note);
    return page;
}

QWidget *SmtpServiceDialog::blacklistsTab()
{
    const config::Listener &l = original().smtp.listeners.at(m_index);
    auto *page = new QWidget;
    page->setObjectName(u"blacklistsTab"_s);
    m_rejectNonLocal = new QCheckBox(tr("Reject non-local senders claiming to be local"));
    m_rejectNonLocal->setObjectName(u"rejectNonLocalSenders"_s);
    m_rejectNonLocal->setChecked(l.rejectNonLocalSendersClaimingLocal);
    auto *note = new QLabel(
        tr("On a connection that is neither from an allowed network nor authenticated, a MAIL "
           "FROM address in a local domain is refused (550 5.7.1), so that mail which only "
           "looks local is never archived as sent by a local user."));
    note->setObjectName(u"rejectNote"_s);
    note->setWordWrap(true);
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(m_rejectNonLocal);
    layout->addWidget(note);
    layout->addStretch(1);
    return page;
}

QWidget *SmtpServiceDialog::relayingTab()
{
    const config::Settings &s = original();
    const config::Listener &l = s.smtp.listeners.at(m_index);
    auto *page = new QWidget;
    page->setObjectName(u"relayingTab"_s);

    auto *networksBox = new QGroupBox(tr("Allowed networks (every SMTP service)"));
    m_newNetwork = new QLineEdit;
    m_newNetwork->setObjectName(u"newRelayNetwork"_s);
    m_newNetwork->setPlaceholderText(tr("192.168.1.0/24"));
    QPushButton *add = button(tr("A&dd"), u"addRelayNetwork"_s);
    m_networks = new QListWidget;
    m_networks->setObjectName(u"relayNetworks"_s);
    m_networks->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_networks->setMinimumHeight(m_networks->fontMetrics().height() * 5);
    for (const config::Subnet &net : s.smtp.relayNetworks)
        m_networks->addItem(net.text);
    QPushButton *remove = button(tr("Re&move"), u"removeRelayNetwork"_s);
    auto *note = new QLabel(tr("Clients in these networks may relay to any domain without "
                               "logging in."));
    note->setWordWrap(true);
    m_trustedOnly = new QCheckBox(tr("Accept mail only from these networks and authenticated "
                                     "clients (this service)"));
    m_trustedOnly->setObjectName(u"trustedClientsOnly"_s);
    m_trustedOnly->setChecked(l.trustedClientsOnly);
    // Opening an Archive to the Internet is allowed, but never by accident.
    m_openWarning = new QLabel(
        tr("Anyone may now hand mail to this Archive. Their mail is kept in the catch-all "
           "mailbox: only these networks and authenticated clients make mailboxes and Sent "
           "copies, at most smtp.max_new_mailboxes_per_hour per client."));
    m_openWarning->setObjectName(u"openArchiveWarning"_s);
    m_openWarning->setWordWrap(true);
    m_openWarning->setStyleSheet(u"color: #9a6700"_s);
    const auto showWarning = [this, archive = s.server.role == config::Role::Archive] {
        m_openWarning->setVisible(archive && !m_trustedOnly->isChecked());
    };
    showWarning();
    connect(m_trustedOnly, &QCheckBox::toggled, this, showWarning);
    auto *networks = new QGridLayout(networksBox);
    networks->addWidget(note, 0, 0, 1, 2);
    networks->addWidget(m_newNetwork, 1, 0);
    networks->addWidget(add, 1, 1);
    networks->addWidget(m_networks, 2, 0);
    networks->addWidget(remove, 2, 1, Qt::AlignTop);
    networks->addWidget(errorLabel(m_networks), 3, 0, 1, 2);
    networks->addWidget(m_trustedOnly, 4, 0, 1, 2);
    networks->addWidget(m_openWarning, 5, 0, 1, 2);

    auto *authBox = new QGroupBox(tr("Authentication"));
    m_requireAuth = new QCheckBox(tr("Require authentication"));
    m_requireAuth->setObjectName(u"requireAuth"_s);
    m_requireAuth->setChecked(l.requireAuth);
    m_allowPlaintextAuth = new QCheckBox(tr("Allow authentication without TLS"));
    m_allowPlaintextAuth->setObjectName(u"allowPlaintextAuth"_s);
    m_allowPlaintextAuth->setChecked(s.smtp.allowPlaintextAuth);
    auto *plaintextNote = new QLabel(tr("(every SMTP service; passwords then cross the network "
                                        "readable — for a trusted loopback only)"));
    plaintextNote->setWordWrap(true);
    plaintextNote->setIndent(m_allowPlaintextAuth->fontMetrics().height() + 6);
    auto *auth = new QVBoxLayout(authBox);
    auth->addWidget(m_requireAuth);
    auth->addWidget(m_allowPlaintextAuth);
    auth->addWidget(plaintextNote);
    auth->addWidget(errorLabel(m_requireAuth));

    auto *layout = new QVBoxLayout(page);
    layout->addWidget(networksBox, 1);
    layout->addWidget(authBox);

    connect(add, &QPushButton::clicked, this, &SmtpServiceDialog::addRelayNetwork);
    connect(remove, &QPushButton::clicked, this,
            [this] { qDeleteAll(m_networks->selectedItems()); });
    return page;
}

void SmtpServiceDialog::addRelayNetwork()
{
    clearError(m_networks);
    const QString text = m_newNetwork->text().trimmed();
    if (text.isEmpty())
        return;
    if (QHostAddress::parseSubnet(text).first.isNull()) {
        showError(m_networks,
                  tr("“%1” is not a network such as 192.168.1.0/24 or 10.0.0.5/32.").arg(text));
        return;
    }
    if (!m_networks->findItems(text, Qt::MatchFixedString).isEmpty()) {
        showError(m_networks, tr("“%1” is already in the list.").arg(text));
        return;
    }
    m_networks->addItem(text);
    m_newNetwork->clear();
}

void SmtpServiceDialog::apply(config::Settings &s)
{
    config::Listener &l = s.smtp.listeners[m_index];
    l.address = m_address->text().trimmed();
    if (const auto port = readPort(m_port))
        l.port = *port;
    l.mode = config::ListenerMode(m_mode->currentData().toInt());
    l.rejectNonLocalSendersClaimingLocal = m_rejectNonLocal->isChecked();
    l.requireAuth = m_requireAuth->isChecked();
    l.trustedClientsOnly = m_trustedOnly->isChecked();
    s.smtp.allowPlaintextAuth = m_allowPlaintextAuth->isChecked();
    // Only the text is written to the file; the validator parses it again.
    s.smtp.relayNetworks.clear();
    for (int i = 0; i < m_networks->count(); ++i) {
        const QString text = m_networks->item(i)->text();
        const auto parsed = QHostAddress::parseSubnet(text);
        s.smtp.relayNetworks.append(config::Subnet{parsed.first, parsed.second, text});
    }
}

} // namespace tandem::ui
