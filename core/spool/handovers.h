#pragma once

#include <QHash>
#include <QString>
#include <QStringList>

#include <mutex>
#include <utility>
#include <vector>

// The hand-overs this server has accepted from a partner Tandem machine, so that a copy handed
// over again after a crash (the partner died after our 250, before it recorded it) is
// answered 250 and filed once. The partner names each hand-over with the ESMTP parameter
// XHANDOVER=<its host>/<its Outbox entry id>; we remember, per hand-over, the recipients we
// accepted, for kKeepDays (longer than any partner retries an entry).
//
// data/spool/handovers.log holds one JSON line per committed hand-over, appended and
// fdatasynced by the spool's writer thread once per group commit, after the commit is durable
// and before 250 is sent. A line is only written for a committed message: a crash between
// the commit and the line leaves the hand-over in the committed envelope, and the spool's
// recovery writes the line then. Thread-safe.
namespace tandem::spool {

class HandoverLog {
public:
    static constexpr int kKeepDays = 14;
    explicit HandoverLog(const QString &path);
    ~HandoverLog();

    // Reads the log, forgets what is older than kKeepDays (scaled by timeScale, tests only)
    // and writes it back compacted.
    bool open(QString *error, double timeScale = 1.0);
    void close();

    struct Claim {
        QStringList fresh; // recipients not accepted under this hand-over before
        bool seen = false; // the hand-over was accepted before (with other recipients)
        bool busy = false; // another session is committing some of these recipients now
    };
    // Claims the recipients not yet accepted under this hand-over for one session, until it
    // commits (record) or gives up (release).
    Claim claim(const QString &handover, const QStringList &recipients);
    void release(const QString &handover, const QStringList &recipients);
    // Makes committed hand-overs durable (one write and one fdatasync for all of them).
    bool record(const std::vector<std::pair<QString, QStringList>> &committed, QString *error);
    qsizetype size() const;

private:
    // Kept for every hand-over of the last kKeepDays, so it is small: a hand-over has one
    // recipient or a few, and lists cost a few dozen bytes where a QSet<QString> reserves room
    // for 48 (about 1.4 KiB each; 3.5 KiB per hand-over, which grew an Archive by that much
    // per message received).
    struct Known {
        qint64 time = 0;     // when first accepted, seconds since the epoch
        QStringList filed;   // lower case, each once
        QStringList pending; // lower case; emptied (and its storage freed) when committed
    };
    bool rewrite(QString *error); // with m_mutex held
    qint64 keepSeconds() const;

    QString m_path;
    double m_timeScale = 1.0;
    mutable std::mutex m_mutex;
    QHash<QString, Known> m_known;
    int m_fd = -1;
    qint64 m_lines = 0;
    qint64 m_compacted = 0; // when the log was last rewritten
};

} // namespace tandem::spool
