package org.tezuo.app.permit;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.tezuo.core.i18n.UserMessages;
import org.tezuo.core.record.EntityNotFoundException;
import org.tezuo.core.record.RecordNotFoundException;
import org.tezuo.form.definition.FormDefinition;
import org.tezuo.form.definition.FormField;
import org.tezuo.form.record.RecordService;
import tools.jackson.databind.JsonNode;

/**
 * Compares the hot-work area category a permit declares with the hazardous-area class of the site zone it picks.
 * The category decides the grade, so a permit that calls a zone-1 tank farm a fixed hot-work area would be approved
 * as 二级 with a 72-hour validity. A category outside fire and explosion areas is refused for a zone the register
 * classes as an explosive atmosphere.
 */
@Component
class SiteZoneAreaCheck {

    private static final Logger log = LoggerFactory.getLogger(SiteZoneAreaCheck.class);

    /** The form field of the area category; a form without it is not checked. */
    static final String CATEGORY_FIELD = "areaClass";

    /** Codes of the {@code area-class} dictionary for explosive atmospheres (zones 0, 1 and 2). */
    static final Set<String> EXPLOSIVE_ZONE_CLASSES = Set.of("zone-0", "zone-1", "zone-2");

    /** Categories of {@link #CATEGORY_FIELD} that place the work outside fire and explosion areas. */
    static final Set<String> NON_HAZARDOUS_CATEGORIES = Set.of("fixed-hot-work-area", "non-hazardous");

    private static final String ZONE_ENTITY = "site_zone";

    private final RecordService records;
    private final AreaClassLabels areaClasses;

    SiteZoneAreaCheck(RecordService records, AreaClassLabels areaClasses) {
        this.records = records;
        this.areaClasses = areaClasses;
    }

    /**
     * Returns the refusal of a category that contradicts the picked zone, rendered in {@code locale}; empty when the
     * form has no category, the permit picks no zone or a missing one, or the two agree.
     */
    List<PermitRefusedException.Reason> violations(long tenantId, FormDefinition form, JsonNode data,
            Locale locale) {
        Optional<FormField> categoryField = form.field(CATEGORY_FIELD);
        String category = data.path(CATEGORY_FIELD).asString("");
        JsonNode reference = form.boundValue("zone", data);
        if (categoryField.isEmpty() || !NON_HAZARDOUS_CATEGORIES.contains(category)
                || !reference.isIntegralNumber()) {
            return List.of();
        }
        Optional<JsonNode> zone = zoneRecord(tenantId, reference.asLong());
        String zoneClass = zone.map(record -> record.path("areaClass").asString("")).orElse("");
        if (!EXPLOSIVE_ZONE_CLASSES.contains(zoneClass)) {
            return List.of();
        }
        String categoryLabel = categoryField.get().option(category)
                .map(option -> option.label().text(locale))
                .orElse(category);
        return List.of(new PermitRefusedException.Reason(CATEGORY_FIELD, UserMessages.render(
                PermitGateAction.BUNDLE, locale, "submit.zone.explosiveAreaCategory",
                zone.get().path("name").asString(""), areaClasses.label(tenantId, zoneClass, locale), categoryLabel,
                categoryField.get().label().text(locale))));
    }

    private Optional<JsonNode> zoneRecord(long tenantId, long id) {
        try {
            return Optional.of(records.read(tenantId, ZONE_ENTITY, id).data());
        } catch (RecordNotFoundException | EntityNotFoundException e) {
            log.info("Site zone #{} of tenant {} is not available for the area check: {}", id, tenantId,
                    e.toString());
            return Optional.empty();
        }
    }
}
