#pragma once

#include "smtpclient.h"

#include <QHostAddress>
#include <QList>
#include <QMap>
#include <QObject>
#include <QString>

class QDnsLookup;

// Turns a next hop into the addresses to try, in order. "[host]:port" (a static route or the
// SmartHost) is that host; a bare domain is its MX records, lowest preference first, each
// host's A and AAAA records, or the domain's own addresses when it has no MX (RFC 5321 §5.1).
// A null MX (RFC 7505) is a permanent failure; any other DNS trouble a temporary one.
// Look-ups go to outgoing.dns_server when it is set.
namespace tandem::delivery {

struct Destination {
    QString host; // the name, for logs and TLS
    QHostAddress address;
    quint16 port = 25;
};

struct ParsedHop {
    QString host;
    quint16 port = 25;
    bool mx = false; // a domain to look up, not a host
};
ParsedHop parseHop(const QString &hop);

class HopResolution : public QObject {
    Q_OBJECT
public:
    HopResolution(const QString &hop, const QString &dnsServer, QObject *parent = nullptr);
    void start();

signals:
    void resolved(const QList<tandem::delivery::Destination> &destinations);
    void failed(const tandem::delivery::ServerReply &reply);

private:
    void lookUp(int type, const QString &name, int order);
    void onMx(QDnsLookup *lookup);
    void onAddresses(QDnsLookup *lookup, int order, const QString &host);
    void finishIfDone();

    ParsedHop m_hop;
    QString m_dnsServer;
    int m_outstanding = 0;
    QMap<int, QList<Destination>> m_byOrder; // order of the MX (or 0), then A before AAAA
    QStringList m_errors;
    bool m_done = false;
};

} // namespace tandem::delivery
