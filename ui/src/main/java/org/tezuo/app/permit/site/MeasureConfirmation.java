package org.tezuo.app.permit.site;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The confirmation of the safety measures that a person gives at the pre-start check or the hand-over.
 *
 * @param measures the row numbers of the measures confirmed one by one, or null when the person sent none
 * @param ticked the single tick "measures confirmed", which counts only on a permit with no measure that applies
 */
public record MeasureConfirmation(@Nullable List<Integer> measures, boolean ticked) {

    public MeasureConfirmation {
        measures = measures == null ? null : measures.stream().filter(Objects::nonNull).toList();
    }

    /** Returns the confirmation of the listed measure rows. */
    public static MeasureConfirmation of(Collection<Integer> measures) {
        return new MeasureConfirmation(List.copyOf(measures), false);
    }

    /** Returns the single tick, for a permit whose form has no measure table. */
    public static MeasureConfirmation ticked(boolean ticked) {
        return new MeasureConfirmation(null, ticked);
    }
}
