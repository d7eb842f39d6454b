#pragma once

#include <QHash>
#include <QHostAddress>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

#include <optional>

// The configuration file of PRODUCT.md §3 as one typed structure. Loading validates every key
// and names the key path of each problem; unknown keys are errors.
namespace tandem::config {

enum class Role { Mailbox, Archive, Custom };
enum class ListenerMode { Smtp, Submission, Smtps };
enum class TlsMode { Opportunistic, Required, Off };
// The archive settings (struct ArchivePolicy below).
enum class ArchiveDestination { Store, Folder, Delete }; // "store" | "folder" | "delete"
enum class ExpiryAction { Delete, Export };              // "delete" | "export"
enum class ArchiveMode { Default, None, Custom };        // "default" | "none" | "custom"
enum class UndeliveredAction { ReturnToSender, CreateMailboxAndStore, ForwardToMailbox };

QString toString(Role role);
QString toString(ListenerMode mode);
QString toString(TlsMode mode);
QString toString(UndeliveredAction action);
QString toString(ArchiveDestination destination);
QString toString(ExpiryAction action);
QString toString(ArchiveMode mode);

struct ServerSettings {
    Role role = Role::Custom;
    QString domain;
    QStringList localDomains;
    QString hostname;
    QString dataDir = QStringLiteral("data"); // as written in the file
    int maxHops = 30;
    QString secretsFile;    // tandemd's passwords (mode 0600); the console uses the keychain
    int minFreeSpaceMb = 0; // 0: not in the file, the reserve is Settings::freeSpaceReserve()
    // data/log/tandem.log is rotated when it reaches this size; this many files are kept, the
    // current one included.
    int logMaxSizeKb = kDefaultLogMaxSizeKb;
    int logFiles = kDefaultLogFiles;
    static constexpr int kDefaultLogMaxSizeKb = 10240;
    static constexpr int kDefaultLogFiles = 5;
};

struct Listener {
    QString address = QStringLiteral("127.0.0.1");
    quint16 port = 25;
    ListenerMode mode = ListenerMode::Smtp;
    bool rejectNonLocalSendersClaimingLocal = false;
    bool requireAuth = false;
    bool restrictSenderToUser = true; // an authenticated user may send only as itself
    // Mail only from the relay networks (the partner machine) and authenticated clients;
    // others are refused at MAIL. The Archive role's default: it files what its partner
    // hands it, and is not a mailbox anyone on the Internet can fill.
    bool trustedClientsOnly = false;
};

struct Subnet {
    QHostAddress address;
    int prefix = 0;
    QString text;
};

struct SmtpSettings {
    QList<Listener> listeners;
    QList<Subnet> relayNetworks;
    QString tlsCertificate; // as written; resolve with Settings::resolvePath
    QString tlsKey;
    bool allowPlaintextAuth = false;
    qint64 maxMessageBytes = 26214400;
    int maxRecipients = 100;
    int maxConnections = 200;
    int maxConnectionsPerIp = 20;
    // RFC 5321 §4.5.3.2.7 asks for at least five minutes; tests shorten it.
    int commandTimeoutSeconds = 300;
    int authFailureLimit = 5; // wrong passwords per client address before it is cut off
    int errorLimit = 20;      // error replies in one session before 421 (Postfix's hard limit)
    int maxNewMailboxesPerHour = 100; // mailboxes one client address may cause to be created
};

struct PassthroughSettings {
    bool allDomains = true;
    QStringList domains; // when !allDomains
    bool copyToSenderSentItems = false;
    bool createMailboxIfNecessary = false;
    bool copyLocalDomainsToOutbox = true;
    bool copyWithoutReceivedToOutbox = false;
};

struct UndeliveredSettings {
    UndeliveredAction action = UndeliveredAction::ReturnToSender;
    QString forwardMailbox = QStringLiteral("postmaster");
};

struct SmartHost {
    QString host;
    quint16 port = 25;
    QString username;
    TlsMode tls = TlsMode::Opportunistic;
};

struct StaticRoute {
    QStringList domains; // "example.com", "*.example.com" or "*"
    QString host;
    quint16 port = 25;
    QString username; // AUTH to this next hop when set (password: the secrets)
    TlsMode tls = TlsMode::Opportunistic;
};

struct RetrySettings {
    QList<int> scheduleMinutes{1, 5, 15, 30, 60, 120};
    int warnAfterHours = 4;
    int giveUpAfterHours = 120;
};

struct OutgoingSettings {
    QString dnsServer;
    SmartHost smarthost;
    QList<StaticRoute> staticRoutes;
    RetrySettings retry;
};

// The archive settings of a mailbox (PRODUCT.md §1, docs/configuration.md): the template's are
// the default settings; a mailbox follows them, archives nothing, or has its own.

struct ArchivePolicy {
    qint64 archiveAfterHours = 0; // age at which a message leaves the live folders; 0: never
    ArchiveDestination destination = ArchiveDestination::Store;
    qint64 expireAfterHours = 0; // age at which it expires; 0: kept for ever
    ExpiryAction onExpiry = ExpiryAction::Delete;
    int maxSizeMb = 0;    // the live mailbox's size cap; 0: none
    int warnPercent = 90; // the postmaster is told when the mailbox reaches this share of it
    bool operator==(const ArchivePolicy &) const = default;
};
using MailboxTemplate = ArchivePolicy;

// A mailbox's own choice, kept in its folder (tandem-mailbox.json).
struct MailboxArchiveSettings {
    ArchiveMode mode = ArchiveMode::Default;
    ArchivePolicy custom; // used when mode is Custom
    bool operator==(const MailboxArchiveSettings &) const = default;
};
// What applies to a mailbox: None archives and expires nothing (its size cap is the template's).
ArchivePolicy effectivePolicy(const MailboxArchiveSettings &own, const ArchivePolicy &tmpl);

// mailboxes.archive: when the maintenance run works, and what it does besides archiving.
struct ArchiveSchedule {
    int runEveryMinutes = 60;   // a maintenance run this often; 0: only when asked
    int verifyEveryHours = 168; // a full verify this often; 0: only when asked
    int digestEveryHours = 24;  // the chain-head digest to the postmaster; 0: never
    QString exportDir;          // expired mail exported to mbox files here; "" data/archive/exports
};

struct User {
    QString name; // "alice" (primary domain) or "alice@other.example"
    QString password;
};

struct MailboxSettings {
    MailboxTemplate mailboxTemplate;
    ArchiveSchedule archive;
    QList<User> users;
    // The user (a name as in users) who gets postmaster@ of every local domain, and with it
    // the mail system's notices to the postmaster; empty: a mailbox of its own, "postmaster",
    // made in each domain when first needed.
    QString postmaster;
};

struct Settings {
    ServerSettings server;
    SmtpSettings smtp;
    PassthroughSettings passthrough;
    UndeliveredSettings undelivered;
    OutgoingSettings outgoing;
    MailboxSettings mailboxes;

    QString baseDir; // folder of the configuration file; relative paths are resolved against it

    // Not from the file. Passwords by next hop ("[host]:port"), from the keychain or the
    // secrets file; the passphrase of an encrypted smtp.tls.key, from the same places; and
    // how much faster than real time the retry schedule runs (tests only).
    QHash<QString, QString> passwords;
    QString tlsKeyPassphrase;
    double timeScale = 1.0;

    bool isLocalDomain(const QString &domain) const;
    bool passthroughCovers(const QString &domain) const;
    QStringList allLocalDomains() const;
    QString resolvePath(const QString &path) const;
    QString dataPath() const { return resolvePath(server.dataDir); }
    // The free space the data folder keeps: below it, MAIL is answered 452 4.3.1. By default
    // 100 MiB or twice the largest message, whichever is more.
    qint64 freeSpaceReserve() const;
    bool isRelayClient(const QHostAddress &address) const;
    // "alice@example.com" for the user "alice" (a name as in mailboxes.users).
    QString userAddress(const QString &userName) const;
};

struct LoadResult {
    Settings settings;
    QStringList errors;   // "path.to.key: what is wrong"
    QStringList warnings; // "path.to.key: ..." about keys accepted but ignored (superseded)
    bool ok() const { return errors.isEmpty(); }
};

LoadResult parse(const QByteArray &json, const QString &baseDir);
LoadResult loadFile(const QString &path);
QJsonObject toJson(const Settings &settings);
// The one writer of configuration files: through QSaveFile (a temporary file, fsynced, renamed
// into place), then the folder fsynced, so a reader finds the old file or the whole new one.
// Returns false with *error set on failure.
bool saveJson(const QJsonObject &object, const QString &path, QString *error);
// The starting configuration (tandemd --print-default-config, the console's first start when
// the role wizard is cancelled): a Mailbox for example.com on loopback ports.
Settings defaultSettings();
QByteArray defaultConfigJson();
// Reads the secrets file: {"passwords": {"[host]:port": "secret", ...}, "tls_key_passphrase":
// "..."}, either key optional but not both. Adds the passwords to *passwords and, when the file
// has one, sets *tlsKeyPassphrase (the passphrase of an encrypted smtp.tls.key). Refuses a file
// that anyone but its owner may read, or whose values are not strings.
bool loadSecrets(const QString &path, QHash<QString, QString> *passwords, QString *tlsKeyPassphrase,
                 QString *error);

// Durations of the archive settings, in hours: "0", "12h", "30d", "2w", "7y" (365 days).
std::optional<qint64> parseDuration(const QString &text);
QString formatDuration(qint64 hours);
QJsonObject toJson(const ArchivePolicy &policy);
// A mailbox's own settings, as its tandem-mailbox.json keeps them ("archive_mode", "archive").
QJsonObject toJson(const MailboxArchiveSettings &settings);
MailboxArchiveSettings mailboxArchiveFromJson(const QJsonObject &object, const QString &path,
                                              QStringList *errors);

bool isValidDomain(const QString &domain);
// A domain as it is kept and compared: lower case, each internationalized label (U-label) in
// its ASCII form (A-label, "xn--...", RFC 5890), so that "bücher.example" and
// "xn--bcher-kva.example" are one domain. Empty when the name cannot be converted.
QString asciiDomain(const QString &domain);
// The name of a local part's mailbox, on disk and in comparisons: Unicode NFC, lower case.
QString mailboxName(const QString &localPart);
// A user name as mailboxes.users keeps it: "jörg" or "ana@xn--bcher-kva.example" for
// "JÖRG" or "Ana@Bücher.example" (mailboxName() of the local part, asciiDomain() of the domain).
QString canonicalUserName(const QString &name);
// A mailbox name that is safe as a folder name: letters (any script), digits, and . _ + -;
// at most 64 octets in UTF-8; in the form mailboxName() gives.
bool isValidMailboxName(const QString &localPart);

} // namespace tandem::config
