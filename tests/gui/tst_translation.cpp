// The German and French translations are built into the console and load; a dialog's title
// and the Passthrough wording then appear in that language.
#include "config/settings.h"
#include "dialogs/inboxpropertiesdialog.h"
#include "dialogs/serverdialog.h"

#include <QApplication>
#include <QCheckBox>
#include <QLocale>
#include <QTest>
#include <QTranslator>

using namespace Qt::StringLiterals;

class TestTranslation : public QObject {
    Q_OBJECT
private slots:
    void languageLoads_data();
    void languageLoads();
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

QTEST_MAIN(TestTranslation)
#include "tst_translation.moc"
