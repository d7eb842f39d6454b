#pragma once

#include <QSet>

#include <mutex>
#include <vector>

#include "config/settings.h"
#include "util/fsutil.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QStringList>

// Maildir++ mailboxes under data/mailboxes/<domain>/<user>/ with the folders .Sent and
// .Archive, readable unchanged by Dovecot (mail_location = maildir:DATA/mailboxes/%d/%n).
namespace tandem::mailbox {

// A copy written whole in its folder's tmp/, whose fsync and move into new/ wait for
// MailboxStore::completeCopies() with the other copies of a batch (DeliveryRequest::batch).
struct PendingCopy {
    fsutil::Fd fd;
    QString tmp;
    QString folder; // the Maildir folder
    QString fileName;
    bool subfolder = false;
};

struct DeliveryRequest {
    QString localPart;
    QString domain;
    QString folder;      // "" for INBOX, "Sent", "Archive"
    bool create = false; // create the mailbox from the template if it does not exist
    QString uniqueBase;  // deterministic per message and action: a redo finds its own file
    QDateTime time;      // the message's arrival, the first part of the file name
    QByteArray prefix;   // header lines to put before the message (Delivered-To:)
    QString sourcePath;  // the spooled message
    // False: the caller fsyncs the folder's new/ before it relies on the copy (the dispatcher,
    // once per folder for a batch of messages).
    bool syncFolder = true;
    // False: no attempt at this copy was made before (not a redo after a crash or a failure),
    // so the look for a copy already made — a listing of cur/, as long as the mailbox is big —
    // is skipped.
    bool mayExist = true;
    // Set: the copy is written but not made durable nor moved into new/: it is appended here,
    // and deliver() says Stored; completeCopies() finishes it with the rest (the dispatcher's
    // batch: the copies' writes reach the disk together, not one fsync after the other).
    std::vector<PendingCopy> *batch = nullptr;
};

enum class DeliveryOutcome { Stored, AlreadyStored, NoMailbox, Failed };

class MailboxStore {
public:
    MailboxStore(const QString &root, const QString &hostname,
                 const config::MailboxTemplate &mailboxTemplate);

    QString root() const { return m_root; }
    QString mailboxPath(const QString &localPart, const QString &domain) const;
    QString folderPath(const QString &localPart, const QString &domain,
                       const QString &folder) const;
    bool existsOnDisk(const QString &localPart, const QString &domain) const;
    bool create(const QString &localPart, const QString &domain, QString *error);
    DeliveryOutcome deliver(const DeliveryRequest &request, QString *fileName, QString *error);
    // Makes the copies durable and moves each into its new/ (not fsyncing new/ itself): every
    // copy's writeback is started before the first fsync waits. One error per copy, in order,
    // empty for a copy now in new/; a copy that failed is removed from tmp/.
    QStringList completeCopies(std::vector<PendingCopy> &copies);
    QStringList mailboxes() const;                // "user@domain", sorted
    QString pathOf(const QString &mailbox) const; // of "user@domain"
    // The mailbox's own archive settings (its tandem-mailbox.json; Default when it says
    // nothing, or cannot be read: *error then says why).
    config::MailboxArchiveSettings archiveSettings(const QString &mailbox,
                                                   QString *error = nullptr) const;
    bool setArchiveSettings(const QString &mailbox, const config::MailboxArchiveSettings &settings,
                            QString *error);
    // What applies to it: its own settings over the template.
    config::ArchivePolicy policyOf(const QString &mailbox) const;
    const config::MailboxTemplate &mailboxTemplate() const { return m_template; }
    QString fileNameFor(const DeliveryRequest &request, qint64 size) const;
    void setTemplate(const QString &hostname, const config::MailboxTemplate &mailboxTemplate);

private:
    // Makes the Maildir folder whole unless this store saw it whole before (a folder someone
    // removes since is made again when a write in it fails).
    bool prepareFolder(const QString &folder, bool subfolder, QString *error);
    void forgetFolder(const QString &folder);
    // tmp -> folder/new/fileName, making tmp/ and new/ again when they went.
    bool publish(const QString &tmp, const QString &folder, const QString &fileName, bool subfolder,
                 QString *error);

    QString m_root;
    QString m_host; // host name as the Maildir spec writes it in file names
    config::MailboxTemplate m_template;
    std::mutex m_readyMutex;
    QSet<QString> m_ready; // folders seen whole
};

} // namespace tandem::mailbox
