#include "filepool.h"

#include <QDir>
#include <QFile>

#include <cerrno>
#include <cstdio>
#include <fcntl.h>
#include <optional>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace tandem::spool {

FilePool::FilePool(const QString &directory)
    : m_dir(directory)
{}

bool FilePool::open(QString *error)
{
    if (!fsutil::ensureDirectory(m_dir, error))
        return false;
    std::lock_guard lock(m_mutex);
    m_free.clear();
    for (const QString &name : QDir(m_dir).entryList(QDir::Files | QDir::Hidden)) {
        bool number = false;
        const quint64 n = name.toULongLong(&number);
        if (number && m_free.size() < kMaxFiles && name == QString::number(n)) {
            m_free.append(n);
            m_next = std::max(m_next, n + 1);
        } else {
            QFile::remove(m_dir + u'/' + name);
        }
    }
    return true;
}

void FilePool::release(const QString &path)
{
    const QByteArray native = QFile::encodeName(path);
    struct stat st;
    if (::lstat(native.constData(), &st) != 0)
        return;
    std::optional<quint64> number;
    bool empty = false;
    if (S_ISREG(st.st_mode) && st.st_nlink == 1) {
        std::lock_guard lock(m_mutex);
        if (m_free.size() < kMaxFiles) {
            number = m_next++;
            empty = m_free.size() >= kWholeFiles;
        }
    }
    if (!number || (empty && st.st_size > 0 && ::truncate(native.constData(), 0) != 0) ||
        ::rename(native.constData(), QFile::encodeName(pathOf(*number)).constData()) != 0) {
        ::unlink(native.constData());
        return;
    }
    std::lock_guard lock(m_mutex);
    m_free.append(*number);
}

fsutil::Fd FilePool::take(const QString &path)
{
    QString from;
    {
        std::lock_guard lock(m_mutex);
        if (m_free.isEmpty())
            return fsutil::Fd();
        from = pathOf(m_free.takeLast());
    }
    const QByteArray native = QFile::encodeName(path);
    if (::renameat2(AT_FDCWD, QFile::encodeName(from).constData(), AT_FDCWD, native.constData(),
                    RENAME_NOREPLACE) != 0) {
        ::unlink(QFile::encodeName(from).constData());
        return fsutil::Fd();
    }
    // Not truncated here: the new message is written over the old bytes, and the file is cut
    // to its length when it is made durable (Spool::finishMessage). Emptying it first freed
    // its blocks for the message to allocate them again (with a discard each, on a disk
    // mounted with discard): most of what taking a file from the pool cost.
    fsutil::Fd fd(::open(native.constData(), O_WRONLY | O_CLOEXEC));
    if (!fd.isValid())
        ::unlink(native.constData());
    return fd;
}

int FilePool::size() const
{
    std::lock_guard lock(m_mutex);
    return int(m_free.size());
}

} // namespace tandem::spool
