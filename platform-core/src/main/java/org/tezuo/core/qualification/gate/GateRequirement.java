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
 *     operation that no special-operation certificate covers (受限空间, 盲板抽堵, 动土). The gate then checks only the
 *     ledger entry, the freeze, absences and recent anomalies.
 * @param anomalyLookbackDays days back in which any qualification anomaly blocks the person
 * @param source the clause or enterprise rule the requirement comes from
 * @param rulesetReference the document it was read from, for messages
 * @param checksApplicant whether the applicant is checked ({@code applicant} in {@code gate.appliesTo})
 * @param checksWorkers whether the workers the form names are checked ({@code workers} in {@code gate.appliesTo})
 */
public record GateRequirement(Set<String> requiredItems, int anomalyLookbackDays, String source,
        String rulesetReference, boolean checksApplicant, boolean checksWorkers) {

    /** Creates a requirement that checks both the applicant and the workers. */
    public GateRequirement(Set<String> requiredItems, int anomalyLookbackDays, String source,
            String rulesetReference) {
        this(requiredItems, anomalyLookbackDays, source, rulesetReference, true, true);
    }

    /**
     * Reads the requirement from a qualification ruleset document. A missing part is a metadata error, and so is an
     * empty {@code gate.requiredItems} list unless the gate states {@code "noCertificateItem": true}. Without
     * {@code gate.appliesTo} both the applicant and the workers are checked; with it, only the subjects it lists,
     * so a temporary-electricity permit checks the electricians it names and not the applicant who needs power.
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
        JsonNode appliesTo = gate.path("appliesTo");
        boolean everyone = !appliesTo.isArray();
        return new GateRequirement(Set.copyOf(items), lookback.asInt(), gate.path("source").asString(""),
                ruleset.reference(), everyone || lists(appliesTo, "applicant"),
                everyone || lists(appliesTo, "workers"));
    }

    private static boolean lists(JsonNode array, String subject) {
        return array.valueStream().anyMatch(item -> subject.equals(item.asString()));
    }
}
