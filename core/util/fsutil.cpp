#include "fsutil.h"

#include <QDir>
#include <QFileInfo>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
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

bool ensureDirectory(const QString &path, QString *error)
{
    if (QFileInfo(path).isDir())
        return true;
    if (!QDir().mkpath(path)) {
        *error = u"cannot create folder %1"_s.arg(path);
        return false;
    }
    // The new folder's entry in its parent must be durable too.
    return fsyncDirectory(QFileInfo(path).absolutePath(), error);
}

} // namespace tandem::fsutil
