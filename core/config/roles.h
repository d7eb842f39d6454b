#pragma once

#include "config/settings.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

// The two roles of PRODUCT.md §1 as presets over Settings: applyRole() sets exactly one column
// of the table, detectRole() recognises a column, describeRole() says what was set.
namespace tandem::config {

struct RoleChoice {
    Role role = Role::Mailbox;
    QString domain;
    QStringList localDomains; // extra local domains
    QString hostname;
    // The other machine: the Archive for a Mailbox (host name or address), the Mailbox for an
    // Archive (an address: it goes into the relay networks as /32 or /128).
    QString partnerHost;
    quint16 partnerPort = 25;
    // Mailbox: the LAN, the relay networks. Archive: networks allowed besides the Mailbox.
    QStringList lanNetworks;
    // The "smtp" listeners receive mail; a Mailbox also needs a "submission" one. applyRole()
    // sets their role options; an Archive keeps only its "smtp" listeners.
    QList<Listener> listeners;
    // Archive: true = MX delivery; false = a static route for the local domains to the Mailbox.
    bool useDns = true;
    QString smarthostHost; // Archive: the ISP's SmartHost for Internet mail; empty = none
    quint16 smarthostPort = 25;
    QString tlsCertificate; // as written in the file; both empty = no certificate
    QString tlsKey;
};

// base with every option of the role's column of PRODUCT.md §1 set; the rest is kept.
Settings applyRole(Settings base, const RoleChoice &choice);

// Where the role wizard starts. From the administrator's own configuration (current), so that
// running it again changes the role and keeps the rest. From none (the first start), or from
// the default configuration untouched (loopback ports, demo users, an Archive expected on
// 3525), a real installation's blank instead: no domain, listeners, routes, relay networks or
// users, so that the wizard proposes ports 25 and 587 and a partner on port 25, and the file
// it writes holds no user the administrator did not add.
Settings wizardStart(const Settings *current, const QString &baseDir);

// Which input of the choice a problem is about, so the wizard can show it on the right page.
enum class RoleField {
    Role,
    Domain,
    LocalDomains,
    Hostname,
    Partner,
    Networks,
    Listeners,
    SmartHost,
    Tls
};

struct RoleProblem {
    RoleField field;
    QString message; // one translated sentence
};

// What is wrong with the choice; empty when applyRole() gives a valid configuration.
QList<RoleProblem> validateRoleChoice(const RoleChoice &choice);

// Mailbox or Archive when every option of that column matches, otherwise nullopt (custom).
// The mailbox template is not looked at: the role only proposes it (an Archive that keeps
// mail live for 60 days is still an Archive).
std::optional<Role> detectRole(const Settings &settings);

// Every option a role sets, as "option: value" lines for people (translated).
QStringList describeRole(const Settings &settings);

// "192.168.1.7" → "192.168.1.7/32", "fd00::7" → "fd00::7/128"; empty for a non-address.
QString hostNetwork(const QString &address);

// The names the console shows, in its language (English where no translator is installed):
// "Mailbox", "SMTP", "Return undelivered mail to sender"...
QString displayName(Role role);
QString displayName(ListenerMode mode);
QString displayName(UndeliveredAction action, const QString &mailbox);

} // namespace tandem::config
