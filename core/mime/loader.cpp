#include "mime.h"

#include "util/log.h"

#include <QFile>
#include <QFileInfo>
#include <QLibrary>

#include <mutex>

using namespace Qt::StringLiterals;

namespace tandem::mime {

#ifdef TANDEM_MIME_STATIC

QStringList candidatePaths()
{
    return {};
}

QString modulePath()
{
    return u"(built in)"_s;
}

const Api *api(QString *)
{
    return tandem_mime_api(kApiVersion);
}

#else

namespace {
constexpr auto kFileName = "libtandem-mime.so"_L1;
} // namespace

QStringList candidatePaths()
{
    const QString program = QFile::symLinkTarget(u"/proc/self/exe"_s);
    // An installed Tandem: <prefix>/bin/tandemd and <prefix>/lib/tandem/, wherever the prefix.
    const QString besideBin =
        QFileInfo(QFileInfo(program).absolutePath() + u"/../lib/tandem/"_s + kFileName)
            .absoluteFilePath();
    const QString installed = QStringLiteral(TANDEM_MIME_INSTALL_DIR) + u'/' + kFileName;
    const QString built = QStringLiteral(TANDEM_MIME_BUILD_DIR) + u'/' + kFileName;
    // A program of a build tree takes that tree's module, even where a Tandem is installed.
    QStringList paths = program.startsWith(QStringLiteral(TANDEM_BUILD_ROOT) + u'/')
                            ? QStringList{built, besideBin, installed}
                            : QStringList{besideBin, installed, built};
    paths.removeDuplicates();
    return paths;
}

QString modulePath()
{
    for (const QString &path : candidatePaths()) {
        if (QFileInfo(path).isFile())
            return path;
    }
    return {};
}

const Api *api(QString *error)
{
    static std::once_flag once;
    static const Api *table = nullptr;
    static QString failure;
    std::call_once(once, [] {
        QStringList tried;
        for (const QString &path : candidatePaths()) {
            if (!QFileInfo(path).isFile()) {
                tried.append(path + u": no such file"_s);
                continue;
            }
            // Kept loaded for the life of the process.
            auto *library = new QLibrary(path);
            if (!library->load()) {
                tried.append(library->errorString());
                delete library;
                continue;
            }
            using Entry = const Api *(*)(int);
            const auto entry = reinterpret_cast<Entry>(library->resolve("tandem_mime_api"));
            if (const Api *found = entry ? entry(kApiVersion) : nullptr) {
                table = found;
                return;
            }
            tried.append(
                u"%1: not the MIME module of this Tandem (API %2)"_s.arg(path).arg(kApiVersion));
            library->unload();
            delete library;
        }
        failure = u"cannot load Tandem's MIME module (%1)"_s.arg(tried.join(u"; "_s));
        log::error(u"mime"_s, failure);
    });
    if (!table && error)
        *error = failure;
    return table;
}

#endif

} // namespace tandem::mime
