package org.tezuo.app.permit;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.tezuo.core.audit.AuditLog;
import org.tezuo.core.tenant.TenantDirectory;
import org.tezuo.workflow.approval.FlowOutcome;
import org.tezuo.workflow.approval.FlowOutcomeListener;

/**
 * Moves a permit with the outcome of its approval flow. Final approval issues the permit: a number such as
 * {@code DH-20261204-0001} and an unguessable QR token (256 random bits). Runs inside the transaction that
 * completes the task, so a failure here leaves the task open.
 */
@Component
class PermitOutcomes implements FlowOutcomeListener {

    private static final Logger log = LoggerFactory.getLogger(PermitOutcomes.class);
    private static final DateTimeFormatter NUMBER_DATE = DateTimeFormatter.BASIC_ISO_DATE;

    private final PermitStore permits;
    private final PermitTypes permitTypes;
    private final TenantDirectory tenants;
    private final AuditLog audit;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    PermitOutcomes(PermitStore permits, PermitTypes permitTypes, TenantDirectory tenants, AuditLog audit, Clock clock) {
        this.permits = permits;
        this.permitTypes = permitTypes;
        this.tenants = tenants;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public void onApproved(FlowOutcome outcome) {
        long permitId = PermitSubmitter.permitIdOf(outcome.businessKey());
        if (permitId < 0) {
            return;
        }
        Permit permit = permits.find(outcome.tenantId(), permitId).orElseThrow();
        String prefix = permitTypes.require(outcome.tenantId(), permit.permitType()).numberPrefix() + "-"
                + NUMBER_DATE.format(LocalDate.now(clock.withZone(tenants.require(outcome.tenantId()).zone()))) + "-";
        permits.lockNumbering(outcome.tenantId());
        String number = prefix + "%04d".formatted(permits.countNumbersStartingWith(outcome.tenantId(), prefix) + 1);
        String token = newToken();
        permits.markIssued(outcome.tenantId(), permitId, number, token);
        audit.append(outcome.tenantId(), outcome.decidedBy(), "permit.issue", "permit", String.valueOf(permitId),
                Map.of("status", permit.status().name()), Map.of("status", PermitStatus.ISSUED.name(),
                        "permitNumber", number));
        log.info("Permit {} of tenant {} issued as {}", permitId, outcome.tenantId(), number);
    }

    @Override
    public void onRejected(FlowOutcome outcome) {
        move(outcome, PermitStatus.REJECTED, "permit.reject");
    }

    @Override
    public void onReturned(FlowOutcome outcome) {
        move(outcome, PermitStatus.RETURNED, "permit.return");
    }

    @Override
    public void onWithdrawn(FlowOutcome outcome) {
        move(outcome, PermitStatus.CANCELLED, "permit.withdraw");
    }

    @Override
    public void onSuspended(FlowOutcome outcome) {
        move(outcome, PermitStatus.SUSPENDED, "permit.suspend");
    }

    @Override
    public void onResumed(FlowOutcome outcome) {
        move(outcome, PermitStatus.SUSPENDED, PermitStatus.IN_APPROVAL, "permit.resume");
    }

    private void move(FlowOutcome outcome, PermitStatus next, String action) {
        move(outcome, PermitStatus.IN_APPROVAL, next, action);
    }

    private void move(FlowOutcome outcome, PermitStatus expected, PermitStatus next, String action) {
        long permitId = PermitSubmitter.permitIdOf(outcome.businessKey());
        if (permitId < 0) {
            return;
        }
        if (!permits.transition(outcome.tenantId(), permitId, expected, next)) {
            log.warn("Permit {} of tenant {} was not {} when its approval reported {}", permitId, outcome.tenantId(),
                    expected, action);
            return;
        }
        audit.append(outcome.tenantId(), outcome.decidedBy(), action, "permit", String.valueOf(permitId),
                Map.of("status", expected.name()),
                Map.of("status", next.name(), "comment", String.valueOf(outcome.comment())));
    }

    private String newToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
