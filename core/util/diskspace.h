#pragma once

#include <QObject>
#include <QString>
#include <QTimer>

// Watches the free space of the data folder, so that a full disk is answered before a message
// is sent (452 4.3.1 at MAIL) instead of at its end, mail is taken again by itself as soon as
// space is back, and the administrator is warned before the reserve is reached. Lives on the
// engine's thread.
namespace tandem::util {

class DiskSpace : public QObject {
    Q_OBJECT
public:
    enum class Level { Ok, Low, Full }; // Low: under twice the reserve; Full: under the reserve
    static constexpr int kPollMs = 5000;

    DiskSpace(const QString &path, qint64 reserve, QObject *parent = nullptr);
    void setReserve(qint64 reserve);
    void start(); // checks now, then every kPollMs
    // Looks again (one statvfs) and reports transitions: cheap enough for every MAIL.
    Level check();
    Level level() const { return m_level; }
    qint64 freeBytes() const { return m_free; }
    qint64 reserve() const { return m_reserve; }
    static QString toString(Level level);

signals:
    void levelChanged(tandem::util::DiskSpace::Level level, qint64 freeBytes, qint64 reserve);

private:
    QString m_path;
    qint64 m_reserve;
    qint64 m_free = -1;
    Level m_level = Level::Ok;
    QTimer m_timer;
};

} // namespace tandem::util
