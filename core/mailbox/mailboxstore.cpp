#include "mailboxstore.h"

#include "util/fsutil.h"
#include "util/log.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>

#include <cerrno>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace tandem::mailbox {

namespace {

const QStringList kFolders{u"Sent"_s, u"Archive"_s};

// Makes the folder and whichever of cur/ new/ tmp/ is missing (a Maildir someone tidied up is
// repaired, not failed), saying why when it cannot: the error names the folder and errno.
bool makeMaildir(const QString &path, bool subfolder, QString *error, QStringList *made = nullptr)
{
    for (const QString &dir : {path, path + u"/cur"_s, path + u"/new"_s, path + u"/tmp"_s}) {
        if (::mkdir(QFile::encodeName(dir).constData(), 0750) == 0) {
            if (made && dir != path)
                made->append(dir.mid(path.size() + 1));
        } else if (errno != EEXIST) {
            *error = u"cannot create %1: %2"_s.arg(dir, fsutil::errnoText(errno));
            return false;
        } else if (!QFileInfo(dir).isDir()) {
            *error = u"cannot use %1: it is not a folder"_s.arg(dir);
            return false;
        }
    }
    // Maildir++: a sub-folder carries an empty "maildirfolder" file.
    return !subfolder || QFile::exists(path + u"/maildirfolder"_s) ||
           fsutil::writeDurably(path + u"/maildirfolder"_s, {}, error, false);
}

// Whether the mailbox folder is there: 1 yes, 0 no, -1 cannot tell (*error says why).
int folderExists(const QString &path, QString *error)
{
    struct stat st;
    if (::stat(QFile::encodeName(path).constData(), &st) == 0)
        return S_ISDIR(st.st_mode) ? 1 : 0;
    if (errno == ENOENT)
        return 0;
    *error = u"cannot look at %1: %2"_s.arg(path, fsutil::errnoText(errno));
    return -1;
}

// Maildir files end lines with LF, as the Maildirs of Postfix, Exim and Dovecot do and as mail
// readers that read the files (s-nail, mutt) expect; the spool keeps the wire's CRLF. A CR that
// ends a chunk is held back until the next chunk shows whether an LF follows it.
QByteArray crlfToLf(QByteArray chunk, bool *heldCr)
{
    if (*heldCr)
        chunk.prepend('\r');
    *heldCr = chunk.endsWith('\r');
    if (*heldCr)
        chunk.chop(1);
    return chunk.replace("\r\n", "\n");
}

constexpr qint64 kChunk = 256 * 1024;

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
    return m_root + u'/' + config::asciiDomain(domain) + u'/' + config::mailboxName(localPart);
}

QString MailboxStore::folderPath(const QString &localPart, const QString &domain,
                                 const QString &folder) const
{
    const QString box = mailboxPath(localPart, domain);
    return folder.isEmpty() ? box : box + u"/."_s + folder;
}

bool MailboxStore::existsOnDisk(const QString &localPart, const QString &domain) const
{
    // The mailbox's own folder decides: one whose cur/ new/ tmp/ are missing or cannot be read
    // still exists, and a delivery to it repairs it or says why it cannot.
    return QFileInfo(mailboxPath(localPart, domain)).isDir();
}

bool MailboxStore::create(const QString &localPart, const QString &domain, QString *error)
{
    if (existsOnDisk(localPart, domain))
        return true;
    if (!config::isValidDomain(domain)) {
        *error = u"\"%1\" is not a valid domain"_s.arg(domain);
        return false;
    }
    if (!config::isValidMailboxName(config::mailboxName(localPart))) {
        *error = u"\"%1\" is not a valid mailbox name"_s.arg(localPart);
        return false;
    }
    const QString domainDir = m_root + u'/' + config::asciiDomain(domain);
    if (!fsutil::ensureDirectory(domainDir, error))
        return false;
    // Built under a temporary name and renamed into place, so that a mailbox is either
    // complete or absent, even if two deliveries create it at once or the process dies.
    const QString staging = domainDir + u"/.creating-"_s + config::mailboxName(localPart) + u'-' +
                            QString::number(::getpid()) + u'-' +
                            QString::number(quintptr(this), 16);
    QDir(staging).removeRecursively();
    bool ok = makeMaildir(staging, false, error);
    for (const QString &folder : kFolders)
        ok = ok && makeMaildir(staging + u"/."_s + folder, true, error);
    // Dovecot's list of subscribed folders, so IMAP clients show Sent and Archive at once.
    ok = ok && fsutil::writeDurably(staging + u"/subscriptions"_s, "Sent\nArchive\n", error, false);
    // A new mailbox follows the default archive settings (the template) until it is given
    // its own on its Archive tab.
    QJsonObject settings = config::toJson(config::MailboxArchiveSettings{});
    settings.insert(u"created"_s, QDateTime::currentDateTimeUtc().toString(Qt::ISODate));
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
        // Created by someone else meanwhile (rename does not replace a folder with content).
        if ((err == ENOTEMPTY || err == EEXIST) && folderExists(target, error) == 1)
            return true;
        *error = u"cannot create mailbox %1: %2"_s.arg(target, fsutil::errnoText(err));
        return false;
    }
    return fsutil::fsyncDirectory(domainDir, error);
}

bool MailboxStore::prepareFolder(const QString &folder, bool subfolder, QString *error)
{
    bool seen = false;
    {
        std::lock_guard lock(m_readyMutex);
        seen = m_ready.contains(folder);
    }
    // Seen whole before: one look at cur/ (tmp/ and new/ show themselves missing when written).
    struct stat st;
    if (seen && ::stat(QFile::encodeName(folder + u"/cur"_s).constData(), &st) == 0 &&
        S_ISDIR(st.st_mode))
        return true;
    QStringList made;
    if (!makeMaildir(folder, subfolder, error, &made))
        return false;
    if (!made.isEmpty())
        log::warning(u"mailbox"_s,
                     u"%1: recreated the missing %2"_s.arg(folder, made.join(u", "_s)));
    std::lock_guard lock(m_readyMutex);
    m_ready.insert(folder);
    return true;
}

void MailboxStore::forgetFolder(const QString &folder)
{
    std::lock_guard lock(m_readyMutex);
    m_ready.remove(folder);
}

QString MailboxStore::fileNameFor(const DeliveryRequest &r, qint64 size) const
{
    return u"%1.Q%2.%3,S=%4"_s.arg(r.time.toSecsSinceEpoch()).arg(r.uniqueBase, m_host).arg(size);
}

DeliveryOutcome MailboxStore::deliver(const DeliveryRequest &r, QString *fileName, QString *error)
{
    switch (folderExists(mailboxPath(r.localPart, r.domain), error)) {
    case -1:
        return DeliveryOutcome::Failed;
    case 0:
        if (!r.create)
            return DeliveryOutcome::NoMailbox;
        if (!create(r.localPart, r.domain, error))
            return DeliveryOutcome::Failed;
        break;
    default:
        break;
    }
    const QString folder = folderPath(r.localPart, r.domain, r.folder);
    if (!prepareFolder(folder, !r.folder.isEmpty(), error))
        return DeliveryOutcome::Failed;

    QFile source(r.sourcePath);
    if (!source.open(QIODevice::ReadOnly)) {
        *error = u"cannot read %1: %2"_s.arg(r.sourcePath, source.errorString());
        return DeliveryOutcome::Failed;
    }
    // The name carries the stored (LF) size and must be known before writing, so that a redo
    // finds its own copy: a first pass counts it (the spooled file is in the page cache).
    bool heldCr = false;
    qint64 size = crlfToLf(r.prefix, &heldCr).size();
    while (!source.atEnd()) {
        const QByteArray chunk = source.read(kChunk);
        if (chunk.isEmpty() && source.error() != QFileDevice::NoError) {
            *error = u"cannot read %1: %2"_s.arg(r.sourcePath, source.errorString());
            return DeliveryOutcome::Failed;
        }
        size += crlfToLf(chunk, &heldCr).size();
    }
    size += heldCr ? 1 : 0;
    if (!source.seek(0)) {
        *error = u"cannot read %1: %2"_s.arg(r.sourcePath, source.errorString());
        return DeliveryOutcome::Failed;
    }
    *fileName = fileNameFor(r, size);

    // A redo after a crash finds the copy it already made, in new/ or (read since) in cur/.
    if (r.mayExist && (QFile::exists(folder + u"/new/"_s + *fileName) ||
                       !QDir(folder + u"/cur"_s)
                            .entryList({*fileName + u":*"_s, *fileName}, QDir::Files)
                            .isEmpty()))
        return DeliveryOutcome::AlreadyStored;

    const QString tmp = folder + u"/tmp/"_s + *fileName;
    const auto createTmp = [&tmp] {
        return fsutil::Fd(::open(QFile::encodeName(tmp).constData(),
                                 O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0640));
    };
    fsutil::Fd fd = createTmp();
    if (!fd.isValid() && (errno == ENOENT || errno == ENOTDIR)) {
        // Its tmp/ went since this store last saw the folder whole.
        forgetFolder(folder);
        if (!prepareFolder(folder, !r.folder.isEmpty(), error))
            return DeliveryOutcome::Failed;
        fd = createTmp();
    }
    if (!fd.isValid()) {
        *error = u"cannot create %1: %2"_s.arg(tmp, fsutil::errnoText(errno));
        return DeliveryOutcome::Failed;
    }
    heldCr = false;
    const QByteArray prefix = crlfToLf(r.prefix, &heldCr);
    bool ok = fd.writeAll(prefix.constData(), prefix.size(), error);
    qint64 written = prefix.size();
    while (ok && !source.atEnd()) {
        const QByteArray chunk = crlfToLf(source.read(kChunk), &heldCr);
        if (chunk.isEmpty() && source.error() != QFileDevice::NoError) {
            *error = source.errorString();
            ok = false;
        }
        ok = ok && fd.writeAll(chunk.constData(), chunk.size(), error);
        written += chunk.size();
    }
    if (ok && heldCr) {
        ok = fd.writeAll("\r", 1, error);
        written += 1;
    }
    // The spooled file never changes, but a name whose S= is not the file's size would mislead
    // every reader of the Maildir: refuse it rather than store it.
    if (ok && written != size) {
        *error = u"%1 changed while it was copied"_s.arg(r.sourcePath);
        ok = false;
    }
    if (ok && r.batch) {
        r.batch->push_back(PendingCopy{std::move(fd), tmp, folder, *fileName, !r.folder.isEmpty()});
        return DeliveryOutcome::Stored;
    }
    ok = ok && fsutil::fsyncFd(fd.get(), error) && fd.close(error) &&
         publish(tmp, folder, *fileName, !r.folder.isEmpty(), error);
    if (!ok) {
        ::unlink(QFile::encodeName(tmp).constData());
        return DeliveryOutcome::Failed;
    }
    return !r.syncFolder || fsutil::fsyncDirectory(folder + u"/new"_s, error)
               ? DeliveryOutcome::Stored
               : DeliveryOutcome::Failed;
}

bool MailboxStore::publish(const QString &tmp, const QString &folder, const QString &fileName,
                           bool subfolder, QString *error)
{
    const QByteArray from = QFile::encodeName(tmp);
    const QByteArray to = QFile::encodeName(folder + u"/new/"_s + fileName);
    if (::rename(from.constData(), to.constData()) == 0)
        return true;
    if (errno == ENOENT || errno == ENOTDIR) {
        // Its new/ went since this store last saw the folder whole (tmp/ is where the copy is).
        forgetFolder(folder);
        if (!prepareFolder(folder, subfolder, error))
            return false;
        if (::rename(from.constData(), to.constData()) == 0)
            return true;
    }
    *error = u"cannot move into new/: "_s + fsutil::errnoText(errno);
    return false;
}

QStringList MailboxStore::completeCopies(std::vector<PendingCopy> &copies)
{
    QStringList errors;
    if (copies.size() > 1) {
        for (const PendingCopy &c : copies)
            ::sync_file_range(c.fd.get(), 0, 0, SYNC_FILE_RANGE_WRITE);
    }
    for (PendingCopy &c : copies) {
        QString error;
        if (!fsutil::fsyncFd(c.fd.get(), &error) || !c.fd.close(&error) ||
            !publish(c.tmp, c.folder, c.fileName, c.subfolder, &error)) {
            ::unlink(QFile::encodeName(c.tmp).constData());
            if (error.isEmpty())
                error = u"cannot store %1"_s.arg(c.tmp);
        }
        errors.append(error);
    }
    copies.clear();
    return errors;
}

QString MailboxStore::pathOf(const QString &mailbox) const
{
    const qsizetype at = mailbox.lastIndexOf(u'@');
    return mailboxPath(mailbox.left(at), mailbox.mid(at + 1));
}

config::MailboxArchiveSettings MailboxStore::archiveSettings(const QString &mailbox,
                                                             QString *error) const
{
    // Read for every recipient's size check: a file read and parsed once is kept while it is
    // the same file (inode, size and change time), which one stat tells.
    struct Cached {
        struct stat st;
        config::MailboxArchiveSettings settings;
    };
    static std::mutex cacheMutex;
    static QHash<QString, Cached> cache;
    const QString path = pathOf(mailbox) + u"/tandem-mailbox.json"_s;
    struct stat st;
    const bool statted = ::stat(QFile::encodeName(path).constData(), &st) == 0;
    const auto same = [&st](const struct stat &o) {
        return o.st_ino == st.st_ino && o.st_dev == st.st_dev && o.st_size == st.st_size &&
               o.st_mtim.tv_sec == st.st_mtim.tv_sec && o.st_mtim.tv_nsec == st.st_mtim.tv_nsec &&
               o.st_ctim.tv_sec == st.st_ctim.tv_sec && o.st_ctim.tv_nsec == st.st_ctim.tv_nsec;
    };
    if (statted) {
        std::lock_guard lock(cacheMutex);
        const auto it = cache.constFind(path);
        if (it != cache.constEnd() && same(it->st))
            return it->settings;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (file.exists() && error)
            *error = u"cannot read %1: %2"_s.arg(file.fileName(), file.errorString());
        return {};
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parseError);
    QStringList problems;
    if (!doc.isObject())
        problems.append(
            u"%1: not a JSON object (%2)"_s.arg(file.fileName(), parseError.errorString()));
    const auto settings = config::mailboxArchiveFromJson(doc.object(), file.fileName(), &problems);
    if (!problems.isEmpty()) {
        if (error)
            *error = problems.join(u"; "_s);
        return {};
    }
    if (statted) {
        std::lock_guard lock(cacheMutex);
        if (cache.size() > 100000)
            cache.clear(); // a bound, far beyond any installation's mailboxes
        cache.insert(path, Cached{st, settings});
    }
    return settings;
}

bool MailboxStore::setArchiveSettings(const QString &mailbox,
                                      const config::MailboxArchiveSettings &settings,
                                      QString *error)
{
    const QString path = pathOf(mailbox) + u"/tandem-mailbox.json"_s;
    if (!QFileInfo(pathOf(mailbox)).isDir()) {
        *error = u"mailbox %1 does not exist"_s.arg(mailbox);
        return false;
    }
    // The file's other keys (created, ...) stay as they are.
    QJsonObject object;
    QFile file(path);
    if (file.open(QIODevice::ReadOnly))
        object = QJsonDocument::fromJson(file.readAll()).object();
    file.close();
    for (const QString &key : {u"archive_mode"_s, u"archive"_s, u"keep_live_days"_s,
                               u"archive_expiry_days"_s, u"max_size_mb"_s})
        object.remove(key);
    const QJsonObject own = config::toJson(settings);
    for (auto it = own.begin(); it != own.end(); ++it)
        object.insert(it.key(), it.value());
    return fsutil::writeDurably(path, QJsonDocument(object).toJson(), error, true);
}

config::ArchivePolicy MailboxStore::policyOf(const QString &mailbox) const
{
    return config::effectivePolicy(archiveSettings(mailbox), m_template);
}

QStringList MailboxStore::mailboxes() const
{
    QStringList out;
    const QDir root(m_root);
    for (const QString &domain : root.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        const QDir d(root.filePath(domain));
        for (const QString &user : d.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
            if (!user.startsWith(u'.')) // .creating-*: a mailbox being made
                out.append(user + u'@' + domain);
        }
    }
    out.sort();
    return out;
}

} // namespace tandem::mailbox
