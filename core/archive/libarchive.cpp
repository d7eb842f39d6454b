#include "libarchive.h"

#include "util/dynlib.h"

using namespace Qt::StringLiterals;

namespace tandem::archive {

const LibArchive *libArchive(QString *error)
{
    using dynlib::resolve;
    // The SONAME the headers were built against (ARCHIVE_VERSION_NUMBER 3.x: .so.13).
    return dynlib::load<LibArchive>(
        u"archive"_s, 13, u"libarchive13"_s,
        [](QLibrary &library, LibArchive &f, QString *why) {
            return resolve(library, "archive_write_new", &f.writeNew, why) &&
                   resolve(library, "archive_write_set_format_zip", &f.setFormatZip, why) &&
                   resolve(library, "archive_write_open_filename", &f.openFilename, why) &&
                   resolve(library, "archive_write_header", &f.writeHeader, why) &&
                   resolve(library, "archive_write_data", &f.writeData, why) &&
                   resolve(library, "archive_write_finish_entry", &f.finishEntry, why) &&
                   resolve(library, "archive_write_close", &f.close, why) &&
                   resolve(library, "archive_write_free", &f.free, why) &&
                   resolve(library, "archive_error_string", &f.errorString, why) &&
                   resolve(library, "archive_entry_new", &f.entryNew, why) &&
                   resolve(library, "archive_entry_free", &f.entryFree, why) &&
                   resolve(library, "archive_entry_set_pathname_utf8", &f.entrySetPathnameUtf8,
                           why) &&
                   resolve(library, "archive_entry_set_size", &f.entrySetSize, why) &&
                   resolve(library, "archive_entry_set_filetype", &f.entrySetFiletype, why) &&
                   resolve(library, "archive_entry_set_perm", &f.entrySetPerm, why) &&
                   resolve(library, "archive_entry_set_mtime", &f.entrySetMtime, why);
        },
        error);
}

} // namespace tandem::archive
