#include "rolewizard.h"

#include "secrets.h"
#include "smtp/tlscontext.h"
#include "userlist.h"

#include <QApplication>
#include <QButtonGroup>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QIcon>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPainter>
#include <QPainterPath>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QRadioButton>
#include <QRegularExpression>
#include <QSslCertificate>
#include <QSslKey>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace tandem::ui::wizard {

using config::Role;
using config::RoleField;

namespace {

// "25" → 25; anything that is not a port → 0, which validateRoleChoice() refuses.
quint16 portFrom(const QLineEdit *edit)
{
    bool ok = false;
    const uint port = edit->text().trimmed().toUInt(&ok);
    return ok && port >= 1 && port <= 65535 ? quint16(port) : 0;
}

QStringList listFrom(const QLineEdit *edit)
{
    static const QRegularExpression separators(u"[,;\\s]+"_s);
    return edit->text().split(separators, Qt::SkipEmptyParts);
}

QLineEdit *lineEdit(const QString &objectName, const QString &placeholder, QWidget *parent)
{
    auto *edit = new QLineEdit(parent);
    edit->setObjectName(objectName);
    edit->setPlaceholderText(placeholder);
    return edit;
}

QLineEdit *portEdit(const QString &objectName, QWidget *parent)
{
    auto *edit = new QLineEdit(parent);
    edit->setObjectName(objectName);
    edit->setMaxLength(5);
    // Room for "65535" and a little more, not a whole line.
    edit->setFixedWidth(edit->fontMetrics().horizontalAdvance(u"0000000"_s) + 16);
    return edit;
}

QLabel *wrappedLabel(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setWordWrap(true);
    return label;
}

// The reasons a page cannot go on, in red under its fields.
QLabel *errorLabel(const QString &objectName, QWidget *parent)
{
    auto *label = wrappedLabel(QString(), parent);
    label->setObjectName(objectName);
    label->setTextFormat(Qt::PlainText);
    QPalette p = label->palette();
    p.setColor(QPalette::WindowText, QColor(0xb0, 0x1c, 0x1c));
    label->setPalette(p);
    return label;
}

void showProblems(QLabel *label, const QStringList &problems)
{
    label->setText(problems.join(u'\n'));
    label->setVisible(!problems.isEmpty());
}

} // namespace

// Internet → Mailbox → Archive → Internet, with one machine highlighted.
class FlowWidget : public QWidget {
    Q_OBJECT
public:
    FlowWidget(Role highlighted, QWidget *parent)
        : QWidget(parent)
        , m_highlighted(highlighted)
    {
        setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
        setAccessibleName(tr("Mail flow: Internet, Mailbox, Archive, Internet"));
    }

    QSize sizeHint() const override
    {
        const QFontMetrics fm(boldFont());
        return {4 * boxWidth(fm) + 3 * kArrow + 2, fm.height() + 2 * kPadding + 2};
    }

protected:
    void paintEvent(QPaintEvent *) override
    {
        QPainter p(this);
        p.setRenderHint(QPainter::Antialiasing);
        const QFontMetrics fm(boldFont());
        const int w = boxWidth(fm);
        const int h = fm.height() + 2 * kPadding;
        const QStringList names{tr("Internet"), tr("Mailbox"), tr("Archive"), tr("Internet")};
        const int chosen = m_highlighted == Role::Mailbox ? 1 : 2;
        for (int i = 0; i < names.size(); ++i) {
            const QRectF box(1 + i * (w + kArrow), 1, w, h);
            const bool on = i == chosen;
            const bool machine = i == 1 || i == 2;
            p.setPen(
                QPen(on ? palette().color(QPalette::Highlight) : palette().color(QPalette::Mid),
                     on ? 2 : 1, machine ? Qt::SolidLine : Qt::DashLine));
            p.setBrush(on ? palette().color(QPalette::Highlight)
                          : (machine ? palette().color(QPalette::Base) : Qt::transparent));
            p.drawRoundedRect(box, 6, 6);
            p.setFont(on ? boldFont() : font());
            p.setPen(on ? palette().color(QPalette::HighlightedText)
                        : palette().color(QPalette::WindowText));
            p.drawText(box, Qt::AlignCenter, names.at(i));
            if (i + 1 < names.size()) {
                const qreal y = box.center().y();
                const qreal x0 = box.right() + 4;
                const qreal x1 = box.right() + kArrow - 4;
                p.setPen(QPen(palette().color(QPalette::WindowText), 1.5));
                p.drawLine(QPointF(x0, y), QPointF(x1, y));
                QPainterPath head;
                head.moveTo(x1, y);
                head.lineTo(x1 - 6, y - 4);
                head.lineTo(x1 - 6, y + 4);
                head.closeSubpath();
                p.fillPath(head, palette().color(QPalette::WindowText));
            }
        }
    }

private:
    static constexpr int kArrow = 34;
    static constexpr int kPadding = 6;

    QFont boldFont() const
    {
        QFont f = font();
        f.setBold(true);
        return f;
    }
    int boxWidth(const QFontMetrics &fm) const
    {
        int widest = 0;
        for (const QString &name : {tr("Internet"), tr("Mailbox"), tr("Archive")})
            widest = std::max(widest, fm.horizontalAdvance(name));
        return widest + 4 * kPadding;
    }

    Role m_highlighted;
};

class Page : public QWizardPage {
    Q_OBJECT
public:
    using QWizardPage::QWizardPage;

protected:
    RoleWizard *roleWizard() const { return static_cast<RoleWizard *>(wizard()); }
    bool mailbox() const { return roleWizard()->role() == Role::Mailbox; }

    // validateRoleChoice()'s messages about these fields.
    QStringList problemsAbout(std::initializer_list<RoleField> fields) const
    {
        QStringList out;
        if (!wizard())
            return out;
        for (const config::RoleProblem &p : config::validateRoleChoice(roleWizard()->choice())) {
            if (std::find(fields.begin(), fields.end(), p.field) != fields.end())
                out.append(p.message);
        }
        out.removeDuplicates();
        return out;
    }

    void watch(QLineEdit *edit) { connect(edit, &QLineEdit::textChanged, this, &Page::refresh); }

public:
    virtual QStringList problems() const { return {}; }

    void refresh()
    {
        if (m_error)
            showProblems(m_error, problems());
        emit completeChanged();
    }

    bool isComplete() const override { return problems().isEmpty(); }
    // next() does not look at isComplete(), so the same check guards the way on.
    bool validatePage() override
    {
        refresh();
        return problems().isEmpty();
    }

protected:
    QLabel *m_error = nullptr;
};

class RolePage : public Page {
    Q_OBJECT
public:
    explicit RolePage(QWidget *parent)
        : Page(parent)
    {
        setTitle(tr("Choose this machine's role"));
        setSubTitle(tr("Tandem runs on two machines. Mail from the Internet reaches the Mailbox, "
                       "which passes a copy of everything to the Archive; the Archive sends "
                       "outgoing mail to the Internet."));
        m_mailbox = new QRadioButton(tr("&Mailbox"), this);
        m_mailbox->setObjectName(u"roleMailboxRadio"_s);
        m_archive = new QRadioButton(tr("&Archive"), this);
        m_archive->setObjectName(u"roleArchiveRadio"_s);
        auto *group = new QButtonGroup(this);
        group->addButton(m_mailbox);
        group->addButton(m_archive);
        m_mailbox->setChecked(true);

        auto *layout = new QVBoxLayout(this);
        const auto addChoice = [&](QRadioButton *radio, const QString &sentence, Role role) {
            QFont f = radio->font();
            f.setBold(true);
            radio->setFont(f);
            layout->addWidget(radio);
            auto *inner = new QVBoxLayout;
            inner->setContentsMargins(24, 0, 0, 0);
            inner->addWidget(wrappedLabel(sentence, this));
            inner->addWidget(new FlowWidget(role, this));
            layout->addLayout(inner);
        };
        addChoice(m_mailbox,
                  tr("This machine serves the users: it receives the domain's mail from the "
                     "Internet, keeps the users' mailboxes and takes their outgoing mail on the "
                     "submission port. Every message goes on to the Archive."),
                  Role::Mailbox);
        layout->addSpacing(12);
        addChoice(m_archive,
                  tr("This machine keeps a copy of every message to, from and between the users "
                     "in per-user mailboxes, and sends outgoing mail to the Internet. It can "
                     "take over if the Mailbox machine fails."),
                  Role::Archive);
        layout->addStretch();
    }

    QRadioButton *m_mailbox;
    QRadioButton *m_archive;
};

class DomainPage : public Page {
    Q_OBJECT
public:
    explicit DomainPage(QWidget *parent)
        : Page(parent)
    {
        setTitle(tr("Domain"));
        setSubTitle(tr("Both machines serve the same domain. The host name is this machine's "
                       "own name, used in the greeting and in Received: headers."));
        m_domain = lineEdit(u"domainEdit"_s, tr("example.com"), this);
        m_localDomains = lineEdit(u"localDomainsEdit"_s, tr("optional, e.g. example.org"), this);
        m_hostname = lineEdit(u"hostnameEdit"_s, tr("e.g. mail.example.com"), this);
        m_error = errorLabel(u"domainErrorLabel"_s, this);
        auto *form = new QFormLayout(this);
        form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
        form->addRow(tr("Primary &domain:"), m_domain);
        form->addRow(tr("&Other local domains:"), m_localDomains);
        form->addRow(tr("&Host name of this machine:"), m_hostname);
        form->addRow(m_error);
        for (QLineEdit *edit : {m_domain, m_localDomains, m_hostname})
            watch(edit);
        connect(m_domain, &QLineEdit::textEdited, this, [this] { suggestHostname(); });
    }

    void initializePage() override
    {
        suggestHostname();
        refresh();
    }

    QStringList problems() const override
    {
        return problemsAbout({RoleField::Domain, RoleField::LocalDomains, RoleField::Hostname});
    }

    // "mailbox.example.com" / "archive.example.com" until someone types a name of their own.
    void suggestHostname()
    {
        const QString domain = m_domain->text().trimmed().toLower();
        const QString current = m_hostname->text().trimmed();
        const bool ours = current.isEmpty() || current == m_suggestion ||
                          current.startsWith(u"mailbox."_s) || current.startsWith(u"archive."_s);
        if (!ours || domain.isEmpty())
            return;
        m_suggestion = (mailbox() ? u"mailbox."_s : u"archive."_s) + domain;
        m_hostname->setText(m_suggestion);
    }

    QLineEdit *m_domain;
    QLineEdit *m_localDomains;
    QLineEdit *m_hostname;
    QString m_suggestion;
};

class PartnerPage : public Page {
    Q_OBJECT
public:
    explicit PartnerPage(QWidget *parent)
        : Page(parent)
    {
        m_host = lineEdit(u"partnerHostEdit"_s, QString(), this);
        m_port = portEdit(u"partnerPortEdit"_s, this);
        m_explanation = wrappedLabel(QString(), this);
        m_hostLabel = new QLabel(this);
        m_hostLabel->setBuddy(m_host);

        m_outgoing = new QGroupBox(tr("Outgoing mail"), this);
        // Radio buttons do not wrap their text: a short choice each, and what it means in a
        // label under it that wraps in any language.
        m_useDns = new QRadioButton(tr("Deliver by &DNS"), m_outgoing);
        m_useDns->setObjectName(u"useDnsRadio"_s);
        auto *useDnsNote = wrappedLabel(tr("Look up the recipients' MX records, for the local "
                                           "domains too: their MX points to the Mailbox."),
                                        m_outgoing);
        m_staticRoute = new QRadioButton(
            tr("Send mail for the &local domains straight to the Mailbox"), m_outgoing);
        m_staticRoute->setObjectName(u"staticRouteRadio"_s);
        auto *staticRouteNote = wrappedLabel(tr("When the local domains cannot be looked up in "
                                                "DNS from here. Other mail still goes by MX or "
                                                "the SmartHost."),
                                             m_outgoing);
        for (QLabel *note : {useDnsNote, staticRouteNote})
            note->setContentsMargins(24, 0, 0, 0);
        m_useDns->setChecked(true);
        m_smarthostHost =
            lineEdit(u"smarthostHostEdit"_s, tr("optional, e.g. smtp.provider.example"), this);
        m_smarthostPort = portEdit(u"smarthostPortEdit"_s, this);
        auto *smarthostRow = new QHBoxLayout;
        smarthostRow->addWidget(m_smarthostHost, 1);
        auto *smarthostPortLabel = new QLabel(tr("P&ort:"), m_outgoing);
        smarthostPortLabel->setBuddy(m_smarthostPort);
        smarthostRow->addWidget(smarthostPortLabel);
        smarthostRow->addWidget(m_smarthostPort);
        auto *outgoingLayout = new QFormLayout(m_outgoing);
        outgoingLayout->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
        outgoingLayout->addRow(m_useDns);
        outgoingLayout->addRow(useDnsNote);
        outgoingLayout->addRow(m_staticRoute);
        outgoingLayout->addRow(staticRouteNote);
        auto *smarthostLabel = new QLabel(tr("ISP's &SmartHost:"), m_outgoing);
        smarthostLabel->setBuddy(m_smarthostHost);
        outgoingLayout->addRow(smarthostLabel, smarthostRow);

        m_error = errorLabel(u"partnerErrorLabel"_s, this);
        auto *hostRow = new QHBoxLayout;
        hostRow->addWidget(m_host, 1);
        auto *portLabel = new QLabel(tr("&Port:"), this);
        portLabel->setBuddy(m_port);
        hostRow->addWidget(portLabel);
        hostRow->addWidget(m_port);
        auto *form = new QFormLayout;
        form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
        form->addRow(m_hostLabel, hostRow);
        auto *layout = new QVBoxLayout(this);
        layout->addWidget(m_explanation);
        layout->addSpacing(6);
        layout->addLayout(form);
        layout->addSpacing(6);
        layout->addWidget(m_outgoing);
        layout->addWidget(m_error);
        layout->addStretch();
        for (QLineEdit *edit : {m_host, m_port, m_smarthostHost, m_smarthostPort})
            watch(edit);
        setTabOrder(m_host, m_port);
        setTabOrder(m_port, m_useDns);
        setTabOrder(m_useDns, m_staticRoute);
        setTabOrder(m_staticRoute, m_smarthostHost);
        setTabOrder(m_smarthostHost, m_smarthostPort);
    }

    void initializePage() override
    {
        if (mailbox()) {
            setTitle(tr("The Archive machine"));
            setSubTitle(tr("Where this Mailbox sends its mail."));
            m_explanation->setText(
                tr("All outgoing mail, and a copy of all mail for the local domains, goes to "
                   "the Archive machine (a static route for every domain, *). The Archive "
                   "delivers it to the Internet. Its port is the one the Archive's SMTP "
                   "service listens on: 25, unless it was changed there."));
            m_hostLabel->setText(tr("Archive's &address:"));
            m_host->setPlaceholderText(tr("host name or IP address"));
        } else {
            setTitle(tr("The Mailbox machine"));
            setSubTitle(tr("Where this Archive's copies come from, and how it sends mail on."));
            m_explanation->setText(
                tr("The Mailbox machine's address is allowed to relay through this Archive. "
                   "Bounces for local users go back to the Mailbox, where the users read "
                   "them. Its port is the one the Mailbox's SMTP service listens on: 25, "
                   "unless it was changed there."));
            m_hostLabel->setText(tr("Mailbox's &address:"));
            m_host->setPlaceholderText(tr("IP address, e.g. 192.168.1.10"));
        }
        m_outgoing->setVisible(!mailbox());
        refresh();
    }

    QStringList problems() const override
    {
        return problemsAbout({RoleField::Partner, RoleField::SmartHost});
    }

    QLineEdit *m_host;
    QLineEdit *m_port;
    QLabel *m_hostLabel;
    QLabel *m_explanation;
    QGroupBox *m_outgoing;
    QRadioButton *m_useDns;
    QRadioButton *m_staticRoute;
    QLineEdit *m_smarthostHost;
    QLineEdit *m_smarthostPort;
};

class ListenersPage : public Page {
    Q_OBJECT
public:
    explicit ListenersPage(QWidget *parent)
        : Page(parent)
    {
        setTitle(tr("Listeners and relaying"));
        m_smtpAddress = lineEdit(u"smtpAddressEdit"_s, tr("0.0.0.0 = every address"), this);
        m_smtpPort = portEdit(u"smtpPortEdit"_s, this);
        m_submissionAddress =
            lineEdit(u"submissionAddressEdit"_s, tr("0.0.0.0 = every address"), this);
        m_submissionPort = portEdit(u"submissionPortEdit"_s, this);
        m_networks = lineEdit(u"lanNetworksEdit"_s, tr("e.g. 192.168.1.0/24"), this);
        m_networksLabel = new QLabel(this);
        m_networksLabel->setBuddy(m_networks);
        m_networksNote = wrappedLabel(QString(), this);
        m_submissionLabel = new QLabel(tr("S&ubmission (users' mail clients):"), this);
        m_submissionLabel->setBuddy(m_submissionAddress);
        m_error = errorLabel(u"listenersErrorLabel"_s, this);

        const auto row = [this](QLineEdit *address, QLineEdit *port, const QString &portText) {
            auto *h = new QHBoxLayout;
            h->addWidget(address, 1);
            auto *label = new QLabel(portText, this);
            label->setBuddy(port);
            h->addWidget(label);
            h->addWidget(port);
            return h;
        };
        m_submissionRow = row(m_submissionAddress, m_submissionPort, tr("P&ort:"));
        auto *form = m_form = new QFormLayout(this);
        form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
        auto *smtpLabel = new QLabel(tr("&SMTP (mail from other servers):"), this);
        smtpLabel->setBuddy(m_smtpAddress);
        form->addRow(smtpLabel, row(m_smtpAddress, m_smtpPort, tr("&Port:")));
        form->addRow(m_submissionLabel, m_submissionRow);
        form->addRow(m_networksLabel, m_networks);
        form->addRow(m_networksNote);
        form->addRow(m_error);
        m_privilegedNote = wrappedLabel(
            tr("Ports below 1024 need root or the CAP_NET_BIND_SERVICE capability. tandemd's "
               "systemd unit gives it (AmbientCapabilities=CAP_NET_BIND_SERVICE) and runs "
               "tandemd as a user of its own; to run the engine in this console, give the "
               "console the capability once: setcap cap_net_bind_service=+ep %1")
                .arg(QCoreApplication::applicationFilePath()),
            this);
        m_privilegedNote->setObjectName(u"privilegedPortsNote"_s);
        m_privilegedNote->setTextInteractionFlags(Qt::TextSelectableByMouse);
        form->insertRow(2, m_privilegedNote); // under the ports it is about
        for (QLineEdit *edit :
             {m_smtpAddress, m_smtpPort, m_submissionAddress, m_submissionPort, m_networks})
            watch(edit);
        for (QLineEdit *edit : {m_smtpPort, m_submissionPort})
            connect(edit, &QLineEdit::textChanged, this, &ListenersPage::updateNote);
        // Submission listens where SMTP does, until it is given an address of its own.
        connect(m_smtpAddress, &QLineEdit::textEdited, this, [this](const QString &text) {
            if (!m_submissionAddressEdited)
                m_submissionAddress->setText(text);
        });
        connect(m_submissionAddress, &QLineEdit::textEdited, this,
                [this] { m_submissionAddressEdited = true; });
    }

    void updateNote()
    {
        bool privileged = false;
        for (QLineEdit *edit : {m_smtpPort, m_submissionPort}) {
            const quint16 port = portFrom(edit);
            privileged = privileged || (edit->isVisibleTo(this) && port > 0 && port < 1024);
        }
        m_privilegedNote->setVisible(privileged);
    }

    void initializePage() override
    {
        const bool m = mailbox();
        m_form->setRowVisible(m_submissionRow, m);
        if (m) {
            setSubTitle(tr("SMTP takes mail from other servers (port 25 on the Internet) and "
                           "refuses outsiders that claim a local sender; submission takes the "
                           "users' mail after they log in (port 587)."));
            m_networksLabel->setText(tr("&LAN allowed to relay:"));
            m_networksNote->setText(tr("Machines on these networks may send mail anywhere "
                                       "without logging in. Separate networks with commas."));
        } else {
            setSubTitle(tr("SMTP takes the copies from the Mailbox and, if the MX is moved "
                           "here, mail from the Internet (port 25). An Archive has no "
                           "submission port."));
            m_networksLabel->setText(tr("&Other networks allowed to relay:"));
            const QString mailboxNet = config::hostNetwork(roleWizard()->choice().partnerHost);
            m_networksNote->setText(
                tr("The Mailbox machine (%1) is added to these. Separate networks with commas.")
                    .arg(mailboxNet.isEmpty() ? tr("its address") : mailboxNet));
        }
        updateNote();
        refresh();
    }

    QStringList problems() const override
    {
        return problemsAbout({RoleField::Listeners, RoleField::Networks});
    }

    QLineEdit *m_smtpAddress;
    QLineEdit *m_smtpPort;
    QLineEdit *m_submissionAddress;
    QLineEdit *m_submissionPort;
    QLabel *m_submissionLabel;
    QHBoxLayout *m_submissionRow;
    QFormLayout *m_form;
    QLineEdit *m_networks;
    QLabel *m_networksLabel;
    QLabel *m_networksNote;
    QLabel *m_privilegedNote;
    bool m_submissionAddressEdited = false;
};

class CertificatePage : public Page {
    Q_OBJECT
public:
    explicit CertificatePage(QWidget *parent)
        : Page(parent)
    {
        setTitle(tr("TLS certificate"));
        setSubTitle(tr("With a certificate, mail travels encrypted (STARTTLS) and users can log "
                       "in safely."));
        m_generate = new QRadioButton(this);
        m_generate->setObjectName(u"certGenerateRadio"_s);
        m_generateNote = wrappedLabel(QString(), this);
        m_existing = new QRadioButton(tr("&Use existing PEM files:"), this);
        m_existing->setObjectName(u"certExistingRadio"_s);
        m_none = new QRadioButton(tr("N&o certificate"), this);
        m_none->setObjectName(u"certNoneRadio"_s);
        m_noneNote = wrappedLabel(QString(), this);
        auto *group = new QButtonGroup(this);
        for (QRadioButton *r : {m_generate, m_existing, m_none})
            group->addButton(r);
        m_generate->setChecked(true);

        m_certificate = lineEdit(u"certFileEdit"_s, tr("certificate, e.g. cert.pem"), this);
        m_key = lineEdit(u"keyFileEdit"_s, tr("private key, e.g. key.pem"), this);
        m_passphrase = lineEdit(u"keyPassphraseEdit"_s, tr("only for an encrypted key"), this);
        m_passphrase->setEchoMode(QLineEdit::Password);
        m_passphrase->setToolTip(tr("Kept in the desktop keychain, never in the configuration "
                                    "file."));
        auto *certBrowse = new QPushButton(tr("Bro&wse…"), this);
        certBrowse->setObjectName(u"certBrowseButton"_s);
        auto *keyBrowse = new QPushButton(tr("B&rowse…"), this);
        keyBrowse->setObjectName(u"keyBrowseButton"_s);
        connect(certBrowse, &QPushButton::clicked, this,
                [this] { browse(m_certificate, tr("Choose the certificate")); });
        connect(keyBrowse, &QPushButton::clicked, this,
                [this] { browse(m_key, tr("Choose the private key")); });
        m_error = errorLabel(u"certificateErrorLabel"_s, this);
        m_progress = new QLabel(this);
        m_progress->setObjectName(u"certificateProgress"_s);
        m_progress->hide();

        auto *files = new QFormLayout;
        files->setContentsMargins(24, 0, 0, 0);
        files->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
        const auto fileRow = [this](QLineEdit *edit, QPushButton *button) {
            auto *h = new QHBoxLayout;
            h->addWidget(edit, 1);
            h->addWidget(button);
            return h;
        };
        auto *certLabel = new QLabel(tr("&Certificate:"), this);
        certLabel->setBuddy(m_certificate);
        auto *keyLabel = new QLabel(tr("&Key:"), this);
        keyLabel->setBuddy(m_key);
        files->addRow(certLabel, fileRow(m_certificate, certBrowse));
        files->addRow(keyLabel, fileRow(m_key, keyBrowse));
        auto *passphraseLabel = new QLabel(tr("Key &passphrase:"), this);
        passphraseLabel->setBuddy(m_passphrase);
        files->addRow(passphraseLabel, m_passphrase);

        auto *layout = new QVBoxLayout(this);
        layout->addWidget(m_generate);
        layout->addWidget(indented(m_generateNote));
        layout->addSpacing(6);
        layout->addWidget(m_existing);
        layout->addLayout(files);
        layout->addSpacing(6);
        layout->addWidget(m_none);
        layout->addWidget(indented(m_noneNote));
        layout->addWidget(m_error);
        layout->addWidget(m_progress);
        layout->addStretch();

        for (QLineEdit *edit : {m_certificate, m_key})
            watch(edit);
        setTabOrder(m_generate, m_existing);
        setTabOrder(m_existing, m_certificate);
        setTabOrder(m_certificate, certBrowse);
        setTabOrder(certBrowse, m_key);
        setTabOrder(m_key, keyBrowse);
        setTabOrder(keyBrowse, m_passphrase);
        setTabOrder(m_passphrase, m_none);
        for (QRadioButton *r : {m_generate, m_existing, m_none})
            connect(r, &QRadioButton::toggled, this, &Page::refresh);
        connect(m_existing, &QRadioButton::toggled, this, [this, certBrowse, keyBrowse](bool on) {
            for (QWidget *w :
                 {static_cast<QWidget *>(m_certificate), static_cast<QWidget *>(m_key),
                  static_cast<QWidget *>(certBrowse), static_cast<QWidget *>(keyBrowse),
                  static_cast<QWidget *>(m_passphrase)})
                w->setEnabled(on);
        });
        for (QWidget *w : {static_cast<QWidget *>(m_certificate), static_cast<QWidget *>(m_key),
                           static_cast<QWidget *>(certBrowse), static_cast<QWidget *>(keyBrowse),
                           static_cast<QWidget *>(m_passphrase)})
            w->setEnabled(false);
    }

    QString generatedCertificate() const { return QDir(tlsDir()).filePath(u"cert.pem"_s); }
    QString generatedKey() const { return QDir(tlsDir()).filePath(u"key.pem"_s); }

    void initializePage() override
    {
        const QString host = roleWizard()->choice().hostname.trimmed().toLower();
        m_generate->setText(tr("&Generate a self-signed certificate for %1 now").arg(host));
        m_generateNote->setText(
            tr("Written to %1 and %2. Mail servers accept it for encryption; mail clients "
               "ask their users to trust it once.")
                .arg(QDir::toNativeSeparators(generatedCertificate()),
                     QDir::toNativeSeparators(generatedKey())));
        m_noneNote->setText(mailbox() ? tr("Mail travels unencrypted, and users cannot log in "
                                           "to send mail unless plaintext authentication is "
                                           "turned on.")
                                      : tr("Mail from the Mailbox travels unencrypted."));
        refresh();
    }

    QStringList problems() const override
    {
        QStringList out;
        if (m_existing->isChecked()) {
            if (m_certificate->text().trimmed().isEmpty())
                out.append(tr("Choose the certificate file."));
            if (m_key->text().trimmed().isEmpty())
                out.append(tr("Choose the private key file."));
        }
        // AUTH is offered only under TLS: the submission listener would take no mail at all
        // (the validator refuses it too, smtp.listeners[N].require_auth).
        if (m_none->isChecked() && mailbox() && !roleWizard()->settings().smtp.allowPlaintextAuth)
            out.append(tr("Without a certificate nobody could log in to send mail: a Mailbox's "
                          "users log in only over TLS. Generate a certificate or choose one."));
        return out + m_fileProblems;
    }

    bool isComplete() const override { return !m_openssl && Page::isComplete(); }

    // Generating runs openssl without waiting: the page says so, Next waits, and the wizard
    // goes on by itself when the certificate is there.
    bool validatePage() override
    {
        if (m_openssl)
            return false;
        m_fileProblems.clear();
        if (m_existing->isChecked()) {
            checkFiles();
        } else if (m_generate->isChecked() && !generated()) {
            startGenerating();
            return false;
        }
        return Page::validatePage();
    }

    bool isGenerating() const { return m_openssl != nullptr; }

    // An Archive has no users to set up: it makes their mailboxes as the copies come.
    int nextId() const override
    {
        return mailbox() ? RoleWizard::UsersPageId : RoleWizard::SummaryPageId;
    }

    // The passphrase of an encrypted key chosen on this page, else empty.
    QString keyPassphrase() const
    {
        return m_existing->isChecked() && m_keyEncrypted ? m_passphrase->text() : QString();
    }

    // As written in the file: relative to the configuration's folder when inside it.
    QString certificatePath() const { return pathForFile(currentCertificate()); }
    QString keyPath() const { return pathForFile(currentKey()); }

    QRadioButton *m_generate;
    QRadioButton *m_existing;
    QRadioButton *m_none;
    QLineEdit *m_certificate;
    QLineEdit *m_key;
    QLineEdit *m_passphrase;

private:
    QWidget *indented(QLabel *label)
    {
        label->setContentsMargins(24, 0, 0, 0);
        return label;
    }

    QString tlsDir() const { return QDir(roleWizard()->configDir()).filePath(u"tls"_s); }

    QString absolute(const QString &path) const
    {
        return QDir(roleWizard()->configDir()).absoluteFilePath(path.trimmed());
    }

    QString currentCertificate() const
    {
        if (m_generate->isChecked())
            return generatedCertificate();
        return m_existing->isChecked() ? absolute(m_certificate->text()) : QString();
    }
    QString currentKey() const
    {
        if (m_generate->isChecked())
            return generatedKey();
        return m_existing->isChecked() ? absolute(m_key->text()) : QString();
    }

    QString pathForFile(const QString &absolutePath) const
    {
        if (absolutePath.isEmpty())
            return {};
        const QString relative = QDir(roleWizard()->configDir()).relativeFilePath(absolutePath);
        return relative.startsWith(u".."_s) ? absolutePath : relative;
    }

    void browse(QLineEdit *edit, const QString &caption)
    {
        const QString start =
            edit->text().isEmpty() ? roleWizard()->configDir() : absolute(edit->text());
        const QString file = QFileDialog::getOpenFileName(
            this, caption, start, tr("PEM files (*.pem *.crt *.key);;All files (*)"));
        if (!file.isEmpty())
            edit->setText(pathForFile(file));
    }

    void checkFiles()
    {
        const QString cert = absolute(m_certificate->text());
        const QString key = absolute(m_key->text());
        if (cert.isEmpty() || key.isEmpty())
            return;
        if (QSslCertificate::fromPath(cert, QSsl::Pem).isEmpty())
            m_fileProblems.append(
                tr("%1 is not a readable PEM certificate.").arg(QDir::toNativeSeparators(cert)));
        QFile keyFile(key);
        const QByteArray pem =
            keyFile.open(QIODevice::ReadOnly) ? keyFile.read(1 << 20) : QByteArray();
        m_keyEncrypted = pem.contains("ENCRYPTED");
        if (!pem.contains("PRIVATE KEY")) {
            m_fileProblems.append(
                tr("%1 is not a readable PEM private key.").arg(QDir::toNativeSeparators(key)));
            return;
        }
        // Opened as the engine will open it, with the passphrase when there is one.
        const QByteArray passphrase = m_passphrase->text().toUtf8();
        QSslKey opened(pem, QSsl::Rsa, QSsl::Pem, QSsl::PrivateKey, passphrase);
        if (opened.isNull())
            opened = QSslKey(pem, QSsl::Ec, QSsl::Pem, QSsl::PrivateKey, passphrase);
        if (!opened.isNull())
            return;
        if (m_keyEncrypted && passphrase.isEmpty())
            m_fileProblems.append(
                tr("%1 is encrypted: enter its passphrase.").arg(QDir::toNativeSeparators(key)));
        else if (m_keyEncrypted)
            m_fileProblems.append(
                tr("The passphrase does not open %1.").arg(QDir::toNativeSeparators(key)));
        else
            m_fileProblems.append(tr("%1 is not a readable PEM RSA or EC private key.")
                                      .arg(QDir::toNativeSeparators(key)));
    }

    QString host() const { return roleWizard()->choice().hostname.trimmed().toLower(); }

    // Once per host name: going back and forth does not make a new key each time.
    bool generated() const
    {
        return host() == m_generatedFor && QFile::exists(generatedCertificate()) &&
               QFile::exists(generatedKey());
    }

    void startGenerating()
    {
        QString error;
        if (!smtp::TlsContext::prepareSelfSigned(generatedCertificate(), generatedKey(), &error)) {
            generatingEnded(tr("The certificate could not be made: %1").arg(error));
            return;
        }
        const QString forHost = host();
        m_openssl = new QProcess(this);
        m_openssl->setProcessChannelMode(QProcess::MergedChannels);
        connect(m_openssl, &QProcess::finished, this,
                [this, forHost](int code, QProcess::ExitStatus status) {
                    const QString output = QString::fromLocal8Bit(m_openssl->readAll()).trimmed();
                    if (status == QProcess::NormalExit && code == 0) {
                        smtp::TlsContext::finishSelfSigned(generatedKey());
                        m_generatedFor = forHost;
                        generatingEnded({});
                    } else {
                        generatingEnded(tr("The certificate could not be made: openssl "
                                           "failed: %1")
                                            .arg(output));
                    }
                });
        connect(m_openssl, &QProcess::errorOccurred, this, [this](QProcess::ProcessError e) {
            if (e == QProcess::FailedToStart)
                generatingEnded(tr("The certificate could not be made: openssl could not be "
                                   "started (%1).")
                                    .arg(m_openssl->errorString()));
        });
        m_progress->setText(tr("Making the certificate for %1…").arg(forHost));
        m_progress->show();
        for (QRadioButton *r : {m_generate, m_existing, m_none})
            r->setEnabled(false);
        emit completeChanged();
        m_openssl->start(u"openssl"_s, smtp::TlsContext::selfSignedArguments(
                                           forHost, generatedCertificate(), generatedKey()));
    }

    // `problem` empty: made, and the wizard goes on.
    void generatingEnded(const QString &problem)
    {
        if (m_openssl) {
            m_openssl->disconnect(this);
            m_openssl->deleteLater();
            m_openssl = nullptr;
        }
        m_progress->hide();
        for (QRadioButton *r : {m_generate, m_existing, m_none})
            r->setEnabled(true);
        if (!problem.isEmpty())
            m_fileProblems.append(problem);
        refresh();
        emit completeChanged();
        if (problem.isEmpty() && wizard() && wizard()->currentPage() == this)
            wizard()->next();
    }

    QLabel *m_generateNote;
    QLabel *m_noneNote;
    QLabel *m_progress = nullptr;
    QProcess *m_openssl = nullptr; // while a certificate is being made
    bool m_keyEncrypted = false;   // the existing key, when last checked
    QStringList m_fileProblems;
    QString m_generatedFor;
};

// A Mailbox's users, each with a password (hashed as soon as it is added), and who gets the
// postmaster's mail. Nobody is added unless typed here: the page may be left empty.
class UsersPage : public Page {
    Q_OBJECT
public:
    explicit UsersPage(QWidget *parent)
        : Page(parent)
    {
        setTitle(tr("Users"));
        setSubTitle(tr("The people who get a mailbox on this machine and log in to send mail. "
                       "Add them now, or go on without: Options | Mailboxes adds them later."));
        m_list = new QTreeWidget(this);
        m_list->setObjectName(u"wizardUsersList"_s);
        m_list->setColumnCount(2);
        m_list->setHeaderLabels({tr("User"), tr("Password")});
        m_list->setRootIsDecorated(false);
        m_list->setUniformRowHeights(true);
        m_list->header()->setStretchLastSection(false);
        m_list->header()->setSectionResizeMode(0, QHeaderView::Stretch);
        m_list->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
        m_name = lineEdit(u"wizardUserNameEdit"_s, tr("alice or alice@other.example"), this);
        m_password = lineEdit(u"wizardUserPasswordEdit"_s, QString(), this);
        m_password->setEchoMode(QLineEdit::Password);
        auto *add = new QPushButton(tr("&Add user"), this);
        add->setObjectName(u"addUserButton"_s);
        auto *remove = new QPushButton(tr("&Remove user"), this);
        remove->setObjectName(u"removeUserButton"_s);
        m_postmaster = new QComboBox(this);
        m_postmaster->setObjectName(u"postmasterCombo"_s);
        m_addError = errorLabel(u"usersErrorLabel"_s, this);
        m_addError->hide();

        auto *form = new QFormLayout;
        form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
        auto *nameLabel = new QLabel(tr("&User name:"), this);
        nameLabel->setBuddy(m_name);
        form->addRow(nameLabel, m_name);
        auto *passwordLabel = new QLabel(tr("Pass&word:"), this);
        passwordLabel->setBuddy(m_password);
        form->addRow(passwordLabel, m_password);
        auto *buttons = new QHBoxLayout;
        buttons->addWidget(add);
        buttons->addWidget(remove);
        buttons->addStretch(1);
        form->addRow(QString(), buttons);
        auto *postmasterForm = new QFormLayout;
        postmasterForm->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
        auto *postmasterLabel = new QLabel(tr("Mail to &postmaster goes to:"), this);
        postmasterLabel->setBuddy(m_postmaster);
        postmasterForm->addRow(postmasterLabel, m_postmaster);
        postmasterForm->addRow(
            wrappedLabel(tr("postmaster@ of every local domain must reach someone (RFC 5321): "
                            "it takes the mail system's notices and other servers' complaints. "
                            "Choose who reads it."),
                         this));

        auto *layout = new QVBoxLayout(this);
        layout->addWidget(m_list, 1);
        layout->addLayout(form);
        layout->addWidget(m_addError);
        layout->addSpacing(6);
        layout->addLayout(postmasterForm);

        connect(add, &QPushButton::clicked, this, [this] { addUser(); });
        connect(remove, &QPushButton::clicked, this, [this] {
            const QList<QTreeWidgetItem *> selected = m_list->selectedItems();
            if (selected.isEmpty())
                return;
            m_users.remove(m_list->indexOfTopLevelItem(selected.first()));
            fill();
        });
        connect(m_name, &QLineEdit::returnPressed, this, [this] { addUser(); });
        connect(m_password, &QLineEdit::returnPressed, this, [this] { addUser(); });
        setTabOrder(m_list, m_name);
        setTabOrder(m_name, m_password);
        setTabOrder(m_password, add);
        setTabOrder(add, remove);
        setTabOrder(remove, m_postmaster);
    }

    // A name typed but not added yet is added now, or the page says why it cannot be.
    bool validatePage() override { return m_name->text().trimmed().isEmpty() || addUser(); }

    void setUsers(const QList<config::User> &users, const QString &postmaster)
    {
        m_users = UserList(users);
        m_chosen = postmaster;
        fill();
    }
    QList<config::User> users() const { return m_users.users(); }
    QString postmaster() const
    {
        return m_postmaster->count() ? postmasterChoice(m_postmaster) : m_chosen;
    }

private:
    bool addUser()
    {
        const config::Settings server = roleWizard()->settings();
        const QString name = m_name->text().trimmed();
        QString problem = m_users.problemWithNewName(name, server);
        if (problem.isEmpty() && m_password->text().isEmpty())
            problem = tr("Type a password for %1: with it, they log in to send mail.")
                          .arg(config::canonicalUserName(name));
        showProblems(m_addError, problem.isEmpty() ? QStringList() : QStringList{problem});
        if (!problem.isEmpty()) {
            m_name->setFocus();
            return false;
        }
        m_chosen = postmaster();
        m_users.add(name, m_password->text());
        fill();
        m_name->clear();
        m_password->clear();
        m_name->setFocus();
        return true;
    }

    void fill()
    {
        m_list->clear();
        for (const config::User &user : m_users.users()) {
            auto *item = new QTreeWidgetItem(m_list);
            item->setText(0, user.name);
            item->setText(1, user.password.isEmpty() ? tr("none") : tr("set"));
        }
        fillPostmasterChoice(m_postmaster, m_users.users(), m_chosen,
                             config::asciiDomain(roleWizard()->choice().domain.trimmed()));
    }

    UserList m_users;
    QString m_chosen; // the postmaster, before the choice is shown
    QTreeWidget *m_list;
    QLineEdit *m_name;
    QLineEdit *m_password;
    QComboBox *m_postmaster;
    QLabel *m_addError;
};

class SummaryPage : public Page {
    Q_OBJECT
public:
    explicit SummaryPage(QWidget *parent)
        : Page(parent)
    {
        setTitle(tr("Summary"));
        setSubTitle(tr("Finish sets these options. Each stays editable in the Options dialogs; "
                       "changing one makes the role Custom."));
        m_text = new QPlainTextEdit(this);
        m_text->setObjectName(u"summaryText"_s);
        m_text->setReadOnly(true);
        m_text->setLineWrapMode(QPlainTextEdit::WidgetWidth);
        m_error = errorLabel(u"summaryErrorLabel"_s, this);
        auto *layout = new QVBoxLayout(this);
        layout->addWidget(m_text, 1);
        layout->addWidget(m_error);
    }

    void initializePage() override
    {
        QStringList lines;
        const config::Settings s = roleWizard()->settings();
        for (const QString &line : config::describeRole(s))
            lines.append(u"• "_s + line);
        if (s.server.role == config::Role::Mailbox) {
            QStringList users;
            for (const config::User &u : s.mailboxes.users)
                users.append(u.name);
            lines.append(u"• "_s +
                         tr("Mailboxes › users: %1")
                             .arg(users.isEmpty() ? tr("none yet") : users.join(u", "_s)));
            lines.append(u"• "_s + tr("Mailboxes › mail to postmaster goes to: %1")
                                       .arg(s.mailboxes.postmaster.isEmpty()
                                                ? tr("a mailbox of its own, “postmaster”")
                                                : s.mailboxes.postmaster));
        }
        m_text->setPlainText(lines.join(u'\n'));
        refresh();
    }

    // Everything once more, and the file the settings make must load.
    QStringList problems() const override
    {
        if (!wizard())
            return {};
        QStringList out;
        for (const config::RoleProblem &p : config::validateRoleChoice(roleWizard()->choice()))
            out.append(p.message);
        if (out.isEmpty()) {
            const config::Settings s = roleWizard()->settings();
            const config::LoadResult loaded =
                config::parse(QJsonDocument(config::toJson(s)).toJson(), s.baseDir);
            out += loaded.errors;
        }
        return out;
    }

    QPlainTextEdit *m_text;
};

} // namespace tandem::ui::wizard

namespace tandem::ui {

using namespace wizard;

namespace {

const config::Listener *firstListener(const config::Settings &s, config::ListenerMode mode)
{
    for (const config::Listener &l : s.smtp.listeners) {
        if (l.mode == mode)
            return &l;
    }
    return nullptr;
}

} // namespace

RoleWizard::RoleWizard(const config::Settings &base, const QString &configPath, QWidget *parent)
    : QWizard(parent)
    , m_base(base)
    , m_configPath(configPath)
    , m_rolePage(new RolePage(this))
    , m_domainPage(new DomainPage(this))
    , m_partnerPage(new PartnerPage(this))
    , m_listenersPage(new ListenersPage(this))
    , m_certificatePage(new CertificatePage(this))
    , m_usersPage(new UsersPage(this))
    , m_summaryPage(new SummaryPage(this))
{
    setObjectName(u"roleWizard"_s);
    setWindowTitle(tr("Tandem Role Wizard"));
    setWizardStyle(QWizard::ModernStyle);
    setOption(QWizard::NoBackButtonOnStartPage);
    const QPixmap logo = QIcon(u":/tandem/tandem.svg"_s).pixmap(48, 48);
    if (!logo.isNull())
        setPixmap(QWizard::LogoPixmap, logo);
    setPage(RolePageId, m_rolePage);
    setPage(DomainPageId, m_domainPage);
    setPage(PartnerPageId, m_partnerPage);
    setPage(ListenersPageId, m_listenersPage);
    setPage(CertificatePageId, m_certificatePage);
    setPage(UsersPageId, m_usersPage);
    setPage(SummaryPageId, m_summaryPage);
    setStartId(RolePageId);

    // Start from what the file already says, so re-running the wizard changes only the role.
    const std::optional<config::Role> detected = config::detectRole(base);
    const config::Role role = detected.value_or(base.server.role);
    m_rolePage->m_archive->setChecked(role == config::Role::Archive);
    m_rolePage->m_mailbox->setChecked(role != config::Role::Archive);

    m_domainPage->m_domain->setText(base.server.domain);
    m_domainPage->m_localDomains->setText(base.server.localDomains.join(u", "_s));
    m_domainPage->m_hostname->setText(base.server.hostname);

    QString partnerHost;
    quint16 partnerPort = 25;
    if (!base.outgoing.staticRoutes.isEmpty()) {
        partnerHost = base.outgoing.staticRoutes.first().host;
        partnerPort = base.outgoing.staticRoutes.first().port;
    } else if (role != config::Role::Archive && !base.outgoing.smarthost.host.isEmpty()) {
        partnerHost = base.outgoing.smarthost.host;
        partnerPort = base.outgoing.smarthost.port;
    }
    m_partnerPage->m_host->setText(partnerHost);
    m_partnerPage->m_port->setText(QString::number(partnerPort));
    const bool archiveHasRoute =
        role == config::Role::Archive && !base.outgoing.staticRoutes.isEmpty();
    m_partnerPage->m_staticRoute->setChecked(archiveHasRoute);
    m_partnerPage->m_useDns->setChecked(!archiveHasRoute);
    if (role == config::Role::Archive) {
        m_partnerPage->m_smarthostHost->setText(base.outgoing.smarthost.host);
    }
    m_partnerPage->m_smarthostPort->setText(QString::number(base.outgoing.smarthost.port));

    const config::Listener *smtp = firstListener(base, config::ListenerMode::Smtp);
    const config::Listener *submission = firstListener(base, config::ListenerMode::Submission);
    m_listenersPage->m_smtpAddress->setText(smtp ? smtp->address : u"0.0.0.0"_s);
    m_listenersPage->m_smtpPort->setText(QString::number(smtp ? smtp->port : 25));
    m_listenersPage->m_submissionAddress->setText(submission ? submission->address : u"0.0.0.0"_s);
    m_listenersPage->m_submissionPort->setText(
        QString::number(submission ? submission->port : 587));
    m_listenersPage->m_submissionAddressEdited =
        m_listenersPage->m_submissionAddress->text() != m_listenersPage->m_smtpAddress->text();
    QStringList networks;
    const QString partnerNet = config::hostNetwork(partnerHost);
    for (const config::Subnet &n : base.smtp.relayNetworks) {
        if (role != config::Role::Archive || n.text != partnerNet)
            networks.append(n.text);
    }
    m_listenersPage->m_networks->setText(networks.join(u", "_s));

    m_usersPage->setUsers(base.mailboxes.users, base.mailboxes.postmaster);

    if (!base.smtp.tlsCertificate.isEmpty()) {
        m_certificatePage->m_existing->setChecked(true);
        m_certificatePage->m_certificate->setText(base.smtp.tlsCertificate);
        m_certificatePage->m_key->setText(base.smtp.tlsKey);
    }

    setMinimumSize(sizeHint().expandedTo(QSize(680, 520)));
}

QString RoleWizard::configDir() const
{
    if (!m_configPath.isEmpty())
        return QFileInfo(m_configPath).absolutePath();
    return m_base.baseDir.isEmpty() ? QDir::currentPath() : m_base.baseDir;
}

config::Role RoleWizard::role() const
{
    return m_rolePage->m_archive->isChecked() ? config::Role::Archive : config::Role::Mailbox;
}

config::RoleChoice RoleWizard::choice() const
{
    config::RoleChoice c;
    c.role = role();
    c.domain = m_domainPage->m_domain->text().trimmed();
    c.localDomains = listFrom(m_domainPage->m_localDomains);
    c.hostname = m_domainPage->m_hostname->text().trimmed();
    c.partnerHost = m_partnerPage->m_host->text().trimmed();
    c.partnerPort = portFrom(m_partnerPage->m_port);
    c.lanNetworks = listFrom(m_listenersPage->m_networks);
    // Listener options the wizard does not ask about (restrict_sender_to_user) are kept.
    const config::Listener *oldSmtp = firstListener(m_base, config::ListenerMode::Smtp);
    config::Listener smtp = oldSmtp ? *oldSmtp : config::Listener{};
    smtp.address = m_listenersPage->m_smtpAddress->text().trimmed();
    smtp.port = portFrom(m_listenersPage->m_smtpPort);
    smtp.mode = config::ListenerMode::Smtp;
    c.listeners.append(smtp);
    if (c.role == config::Role::Mailbox) {
        const config::Listener *old = firstListener(m_base, config::ListenerMode::Submission);
        config::Listener submission = old ? *old : config::Listener{};
        submission.address = m_listenersPage->m_submissionAddress->text().trimmed();
        submission.port = portFrom(m_listenersPage->m_submissionPort);
        submission.mode = config::ListenerMode::Submission;
        c.listeners.append(submission);
    } else {
        c.useDns = m_partnerPage->m_useDns->isChecked();
        c.smarthostHost = m_partnerPage->m_smarthostHost->text().trimmed();
        c.smarthostPort = c.smarthostHost.isEmpty() ? 25 : portFrom(m_partnerPage->m_smarthostPort);
    }
    c.tlsCertificate = m_certificatePage->certificatePath();
    c.tlsKey = m_certificatePage->keyPath();
    return c;
}

config::Settings RoleWizard::settings() const
{
    config::Settings s = config::applyRole(m_base, choice());
    s.tlsKeyPassphrase = tlsKeyPassphrase();
    if (role() == config::Role::Mailbox) {
        s.mailboxes.users = m_usersPage->users();
        s.mailboxes.postmaster = m_usersPage->postmaster();
    }
    return s;
}

QString RoleWizard::tlsKeyPassphrase() const
{
    return m_certificatePage->keyPassphrase();
}

// The passphrase of an encrypted key goes to the keychain, never to the file; the wizard
// closes once the keychain has it, so that the engine started next finds it there. Any other
// choice forgets a passphrase kept for an earlier key.
void RoleWizard::accept()
{
    const QString passphrase = tlsKeyPassphrase();
    if (passphrase.isEmpty()) {
        Secrets::storeTlsPassphrase({}, this, [](bool, const QString &) {});
        QWizard::accept();
        return;
    }
    button(QWizard::FinishButton)->setEnabled(false);
    Secrets::storeTlsPassphrase(passphrase, this, [this](bool ok, const QString &error) {
        button(QWizard::FinishButton)->setEnabled(true);
        if (ok) {
            QWizard::accept();
            return;
        }
        QMessageBox::warning(this, tr("Passphrase not kept"),
                             tr("The keychain did not take the key's passphrase: %1").arg(error));
    });
}

} // namespace tandem::ui

#include "rolewizard.moc"
