#pragma once

#include <QByteArray>
#include <QString>

// Small POSIX helpers for durable files: the spool and the mailboxes promise that what they
// acknowledge survives a power cut, which needs fsync on files and on their directories.
namespace tandem::fsutil {

bool fsyncFd(int fd, QString *error);
bool fsyncDirectory(const QString &path, QString *error);
// Writes bytes to path via path.tmp-like temporary in the same folder, fsyncs, renames, and
// fsyncs the folder (unless syncDir is false because the caller will do it for a batch). The
// file has the mode from its first byte on (0600 for a private key).
bool writeDurably(const QString &path, const QByteArray &bytes, QString *error, bool syncDir = true,
                  int mode = 0640);
// Makes the file at path hold exactly bytes, durably: left alone when it does already, written
// again (writeDurably, without the folder's fsync) when it is missing, shorter, longer or
// different. *rewritten says which. For a file whose bytes a database row keeps (the queue's
// small messages), after a crash that may have lost what was not flushed.
bool restoreFile(const QString &path, const QByteArray &bytes, bool *rewritten, QString *error);
// syncfs(2) on the file system holding the folder: one flush for many files written without
// fsync (the archive's blobs of a batch, an export's .eml files).
bool syncFileSystemOf(const QString &folder, QString *error);
// Appends bytes and fdatasyncs.
bool appendDurably(const QString &path, const QByteArray &bytes, QString *error);
// Creates the folder and any missing parents; a failure says why and as whom
// ("cannot create folder /srv/data: Permission denied (running as user tandem)").
bool ensureDirectory(const QString &path, QString *error);
// Whether this process could create or write into the folder: it exists and is writable, or
// its nearest existing parent is. The reason otherwise, naming the user it runs as.
bool checkWritableFolder(const QString &path, QString *error);
QString errnoText(int err);
// The user this process runs as (its effective uid), by name when it has one.
QString currentUserName();
bool isOutOfSpace(int err); // ENOSPC or EDQUOT

// An fd that closes itself.
class Fd {
public:
    Fd() = default;
    explicit Fd(int fd)
        : m_fd(fd)
    {}
    ~Fd();
    Fd(Fd &&other) noexcept
        : m_fd(other.release())
    {}
    Fd &operator=(Fd &&other) noexcept;
    Fd(const Fd &) = delete;
    Fd &operator=(const Fd &) = delete;
    int get() const { return m_fd; }
    bool isValid() const { return m_fd >= 0; }
    int release();
    bool close(QString *error);
    // Writes everything, retrying on EINTR and short writes.
    bool writeAll(const char *data, qsizetype size, QString *error);

private:
    int m_fd = -1;
};

} // namespace tandem::fsutil
