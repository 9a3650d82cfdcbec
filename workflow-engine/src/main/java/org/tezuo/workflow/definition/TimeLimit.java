package org.tezuo.workflow.definition;

import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Reminders and escalation of an approver node. The durations count from the moment the node is reached, once for
 * the whole node however many approvers it has. No time-out approves anything: on a safety sign-off, escalation
 * also suspends the application.
 *
 * @param remindAfter first reminder to the open approvers, or null for none
 * @param remindEvery repeat of the reminder after the first, or null for one reminder
 * @param escalateAfter escalation, or null for none
 * @param escalateTo the people notified at escalation, who may resume the application; when null, the holders of the {@code UNIT_HEAD}
 *     role in the parent of the applicant's unit
 */
public record TimeLimit(@Nullable Duration remindAfter, @Nullable Duration remindEvery,
        @Nullable Duration escalateAfter, @Nullable AssigneeSpec escalateTo) {

    /** Returns the escalation target when the node names one. */
    public Optional<AssigneeSpec> escalationTarget() {
        return Optional.ofNullable(escalateTo);
    }
}
