#pragma once

#include "config/settings.h"

#include <QElapsedTimer>
#include <QHash>
#include <QMutex>
#include <QObject>
#include <QString>

// The size cap of PRODUCT.md §1 as issue 13 resolves it: a mailbox's live size against its
// max_size_mb. A Mailbox refuses a full mailbox's mail at RCPT (452 4.2.2, the sender's MTA
// retries); an Archive refuses nothing local, keeps storing, logs it and raises an alarm. On
// both the postmaster is told once per crossing of the warning threshold and of the cap.
namespace tandem::mailbox {

enum class SizeLevel { Below, Warning, Full }; // against size_warning_percent and the cap
QString toString(SizeLevel level);

// Thread-safe: the SMTP sessions ask it at RCPT, the dispatcher tells it what it stored.
class MailboxSizes : public QObject {
    Q_OBJECT
public:
    // root: the mailboxes' folder (data/mailboxes).
    explicit MailboxSizes(const QString &root, QObject *parent = nullptr);

    // The template (the default archive settings), whether the role refuses mail for a full
    // mailbox, and the time scale of the figures' lifetime.
    void configure(const config::Settings &settings);
    // A Mailbox refuses; an Archive never does; Custom refuses unless its undelivered mail
    // makes mailboxes (create_mailbox_and_store: the Archive's way of refusing nothing local).
    static bool refusesWhenFull(const config::Settings &settings);

    // Bytes of the live mailbox "user@domain": every file in new/ and cur/ of its folders. The
    // figure is measured again when older than 60 s divided by the time scale; 0 when the
    // mailbox does not exist.
    qint64 size(const QString &mailbox);
    // The dispatcher stored a message of `bytes` in it: counted at once, and the thresholds
    // looked at (queueId names the message in the log).
    void added(const QString &mailbox, qint64 bytes, const QString &queueId = {});
    // Something else changed the mailbox (archiving, removal): measure it again when asked.
    void forget(const QString &mailbox);
    void forgetAll(); // a maintenance run archived mail out of any of them

    // The alarm again for every mailbox still at its cap (its marker says "full"): what a
    // console started after the crossing is to show. Measures those mailboxes only.
    void announceFull();

    // RCPT for a recipient filed in this mailbox: true when its mail is to be refused for the
    // size cap (a full mailbox where refusesWhenFull()). Looks at the thresholds too.
    bool isFull(const QString &mailbox);
    // Where the mailbox stands against its effective policy (MailboxStore::policyOf).
    SizeLevel level(const QString &mailbox);

    // The bytes of the messages in a Maildir++ mailbox folder: the ",S=<size>" of each name
    // (Tandem's and Dovecot's names carry it), else the file's own size.
    static qint64 measure(const QString &mailboxPath);
    // The S= size of a Maildir file name, -1 when it has none.
    static qint64 sizeFromFileName(const QString &name);
    // In the mailbox's folder while the postmaster has been told of a crossing: "warning" or
    // "full", the level told. Removed when the mailbox is below the threshold again.
    static QString markerName();

signals:
    // A threshold was crossed upwards: the postmaster is to be told (Notifier::tellPostmaster).
    void postmasterNotice(const QString &subject, const QString &text);
    // The console's alarm: a mailbox reached its cap. `refusing`: its mail is answered
    // 452 4.2.2 (a Mailbox); else it keeps storing (an Archive). Also sent by announceFull().
    void alarm(const QString &mailbox, qint64 size, qint64 cap, bool refusing);
    // A mailbox the alarm was raised for is below its cap again.
    void alarmCleared(const QString &mailbox);

private:
    struct Entry {
        qint64 bytes = 0;
        qint64 measuredAt = -1; // m_clock's milliseconds; -1: never measured
        SizeLevel told = SizeLevel::Below;
    };
    config::ArchivePolicy policyOf(const QString &mailbox) const;
    QString pathOf(const QString &mailbox) const;
    qint64 measured(const QString &mailbox, qint64 extra);
    SizeLevel review(const QString &mailbox, qint64 size, bool stored, const QString &queueId);

    const QString m_root;
    mutable QMutex m_mutex;
    QHash<QString, Entry> m_entries;
    QElapsedTimer m_clock;
    config::ArchivePolicy m_template;
    bool m_refuses = true;
    double m_timeScale = 1.0;
};

} // namespace tandem::mailbox
