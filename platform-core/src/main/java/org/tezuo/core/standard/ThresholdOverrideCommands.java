package org.tezuo.core.standard;

import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tezuo.core.audit.AuditLog;
import org.tezuo.core.pack.ActivePolicy;
import org.tezuo.core.pack.PolicyChangeSignal;
import org.tezuo.core.rules.Threshold;

/**
 * Sets and removes enterprise overrides. Each change is checked by {@link OverrideCheck}, stored as a new history
 * row, audited and announced with {@link PolicyChangeSignal} in one transaction, so every node evaluates with the
 * new value once it commits and a rejected change stores nothing.
 */
@Component
public class ThresholdOverrideCommands {

    private static final Logger log = LoggerFactory.getLogger(ThresholdOverrideCommands.class);
    private static final String AUDIT_SUBJECT = "threshold";

    private final ActivePolicy policy;
    private final ThresholdOverrides overrides;
    private final PolicyChangeSignal signal;
    private final AuditLog audit;
    private final Clock clock;

    ThresholdOverrideCommands(ActivePolicy policy, ThresholdOverrides overrides, PolicyChangeSignal signal,
            AuditLog audit, Clock clock) {
        this.policy = policy;
        this.overrides = overrides;
        this.signal = signal;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Puts an enterprise value of one threshold in force.
     *
     * @throws StandardsException.NotFound when the tenant has no such published threshold
     * @throws StandardsException.Rejected listing every problem of the request
     */
    @Transactional
    public ThresholdOverride set(long tenantId, String rulesetKey, String thresholdKey, OverrideRequest request,
            String actor, Locale locale) {
        overrides.lockTenant(tenantId);
        Threshold inForce = StandardsCatalog.inForce(policy.snapshot(tenantId), rulesetKey, thresholdKey);
        OverrideCheck.Decision decision = OverrideCheck.check(rulesetKey, inForce, request, locale);

        ThresholdOverride stored = overrides.append(tenantId, new ThresholdOverride(0, rulesetKey, thresholdKey,
                ThresholdOverride.Action.SET, OverrideCheck.text(decision.value()), inForce.unit(),
                OverrideCheck.text(inForce.origin().documentValue()), documentOrigin(inForce), decision.change(),
                java.util.Objects.requireNonNull(request.reason()).strip(),
                java.util.Objects.requireNonNull(request.source()).strip(), actor, clock.instant(), true));
        announce(tenantId, actor, "threshold-override.set", inForce, stored);
        log.info("Tenant {} set {}/{} to {} {} ({}) by {}", tenantId, rulesetKey, thresholdKey, stored.value(),
                stored.unit(), stored.change(), actor);
        return stored;
    }

    /**
     * Ends the enterprise override of one threshold, so the document value applies again.
     *
     * @throws StandardsException when the reason is missing or no override is in force
     */
    @Transactional
    public ThresholdOverride remove(long tenantId, String rulesetKey, String thresholdKey, @Nullable String reason,
            String actor) {
        overrides.lockTenant(tenantId);
        Threshold inForce = StandardsCatalog.inForce(policy.snapshot(tenantId), rulesetKey, thresholdKey);
        if (overrides.active(tenantId, rulesetKey, thresholdKey).isEmpty()) {
            throw new StandardsException("standards.noOverride", rulesetKey, thresholdKey);
        }
        if (reason == null || reason.isBlank()) {
            throw new StandardsException("standards.removeReasonMissing", rulesetKey, thresholdKey);
        }

        ThresholdOverride stored = overrides.append(tenantId, new ThresholdOverride(0, rulesetKey, thresholdKey,
                ThresholdOverride.Action.REMOVE, null, inForce.unit(),
                OverrideCheck.text(inForce.origin().documentValue()), documentOrigin(inForce), ChangeKind.RESET,
                reason.strip(), null, actor, clock.instant(), false));
        announce(tenantId, actor, "threshold-override.remove", inForce, stored);
        log.info("Tenant {} removed the override of {}/{} by {}", tenantId, rulesetKey, thresholdKey, actor);
        return stored;
    }

    private void announce(long tenantId, String actor, String action, Threshold before, ThresholdOverride after) {
        audit.append(tenantId, actor, action, AUDIT_SUBJECT, after.rulesetKey() + "/" + after.threshold(),
                Map.of("value", OverrideCheck.text(before.value()), "unit", before.unit(),
                        "origin", before.origin().describe(Locale.SIMPLIFIED_CHINESE)),
                after);
        signal.raise(tenantId);
    }

    /** Returns the document origin of the value an override replaces, whether or not an override is in force. */
    private static String documentOrigin(Threshold inForce) {
        if (inForce.overridden()) {
            return inForce.source();
        }
        return inForce.origin().reference() + " " + inForce.source();
    }
}
