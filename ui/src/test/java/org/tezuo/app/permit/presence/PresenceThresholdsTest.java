package org.tezuo.app.permit.presence;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.tezuo.core.rules.Threshold;
import org.tezuo.core.rules.ThresholdDirection;
import org.tezuo.core.rules.ThresholdOrigin;

class PresenceThresholdsTest {

    private static final String SOURCE = "GB 30871-2022 4.10 要求监护人全程监护；本数值为企业实践，非该标准规定值";

    private static Threshold threshold(String key, String value, String unit) {
        return thresholdOf(key, new BigDecimal(value), unit);
    }

    private static Threshold thresholdOf(String key, Object value, String unit) {
        return new Threshold(key, value, unit, null, SOURCE, false, null, ThresholdDirection.NONE,
                new ThresholdOrigin(ThresholdOrigin.Kind.DOCUMENT, "ruleset:hot-work@1", SOURCE, null, value));
    }

    @Test
    @DisplayName("Ruleset values and their sources are used")
    void rulesetValuesUsed() {
        PresenceThresholds thresholds = PresenceThresholds.of(Map.of(
                PresenceThresholds.SNAPSHOT_INTERVAL, threshold(PresenceThresholds.SNAPSHOT_INTERVAL, "20", "min"),
                PresenceThresholds.OUTSIDE_ALERT, threshold(PresenceThresholds.OUTSIDE_ALERT, "2.5", "min"),
                PresenceThresholds.MAX_ACCURACY, threshold(PresenceThresholds.MAX_ACCURACY, "3E+1", "m")));

        assertThat(thresholds.snapshotInterval()).isEqualTo(Duration.ofMinutes(20));
        assertThat(thresholds.outsideAlertAfter()).isEqualTo(Duration.ofSeconds(150));
        assertThat(thresholds.maxAccuracyMetres()).isEqualByComparingTo("30");
        assertThat(thresholds.source(PresenceThresholds.OUTSIDE_ALERT)).isEqualTo(SOURCE);
    }

    @Test
    @DisplayName("Missing thresholds fall back to marked defaults")
    void missingThresholdsFallBack() {
        PresenceThresholds thresholds = PresenceThresholds.of(Map.of());

        assertThat(thresholds.snapshotInterval()).isEqualTo(Duration.ofMinutes(30));
        assertThat(thresholds.outsideAlertAfter()).isEqualTo(Duration.ofMinutes(5));
        assertThat(thresholds.snapshotAnswerWithin()).isEqualTo(Duration.ofMinutes(10));
        assertThat(thresholds.maxAccuracyMetres()).isEqualByComparingTo("50");
        assertThat(thresholds.zoneRadiusMetres()).isEqualByComparingTo("50");
        assertThat(thresholds.source(PresenceThresholds.SNAPSHOT_INTERVAL))
                .isEqualTo("企业实践默认值（规则集未配置；非 GB 30871-2022 规定值）");
    }

    @Test
    @DisplayName("Zero or non-numeric values fall back to defaults")
    void invalidValuesFallBack() {
        PresenceThresholds thresholds = PresenceThresholds.of(Map.of(
                PresenceThresholds.SNAPSHOT_INTERVAL, threshold(PresenceThresholds.SNAPSHOT_INTERVAL, "0", "min"),
                PresenceThresholds.ZONE_RADIUS, thresholdOf(PresenceThresholds.ZONE_RADIUS, "wide", "m")));

        assertThat(thresholds.snapshotInterval()).isEqualTo(Duration.ofMinutes(30));
        assertThat(thresholds.zoneRadiusMetres()).isEqualByComparingTo("50");
    }
}
