#include "retry.h"

namespace tandem::delivery {

RetryPlan planRetry(const config::RetrySettings &policy, const QDateTime &created, int attempts,
                    bool warned, const QDateTime &now, double timeScale)
{
    const auto scaled = [timeScale](qint64 seconds) { return qint64(seconds * 1000 / timeScale); };
    RetryPlan plan;
    const qint64 ageMs = created.msecsTo(now);
    const qint64 giveUpMs = scaled(qint64(policy.giveUpAfterHours) * 3600);
    if (ageMs >= giveUpMs) {
        plan.giveUp = true;
        return plan;
    }
    plan.warnNow = !warned && ageMs >= scaled(qint64(policy.warnAfterHours) * 3600);
    const auto &schedule = policy.scheduleMinutes;
    const int step =
        schedule.isEmpty() ? 60 : schedule.at(qBound(0, attempts - 1, int(schedule.size()) - 1));
    plan.nextAttempt = now.addMSecs(scaled(qint64(step) * 60));
    // The last try falls on the give-up time rather than after it.
    const QDateTime deadline = created.addMSecs(giveUpMs);
    if (plan.nextAttempt > deadline)
        plan.nextAttempt = deadline;
    return plan;
}

} // namespace tandem::delivery
