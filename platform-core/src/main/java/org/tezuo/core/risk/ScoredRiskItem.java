package org.tezuo.core.risk;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;
import org.tezuo.core.rules.LocalizedText;

/**
 * One factor of a risk score with the live value it was scored on.
 *
 * @param code the factor id from the ruleset's scoring section, for example {@code score.environment.wind}
 * @param rank 1 for the factor that adds most to the total
 * @param dimension the dimension the factor belongs to
 * @param points the factor's points within its dimension, 0 to 100
 * @param contribution the points the factor adds to the 0–100 total after dimension weighting
 * @param label what the factor measures, in Chinese and English
 * @param value the live value, or null when the data is missing
 * @param limit the limit the value is compared with, or null
 * @param unit the unit of value and limit, empty when none
 * @param source where the value comes from and which clause or enterprise practice sets the limit
 */
public record ScoredRiskItem(String code, int rank, RiskDimension dimension, BigDecimal points,
        BigDecimal contribution, LocalizedText label, @Nullable Object value, @Nullable Object limit, String unit,
        String source) {
}
