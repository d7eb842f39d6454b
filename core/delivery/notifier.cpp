#include "notifier.h"

#include "mime7bit.h"

#include "mail/headers.h"
#include "routing/router.h"
#include "spool/spool.h"
#include "util/log.h"

#include <QFile>

using namespace Qt::StringLiterals;

namespace tandem::delivery {

namespace {
constexpr qint64 kMaxReturnedBytes = 10 * 1024 * 1024;
}

Notifier::Notifier(spool::Spool *spool, std::shared_ptr<const routing::Router> router,
                   Enqueue enqueue)
    : m_spool(spool)
    , m_router(std::move(router))
    , m_enqueue(std::move(enqueue))
{}

bool Notifier::send(const ReportInput &input, const QString &messagePath, const QString &fixedId,
                    QString *error)
{
    // Never a notification about a notification.
    if (input.original.sender.isEmpty())
        return true;
    if (input.failures.isEmpty()) {
        log::info(u"dsn"_s, u"no notice: the sender asked for none (NOTIFY)"_s, input.original.id);
        return true;
    }
    if (!fixedId.isEmpty() && m_spool->exists(fixedId))
        return true;
    ReportInput in = input;
    in.hostname = m_router->settings().server.hostname;
    if (!in.now.isValid())
        in.now = QDateTime::currentDateTimeUtc();
    in.originalHeaders = readHeaderSection(messagePath);
    // RET=FULL asks for the whole message back, within reason.
    if (in.ret.compare(u"FULL"_s, Qt::CaseInsensitive) == 0 && in.kind == ReportKind::Failed) {
        QFile file(messagePath);
        if (file.size() <= kMaxReturnedBytes && file.open(QIODevice::ReadOnly))
            in.originalMessage = file.readAll();
    }
    const QByteArray report = makeReport(in);

    spool::Envelope dsn;
    dsn.id = fixedId;
    dsn.received = in.now;
    dsn.recipients = {in.original.sender};
    dsn.generated = true;
    dsn.subject = mail::headerField(report, "Subject");
    dsn.eightBit = hasEightBit(report);
    dsn.smtpUtf8 = in.original.smtpUtf8; // a UTF-8 address or an original's UTF-8 header
    dsn.actions = m_router->plan(QString(), dsn.recipients, routing::MessageFacts{0, true});
    const spool::CommitResult result = m_spool->commitNow(report, dsn);
    if (!result.ok) {
        *error = result.error;
        return false;
    }
    const QString id = result.id;
    static const char *const kinds[] = {"failure", "delay", "relay", "delivery"};
    log::info(u"dsn"_s,
              u"%1 notice %2 to <%3> for %4 recipient(s)"_s
                  .arg(QString::fromLatin1(kinds[int(in.kind)]), id, in.original.sender)
                  .arg(in.failures.size()),
              in.original.id);
    m_enqueue(id);
    return true;
}

bool Notifier::tellPostmaster(const QString &subject, const QString &text, const QString &fixedId,
                              QString *error)
{
    if (!fixedId.isEmpty() && m_spool->exists(fixedId))
        return true;
    const config::Settings &s = m_router->settings();
    PostmasterNotice n{s.server.hostname, s.server.domain,
                       subject,           text,
                       fixedId,           QDateTime::currentDateTimeUtc()};
    spool::Envelope envelope;
    envelope.id = fixedId;
    envelope.received = n.now;
    envelope.recipients = {u"postmaster@"_s + s.server.domain};
    envelope.generated = true;
    const QByteArray bytes = makePostmasterNotice(n);
    envelope.subject = mail::headerField(bytes, "Subject");
    envelope.eightBit = hasEightBit(bytes);
    envelope.actions =
        m_router->plan(QString(), envelope.recipients, routing::MessageFacts{0, true});
    const spool::CommitResult result = m_spool->commitNow(bytes, envelope);
    if (!result.ok) {
        *error = result.error;
        return false;
    }
    log::info(u"postmaster"_s,
              u"notice %1 to <%2>: %3"_s.arg(result.id, envelope.recipients.first(), subject));
    m_enqueue(result.id);
    return true;
}

} // namespace tandem::delivery
