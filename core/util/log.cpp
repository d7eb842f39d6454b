#include "log.h"

#include <QMutex>

#include <atomic>
#include <cstdio>

using namespace Qt::StringLiterals;

namespace tandem::log {

namespace {
QMutex g_mutex;
Sink g_sink;
Level g_minimum = Level::Info;
std::atomic<bool> g_transcripts{false};
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
    if (!e.session.isEmpty())
        line += u' ' + e.session + u':';
    if (!e.queueId.isEmpty())
        line += u' ' + e.queueId + u':';
    return line + u' ' + e.text;
}

void setTranscripts(bool on)
{
    g_transcripts = on;
}
bool transcriptsEnabled()
{
    return g_transcripts;
}

void write(Level level, const QString &component, const QString &text, const QString &queueId,
           const QString &session)
{
    QMutexLocker lock(&g_mutex);
    // A transcript asked for is shown whatever the level; the console filters it.
    if (level < g_minimum && !(component == u"transcript"_s && g_transcripts))
        return;
    const Entry entry{QDateTime::currentDateTimeUtc(), level, component, queueId, text, session};
    if (g_sink) {
        g_sink(entry);
        return;
    }
    const QByteArray line = format(entry).toUtf8() + '\n';
    std::fwrite(line.constData(), 1, size_t(line.size()), stderr);
    std::fflush(stderr);
}

} // namespace tandem::log
