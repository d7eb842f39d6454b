#include "retry.h"

namespace tandem::delivery {

RetryPlan planRetry(const config::RetrySettings &policy, const QDateTime &created, int attempts,
                    bool warned, const QDateTime &now)
{
    RetryPlan plan;
    const qint64 ageSeconds = created.secsTo(now);
    if (ageSeconds >= qint64(policy.giveUpAfterHours) * 3600) {
        plan.giveUp = true;
        return plan;
    }
    plan.warnNow = !warned && ageSeconds >= qint64(policy.warnAfterHours) * 3600;
    const auto &schedule = policy.scheduleMinutes;
    const int step =
        schedule.isEmpty() ? 60 : schedule.at(qBound(0, attempts - 1, int(schedule.size()) - 1));
    plan.nextAttempt = now.addSecs(qint64(step) * 60);
    // The last try falls on the give-up time rather than after it.
    const QDateTime deadline = created.addSecs(qint64(policy.giveUpAfterHours) * 3600);
    if (plan.nextAttempt > deadline)
        plan.nextAttempt = deadline;
    return plan;
}

} // namespace tandem::delivery
