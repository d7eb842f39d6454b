// tandem: the administration console, with the engine embedded on its own thread.
#include "mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QStandardPaths>

#include "config/settings.h"

using namespace Qt::StringLiterals;

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(u"tandem"_s);
    QApplication::setApplicationVersion(u"0.1.0"_s);

    QCommandLineParser parser;
    parser.setApplicationDescription(u"Tandem mail server console."_s);
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
    if (!QFile::exists(configPath)) {
        QFile file(configPath);
        if (file.open(QIODevice::WriteOnly))
            file.write(tandem::config::defaultConfigJson());
    }

    tandem::ui::MainWindow window(configPath);
    window.show();
    if (window.loadConfiguration())
        window.startEngine();
    return app.exec();
}
