package org.tezuo.core.qualification.warning;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One entry of a ruleset's {@code warnings} array, parsed. Notices and to-dos fire once per certificate and due date
 * when the due date is at most {@code offsetDays} away. A freeze fires while the certificate is lapsed (expired,
 * invalid, or past its due date) or fewer than {@code offsetDays} days remain.
 *
 * @param id rule id, part of the key that keeps a warning from being raised twice
 * @param recipients roles the warning goes to; {@link #HOLDER} is the certificate holder
 * @param link link shown with the warning, for example a training enrolment page; {@code {certificateId}} and
 *     {@code {certNumber}} are replaced
 * @param source where the offset comes from (regulation clause or enterprise practice)
 * @param topic topic of the notices sent to the recipients; the tenant's notification settings pick the channels
 * @param escalation for a to-do, whom to notify when it stays unconfirmed; null for none
 */
public record WarningRule(String id, int offsetDays, WarningKind kind, List<String> recipients, @Nullable String link,
        Set<WarningAction> actions, String source, String topic, @Nullable Escalation escalation) {

    /** Recipient that stands for the certificate holder rather than a role. */
    public static final String HOLDER = "HOLDER";

    /** Notice topic of a rule that names none. */
    public static final String DEFAULT_TOPIC = "qualification.warning";

    /** Notifies the users with {@code role} when a to-do has not been confirmed by every role {@code after} it was raised. */
    public record Escalation(Duration after, String role) {
    }

    public WarningRule {
        recipients = List.copyOf(recipients);
        actions = Set.copyOf(actions);
    }
}
