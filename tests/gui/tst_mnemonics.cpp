// Alt+letter shortcuts (the letter after '&' in a label's text, a button's, a group box's
// title, a tab's, a menu's) that two widgets of one window hold at once: Qt then gives the
// keystroke to neither, so what the administrator types is swallowed. Checked in every
// language the console has (each translation built into it, with Qt's own texts as the
// console loads them), for every Options dialog, the search window's Copy to mailbox and
// Export dialogs, every page of the role wizard in both roles
// (with the wizard's own Back, Next, Finish and Cancel buttons), and the main window with
// each of its pages and menus.
#include "config/settings.h"
#include "copybackdialog.h"
#include "dialogs/inboxpropertiesdialog.h"
#include "dialogs/mailboxesdialog.h"
#include "dialogs/outgoingmaildialog.h"
#include "dialogs/serverdialog.h"
#include "dialogs/smtpservicedialog.h"
#include "exportdialog.h"
#include "language.h"
#include "mainwindow.h"
#include "rolewizard.h"
#include "threadwarnings.h"

#include <QAbstractButton>
#include <QDir>
#include <QFile>
#include <QGroupBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QMap>
#include <QMenu>
#include <QMenuBar>
#include <QRadioButton>
#include <QStandardPaths>
#include <QTabBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>
#include <QTreeWidgetItemIterator>

using namespace Qt::StringLiterals;
using namespace tandem;

namespace {

// "Alt+B" for "Su&bmission", empty for a text without one ("&&" is a plain ampersand).
QString mnemonicOf(const QString &text)
{
    return QKeySequence::mnemonic(text).toString(QKeySequence::PortableText);
}

QString describe(const QWidget *w, const QString &text)
{
    return u"\"%1\" (%2 %3)"_s.arg(text, QString::fromLatin1(w->metaObject()->className()),
                                   w->objectName());
}

// Every mnemonic the widgets of window that are on screen now hold, with who holds it. A
// hidden widget (another tab, another page) holds its shortcut but Qt does not give it the
// keystroke, so only what is visible together can clash. Disabled widgets count: they are
// enabled by a choice on the same page.
QMap<QString, QStringList> mnemonicsShown(QWidget *window)
{
    QMap<QString, QStringList> held;
    const auto add = [&](const QWidget *w, const QString &text) {
        const QString key = mnemonicOf(text);
        if (!key.isEmpty())
            held[key].append(describe(w, text));
    };
    QList<QWidget *> widgets = window->findChildren<QWidget *>();
    widgets.prepend(window);
    for (QWidget *w : std::as_const(widgets)) {
        if (w != window && (!w->isVisibleTo(window) || w->window() != window))
            continue;
        if (auto *button = qobject_cast<QAbstractButton *>(w))
            add(w, button->text());
        else if (auto *label = qobject_cast<QLabel *>(w); label && label->buddy())
            add(w, label->text());
        else if (auto *box = qobject_cast<QGroupBox *>(w))
            add(w, box->title());
        else if (auto *tabs = qobject_cast<QTabBar *>(w)) {
            for (int i = 0; i < tabs->count(); ++i)
                add(w, tabs->tabText(i));
        } else if (auto *bar = qobject_cast<QMenuBar *>(w)) {
            for (const QAction *a : bar->actions()) {
                if (a->isVisible())
                    add(w, a->text());
            }
        }
    }
    return held;
}

QStringList clashes(const QMap<QString, QStringList> &held)
{
    QStringList out;
    for (auto it = held.begin(); it != held.end(); ++it) {
        if (it.value().size() > 1)
            out.append(u"%1: %2"_s.arg(it.key(), it.value().join(u", "_s)));
    }
    return out;
}

// The items of one menu: a mnemonic there is the key pressed while it is open.
QStringList menuClashes(const QMenu *menu)
{
    QMap<QString, QStringList> held;
    for (const QAction *a : menu->actions()) {
        const QString key = mnemonicOf(a->text());
        if (a->isVisible() && !key.isEmpty())
            held[key].append(u"\"%1\""_s.arg(a->text()));
    }
    return clashes(held);
}

} // namespace

class TestMnemonics : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init() { tandem::test::failOnThreadWarnings(); }
    void cleanupTestCase() { ui::language::apply(u"en"_s); }
    void unique_data();
    void unique();
    void finderSeesAClash();

private:
    config::Settings settings() const;
    // Checks window as it is now, and once for every tab of each tab widget on it.
    void checkWindow(QWidget *window, const QString &where);
    void checkMenus(QWidget *window, const QString &where);
    void checkDialogs();
    void checkWizard(config::Role role);
    void checkMainWindow();

    QTemporaryDir m_dir;
    QStringList m_problems;
};

void TestMnemonics::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QStandardPaths::setTestModeEnabled(true);
}

// English, and each translation built into the console (translations/tandem_*.ts).
void TestMnemonics::unique_data()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("en") << u"en"_s;
    const QStringList built = QDir(u":/i18n"_s).entryList({u"tandem_*.qm"_s}, QDir::Files);
    QVERIFY2(built.size() >= 2, qPrintable(built.join(u", "_s)));
    for (const QString &file : built) {
        const QString code = file.mid(7, file.size() - 7 - 3);
        QTest::newRow(qPrintable(code)) << code;
    }
}

void TestMnemonics::unique()
{
    QFETCH(QString, language);
    // As View › Language does: Tandem's translation and Qt's own (the wizard's buttons, the
    // dialogs' OK and Cancel).
    const bool found = ui::language::apply(language);
    QVERIFY(found || language == u"en"_s);
    m_problems.clear();
    checkDialogs();
    checkWizard(config::Role::Mailbox);
    checkWizard(config::Role::Archive);
    checkMainWindow();
    QVERIFY2(m_problems.isEmpty(), qPrintable(u"\n"_s + m_problems.join(u'\n')));
}

// The check itself finds a clash that is there.
void TestMnemonics::finderSeesAClash()
{
    QWidget window;
    new QRadioButton(u"&Browse…"_s, &window);
    new QRadioButton(u"< &Back"_s, &window);
    new QLabel(u"&Bare label without a buddy"_s, &window); // holds no shortcut
    auto *buddied = new QLabel(u"&Name:"_s, &window);
    buddied->setBuddy(new QLineEdit(&window));
    new QGroupBox(u"&Numbers"_s, &window);
    new QRadioButton(u"Relaying && &Authentication"_s, &window);
    auto *hidden = new QRadioButton(u"&Hidden"_s, &window);
    new QRadioButton(u"&Here"_s, &window);
    hidden->hide();
    const QStringList found = clashes(mnemonicsShown(&window));
    QCOMPARE(found.size(), 2);
    QVERIFY2(found.at(0).startsWith(u"Alt+B: "_s), qPrintable(found.at(0)));
    QVERIFY2(found.at(1).startsWith(u"Alt+N: "_s), qPrintable(found.at(1)));
    QVERIFY(!found.join(u' ').contains(u"Bare label"_s));
    QCOMPARE(mnemonicOf(u"Relaying && Authentication"_s), QString());
    QCOMPARE(mnemonicOf(u"Relaying && &Authentication"_s), u"Alt+A"_s);
}

// The default configuration with a listener of each mode, a static route and a second local
// domain: every widget any dialog can show.
config::Settings TestMnemonics::settings() const
{
    QJsonObject json = QJsonDocument::fromJson(config::defaultConfigJson()).object();
    QJsonObject server = json.value(u"server"_s).toObject();
    server.insert(u"local_domains"_s, QJsonArray{u"other.example"_s});
    json.insert(u"server"_s, server);
    QJsonObject smtp = json.value(u"smtp"_s).toObject();
    QJsonArray listeners = smtp.value(u"listeners"_s).toArray();
    listeners.append(QJsonObject{{u"address"_s, u"127.0.0.1"_s},
                                 {u"port"_s, 2587},
                                 {u"mode"_s, u"submission"_s},
                                 {u"require_auth"_s, true}});
    listeners.append(QJsonObject{{u"address"_s, u"127.0.0.1"_s},
                                 {u"port"_s, 2465},
                                 {u"mode"_s, u"smtps"_s},
                                 {u"require_auth"_s, true}});
    smtp.insert(u"listeners"_s, listeners);
    smtp.insert(u"allow_plaintext_auth"_s, true);
    smtp.insert(u"tls"_s,
                QJsonObject{{u"certificate"_s, u"tls/cert.pem"_s}, {u"key"_s, u"tls/key.pem"_s}});
    json.insert(u"smtp"_s, smtp);
    const config::LoadResult loaded = config::parse(QJsonDocument(json).toJson(), m_dir.path());
    if (!loaded.ok())
        qFatal("test configuration not valid: %s", qPrintable(loaded.errors.join(u"; "_s)));
    return loaded.settings;
}

void TestMnemonics::checkWindow(QWidget *window, const QString &where)
{
    window->show();
    QCoreApplication::processEvents();
    const auto check = [&](const QString &state) {
        for (const QString &clash : clashes(mnemonicsShown(window)))
            m_problems.append(u"%1%2: %3"_s.arg(where, state, clash));
    };
    const QList<QTabWidget *> tabWidgets = window->findChildren<QTabWidget *>();
    if (tabWidgets.isEmpty())
        check({});
    for (QTabWidget *tabs : tabWidgets) {
        if (!tabs->isVisibleTo(window))
            continue;
        const int current = tabs->currentIndex();
        for (int i = 0; i < tabs->count(); ++i) {
            tabs->setCurrentIndex(i);
            check(u" › "_s + QString(tabs->tabText(i)).remove(u'&'));
        }
        tabs->setCurrentIndex(current);
    }
}

void TestMnemonics::checkMenus(QWidget *window, const QString &where)
{
    for (const QMenu *menu : window->findChildren<QMenu *>()) {
        for (const QString &clash : menuClashes(menu))
            m_problems.append(u"%1 › menu %2: %3"_s.arg(where, menu->title(), clash));
    }
}

void TestMnemonics::checkDialogs()
{
    const config::Settings s = settings();
    {
        ui::ServerDialog d(s);
        checkWindow(&d, d.objectName());
    }
    {
        ui::InboxPropertiesDialog d(s);
        checkWindow(&d, d.objectName());
    }
    {
        ui::OutgoingMailDialog d(s);
        checkWindow(&d, d.objectName());
    }
    {
        ui::RouteDialog d(s, 0);
        checkWindow(&d, u"routeDialog"_s);
    }
    for (int i = 0; i < s.smtp.listeners.size(); ++i) {
        ui::SmtpServiceDialog d(s, i);
        checkWindow(&d, u"%1[%2]"_s.arg(d.objectName()).arg(i));
    }
    {
        ui::MailboxesDialog d(s, {u"alice@example.com"_s});
        checkWindow(&d, d.objectName());
    }
    // The search window's: Copy to mailbox and Export.
    {
        ui::CopyBackDialog d({u"alice@example.com"_s}, 3, u"alice@example.com"_s);
        checkWindow(&d, d.objectName());
    }
    {
        ui::ExportDialog d(3, 120, m_dir.path());
        checkWindow(&d, d.objectName());
    }
}

// Page by page, with what each page needs to let the wizard go on.
void TestMnemonics::checkWizard(config::Role role)
{
    const bool mailbox = role == config::Role::Mailbox;
    config::Settings start = settings();
    start.smtp.listeners.clear();
    start.outgoing.staticRoutes.clear();
    start.mailboxes.users.clear();
    ui::RoleWizard wizard(start, m_dir.filePath(u"tandem.json"_s));
    wizard.show();
    QVERIFY(QTest::qWaitForWindowExposed(&wizard));
    wizard.findChild<QRadioButton *>(mailbox ? u"roleMailboxRadio"_s : u"roleArchiveRadio"_s)
        ->setChecked(true);
    const auto set = [&](const QString &name, const QString &text) {
        if (auto *edit = wizard.findChild<QLineEdit *>(name); edit && edit->isVisible())
            edit->setText(text);
    };
    for (int pages = 0; pages < 12; ++pages) {
        const int id = wizard.currentId();
        set(u"domainEdit"_s, u"example.com"_s);
        set(u"hostnameEdit"_s, mailbox ? u"mailbox.example.com"_s : u"archive.example.com"_s);
        set(u"partnerHostEdit"_s, mailbox ? u"192.168.1.20"_s : u"192.168.1.10"_s);
        set(u"lanNetworksEdit"_s, u"192.168.1.0/24"_s);
        if (id == ui::RoleWizard::CertificatePageId)
            wizard.findChild<QRadioButton *>(u"certNoneRadio"_s)->setChecked(true);
        QCoreApplication::processEvents();
        for (const QString &clash : clashes(mnemonicsShown(&wizard)))
            m_problems.append(u"role wizard (%1), page %2 \"%3\": %4"_s.arg(
                mailbox ? u"Mailbox"_s : u"Archive"_s, QString::number(id),
                wizard.currentPage()->title(), clash));
        if (id == ui::RoleWizard::SummaryPageId)
            return;
        wizard.next();
        if (wizard.currentId() == id) {
            m_problems.append(u"role wizard: page %1 does not go on"_s.arg(id));
            return;
        }
    }
    m_problems.append(u"role wizard: no summary page"_s);
}

void TestMnemonics::checkMainWindow()
{
    const QString path = m_dir.filePath(u"tandem.json"_s);
    QString error;
    QVERIFY2(config::saveJson(config::toJson(settings()), path, &error), qPrintable(error));
    ui::MainWindow window(path);
    QVERIFY(window.loadConfiguration());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *tree = window.findChild<QTreeWidget *>(u"navigation"_s);
    QVERIFY(tree);
    for (QTreeWidgetItemIterator it(tree); *it; ++it) {
        tree->setCurrentItem(*it);
        checkWindow(&window, u"main window › "_s + (*it)->text(0));
    }
    checkMenus(&window, u"main window"_s);
}

QTEST_MAIN(TestMnemonics)
#include "tst_mnemonics.moc"
