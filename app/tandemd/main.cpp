// tandemd: the Tandem engine without a display (PRODUCT.md §2).
#include "admin/admin.h"
#include "config/settings.h"
#include "engine.h"
#include "smtp/tlscontext.h"
#include "util/log.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QSocketNotifier>
#include <QTextStream>

#include <csignal>
#include <cstdio>
#include <iostream>
#include <string>
#include <sys/socket.h>
#include <termios.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {

int g_signalPipe[2] = {-1, -1};

void onSignal(int signal)
{
    const char byte = char(signal);
    [[maybe_unused]] const auto n = ::write(g_signalPipe[1], &byte, 1);
}

// Reads one line from standard input; without echo when it is a terminal.
std::optional<QByteArray> readPassword(const QString &prompt)
{
    const bool tty = ::isatty(STDIN_FILENO);
    termios saved{};
    if (tty) {
        std::fputs(prompt.toLocal8Bit().constData(), stderr);
        ::tcgetattr(STDIN_FILENO, &saved);
        termios quiet = saved;
        quiet.c_lflag &= ~tcflag_t(ECHO);
        ::tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
    }
    std::string line;
    const bool ok = bool(std::getline(std::cin, line));
    if (tty) {
        ::tcsetattr(STDIN_FILENO, TCSANOW, &saved);
        std::fputs("\n", stderr);
    }
    if (!ok && line.empty())
        return std::nullopt;
    if (!line.empty() && line.back() == '\r')
        line.pop_back();
    return QByteArray::fromStdString(line);
}

// What a start reads and writes besides the configuration: the secrets file (into *settings),
// the TLS pair and the data folder. Every problem as "path.to.key: what is wrong", as --check
// prints them.
QStringList loadSecretsAndCheckFiles(tandem::config::Settings *settings)
{
    QStringList errors = tandem::Engine::checkDataFolder(*settings);
    QString error;
    if (!settings->server.secretsFile.isEmpty() &&
        !tandem::config::loadSecrets(settings->resolvePath(settings->server.secretsFile),
                                     &settings->passwords, &settings->tlsKeyPassphrase, &error))
        errors.append(error);
    if (!settings->smtp.tlsCertificate.isEmpty() &&
        !tandem::smtp::TlsContext::check(settings->resolvePath(settings->smtp.tlsCertificate),
                                         settings->resolvePath(settings->smtp.tlsKey),
                                         settings->tlsKeyPassphrase, &error))
        errors.append(error);
    return errors;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"tandemd"_s);
    QCoreApplication::setApplicationVersion(u"0.1.0"_s);
    QTextStream out(stdout);
    QTextStream err(stderr);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Tandem mail server, headless.\n\n"
        "Commands (after the options):\n"
        "  user add NAME | user passwd NAME | user del NAME | user list\n"
        "  reload   (the running daemon reads the configuration again; as SIGHUP)\n"
        "  queue list [--json]\n"
        "  queue retry|hold|release|delete|bounce ID... | --all\n"
        "  archive status [--json]\n"
        "  archive run|verify [--mailbox MAILBOX]\n"
        "  archive reindex\n"
        "  archive hold|release MAILBOX|--all --reason TEXT\n"
        "  archive search [--json] [--limit N] [--] QUERY\n"
        "  archive show [--json] ID\n"
        "  archive copy ID... --to MAILBOX [--folder INBOX|Restored]\n"
        "  archive export [--] QUERY|MAILBOX (--mbox FILE | --eml DIR | --zip FILE)\n"
        "  archive import --mailbox MAILBOX (--mbox FILE | --maildir DIR | --eml DIR)\n"
        "                 [--folder FOLDER]"_s);
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption configOption(u"config"_s, u"The configuration file."_s, u"FILE"_s);
    const QCommandLineOption checkOption(u"check"_s,
                                         u"Validate the configuration and exit: 0 when valid, "
                                         "2 with every problem printed."_s);
    const QCommandLineOption defaultOption(u"print-default-config"_s,
                                           u"Print a valid starting configuration."_s);
    const QCommandLineOption jsonOption(
        u"json"_s, u"With \"queue list\" and \"archive status|search|show\": print JSON."_s);
    const QCommandLineOption verboseOption(u"verbose"_s, u"Log debug events too."_s);
    const QCommandLineOption certificateOption(
        u"generate-certificate"_s,
        u"Make a self-signed certificate for server.hostname at smtp.tls.certificate and "
        "smtp.tls.key (default tls/cert.pem and tls/key.pem beside the configuration)."_s);
    const QCommandLineOption allOption(u"all"_s,
                                       u"With \"queue retry|hold|...\": every Outbox entry."_s);
    const QCommandLineOption mailboxOption(
        u"mailbox"_s,
        u"With \"archive run|verify\": only this mailbox; with \"archive import\": the mailbox "
        "to import into."_s,
        u"MAILBOX"_s);
    const QCommandLineOption reasonOption(
        u"reason"_s, u"With \"archive hold|release\": why (recorded in the ledger)."_s, u"TEXT"_s);
    const QCommandLineOption mboxOption(
        u"mbox"_s, u"With \"archive export|import\": the mbox file."_s, u"FILE"_s);
    const QCommandLineOption emlOption(
        u"eml"_s,
        u"With \"archive export\": the folder of .eml files to write; with \"archive import\": a folder of .eml files (or one file) to read."_s,
        u"DIR"_s);
    const QCommandLineOption zipOption(u"zip"_s, u"With \"archive export\": the zip file."_s,
                                       u"FILE"_s);
    const QCommandLineOption toOption(u"to"_s, u"With \"archive copy\": the mailbox."_s,
                                      u"MAILBOX"_s);
    const QCommandLineOption folderOption(
        u"folder"_s,
        u"With \"archive copy\": INBOX (the default) or Restored; with \"archive import\": the "
        "folder to import into (default INBOX)."_s,
        u"FOLDER"_s);
    const QCommandLineOption limitOption(
        u"limit"_s, u"With \"archive search\": at most N results (50)."_s, u"N"_s);
    parser.addOptions({configOption, checkOption, defaultOption, jsonOption, verboseOption,
                       allOption, certificateOption, mailboxOption, reasonOption, mboxOption,
                       emlOption, zipOption, toOption, folderOption, limitOption});
    const QCommandLineOption maildirOption(
        u"maildir"_s, u"With \"archive import\": a Maildir (its folders kept)."_s, u"DIR"_s);
    parser.addOption(maildirOption);
    parser.addPositionalArgument(u"command"_s, u"user ..., reload or queue ... (see above)."_s,
                                 u"[command...]"_s);
    parser.process(app);

    if (parser.isSet(defaultOption)) {
        out << tandem::config::defaultConfigJson();
        return 0;
    }
    if (!parser.isSet(configOption)) {
        err << "tandemd: --config FILE is required (tandemd --print-default-config > "
               "tandem.json makes one)\n";
        return 2;
    }
    const QString configPath = parser.value(configOption);
    const QStringList command = parser.positionalArguments();
    if (!command.isEmpty() && command.first() == u"user"_s) {
        out.flush();
        const int rc =
            tandem::admin::userCommand(configPath, command.mid(1), readPassword, out, err);
        return rc;
    }

    const tandem::config::LoadResult loaded = tandem::config::loadFile(configPath);
    if (!loaded.ok()) {
        for (const QString &e : loaded.errors)
            err << e << '\n';
        return 2;
    }
    for (const QString &w : loaded.warnings)
        err << u"warning: "_s << w << '\n';
    if (parser.isSet(certificateOption)) {
        const tandem::config::Settings &s = loaded.settings;
        const QString cert = s.resolvePath(s.smtp.tlsCertificate.isEmpty() ? u"tls/cert.pem"_s
                                                                           : s.smtp.tlsCertificate);
        const QString key =
            s.resolvePath(s.smtp.tlsKey.isEmpty() ? u"tls/key.pem"_s : s.smtp.tlsKey);
        QString error;
        if (!tandem::smtp::TlsContext::generateSelfSigned(s.server.hostname, cert, key, &error)) {
            err << u"tandemd: %1\n"_s.arg(error);
            return 1;
        }
        out << u"self-signed certificate for %1 written to %2 (key: %3)\n"_s.arg(s.server.hostname,
                                                                                 cert, key);
        if (s.smtp.tlsCertificate.isEmpty())
            out << "add to the configuration: \"smtp\": {\"tls\": {\"certificate\": "
                   "\"tls/cert.pem\", \"key\": \"tls/key.pem\"}}\n";
        return 0;
    }
    if (parser.isSet(checkOption)) {
        tandem::config::Settings settings = loaded.settings;
        const QStringList errors = loadSecretsAndCheckFiles(&settings);
        for (const QString &e : errors)
            err << e << '\n';
        if (!errors.isEmpty())
            return 2;
        out << u"%1: valid\n"_s.arg(configPath);
        return 0;
    }
    if (command == QStringList{u"reload"_s})
        return tandem::admin::reloadCommand(loaded.settings, false, out, err);
    if (!command.isEmpty() && command.first() == u"queue"_s)
        return tandem::admin::queueCommand(loaded.settings, command.mid(1),
                                           parser.isSet(jsonOption), parser.isSet(allOption), out,
                                           err);
    if (!command.isEmpty() && command.first() == u"archive"_s) {
        tandem::admin::ArchiveOptions o;
        o.json = parser.isSet(jsonOption);
        o.all = parser.isSet(allOption);
        o.mailbox = parser.value(mailboxOption);
        o.reason = parser.value(reasonOption);
        o.mbox = parser.value(mboxOption);
        o.eml = parser.value(emlOption);
        o.zip = parser.value(zipOption);
        o.to = parser.value(toOption);
        o.folder = parser.value(folderOption);
        o.limit = parser.value(limitOption);
        o.maildir = parser.value(maildirOption);
        return tandem::admin::archiveCommand(loaded.settings, command.mid(1), o, out, err);
    }
    if (!command.isEmpty()) {
        err << u"tandemd: unknown command \"%1\"\n"_s.arg(command.join(u' '));
        return 2;
    }

    if (parser.isSet(verboseOption)) {
        tandem::log::setMinimumLevel(tandem::log::Level::Debug);
        tandem::log::setFileLevel(tandem::log::Level::Debug);
    }

    tandem::config::Settings settings = loaded.settings;
    const QStringList errors = loadSecretsAndCheckFiles(&settings);
    if (!errors.isEmpty()) {
        for (const QString &e : errors)
            err << e << '\n';
        return 2;
    }
    // Tests only: run the retry schedule this many times faster than real time.
    const double scale = qEnvironmentVariable("TANDEM_TIME_SCALE").toDouble();
    if (scale > 0)
        settings.timeScale = scale;

    // Signals reach the event loop through a pipe: SIGTERM and SIGINT a clean stop, not an
    // exit; SIGHUP (systemctl reload, kill -HUP, a closed terminal) a reload.
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, g_signalPipe) != 0) {
        err << "tandemd: socketpair failed\n";
        return 1;
    }
    struct sigaction action {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    sigaction(SIGTERM, &action, nullptr);
    sigaction(SIGINT, &action, nullptr);
    sigaction(SIGHUP, &action, nullptr);
    std::signal(SIGPIPE, SIG_IGN);

    tandem::Engine engine(settings);
    // Reads the file again, checks it as a start would, and applies it as the console applies
    // a change; anything wrong keeps the running configuration, each problem logged.
    const auto reload = [&engine, configPath] {
        const tandem::config::LoadResult reloaded = tandem::config::loadFile(configPath);
        tandem::config::Settings next = reloaded.settings;
        QStringList problems = reloaded.errors;
        if (problems.isEmpty())
            problems = loadSecretsAndCheckFiles(&next);
        QString error;
        if (problems.isEmpty() && !engine.applySettings(next, &error))
            problems.append(error);
        for (const QString &p : std::as_const(problems))
            tandem::log::error(u"engine"_s,
                               u"configuration not reloaded, the running one is kept: "_s + p);
        if (problems.isEmpty())
            tandem::log::info(u"engine"_s, u"configuration reloaded from "_s + configPath);
        return problems;
    };
    engine.setReloader(reload);
    QSocketNotifier notifier(g_signalPipe[0], QSocketNotifier::Read);
    QObject::connect(&notifier, &QSocketNotifier::activated, &engine, [&] {
        char byte = 0;
        if (::read(g_signalPipe[0], &byte, 1) != 1)
            return;
        if (byte == SIGHUP) {
            tandem::log::info(u"engine"_s, u"SIGHUP received: reloading "_s + configPath);
            if (engine.isRunning())
                reload();
            return;
        }
        tandem::log::info(u"engine"_s,
                          u"%1 received"_s.arg(byte == SIGINT ? u"SIGINT"_s : u"SIGTERM"_s));
        engine.stop();
    });
    QObject::connect(&engine, &tandem::Engine::stopped, &app, &QCoreApplication::quit);

    // From here the daemon logs under load: its stderr lines go out on a thread of their own.
    tandem::log::bufferStderr(true);
    const struct StderrWriter {
        ~StderrWriter() { tandem::log::bufferStderr(false); } // every line out before exit
    } stderrWriter;
    QString error;
    if (!engine.start(&error))
        return 1; // the engine logged why
    return app.exec();
}
