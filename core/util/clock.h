#pragma once
#include <QDateTime>
namespace tandem::clock {
QDateTime now();
}
