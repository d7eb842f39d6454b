#pragma once

#include "dsn.h"

#include <functional>
#include <memory>

namespace tandem::spool {
class Spool;
}
namespace tandem::routing {
class Router;
}

// Makes a delivery status notification and puts it into the spool as a message of the
// server's own (null sender, no Received: header), routed like any other.
namespace tandem::delivery {

class Notifier {
public:
    using Enqueue = std::function<void(const QString &queueId)>;
    Notifier(spool::Spool *spool, std::shared_ptr<const routing::Router> router, Enqueue enqueue);

    // fixedId, when given, makes a redo find the notice instead of making a second one.
    // Returns false with *error when it could not be made durable.
    bool send(const ReportInput &input, const QString &messagePath, const QString &fixedId,
              QString *error);
    // A message to postmaster@<primary domain> (makePostmasterNotice), spooled like a notice.
    bool tellPostmaster(const QString &subject, const QString &text, const QString &fixedId,
                        QString *error);

private:
    spool::Spool *m_spool;
    std::shared_ptr<const routing::Router> m_router;
    Enqueue m_enqueue;
};

} // namespace tandem::delivery
