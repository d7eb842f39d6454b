#include "mailboxstore.h"

#include "util/fsutil.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

#include <cerrno>
#include <fcntl.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace tandem::mailbox {

namespace {

const QStringList kFolders{u"Sent"_s, u"Archive"_s};

bool makeMaildir(const QString &path, bool subfolder, QString *error)
{
    for (const QString &sub : {u"cur"_s, u"new"_s, u"tmp"_s}) {
        if (!QDir().mkpath(path + u'/' + sub)) {
            *error = u"cannot create %1/%2"_s.arg(path, sub);
            return false;
        }
    }
    // Maildir++: a sub-folder carries an empty "maildirfolder" file.
    return !subfolder || fsutil::writeDurably(path + u"/maildirfolder"_s, {}, error, false);
}

} // namespace

MailboxStore::MailboxStore(const QString &root, const QString &hostname,
                           const config::MailboxTemplate &mailboxTemplate)
    : m_root(root)
    , m_host(hostname)
    , m_template(mailboxTemplate)
{
    m_host.replace(u'/', u"\\057"_s).replace(u':', u"\\072"_s);
}

void MailboxStore::setTemplate(const QString &hostname,
                               const config::MailboxTemplate &mailboxTemplate)
{
    m_host = hostname;
    m_host.replace(u'/', u"\\057"_s).replace(u':', u"\\072"_s);
    m_template = mailboxTemplate;
}

QString MailboxStore::mailboxPath(const QString &localPart, const QString &domain) const
{
    return m_root + u'/' + domain.toLower() + u'/' + localPart.toLower();
}

QString MailboxStore::folderPath(const QString &localPart, const QString &domain,
                                 const QString &folder) const
{
    const QString box = mailboxPath(localPart, domain);
    return folder.isEmpty() ? box : box + u"/."_s + folder;
}

bool MailboxStore::existsOnDisk(const QString &localPart, const QString &domain) const
{
    return QFileInfo(mailboxPath(localPart, domain) + u"/new"_s).isDir();
}

bool MailboxStore::create(const QString &localPart, const QString &domain, QString *error)
{
    if (existsOnDisk(localPart, domain))
        return true;
    if (!config::isValidDomain(domain)) {
        *error = u"\"%1\" is not a valid domain"_s.arg(domain);
        return false;
    }
    if (!config::isValidMailboxName(localPart.toLower())) {
        *error = u"\"%1\" is not a valid mailbox name"_s.arg(localPart);
        return false;
    }
    const QString domainDir = m_root + u'/' + domain.toLower();
    if (!fsutil::ensureDirectory(domainDir, error))
        return false;
    // Built under a temporary name and renamed into place, so that a mailbox is either
    // complete or absent, even if two deliveries create it at once or the process dies.
    const QString staging = domainDir + u"/.creating-"_s + localPart.toLower() + u'-' +
                            QString::number(::getpid()) + u'-' +
                            QString::number(quintptr(this), 16);
    QDir(staging).removeRecursively();
    bool ok = makeMaildir(staging, false, error);
    for (const QString &folder : kFolders)
        ok = ok && makeMaildir(staging + u"/."_s + folder, true, error);
    // Dovecot's list of subscribed folders, so IMAP clients show Sent and Archive at once.
    ok = ok && fsutil::writeDurably(staging + u"/subscriptions"_s, "Sent\nArchive\n", error, false);
    const QJsonObject settings{
        {u"keep_live_days"_s, m_template.keepLiveDays},
        {u"archive_expiry_days"_s, m_template.archiveExpiryDays},
        {u"max_size_mb"_s, m_template.maxSizeMb},
        {u"created"_s, QDateTime::currentDateTimeUtc().toString(Qt::ISODate)}};
    ok = ok && fsutil::writeDurably(staging + u"/tandem-mailbox.json"_s,
                                    QJsonDocument(settings).toJson(), error, false);
    for (const QString &sub : {u""_s, u"/.Sent"_s, u"/.Archive"_s})
        ok = ok && fsutil::fsyncDirectory(staging + sub, error);
    if (!ok) {
        QDir(staging).removeRecursively();
        return false;
    }
    const QString target = mailboxPath(localPart, domain);
    if (::rename(QFile::encodeName(staging).constData(), QFile::encodeName(target).constData()) !=
        0) {
        const int err = errno;
        QDir(staging).removeRecursively();
        if (existsOnDisk(localPart, domain))
            return true; // created by someone else meanwhile
        *error = u"cannot create mailbox %1: %2"_s.arg(target, fsutil::errnoText(err));
        return false;
    }
    return fsutil::fsyncDirectory(domainDir, error);
}

QString MailboxStore::fileNameFor(const DeliveryRequest &r, qint64 size) const
{
    return u"%1.Q%2.%3,S=%4"_s.arg(r.time.toSecsSinceEpoch()).arg(r.uniqueBase, m_host).arg(size);
}

DeliveryOutcome MailboxStore::deliver(const DeliveryRequest &r, QString *fileName, QString *error)
{
    if (!existsOnDisk(r.localPart, r.domain)) {
        if (!r.create)
            return DeliveryOutcome::NoMailbox;
        if (!create(r.localPart, r.domain, error))
            return DeliveryOutcome::Failed;
    }
    const QString folder = folderPath(r.localPart, r.domain, r.folder);
    if (!QFileInfo(folder + u"/new"_s).isDir() && !makeMaildir(folder, !r.folder.isEmpty(), error))
        return DeliveryOutcome::Failed;

    QFile source(r.sourcePath);
    if (!source.open(QIODevice::ReadOnly)) {
        *error = u"cannot read %1: %2"_s.arg(r.sourcePath, source.errorString());
        return DeliveryOutcome::Failed;
    }
    const qint64 size = r.prefix.size() + source.size();
    *fileName = fileNameFor(r, size);

    // A redo after a crash finds the copy it already made, in new/ or (read since) in cur/.
    if (QFile::exists(folder + u"/new/"_s + *fileName) ||
        !QDir(folder + u"/cur"_s)
             .entryList({*fileName + u":*"_s, *fileName}, QDir::Files)
             .isEmpty())
        return DeliveryOutcome::AlreadyStored;

    const QString tmp = folder + u"/tmp/"_s + *fileName;
    fsutil::Fd fd(
        ::open(QFile::encodeName(tmp).constData(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0640));
    if (!fd.isValid()) {
        *error = u"cannot create %1: %2"_s.arg(tmp, fsutil::errnoText(errno));
        return DeliveryOutcome::Failed;
    }
    bool ok = fd.writeAll(r.prefix.constData(), r.prefix.size(), error);
    while (ok && !source.atEnd()) {
        const QByteArray chunk = source.read(256 * 1024);
        if (chunk.isEmpty() && source.error() != QFileDevice::NoError) {
            *error = source.errorString();
            ok = false;
        }
        ok = ok && fd.writeAll(chunk.constData(), chunk.size(), error);
    }
    ok = ok && fsutil::fsyncFd(fd.get(), error) && fd.close(error);
    if (ok && ::rename(QFile::encodeName(tmp).constData(),
                       QFile::encodeName(folder + u"/new/"_s + *fileName).constData()) != 0) {
        *error = u"cannot move into new/: "_s + fsutil::errnoText(errno);
        ok = false;
    }
    if (!ok) {
        ::unlink(QFile::encodeName(tmp).constData());
        return DeliveryOutcome::Failed;
    }
    return fsutil::fsyncDirectory(folder + u"/new"_s, error) ? DeliveryOutcome::Stored
                                                             : DeliveryOutcome::Failed;
}

QStringList MailboxStore::mailboxes() const
{
    QStringList out;
    const QDir root(m_root);
    for (const QString &domain : root.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        const QDir d(root.filePath(domain));
        for (const QString &user : d.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
            if (QFileInfo(d.filePath(user) + u"/new"_s).isDir())
                out.append(user + u'@' + domain);
        }
    }
    out.sort();
    return out;
}

} // namespace tandem::mailbox
