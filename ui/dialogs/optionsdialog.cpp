#include "optionsdialog.h"

#include <QDialogButtonBox>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QSpinBox>
#include <QStackedWidget>
#include <QTabWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace tandem::ui {

namespace {

// The validator's messages ("must be 1-65535") as a sentence under a field.
QString sentence(const QString &message)
{
    if (message.isEmpty())
        return message;
    QString s = message;
    s[0] = s.at(0).toUpper();
    if (!s.endsWith(u'.'))
        s.append(u'.');
    return s;
}

bool sameRoute(const config::StaticRoute &a, const config::StaticRoute &b)
{
    return a.domains == b.domains && a.host == b.host && a.port == b.port &&
           a.username == b.username && a.tls == b.tls;
}

} // namespace

bool roleOptionsDiffer(const config::Settings &a, const config::Settings &b)
{
    const config::PassthroughSettings &pa = a.passthrough;
    const config::PassthroughSettings &pb = b.passthrough;
    if (pa.allDomains != pb.allDomains || (!pa.allDomains && pa.domains != pb.domains) ||
        pa.copyToSenderSentItems != pb.copyToSenderSentItems ||
        pa.createMailboxIfNecessary != pb.createMailboxIfNecessary ||
        pa.copyLocalDomainsToOutbox != pb.copyLocalDomainsToOutbox ||
        pa.copyWithoutReceivedToOutbox != pb.copyWithoutReceivedToOutbox)
        return true;
    if (a.undelivered.action != b.undelivered.action)
        return true;
    if (a.smtp.listeners.size() != b.smtp.listeners.size())
        return true;
    for (qsizetype i = 0; i < a.smtp.listeners.size(); ++i) {
        const config::Listener &la = a.smtp.listeners.at(i);
        const config::Listener &lb = b.smtp.listeners.at(i);
        if (la.rejectNonLocalSendersClaimingLocal != lb.rejectNonLocalSendersClaimingLocal ||
            la.requireAuth != lb.requireAuth || la.mode != lb.mode)
            return true;
    }
    QStringList netsA, netsB;
    for (const config::Subnet &n : a.smtp.relayNetworks)
        netsA.append(n.text);
    for (const config::Subnet &n : b.smtp.relayNetworks)
        netsB.append(n.text);
    if (netsA != netsB)
        return true;
    const config::SmartHost &sa = a.outgoing.smarthost;
    const config::SmartHost &sb = b.outgoing.smarthost;
    if (sa.host != sb.host || sa.port != sb.port)
        return true;
    const auto &ra = a.outgoing.staticRoutes;
    const auto &rb = b.outgoing.staticRoutes;
    return !std::equal(ra.begin(), ra.end(), rb.begin(), rb.end(), sameRoute);
}

OptionsDialog::OptionsDialog(const config::Settings &settings, QWidget *parent)
    : QDialog(parent)
    , m_original(settings)
    , m_settings(settings)
    , m_generalError(new QLabel)
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel))
{
    setWindowFlag(Qt::WindowContextHelpButtonHint, true);
    m_generalError->setObjectName(u"dialogError"_s);
    m_generalError->setWordWrap(true);
    m_generalError->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_generalError->hide();
    QPalette red = m_generalError->palette();
    red.setColor(QPalette::WindowText, QColor(0xb0, 0x00, 0x20));
    m_generalError->setPalette(red);
    m_buttons->setObjectName(u"buttonBox"_s);
    m_buttons->button(QDialogButtonBox::Ok)->setObjectName(u"okButton"_s);
    m_buttons->button(QDialogButtonBox::Cancel)->setObjectName(u"cancelButton"_s);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &OptionsDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &OptionsDialog::reject);
}

void OptionsDialog::setBody(QLayout *body)
{
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(body, 1);
    layout->addWidget(m_generalError);
    layout->addWidget(m_buttons);
    // Widgets join the focus chain as they are parented; the buttons go last.
    setTabOrder(m_generalError, m_buttons);
}

void OptionsDialog::explain(QWidget *option, const QString &toolTip, const QString &whatsThis)
{
    option->setToolTip(toolTip);
    option->setWhatsThis(whatsThis);
}

QPushButton *OptionsDialog::button(const QString &text, const QString &objectName)
{
    auto *b = new QPushButton(text);
    b->setObjectName(objectName);
    b->setAutoDefault(false);
    return b;
}

void OptionsDialog::setTabs(const QList<QPair<QWidget *, QString>> &pages)
{
    auto *tabs = new QTabWidget;
    tabs->setObjectName(u"tabs"_s);
    for (const auto &[page, title] : pages)
        tabs->addTab(page, title);
    auto *body = new QVBoxLayout;
    body->addWidget(tabs);
    setBody(body);
}

QLabel *OptionsDialog::errorLabel(QWidget *field)
{
    if (QLabel *existing = m_errorLabels.value(field))
        return existing;
    auto *label = new QLabel;
    label->setObjectName(field->objectName() + u"Error"_s);
    label->setWordWrap(true);
    label->setPalette(m_generalError->palette());
    label->hide();
    m_errorLabels.insert(field, label);
    m_errorOrder.append(field);
    return label;
}

QWidget *OptionsDialog::withError(QWidget *field)
{
    auto *box = new QWidget;
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(field);
    layout->addWidget(errorLabel(field));
    box->setFocusProxy(field);
    return box;
}

void OptionsDialog::routeErrors(const QString &pattern, QWidget *field, Describe describe)
{
    errorLabel(field);
    m_routes.append(Route{QRegularExpression(QRegularExpression::anchoredPattern(pattern)), field,
                          std::move(describe)});
}

void OptionsDialog::refuse(QWidget *field, const QString &reason)
{
    m_refused = true;
    showError(field, reason);
}

void OptionsDialog::showError(QWidget *field, const QString &reason)
{
    QLabel *label = errorLabel(field);
    label->setText(label->text().isEmpty() ? reason : label->text() + u'\n' + reason);
    label->show();
}

void OptionsDialog::clearError(QWidget *field)
{
    if (QLabel *label = m_errorLabels.value(field)) {
        label->clear();
        label->hide();
    }
}

void OptionsDialog::clearErrors()
{
    for (QLabel *label : std::as_const(m_errorLabels)) {
        label->clear();
        label->hide();
    }
    m_generalError->clear();
    m_generalError->hide();
}

QLineEdit *OptionsDialog::portEdit(const QString &name, quint16 value)
{
    auto *edit = new QLineEdit(QString::number(value));
    edit->setObjectName(name);
    // Digits only, but more than 65535 may be typed: it is refused with the reason shown.
    edit->setValidator(new QRegularExpressionValidator(QRegularExpression(u"[0-9]{0,6}"_s), edit));
    edit->setMaximumWidth(edit->fontMetrics().horizontalAdvance(u"0000000"_s) + 16);
    return edit;
}

std::optional<quint16> OptionsDialog::readPort(QLineEdit *edit)
{
    bool ok = false;
    const uint port = edit->text().trimmed().toUInt(&ok);
    if (!ok || port < 1 || port > 65535) {
        refuse(edit, tr("A port number is 1-65535."));
        return std::nullopt;
    }
    return quint16(port);
}

void OptionsDialog::commit(config::Settings &)
{
    QDialog::accept();
}

void OptionsDialog::accept()
{
    clearErrors();
    m_refused = false;
    config::Settings edited = m_original;
    apply(edited);
    if (m_refused) {
        revealFirstError();
        return;
    }
    // A role is a preset; editing one of its options makes the configuration custom, unless
    // the role itself was chosen here.
    if (edited.server.role == m_original.server.role && roleOptionsDiffer(m_original, edited))
        edited.server.role = config::Role::Custom;

    const config::LoadResult checked =
        config::parse(QJsonDocument(config::toJson(edited)).toJson(), m_original.baseDir);
    QStringList general;
    for (const QString &error : checked.errors) {
        const qsizetype colon = error.indexOf(u": "_s);
        const QString path = colon < 0 ? QString() : error.left(colon);
        const QString message = colon < 0 ? error : error.mid(colon + 2);
        bool shown = false;
        for (const Route &route : std::as_const(m_routes)) {
            const QRegularExpressionMatch match = route.pattern.match(path);
            if (match.hasMatch()) {
                showError(route.field,
                          route.describe ? route.describe(match, message) : sentence(message));
                shown = true;
                break;
            }
        }
        if (!shown)
            general.append(error);
    }
    if (!general.isEmpty()) {
        m_generalError->setText(
            tr("The configuration has other problems:\n%1").arg(general.join(u'\n')));
        m_generalError->show();
    }
    if (!checked.ok()) {
        revealFirstError();
        return;
    }
    config::Settings accepted = checked.settings;
    accepted.baseDir = m_original.baseDir;
    accepted.passwords = edited.passwords;
    accepted.timeScale = edited.timeScale;
    m_settings = accepted;
    commit(m_settings);
}

void OptionsDialog::revealFirstError()
{
    for (QWidget *field : std::as_const(m_errorOrder)) {
        if (m_errorLabels.value(field)->isHidden())
            continue;
        // Bring the tab that holds the field to the front.
        for (QWidget *w = field; w && w != this; w = w->parentWidget()) {
            QWidget *parent = w->parentWidget();
            if (qobject_cast<QStackedWidget *>(parent)) {
                if (auto *tabs = qobject_cast<QTabWidget *>(parent->parentWidget()))
                    tabs->setCurrentWidget(w);
            }
        }
        field->setFocus(Qt::OtherFocusReason);
        return;
    }
}

QSpinBox *OptionsDialog::spinBox(const QString &objectName, int min, int max, const QString &suffix,
                                 int value, const QString &specialValueText)
{
    auto *box = new QSpinBox;
    box->setObjectName(objectName);
    box->setRange(min, max);
    box->setSuffix(suffix);
    if (!specialValueText.isEmpty())
        box->setSpecialValueText(specialValueText);
    box->setValue(value);
    return box;
}

QSpinBox *OptionsDialog::spinBox(const QString &objectName, int min, int max, const Suffix &suffix,
                                 int value, const QString &specialValueText)
{
    QSpinBox *box = spinBox(objectName, min, max, suffix(value), value, specialValueText);
    connect(box, &QSpinBox::valueChanged, box, [box, suffix](int n) { box->setSuffix(suffix(n)); });
    return box;
}

} // namespace tandem::ui
