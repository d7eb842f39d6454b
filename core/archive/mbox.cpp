#include "mbox.h"

#include <QLocale>

using namespace Qt::StringLiterals;

namespace tandem::archive {

QByteArray MboxWriter::fromLine(const QDateTime &time)
{
    const QDateTime utc = time.toUTC();
    // asctime(3): the day of the month padded with a space.
    const QLocale c = QLocale::c();
    const QString text = u"From MAILER-DAEMON %1 %2 %3 %4 %5"_s.arg(
        c.toString(utc, u"ddd"_s), c.toString(utc, u"MMM"_s),
        QString::number(utc.date().day()).rightJustified(2, u' '), c.toString(utc, u"HH:mm:ss"_s),
        QString::number(utc.date().year()));
    return text.toLatin1();
}

void MboxWriter::begin(const QDateTime &time)
{
    m_out += fromLine(time) + '\n';
    m_partial.clear();
    m_endsWithNewline = true;
}

void MboxWriter::line(const QByteArray &text)
{
    QByteArray l = text;
    if (l.endsWith('\r'))
        l.chop(1);
    qsizetype i = 0;
    while (i < l.size() && l.at(i) == '>')
        ++i;
    if (l.mid(i).startsWith("From "))
        m_out += '>';
    m_out += l;
    m_out += '\n';
}

void MboxWriter::feed(QByteArray chunk)
{
    if (chunk.isEmpty())
        return;
    m_partial += chunk;
    qsizetype start = 0;
    for (qsizetype nl = m_partial.indexOf('\n'); nl >= 0; nl = m_partial.indexOf('\n', start)) {
        line(m_partial.mid(start, nl - start));
        start = nl + 1;
    }
    m_partial.remove(0, start);
}

void MboxWriter::end()
{
    if (!m_partial.isEmpty())
        line(m_partial);
    m_partial.clear();
    m_out += '\n';
}

QByteArray MboxWriter::take()
{
    QByteArray out;
    out.swap(m_out);
    return out;
}

} // namespace tandem::archive
