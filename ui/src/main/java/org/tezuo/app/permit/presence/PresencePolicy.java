package org.tezuo.app.permit.presence;

import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.tezuo.app.permit.Permit;
import org.tezuo.app.permit.PermitDrafter;
import org.tezuo.app.permit.site.PermitSite;
import org.tezuo.core.metadata.MetadataStore;
import org.tezuo.core.record.EntityNotFoundException;
import org.tezuo.core.record.RecordNotFoundException;
import org.tezuo.core.rules.RulesetCompiler;
import org.tezuo.form.record.RecordService;
import org.tezuo.metadata.MetadataDocument;
import org.tezuo.metadata.MetadataKind;
import tools.jackson.databind.JsonNode;

/**
 * Reads what a presence check of one permit depends on: the presence thresholds of the ruleset version in force on
 * site, and the geometry of the site zone the permit's form picks (form role {@code zone}, a {@code site_zone}
 * register record).
 */
@Component
class PresencePolicy {

    /** Entity of the site zone register. */
    static final String SITE_ZONE_ENTITY = "site_zone";

    private static final Logger log = LoggerFactory.getLogger(PresencePolicy.class);

    private final MetadataStore metadata;
    private final RulesetCompiler compiler;
    private final PermitDrafter drafter;
    private final RecordService records;

    PresencePolicy(MetadataStore metadata, RulesetCompiler compiler, PermitDrafter drafter, RecordService records) {
        this.metadata = metadata;
        this.compiler = compiler;
        this.drafter = drafter;
        this.records = records;
    }

    /**
     * The thresholds and zone of one permit.
     *
     * @param zone the zone's geometry, or null when the permit picks no zone or the zone has no coordinates
     * @param zoneName the zone's name, or null when the permit picks no zone
     */
    record Applied(PresenceThresholds thresholds, @Nullable ZoneGeometry zone, @Nullable String zoneName) {
    }

    Applied of(Permit permit, PermitSite site) {
        PresenceThresholds thresholds = thresholds(permit, site.rulesetVersion());
        JsonNode zoneRecord = zoneRecord(permit).orElse(null);
        if (zoneRecord == null) {
            return new Applied(thresholds, null, null);
        }
        ZoneGeometry zone = ZoneGeometry.fromZoneRecord(zoneRecord, thresholds.zoneRadiusMetres().doubleValue())
                .orElse(null);
        return new Applied(thresholds, zone, zoneRecord.path("name").asString(null));
    }

    private PresenceThresholds thresholds(Permit permit, int rulesetVersion) {
        MetadataDocument document = metadata.find(permit.tenantId(), MetadataKind.RULESET, permit.rulesetKey(),
                        rulesetVersion)
                .orElseThrow(() -> new IllegalStateException("Ruleset " + permit.rulesetKey() + "@" + rulesetVersion
                        + " of permit " + permit.id() + " is missing"));
        return PresenceThresholds.of(compiler.load(document.reference(), document.body()).ruleset().thresholds());
    }

    private Optional<JsonNode> zoneRecord(Permit permit) {
        JsonNode reference = drafter.formOf(permit).boundValue("zone", permit.data());
        if (!reference.canConvertToLong() && !(reference.isString() && reference.asString().matches("\\d{1,18}"))) {
            return Optional.empty();
        }
        long id = reference.isString() ? Long.parseLong(reference.asString()) : reference.asLong();
        try {
            return Optional.of(records.read(permit.tenantId(), SITE_ZONE_ENTITY, id).data());
        } catch (RecordNotFoundException | EntityNotFoundException e) {
            log.info("Site zone {} of permit {} of tenant {} is not available for presence checks: {}", id,
                    permit.id(), permit.tenantId(), e.toString());
            return Optional.empty();
        }
    }
}
