package org.tezuo.app.permit.simops;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tezuo.core.metadata.MetadataStore;
import org.tezuo.metadata.MetadataKind;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

/**
 * The SIMOPS thresholds of the tenant's newest published rulesets, each read once per check. A conflict uses the
 * ruleset of the permit type whose clause it applies: the distances around hot work come from {@code hot-work}, the
 * blind-flange rules from {@code blind-flange}, and so on.
 */
final class SimopsThresholds {

    private static final Logger log = LoggerFactory.getLogger(SimopsThresholds.class);

    /** A threshold's value with its unit and clause. */
    record Threshold(String name, JsonNode value, String unit, String source) {

        BigDecimal decimal() {
            if (!value.isNumber()) {
                throw new IllegalArgumentException("Threshold " + name + " is " + value + "; it must be a number");
            }
            return value.decimalValue();
        }

        ConflictSeverity severity() {
            return ConflictSeverity.of(name, value.asString());
        }

        String text() {
            return value.isNumber() ? value.decimalValue().stripTrailingZeros().toPlainString() : value.asString();
        }
    }

    private final MetadataStore metadata;
    private final long tenantId;
    private final Map<String, JsonNode> rulesets = new HashMap<>();

    SimopsThresholds(MetadataStore metadata, long tenantId) {
        this.metadata = metadata;
        this.tenantId = tenantId;
    }

    /**
     * Returns a threshold of the ruleset, or empty when the tenant's ruleset does not declare it: a tenant that has
     * not applied the pack version with the SIMOPS thresholds gets no SIMOPS check of that kind.
     */
    Optional<Threshold> find(String rulesetKey, String name) {
        JsonNode thresholds = rulesets.computeIfAbsent(rulesetKey, key -> metadata
                .findPublished(tenantId, MetadataKind.RULESET, key).map(document -> document.body().path("thresholds"))
                .orElse(MissingNode.getInstance()));
        JsonNode threshold = thresholds.path(name);
        if (threshold.isMissingNode()) {
            log.info("Ruleset {} of tenant {} has no threshold {}; that SIMOPS check is off", rulesetKey, tenantId,
                    name);
            return Optional.empty();
        }
        return Optional.of(new Threshold(name, threshold.path("value"), threshold.path("unit").asString(""),
                threshold.path("source").asString("")));
    }
}
