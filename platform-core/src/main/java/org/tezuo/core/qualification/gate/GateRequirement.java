package org.tezuo.core.qualification.gate;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.tezuo.metadata.MetadataDocument;
import tools.jackson.databind.JsonNode;

/**
 * The requirement a permit type sets for its applicant and workers, read from the {@code gate} section and the
 * {@code anomalyLookbackDays} threshold of a ruleset document.
 *
 * @param requiredItems certificate items (操作项目), any one of which qualifies a person. The list is empty for an
 *     operation that no special-operation certificate covers (受限空间, 盲板抽堵). The gate then checks only the
 *     ledger entry, the freeze, absences and recent anomalies.
 * @param anomalyLookbackDays days back in which any qualification anomaly blocks the person
 * @param source the clause or enterprise rule the requirement comes from
 * @param rulesetReference the document it was read from, for messages
 */
public record GateRequirement(Set<String> requiredItems, int anomalyLookbackDays, String source,
        String rulesetReference) {

    /**
     * Reads the requirement from a qualification ruleset document. A missing part is a metadata error, and so is an
     * empty {@code gate.requiredItems} list unless the gate states {@code "noCertificateItem": true}.
     */
    public static GateRequirement from(MetadataDocument ruleset) {
        JsonNode body = ruleset.body();
        JsonNode gate = body.path("gate");
        List<String> items = new ArrayList<>();
        gate.path("requiredItems").forEach(item -> items.add(item.asString()));
        boolean itemsRequired = !gate.path("noCertificateItem").asBoolean(false);
        JsonNode lookback = body.path("thresholds").path("anomalyLookbackDays").path("value");
        if ((itemsRequired && items.isEmpty()) || !lookback.canConvertToInt()) {
            throw new IllegalStateException("Ruleset " + ruleset.reference()
                    + " needs gate.requiredItems (or gate.noCertificateItem true) and"
                    + " thresholds.anomalyLookbackDays.value");
        }
        return new GateRequirement(Set.copyOf(items), lookback.asInt(), gate.path("source").asString(""),
                ruleset.reference());
    }
}
