#include "clock.h"
namespace tandem::clock {
QDateTime now()
{
    return QDateTime::currentDateTimeUtc();
}
} // namespace tandem::clock
