#include "address.h"

#include "config/settings.h"

#include <QHostAddress>
#include <QUtf8StringView>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace tandem::smtp {

namespace {

constexpr int kMaxLocalPart = 64; // RFC 5321 §4.5.3.1.1
constexpr int kMaxDomain = 255;   // §4.5.3.1.2
constexpr int kMaxPath = 256;     // §4.5.3.1.3

bool isLetDig(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// RFC 6531 §3.3: UTF8-non-ascii may appear wherever atext, qtext and sub-domain letters do;
// whether the bytes are well-formed UTF-8 is checked once the part is taken.
bool isNonAscii(char c)
{
    return static_cast<unsigned char>(c) >= 0x80;
}

bool isWellFormed(const QByteArray &bytes)
{
    return QUtf8StringView(bytes).isValidUtf8();
}

// A small cursor over the bytes of one path.
class Cursor {
public:
    explicit Cursor(const QByteArray &text)
        : m_text(text)
    {}
    bool atEnd() const { return m_pos >= m_text.size(); }
    char peek() const { return atEnd() ? '\0' : m_text.at(m_pos); }
    bool accept(char c)
    {
        if (peek() != c || atEnd())
            return false;
        ++m_pos;
        return true;
    }
    char take() { return m_text.at(m_pos++); }
    qsizetype pos() const { return m_pos; }
    QByteArray mid(qsizetype from) const { return m_text.mid(from, m_pos - from); }
    QByteArray rest() const { return m_text.mid(m_pos); }

private:
    const QByteArray &m_text;
    qsizetype m_pos = 0;
};

// sub-domain *("." sub-domain), sub-domain = Let-dig [Ldh-str] / U-label (RFC 6531 §3.3). A
// domain with U-labels is kept in its A-label form, the one every comparison uses.
bool parseDomain(Cursor &c, QString *out)
{
    const qsizetype start = c.pos();
    for (;;) {
        if (!isLetDig(c.peek()) && !isNonAscii(c.peek()))
            return false;
        char last = c.take();
        while (isLetDig(c.peek()) || c.peek() == '-' || isNonAscii(c.peek()))
            last = c.take();
        if (last == '-')
            return false;
        if (!c.accept('.'))
            break;
    }
    const QByteArray d = c.mid(start);
    if (std::none_of(d.begin(), d.end(), isNonAscii)) {
        if (d.size() > kMaxDomain)
            return false;
        *out = QString::fromLatin1(d).toLower();
        return true;
    }
    if (!isWellFormed(d))
        return false;
    const QString ace = config::asciiDomain(QString::fromUtf8(d));
    if (ace.isEmpty() || ace.size() > kMaxDomain || !config::isValidDomain(ace))
        return false;
    *out = ace;
    return true;
}

// "[" ( IPv4 / "IPv6:" IPv6 ) "]"
bool parseLiteral(Cursor &c, QString *out)
{
    if (!c.accept('['))
        return false;
    const qsizetype start = c.pos();
    while (!c.atEnd() && c.peek() != ']' && c.peek() != '[' && c.peek() != '\\')
        c.take();
    const QByteArray inner = c.mid(start);
    if (!c.accept(']'))
        return false;
    QHostAddress address;
    if (inner.startsWith("IPv6:") || inner.startsWith("ipv6:")) {
        if (!address.setAddress(QString::fromLatin1(inner.mid(5))) ||
            address.protocol() != QAbstractSocket::IPv6Protocol)
            return false;
        *out = u"[IPv6:"_s + address.toString() + u']';
        return true;
    }
    // IPv4 dotted quad only; QHostAddress would also take forms like "1" or "0x7f.1".
    const QList<QByteArray> parts = inner.split('.');
    if (parts.size() != 4)
        return false;
    for (const QByteArray &p : parts) {
        bool ok = false;
        const int n = p.toInt(&ok);
        // Digits only: toInt() stops at a NUL byte, so "0\0\xff" would pass for 0.
        const bool digits =
            std::all_of(p.cbegin(), p.cend(), [](char ch) { return ch >= '0' && ch <= '9'; });
        if (!ok || !digits || p.isEmpty() || p.size() > 3 || n > 255)
            return false;
    }
    *out = u'[' + QString::fromLatin1(inner) + u']';
    return true;
}

bool parseLocalPart(Cursor &c, QString *out)
{
    QByteArray value;
    if (c.accept('"')) {
        for (;;) {
            if (c.atEnd())
                return false;
            const char ch = c.take();
            if (ch == '"')
                break;
            if (ch == '\\') {
                if (c.atEnd())
                    return false;
                const char q = c.take();
                if (q < 32 || q > 126)
                    return false;
                value.append(q);
            } else if ((ch >= 32 && ch <= 126) || isNonAscii(ch)) {
                value.append(ch);
            } else {
                return false;
            }
        }
    } else {
        const qsizetype start = c.pos();
        for (;;) {
            if (!isAtext(c.peek()) && !isNonAscii(c.peek()))
                return false;
            while (isAtext(c.peek()) || isNonAscii(c.peek()))
                c.take();
            if (!c.accept('.'))
                break;
        }
        value = c.mid(start);
    }
    if (value.isEmpty() || value.size() > kMaxLocalPart || !isWellFormed(value))
        return false;
    *out = QString::fromUtf8(value);
    return true;
}

// §4.5.3.1.3: the path, "<" and ">" included, is at most 256 octets. Measured on the form the
// address goes on in (quoted as needed, the domain in A-labels), so that what is accepted
// can always be written out again.
bool fitsPath(const Address &address)
{
    return address.toString().toUtf8().size() + 2 <= kMaxPath;
}

bool parseMailboxAt(Cursor &c, Address *out, bool allowBarePostmaster)
{
    if (!parseLocalPart(c, &out->localPart))
        return false;
    if (!c.accept('@')) {
        // RFC 5321 §4.1.1.3: "Postmaster" without a domain must be accepted as a recipient.
        if (allowBarePostmaster &&
            out->localPart.compare(u"postmaster"_s, Qt::CaseInsensitive) == 0)
            return true;
        return false;
    }
    if (c.peek() == '[') {
        out->domainIsLiteral = true;
        return parseLiteral(c, &out->domain);
    }
    return parseDomain(c, &out->domain);
}

} // namespace

bool isAtext(char c)
{
    if (isLetDig(c))
        return true;
    switch (c) {
    case '!':
    case '#':
    case '$':
    case '%':
    case '&':
    case '\'':
    case '*':
    case '+':
    case '-':
    case '/':
    case '=':
    case '?':
    case '^':
    case '_':
    case '`':
    case '{':
    case '|':
    case '}':
    case '~':
        return true;
    default:
        return false;
    }
}

QString Address::toString() const
{
    if (isNull())
        return {};
    bool dotString = !localPart.isEmpty() && !localPart.startsWith(u'.') &&
                     !localPart.endsWith(u'.') && !localPart.contains(u".."_s);
    for (const QChar ch : localPart)
        dotString = dotString && (ch == u'.' || ch.unicode() >= 0x80 ||
                                  (ch.unicode() < 0x80 && isAtext(char(ch.unicode()))));
    QString local = localPart;
    if (!dotString) {
        local.replace(u'\\', u"\\\\"_s).replace(u'"', u"\\\""_s);
        local = u'"' + local + u'"';
    }
    return domain.isEmpty() ? local : local + u'@' + domain;
}

bool isAscii(const QString &text)
{
    return std::all_of(text.begin(), text.end(), [](QChar c) { return c.unicode() < 0x80; });
}

bool Address::isAscii() const
{
    return smtp::isAscii(localPart); // the domain is kept in its A-label form
}

PathResult parsePath(const QByteArray &text, bool allowNull)
{
    PathResult result;
    Cursor c(text);
    if (!c.accept('<')) {
        result.error = u"the address must be enclosed in <>"_s;
        return result;
    }
    if (allowNull && c.accept('>')) {
        result.address = Address{};
        result.rest = c.rest();
        return result;
    }
    // A-d-l ":" — an obsolete source route; §4.1.2 says to accept and ignore it.
    if (c.peek() == '@') {
        for (;;) {
            QString ignored;
            if (!c.accept('@') || !parseDomain(c, &ignored)) {
                result.error = u"malformed source route"_s;
                return result;
            }
            if (!c.accept(','))
                break;
        }
        if (!c.accept(':')) {
            result.error = u"malformed source route"_s;
            return result;
        }
    }
    Address address;
    if (!parseMailboxAt(c, &address, !allowNull) || !c.accept('>')) {
        result.error = u"malformed address"_s;
        return result;
    }
    if (!fitsPath(address)) {
        result.error = u"address too long"_s;
        return result;
    }
    result.address = address;
    result.rest = c.rest();
    return result;
}

std::optional<Address> parseMailbox(const QString &text)
{
    const QByteArray bytes = text.toUtf8();
    Cursor c(bytes);
    Address address;
    if (!parseMailboxAt(c, &address, false) || !c.atEnd() || !fitsPath(address))
        return std::nullopt;
    return address;
}

} // namespace tandem::smtp
