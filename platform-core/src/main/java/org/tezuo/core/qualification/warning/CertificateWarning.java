package org.tezuo.core.qualification.warning;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A raised warning: a notice, a to-do or the record of a freeze, raised once per certificate, rule and due date.
 *
 * @param message the text the recipients read, in Chinese
 * @param roles one entry per recipient role, with its users and confirmation
 * @param escalatedAt when the unconfirmed to-do was escalated; null while not escalated
 * @param escalatedTo user names the escalation went to
 */
public record CertificateWarning(
        long id,
        long tenantId,
        long certificateId,
        long personId,
        String ruleId,
        WarningKind kind,
        LocalDate dueDate,
        DueKind dueKind,
        String message,
        @Nullable String link,
        WarningStatus status,
        Instant createdAt,
        @Nullable Instant doneAt,
        List<RoleConfirmation> roles,
        @Nullable Instant escalatedAt,
        List<String> escalatedTo) {

    /**
     * A recipient role of a warning.
     *
     * @param assignees user names the warning was sent to; empty when no user had the role when it was raised
     * @param confirmedBy user name that confirmed for this role; null while unconfirmed
     */
    public record RoleConfirmation(String role, List<String> assignees, @Nullable String confirmedBy,
            @Nullable Instant confirmedAt) {

        public boolean confirmed() {
            return confirmedBy != null;
        }
    }
}
