#pragma once

#include "config/settings.h"

#include <QDateTime>

// When to try an Outbox entry again, as a pure function of the schedule, the entry's age and
// its attempts, with the clock passed in: tests never sleep for a retry.
namespace tandem::delivery {

struct RetryPlan {
    bool giveUp = false;   // the entry is older than give_up_after_hours: fail it
    bool warnNow = false;  // older than warn_after_hours and not warned yet: delay notice
    QDateTime nextAttempt; // when !giveUp
};

// After attempt number `attempts` (1 for the first) failed temporarily at `now`.
// timeScale > 1 makes every interval pass that many times faster (tests only).
RetryPlan planRetry(const config::RetrySettings &policy, const QDateTime &created, int attempts,
                    bool warned, const QDateTime &now, double timeScale = 1.0);

} // namespace tandem::delivery
