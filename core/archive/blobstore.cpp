#include "blobstore.h"

#include "util/fsutil.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>

#include <atomic>
#include <cerrno>
#include <fcntl.h>
#include <memory>
#include <sys/stat.h>
#include <unistd.h>
#include <zstd.h>

using namespace Qt::StringLiterals;

namespace tandem::archive {

namespace {

constexpr qint64 kChunk = 256 * 1024;
constexpr int kLevel = 3;

struct CCtxDeleter {
    void operator()(ZSTD_CCtx *c) const { ZSTD_freeCCtx(c); }
};
struct DCtxDeleter {
    void operator()(ZSTD_DCtx *d) const { ZSTD_freeDCtx(d); }
};

bool isSha(const QString &text)
{
    if (text.size() != 64)
        return false;
    for (const QChar c : text) {
        if (!((c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f')))
            return false;
    }
    return true;
}

// Reads a whole file through a callback, chunk by chunk.
bool readFile(const QString &path, const std::function<bool(const char *, qint64)> &sink,
              QString *error)
{
    fsutil::Fd fd(::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC));
    if (!fd.isValid()) {
        *error = u"cannot open %1: %2"_s.arg(path, fsutil::errnoText(errno));
        return false;
    }
    QByteArray buffer(kChunk, Qt::Uninitialized);
    for (;;) {
        const ssize_t n = ::read(fd.get(), buffer.data(), size_t(buffer.size()));
        if (n < 0) {
            if (errno == EINTR)
                continue;
            *error = u"cannot read %1: %2"_s.arg(path, fsutil::errnoText(errno));
            return false;
        }
        if (n == 0)
            return true;
        if (!sink(buffer.constData(), n))
            return false;
    }
}

} // namespace

BlobStore::~BlobStore() = default;

FileBlobStore::FileBlobStore(const QString &dir)
    : m_dir(dir)
{
    QFile layout(m_dir + u"/layout"_s);
    if (layout.open(QIODevice::ReadOnly)) {
        m_twoLevels = layout.readAll().trimmed() == "ab/cd";
        return;
    }
    // Made before the layout file: two levels if any folder is two levels down.
    const QDir top(m_dir);
    for (const QString &name : top.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        if (name.size() == 2 &&
            !QDir(top.filePath(name)).entryList(QDir::Dirs | QDir::NoDotAndDotDot).isEmpty()) {
            m_twoLevels = true;
            return;
        }
    }
}

bool FileBlobStore::init(QString *error)
{
    return fsutil::ensureDirectory(m_dir + u"/tmp"_s, error) &&
           (QFileInfo::exists(m_dir + u"/layout"_s) ||
            fsutil::writeDurably(m_dir + u"/layout"_s, m_twoLevels ? "ab/cd\n" : "ab\n", error));
}

QString FileBlobStore::pathOf(const QString &sha) const
{
    if (m_twoLevels)
        return u"%1/%2/%3/%4.zst"_s.arg(m_dir, sha.left(2), sha.mid(2, 2), sha);
    return u"%1/%2/%3.zst"_s.arg(m_dir, sha.left(2), sha);
}

bool FileBlobStore::exists(const QString &sha) const
{
    return isSha(sha) && QFileInfo::exists(pathOf(sha));
}

bool FileBlobStore::putFile(const QString &path, BlobInfo *info, bool *created, QString *error)
{
    // The file is read twice: the hash first, so that a message already stored (the 19 other
    // recipients of it) costs no compression; the file is in the page cache for the second.
    return putStream(
        path, [&](const Sink &sink) { return readFile(path, sink, error); }, info, created, error);
}

bool FileBlobStore::putBytes(const QByteArray &bytes, BlobInfo *info, bool *created, QString *error)
{
    return putStream(
        u"message of %1 bytes"_s.arg(bytes.size()),
        [&](const Sink &sink) {
            for (qint64 at = 0; at < bytes.size(); at += kChunk) {
                if (!sink(bytes.constData() + at, std::min(kChunk, bytes.size() - at)))
                    return false;
            }
            return true;
        },
        info, created, error);
}

bool FileBlobStore::putStream(const QString &what, const Source &source, BlobInfo *info,
                              bool *created, QString *error)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    qint64 size = 0;
    if (!source([&](const char *data, qint64 n) {
            hash.addData(QByteArrayView(data, n));
            size += n;
            return true;
        }))
        return false;
    info->sha256 = QString::fromLatin1(hash.result().toHex());
    info->size = size;
    *created = false;
    if (const auto it = m_pending.constFind(info->sha256); it != m_pending.cend()) {
        info->storedSize = it->storedSize; // twice in one batch: written once
        return true;
    }
    struct stat st;
    if (::stat(QFile::encodeName(pathOf(info->sha256)).constData(), &st) == 0) {
        info->storedSize = st.st_size;
        return true;
    }
    return put(what, source, info, created, error);
}

bool FileBlobStore::put(const QString &what, const Source &source, BlobInfo *info, bool *created,
                        QString *error)
{
    // Unique in this process (two archives may store the same message at once); a leftover of
    // an earlier process with the same pid goes first.
    static std::atomic<quint64> counter{0};
    const QString tmp =
        u"%1/tmp/%2.%3.%4"_s.arg(m_dir, info->sha256).arg(::getpid()).arg(counter.fetch_add(1));
    ::unlink(QFile::encodeName(tmp).constData());
    const QString target = pathOf(info->sha256);
    fsutil::Fd fd(
        ::open(QFile::encodeName(tmp).constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0440));
    if (!fd.isValid()) {
        *error = u"cannot create %1: %2"_s.arg(tmp, fsutil::errnoText(errno));
        return false;
    }
    std::unique_ptr<ZSTD_CCtx, CCtxDeleter> cctx(ZSTD_createCCtx());
    ZSTD_CCtx_setParameter(cctx.get(), ZSTD_c_compressionLevel, kLevel);
    ZSTD_CCtx_setParameter(cctx.get(), ZSTD_c_checksumFlag, 1);
    QByteArray out(qsizetype(ZSTD_CStreamOutSize()), Qt::Uninitialized);
    QCryptographicHash hash(QCryptographicHash::Sha256);
    qint64 stored = 0;
    QString writeError;
    // Compresses one input chunk (or ends the frame) and writes what zstd hands out.
    auto drain = [&](const char *data, qint64 n, ZSTD_EndDirective mode) {
        ZSTD_inBuffer in{data, size_t(n), 0};
        for (;;) {
            ZSTD_outBuffer o{out.data(), size_t(out.size()), 0};
            const size_t left = ZSTD_compressStream2(cctx.get(), &o, &in, mode);
            if (ZSTD_isError(left)) {
                writeError = u"zstd: "_s + QString::fromLatin1(ZSTD_getErrorName(left));
                return false;
            }
            if (!fd.writeAll(out.constData(), qsizetype(o.pos), &writeError))
                return false;
            stored += qint64(o.pos);
            if (mode == ZSTD_e_end ? left == 0 : in.pos == in.size)
                return true;
        }
    };
    bool ok = source([&](const char *data, qint64 n) {
        hash.addData(QByteArrayView(data, n));
        return drain(data, n, ZSTD_e_continue);
    });
    ok = ok && drain(nullptr, 0, ZSTD_e_end);
    if (ok && QString::fromLatin1(hash.result().toHex()) != info->sha256) {
        writeError = u"%1 changed while it was stored"_s.arg(what);
        ok = false;
    }
    ok = ok && fd.close(&writeError);
    if (!ok) {
        if (error->isEmpty() || !writeError.isEmpty())
            *error = u"cannot store %1 in %2: %3"_s.arg(what, tmp, writeError);
        ::unlink(QFile::encodeName(tmp).constData());
        return false;
    }
    m_pending.insert(info->sha256, {tmp, stored});
    info->storedSize = stored;
    *created = true;
    return true;
}

bool FileBlobStore::readChunks(const QString &sha,
                               const std::function<bool(const QByteArray &)> &sink,
                               QString *error) const
{
    if (!isSha(sha)) {
        *error = u"\"%1\" is not a SHA-256"_s.arg(sha);
        return false;
    }
    const QString path = pathOf(sha);
    std::unique_ptr<ZSTD_DCtx, DCtxDeleter> dctx(ZSTD_createDCtx());
    QByteArray out(qsizetype(ZSTD_DStreamOutSize()), Qt::Uninitialized);
    size_t last = 1; // non-zero: a frame is not complete
    QString sinkError;
    const bool ok = readFile(
        path,
        [&](const char *data, qint64 n) {
            ZSTD_inBuffer in{data, size_t(n), 0};
            while (in.pos < in.size) {
                ZSTD_outBuffer o{out.data(), size_t(out.size()), 0};
                last = ZSTD_decompressStream(dctx.get(), &o, &in);
                if (ZSTD_isError(last)) {
                    *error = u"cannot decompress %1: %2"_s.arg(
                        path, QString::fromLatin1(ZSTD_getErrorName(last)));
                    return false;
                }
                if (o.pos > 0 && !sink(QByteArray::fromRawData(out.constData(), qsizetype(o.pos))))
                    return false;
            }
            return true;
        },
        error);
    if (!ok)
        return false;
    if (last != 0) {
        *error = u"cannot decompress %1: the file ends inside its zstd frame"_s.arg(path);
        return false;
    }
    return true;
}

std::optional<QByteArray> FileBlobStore::read(const QString &sha, QString *error) const
{
    QByteArray all;
    if (!readChunks(
            sha,
            [&](const QByteArray &chunk) {
                all.append(chunk);
                return true;
            },
            error))
        return std::nullopt;
    return all;
}

bool FileBlobStore::rehash(const QString &sha, QString *actualSha, qint64 *size,
                           QString *error) const
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    *size = 0;
    if (!readChunks(
            sha,
            [&](const QByteArray &chunk) {
                hash.addData(chunk);
                *size += chunk.size();
                return true;
            },
            error))
        return false;
    *actualSha = QString::fromLatin1(hash.result().toHex());
    return true;
}

bool FileBlobStore::remove(const QString &sha, QString *error)
{
    const QString path = pathOf(sha);
    if (::unlink(QFile::encodeName(path).constData()) != 0 && errno != ENOENT) {
        *error = u"cannot remove %1: %2"_s.arg(path, fsutil::errnoText(errno));
        return false;
    }
    m_removed = true;
    return true;
}

QList<BlobStore::Entry> FileBlobStore::list(QString *error) const
{
    Q_UNUSED(error)
    QList<Entry> out;
    QDirIterator it(m_dir, {u"*.zst"_s}, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QFileInfo info = it.nextFileInfo();
        if (info.absolutePath().endsWith(u"/tmp"_s))
            continue;
        out.append({info.completeBaseName(), info.absoluteFilePath(), info.size(),
                    info.lastModified().toUTC()});
    }
    return out;
}

bool FileBlobStore::removeStaleTemporaries(const QDateTime &before, QString *error)
{
    const QDir tmp(m_dir + u"/tmp"_s);
    for (const QFileInfo &info : tmp.entryInfoList(QDir::Files | QDir::Hidden)) {
        if (info.lastModified() < before &&
            ::unlink(QFile::encodeName(info.absoluteFilePath()).constData()) != 0 &&
            errno != ENOENT) {
            *error =
                u"cannot remove %1: %2"_s.arg(info.absoluteFilePath(), fsutil::errnoText(errno));
            return false;
        }
    }
    return true;
}

bool FileBlobStore::flush(QString *error) const
{
    return fsutil::syncFileSystemOf(m_dir, error);
}

// The order that makes a crash harmless: a blob's bytes are on disk before its name is in
// place (a name in place is taken for a whole blob by every later put), and both before the
// caller commits catalog rows naming it. What a crash leaves in tmp/ goes with
// removeStaleTemporaries().
bool FileBlobStore::sync(QString *error)
{
    if (m_pending.isEmpty() && !m_removed)
        return true;
    const auto drop = [this] {
        for (const Pending &p : std::as_const(m_pending))
            ::unlink(QFile::encodeName(p.tmp).constData());
        m_pending.clear();
    };
    if (!m_pending.isEmpty()) {
        if (!flush(error)) {
            drop();
            return false;
        }
        for (auto it = m_pending.begin(); it != m_pending.end();) {
            const QString target = pathOf(it.key());
            // The fan-out folders: made durable by the flush below, not one fsync each. (A
            // pending blob's name is a SHA-256 in hex: its first four digits are valid.)
            const size_t leafBit = it.key().left(4).toUInt(nullptr, 16);
            const size_t topBit = leafBit >> 8;
            const QString leaf = QFileInfo(target).absolutePath();
            const QString top = m_twoLevels ? QFileInfo(leaf).absolutePath() : leaf;
            const auto make = [&](const QString &dir) {
                if (::mkdir(QFile::encodeName(dir).constData(), 0755) == 0 || errno == EEXIST)
                    return true;
                *error = u"cannot create folder %1: %2"_s.arg(dir, fsutil::errnoText(errno));
                drop();
                return false;
            };
            if (!m_topFolders[topBit]) {
                if (!make(top))
                    return false;
                m_topFolders[topBit] = true;
            }
            if (m_twoLevels && !m_leafFolders[leafBit]) {
                if (!make(leaf))
                    return false;
                m_leafFolders[leafBit] = true;
            }
            if (::rename(QFile::encodeName(it->tmp).constData(),
                         QFile::encodeName(target).constData()) != 0) {
                if (errno == ENOENT) { // a fan-out folder went: made again by the next sync
                    m_leafFolders[leafBit] = false;
                    m_topFolders[topBit] = false;
                }
                *error =
                    u"cannot rename %1 to %2: %3"_s.arg(it->tmp, target, fsutil::errnoText(errno));
                drop();
                return false;
            }
            it = m_pending.erase(it);
        }
    }
    if (!flush(error))
        return false;
    m_removed = false;
    return true;
}

} // namespace tandem::archive
