package org.tezuo.core.risk;

import java.util.List;
import org.tezuo.core.rules.RuleSeverity;

/**
 * The ranked result of a risk evaluation: blocking items first, then confirmations, then information, each group
 * in ruleset order.
 */
public record RiskAssessment(List<RiskItem> items) {

    public RiskAssessment {
        items = List.copyOf(items);
    }

    /** Returns true when at least one item blocks the permit. */
    public boolean blocked() {
        return items.stream().anyMatch(item -> item.severity() == RuleSeverity.BLOCK);
    }

    public List<RiskItem> withSeverity(RuleSeverity severity) {
        return items.stream().filter(item -> item.severity() == severity).toList();
    }
}
