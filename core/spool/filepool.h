#pragma once

#include "util/fsutil.h"

#include <QList>
#include <QString>

#include <mutex>

// Finished message files kept under data/spool/free/ and used again for the next messages,
// instead of deleted and created: the inode allocator (ext4's, by perf) was the largest cost
// per message left once the records went into the queue's database. A file enters the pool
// only when the name given back is its last (no Outbox link, no other name); the next
// message is written over its bytes and the file cut to that message's length. What is in the pool
// is nobody's: recovery leaves it there, and a file taken but never committed is deleted like any
// other. Thread-safe.
//
// The pool keeps up to kMaxFiles, enough for the backlog of a burst: a file deleted and created
// again later costs far more than one kept (on ext4 without a journal, every new inode skips
// each one deleted in the last minute, one inode table lookup each). Beyond kWholeFiles the
// files are kept empty, so that a burst's backlog does not stay on the disk as dead bytes.
namespace tandem::spool {

class FilePool {
public:
    static constexpr int kMaxFiles = 8192;
    static constexpr int kWholeFiles = 256;
    explicit FilePool(const QString &directory);

    bool open(QString *error);
    QString directory() const { return m_dir; }
    // The file at path is finished with: into the pool when path is its only name and the pool
    // has room, else deleted.
    void release(const QString &path);
    // A file of the pool, renamed to path (which must not exist), open for writing from its
    // start, its old bytes still there past what is written (the taker cuts them);
    // invalid when the pool is empty.
    fsutil::Fd take(const QString &path);
    int size() const;

private:
    QString pathOf(quint64 number) const { return m_dir + u'/' + QString::number(number); }

    QString m_dir;
    mutable std::mutex m_mutex;
    QList<quint64> m_free; // free/<number>
    quint64 m_next = 0;
};

} // namespace tandem::spool
