package org.tezuo.app.permit.site;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.tezuo.app.permit.Permit;
import org.tezuo.app.permit.PermitDrafter;
import tools.jackson.databind.JsonNode;

/**
 * The safety measures a permit lists in its form's measure table (binding {@code safetyMeasures}, rows with the
 * measure text {@code item} and {@code applies}), and the check that the pre-start check or hand-over confirmed
 * each one that applies. A form without that table, or a permit on which no measure applies, keeps the single
 * tick.
 */
@Component
public class SiteMeasures {

    /** The form binding of the measure table. */
    static final String BINDING = "safetyMeasures";

    private final PermitDrafter drafter;

    SiteMeasures(PermitDrafter drafter) {
        this.drafter = drafter;
    }

    /** Returns the measures that apply on the permit in row order, or none when its form has no measure table. */
    public List<SiteMeasure> applicable(Permit permit) {
        return applicable(drafter.formOf(permit).boundValue(BINDING, permit.data()));
    }

    /** Returns the rows of a measure table that apply in row order, or none for a value that is not a table. */
    static List<SiteMeasure> applicable(JsonNode rows) {
        List<SiteMeasure> measures = new ArrayList<>();
        for (int index = 0; index < rows.size(); index++) {
            JsonNode row = rows.path(index);
            String item = row.path("item").asString("");
            if (row.path("applies").asBoolean(false) && !item.isBlank()) {
                measures.add(new SiteMeasure(index + 1, item.strip()));
            }
        }
        return List.copyOf(measures);
    }

    /**
     * Returns the confirmed row numbers in order, after checking that the confirmation covers every measure that
     * applies and names no other row. A permit with no measure that applies needs the single tick instead.
     *
     * @throws SiteActionException naming the rows that do not apply, or the measures not confirmed
     */
    List<Integer> requireConfirmed(Permit permit, MeasureConfirmation confirmation, SiteAction action) {
        return requireConfirmed(applicable(permit), confirmation, action);
    }

    /** Checks a confirmation against the measures that apply, as {@link #requireConfirmed(Permit, MeasureConfirmation, SiteAction)} does. */
    static List<Integer> requireConfirmed(List<SiteMeasure> applicable, MeasureConfirmation confirmation,
            SiteAction action) {
        Set<Integer> confirmed = confirmation.measures() == null ? Set.of() : new TreeSet<>(confirmation.measures());
        Set<Integer> numbers = applicable.stream().map(SiteMeasure::number).collect(Collectors.toSet());
        List<Integer> unknown = confirmed.stream().filter(number -> !numbers.contains(number)).toList();
        if (!unknown.isEmpty()) {
            throw new SiteActionException("site.measures.unknown", action, joined(unknown),
                    applicable.isEmpty() ? SiteText.of("site.list.none") : joined(List.copyOf(new TreeSet<>(numbers))));
        }
        if (applicable.isEmpty()) {
            if (!confirmation.ticked()) {
                throw new SiteActionException("site.measuresNotConfirmed", action);
            }
            return List.of();
        }
        if (confirmation.measures() == null && confirmation.ticked()) {
            throw new SiteActionException("site.measures.confirmEach", action, applicable.size(),
                    SiteText.join(applicable));
        }
        List<SiteMeasure> missing = applicable.stream()
                .filter(measure -> !confirmed.contains(measure.number()))
                .toList();
        if (!missing.isEmpty()) {
            throw new SiteActionException("site.measures.unconfirmed", action, SiteText.join(missing));
        }
        return List.copyOf(confirmed);
    }

    private static SiteText joined(List<Integer> numbers) {
        return SiteText.join(numbers.stream().map(number -> SiteText.fixed(number.toString(), number.toString()))
                .toList());
    }
}
