// htmlToText (extract.h): in the engine and in the MIME module, whose extraction reduces HTML
// parts to text.
#include "extract.h"

#include <QHash>
#include <QStringList>

using namespace Qt::StringLiterals;

namespace tandem::archive {

namespace {

struct HtmlEntities {
    QHash<QString, char32_t> byName;
    HtmlEntities()
    {
        // HTML 4's Latin-1 set, in the order of their code points from U+00A0.
        static const char *const latin1[] = {
            "nbsp",   "iexcl",  "cent",   "pound",  "curren", "yen",    "brvbar", "sect",
            "uml",    "copy",   "ordf",   "laquo",  "not",    "shy",    "reg",    "macr",
            "deg",    "plusmn", "sup2",   "sup3",   "acute",  "micro",  "para",   "middot",
            "cedil",  "sup1",   "ordm",   "raquo",  "frac14", "frac12", "frac34", "iquest",
            "Agrave", "Aacute", "Acirc",  "Atilde", "Auml",   "Aring",  "AElig",  "Ccedil",
            "Egrave", "Eacute", "Ecirc",  "Euml",   "Igrave", "Iacute", "Icirc",  "Iuml",
            "ETH",    "Ntilde", "Ograve", "Oacute", "Ocirc",  "Otilde", "Ouml",   "times",
            "Oslash", "Ugrave", "Uacute", "Ucirc",  "Uuml",   "Yacute", "THORN",  "szlig",
            "agrave", "aacute", "acirc",  "atilde", "auml",   "aring",  "aelig",  "ccedil",
            "egrave", "eacute", "ecirc",  "euml",   "igrave", "iacute", "icirc",  "iuml",
            "eth",    "ntilde", "ograve", "oacute", "ocirc",  "otilde", "ouml",   "divide",
            "oslash", "ugrave", "uacute", "ucirc",  "uuml",   "yacute", "thorn",  "yuml"};
        for (int i = 0; i < 96; ++i)
            byName.insert(QString::fromLatin1(latin1[i]), char32_t(0xA0 + i));
        static const struct {
            const char *name;
            char32_t code;
        } more[] = {{"quot", 0x22},     {"amp", 0x26},      {"apos", 0x27},     {"lt", 0x3C},
                    {"gt", 0x3E},       {"OElig", 0x152},   {"oelig", 0x153},   {"Scaron", 0x160},
                    {"scaron", 0x161},  {"Yuml", 0x178},    {"fnof", 0x192},    {"circ", 0x2C6},
                    {"tilde", 0x2DC},   {"ensp", 0x2002},   {"emsp", 0x2003},   {"thinsp", 0x2009},
                    {"zwnj", 0x200C},   {"zwj", 0x200D},    {"lrm", 0x200E},    {"rlm", 0x200F},
                    {"ndash", 0x2013},  {"mdash", 0x2014},  {"lsquo", 0x2018},  {"rsquo", 0x2019},
                    {"sbquo", 0x201A},  {"ldquo", 0x201C},  {"rdquo", 0x201D},  {"bdquo", 0x201E},
                    {"dagger", 0x2020}, {"Dagger", 0x2021}, {"bull", 0x2022},   {"hellip", 0x2026},
                    {"permil", 0x2030}, {"prime", 0x2032},  {"lsaquo", 0x2039}, {"rsaquo", 0x203A},
                    {"euro", 0x20AC},   {"trade", 0x2122},  {"larr", 0x2190},   {"rarr", 0x2192},
                    {"uarr", 0x2191},   {"darr", 0x2193},   {"minus", 0x2212},  {"le", 0x2264},
                    {"ge", 0x2265},     {"ne", 0x2260}};
        for (const auto &e : more)
            byName.insert(QString::fromLatin1(e.name), e.code);
    }
};

// Elements whose start or end does not break a word: <b>bo</b>ld is "bold".
bool isInline(const QString &tag)
{
    static const QStringList names{
        u"a"_s,   u"abbr"_s, u"b"_s,    u"bdi"_s,   u"bdo"_s,  u"big"_s,    u"cite"_s,   u"code"_s,
        u"del"_s, u"dfn"_s,  u"em"_s,   u"font"_s,  u"i"_s,    u"ins"_s,    u"kbd"_s,    u"mark"_s,
        u"q"_s,   u"s"_s,    u"samp"_s, u"small"_s, u"span"_s, u"strike"_s, u"strong"_s, u"sub"_s,
        u"sup"_s, u"tt"_s,   u"u"_s,    u"var"_s,   u"wbr"_s,  u"o:p"_s};
    return names.contains(tag);
}

} // namespace

QString htmlToText(const QString &html)
{
    static const HtmlEntities entities;
    QString out;
    out.reserve(html.size() / 2);
    const qsizetype n = html.size();
    qsizetype i = 0;
    const auto startsAt = [&](qsizetype at, QStringView what) {
        return QStringView(html).mid(at, what.size()).compare(what, Qt::CaseInsensitive) == 0;
    };
    while (i < n) {
        const QChar c = html.at(i);
        if (c == u'<') {
            if (startsAt(i, u"<!--")) {
                const qsizetype end = html.indexOf(u"-->"_s, i + 4);
                i = end < 0 ? n : end + 3;
                continue;
            }
            // The tag's name, then to its end past quoted attribute values.
            qsizetype p = i + 1;
            const bool closing = p < n && html.at(p) == u'/';
            if (closing)
                ++p;
            const qsizetype nameStart = p;
            while (p < n && (html.at(p).isLetterOrNumber() || html.at(p) == u':' ||
                             html.at(p) == u'-' || html.at(p) == u'_'))
                ++p;
            const QString tag = html.mid(nameStart, p - nameStart).toLower();
            if (tag.isEmpty() && !closing && p < n && html.at(p) != u'!' && html.at(p) != u'?') {
                out += c; // a lone "<" of text
                ++i;
                continue;
            }
            QChar quote;
            while (p < n && (html.at(p) != u'>' || !quote.isNull())) {
                const QChar q = html.at(p);
                if (!quote.isNull() && q == quote)
                    quote = QChar();
                else if (quote.isNull() && (q == u'"' || q == u'\'') && html.at(p - 1) == u'=')
                    quote = q;
                ++p;
            }
            i = p < n ? p + 1 : n;
            if (!closing && (tag == u"script"_s || tag == u"style"_s || tag == u"head"_s ||
                             tag == u"title"_s)) {
                // Their content is not text a reader sees (title: the subject says it).
                const QString end = u"</"_s + tag;
                qsizetype at = i;
                for (;;) {
                    at = html.indexOf(end, at, Qt::CaseInsensitive);
                    if (at < 0 || at + end.size() >= n ||
                        !html.at(at + end.size()).isLetterOrNumber())
                        break;
                    at += end.size();
                }
                if (tag == u"head"_s && at < 0) {
                    continue; // no </head>: the body follows without one
                }
                if (at < 0) {
                    i = n;
                } else {
                    const qsizetype close = html.indexOf(u'>', at);
                    i = close < 0 ? n : close + 1;
                }
                out += u'\n';
                continue;
            }
            if (!isInline(tag))
                out += u'\n';
            continue;
        }
        if (c == u'&') {
            qsizetype p = i + 1;
            char32_t code = 0;
            bool ok = false;
            if (p < n && html.at(p) == u'#') {
                ++p;
                const bool hex = p < n && (html.at(p) == u'x' || html.at(p) == u'X');
                if (hex)
                    ++p;
                const qsizetype digits = p;
                while (p < n && p - digits < 8 &&
                       (hex ? isxdigit(html.at(p).unicode()) != 0 : html.at(p).isDigit()))
                    ++p;
                if (p > digits) {
                    code = char32_t(html.mid(digits, p - digits).toUInt(nullptr, hex ? 16 : 10));
                    ok = true;
                }
            } else {
                while (p < n && p - i <= 10 && html.at(p).isLetterOrNumber())
                    ++p;
                const auto it = entities.byName.constFind(html.mid(i + 1, p - i - 1));
                if (it != entities.byName.cend()) {
                    code = *it;
                    ok = true;
                }
            }
            if (ok) {
                if (p < n && html.at(p) == u';')
                    ++p;
                if (code == 0xA0)
                    code = u' ';
                if (code == 0 || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF))
                    code = 0xFFFD;
                out += QString::fromUcs4(&code, 1);
                i = p;
                continue;
            }
        }
        out += c == QChar(0xA0) ? QChar(u' ') : c;
        ++i;
    }
    // White space as a reader sees it: runs collapsed, a line break between blocks.
    QString text;
    text.reserve(out.size());
    bool space = false;
    bool newline = false;
    for (const QChar ch : std::as_const(out)) {
        if (ch == u'\n') {
            newline = true;
        } else if (ch.isSpace()) {
            space = true;
        } else {
            if (!text.isEmpty() && (newline || space))
                text += newline ? u'\n' : u' ';
            newline = space = false;
            text += ch;
        }
    }
    return text;
}

} // namespace tandem::archive
