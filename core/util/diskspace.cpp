#include "diskspace.h"

#include "enumnames.h"
#include "log.h"

#include <QFile>

#include <sys/statvfs.h>

using namespace Qt::StringLiterals;

namespace tandem::util {

namespace {
QString mib(qint64 bytes)
{
    return QString::number(double(bytes) / (1024 * 1024), 'f', 1) + u" MiB"_s;
}
} // namespace

DiskSpace::DiskSpace(const QString &path, qint64 reserve, QObject *parent)
    : QObject(parent)
    , m_path(path)
    , m_reserve(reserve)
    , m_timer(this)
{
    m_timer.setInterval(kPollMs);
    connect(&m_timer, &QTimer::timeout, this, &DiskSpace::check);
}

void DiskSpace::setReserve(qint64 reserve)
{
    m_reserve = reserve;
    check();
}

void DiskSpace::start()
{
    check();
    m_timer.start();
}

QString DiskSpace::toString(Level level)
{
    static const EnumNames<Level> names{
        {u"ok"_s, Level::Ok}, {u"low"_s, Level::Low}, {u"full"_s, Level::Full}};
    return enumName(names, level);
}

DiskSpace::Level DiskSpace::check()
{
    struct statvfs st;
    if (::statvfs(QFile::encodeName(m_path).constData(), &st) != 0)
        return m_level; // cannot tell: the writes will say what is wrong
    // f_bavail: what an unprivileged writer may still use (root's reserved blocks not counted).
    m_free = qint64(st.f_bavail) * qint64(st.f_frsize);
    const Level level = m_free < m_reserve       ? Level::Full
                        : m_free < 2 * m_reserve ? Level::Low
                                                 : Level::Ok;
    if (level == m_level)
        return level;
    const Level before = std::exchange(m_level, level);
    const QString where = u"%1 free in %2 (reserve %3)"_s.arg(mib(m_free), m_path, mib(m_reserve));
    if (level == Level::Full)
        log::error(u"disk"_s, u"the data folder is below its free-space reserve: refusing new mail "
                              u"with 452 4.3.1 until space is freed; "_s +
                                  where);
    else if (level == Level::Low)
        log::warning(u"disk"_s, (before == Level::Full
                                     ? u"space is back above the reserve, accepting mail again; "_s
                                     : u"the data folder is running out of space; "_s) +
                                    where);
    else
        log::info(u"disk"_s, (before == Level::Full
                                  ? u"space is back above the reserve, accepting mail again; "_s
                                  : u"free space is back to normal; "_s) +
                                 where);
    emit levelChanged(level, m_free, m_reserve);
    return level;
}

} // namespace tandem::util
