// tandem: the administration console, with the engine embedded on its own thread.
#include "language.h"
#include "mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(u"tandem"_s);
    QApplication::setOrganizationName(u"Tandem"_s);
    QApplication::setApplicationVersion(u"0.1.0"_s);

    // The language chosen in View › Language, else the system's.
    tandem::ui::language::apply(tandem::ui::language::chosen());

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("main", "Tandem mail server console."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption configOption(
        u"config"_s, u"The configuration file (default: the user's config folder)."_s, u"FILE"_s);
    parser.addOption(configOption);
    parser.process(app);

    QString configPath = parser.value(configOption);
    if (configPath.isEmpty()) {
        const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation);
        QDir().mkpath(dir);
        configPath = dir + u"/tandem.json"_s;
    }
    tandem::ui::MainWindow window(QFileInfo(configPath).absoluteFilePath());
    window.show();
    window.startUp();
    return app.exec();
}
