#include "log.h"

#include <QMutex>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace tandem::log {

namespace {
QMutex g_mutex;
Sink g_sink;
Level g_minimum = Level::Info;
} // namespace

QString toString(Level level)
{
    switch (level) {
    case Level::Debug:
        return u"debug"_s;
    case Level::Info:
        return u"info"_s;
    case Level::Warning:
        return u"warning"_s;
    case Level::Error:
        return u"error"_s;
    }
    return {};
}

void setSink(Sink sink)
{
    QMutexLocker lock(&g_mutex);
    g_sink = std::move(sink);
}

void setMinimumLevel(Level level)
{
    QMutexLocker lock(&g_mutex);
    g_minimum = level;
}

QString format(const Entry &e)
{
    QString line =
        e.time.toString(Qt::ISODateWithMs) + u' ' + toString(e.level) + u' ' + e.component + u':';
    if (!e.queueId.isEmpty())
        line += u' ' + e.queueId + u':';
    return line + u' ' + e.text;
}

void write(Level level, const QString &component, const QString &text, const QString &queueId)
{
    QMutexLocker lock(&g_mutex);
    if (level < g_minimum)
        return;
    const Entry entry{QDateTime::currentDateTimeUtc(), level, component, queueId, text};
    if (g_sink) {
        g_sink(entry);
        return;
    }
    const QByteArray line = format(entry).toUtf8() + '\n';
    std::fwrite(line.constData(), 1, size_t(line.size()), stderr);
    std::fflush(stderr);
}

} // namespace tandem::log
