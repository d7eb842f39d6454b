#include "secrets.h"

#include "routing/router.h"

#include <qt6keychain/keychain.h>

#include <memory>

using namespace Qt::StringLiterals;

namespace tandem::ui {

QStringList Secrets::hopsNeedingPasswords(const config::Settings &settings)
{
    QStringList hops;
    const config::SmartHost &sh = settings.outgoing.smarthost;
    if (!sh.host.isEmpty() && !sh.username.isEmpty())
        hops.append(routing::hopFor(sh.host, sh.port));
    for (const config::StaticRoute &r : settings.outgoing.staticRoutes) {
        const QString hop = routing::hopFor(r.host, r.port);
        if (!r.username.isEmpty() && !hops.contains(hop))
            hops.append(hop);
    }
    return hops;
}

void Secrets::load(const QStringList &hops, QObject *context, LoadDone done)
{
    struct State {
        QHash<QString, QString> passwords;
        QStringList errors;
        int outstanding = 0;
    };
    auto state = std::make_shared<State>();
    state->outstanding = int(hops.size());
    if (hops.isEmpty()) {
        QMetaObject::invokeMethod(
            context, [done] { done({}, {}); }, Qt::QueuedConnection);
        return;
    }
    for (const QString &hop : hops) {
        auto *job = new QKeychain::ReadPasswordJob(service(), context);
        job->setKey(keyFor(hop));
        QObject::connect(job, &QKeychain::Job::finished, context,
                         [state, hop, done](QKeychain::Job *j) {
                             auto *read = static_cast<QKeychain::ReadPasswordJob *>(j);
                             if (read->error() == QKeychain::NoError)
                                 state->passwords.insert(hop, read->textData());
                             else if (read->error() != QKeychain::EntryNotFound)
                                 state->errors.append(u"%1: %2"_s.arg(hop, read->errorString()));
                             if (--state->outstanding == 0)
                                 done(state->passwords, state->errors);
                         });
        job->start();
    }
}

void Secrets::store(const QString &hop, const QString &password, QObject *context, StoreDone done)
{
    writeEntry(keyFor(hop), password, context, std::move(done));
}

void Secrets::remove(const QString &hop, QObject *context, StoreDone done)
{
    removeEntry(keyFor(hop), context, std::move(done));
}

void Secrets::loadTlsPassphrase(QObject *context, PassphraseDone done)
{
    auto *job = new QKeychain::ReadPasswordJob(service(), context);
    job->setKey(tlsPassphraseKey());
    QObject::connect(job, &QKeychain::Job::finished, context, [done](QKeychain::Job *j) {
        auto *read = static_cast<QKeychain::ReadPasswordJob *>(j);
        if (read->error() == QKeychain::NoError)
            done(read->textData(), {});
        else if (read->error() == QKeychain::EntryNotFound)
            done({}, {});
        else
            done({}, read->errorString());
    });
    job->start();
}

void Secrets::storeTlsPassphrase(const QString &passphrase, QObject *context, StoreDone done)
{
    if (passphrase.isEmpty())
        removeEntry(tlsPassphraseKey(), context, std::move(done));
    else
        writeEntry(tlsPassphraseKey(), passphrase, context, std::move(done));
}

void Secrets::writeEntry(const QString &key, const QString &secret, QObject *context,
                         StoreDone done)
{
    auto *job = new QKeychain::WritePasswordJob(service(), context);
    job->setKey(key);
    job->setTextData(secret);
    QObject::connect(job, &QKeychain::Job::finished, context, [done](QKeychain::Job *j) {
        done(j->error() == QKeychain::NoError, j->errorString());
    });
    job->start();
}

void Secrets::removeEntry(const QString &key, QObject *context, StoreDone done)
{
    auto *job = new QKeychain::DeletePasswordJob(service(), context);
    job->setKey(key);
    QObject::connect(job, &QKeychain::Job::finished, context, [done](QKeychain::Job *j) {
        done(j->error() == QKeychain::NoError || j->error() == QKeychain::EntryNotFound,
             j->errorString());
    });
    job->start();
}

} // namespace tandem::ui
