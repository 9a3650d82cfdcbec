package org.tezuo.core.standard;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.tezuo.core.rules.LocalizedText;

/**
 * One published ruleset with its thresholds, the second level of the standards tree.
 *
 * @param scenario the ruleset's scenario key, for example {@code hot-work}, or null
 * @param scenarioLabel the name of the kind of work, for example 动火作业
 * @param regulation the regulation the ruleset implements, or null
 */
public record StandardScenario(String rulesetKey, int version, @Nullable String scenario,
        LocalizedText scenarioLabel, LocalizedText rulesetName, @Nullable String regulation,
        List<StandardItem> items) {

    public StandardScenario {
        items = List.copyOf(items);
    }
}
