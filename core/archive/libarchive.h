#pragma once

#include <QString>

#include <archive.h>
#include <archive_entry.h>

// libarchive, loaded the first time a zip is written (archive export --zip) rather than with
// the program: a daemon that never writes one does not map it and the libraries it brings
// (libxml2, nettle, lzma, lz4, bzip2, acl; about 0.9 MiB of tandemd's memory). The headers
// give the types; these are the functions the zip export calls.
namespace tandem::archive {

struct LibArchive {
    decltype(&::archive_write_new) writeNew;
    decltype(&::archive_write_set_format_zip) setFormatZip;
    decltype(&::archive_write_open_filename) openFilename;
    decltype(&::archive_write_header) writeHeader;
    decltype(&::archive_write_data) writeData;
    decltype(&::archive_write_finish_entry) finishEntry;
    decltype(&::archive_write_close) close;
    decltype(&::archive_write_free) free;
    decltype(&::archive_error_string) errorString;
    decltype(&::archive_entry_new) entryNew;
    decltype(&::archive_entry_free) entryFree;
    decltype(&::archive_entry_set_pathname_utf8) entrySetPathnameUtf8;
    decltype(&::archive_entry_set_size) entrySetSize;
    decltype(&::archive_entry_set_filetype) entrySetFiletype;
    decltype(&::archive_entry_set_perm) entrySetPerm;
    decltype(&::archive_entry_set_mtime) entrySetMtime;
};

// Loaded once per process and kept; null with *error (which library, what failed) when it
// cannot be.
const LibArchive *libArchive(QString *error);

} // namespace tandem::archive
