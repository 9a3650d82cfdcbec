package org.tezuo.workflow.definition;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The rule naming a node's approvers or recipients. Exactly the attribute that {@link #by()} needs is set:
 * {@code role} for {@link AssigneeSource#ROLE}, {@link AssigneeSource#APPLICANT_ORG_ROLE} and {@link
 * AssigneeSource#PARENT_ORG_ROLE}, {@code user} for {@link AssigneeSource#USER}, {@code users} for {@link
 * AssigneeSource#USERS}, {@code roles} for {@link AssigneeSource#ROLE_GROUP} and {@code field} for {@link
 * AssigneeSource#FORM_FIELD}.
 */
public record AssigneeSpec(
        AssigneeSource by,
        @Nullable String role,
        @Nullable String user,
        @Nullable String field,
        List<String> roles,
        List<String> users) {

    public AssigneeSpec {
        Objects.requireNonNull(by, "by");
        roles = List.copyOf(roles);
        users = List.copyOf(users);
        boolean present = switch (by) {
            case ROLE, APPLICANT_ORG_ROLE, PARENT_ORG_ROLE -> role != null && !role.isBlank();
            case USER -> user != null && !user.isBlank();
            case FORM_FIELD -> field != null && !field.isBlank();
            case ROLE_GROUP -> !roles.isEmpty();
            case USERS -> !users.isEmpty();
        };
        if (!present) {
            throw new IllegalArgumentException("Assignee rule '" + by.code() + "' needs its value");
        }
    }

    /** Creates a rule with a single value, for every source but {@link AssigneeSource#USERS} and role groups. */
    public AssigneeSpec(AssigneeSource by, @Nullable String role, @Nullable String user, @Nullable String field) {
        this(by, role, user, field, List.of(), List.of());
    }

    /** Returns a rule that names every member of {@code role}. */
    public static AssigneeSpec role(String role) {
        return new AssigneeSpec(AssigneeSource.ROLE, role, null, null);
    }

    /** Returns a rule that names {@code user}. */
    public static AssigneeSpec user(String user) {
        return new AssigneeSpec(AssigneeSource.USER, null, user, null);
    }

    /** Returns the value of the rule: the role, the user name, the form field, or the list joined by commas. */
    public String value() {
        return switch (by) {
            case ROLE, APPLICANT_ORG_ROLE, PARENT_ORG_ROLE -> Objects.requireNonNull(role);
            case USER -> Objects.requireNonNull(user);
            case FORM_FIELD -> Objects.requireNonNull(field);
            case ROLE_GROUP -> String.join(",", roles);
            case USERS -> String.join(",", users);
        };
    }
}
