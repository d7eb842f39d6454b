#include "fsutil.h"

#include <QDir>
#include <QFileInfo>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace tandem::fsutil {

bool isOutOfSpace(int err)
{
    return err == ENOSPC || err == EDQUOT;
}

QString errnoText(int err)
{
    return QString::fromLocal8Bit(std::strerror(err));
}

Fd::~Fd()
{
    if (m_fd >= 0)
        ::close(m_fd);
}

Fd &Fd::operator=(Fd &&other) noexcept
{
    if (this != &other) {
        if (m_fd >= 0)
            ::close(m_fd);
        m_fd = other.release();
    }
    return *this;
}

int Fd::release()
{
    const int fd = m_fd;
    m_fd = -1;
    return fd;
}

bool Fd::close(QString *error)
{
    const int fd = release();
    if (fd >= 0 && ::close(fd) != 0) {
        *error = u"close: "_s + errnoText(errno);
        return false;
    }
    return true;
}

bool Fd::writeAll(const char *data, qsizetype size, QString *error)
{
    while (size > 0) {
        const ssize_t n = ::write(m_fd, data, size_t(size));
        if (n < 0) {
            if (errno == EINTR)
                continue;
            *error = u"write: "_s + errnoText(errno);
            return false;
        }
        data += n;
        size -= n;
    }
    return true;
}

bool fsyncFd(int fd, QString *error)
{
    while (::fsync(fd) != 0) {
        if (errno != EINTR) {
            *error = u"fsync: "_s + errnoText(errno);
            return false;
        }
    }
    return true;
}

bool fsyncDirectory(const QString &path, QString *error)
{
    Fd fd(::open(QFile::encodeName(path).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (!fd.isValid()) {
        *error = u"open %1: %2"_s.arg(path, errnoText(errno));
        return false;
    }
    return fsyncFd(fd.get(), error);
}

bool writeDurably(const QString &path, const QByteArray &bytes, QString *error, bool syncDir,
                  int mode)
{
    const QFileInfo info(path);
    const QString tmp = info.absolutePath() + u"/.tmp."_s + info.fileName();
    {
        Fd fd(::open(QFile::encodeName(tmp).constData(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC,
                     mode_t(mode)));
        if (!fd.isValid()) {
            *error = u"create %1: %2"_s.arg(tmp, errnoText(errno));
            return false;
        }
        // A temporary left behind by a crash keeps its old mode through O_CREAT.
        if (::fchmod(fd.get(), mode_t(mode)) != 0) {
            *error = u"chmod %1: %2"_s.arg(tmp, errnoText(errno));
            ::unlink(QFile::encodeName(tmp).constData());
            return false;
        }
        if (!fd.writeAll(bytes.constData(), bytes.size(), error) || !fsyncFd(fd.get(), error) ||
            !fd.close(error)) {
            ::unlink(QFile::encodeName(tmp).constData());
            return false;
        }
    }
    if (::rename(QFile::encodeName(tmp).constData(), QFile::encodeName(path).constData()) != 0) {
        *error = u"rename %1: %2"_s.arg(path, errnoText(errno));
        ::unlink(QFile::encodeName(tmp).constData());
        return false;
    }
    return !syncDir || fsyncDirectory(info.absolutePath(), error);
}

bool restoreFile(const QString &path, const QByteArray &bytes, bool *rewritten, QString *error)
{
    QFile file(path);
    *rewritten =
        !file.open(QIODevice::ReadOnly) || file.size() != bytes.size() || file.readAll() != bytes;
    file.close();
    return !*rewritten || writeDurably(path, bytes, error, false);
}

bool syncFileSystemOf(const QString &folder, QString *error)
{
    Fd fd(::open(QFile::encodeName(folder).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (!fd.isValid() || ::syncfs(fd.get()) != 0) {
        *error = u"cannot flush %1 to disk: %2"_s.arg(folder, errnoText(errno));
        return false;
    }
    return true;
}

bool appendDurably(const QString &path, const QByteArray &bytes, QString *error)
{
    Fd fd(::open(QFile::encodeName(path).constData(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC,
                 0640));
    if (!fd.isValid()) {
        *error = u"open %1: %2"_s.arg(path, errnoText(errno));
        return false;
    }
    if (!fd.writeAll(bytes.constData(), bytes.size(), error))
        return false;
    while (::fdatasync(fd.get()) != 0) {
        if (errno != EINTR) {
            *error = u"fdatasync: "_s + errnoText(errno);
            return false;
        }
    }
    return fd.close(error);
}

QString currentUserName()
{
    const uid_t uid = ::geteuid();
    const passwd *pw = ::getpwuid(uid);
    return pw ? QString::fromLocal8Bit(pw->pw_name) : QString::number(uid);
}

bool ensureDirectory(const QString &path, QString *error)
{
    if (QFileInfo(path).isDir())
        return true;
    // One mkdir per missing folder, parents first: unlike QDir::mkpath, each failure has its
    // errno, and each new folder's entry in its parent is made durable.
    const QString absolute = QDir::cleanPath(QDir(path).absolutePath());
    QString prefix;
    for (const QString &part : absolute.split(u'/', Qt::SkipEmptyParts)) {
        prefix += u'/' + part;
        const QByteArray native = QFile::encodeName(prefix);
        if (::mkdir(native.constData(), 0777) == 0) {
            if (!fsyncDirectory(QFileInfo(prefix).absolutePath(), error))
                return false;
            continue;
        }
        const int err = errno;
        struct stat st;
        if (err == EEXIST && ::stat(native.constData(), &st) == 0 && S_ISDIR(st.st_mode))
            continue;
        *error = u"cannot create folder %1: %2 (running as user %3)"_s.arg(
            prefix, err == EEXIST ? u"a file has that name"_s : errnoText(err), currentUserName());
        return false;
    }
    return true;
}

bool checkWritableFolder(const QString &path, QString *error)
{
    QString existing = QDir::cleanPath(QDir(path).absolutePath());
    while (!QFileInfo::exists(existing) && existing != u"/"_s)
        existing = QFileInfo(existing).absolutePath();
    const QByteArray native = QFile::encodeName(existing);
    struct stat st;
    if (::stat(native.constData(), &st) != 0) {
        *error = u"cannot look at %1: %2"_s.arg(existing, errnoText(errno));
        return false;
    }
    if (!S_ISDIR(st.st_mode)) {
        *error = u"%1 is not a folder"_s.arg(existing);
        return false;
    }
    // The effective user's rights (AT_EACCESS), as the daemon's own writes will meet them.
    if (::faccessat(AT_FDCWD, native.constData(), W_OK | X_OK, AT_EACCESS) != 0) {
        const QString why = errnoText(errno);
        *error = existing == QDir::cleanPath(QDir(path).absolutePath())
                     ? u"cannot write to %1 as user %2: %3"_s.arg(existing, currentUserName(), why)
                     : u"cannot create %1: cannot write to %2 as user %3: %4"_s.arg(
                           path, existing, currentUserName(), why);
        return false;
    }
    return true;
}

} // namespace tandem::fsutil
