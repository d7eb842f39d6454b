#include "libarchive.h"

#include <QLibrary>

#include <mutex>

using namespace Qt::StringLiterals;

namespace tandem::archive {

namespace {

template <typename F> bool resolve(QLibrary &library, const char *name, F *into, QString *error)
{
    *into = reinterpret_cast<F>(library.resolve(name));
    if (!*into)
        *error = u"%1 has no %2"_s.arg(library.fileName(), QString::fromLatin1(name));
    return *into != nullptr;
}

} // namespace

const LibArchive *libArchive(QString *error)
{
    static std::mutex mutex;
    static QLibrary library;
    static LibArchive functions;
    static bool loaded = false;
    static QString failure;
    std::lock_guard lock(mutex);
    if (!loaded && failure.isEmpty()) {
        // The SONAME the headers were built against (ARCHIVE_VERSION_NUMBER 3.x: .so.13).
        library.setFileNameAndVersion(u"archive"_s, 13);
        if (!library.load()) {
            failure = u"cannot load libarchive (package libarchive13): "_s + library.errorString();
        } else {
            LibArchive f{};
            QString why;
            const bool ok =
                resolve(library, "archive_write_new", &f.writeNew, &why) &&
                resolve(library, "archive_write_set_format_zip", &f.setFormatZip, &why) &&
                resolve(library, "archive_write_open_filename", &f.openFilename, &why) &&
                resolve(library, "archive_write_header", &f.writeHeader, &why) &&
                resolve(library, "archive_write_data", &f.writeData, &why) &&
                resolve(library, "archive_write_finish_entry", &f.finishEntry, &why) &&
                resolve(library, "archive_write_close", &f.close, &why) &&
                resolve(library, "archive_write_free", &f.free, &why) &&
                resolve(library, "archive_error_string", &f.errorString, &why) &&
                resolve(library, "archive_entry_new", &f.entryNew, &why) &&
                resolve(library, "archive_entry_free", &f.entryFree, &why) &&
                resolve(library, "archive_entry_set_pathname_utf8", &f.entrySetPathnameUtf8,
                        &why) &&
                resolve(library, "archive_entry_set_size", &f.entrySetSize, &why) &&
                resolve(library, "archive_entry_set_filetype", &f.entrySetFiletype, &why) &&
                resolve(library, "archive_entry_set_perm", &f.entrySetPerm, &why) &&
                resolve(library, "archive_entry_set_mtime", &f.entrySetMtime, &why);
            if (ok) {
                functions = f;
                loaded = true;
            } else {
                failure = why;
            }
        }
    }
    if (!loaded && error)
        *error = failure;
    return loaded ? &functions : nullptr;
}

} // namespace tandem::archive
