#include "resolver.h"

#include <QDnsLookup>
#include <QTimer>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace tandem::delivery {

ParsedHop parseHop(const QString &hop)
{
    ParsedHop p;
    if (hop.startsWith(u'[')) {
        const qsizetype close = hop.indexOf(u']');
        p.host = hop.mid(1, close - 1);
        const qsizetype colon = hop.indexOf(u':', close);
        p.port = colon < 0 ? 25 : quint16(hop.mid(colon + 1).toUInt());
        return p;
    }
    p.host = hop;
    p.mx = true;
    return p;
}

HopResolution::HopResolution(const QString &hop, const QString &dnsServer, QObject *parent)
    : QObject(parent)
    , m_hop(parseHop(hop))
    , m_dnsServer(dnsServer)
{}

void HopResolution::start()
{
    const QHostAddress literal(m_hop.host);
    if (!literal.isNull()) {
        const QList<Destination> one{Destination{m_hop.host, literal, m_hop.port}};
        QTimer::singleShot(0, this, [this, one] { emit resolved(one); });
        return;
    }
    if (m_hop.mx) {
        lookUp(QDnsLookup::MX, m_hop.host, 0);
        return;
    }
    lookUp(QDnsLookup::A, m_hop.host, 0);
    lookUp(QDnsLookup::AAAA, m_hop.host, 1);
}

void HopResolution::lookUp(int type, const QString &name, int order)
{
    auto *lookup = new QDnsLookup(QDnsLookup::Type(type), name, this);
    if (!m_dnsServer.isEmpty())
        lookup->setNameserver(QHostAddress(m_dnsServer));
    ++m_outstanding;
    connect(lookup, &QDnsLookup::finished, this, [this, lookup, order, name] {
        --m_outstanding;
        if (lookup->type() == QDnsLookup::MX)
            onMx(lookup);
        else
            onAddresses(lookup, order, name);
        lookup->deleteLater();
    });
    lookup->lookup();
}

void HopResolution::onMx(QDnsLookup *lookup)
{
    const QString domain = m_hop.host;
    if (lookup->error() == QDnsLookup::NotFoundError) {
        m_done = true;
        emit failed(ServerReply{
            550, u"5.1.2"_s,
            u"domain %1 does not exist (DNS: %2)"_s.arg(domain, lookup->errorString())});
        return;
    }
    QList<QDnsMailExchangeRecord> records = lookup->mailExchangeRecords();
    // Qt 6.4 reports an answer without records (NOERROR/NODATA) as an invalid reply: either
    // way the domain's own addresses are tried, and only if they fail too is it deferred.
    if (lookup->error() != QDnsLookup::NoError)
        m_errors.append(u"MX %1: %2"_s.arg(domain, lookup->errorString()));
    if (records.isEmpty()) {
        // No MX: the domain's own address records stand in (the implicit MX).
        lookUp(QDnsLookup::A, domain, 0);
        lookUp(QDnsLookup::AAAA, domain, 1);
        return;
    }
    if (records.size() == 1 &&
        (records.first().exchange().isEmpty() || records.first().exchange() == u"."_s)) {
        m_done = true;
        emit failed(ServerReply{556, u"5.1.10"_s,
                                u"domain %1 accepts no mail (null MX, RFC 7505)"_s.arg(domain)});
        return;
    }
    std::stable_sort(records.begin(), records.end(),
                     [](const auto &a, const auto &b) { return a.preference() < b.preference(); });
    for (int i = 0; i < records.size(); ++i) {
        lookUp(QDnsLookup::A, records.at(i).exchange(), i * 2);
        lookUp(QDnsLookup::AAAA, records.at(i).exchange(), i * 2 + 1);
    }
}

void HopResolution::onAddresses(QDnsLookup *lookup, int order, const QString &host)
{
    if (lookup->error() != QDnsLookup::NoError && lookup->error() != QDnsLookup::NotFoundError)
        m_errors.append(u"%1: %2"_s.arg(host, lookup->errorString()));
    const quint16 port = m_hop.mx ? 25 : m_hop.port;
    for (const QDnsHostAddressRecord &r : lookup->hostAddressRecords())
        m_byOrder[order].append(Destination{host, r.value(), port});
    finishIfDone();
}

void HopResolution::finishIfDone()
{
    if (m_outstanding > 0 || m_done)
        return;
    m_done = true;
    QList<Destination> all;
    for (const QList<Destination> &list : std::as_const(m_byOrder))
        all += list;
    if (all.isEmpty()) {
        emit failed(ServerReply{451, u"4.4.3"_s,
                                u"no address found for %1%2"_s.arg(
                                    m_hop.host, m_errors.isEmpty()
                                                    ? QString()
                                                    : u" ("_s + m_errors.join(u"; "_s) + u')')});
        return;
    }
    emit resolved(all);
}

} // namespace tandem::delivery
