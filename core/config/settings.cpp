#include "settings.h"

#include "passwords.h"
#include "util/enumnames.h"
#include "util/fsutil.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSaveFile>
#include <QUrl>

#include <optional>

#include <pwd.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace tandem::config {

namespace {

// The Unix mode bits, without Qt's "User" copies of the owner's (which depend on who asks).
const QFileDevice::Permissions kModeBits =
    QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner |
    QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ExeGroup |
    QFileDevice::ReadOther | QFileDevice::WriteOther | QFileDevice::ExeOther;

// The translation context of the messages below ("tandem::config::Settings" in the .ts files).
// Only the message is translated, never the key path before it ("smtp.listeners[1].port: "):
// the Options dialogs find the field by that path. tandemd installs no translator, so it
// reports them in English.
struct Messages {
    Q_DECLARE_TR_FUNCTIONS(tandem::config::Settings)
};

// Walks the JSON tree keeping the key path of every value, so each problem can be reported
// as "smtp.listeners[1].port: must be 1-65535".
class Reader {
public:
    explicit Reader(QStringList *errors)
        : m_errors(errors)
    {}

    void error(const QString &path, const QString &what)
    {
        m_errors->append(path + u": "_s + what);
    }

    static QString join(const QString &path, const QString &key)
    {
        return path.isEmpty() ? key : path + u'.' + key;
    }

    void checkKeys(const QJsonObject &object, const QString &path, const QStringList &known)
    {
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (!known.contains(it.key()))
                error(join(path, it.key()), Messages::tr("unknown key"));
        }
    }

    std::optional<QJsonObject> object(const QJsonObject &parent, const QString &path,
                                      const QString &key)
    {
        const QJsonValue value = parent.value(key);
        if (value.isUndefined())
            return QJsonObject();
        if (!value.isObject()) {
            error(join(path, key), Messages::tr("must be an object"));
            return std::nullopt;
        }
        return value.toObject();
    }

    QString string(const QJsonObject &parent, const QString &path, const QString &key,
                   const QString &fallback)
    {
        const QJsonValue value = parent.value(key);
        if (value.isUndefined())
            return fallback;
        if (!value.isString()) {
            error(join(path, key), Messages::tr("must be a string"));
            return fallback;
        }
        return value.toString();
    }

    bool boolean(const QJsonObject &parent, const QString &path, const QString &key, bool fallback)
    {
        const QJsonValue value = parent.value(key);
        if (value.isUndefined())
            return fallback;
        if (!value.isBool()) {
            error(join(path, key),
                  //: true and false are the values written in the configuration file.
                  Messages::tr("must be true or false"));
            return fallback;
        }
        return value.toBool();
    }

    qint64 integer(const QJsonObject &parent, const QString &path, const QString &key,
                   qint64 fallback, qint64 min, qint64 max)
    {
        const QJsonValue value = parent.value(key);
        if (value.isUndefined())
            return fallback;
        return integerValue(value, join(path, key), fallback, min, max);
    }

    qint64 integerValue(const QJsonValue &value, const QString &path, qint64 fallback, qint64 min,
                        qint64 max)
    {
        const double d = value.toDouble(-1e300);
        // The range first: converting a double outside qint64's range is undefined behaviour.
        if (!value.isDouble() || !(d >= -0x1p63 && d < 0x1p63) ||
            d != static_cast<double>(static_cast<qint64>(d))) {
            error(path, Messages::tr("must be a whole number"));
            return fallback;
        }
        const qint64 n = static_cast<qint64>(d);
        if (n < min || n > max) {
            error(path, Messages::tr("must be %1-%2").arg(min).arg(max));
            return fallback;
        }
        return n;
    }

    std::optional<QJsonArray> array(const QJsonObject &parent, const QString &path,
                                    const QString &key)
    {
        const QJsonValue value = parent.value(key);
        if (value.isUndefined())
            return std::nullopt;
        if (!value.isArray()) {
            error(join(path, key), Messages::tr("must be a list"));
            return std::nullopt;
        }
        return value.toArray();
    }

    QStringList strings(const QJsonObject &parent, const QString &path, const QString &key,
                        const QStringList &fallback)
    {
        const auto list = array(parent, path, key);
        if (!list)
            return fallback;
        QStringList out;
        for (qsizetype i = 0; i < list->size(); ++i) {
            const QJsonValue v = list->at(i);
            if (!v.isString())
                error(join(path, key) + u"[%1]"_s.arg(i), Messages::tr("must be a string"));
            else
                out.append(v.toString());
        }
        return out;
    }

    template <typename E>
    E choice(const QJsonObject &parent, const QString &path, const QString &key, E fallback,
             const QList<QPair<QString, E>> &names)
    {
        const QJsonValue value = parent.value(key);
        if (value.isUndefined())
            return fallback;
        QStringList allowed;
        for (const auto &[name, e] : names) {
            if (value.toString() == name)
                return e;
            allowed.append(u'"' + name + u'"');
        }
        //: %1 lists the allowed values as they are written in the configuration file, each in
        //: straight double quotes ("mailbox", "archive", "custom").
        error(join(path, key), Messages::tr("must be one of %1").arg(allowed.join(u", "_s)));
        return fallback;
    }

private:
    QStringList *m_errors;
};

const QList<QPair<QString, Role>> kRoles{
    {u"mailbox"_s, Role::Mailbox}, {u"archive"_s, Role::Archive}, {u"custom"_s, Role::Custom}};
const QList<QPair<QString, ListenerMode>> kModes{{u"smtp"_s, ListenerMode::Smtp},
                                                 {u"submission"_s, ListenerMode::Submission},
                                                 {u"smtps"_s, ListenerMode::Smtps}};
const QList<QPair<QString, TlsMode>> kTlsModes{{u"opportunistic"_s, TlsMode::Opportunistic},
                                               {u"required"_s, TlsMode::Required},
                                               {u"off"_s, TlsMode::Off}};
const QList<QPair<QString, UndeliveredAction>> kActions{
    {u"return_to_sender"_s, UndeliveredAction::ReturnToSender},
    {u"create_mailbox_and_store"_s, UndeliveredAction::CreateMailboxAndStore},
    {u"forward_to_mailbox"_s, UndeliveredAction::ForwardToMailbox}};

bool isValidRouteHost(const QString &host)
{
    return !QHostAddress(host).isNull() || isValidDomain(host);
}

void readServer(Reader &r, const QJsonObject &root, Settings &s)
{
    const QString path = u"server"_s;
    const auto o = r.object(root, QString(), path);
    if (!o)
        return;
    r.checkKeys(*o, path,
                {u"role"_s, u"domain"_s, u"local_domains"_s, u"hostname"_s, u"data_dir"_s,
                 u"max_hops"_s, u"secrets_file"_s, u"min_free_space_mb"_s, u"log_max_size_kb"_s,
                 u"log_files"_s});
    s.server.role = r.choice(*o, path, u"role"_s, Role::Custom, kRoles);
    if (!o->contains(u"domain"_s)) {
        r.error(u"server.domain"_s, Messages::tr("is required"));
    } else {
        s.server.domain = asciiDomain(r.string(*o, path, u"domain"_s, {}));
        if (!isValidDomain(s.server.domain))
            r.error(u"server.domain"_s, Messages::tr("must be a domain name such as example.com"));
    }
    const QStringList extra = r.strings(*o, path, u"local_domains"_s, {});
    for (qsizetype i = 0; i < extra.size(); ++i) {
        const QString d = asciiDomain(extra.at(i));
        const QString where = u"server.local_domains[%1]"_s.arg(i);
        if (!isValidDomain(d))
            r.error(where, Messages::tr("must be a domain name"));
        else if (d == s.server.domain || s.server.localDomains.contains(d))
            r.error(where, Messages::tr("\"%1\" is listed twice").arg(d));
        else
            s.server.localDomains.append(d);
    }
    s.server.hostname = r.string(*o, path, u"hostname"_s, s.server.domain).toLower();
    if ((o->contains(u"hostname"_s) || isValidDomain(s.server.domain)) &&
        !isValidDomain(s.server.hostname))
        r.error(u"server.hostname"_s, Messages::tr("must be a host name such as mail.example.com"));
    s.server.dataDir = r.string(*o, path, u"data_dir"_s, s.server.dataDir);
    if (s.server.dataDir.isEmpty())
        r.error(u"server.data_dir"_s, Messages::tr("must not be empty"));
    s.server.maxHops = int(r.integer(*o, path, u"max_hops"_s, s.server.maxHops, 1, 1000));
    s.server.secretsFile = r.string(*o, path, u"secrets_file"_s, {});
    if (o->contains(u"min_free_space_mb"_s))
        s.server.minFreeSpaceMb =
            int(r.integer(*o, path, u"min_free_space_mb"_s, 0, 1, 1024 * 1024 * 1024));
    s.server.logMaxSizeKb =
        int(r.integer(*o, path, u"log_max_size_kb"_s, s.server.logMaxSizeKb, 1, 1024 * 1024));
    s.server.logFiles = int(r.integer(*o, path, u"log_files"_s, s.server.logFiles, 1, 100));
}

// The reserve must hold the largest message the server accepts, or a message accepted at
// MAIL could fill the disk before its end.
void checkFreeSpace(Reader &r, const Settings &s)
{
    const qint64 mib = 1024 * 1024;
    if (s.server.minFreeSpaceMb > 0 && s.server.minFreeSpaceMb * mib < s.smtp.maxMessageBytes)
        r.error(u"server.min_free_space_mb"_s,
                Messages::tr("must be at least the largest message (smtp.max_message_bytes, "
                             "%1 MiB)")
                    .arg((s.smtp.maxMessageBytes + mib - 1) / mib));
}

void readSmtp(Reader &r, const QJsonObject &root, Settings &s)
{
    const QString path = u"smtp"_s;
    const auto o = r.object(root, QString(), path);
    if (!o)
        return;
    r.checkKeys(*o, path,
                {u"listeners"_s, u"relay_networks"_s, u"tls"_s, u"allow_plaintext_auth"_s,
                 u"max_message_bytes"_s, u"max_recipients"_s, u"max_connections"_s,
                 u"max_connections_per_ip"_s, u"command_timeout_seconds"_s, u"auth_failure_limit"_s,
                 u"error_limit"_s, u"max_new_mailboxes_per_hour"_s});
    auto &smtp = s.smtp;
    if (const auto listeners = r.array(*o, path, u"listeners"_s)) {
        for (qsizetype i = 0; i < listeners->size(); ++i) {
            const QString lp = u"smtp.listeners[%1]"_s.arg(i);
            if (!listeners->at(i).isObject()) {
                r.error(lp, Messages::tr("must be an object"));
                continue;
            }
            const QJsonObject lo = listeners->at(i).toObject();
            r.checkKeys(lo, lp,
                        {u"address"_s, u"port"_s, u"mode"_s,
                         u"reject_nonlocal_senders_claiming_local"_s, u"require_auth"_s,
                         u"restrict_sender_to_user"_s, u"trusted_clients_only"_s});
            Listener l;
            l.address = r.string(lo, lp, u"address"_s, l.address);
            if (QHostAddress(l.address).isNull())
                r.error(lp + u".address"_s, Messages::tr("must be an IPv4 or IPv6 address"));
            l.port = quint16(r.integer(lo, lp, u"port"_s, 25, 1, 65535));
            l.mode = r.choice(lo, lp, u"mode"_s, ListenerMode::Smtp, kModes);
            l.rejectNonLocalSendersClaimingLocal =
                r.boolean(lo, lp, u"reject_nonlocal_senders_claiming_local"_s, false);
            l.requireAuth = r.boolean(lo, lp, u"require_auth"_s, false);
            l.restrictSenderToUser = r.boolean(lo, lp, u"restrict_sender_to_user"_s, true);
            l.trustedClientsOnly =
                r.boolean(lo, lp, u"trusted_clients_only"_s, s.server.role == Role::Archive);
            for (const Listener &other : std::as_const(smtp.listeners)) {
                if (QHostAddress(other.address) == QHostAddress(l.address) && other.port == l.port)
                    r.error(lp, Messages::tr("%1 port %2 is already used by another listener")
                                    .arg(l.address, QString::number(l.port)));
            }
            smtp.listeners.append(l);
        }
    } else {
        Listener l{u"127.0.0.1"_s, 2525, ListenerMode::Smtp, true, false};
        l.trustedClientsOnly = s.server.role == Role::Archive;
        smtp.listeners.append(l);
    }
    const QStringList nets =
        r.strings(*o, path, u"relay_networks"_s, {u"127.0.0.1/32"_s, u"::1/128"_s});
    for (qsizetype i = 0; i < nets.size(); ++i) {
        const auto parsed = QHostAddress::parseSubnet(nets.at(i));
        if (parsed.first.isNull())
            r.error(u"smtp.relay_networks[%1]"_s.arg(i),
                    Messages::tr("\"%1\" is not a network such as 192.168.0.0/16").arg(nets.at(i)));
        else
            smtp.relayNetworks.append(Subnet{parsed.first, parsed.second, nets.at(i)});
    }
    if (const auto tls = r.object(*o, path, u"tls"_s)) {
        r.checkKeys(*tls, u"smtp.tls"_s, {u"certificate"_s, u"key"_s});
        smtp.tlsCertificate = r.string(*tls, u"smtp.tls"_s, u"certificate"_s, {});
        smtp.tlsKey = r.string(*tls, u"smtp.tls"_s, u"key"_s, {});
        if (smtp.tlsCertificate.isEmpty() != smtp.tlsKey.isEmpty())
            r.error(u"smtp.tls"_s, Messages::tr("certificate and key must be given together"));
    }
    smtp.allowPlaintextAuth = r.boolean(*o, path, u"allow_plaintext_auth"_s, false);
    smtp.maxMessageBytes =
        r.integer(*o, path, u"max_message_bytes"_s, smtp.maxMessageBytes, 1024, 1LL << 40);
    // RFC 5321 §4.5.3.1.8: a server must accept at least 100 recipients.
    smtp.maxRecipients =
        int(r.integer(*o, path, u"max_recipients"_s, smtp.maxRecipients, 100, 100000));
    smtp.maxConnections =
        int(r.integer(*o, path, u"max_connections"_s, smtp.maxConnections, 1, 100000));
    smtp.maxConnectionsPerIp =
        int(r.integer(*o, path, u"max_connections_per_ip"_s, smtp.maxConnectionsPerIp, 1, 100000));
    if (smtp.maxConnectionsPerIp > smtp.maxConnections)
        r.error(u"smtp.max_connections_per_ip"_s,
                //: Keep smtp.max_connections as it is: it names a key in the configuration file.
                Messages::tr("must not exceed smtp.max_connections"));
    smtp.commandTimeoutSeconds = int(
        r.integer(*o, path, u"command_timeout_seconds"_s, smtp.commandTimeoutSeconds, 1, 86400));
    smtp.authFailureLimit =
        int(r.integer(*o, path, u"auth_failure_limit"_s, smtp.authFailureLimit, 1, 1000));
    smtp.errorLimit = int(r.integer(*o, path, u"error_limit"_s, smtp.errorLimit, 1, 1000));
    smtp.maxNewMailboxesPerHour = int(r.integer(*o, path, u"max_new_mailboxes_per_hour"_s,
                                                smtp.maxNewMailboxesPerHour, 1, 1000000));
}

void readIncoming(Reader &r, const QJsonObject &root, Settings &s)
{
    const QString path = u"incoming"_s;
    const auto o = r.object(root, QString(), path);
    if (!o)
        return;
    r.checkKeys(*o, path, {u"passthrough"_s, u"undelivered"_s});
    const QString pp = u"incoming.passthrough"_s;
    if (const auto p = r.object(*o, path, u"passthrough"_s)) {
        r.checkKeys(*p, pp,
                    {u"domains"_s, u"copy_to_sender_sent_items"_s, u"create_mailbox_if_necessary"_s,
                     u"copy_local_domains_to_outbox"_s, u"copy_without_received_to_outbox"_s});
        auto &pt = s.passthrough;
        const QJsonValue domains = p->value(u"domains"_s);
        if (domains.isUndefined() || domains.toString() == u"all"_s) {
            pt.allDomains = true;
        } else if (domains.isArray()) {
            pt.allDomains = false;
            const QStringList list = r.strings(*p, pp, u"domains"_s, {});
            for (qsizetype i = 0; i < list.size(); ++i) {
                const QString d = asciiDomain(list.at(i));
                if (!s.isLocalDomain(d))
                    r.error(pp + u".domains[%1]"_s.arg(i),
                            //: Keep server.domain and server.local_domains as they are: they
                            //: name keys in the configuration file.
                            Messages::tr("\"%1\" is not a local domain (server.domain or "
                                         "server.local_domains)")
                                .arg(d));
                else
                    pt.domains.append(d);
            }
        } else {
            r.error(pp + u".domains"_s,
                    //: Keep "all" as it is: it is the value written in the configuration file.
                    Messages::tr("must be \"all\" or a list of local domains"));
        }
        pt.copyToSenderSentItems =
            r.boolean(*p, pp, u"copy_to_sender_sent_items"_s, pt.copyToSenderSentItems);
        pt.createMailboxIfNecessary =
            r.boolean(*p, pp, u"create_mailbox_if_necessary"_s, pt.createMailboxIfNecessary);
        pt.copyLocalDomainsToOutbox =
            r.boolean(*p, pp, u"copy_local_domains_to_outbox"_s, pt.copyLocalDomainsToOutbox);
        pt.copyWithoutReceivedToOutbox =
            r.boolean(*p, pp, u"copy_without_received_to_outbox"_s, pt.copyWithoutReceivedToOutbox);
    }
    if (const auto u = r.object(*o, path, u"undelivered"_s)) {
        const QString up = u"incoming.undelivered"_s;
        r.checkKeys(*u, up, {u"action"_s, u"forward_mailbox"_s});
        s.undelivered.action =
            r.choice(*u, up, u"action"_s, UndeliveredAction::ReturnToSender, kActions);
        s.undelivered.forwardMailbox =
            mailboxName(r.string(*u, up, u"forward_mailbox"_s, s.undelivered.forwardMailbox));
        if (!isValidMailboxName(s.undelivered.forwardMailbox))
            r.error(up + u".forward_mailbox"_s,
                    Messages::tr("must be a mailbox name (letters, digits, . _ + -)"));
    }
}

void readOutgoing(Reader &r, const QJsonObject &root, Settings &s)
{
    const QString path = u"outgoing"_s;
    const auto o = r.object(root, QString(), path);
    if (!o)
        return;
    r.checkKeys(*o, path, {u"dns_server"_s, u"smarthost"_s, u"static_routes"_s, u"retry"_s});
    auto &out = s.outgoing;
    out.dnsServer = r.string(*o, path, u"dns_server"_s, {});
    if (!out.dnsServer.isEmpty() && QHostAddress(out.dnsServer).isNull())
        r.error(u"outgoing.dns_server"_s, Messages::tr("must be empty or an IP address"));
    if (const auto sh = r.object(*o, path, u"smarthost"_s)) {
        const QString sp = u"outgoing.smarthost"_s;
        r.checkKeys(*sh, sp, {u"host"_s, u"port"_s, u"username"_s, u"tls"_s});
        out.smarthost.host = r.string(*sh, sp, u"host"_s, {});
        if (!out.smarthost.host.isEmpty() && !isValidRouteHost(out.smarthost.host))
            r.error(sp + u".host"_s, Messages::tr("must be a host name or an IP address"));
        out.smarthost.port = quint16(r.integer(*sh, sp, u"port"_s, 25, 1, 65535));
        out.smarthost.username = r.string(*sh, sp, u"username"_s, {});
        out.smarthost.tls = r.choice(*sh, sp, u"tls"_s, TlsMode::Opportunistic, kTlsModes);
    }
    if (const auto routes = r.array(*o, path, u"static_routes"_s)) {
        for (qsizetype i = 0; i < routes->size(); ++i) {
            const QString rp = u"outgoing.static_routes[%1]"_s.arg(i);
            if (!routes->at(i).isObject()) {
                r.error(rp, Messages::tr("must be an object"));
                continue;
            }
            const QJsonObject ro = routes->at(i).toObject();
            r.checkKeys(ro, rp, {u"domains"_s, u"host"_s, u"port"_s, u"username"_s, u"tls"_s});
            StaticRoute route;
            const QStringList domains = r.strings(ro, rp, u"domains"_s, {});
            if (domains.isEmpty())
                r.error(rp + u".domains"_s,
                        Messages::tr("must list at least one domain, *.domain or *"));
            for (qsizetype j = 0; j < domains.size(); ++j) {
                const QString given = domains.at(j);
                const QString d = given.startsWith(u"*."_s) ? u"*."_s + asciiDomain(given.mid(2))
                                                            : asciiDomain(given);
                const bool ok = d == u"*"_s || (d.startsWith(u"*."_s) && isValidDomain(d.mid(2))) ||
                                isValidDomain(d);
                if (!ok)
                    r.error(rp + u".domains[%1]"_s.arg(j),
                            Messages::tr("\"%1\" must be a domain, *.domain or *").arg(given));
                route.domains.append(d);
            }
            route.host = r.string(ro, rp, u"host"_s, {});
            if (!isValidRouteHost(route.host))
                r.error(rp + u".host"_s, Messages::tr("must be a host name or an IP address"));
            route.port = quint16(r.integer(ro, rp, u"port"_s, 25, 1, 65535));
            route.username = r.string(ro, rp, u"username"_s, {});
            route.tls = r.choice(ro, rp, u"tls"_s, TlsMode::Opportunistic, kTlsModes);
            out.staticRoutes.append(route);
        }
    }
    if (const auto retry = r.object(*o, path, u"retry"_s)) {
        const QString rp = u"outgoing.retry"_s;
        r.checkKeys(*retry, rp,
                    {u"schedule_minutes"_s, u"warn_after_hours"_s, u"give_up_after_hours"_s});
        if (const auto schedule = r.array(*retry, rp, u"schedule_minutes"_s)) {
            out.retry.scheduleMinutes.clear();
            for (qsizetype i = 0; i < schedule->size(); ++i)
                out.retry.scheduleMinutes.append(int(r.integerValue(
                    schedule->at(i), rp + u".schedule_minutes[%1]"_s.arg(i), 1, 1, 100000)));
            if (out.retry.scheduleMinutes.isEmpty())
                r.error(rp + u".schedule_minutes"_s,
                        Messages::tr("must list at least one interval"));
        }
        out.retry.warnAfterHours =
            int(r.integer(*retry, rp, u"warn_after_hours"_s, out.retry.warnAfterHours, 0, 8760));
        out.retry.giveUpAfterHours = int(
            r.integer(*retry, rp, u"give_up_after_hours"_s, out.retry.giveUpAfterHours, 1, 8760));
        if (out.retry.warnAfterHours >= out.retry.giveUpAfterHours)
            r.error(rp + u".warn_after_hours"_s,
                    //: Keep give_up_after_hours as it is: it names a key in the configuration
                    //: file.
                    Messages::tr("must be less than give_up_after_hours"));
    }
}

const EnumNames<ArchiveDestination> kDestinations{{u"store"_s, ArchiveDestination::Store},
                                                  {u"folder"_s, ArchiveDestination::Folder},
                                                  {u"delete"_s, ArchiveDestination::Delete}};
const EnumNames<ExpiryAction> kExpiryActions{{u"delete"_s, ExpiryAction::Delete},
                                             {u"export"_s, ExpiryAction::Export}};
const EnumNames<ArchiveMode> kArchiveModes{{u"default"_s, ArchiveMode::Default},
                                           {u"none"_s, ArchiveMode::None},
                                           {u"custom"_s, ArchiveMode::Custom}};

constexpr qint64 kMaxDurationHours = 1000LL * 8760; // a thousand years

// A duration: "0", "12h", "30d", "2w", "7y" (365 days), or a number of days.
qint64 duration(Reader &r, const QJsonObject &o, const QString &path, const QString &key,
                qint64 fallback)
{
    const QJsonValue v = o.value(key);
    if (v.isUndefined())
        return fallback;
    if (v.isDouble())
        return r.integerValue(v, Reader::join(path, key), fallback, 0, kMaxDurationHours / 24) * 24;
    const auto hours = parseDuration(v.toString());
    if (!v.isString() || !hours || *hours > kMaxDurationHours) {
        r.error(Reader::join(path, key),
                //: Keep 0, 12h, 30d, 2w and 7y as they are: they are written in the file.
                Messages::tr("must be a duration such as 12h, 30d, 2w or 7y (0 = never)"));
        return fallback;
    }
    return *hours;
}

void readPolicy(Reader &r, const QJsonObject &t, const QString &tp, ArchivePolicy &p,
                QStringList *warnings)
{
    // keep_live_days and archive_expiry_days were recorded before the archive acted on them;
    // a file that still has them is read, and they are ignored (archive_after, expire_after).
    r.checkKeys(t, tp,
                {u"archive_after"_s, u"archive_to"_s, u"expire_after"_s, u"on_expiry"_s,
                 u"max_size_mb"_s, u"size_warning_percent"_s, u"keep_live_days"_s,
                 u"archive_expiry_days"_s});
    for (const QString &old : {u"keep_live_days"_s, u"archive_expiry_days"_s}) {
        if (t.contains(old) && warnings)
            warnings->append(tp + u'.' + old + u": "_s +
                             //: Keep archive_after and expire_after as they are: keys of the file.
                             Messages::tr("superseded by archive_after and expire_after; ignored"));
    }
    p.archiveAfterHours = duration(r, t, tp, u"archive_after"_s, p.archiveAfterHours);
    p.destination = r.choice(t, tp, u"archive_to"_s, p.destination, kDestinations);
    p.expireAfterHours = duration(r, t, tp, u"expire_after"_s, p.expireAfterHours);
    p.onExpiry = r.choice(t, tp, u"on_expiry"_s, p.onExpiry, kExpiryActions);
    p.maxSizeMb = int(r.integer(t, tp, u"max_size_mb"_s, p.maxSizeMb, 0, 10000000));
    p.warnPercent = int(r.integer(t, tp, u"size_warning_percent"_s, p.warnPercent, 1, 100));
    if (p.expireAfterHours > 0 && p.archiveAfterHours > p.expireAfterHours)
        r.error(tp + u".expire_after"_s,
                //: Keep archive_after as it is: it names a key in the configuration file.
                Messages::tr("must be 0 or at least archive_after"));
}

void readMailboxes(Reader &r, const QJsonObject &root, Settings &s, QStringList *warnings)
{
    const QString path = u"mailboxes"_s;
    const auto o = r.object(root, QString(), path);
    if (!o)
        return;
    r.checkKeys(*o, path, {u"template"_s, u"archive"_s, u"users"_s, u"postmaster"_s});
    if (const auto t = r.object(*o, path, u"template"_s))
        readPolicy(r, *t, u"mailboxes.template"_s, s.mailboxes.mailboxTemplate, warnings);
    if (const auto a = r.object(*o, path, u"archive"_s)) {
        const QString ap = u"mailboxes.archive"_s;
        r.checkKeys(*a, ap,
                    {u"run_every_minutes"_s, u"verify_every_hours"_s, u"digest_every_hours"_s,
                     u"export_dir"_s});
        auto &sch = s.mailboxes.archive;
        sch.runEveryMinutes =
            int(r.integer(*a, ap, u"run_every_minutes"_s, sch.runEveryMinutes, 0, 10080));
        sch.verifyEveryHours =
            int(r.integer(*a, ap, u"verify_every_hours"_s, sch.verifyEveryHours, 0, 8760));
        sch.digestEveryHours =
            int(r.integer(*a, ap, u"digest_every_hours"_s, sch.digestEveryHours, 0, 8760));
        sch.exportDir = r.string(*a, ap, u"export_dir"_s, {});
    }
    if (const auto users = r.array(*o, path, u"users"_s)) {
        QStringList seen;
        for (qsizetype i = 0; i < users->size(); ++i) {
            const QString up = u"mailboxes.users[%1]"_s.arg(i);
            if (!users->at(i).isObject()) {
                r.error(up, Messages::tr("must be an object"));
                continue;
            }
            const QJsonObject uo = users->at(i).toObject();
            r.checkKeys(uo, up, {u"name"_s, u"password"_s});
            User user;
            user.name = canonicalUserName(r.string(uo, up, u"name"_s, {}));
            const qsizetype at = user.name.lastIndexOf(u'@');
            const QString local = at < 0 ? user.name : user.name.left(at);
            const QString domain = at < 0 ? s.server.domain : user.name.mid(at + 1);
            if (!isValidMailboxName(local))
                r.error(up + u".name"_s,
                        Messages::tr("must be a user name (letters, digits, . _ + -)"));
            else if (!s.isLocalDomain(domain))
                r.error(up + u".name"_s, Messages::tr("\"%1\" is not a local domain").arg(domain));
            const QString full = local + u'@' + domain;
            if (seen.contains(full))
                r.error(up + u".name"_s, Messages::tr("\"%1\" is listed twice").arg(user.name));
            seen.append(full);
            user.password = r.string(uo, up, u"password"_s, {});
            if (!user.password.isEmpty() && !passwords::isWellFormed(user.password))
                r.error(up + u".password"_s,
                        //: Keep the command "tandemd user passwd" and pbkdf2-sha256$... as
                        //: they are.
                        Messages::tr("must be a hash made by \"tandemd user passwd\" "
                                     "(pbkdf2-sha256$...)"));
            s.mailboxes.users.append(user);
        }
    }
    const QString postmaster = r.string(*o, path, u"postmaster"_s, {});
    if (!postmaster.isEmpty()) {
        s.mailboxes.postmaster = canonicalUserName(postmaster);
        const QString wanted = s.userAddress(s.mailboxes.postmaster);
        const bool isUser =
            std::any_of(s.mailboxes.users.cbegin(), s.mailboxes.users.cend(),
                        [&](const User &u) { return s.userAddress(u.name) == wanted; });
        if (!isUser)
            r.error(u"mailboxes.postmaster"_s,
                    //: Keep mailboxes.users as it is: it names a key in the configuration file.
                    Messages::tr("\"%1\" is not a user (mailboxes.users)").arg(postmaster));
    }
}

// A configuration that relays for the whole Internet is refused, whatever else it says. No
// LAN is larger than an IPv4 /8 or an IPv6 /16: a wider relay network (0.0.0.0/0, or
// 0.0.0.0/1 with 128.0.0.0/1) on a listener without authentication is an open relay.
void checkOpenRelay(Reader &r, const Settings &s)
{
    for (qsizetype n = 0; n < s.smtp.relayNetworks.size(); ++n) {
        const Subnet &net = s.smtp.relayNetworks.at(n);
        const bool v4 = net.address.protocol() == QAbstractSocket::IPv4Protocol;
        if (net.prefix >= (v4 ? 8 : 16))
            continue;
        for (qsizetype i = 0; i < s.smtp.listeners.size(); ++i) {
            if (!s.smtp.listeners.at(i).requireAuth) {
                r.error(u"smtp.relay_networks[%1]"_s.arg(n),
                        //: Keep smtp.listeners[%3] exactly as it is: the SMTP service dialog
                        //: finds it and puts in its place "this SMTP service" or "the SMTP
                        //: service on 192.168.1.5 port 25", as translated in that dialog. Word
                        //: the sentence so that such a phrase fits there unchanged.
                        Messages::tr("\"%1\" is wider than any LAN (/%2 at most) and would let "
                                     "anyone relay through smtp.listeners[%3], which does not "
                                     "require authentication")
                            .arg(net.text)
                            .arg(v4 ? 8 : 16)
                            .arg(i));
                return;
            }
        }
    }
}

// What a listener needs TLS for: smtps speaks nothing else, and AUTH is offered only under TLS
// unless allow_plaintext_auth, so a listener requiring it without either takes no mail at all.
// An smtps listener without TLS is reported once, at its mode.
void checkTls(Reader &r, const Settings &s)
{
    const bool tls = !s.smtp.tlsCertificate.isEmpty();
    for (qsizetype i = 0; i < s.smtp.listeners.size(); ++i) {
        const Listener &l = s.smtp.listeners.at(i);
        if (l.mode == ListenerMode::Smtps && !tls)
            r.error(u"smtp.listeners[%1].mode"_s.arg(i),
                    //: Keep "smtps", smtp.tls.certificate and smtp.tls.key as they are: they
                    //: are a value and keys in the configuration file.
                    Messages::tr("\"smtps\" needs smtp.tls.certificate and smtp.tls.key"));
        else if (l.requireAuth && !tls && !s.smtp.allowPlaintextAuth)
            r.error(u"smtp.listeners[%1].require_auth"_s.arg(i),
                    //: Keep AUTH, smtp.tls and smtp.allow_plaintext_auth as they are: they are
                    //: the SMTP command and keys in the configuration file.
                    Messages::tr("nobody could log in: AUTH is offered only under TLS, and "
                                 "there is none; configure smtp.tls, or set "
                                 "smtp.allow_plaintext_auth"));
    }
}

} // namespace

QString toString(Role role)
{
    return enumName(kRoles, role);
}
QString toString(ListenerMode mode)
{
    return enumName(kModes, mode);
}
QString toString(TlsMode mode)
{
    return enumName(kTlsModes, mode);
}
QString toString(UndeliveredAction action)
{
    return enumName(kActions, action);
}

QString toString(ArchiveDestination destination)
{
    return enumName(kDestinations, destination);
}

QString toString(ExpiryAction action)
{
    return enumName(kExpiryActions, action);
}

QString toString(ArchiveMode mode)
{
    return enumName(kArchiveModes, mode);
}

std::optional<qint64> parseDuration(const QString &text)
{
    static const QRegularExpression form(u"^\\s*(\\d{1,9})\\s*([hdwy]?)\\s*$"_s);
    const auto m = form.match(text);
    if (!m.hasMatch())
        return std::nullopt;
    const qint64 n = m.captured(1).toLongLong();
    const QString unit = m.captured(2);
    if (n != 0 && unit.isEmpty())
        return std::nullopt; // "30" alone: days or hours? Say it.
    const qint64 per = unit == u"h"_s ? 1 : unit == u"w"_s ? 168 : unit == u"y"_s ? 8760 : 24;
    return n * per;
}

QString formatDuration(qint64 hours)
{
    if (hours <= 0)
        return u"0"_s;
    if (hours % 8760 == 0)
        return QString::number(hours / 8760) + u'y';
    if (hours % 168 == 0)
        return QString::number(hours / 168) + u'w';
    if (hours % 24 == 0)
        return QString::number(hours / 24) + u'd';
    return QString::number(hours) + u'h';
}

ArchivePolicy effectivePolicy(const MailboxArchiveSettings &own, const ArchivePolicy &tmpl)
{
    switch (own.mode) {
    case ArchiveMode::Default:
        return tmpl;
    case ArchiveMode::Custom:
        return own.custom;
    case ArchiveMode::None:
        break;
    }
    ArchivePolicy none = tmpl;
    none.archiveAfterHours = 0;
    none.expireAfterHours = 0;
    return none;
}

QJsonObject toJson(const ArchivePolicy &p)
{
    return QJsonObject{{u"archive_after"_s, formatDuration(p.archiveAfterHours)},
                       {u"archive_to"_s, toString(p.destination)},
                       {u"expire_after"_s, formatDuration(p.expireAfterHours)},
                       {u"on_expiry"_s, toString(p.onExpiry)},
                       {u"max_size_mb"_s, p.maxSizeMb},
                       {u"size_warning_percent"_s, p.warnPercent}};
}

QJsonObject toJson(const MailboxArchiveSettings &m)
{
    QJsonObject o{{u"archive_mode"_s, toString(m.mode)}};
    if (m.mode == ArchiveMode::Custom)
        o.insert(u"archive"_s, toJson(m.custom));
    return o;
}

MailboxArchiveSettings mailboxArchiveFromJson(const QJsonObject &o, const QString &path,
                                              QStringList *errors)
{
    // Files written before the archive acted (keep_live_days, ... recorded from the template)
    // follow the default settings; other keys (created, ...) are the file's own business.
    Reader r(errors);
    MailboxArchiveSettings m;
    m.mode = r.choice(o, path, u"archive_mode"_s, ArchiveMode::Default, kArchiveModes);
    if (const auto a = r.object(o, path, u"archive"_s))
        readPolicy(r, *a, path + u".archive"_s, m.custom, nullptr);
    return m;
}

bool loadSecrets(const QString &path, QHash<QString, QString> *passwords, QString *tlsKeyPassphrase,
                 QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = u"server.secrets_file: "_s +
                 Messages::tr("cannot read %1: %2").arg(path, file.errorString());
        return false;
    }
    const QFileDevice::Permissions open = QFileDevice::ReadGroup | QFileDevice::WriteGroup |
                                          QFileDevice::ExeGroup | QFileDevice::ReadOther |
                                          QFileDevice::WriteOther | QFileDevice::ExeOther;
    // Another user's file is not the daemon's secret, whatever its mode says: that user may
    // read and change it.
    const QFileInfo info(path);
    const uint uid = ::geteuid();
    if (info.ownerId() != uid) {
        const passwd *runAs = ::getpwuid(uid);
        const QString runAsName =
            runAs ? QString::fromLocal8Bit(runAs->pw_name) : QString::number(uid);
        const QString owner =
            info.owner().isEmpty() ? QString::number(info.ownerId()) : info.owner();
        *error = u"server.secrets_file: "_s +
                 //: %1 is a file, %2 and %3 user names.
                 Messages::tr("%1 belongs to user %2, not to %3, the user tandemd runs as")
                     .arg(path, owner, runAsName);
        return false;
    }
    if (file.permissions() & open) {
        *error = u"server.secrets_file: "_s +
                 //: %1 is a file. Keep "chmod 600" as it is: it is the command that fixes this.
                 Messages::tr("%1 may be read by others; chmod 600 it").arg(path);
        return false;
    }
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll());
    const QJsonObject root = doc.object();
    const QJsonValue list = root.value(u"passwords"_s);
    const QJsonValue passphrase = root.value(u"tls_key_passphrase"_s);
    if (!doc.isObject() || (list.isUndefined() && passphrase.isUndefined())) {
        *error = u"server.secrets_file: "_s +
                 //: %1 is a file. Keep the JSON ({"passwords": ..., "tls_key_passphrase": ...})
                 //: exactly as it is: they are the keys the file must hold.
                 Messages::tr("%1 must be {\"passwords\": {\"[host]:port\": \"...\"}, "
                              "\"tls_key_passphrase\": \"...\"} (either key may be left out, "
                              "not both)")
                     .arg(path);
        return false;
    }
    const QJsonObject o = list.toObject();
    bool stringsOnly = true;
    for (auto it = o.begin(); it != o.end(); ++it)
        stringsOnly = stringsOnly && it.value().isString();
    if (!list.isUndefined() && (!list.isObject() || !stringsOnly)) {
        *error = u"server.secrets_file: "_s +
                 //: %1 is a file. Keep the JSON ({"passwords": ...}) exactly as it is.
                 Messages::tr("%1 must be {\"passwords\": {\"[host]:port\": \"...\"}}").arg(path);
        return false;
    }
    if (!passphrase.isUndefined() && !passphrase.isString()) {
        *error = u"server.secrets_file: "_s +
                 //: %1 is a file. Keep "tls_key_passphrase" as it is: it is a key of the file.
                 Messages::tr("%1: tls_key_passphrase must be a string").arg(path);
        return false;
    }
    for (auto it = o.begin(); it != o.end(); ++it)
        passwords->insert(it.key(), it.value().toString());
    if (passphrase.isString())
        *tlsKeyPassphrase = passphrase.toString();
    return true;
}

bool isValidDomain(const QString &domain)
{
    static const QRegularExpression label(u"^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$"_s,
                                          QRegularExpression::CaseInsensitiveOption);
    if (domain.isEmpty() || domain.size() > 253)
        return false;
    const QStringList labels = domain.split(u'.');
    for (const QString &l : labels) {
        if (!label.match(l).hasMatch())
            return false;
    }
    return true;
}

QString asciiDomain(const QString &domain)
{
    bool ascii = true;
    for (const QChar ch : domain)
        ascii = ascii && ch.unicode() < 128;
    if (ascii)
        return domain.toLower();
    // UTS #46 processing (QUrl's): maps case and compatibility forms, then Punycode.
    const QByteArray ace = QUrl::toAce(domain);
    return ace.isEmpty() ? QString() : QString::fromLatin1(ace).toLower();
}

QString mailboxName(const QString &localPart)
{
    return localPart.normalized(QString::NormalizationForm_C).toLower();
}

QString canonicalUserName(const QString &name)
{
    const qsizetype at = name.lastIndexOf(u'@');
    if (at < 0)
        return mailboxName(name);
    return mailboxName(name.left(at)) + u'@' + asciiDomain(name.mid(at + 1));
}

bool isValidMailboxName(const QString &localPart)
{
    // Mailbox names become folder names: no path separators, no leading dot, no specials, no
    // spaces, controls or invisible formatting characters (RFC 6531 local parts may hold any
    // of them; only letters of any script, combining marks and digits are let through).
    // Nor a leading "-" (an option to every tool an administrator points at it), nor a name a
    // Maildir or Dovecot or Tandem itself gives to a file or folder of its own.
    static const QRegularExpression name(
        u"^[\\p{Ll}\\p{Lm}\\p{Lo}\\p{Nd}_+][\\p{Ll}\\p{Lm}\\p{Lo}\\p{M}\\p{Nd}._+-]*$"_s,
        QRegularExpression::UseUnicodePropertiesOption);
    if (localPart.toUtf8().size() > 64 || mailboxName(localPart) != localPart)
        return false;
    static const QStringList reserved{u"new"_s,
                                      u"cur"_s,
                                      u"tmp"_s,
                                      u"subscriptions"_s,
                                      u"maildirfolder"_s,
                                      u"tandem-mailbox.json"_s,
                                      u"dovecot.index"_s,
                                      u"dovecot-uidlist"_s,
                                      u"dovecot-keywords"_s};
    return name.match(localPart).hasMatch() && !localPart.contains(u".."_s) &&
           !reserved.contains(localPart) && !localPart.startsWith(u"dovecot"_s);
}

qint64 Settings::freeSpaceReserve() const
{
    const qint64 mib = 1024 * 1024;
    if (server.minFreeSpaceMb > 0)
        return server.minFreeSpaceMb * mib;
    return std::max<qint64>(100 * mib, 2 * smtp.maxMessageBytes);
}

bool Settings::isLocalDomain(const QString &domain) const
{
    const QString d = asciiDomain(domain);
    return d == server.domain || server.localDomains.contains(d);
}

bool Settings::passthroughCovers(const QString &domain) const
{
    return isLocalDomain(domain) &&
           (passthrough.allDomains || passthrough.domains.contains(asciiDomain(domain)));
}

QStringList Settings::allLocalDomains() const
{
    return QStringList{server.domain} + server.localDomains;
}

QString Settings::resolvePath(const QString &path) const
{
    if (path.isEmpty() || QDir::isAbsolutePath(path))
        return path;
    return QDir::cleanPath(QDir(baseDir).absoluteFilePath(path));
}

QString Settings::userAddress(const QString &userName) const
{
    return userName.contains(u'@') ? userName : userName + u'@' + server.domain;
}

bool Settings::isRelayClient(const QHostAddress &address) const
{
    QHostAddress a = address;
    bool ok = false;
    const quint32 v4 = a.toIPv4Address(&ok); // IPv4-mapped IPv6 counts as IPv4
    if (ok)
        a = QHostAddress(v4);
    for (const Subnet &net : smtp.relayNetworks) {
        if (a.isInSubnet(net.address, net.prefix))
            return true;
    }
    return false;
}

LoadResult parse(const QByteArray &json, const QString &baseDir)
{
    LoadResult result;
    result.settings.baseDir = baseDir;
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        const int line = int(json.left(parseError.offset).count('\n')) + 1;
        result.errors.append(u"(file): "_s +
                             Messages::tr("not valid JSON at line %1: %2")
                                 .arg(QString::number(line), parseError.errorString()));
        return result;
    }
    if (!doc.isObject()) {
        result.errors.append(u"(file): "_s + Messages::tr("must be a JSON object"));
        return result;
    }
    const QJsonObject root = doc.object();
    Reader r(&result.errors);
    r.checkKeys(root, QString(),
                {u"server"_s, u"smtp"_s, u"incoming"_s, u"outgoing"_s, u"mailboxes"_s});
    Settings &s = result.settings;
    readServer(r, root, s);
    readSmtp(r, root, s);
    readIncoming(r, root, s);
    readOutgoing(r, root, s);
    readMailboxes(r, root, s, &result.warnings);
    checkOpenRelay(r, s);
    checkTls(r, s);
    checkFreeSpace(r, s);
    return result;
}

LoadResult loadFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        LoadResult result;
        result.errors.append(u"(file): "_s +
                             Messages::tr("cannot read %1: %2").arg(path, file.errorString()));
        return result;
    }
    return parse(file.readAll(), QFileInfo(path).absolutePath());
}

QJsonObject toJson(const Settings &s)
{
    QJsonObject server{{u"role"_s, toString(s.server.role)},
                       {u"domain"_s, s.server.domain},
                       {u"local_domains"_s, QJsonArray::fromStringList(s.server.localDomains)},
                       {u"hostname"_s, s.server.hostname},
                       {u"data_dir"_s, s.server.dataDir},
                       {u"max_hops"_s, s.server.maxHops}};
    if (!s.server.secretsFile.isEmpty())
        server.insert(u"secrets_file"_s, s.server.secretsFile);
    if (s.server.minFreeSpaceMb > 0)
        server.insert(u"min_free_space_mb"_s, s.server.minFreeSpaceMb);
    if (s.server.logMaxSizeKb != ServerSettings::kDefaultLogMaxSizeKb)
        server.insert(u"log_max_size_kb"_s, s.server.logMaxSizeKb);
    if (s.server.logFiles != ServerSettings::kDefaultLogFiles)
        server.insert(u"log_files"_s, s.server.logFiles);
    QJsonArray listeners;
    for (const Listener &l : s.smtp.listeners) {
        QJsonObject lo{
            {u"address"_s, l.address}, {u"port"_s, l.port}, {u"mode"_s, toString(l.mode)}};
        if (l.rejectNonLocalSendersClaimingLocal)
            lo.insert(u"reject_nonlocal_senders_claiming_local"_s, true);
        if (l.requireAuth)
            lo.insert(u"require_auth"_s, true);
        if (!l.restrictSenderToUser)
            lo.insert(u"restrict_sender_to_user"_s, false);
        if (l.trustedClientsOnly != (s.server.role == Role::Archive)) // not the role's default
            lo.insert(u"trusted_clients_only"_s, l.trustedClientsOnly);
        listeners.append(lo);
    }
    QStringList nets;
    for (const Subnet &n : s.smtp.relayNetworks)
        nets.append(n.text);
    QJsonObject smtp{{u"listeners"_s, listeners},
                     {u"relay_networks"_s, QJsonArray::fromStringList(nets)},
                     {u"allow_plaintext_auth"_s, s.smtp.allowPlaintextAuth},
                     {u"max_message_bytes"_s, s.smtp.maxMessageBytes},
                     {u"max_recipients"_s, s.smtp.maxRecipients},
                     {u"max_connections"_s, s.smtp.maxConnections},
                     {u"max_connections_per_ip"_s, s.smtp.maxConnectionsPerIp},
                     {u"command_timeout_seconds"_s, s.smtp.commandTimeoutSeconds},
                     {u"auth_failure_limit"_s, s.smtp.authFailureLimit},
                     {u"error_limit"_s, s.smtp.errorLimit},
                     {u"max_new_mailboxes_per_hour"_s, s.smtp.maxNewMailboxesPerHour}};
    if (!s.smtp.tlsCertificate.isEmpty())
        smtp.insert(u"tls"_s, QJsonObject{{u"certificate"_s, s.smtp.tlsCertificate},
                                          {u"key"_s, s.smtp.tlsKey}});
    const auto &pt = s.passthrough;
    QJsonObject passthrough{
        {u"domains"_s,
         pt.allDomains ? QJsonValue(u"all"_s) : QJsonValue(QJsonArray::fromStringList(pt.domains))},
        {u"copy_to_sender_sent_items"_s, pt.copyToSenderSentItems},
        {u"create_mailbox_if_necessary"_s, pt.createMailboxIfNecessary},
        {u"copy_local_domains_to_outbox"_s, pt.copyLocalDomainsToOutbox},
        {u"copy_without_received_to_outbox"_s, pt.copyWithoutReceivedToOutbox}};
    QJsonObject incoming{
        {u"passthrough"_s, passthrough},
        {u"undelivered"_s, QJsonObject{{u"action"_s, toString(s.undelivered.action)},
                                       {u"forward_mailbox"_s, s.undelivered.forwardMailbox}}}};
    QJsonArray routes;
    for (const StaticRoute &route : s.outgoing.staticRoutes) {
        QJsonObject ro{{u"domains"_s, QJsonArray::fromStringList(route.domains)},
                       {u"host"_s, route.host},
                       {u"port"_s, route.port}};
        if (!route.username.isEmpty())
            ro.insert(u"username"_s, route.username);
        if (route.tls != TlsMode::Opportunistic)
            ro.insert(u"tls"_s, toString(route.tls));
        routes.append(ro);
    }
    QJsonArray schedule;
    for (int m : s.outgoing.retry.scheduleMinutes)
        schedule.append(m);
    QJsonObject outgoing{
        {u"dns_server"_s, s.outgoing.dnsServer},
        {u"smarthost"_s, QJsonObject{{u"host"_s, s.outgoing.smarthost.host},
                                     {u"port"_s, s.outgoing.smarthost.port},
                                     {u"username"_s, s.outgoing.smarthost.username},
                                     {u"tls"_s, toString(s.outgoing.smarthost.tls)}}},
        {u"static_routes"_s, routes},
        {u"retry"_s, QJsonObject{{u"schedule_minutes"_s, schedule},
                                 {u"warn_after_hours"_s, s.outgoing.retry.warnAfterHours},
                                 {u"give_up_after_hours"_s, s.outgoing.retry.giveUpAfterHours}}}};
    QJsonArray users;
    for (const User &u : s.mailboxes.users) {
        QJsonObject uo{{u"name"_s, u.name}};
        if (!u.password.isEmpty())
            uo.insert(u"password"_s, u.password);
        users.append(uo);
    }
    const ArchiveSchedule &a = s.mailboxes.archive;
    QJsonObject archive{{u"run_every_minutes"_s, a.runEveryMinutes},
                        {u"verify_every_hours"_s, a.verifyEveryHours},
                        {u"digest_every_hours"_s, a.digestEveryHours}};
    if (!a.exportDir.isEmpty())
        archive.insert(u"export_dir"_s, a.exportDir);
    QJsonObject mailboxes{{u"template"_s, toJson(s.mailboxes.mailboxTemplate)},
                          {u"archive"_s, archive},
                          {u"users"_s, users}};
    if (!s.mailboxes.postmaster.isEmpty())
        mailboxes.insert(u"postmaster"_s, s.mailboxes.postmaster);
    return QJsonObject{{u"server"_s, server},
                       {u"smtp"_s, smtp},
                       {u"incoming"_s, incoming},
                       {u"outgoing"_s, outgoing},
                       {u"mailboxes"_s, mailboxes}};
}

bool saveJson(const QJsonObject &object, const QString &path, QString *error)
{
    // The file holds the users' password hashes: only its owner may read it (0600), unless its
    // administrator made it 0640 for a service group, which it stays. It keeps its owner and
    // group where we may give them (root running "tandemd user add" for the daemon's user).
    const QFileDevice::Permissions owner = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
    const QFileDevice::Permissions forGroup = owner | QFileDevice::ReadGroup;
    const QFileInfo existing(path);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = file.errorString();
        return false;
    }
    bool keepGroup = false;
    if (existing.exists()) {
        const bool sameOwners =
            ::fchown(file.handle(), existing.ownerId(), existing.groupId()) == 0;
        // In another group, 0640 would let strangers read it.
        keepGroup = sameOwners && (existing.permissions() & kModeBits) == forGroup;
    }
    if (!file.setPermissions(keepGroup ? forGroup : owner)) {
        *error = file.errorString();
        return false;
    }
    file.write(QJsonDocument(object).toJson(QJsonDocument::Indented));
    if (!file.commit()) {
        *error = file.errorString();
        return false;
    }
    // The rename is durable only once the folder is.
    return fsutil::fsyncDirectory(QFileInfo(path).absolutePath(), error);
}

Settings defaultSettings()
{
    // A Mailbox-role starting point on non-privileged loopback ports: it runs as it is, and
    // passes its Outbox copies to an Archive expected on 127.0.0.1:3525.
    Settings s;
    s.server.role = Role::Mailbox;
    s.server.domain = u"example.com"_s;
    s.server.hostname = u"mailbox.example.com"_s;
    s.smtp.listeners = {Listener{u"127.0.0.1"_s, 2525, ListenerMode::Smtp, true, false}};
    s.smtp.relayNetworks = {Subnet{QHostAddress(u"127.0.0.1"_s), 32, u"127.0.0.1/32"_s},
                            Subnet{QHostAddress(u"::1"_s), 128, u"::1/128"_s}};
    StaticRoute toArchive;
    toArchive.domains = {u"*"_s};
    toArchive.host = u"127.0.0.1"_s;
    toArchive.port = 3525;
    s.outgoing.staticRoutes = {toArchive};
    s.mailboxes.users = {User{u"postmaster"_s, {}}, User{u"alice"_s, {}}, User{u"bob"_s, {}}};
    return s;
}

QByteArray defaultConfigJson()
{
    return QJsonDocument(toJson(defaultSettings())).toJson(QJsonDocument::Indented);
}

} // namespace tandem::config
