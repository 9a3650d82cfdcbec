package org.tezuo.app.permit;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.tezuo.core.risk.RiskScore;
import org.tezuo.core.risk.ScoredRiskItem;

/**
 * The risk score as stored with a permit at submission: the 0–100 total, its band, the sub-score of each dimension
 * and the factors ranked by what they add, each with its live value.
 *
 * @param subScores sub-score by dimension key (workType, location, environment, equipment, personnel)
 * @param source where the weights and bands come from
 */
public record PermitRiskScore(int total, String band, String bandZh, @Nullable String bandEn,
        Map<String, BigDecimal> subScores, List<Item> items, String source) {

    /** One ranked factor; value and limit are text as shown. */
    public record Item(int rank, String code, String dimension, BigDecimal points, BigDecimal contribution,
            String labelZh, @Nullable String labelEn, @Nullable String value, @Nullable String limit, String unit,
            String source) {

        public String label(Locale locale) {
            return "en".equals(locale.getLanguage()) && labelEn != null ? labelEn : labelZh;
        }
    }

    static PermitRiskScore of(RiskScore score) {
        Map<String, BigDecimal> subScores = new java.util.LinkedHashMap<>();
        score.subScores().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(entry -> subScores.put(entry.getKey().key(), entry.getValue()));
        return new PermitRiskScore(score.total(), score.band(), score.bandLabel().zh(), score.bandLabel().en(),
                subScores, score.items().stream().map(PermitRiskScore::item).toList(), score.source());
    }

    /** Returns the band name for {@code locale}. */
    public String bandLabel(Locale locale) {
        return "en".equals(locale.getLanguage()) && bandEn != null ? bandEn : bandZh;
    }

    /**
     * Returns this score with {@code note} appended to the source of every item of {@code dimension}, for example to
     * say whether the equipment values are live or manual and how old they are.
     */
    PermitRiskScore withDimensionSource(String dimension, String note) {
        List<Item> noted = items.stream().map(item -> !item.dimension().equals(dimension) ? item
                : new Item(item.rank(), item.code(), item.dimension(), item.points(), item.contribution(),
                        item.labelZh(), item.labelEn(), item.value(), item.limit(), item.unit(),
                        item.source() + "；" + note)).toList();
        return new PermitRiskScore(total, band, bandZh, bandEn, subScores, noted, source);
    }

    /** Returns the first {@code count} items by rank. */
    public List<Item> top(int count) {
        return items.subList(0, Math.min(count, items.size()));
    }

    private static Item item(ScoredRiskItem item) {
        return new Item(item.rank(), item.code(), item.dimension().key(), item.points(), item.contribution(),
                item.label().zh(), item.label().en(), text(item.value()), text(item.limit()), item.unit(),
                item.source());
    }

    private static @Nullable String text(@Nullable Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof BigDecimal decimal ? decimal.stripTrailingZeros().toPlainString() : value.toString();
    }
}
