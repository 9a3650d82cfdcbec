package org.tezuo.app.permit;

import java.util.List;

/**
 * Thrown when a submission is refused: the form is invalid, the qualification gate failed, or a risk rule
 * blocked it. Nothing is saved except the audit record of the refusal.
 *
 * @see Stage
 */
public final class PermitRefusedException extends RuntimeException {

    /** The check that refused the permit. */
    public enum Stage {
        FORM("permit.refused.form"),
        QUALIFICATION("permit.refused.qualification"),
        RISK("permit.refused.risk");

        private final String messageKey;

        Stage(String messageKey) {
            this.messageKey = messageKey;
        }

        public String messageKey() {
            return messageKey;
        }
    }

    /** One reason, already rendered in the actor's locale; {@code path} names the field, person or rule. */
    public record Reason(String path, String message) {
    }

    private final long permitId;
    private final Stage stage;
    private final List<Reason> reasons;

    public PermitRefusedException(long permitId, Stage stage, List<Reason> reasons) {
        super("Permit " + permitId + " refused at " + stage + ": " + reasons.size() + " reason(s)");
        this.permitId = permitId;
        this.stage = stage;
        this.reasons = List.copyOf(reasons);
    }

    public long permitId() {
        return permitId;
    }

    public Stage stage() {
        return stage;
    }

    public List<Reason> reasons() {
        return reasons;
    }
}
