package org.tezuo.core.standard;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.tezuo.core.pack.ActivePolicy;
import org.tezuo.core.rules.CompiledRuleset;
import org.tezuo.core.rules.LocalizedText;
import org.tezuo.core.rules.Ruleset;
import org.tezuo.core.rules.Threshold;
import org.tezuo.metadata.MetadataDocument;
import tools.jackson.databind.JsonNode;

/**
 * Reads the thresholds in force of a tenant, as {@link ActivePolicy} binds them for evaluation, so the screen shows
 * exactly the values the rules use.
 */
@Component
public class StandardsCatalog {

    private final ActivePolicy policy;
    private final ThresholdOverrides overrides;

    StandardsCatalog(ActivePolicy policy, ThresholdOverrides overrides) {
        this.policy = policy;
        this.overrides = overrides;
    }

    /** Returns the tenant's published rulesets that declare thresholds, kinds of work with a catalogue name first. */
    public List<StandardScenario> scenarios(long tenantId, Locale locale) {
        ActivePolicy.Snapshot snapshot = policy.snapshot(tenantId);
        List<StandardScenario> scenarios = new ArrayList<>();
        snapshot.rulesets().forEach((key, compiled) -> {
            Ruleset ruleset = compiled.ruleset();
            if (ruleset.thresholds().isEmpty()) {
                return;
            }
            JsonNode body = snapshot.documents().get(key).body();
            Map<String, List<ThresholdUsage>> usages = ThresholdUsageIndex.of(ruleset, body);
            List<StandardItem> items = ruleset.thresholds().values().stream()
                    .map(threshold -> item(key, threshold, body, usages.getOrDefault(threshold.key(), List.of()).size(),
                            locale))
                    .toList();
            scenarios.add(new StandardScenario(key, snapshot.versions().get(key), ruleset.scenario(),
                    new LocalizedText(ruleset.scenarioLabel(Locale.SIMPLIFIED_CHINESE),
                            ruleset.scenarioLabel(Locale.ENGLISH)),
                    ruleset.name(), ruleset.source(), items));
        });
        scenarios.sort(Comparator.comparing((StandardScenario scenario) -> scenario.rulesetName()
                .equals(scenario.scenarioLabel())).thenComparing(StandardScenario::rulesetKey));
        return scenarios;
    }

    /**
     * Returns one threshold with its usages and override history.
     *
     * @throws StandardsException.NotFound when the tenant has no such published ruleset or threshold
     */
    public StandardDetail detail(long tenantId, String rulesetKey, String thresholdKey, Locale locale) {
        ActivePolicy.Snapshot snapshot = policy.snapshot(tenantId);
        Threshold threshold = inForce(snapshot, rulesetKey, thresholdKey);
        JsonNode body = snapshot.documents().get(rulesetKey).body();
        List<ThresholdUsage> usages = ThresholdUsageIndex.of(snapshot.rulesets().get(rulesetKey).ruleset(), body)
                .getOrDefault(thresholdKey, List.of());
        return new StandardDetail(item(rulesetKey, threshold, body, usages.size(), locale), usages,
                overrides.history(tenantId, rulesetKey, thresholdKey));
    }

    /**
     * Returns the threshold in force, with its origin.
     *
     * @throws StandardsException.NotFound when the snapshot has no such ruleset or threshold
     */
    static Threshold inForce(ActivePolicy.Snapshot snapshot, String rulesetKey, String thresholdKey) {
        CompiledRuleset compiled = snapshot.rulesets().get(rulesetKey);
        Threshold threshold = compiled == null ? null : compiled.ruleset().thresholds().get(thresholdKey);
        if (threshold == null) {
            throw new StandardsException.NotFound(rulesetKey, thresholdKey);
        }
        return threshold;
    }

    private static StandardItem item(String rulesetKey, Threshold threshold, JsonNode body, int usageCount,
            Locale locale) {
        JsonNode note = body.path("thresholds").path(threshold.key()).get("note");
        LocalizedText label = threshold.label() == null ? new LocalizedText(threshold.key(), null) : threshold.label();
        return new StandardItem(rulesetKey, threshold.key(), label, threshold.value(),
                threshold.origin().documentValue(), threshold.unit(), threshold.source(), threshold.unconfirmed(),
                note == null || note.isNull() ? null : note.asString(), threshold.origin(),
                threshold.origin().describe(locale), threshold.direction(), threshold.range(),
                PhysicalRange.of(threshold.unit()).orElse(null), OverrideCheck.mandatory(threshold.source()),
                usageCount);
    }
}
