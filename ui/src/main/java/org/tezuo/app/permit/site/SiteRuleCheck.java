package org.tezuo.app.permit.site;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.tezuo.app.permit.Permit;
import org.tezuo.app.permit.PermitDrafter;
import org.tezuo.app.permit.PermitRuleVariables;
import org.tezuo.app.security.Role;
import org.tezuo.core.connector.weather.WeatherObservation;
import org.tezuo.core.environment.GasReading;
import org.tezuo.core.environment.GasReadingParser;
import org.tezuo.core.metadata.MetadataStore;
import org.tezuo.core.pack.ActivePolicy;
import org.tezuo.core.risk.RiskAssessment;
import org.tezuo.core.risk.RiskEvaluator;
import org.tezuo.core.risk.RiskItem;
import org.tezuo.core.rules.CompiledRuleset;
import org.tezuo.core.rules.Rule;
import org.tezuo.core.rules.RuleScope;
import org.tezuo.core.rules.RuleSeverity;
import org.tezuo.core.rules.RulesetCompiler;
import org.tezuo.core.rules.Threshold;
import org.tezuo.metadata.MetadataDocument;
import org.tezuo.metadata.MetadataKind;
import tools.jackson.databind.JsonNode;

/**
 * Evaluates a permit's ruleset for a site step. The permit variables come from the form data as on submission;
 * besides them the rules read {@code siteAction} (the step, or {@code watch} for the watcher),
 * {@code siteStopMinutes} (how long a suspended permit has been stopped), {@code siteGasTestAgeMinutes} (minutes
 * since the newest passed gas test on site was measured) and {@code siteReminderLeadMinutes} (how early the
 * watcher announces a re-test). {@code workEnd} is the end of the validity on site, which extensions move.
 */
@Component
class SiteRuleCheck {

    /** Threshold naming the role of the required check before the start. */
    static final String SHIFT_CHECK_ROLE = "siteShiftCheckRole";
    /** Threshold that makes closing require the fire watch's confirmation. */
    static final String FIRE_WATCH_REQUIRED = "siteFireWatchRequired";

    private final MetadataStore metadata;
    private final RulesetCompiler compiler;
    private final ActivePolicy policy;
    private final RiskEvaluator evaluator;
    private final PermitDrafter drafter;
    private final PermitSiteStore sites;

    SiteRuleCheck(MetadataStore metadata, RulesetCompiler compiler, ActivePolicy policy, RiskEvaluator evaluator,
            PermitDrafter drafter, PermitSiteStore sites) {
        this.metadata = metadata;
        this.compiler = compiler;
        this.policy = policy;
        this.evaluator = evaluator;
        this.drafter = drafter;
        this.sites = sites;
    }

    /** A ruleset version of a permit, compiled. */
    record SiteRuleset(int version, CompiledRuleset compiled) {

        boolean declares(String variable) {
            return compiled.ruleset().variables().contains(variable);
        }

        @Nullable String unitOf(String ruleId) {
            return compiled.ruleset().rules().stream()
                    .filter(rule -> rule.id().equals(ruleId))
                    .map(Rule::unit)
                    .filter(unit -> !unit.isEmpty())
                    .findFirst()
                    .orElse(null);
        }
    }

    /** The live data of one evaluation; a null value reaches the rules as null. */
    record Inputs(SiteAction action, @Nullable WeatherObservation weather, List<GasReading> readings, Instant now,
            @Nullable Instant workEnd, @Nullable Duration stopped, @Nullable Duration sinceGasTest,
            @Nullable Duration reminderLead) {
    }

    /**
     * Returns the version in force on site: the site's, or the approved version before acceptance. While that version
     * is still the published one, it comes from {@link ActivePolicy} with the tenant's enterprise overrides in force.
     * An older version is compiled with its document values.
     */
    SiteRuleset inForce(Permit permit, @Nullable PermitSite site) {
        Integer version = site != null ? Integer.valueOf(site.rulesetVersion()) : permit.rulesetVersion();
        if (version == null) {
            return current(permit);
        }
        ActivePolicy.Snapshot snapshot = policy.snapshot(permit.tenantId());
        if (version.equals(snapshot.versions().get(permit.rulesetKey()))) {
            return new SiteRuleset(version, snapshot.rulesets().get(permit.rulesetKey()));
        }
        MetadataDocument document = metadata.find(permit.tenantId(), MetadataKind.RULESET, permit.rulesetKey(), version)
                .orElseThrow(() -> new IllegalStateException("Ruleset " + permit.rulesetKey() + "@" + version
                        + " of permit " + permit.id() + " is missing"));
        return new SiteRuleset(version, compiler.load(document.reference(), document.body()));
    }

    /**
     * Returns the newest published version with the tenant's enterprise overrides in force, which re-evaluation
     * points (gas tests, extensions, hand-overs) use.
     */
    SiteRuleset current(Permit permit) {
        ActivePolicy.Snapshot snapshot = policy.snapshot(permit.tenantId());
        CompiledRuleset compiled = snapshot.requireRuleset(permit.rulesetKey());
        return new SiteRuleset(snapshot.versions().get(permit.rulesetKey()), compiled);
    }

    SiteProfile profile(SiteRuleset ruleset) {
        boolean gasTest = ruleset.compiled().ruleset().rules().stream()
                .anyMatch(rule -> rule.scope() == RuleScope.GAS_READING);
        Map<String, Threshold> thresholds = ruleset.compiled().ruleset().thresholds();
        Threshold shiftCheck = thresholds.get(SHIFT_CHECK_ROLE);
        Threshold fireWatch = thresholds.get(FIRE_WATCH_REQUIRED);
        Role role = shiftCheck == null ? null : Role.fromCode(String.valueOf(shiftCheck.value()));
        return new SiteProfile(gasTest, role, shiftCheck == null ? "" : shiftCheck.source(),
                fireWatch != null && Boolean.TRUE.equals(fireWatch.value()) ? fireWatch.source() : null);
    }

    /**
     * Evaluates a step of an accepted permit on its live data. That is the weather (read only when the ruleset
     * declares it), the readings of the newest gas test on site, and the time since the stop and since the newest
     * passed gas test.
     *
     * @param workEnd the end of the validity to evaluate, such as the end an extension requests
     * @param reminderLead how early the watcher announces a due re-test, or null outside the watcher
     */
    RiskAssessment evaluateStep(SiteStepRunner.Context context, SiteRuleset ruleset, SiteAction action,
            @Nullable Instant workEnd, Supplier<Optional<WeatherObservation>> weather,
            @Nullable Duration reminderLead) {
        PermitSite site = context.requireSite();
        Permit permit = context.permit();
        WeatherObservation observation = ruleset.declares("weather") ? weather.get().orElse(null) : null;
        List<GasReading> readings = sites.newestGasTest(permit.tenantId(), permit.id())
                .map(test -> readingsOf(test, context.zone()))
                .orElse(List.of());
        Duration stopped = site.stoppedAt() == null ? null : Duration.between(site.stoppedAt(), context.now());
        Duration sinceGasTest = site.lastPassedGasTestAt() == null ? null
                : Duration.between(site.lastPassedGasTestAt(), context.now());
        return evaluate(permit, ruleset, new Inputs(action, observation, readings, context.now(), workEnd, stopped,
                sinceGasTest, reminderLead), context.zone());
    }

    RiskAssessment evaluate(Permit permit, SiteRuleset ruleset, Inputs inputs, ZoneId zone) {
        CompiledRuleset compiled = ruleset.compiled();
        Map<String, @Nullable Object> variables = new HashMap<>(PermitRuleVariables.of(
                compiled.ruleset().variables(), drafter.formOf(permit), permit.data(), zone));
        variables.put("siteAction", inputs.action().ruleValue());
        variables.put("siteStopMinutes", minutes(inputs.stopped()));
        variables.put("siteGasTestAgeMinutes", minutes(inputs.sinceGasTest()));
        variables.put("siteReminderLeadMinutes", minutes(inputs.reminderLead()));
        if (inputs.workEnd() != null) {
            variables.put("workEnd", OffsetDateTime.ofInstant(inputs.workEnd(), zone));
        }
        return evaluator.evaluate(compiled, variables, inputs.weather(), inputs.readings(),
                OffsetDateTime.ofInstant(inputs.now(), zone));
    }

    /** Returns the start of the work window the permit was approved with, or empty when its form has none. */
    Optional<Instant> plannedStart(Permit permit) {
        return boundInstant(permit, "workStart");
    }

    /** Returns the end of the work window the permit was approved with, or empty when its form has none. */
    Optional<Instant> plannedEnd(Permit permit) {
        return boundInstant(permit, "workEnd");
    }

    private Optional<Instant> boundInstant(Permit permit, String role) {
        JsonNode value = drafter.formOf(permit).boundValue(role, permit.data());
        if (!value.isString() || value.asString().isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(value.asString()).toInstant());
        } catch (java.time.format.DateTimeParseException e) {
            // Submission validated the form, so an unreadable time is not expected; the permit then has none.
            return Optional.empty();
        }
    }

    /** Returns the blocking items as reasons; {@code gasOnly} keeps those of single readings. */
    static List<SiteReason> blocking(RiskAssessment assessment, SiteRuleset ruleset, boolean gasOnly) {
        return reasons(blockingItems(assessment, gasOnly), ruleset);
    }

    /** Returns the blocking items; {@code gasOnly} keeps those of single readings. */
    static List<RiskItem> blockingItems(RiskAssessment assessment, boolean gasOnly) {
        return assessment.withSeverity(RuleSeverity.BLOCK).stream()
                .filter(item -> !gasOnly || item.detectorId() != null)
                .toList();
    }

    static List<SiteReason> reasons(List<RiskItem> items, SiteRuleset ruleset) {
        return items.stream().map(item -> SiteReason.of(item, ruleset.unitOf(item.code()))).toList();
    }

    /** Returns the item of a re-test reminder rule (id ending in {@code .site.retest-due}), if it fired. */
    static Optional<RiskItem> retestDue(RiskAssessment assessment) {
        return assessment.items().stream().filter(item -> item.code().endsWith(".site.retest-due")).findFirst();
    }

    /** Returns the readings of a gas test event as posted. */
    static List<GasReading> readingsOf(SiteEvent gasTest, ZoneId zone) {
        JsonNode payloads = gasTest.details().path("payloads");
        return payloads.isArray() && !payloads.isEmpty()
                ? new GasReadingParser(zone).parse(payloads.toString())
                : List.of();
    }

    private static @Nullable BigDecimal minutes(@Nullable Duration duration) {
        return duration == null ? null
                : BigDecimal.valueOf(duration.toMillis()).divide(BigDecimal.valueOf(60_000), 2, RoundingMode.HALF_UP);
    }
}
