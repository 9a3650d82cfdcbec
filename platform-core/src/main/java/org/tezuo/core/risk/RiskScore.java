package org.tezuo.core.risk;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.tezuo.core.rules.LocalizedText;

/**
 * A permit's risk score: the 0–100 total, its band, the sub-score of each dimension and the factors ranked by
 * what they add to the total.
 *
 * @param total the weighted total, 0 to 100, rounded to a whole number
 * @param band the key of the band the total falls in, for example {@code major}
 * @param bandLabel the band's name, for example 重大风险
 * @param subScores each dimension's sub-score, 0 to 100
 * @param items every factor, highest contribution first
 * @param source where the weights and bands come from
 */
public record RiskScore(int total, String band, LocalizedText bandLabel, Map<RiskDimension, BigDecimal> subScores,
        List<ScoredRiskItem> items, String source) {

    public RiskScore {
        subScores = Map.copyOf(subScores);
        items = List.copyOf(items);
    }
}
