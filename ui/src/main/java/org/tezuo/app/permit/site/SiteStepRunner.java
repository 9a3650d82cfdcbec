package org.tezuo.app.permit.site;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.tezuo.app.api.NotFoundException;
import org.tezuo.app.permit.Actor;
import org.tezuo.app.permit.Permit;
import org.tezuo.app.permit.PermitStatus;
import org.tezuo.app.permit.PermitStore;
import org.tezuo.core.audit.AuditLog;
import org.tezuo.core.tenant.TenantDirectory;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The one path every site step takes. It locks the permit row, loads the permit and its site record, and checks
 * that the state allows the step and that the user may take it. Then it runs the step and stores the site record,
 * the timeline entry and the audit record in the same transaction. A step that throws saves nothing, and a
 * rejection by the ruleset is audited afterwards in a transaction of its own.
 */
@Component
class SiteStepRunner {

    private static final Logger log = LoggerFactory.getLogger(SiteStepRunner.class);

    private final PermitStore permits;
    private final PermitSiteStore sites;
    private final SiteRuleCheck rules;
    private final SitePeople people;
    private final TenantDirectory tenants;
    private final AuditLog audit;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final JsonMapper json;

    SiteStepRunner(PermitStore permits, PermitSiteStore sites, SiteRuleCheck rules, SitePeople people,
            TenantDirectory tenants, AuditLog audit, TransactionTemplate transaction, Clock clock, JsonMapper json) {
        this.permits = permits;
        this.sites = sites;
        this.rules = rules;
        this.people = people;
        this.tenants = tenants;
        this.audit = audit;
        this.transaction = transaction;
        this.clock = clock;
        this.json = json;
    }

    /** A permit and its site as one step reads them, under the permit's row lock when the step writes. */
    record Context(Actor actor, Permit permit, @Nullable PermitSite site, SiteState state,
            SiteRuleCheck.SiteRuleset ruleset, SiteProfile profile, Instant now, ZoneId zone) {

        String number() {
            return SiteNotices.numberOf(permit);
        }

        /** Returns the site record; steps after acceptance always have one. */
        PermitSite requireSite() {
            if (site == null) {
                throw new IllegalStateException("Permit " + permit.id() + " has no site record in state " + state);
            }
            return site;
        }

        boolean accepted() {
            return site != null;
        }
    }

    /**
     * The result of a step that is stored.
     *
     * @param rulesetVersion the ruleset version the step evaluated, or null when it evaluated none
     */
    record Outcome(PermitSite site, @Nullable Integer rulesetVersion, @Nullable Boolean passed,
            List<SiteReason> reasons, ObjectNode details) {
    }

    /** Runs a step a person takes, in a transaction of its own, and returns the site record after it. */
    PermitSite run(Actor actor, long permitId, SiteAction action, Function<Context, Outcome> step) {
        try {
            return transaction.execute(status -> {
                Context context = open(actor, permitId, true)
                        .orElseThrow(() -> new NotFoundException("作业票", permitId));
                requireIssued(context);
                requireAllowed(context, action);
                requirePerson(context, action);
                Outcome outcome = step.apply(context);
                commit(context, action, outcome);
                return outcome.site();
            });
        } catch (SiteRefusedException refusal) {
            log.info("Site step {} of permit {} of tenant {} rejected by its ruleset: {}", action, permitId,
                    actor.tenantId(), refusal.reasons().stream().map(SiteReason::code).toList());
            audit.append(actor.tenantId(), actor.username(), "permit.site." + action.code() + "-refused", "permit",
                    String.valueOf(permitId), null, Map.of("reasons", refusal.reasons()));
            throw refusal;
        }
    }

    /**
     * Reads a permit and its site; empty when the tenant has no such permit. With {@code lock} the permit row stays
     * locked until the caller's transaction ends.
     */
    Optional<Context> open(Actor actor, long permitId, boolean lock) {
        if (lock && !sites.lockPermit(actor.tenantId(), permitId)) {
            return Optional.empty();
        }
        Permit permit = permits.find(actor.tenantId(), permitId).orElse(null);
        if (permit == null) {
            return Optional.empty();
        }
        PermitSite site = sites.find(actor.tenantId(), permitId).orElse(null);
        SiteRuleCheck.SiteRuleset ruleset = rules.inForce(permit, site);
        SiteState state = site == null ? SiteState.ISSUED : site.state();
        return Optional.of(new Context(actor, permit, site, state, ruleset, rules.profile(ruleset), clock.instant(),
                tenants.require(actor.tenantId()).zone()));
    }

    /** Stores the outcome of a step: the site record, its timeline entry and the audit record. */
    void commit(Context context, SiteAction action, Outcome outcome) {
        PermitSite next = outcome.site();
        if (context.accepted()) {
            sites.update(next, context.now());
        } else {
            sites.insert(next);
        }
        long tenantId = context.permit().tenantId();
        sites.insertEvent(tenantId, new SiteEvent(0, context.permit().id(), action, context.state(), next.state(),
                context.actor().username(), context.now(), outcome.rulesetVersion(), outcome.passed(),
                outcome.reasons(), outcome.details()));

        Map<String, Object> after = new LinkedHashMap<>();
        after.put("siteState", next.state().name());
        after.put("rulesetVersion", next.rulesetVersion());
        after.put("workLeader", next.workLeader());
        if (outcome.passed() != null) {
            after.put("passed", outcome.passed());
        }
        if (!outcome.reasons().isEmpty()) {
            after.put("reasons", outcome.reasons());
        }
        after.put("details", outcome.details());
        audit.append(tenantId, context.actor().username(), "permit.site." + action.code(), "permit",
                String.valueOf(context.permit().id()), Map.of("siteState", context.state().name()), after);
        log.info("Permit {} of tenant {}: site step {} by {} moved {} to {}", context.permit().id(), tenantId, action,
                context.actor().username(), context.state(), next.state());
    }

    /** Returns an empty object for the step-specific facts of a timeline entry. */
    ObjectNode emptyDetails() {
        return json.createObjectNode();
    }

    /** Returns the steps the user may take now: allowed in the state and open to the user. */
    List<SiteAction> stepsFor(Context context, String username) {
        if (context.permit().status() != PermitStatus.ISSUED) {
            return List.of();
        }
        return SiteStateMachine.allowed(context.state(), context.profile()).stream()
                .filter(action -> people.may(action, context.permit(), context.site(), context.profile(), username))
                .toList();
    }

    private static void requireIssued(Context context) {
        PermitStatus status = context.permit().status();
        if (status != PermitStatus.ISSUED) {
            throw new SiteActionException("site.notIssued", context.number(), SiteText.fixed(status.zh(), status.en()));
        }
    }

    /**
     * Rejects a step the state does not allow. The message lists the steps the user may take instead, or, when the
     * user may take none of them, who may take each.
     */
    private void requireAllowed(Context context, SiteAction action) {
        List<SiteAction> allowed = SiteStateMachine.allowed(context.state(), context.profile());
        if (allowed.contains(action)) {
            return;
        }
        List<SiteAction> available = stepsFor(context, context.actor().username());
        List<SiteText> whoMayTakeEach = !available.isEmpty() ? List.of() : allowed.stream()
                .map(step -> SiteText.of("site.illegalTransition.stepBy", step, describeAudience(context, step)))
                .toList();
        throw new SiteTransitionException(context.number(), context.state(), action, allowed, available,
                whoMayTakeEach);
    }

    private void requirePerson(Context context, SiteAction action) {
        String username = context.actor().username();
        if (!people.may(action, context.permit(), context.site(), context.profile(), username)) {
            throw new SiteForbiddenException(context.number(), action, describeAudience(context, action),
                    people.name(context.permit().tenantId(), username));
        }
    }

    private SiteText describeAudience(Context context, SiteAction action) {
        return people.audience(action, context.permit(), context.site(), context.profile()).description();
    }
}
