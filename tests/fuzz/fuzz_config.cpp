// The configuration loader (PRODUCT.md §3): any bytes as the JSON file. Whatever loads must
// survive being written back the way the console writes it (toJson) and loaded again, and the
// router must be able to work with it.
#include "config/settings.h"
#include "routing/router.h"

#include <QJsonDocument>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>

using namespace tandem;
using namespace Qt::StringLiterals;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray json(reinterpret_cast<const char *>(data), qsizetype(size));
    const config::LoadResult loaded = config::parse(json, u"/nonexistent/tandem"_s);
    if (!loaded.ok())
        return 0;

    const QByteArray written = QJsonDocument(config::toJson(loaded.settings)).toJson();
    const config::LoadResult again = config::parse(written, u"/nonexistent/tandem"_s);
    if (!again.ok()) {
        std::fprintf(stderr,
                     "fuzz_config: a loaded configuration, written back, does not load:\n"
                     "%s\nerrors: %s\n",
                     written.constData(), again.errors.join(u"; "_s).toUtf8().constData());
        std::abort();
    }

    auto settings = std::make_shared<const config::Settings>(loaded.settings);
    (void)settings->allLocalDomains();
    (void)settings->dataPath();
    (void)settings->resolvePath(settings->smtp.tlsCertificate);
    for (const char *peer : {"127.0.0.1", "192.0.2.7", "::1", "2001:db8::1"})
        (void)settings->isRelayClient(QHostAddress(QString::fromLatin1(peer)));

    const routing::Router router(settings, [](const QString &, const QString &) { return false; });
    const QStringList recipients{u"alice@"_s + settings->server.domain, u"someone@remote.test"_s,
                                 u"postmaster@"_s + settings->server.domain};
    for (const QString &r : recipients) {
        const QString domain = r.section(u'@', 1);
        (void)router.nextHop(domain);
        (void)settings->isLocalDomain(domain);
        (void)settings->passthroughCovers(domain);
    }
    (void)router.plan(u"bob@"_s + settings->server.domain, recipients, routing::MessageFacts{});
    (void)router.plan(QString(), recipients, routing::MessageFacts{3, false});
    return 0;
}
