package org.tezuo.core.qualification.warning;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Parses the {@code warnings} array of a ruleset document into {@link WarningRule}s. The meta-schema has checked
 * the array when the ruleset was saved; a ruleset without the array has no warnings.
 */
public final class WarningRuleParser {

    /** Returns the warning rules of a ruleset body, in document order. */
    public List<WarningRule> parse(JsonNode rulesetBody) {
        List<WarningRule> rules = new ArrayList<>();
        for (JsonNode entry : rulesetBody.path("warnings")) {
            List<String> recipients = new ArrayList<>();
            entry.path("recipients").forEach(role -> recipients.add(role.asString()));
            Set<WarningAction> actions = EnumSet.noneOf(WarningAction.class);
            entry.path("actions").forEach(action -> actions.add(WarningAction.fromCode(action.asString())));
            rules.add(new WarningRule(
                    entry.path("id").asString(),
                    entry.path("offsetDays").asInt(),
                    WarningKind.fromCode(entry.path("kind").asString()),
                    recipients,
                    entry.hasNonNull("link") ? entry.get("link").asString() : null,
                    actions,
                    entry.path("source").asString(),
                    entry.path("topic").asString(WarningRule.DEFAULT_TOPIC),
                    escalation(entry.path("escalation")),
                    WarningRule.CountsFrom.fromCode(entry.path("countsFrom").asString(
                            WarningRule.CountsFrom.DUE_DATE.code())),
                    label(entry.path("label"))));
        }
        return List.copyOf(rules);
    }

    private static WarningRule.@Nullable Label label(JsonNode node) {
        if (!node.hasNonNull("zh")) {
            return null;
        }
        return new WarningRule.Label(node.get("zh").asString(), node.hasNonNull("en") ? node.get("en").asString() : null);
    }

    private static WarningRule.@Nullable Escalation escalation(JsonNode node) {
        if (!node.isObject()) {
            return null;
        }
        return new WarningRule.Escalation(Duration.ofHours(node.path("afterHours").asLong()),
                node.path("role").asString());
    }
}
