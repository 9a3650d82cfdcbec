package org.tezuo.core.qualification.warning;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tezuo.core.audit.AuditLog;
import org.tezuo.core.qualification.warning.CertificateWarning.RoleConfirmation;

/**
 * Confirms to-dos. Each recipient role confirms once, by a user the to-do was sent to (or, when the role had no user
 * at the time, by any user who now has it). One user confirms for one role only, so a to-do for a team leader and
 * HRBP needs two people. The to-do is done when every role has confirmed.
 */
@Component
public class WarningConfirmer {

    /** Audit action of one role's confirmation. */
    public static final String AUDIT_CONFIRM = "warning.confirm";
    /** Audit action of a to-do that every role has confirmed. */
    public static final String AUDIT_DONE = "warning.done";

    private final WarningStore warnings;
    private final RecipientResolver recipients;
    private final AuditLog audit;
    private final Clock clock;

    public WarningConfirmer(WarningStore warnings, RecipientResolver recipients, AuditLog audit, Clock clock) {
        this.warnings = warnings;
        this.recipients = recipients;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Confirms the to-do for the role of {@code username} and returns it as stored afterwards. Confirming again for
     * a role the user already confirmed changes nothing.
     *
     * @throws WarningNotFoundException when the tenant has no such warning
     * @throws ConfirmationRejectedException when the warning is no to-do or the user may not confirm it
     */
    @Transactional
    public CertificateWarning confirm(long tenantId, long warningId, String username) {
        CertificateWarning warning = warnings.find(tenantId, warningId)
                .orElseThrow(() -> new WarningNotFoundException(warningId));
        if (warning.kind() != WarningKind.TODO) {
            throw new ConfirmationRejectedException("confirm.notTodo", String.valueOf(warningId));
        }
        Optional<RoleConfirmation> alreadyConfirmed = warning.roles().stream()
                .filter(role -> username.equals(role.confirmedBy())).findFirst();
        List<RoleConfirmation> open = warning.roles().stream()
                .filter(role -> !role.confirmed() && mayConfirm(tenantId, role, username)).toList();

        if (alreadyConfirmed.isPresent()) {
            if (!open.isEmpty()) {
                throw new ConfirmationRejectedException("confirm.sameUserTwice", username,
                        alreadyConfirmed.get().role(), open.getFirst().role());
            }
            return warning;
        }
        if (open.isEmpty()) {
            throw new ConfirmationRejectedException("confirm.notRecipient", username, String.valueOf(warningId),
                    String.join("、", warning.roles().stream().filter(role -> !role.confirmed())
                            .map(RoleConfirmation::role).toList()));
        }

        Instant now = clock.instant();
        String role = open.getFirst().role();
        if (warnings.confirmRole(warningId, role, username, now)) {
            audit.append(tenantId, username, AUDIT_CONFIRM, "certificate-warning", String.valueOf(warningId), null,
                    Map.of("role", role));
        }
        CertificateWarning updated = warnings.find(tenantId, warningId).orElseThrow();
        if (updated.status() == WarningStatus.OPEN && updated.roles().stream().allMatch(RoleConfirmation::confirmed)) {
            warnings.markDone(tenantId, warningId, now);
            audit.append(tenantId, username, AUDIT_DONE, "certificate-warning", String.valueOf(warningId),
                    Map.of("status", WarningStatus.OPEN.name()), Map.of("status", WarningStatus.DONE.name()));
            updated = warnings.find(tenantId, warningId).orElseThrow();
        }
        return updated;
    }

    private boolean mayConfirm(long tenantId, RoleConfirmation role, String username) {
        return role.assignees().isEmpty() ? recipients.hasRole(tenantId, username, role.role())
                : role.assignees().contains(username);
    }
}
