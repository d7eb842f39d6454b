#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QString>
#include <QStringList>

#include <bitset>
#include <functional>
#include <optional>

// The archive's blobs: each distinct message's original bytes, compressed, named by the SHA-256
// of the uncompressed bytes (issue 13). An interface so that an object store can replace the
// folder of files without the rest of the archive noticing.
namespace tandem::archive {

struct BlobInfo {
    QString sha256;        // hex, of the original bytes
    qint64 size = 0;       // original bytes
    qint64 storedSize = 0; // compressed, as stored
};

class BlobStore {
public:
    virtual ~BlobStore();
    // Stores the bytes of the file (or the bytes given) unless a blob with their hash exists;
    // *created says whether it was written now. The blob is in place and durable once sync()
    // returns (not before: exists(), read() and list() do not see it yet).
    virtual bool putFile(const QString &path, BlobInfo *info, bool *created, QString *error) = 0;
    virtual bool putBytes(const QByteArray &bytes, BlobInfo *info, bool *created,
                          QString *error) = 0;
    // The same for bytes a source produces chunk by chunk. The source is called twice (to hash,
    // then, unless the blob exists, to compress), so a large message is never whole in memory.
    using Sink = std::function<bool(const char *, qint64)>;
    using Source = std::function<bool(const Sink &)>; // false: reading failed (*error says)
    virtual bool putStream(const QString &what, const Source &source, BlobInfo *info, bool *created,
                           QString *error) = 0;
    virtual bool exists(const QString &sha256) const = 0;
    // Where the blob is or would be (for messages): a path here, a URL in an object store.
    virtual QString locationOf(const QString &sha256) const = 0;
    virtual std::optional<QByteArray> read(const QString &sha256, QString *error) const = 0;
    // Decompresses and hashes the blob without keeping it in memory: its SHA-256 (hex) and size.
    virtual bool rehash(const QString &sha256, QString *actualSha, qint64 *size,
                        QString *error) const = 0;
    // Streams the original bytes to a sink, chunk by chunk (exports of large messages).
    virtual bool readChunks(const QString &sha256,
                            const std::function<bool(const QByteArray &)> &sink,
                            QString *error) const = 0;
    virtual bool remove(const QString &sha256, QString *error) = 0;
    // Every blob present, with when it was written (to tell an orphan of a crash from a blob
    // whose catalog rows another process is about to commit).
    struct Entry {
        QString sha256;
        QString location; // where it is: a path here, a URL in an object store
        qint64 storedSize = 0;
        QDateTime written;
    };
    virtual QList<Entry> list(QString *error) const = 0;
    // Makes the blobs written and removed since the last call durable and puts the new ones in
    // place: a batch's group commit. On failure the blobs written since are dropped.
    virtual bool sync(QString *error) = 0;
    // Removes what writers killed mid-blob left behind before the given time.
    virtual bool removeStaleTemporaries(const QDateTime &before, QString *error) = 0;
};

// blobs/ab/<sha256>.zst: a zstd frame (level 3) of the original bytes, written to blobs/tmp;
// sync() makes a batch of them durable with one syncfs(2), renames them into place and makes
// the renames durable with a second: two flushes per batch, where a fsync of each file and of
// its folder cost two per blob. A blob is never rewritten.
//
// One level of 256 folders: a million blobs are 4,000 names a folder, which ext4's hashed
// folders look up as fast as 15. Stores made before (blobs/ab/cd/<sha256>.zst, 65,536 folders)
// keep their two levels; blobs/layout says which ("ab" or "ab/cd"; without it, a store with
// a folder two levels down is an older one). Two levels made a folder for nearly every blob
// of an archive's first hundred thousand, and creating a folder cost more than the blob.
class FileBlobStore : public BlobStore {
public:
    explicit FileBlobStore(const QString &dir);
    bool init(QString *error);

    bool putFile(const QString &path, BlobInfo *info, bool *created, QString *error) override;
    bool putBytes(const QByteArray &bytes, BlobInfo *info, bool *created, QString *error) override;
    bool putStream(const QString &what, const Source &source, BlobInfo *info, bool *created,
                   QString *error) override;
    bool exists(const QString &sha256) const override;
    QString locationOf(const QString &sha256) const override { return pathOf(sha256); }
    std::optional<QByteArray> read(const QString &sha256, QString *error) const override;
    bool rehash(const QString &sha256, QString *actualSha, qint64 *size,
                QString *error) const override;
    bool readChunks(const QString &sha256, const std::function<bool(const QByteArray &)> &sink,
                    QString *error) const override;
    bool remove(const QString &sha256, QString *error) override;
    QList<Entry> list(QString *error) const override;
    bool sync(QString *error) override;
    bool removeStaleTemporaries(const QDateTime &before, QString *error) override;

    QString pathOf(const QString &sha256) const;

private:
    bool put(const QString &what, const Source &source, BlobInfo *info, bool *created,
             QString *error);

    struct Pending {
        QString tmp;
        qint64 storedSize = 0;
    };
    bool flush(QString *error) const; // syncfs(2) of the file system holding the blobs

    QString m_dir;
    bool m_twoLevels = false;          // an older store's blobs/ab/cd/
    QHash<QString, Pending> m_pending; // by SHA-256: written to tmp/, to be renamed by sync()
    bool m_removed = false;            // a blob was removed since the last sync()
    // The fan-out folders known to exist (made or seen): bit 0xab of m_topFolders for <ab>/,
    // bit 0xabcd of m_leafFolders for <ab>/<cd>/ (two levels). 8 KiB for all 65,792, where a
    // set of their paths grew by some 250 bytes per folder, up to 17 MiB.
    std::bitset<256> m_topFolders;
    std::bitset<65536> m_leafFolders;
};

} // namespace tandem::archive
