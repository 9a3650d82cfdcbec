package org.tezuo.workflow.definition;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The rule naming a node's approvers. Exactly the attribute that {@link #by()} needs is set: {@code role} for
 * {@link AssigneeSource#ROLE} and {@link AssigneeSource#APPLICANT_ORG_ROLE}, {@code user} for
 * {@link AssigneeSource#USER} and {@code field} for {@link AssigneeSource#FORM_FIELD}.
 */
public record AssigneeSpec(AssigneeSource by, @Nullable String role, @Nullable String user, @Nullable String field) {

    public AssigneeSpec {
        Objects.requireNonNull(by, "by");
        String required = switch (by) {
            case ROLE, APPLICANT_ORG_ROLE -> role;
            case USER -> user;
            case FORM_FIELD -> field;
        };
        if (required == null || required.isBlank()) {
            throw new IllegalArgumentException("Assignee rule '" + by.code() + "' needs its value");
        }
    }

    /** Returns a rule that names every member of {@code role}. */
    public static AssigneeSpec role(String role) {
        return new AssigneeSpec(AssigneeSource.ROLE, role, null, null);
    }

    /** Returns the value of the rule: the role, the user name or the form field. */
    public String value() {
        return Objects.requireNonNull(switch (by) {
            case ROLE, APPLICANT_ORG_ROLE -> role;
            case USER -> user;
            case FORM_FIELD -> field;
        });
    }
}
