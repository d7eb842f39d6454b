#include "smtpservicedialog.h"

#include "engine.h"
#include "secrets.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSslCertificate>
#include <QThread>
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
    routeErrors(u"smtp\\.tls.*"_s, m_certificate);
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
    explain(m_address, tr("The address this service listens on: 0.0.0.0 or :: for all."),
            tr("<p>The IP address this SMTP service takes connections on: one address of this "
               "machine, 0.0.0.0 for every IPv4 address, or :: for every IPv6 address. "
               "127.0.0.1 takes mail from this machine only.</p>"));
    explain(m_port, tr("The TCP port: 25 for other servers, 587 or 465 for mail clients."),
            tr("<p>The port of this service: 25 is where other mail servers (and the partner "
               "machine) deliver, 587 (submission) and 465 (SMTPS) are where users' mail "
               "programs send. Ports below 1024 need root or CAP_NET_BIND_SERVICE. A port "
               "another program holds is refused when the settings are applied, and nothing "
               "changes.</p>"));
    explain(m_mode, tr("What the service is for, and how TLS starts on it."),
            tr("<p><b>SMTP</b>: mail from other servers; STARTTLS is offered when there is a "
               "certificate. <b>Submission</b>: users' mail programs, TLS with STARTTLS. "
               "<b>SMTPS</b>: users' mail programs, TLS from the first byte (RFC 8314); it needs "
               "the certificate below.</p>"));
    auto *note = new QLabel(tr("0.0.0.0 listens on every IPv4 address of this machine, :: on "
                               "every IPv6 address. SMTPS needs the server certificate below."));
    note->setObjectName(u"generalNote"_s);
    note->setWordWrap(true);
    auto *form = new QFormLayout(page);
    form->addRow(tr("&Address:"), withError(m_address));
    form->addRow(tr("&Port:"), withError(m_port));
    form->addRow(tr("&Mode:"), withError(m_mode));
    form->addRow(note);
    form->addRow(tlsBox());
    return page;
}

QWidget *SmtpServiceDialog::tlsBox()
{
    const config::SmtpSettings &smtp = original().smtp;
    auto *box = new QGroupBox(tr("TLS certificate (every SMTP service)"));
    box->setObjectName(u"tlsBox"_s);
    m_certificate = new QLineEdit(smtp.tlsCertificate);
    m_certificate->setObjectName(u"tlsCertificate"_s);
    m_certificate->setPlaceholderText(tr("none: no STARTTLS, no SMTPS"));
    m_key = new QLineEdit(smtp.tlsKey);
    m_key->setObjectName(u"tlsKey"_s);
    m_key->setPlaceholderText(tr("the certificate's private key"));
    m_passphrase = new QLineEdit;
    m_passphrase->setObjectName(u"tlsKeyPassphrase"_s);
    m_passphrase->setEchoMode(QLineEdit::Password);
    m_passphrase->setPlaceholderText(tr("only for an encrypted key"));
    QPushButton *browseCertificate = button(tr("Bro&wse…"), u"browseTlsCertificate"_s);
    QPushButton *browseKey = button(tr("Brows&e…"), u"browseTlsKey"_s);
    m_selfSigned = button(tr("Make a se&lf-signed certificate"), u"makeSelfSigned"_s);
    m_tlsState = new QLabel;
    m_tlsState->setObjectName(u"tlsState"_s);
    m_tlsState->setWordWrap(true);
    m_tlsState->setTextInteractionFlags(Qt::TextSelectableByMouse);

    const auto row = [](QWidget *edit, QWidget *browse) {
        auto *layout = new QHBoxLayout;
        layout->setContentsMargins(0, 0, 0, 0);
        layout->addWidget(edit, 1);
        layout->addWidget(browse);
        return layout;
    };
    const auto label = [](const QString &text, QWidget *buddy) {
        auto *l = new QLabel(text);
        l->setBuddy(buddy);
        return l;
    };
    auto *form = new QFormLayout(box);
    form->addRow(label(tr("&Certificate:"), m_certificate), row(m_certificate, browseCertificate));
    form->addRow(errorLabel(m_certificate));
    form->addRow(label(tr("Private &key:"), m_key), row(m_key, browseKey));
    form->addRow(tr("Key passp&hrase:"), m_passphrase);
    form->addRow(errorLabel(m_passphrase));
    auto *made = new QHBoxLayout;
    made->addWidget(m_selfSigned);
    made->addStretch(1);
    form->addRow(made);
    form->addRow(m_tlsState);

    connect(browseCertificate, &QPushButton::clicked, this,
            [this] { browse(m_certificate, tr("Choose the certificate")); });
    connect(browseKey, &QPushButton::clicked, this,
            [this] { browse(m_key, tr("Choose the certificate's private key")); });
    connect(m_selfSigned, &QPushButton::clicked, this,
            &SmtpServiceDialog::makeSelfSignedCertificate);
    connect(m_certificate, &QLineEdit::textChanged, this, &SmtpServiceDialog::updateTlsState);
    connect(m_key, &QLineEdit::textChanged, this, &SmtpServiceDialog::updateTlsState);
    explain(m_certificate,
            tr("The server's certificate (PEM), for STARTTLS and SMTPS on every service."),
            tr("<p>The PEM file with the server's certificate (and its chain), for STARTTLS and "
               "SMTPS on every SMTP service. Chosen here, it is checked at OK as the engine "
               "checks it at start: the key must belong to the certificate. A renewed file is "
               "picked up by the running engine by itself.</p><p>Leave it empty for no TLS: "
               "then STARTTLS is not offered, SMTPS cannot start, and mail clients cannot log "
               "in.</p>"));
    explain(m_key, tr("The certificate's private key (PEM)."),
            tr("<p>The PEM file with the certificate's private key (RSA or EC). Keep it "
               "readable by the user the engine runs as only; a key made here is written so. "
               "An encrypted key needs its passphrase below.</p>"));
    explain(m_passphrase, tr("The passphrase of an encrypted key; it is kept in the keychain."),
            tr("<p>Only for an encrypted key: the passphrase that opens it. The console keeps it "
               "in the desktop keychain, never in the configuration file (tandemd reads it "
               "from its secrets file, tls_key_passphrase).</p>"));
    m_selfSigned->setToolTip(
        tr("Make a new key and a self-signed certificate for %1").arg(original().server.hostname));
    updateTlsState();
    return box;
}

SmtpServiceDialog::~SmtpServiceDialog()
{
    if (m_maker)
        m_maker->wait(); // it writes files the dialog names; let it finish
}

QString SmtpServiceDialog::absolute(const QString &path) const
{
    return path.trimmed().isEmpty() ? QString() : original().resolvePath(path.trimmed());
}

// As the file writes it: relative to the configuration's folder when inside it.
QString SmtpServiceDialog::asWritten(const QString &absolutePath) const
{
    const QString relative = QDir(original().baseDir).relativeFilePath(absolutePath);
    return relative.startsWith(u".."_s) ? absolutePath : relative;
}

void SmtpServiceDialog::browse(QLineEdit *edit, const QString &caption)
{
    const QString start =
        edit->text().trimmed().isEmpty() ? original().baseDir : absolute(edit->text());
    const QString file = QFileDialog::getOpenFileName(
        this, caption, start, tr("PEM files (*.pem *.crt *.key);;All files (*)"));
    if (!file.isEmpty())
        edit->setText(asWritten(file));
}

bool SmtpServiceDialog::keyIsEncrypted() const
{
    QFile key(absolute(m_key->text()));
    if (!key.open(QIODevice::ReadOnly))
        return false;
    const QByteArray pem = key.read(1 << 20);
    return pem.contains("-----BEGIN ENCRYPTED PRIVATE KEY-----") ||
           pem.contains("Proc-Type: 4,ENCRYPTED");
}

// What the chosen certificate is, in a line: for whom, and until when.
void SmtpServiceDialog::updateTlsState()
{
    clearError(m_certificate);
    m_passphrase->setEnabled(keyIsEncrypted());
    const QString path = absolute(m_certificate->text());
    if (path.isEmpty()) {
        m_tlsState->setText(tr("Without a certificate, STARTTLS is not offered and SMTPS "
                               "services cannot start; mail clients then cannot log in."));
        return;
    }
    const QList<QSslCertificate> chain = QSslCertificate::fromPath(path, QSsl::Pem);
    if (chain.isEmpty()) {
        m_tlsState->setText(tr("%1 holds no PEM certificate.").arg(QDir::toNativeSeparators(path)));
        return;
    }
    const QSslCertificate &c = chain.first();
    const QString subject = c.subjectInfo(QSslCertificate::CommonName).join(u", "_s);
    const QString until =
        QLocale().toString(c.expiryDate().toLocalTime().date(), QLocale::ShortFormat);
    // By name too: Qt's isSelfSigned() also wants the key usage of a CA, which a server's
    // certificate (ours among them) need not have.
    const bool selfSigned = c.isSelfSigned() || c.issuerDisplayName() == c.subjectDisplayName();
    m_tlsState->setText(
        selfSigned
            ? tr("Self-signed certificate for %1, valid until %2. Servers take "
                 "it for encryption; mail clients ask their users once to "
                 "trust it.")
                  .arg(subject, until)
            : tr("Certificate for %1 from %2, valid until %3.")
                  .arg(subject,
                       c.issuerInfo(QSslCertificate::Organization).value(0, c.issuerDisplayName()),
                       until));
}

void SmtpServiceDialog::makeSelfSignedCertificate()
{
    if (m_maker)
        return;
    const QString host = original().server.hostname;
    // New names each time: the files in use stay as they are until OK names the new ones.
    const QString stamp = QDateTime::currentDateTime().toString(u"yyyyMMdd-HHmmss"_s);
    const QString folder = QDir(original().baseDir).filePath(u"tls"_s);
    const QString certificate = u"%1/%2-%3-cert.pem"_s.arg(folder, host, stamp);
    const QString key = u"%1/%2-%3-key.pem"_s.arg(folder, host, stamp);
    auto error = std::make_shared<QString>();
    auto ok = std::make_shared<bool>(false);
    m_maker = QThread::create(
        [=] { *ok = Engine::makeSelfSignedCertificate(host, certificate, key, error.get()); });
    m_maker->setObjectName(u"tandem-certificate"_s);
    m_selfSigned->setEnabled(false);
    buttonBox()->setEnabled(false);
    m_tlsState->setText(tr("Making a key and a certificate for %1…").arg(host));
    connect(m_maker, &QThread::finished, this, [=, this] {
        m_maker->deleteLater();
        m_maker = nullptr;
        m_selfSigned->setEnabled(true);
        buttonBox()->setEnabled(true);
        if (*ok) {
            m_certificate->setText(asWritten(certificate));
            m_key->setText(asWritten(key));
            m_passphrase->clear();
        } else {
            updateTlsState();
            showError(m_certificate, tr("The certificate could not be made: %1").arg(*error));
        }
        emit certificateMade(*ok);
    });
    m_maker->start();
}

QWidget *SmtpServiceDialog::blacklistsTab()
{
    const config::Listener &l = original().smtp.listeners.at(m_index);
    auto *page = new QWidget;
    page->setObjectName(u"blacklistsTab"_s);
    m_rejectNonLocal = new QCheckBox(tr("Reject non-local senders claiming to be local"));
    m_rejectNonLocal->setObjectName(u"rejectNonLocalSenders"_s);
    m_rejectNonLocal->setChecked(l.rejectNonLocalSendersClaimingLocal);
    explain(m_rejectNonLocal,
            tr("Refuse a local sender address from a client that is neither trusted nor "
               "logged in (550 5.7.1)."),
            tr("<p><b>Reject non-local senders claiming to be local</b>: on a connection that "
               "is neither from an allowed network nor authenticated, MAIL FROM with an "
               "address in a local domain is refused with 550 5.7.1. It prevents mail that "
               "only looks local from being archived as sent \"from\" a local user.</p><p>On "
               "in the Mailbox role's port 25 service, off on its submission service (where "
               "users log in) and on an Archive.</p>"));
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
    explain(m_newNetwork, tr("A network to allow, such as 192.168.1.0/24; then Add."),
            tr("<p>A network in address/prefix form (192.168.1.0/24, 10.0.0.5/32, "
               "fd00::/8) to add to the allowed networks with <i>Add</i>.</p>"));
    explain(m_networks, tr("Clients in these networks may relay to any domain without logging in."),
            tr("<p><b>Allowed networks</b> (every SMTP service): a client in one of these "
               "networks may send to any domain without logging in, and counts as trusted. "
               "Anyone else may send only to local recipients; a remote recipient is refused "
               "with 554 5.7.1 relay denied. An Archive must allow the Mailbox machine.</p>"
               "<p>A network that would let the whole Internet relay through a service that "
               "does not require authentication is refused: Tandem is never an open "
               "relay.</p>"));
    explain(m_trustedOnly, tr("Take mail only from the allowed networks and logged-in clients."),
            tr("<p>On this service, accept mail only from the allowed networks and from "
               "authenticated clients; anyone else's MAIL FROM is refused with 550 5.7.1. On by "
               "default on an Archive, which takes mail from its partner only. Unticked on an "
               "Archive, outsiders' mail is kept in the catch-all mailbox and makes no mailboxes "
               "or Sent copies.</p>"));
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
    explain(m_requireAuth, tr("Every transaction on this service must log in first (530 5.7.0)."),
            tr("<p>Every transaction on this service must be authenticated; without it MAIL "
               "FROM is answered 530 5.7.0. For the submission service of users' mail "
               "programs. AUTH is offered only under TLS, so this needs the certificate (or "
               "<i>Allow authentication without TLS</i>).</p>"));
    explain(m_allowPlaintextAuth,
            tr("Offer AUTH without TLS (every service): for a trusted loopback only."),
            tr("<p>Offer AUTH on connections without TLS, on every SMTP service. Passwords "
               "then cross the network readable by anyone on the way: only for tests on a "
               "trusted loopback.</p>"));
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

// An encrypted key's passphrase goes to the keychain (the engine reads it there); the dialog
// closes once the keychain has it. A key that needs none forgets one kept for an earlier key.
void SmtpServiceDialog::commit(config::Settings &s)
{
    const bool keyChanged = s.smtp.tlsKey != original().smtp.tlsKey;
    const QString passphrase = keyIsEncrypted() ? m_passphrase->text() : QString();
    if (passphrase.isEmpty()) {
        if (keyChanged)
            Secrets::storeTlsPassphrase({}, qApp, [](bool, const QString &) {}); // outlives us
        QDialog::accept();
        return;
    }
    s.tlsKeyPassphrase = passphrase;
    buttonBox()->setEnabled(false);
    Secrets::storeTlsPassphrase(passphrase, this, [this](bool ok, const QString &error) {
        buttonBox()->setEnabled(true);
        if (ok) {
            QDialog::accept();
            return;
        }
        showError(m_passphrase, tr("The keychain did not take the passphrase: %1").arg(error));
        m_passphrase->setFocus(Qt::OtherFocusReason);
    });
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

    // The pair is checked here as the engine will check it, so that a key of another
    // certificate is refused at OK rather than by the running engine.
    const QString certificate = m_certificate->text().trimmed();
    const QString key = m_key->text().trimmed();
    if (certificate.isEmpty() != key.isEmpty()) {
        refuse(m_certificate, certificate.isEmpty() ? tr("Choose the certificate for this key.")
                                                    : tr("Choose the certificate's private key."));
    } else if (!certificate.isEmpty()) {
        const bool unchanged =
            certificate == original().smtp.tlsCertificate && key == original().smtp.tlsKey;
        const bool encrypted = keyIsEncrypted();
        // An encrypted key already in use opens with the keychain's passphrase: not asked again.
        if (!(unchanged && encrypted && m_passphrase->text().isEmpty())) {
            QString why;
            if (encrypted && m_passphrase->text().isEmpty())
                refuse(m_passphrase, tr("The key is encrypted: enter its passphrase."));
            else if (!Engine::checkCertificate(absolute(certificate), absolute(key),
                                               m_passphrase->text(), &why))
                refuse(m_certificate, tr("This certificate and key cannot be used: %1").arg(why));
        }
    }
    s.smtp.tlsCertificate = certificate;
    s.smtp.tlsKey = key;
    // Only the text is written to the file; the validator parses it again.
    s.smtp.relayNetworks.clear();
    for (int i = 0; i < m_networks->count(); ++i) {
        const QString text = m_networks->item(i)->text();
        const auto parsed = QHostAddress::parseSubnet(text);
        s.smtp.relayNetworks.append(config::Subnet{parsed.first, parsed.second, text});
    }
}

} // namespace tandem::ui
