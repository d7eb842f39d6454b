#pragma once

#include "config/settings.h"

#include <QHash>
#include <QObject>
#include <QString>

#include <functional>

// The console keeps passwords in the desktop keychain (QtKeychain: the Secret Service, e.g.
// gnome-keyring, or KWallet), never in the configuration file. One entry per next hop
// ("[host]:port"), the same key tandemd's secrets file uses, and one for the passphrase of an
// encrypted TLS key (tls_key_passphrase in tandemd's secrets file).
namespace tandem::ui {

class Secrets : public QObject {
    Q_OBJECT
public:
    static QString service() { return QStringLiteral("Tandem"); }
    static QString keyFor(const QString &hop) { return QStringLiteral("smtp:") + hop; }
    // The next hops of the configuration that authenticate (SmartHost, routes with a user).
    static QStringList hopsNeedingPasswords(const config::Settings &settings);

    using LoadDone =
        std::function<void(const QHash<QString, QString> &passwords, const QStringList &errors)>;
    // Reads the passwords of every hop that needs one; done runs on the caller's thread.
    static void load(const QStringList &hops, QObject *context, LoadDone done);
    using StoreDone = std::function<void(bool ok, const QString &error)>;
    static void store(const QString &hop, const QString &password, QObject *context,
                      StoreDone done);
    static void remove(const QString &hop, QObject *context, StoreDone done);

    static QString tlsPassphraseKey() { return QStringLiteral("tls:key-passphrase"); }
    using PassphraseDone = std::function<void(const QString &passphrase, const QString &error)>;
    // An empty passphrase when there is none; error only when the keychain failed.
    static void loadTlsPassphrase(QObject *context, PassphraseDone done);
    // An empty passphrase removes the entry.
    static void storeTlsPassphrase(const QString &passphrase, QObject *context, StoreDone done);

private:
    static void writeEntry(const QString &key, const QString &secret, QObject *context,
                           StoreDone done);
    static void removeEntry(const QString &key, QObject *context, StoreDone done);
};

} // namespace tandem::ui
