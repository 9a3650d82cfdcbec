package org.tezuo.app.permit.site;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.tezuo.app.permit.Actor;
import org.tezuo.app.permit.simops.ConflictSeverity;
import org.tezuo.app.permit.simops.SimopsConflict;
import org.tezuo.app.permit.simops.SimopsConflictCheck;
import org.tezuo.core.connector.weather.WeatherObservation;
import org.tezuo.core.risk.RiskAssessment;
import org.tezuo.core.risk.RiskItem;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The site steps people take on an issued permit. Each step runs through {@link SiteStepRunner}: one transaction
 * that checks the state and the person, validates the input, evaluates the ruleset where the step depends on it
 * and stores the site record, its timeline entry and the audit record. Gas tests arrive through the gas-readings
 * intake ({@link SiteGasTests}).
 *
 * <p>Start and resume are rejected outside the approved work window. They are evaluated under the ruleset version
 * in force on site and rejected on any blocking item, because work must meet every limit. A blocking conflict with
 * another operation in flight (SIMOPS) rejects them too. Extension and hand-over are re-evaluation points, so they
 * use the newest published version and adopt it when they pass. They are rejected only on blocking items the step itself
 * causes, such as a window beyond the validity limit or a stale gas test at hand-over. A limit that is already
 * broken is the watcher's to act on.
 */
@Component
public class PermitSiteCommands {

    private final SiteStepRunner runner;
    private final SiteRuleCheck rules;
    private final PermitSiteStore sites;
    private final SiteWeather weather;
    private final SitePeople people;
    private final SimopsConflictCheck simops;
    private final ObjectProvider<SiteResumeCheck> resumeChecks;
    private final SiteMeasures measures;
    private final SiteNotices notices;
    private final JsonMapper json;

    PermitSiteCommands(SiteStepRunner runner, SiteRuleCheck rules, PermitSiteStore sites, SiteWeather weather,
            SitePeople people, SimopsConflictCheck simops, ObjectProvider<SiteResumeCheck> resumeChecks,
            SiteMeasures measures, SiteNotices notices, JsonMapper json) {
        this.runner = runner;
        this.rules = rules;
        this.sites = sites;
        this.weather = weather;
        this.people = people;
        this.simops = simops;
        this.resumeChecks = resumeChecks;
        this.measures = measures;
        this.notices = notices;
        this.json = json;
    }

    /** Accepts the issued permit on site for its work leader, who becomes the leader in charge. */
    public PermitSite accept(Actor actor, long permitId, @Nullable String note) {
        return runner.run(actor, permitId, SiteAction.ACCEPT, context -> {
            PermitSite site = new PermitSite(actor.tenantId(), permitId, SiteState.ACCEPTED,
                    context.ruleset().version(), actor.username(), rules.plannedEnd(context.permit()).orElse(null),
                    null, List.of(), null, context.now(), context.now());
            return new SiteStepRunner.Outcome(site, null, null, List.of(), details(note));
        });
    }

    /**
     * Records the check of the permit and measures before the start by the role the ruleset names. Each measure
     * that applies on the permit must be confirmed ({@link SiteMeasures}).
     */
    public PermitSite preStartCheck(Actor actor, long permitId, MeasureConfirmation confirmation,
            @Nullable String note) {
        return runner.run(actor, permitId, SiteAction.PRE_START_CHECK, context -> {
            ObjectNode details = confirmedMeasures(context, confirmation, SiteAction.PRE_START_CHECK, note);
            details.put("source", context.profile().shiftCheckSource());
            return new SiteStepRunner.Outcome(context.requireSite().withState(SiteState.PRE_START_CHECKED), null,
                    null, List.of(), details);
        });
    }

    /**
     * Starts the work. It is rejected outside the approved work window ({@link SiteWorkWindow}) and on every
     * blocking item of the ruleset in force.
     */
    public PermitSite start(Actor actor, long permitId, @Nullable String note) {
        return runner.run(actor, permitId, SiteAction.START, context -> {
            List<SimopsConflict> conflicts = requireWorkAllowed(context, SiteAction.START);
            return new SiteStepRunner.Outcome(context.requireSite().withState(SiteState.IN_PROGRESS),
                    context.ruleset().version(), null, List.of(), withConflictWarnings(details(note), conflicts));
        });
    }

    /**
     * Suspends the work by hand, with a reason. The work leader in charge and every safety director get a notice
     * naming who suspended and why, as for an automatic suspension. The person who suspended gets none.
     */
    public PermitSite suspend(Actor actor, long permitId, @Nullable String reason) {
        return runner.run(actor, permitId, SiteAction.SUSPEND, context -> {
            String required = requireReason(reason, SiteAction.SUSPEND);
            List<SiteReason> reasons = List.of(SiteReason.manual(required));
            PermitSite suspended = context.requireSite().suspended(context.now(), reasons);
            notices.suspendedBy(context.permit(), suspended, actor.username(), required, context.now(),
                    context.zone());
            return new SiteStepRunner.Outcome(suspended, null, null, reasons, json.createObjectNode());
        });
    }

    /**
     * Resumes suspended work. It is rejected outside the approved work window, and by the ruleset in force while a
     * limit is broken. After a stop longer than its re-test threshold, it is also rejected until a gas test passed
     * after the stop. The other features' resume checks ({@link SiteResumeCheck}) reject it too, such as a guardian
     * who is not back in the zone.
     */
    public PermitSite resume(Actor actor, long permitId, @Nullable String note) {
        return runner.run(actor, permitId, SiteAction.RESUME, context -> {
            PermitSite site = context.requireSite();
            List<SimopsConflict> conflicts = requireWorkAllowed(context, SiteAction.RESUME);
            ObjectNode details = withConflictWarnings(details(note), conflicts);
            if (site.stoppedAt() != null) {
                details.put("stoppedMinutes", Duration.between(site.stoppedAt(), context.now()).toMinutes());
            }
            return new SiteStepRunner.Outcome(site.resumed(), context.ruleset().version(), null, List.of(), details);
        });
    }

    /**
     * Moves the end of the validity to {@code until}, within the permit type's validity limit as the newest
     * published ruleset states it.
     */
    public PermitSite extend(Actor actor, long permitId, @Nullable OffsetDateTime until, @Nullable String reason) {
        return runner.run(actor, permitId, SiteAction.EXTEND, context -> {
            PermitSite site = context.requireSite();
            if (until == null) {
                throw new SiteActionException("site.extend.untilMissing");
            }
            String required = requireReason(reason, SiteAction.EXTEND);
            Instant end = until.toInstant();
            if (!end.isAfter(context.now())) {
                throw new SiteActionException("site.extend.notFuture", format(end, context));
            }
            if (site.validUntil() != null && !end.isAfter(site.validUntil())) {
                throw new SiteActionException("site.extend.notLater", format(site.validUntil(), context),
                        format(end, context));
            }
            SiteRuleCheck.SiteRuleset current = rules.current(context.permit());
            rejectBeyondLimit(context, current, end);
            if (site.validUntil() == null) {
                throw new SiteActionException("site.extend.noEnd", context.number());
            }
            ObjectNode details = details(null);
            details.put("from", site.validUntil().toString());
            details.put("until", end.toString());
            details.put("reason", required);
            return new SiteStepRunner.Outcome(site.withValidUntil(end).withRulesetVersion(current.version()),
                    current.version(), null, List.of(), details);
        });
    }

    /**
     * Hands the permit over to the incoming work leader at shift change. It is a re-check, not a signature swap.
     * The incoming leader confirms each measure that applies, and the newest published ruleset rejects the
     * hand-over until its conditions hold, such as a fresh passed gas test.
     */
    public PermitSite handOver(Actor actor, long permitId, MeasureConfirmation confirmation, @Nullable String note) {
        return runner.run(actor, permitId, SiteAction.HAND_OVER, context -> {
            PermitSite site = context.requireSite();
            ObjectNode details = confirmedMeasures(context, confirmation, SiteAction.HAND_OVER, note);
            SiteRuleCheck.SiteRuleset current = rules.current(context.permit());
            refuseIfAny(context, SiteAction.HAND_OVER, SiteRuleCheck.reasons(causedBy(context, current,
                    SiteAction.HAND_OVER, site.validUntil()), current));
            details.put("from", site.workLeader());
            details.put("to", actor.username());
            return new SiteStepRunner.Outcome(site.withWorkLeader(actor.username())
                    .withRulesetVersion(current.version()), current.version(), null, List.of(), details);
        });
    }

    /**
     * Records the fire watch's check of the site after hot work: no open fire, no smouldering, and the area around
     * and below the hot-work point checked. Only the fire watch the permit names may take this step
     * ({@link SitePeople}), and every item must be confirmed.
     */
    public PermitSite confirmFireWatch(Actor actor, long permitId, FireWatchCheck check, @Nullable String note) {
        return runner.run(actor, permitId, SiteAction.FIRE_WATCH_CONFIRM, context -> {
            List<SiteText> missing = check.missing();
            if (!missing.isEmpty()) {
                throw new SiteActionException("site.fireWatch.incomplete", SiteText.join(missing));
            }
            ObjectNode details = details(note);
            details.put("noOpenFire", true);
            details.put("noSmouldering", true);
            details.put("areaChecked", true);
            details.put("fireWatchName", people.displayName(actor.tenantId(), actor.username()));
            return new SiteStepRunner.Outcome(context.requireSite(), null, null, List.of(), details);
        });
    }

    /**
     * Closes the permit after the site inspection. A type that needs the fire watch (threshold
     * {@code siteFireWatchRequired}) closes only after the fire watch confirmed the site with
     * {@link #confirmFireWatch} since the work last started or resumed; the work leader cannot confirm it here.
     */
    public PermitSite close(Actor actor, long permitId, boolean inspected, @Nullable String note) {
        return runner.run(actor, permitId, SiteAction.CLOSE, context -> {
            if (!inspected) {
                throw new SiteActionException("site.notInspected");
            }
            ObjectNode details = details(note);
            details.put("inspected", true);
            if (context.profile().fireWatchRequired()) {
                SiteEvent confirmation = sites.fireWatchConfirmation(actor.tenantId(), permitId)
                        .orElseThrow(() -> new SiteActionException("site.fireWatchNotConfirmed",
                                context.profile().fireWatchSource(), people.audience(SiteAction.FIRE_WATCH_CONFIRM,
                                        context.permit(), context.site(), context.profile()).description()));
                details.put("fireWatchConfirmedBy", confirmation.actor());
                details.put("fireWatchConfirmedAt", confirmation.occurredAt().toString());
            }
            sites.resolveRetests(actor.tenantId(), permitId, SiteRetest.CANCELLED, context.now());
            return new SiteStepRunner.Outcome(context.requireSite().withState(SiteState.CLOSED), null, null,
                    List.of(), details);
        });
    }

    /** Cancels the permit on site, with a reason; no site step follows. */
    public PermitSite cancel(Actor actor, long permitId, @Nullable String reason) {
        return runner.run(actor, permitId, SiteAction.CANCEL, context -> {
            String required = requireReason(reason, SiteAction.CANCEL);
            List<SiteReason> reasons = List.of(SiteReason.manual(required));
            String named = people.namedWorkLeader(context.permit());
            PermitSite site = context.accepted() ? context.requireSite().withState(SiteState.CANCELLED)
                    : new PermitSite(actor.tenantId(), permitId, SiteState.CANCELLED, context.ruleset().version(),
                            named != null ? named : actor.username(), rules.plannedEnd(context.permit()).orElse(null),
                            null, List.of(), null, context.now(), context.now());
            sites.resolveRetests(actor.tenantId(), permitId, SiteRetest.CANCELLED, context.now());
            return new SiteStepRunner.Outcome(site, null, null, reasons, json.createObjectNode());
        });
    }

    /**
     * Rejects a start or resume outside the approved work window, on a blocking item of the ruleset in force or on
     * a blocking SIMOPS conflict, naming them all in one refusal. Returns the conflicts for their warnings.
     */
    private List<SimopsConflict> requireWorkAllowed(SiteStepRunner.Context context, SiteAction action) {
        PermitSite site = context.requireSite();
        List<SiteReason> reasons = new ArrayList<>(SiteWorkWindow.outside(context.now(),
                rules.plannedStart(context.permit()).orElse(null), site.validUntil(), context.zone()));
        RiskAssessment assessment = evaluate(context, context.ruleset(), action, site.validUntil());
        List<SimopsConflict> conflicts = simops.check(context.permit(), context.permit().data(), site.validUntil(),
                context.now());
        reasons.addAll(withBlockingConflicts(SiteRuleCheck.blocking(assessment, context.ruleset(), false), conflicts));
        if (action == SiteAction.RESUME) {
            resumeChecks.orderedStream().forEach(check -> reasons.addAll(check.refusals(context.permit(), site)));
        }
        refuseIfAny(context, action, reasons);
        return conflicts;
    }

    /**
     * Rejects an extension to {@code end} on the blocking items it causes. When the validity limit is among them,
     * the refusal names the latest end the limit accepts, in the tenant's zone, or states that the limit is reached.
     */
    private void rejectBeyondLimit(SiteStepRunner.Context context, SiteRuleCheck.SiteRuleset ruleset, Instant end) {
        List<RiskItem> caused = causedBy(context, ruleset, SiteAction.EXTEND, end);
        if (caused.isEmpty()) {
            return;
        }
        Instant start = rules.plannedStart(context.permit()).orElse(null);
        @Nullable SiteText advice = SiteValidityLimit.latestEnd(caused, start, end)
                .map(latest -> latestEndAdvice(context, latest))
                .orElse(null);
        throw new SiteRefusedException(context.number(), SiteAction.EXTEND, SiteRuleCheck.reasons(caused, ruleset),
                advice);
    }

    /** Returns the latest end as advice, or that no extension is possible when it is not after the current end. */
    private static SiteText latestEndAdvice(SiteStepRunner.Context context, Instant latest) {
        Instant validUntil = context.requireSite().validUntil();
        boolean reached = !latest.isAfter(context.now()) || (validUntil != null && !latest.isAfter(validUntil));
        return SiteText.of(reached ? "site.extend.atLimit" : "site.extend.latestEnd", format(latest, context));
    }

    /**
     * Returns the blocking items that the step adds to those the watcher would find under the same ruleset, so
     * that an extension or hand-over is refused for what it changes and not for a limit that is already broken.
     */
    private List<RiskItem> causedBy(SiteStepRunner.Context context, SiteRuleCheck.SiteRuleset ruleset,
            SiteAction action, @Nullable Instant workEnd) {
        PermitSite site = context.requireSite();
        Supplier<Optional<WeatherObservation>> observation = weatherOnce(context);
        Set<String> before = SiteRuleCheck.blockingItems(rules.evaluateStep(context, ruleset,
                SiteAction.AUTO_SUSPEND, site.validUntil(), observation, null), false).stream()
                .map(RiskItem::code)
                .collect(Collectors.toSet());
        return SiteRuleCheck.blockingItems(rules.evaluateStep(context, ruleset, action, workEnd, observation, null),
                false).stream()
                .filter(item -> !before.contains(item.code()))
                .toList();
    }

    private RiskAssessment evaluate(SiteStepRunner.Context context, SiteRuleCheck.SiteRuleset ruleset,
            SiteAction action, @Nullable Instant workEnd) {
        return rules.evaluateStep(context, ruleset, action, workEnd, weatherOnce(context), null);
    }

    /** Returns the tenant's weather for one evaluation, read from the connector at most once however often it is used. */
    private Supplier<Optional<WeatherObservation>> weatherOnce(SiteStepRunner.Context context) {
        AtomicReference<Optional<WeatherObservation>> read = new AtomicReference<>();
        return () -> read.updateAndGet(known -> known != null ? known
                : weather.current(context.permit().tenantId()));
    }

    /** Adds the blocking SIMOPS conflicts to the blocking items of the ruleset, so one refusal names them all. */
    private static List<SiteReason> withBlockingConflicts(List<SiteReason> blocking, List<SimopsConflict> conflicts) {
        List<SiteReason> reasons = new ArrayList<>(blocking);
        conflicts.stream()
                .filter(conflict -> conflict.severity() == ConflictSeverity.BLOCK)
                .map(SiteReason::of)
                .forEach(reasons::add);
        return reasons;
    }

    /** Records the SIMOPS warnings on the timeline entry, which the leader in charge has seen when the step passes. */
    private ObjectNode withConflictWarnings(ObjectNode details, List<SimopsConflict> conflicts) {
        ArrayNode warnings = json.createArrayNode();
        conflicts.stream()
                .filter(conflict -> conflict.severity() == ConflictSeverity.WARN)
                .forEach(conflict -> warnings.addObject().put("code", conflict.code())
                        .put("messageZh", conflict.messageZh()).put("messageEn", conflict.messageEn())
                        .put("source", conflict.source()));
        if (!warnings.isEmpty()) {
            details.set("simopsWarnings", warnings);
        }
        return details;
    }

    private static void refuseIfAny(SiteStepRunner.Context context, SiteAction action, List<SiteReason> reasons) {
        if (!reasons.isEmpty()) {
            throw new SiteRefusedException(context.number(), action, reasons);
        }
    }

    /**
     * Returns the details of a pre-start check or hand-over with the confirmed measure rows, after checking that
     * each measure that applies is confirmed.
     */
    private ObjectNode confirmedMeasures(SiteStepRunner.Context context, MeasureConfirmation confirmation,
            SiteAction action, @Nullable String note) {
        List<Integer> confirmed = measures.requireConfirmed(context.permit(), confirmation, action);
        ObjectNode details = details(note);
        details.put("measuresConfirmed", true);
        ArrayNode rows = details.putArray("confirmedMeasures");
        confirmed.forEach(rows::add);
        return details;
    }

    private static String requireReason(@Nullable String reason, SiteAction action) {
        if (reason == null || reason.isBlank()) {
            throw new SiteActionException("site.reasonRequired", action);
        }
        return reason.strip();
    }

    private ObjectNode details(@Nullable String note) {
        ObjectNode details = json.createObjectNode();
        if (note != null && !note.isBlank()) {
            details.put("note", note.strip());
        }
        return details;
    }

    private static String format(Instant instant, SiteStepRunner.Context context) {
        return SiteWorkWindow.format(instant, context.zone());
    }
}
