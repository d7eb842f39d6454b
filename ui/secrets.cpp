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
    auto *job = new QKeychain::WritePasswordJob(service(), context);
    job->setKey(keyFor(hop));
    job->setTextData(password);
    QObject::connect(job, &QKeychain::Job::finished, context, [done](QKeychain::Job *j) {
        done(j->error() == QKeychain::NoError, j->errorString());
    });
    job->start();
}

void Secrets::remove(const QString &hop, QObject *context, StoreDone done)
{
    auto *job = new QKeychain::DeletePasswordJob(service(), context);
    job->setKey(keyFor(hop));
    QObject::connect(job, &QKeychain::Job::finished, context, [done](QKeychain::Job *j) {
        done(j->error() == QKeychain::NoError || j->error() == QKeychain::EntryNotFound,
             j->errorString());
    });
    job->start();
}

} // namespace tandem::ui
