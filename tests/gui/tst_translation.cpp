// The German and French translations are built into the console and load; a dialog's title
// and the Passthrough wording then appear in that language. View › Language switches the open
// windows at once.
#include "config/settings.h"
#include "dialogs/inboxpropertiesdialog.h"
#include "dialogs/serverdialog.h"
#include "dialogs/smtpservicedialog.h"
#include "language.h"
#include "mainwindow.h"
#include "queuemodel.h"
#include "searchmodel.h"
#include "threadwarnings.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <QTranslator>
#include <QTreeWidget>
#include <atomic>
#include <memory>

using namespace Qt::StringLiterals;

class TestTranslation : public QObject {
    Q_OBJECT
private slots:
    void init() { tandem::test::failOnThreadWarnings(); }
    void languageLoads_data();
    void languageLoads();
    void switchesLive();
    void configErrorsTranslated();
    void switchingWhileTheEngineTranslates();
};

void TestTranslation::languageLoads_data()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("German") << u"de"_s;
    QTest::newRow("French") << u"fr"_s;
}

void TestTranslation::languageLoads()
{
    QFETCH(QString, language);
    QTranslator translator;
    QVERIFY2(translator.load(QLocale(language), u"tandem"_s, u"_"_s, u":/i18n"_s),
             qPrintable(u":/i18n/tandem_%1.qm is not in the program"_s.arg(language)));
    QVERIFY(!translator.isEmpty());
    QCoreApplication::installTranslator(&translator);

    tandem::config::Settings settings =
        tandem::config::parse(tandem::config::defaultConfigJson(), u"/tmp"_s).settings;
    {
        tandem::ui::ServerDialog dialog(settings);
        QVERIFY(!dialog.windowTitle().isEmpty());
        QVERIFY2(dialog.windowTitle() != u"Options | Server"_s, qPrintable(dialog.windowTitle()));
        QCOMPARE(dialog.windowTitle(),
                 QCoreApplication::translate("tandem::ui::ServerDialog", "Options | Server"));
    }
    {
        tandem::ui::InboxPropertiesDialog dialog(settings);
        auto *box = dialog.findChild<QCheckBox *>(u"copyLocalDomainsToOutbox"_s);
        QVERIFY(box);
        QVERIFY2(box->text() != u"Copy all mail for local domains to Outbox"_s,
                 qPrintable(box->text()));
    }
    QCoreApplication::removeTranslator(&translator);
    tandem::ui::ServerDialog english(settings);
    QCOMPARE(english.windowTitle(), u"Options | Server"_s);
}

// Choosing Deutsch in View › Language retranslates the main window, its tree, the queue, the
// search and the log windows, without a restart; English brings the source texts back.
void TestTranslation::switchesLive()
{
    QStandardPaths::setTestModeEnabled(true); // the choice is stored in a throw-away place
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString config = dir.filePath(u"tandem.json"_s);
    QFile file(config);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(tandem::config::defaultConfigJson());
    file.close();
    tandem::ui::MainWindow window(config);
    QVERIFY(window.loadConfiguration());
    window.show();

    const auto german = [](const char *context, const char *text) {
        return QCoreApplication::translate(context, text);
    };
    auto *menuBar = window.menuBar();
    auto *tree = window.findChild<QTreeWidget *>(u"navigation"_s);
    auto *retry = window.findChild<QAction *>(u"retryAction"_s);
    auto *queueModel = window.findChild<tandem::ui::QueueModel *>();
    auto *allEvents = window.findChild<QPushButton *>(u"allEvents"_s);
    auto *queueIdFilter = window.findChild<QLineEdit *>(u"queueIdFilter"_s);
    auto *searchButton = window.findChild<QPushButton *>(u"searchButton"_s);
    auto *searchModel = window.findChild<tandem::ui::SearchModel *>();
    QVERIFY(tree && retry && queueModel && allEvents && queueIdFilter && searchButton &&
            searchModel);
    QCOMPARE(menuBar->actions().first()->text(), u"&File"_s);
    QCOMPARE(tree->topLevelItem(1)->text(0), u"Incoming Mail"_s);

    auto *deutsch = window.findChild<QAction *>(u"language_de"_s);
    QVERIFY(deutsch);
    deutsch->trigger();
    QVERIFY(deutsch->isChecked());
    QCOMPARE(tandem::ui::language::chosen(), u"de"_s);
    QTRY_COMPARE(menuBar->actions().first()->text(), u"&Datei"_s); // the event is posted
    QCOMPARE(menuBar->actions().first()->text(), german("tandem::ui::MainWindow", "&File"));
    QCOMPARE(tree->topLevelItem(1)->text(0), u"Eingehende E-Mails"_s);
    QCOMPARE(retry->text(), german("tandem::ui::QueueWindow", "&Retry now"));
    QVERIFY(retry->text() != u"&Retry now"_s);
    QCOMPARE(
        queueModel->headerData(tandem::ui::QueueModel::NextHopColumn, Qt::Horizontal).toString(),
        german("tandem::ui::QueueModel", "Next hop"));
    QVERIFY(
        queueModel->headerData(tandem::ui::QueueModel::NextHopColumn, Qt::Horizontal).toString() !=
        u"Next hop"_s);
    QCOMPARE(allEvents->text(), german("tandem::ui::LogWindow", "Back to all events"));
    QVERIFY(allEvents->text() != u"Back to all events"_s);
    QCOMPARE(searchButton->text(), u"&Suchen"_s);
    QCOMPARE(
        searchModel->headerData(tandem::ui::SearchModel::FolderColumn, Qt::Horizontal).toString(),
        u"Ordner"_s);
    QCOMPARE(QLocale().language(), QLocale::German); // numbers and dates too

    auto *english = window.findChild<QAction *>(u"language_en"_s);
    QVERIFY(english);
    english->trigger();
    QTRY_COMPARE(menuBar->actions().first()->text(), u"&File"_s);
    QCOMPARE(tree->topLevelItem(1)->text(0), u"Incoming Mail"_s);
    QCOMPARE(retry->text(), u"&Retry now"_s);
    QCOMPARE(allEvents->text(), u"Back to all events"_s);
    QCOMPARE(searchButton->text(), u"&Search"_s);
    QCOMPARE(queueIdFilter->placeholderText(), u"Queue id"_s);
}

// The configuration check's messages, shown under the fields of the Options dialogs, come in
// the console's language; the key path before them does not, and neither do the config keys
// the open-relay message names, so the SMTP service dialog still finds the listener in it.
void TestTranslation::configErrorsTranslated()
{
    const auto parseDomain = [](const QString &domain) {
        QJsonObject json = QJsonDocument::fromJson(tandem::config::defaultConfigJson()).object();
        QJsonObject server = json.value(u"server"_s).toObject();
        server.insert(u"domain"_s, domain);
        json.insert(u"server"_s, server);
        return tandem::config::parse(QJsonDocument(json).toJson(), u"/tmp"_s);
    };
    const auto messageFor = [](const QStringList &errors, const QString &path) {
        const QString prefix = path + u": "_s;
        for (const QString &error : errors) {
            if (error.startsWith(prefix))
                return error.mid(prefix.size());
        }
        return QString();
    };
    const QString english = u"must be a domain name such as example.com"_s;
    QCOMPARE(messageFor(parseDomain(u"not a domain!"_s).errors, u"server.domain"_s), english);

    QVERIFY(tandem::ui::language::apply(u"de"_s));
    const QString german = QCoreApplication::translate("tandem::config::Settings",
                                                       "must be a domain name such as example.com");
    QVERIFY2(german != english, "no German text for the message");
    const QStringList errors = parseDomain(u"not a domain!"_s).errors;
    QVERIFY2(errors.contains(u"server.domain: "_s + german), qPrintable(errors.join(u'\n')));
    QCOMPARE(german, u"muss ein Domänenname wie example.com sein"_s);

    const tandem::config::Settings settings =
        tandem::config::parse(tandem::config::defaultConfigJson(), u"/tmp"_s).settings;
    {
        tandem::ui::ServerDialog dialog(settings);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        auto *domain = dialog.findChild<QLineEdit *>(u"domain"_s);
        auto *ok = dialog.findChild<QPushButton *>(u"okButton"_s);
        auto *label = dialog.findChild<QLabel *>(u"domainError"_s);
        QVERIFY(domain && ok && label);
        domain->setText(u"not a domain!"_s);
        QTest::mouseClick(ok, Qt::LeftButton);
        QVERIFY(label->isVisible());
        QCOMPARE(label->text(), u"Muss ein Domänenname wie example.com sein."_s);
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
    }
    {
        // An open relay through the only listener: the translated message keeps
        // smtp.listeners[0], which the dialog turns into its own "this SMTP service".
        QVERIFY(!settings.smtp.listeners.at(0).requireAuth);
        tandem::ui::SmtpServiceDialog dialog(settings, 0);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        auto *tabs = dialog.findChild<QTabWidget *>(u"tabs"_s);
        auto *network = dialog.findChild<QLineEdit *>(u"newRelayNetwork"_s);
        auto *add = dialog.findChild<QPushButton *>(u"addRelayNetwork"_s);
        auto *ok = dialog.findChild<QPushButton *>(u"okButton"_s);
        auto *label = dialog.findChild<QLabel *>(u"relayNetworksError"_s);
        QVERIFY(tabs && network && add && ok && label);
        tabs->setCurrentIndex(2);
        network->setText(u"0.0.0.0/0"_s);
        QTest::mouseClick(add, Qt::LeftButton);
        QTest::mouseClick(ok, Qt::LeftButton);
        QVERIFY(label->isVisible());
        const QString service =
            QCoreApplication::translate("tandem::ui::SmtpServiceDialog", "this SMTP service");
        QVERIFY(service != u"this SMTP service"_s);
        QVERIFY2(label->text().contains(service), qPrintable(label->text()));
        QVERIFY2(!label->text().contains(u"smtp.listeners"_s), qPrintable(label->text()));
        QVERIFY2(label->text().startsWith(u"„0.0.0.0/0“"_s), qPrintable(label->text()));
    }

    tandem::ui::language::apply(u"en"_s);
    QCOMPARE(messageFor(parseDomain(u"not a domain!"_s).errors, u"server.domain"_s), english);
}

// The engine's threads translate too (Qt's own error texts, the configuration's messages)
// while the administrator switches the language: a switch must never change a translator
// another thread is reading.
void TestTranslation::switchingWhileTheEngineTranslates()
{
    std::atomic<bool> stop = false;
    std::atomic<qint64> translated = 0;
    std::unique_ptr<QThread> reader(QThread::create([&] {
        while (!stop) {
            const QString text = QCoreApplication::translate(
                "tandem::ui::QueueWindow", "%n entries changed", nullptr, int(translated % 3));
            if (!text.isEmpty())
                ++translated;
        }
    }));
    reader->start();
    QElapsedTimer timer;
    timer.start();
    const QStringList codes{u"de"_s, u"fr"_s, u"en"_s, QString()};
    for (int i = 0; timer.elapsed() < 1500; ++i)
        tandem::ui::language::apply(codes.at(i % codes.size()));
    stop = true;
    reader->wait();
    QVERIFY(translated > 0);
    tandem::ui::language::apply(u"en"_s);
    QCOMPARE(
        QCoreApplication::translate("tandem::ui::QueueWindow", "%n entries changed", nullptr, 1),
        u"1 entry changed"_s);
}

QTEST_MAIN(TestTranslation)
#include "tst_translation.moc"
