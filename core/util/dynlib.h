#pragma once

#include <QLibrary>
#include <QString>

#include <mutex>

// Libraries loaded the first time a feature needs them rather than with the program, so a
// daemon that never uses the feature does not map them (nor what they bring). The headers give
// the types; a table of function pointers, filled once per process, gives the functions.
namespace tandem::dynlib {

// One function of the library into *into; false with *error naming the library and function.
template <typename F> bool resolve(QLibrary &library, const char *name, F *into, QString *error)
{
    *into = reinterpret_cast<F>(library.resolve(name));
    if (!*into)
        *error = QStringLiteral("%1 has no %2").arg(library.fileName(), QString::fromLatin1(name));
    return *into != nullptr;
}

// lib<name>.so.<version>, loaded once and kept, and its Table filled by fill(library, table,
// error) (resolve() for each member). Null with *error (which library, which package, what
// failed) when it cannot be; a failure is remembered, not tried again. Each call site (each
// fill's type) has a table of its own.
template <typename Table, typename Fill>
const Table *load(const QString &name, int version, const QString &package, Fill fill,
                  QString *error)
{
    static std::mutex mutex;
    static QLibrary library;
    static Table table{};
    static bool loaded = false;
    static QString failure;
    std::lock_guard lock(mutex);
    if (!loaded && failure.isEmpty()) {
        library.setFileNameAndVersion(name, version);
        if (!library.load()) {
            failure = QStringLiteral("cannot load lib%1 (package %2): %3")
                          .arg(name, package, library.errorString());
        } else {
            Table t{};
            QString why;
            if (fill(library, t, &why)) {
                table = t;
                loaded = true;
            } else {
                failure = why;
            }
        }
    }
    if (!loaded && error)
        *error = failure;
    return loaded ? &table : nullptr;
}

} // namespace tandem::dynlib
