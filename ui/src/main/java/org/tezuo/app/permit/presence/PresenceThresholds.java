package org.tezuo.app.permit.presence;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.tezuo.core.rules.Threshold;

/**
 * The presence thresholds of a permit's ruleset in force on site. A ruleset version without them (one published
 * before presence checks existed) gets the values of the shipped rulesets, which are enterprise practice and not
 * values of GB 30871-2022; {@link #source(String)} then says so.
 *
 * @param snapshotInterval how often the watcher asks each checked-in person for a snapshot
 * @param outsideAlertAfter how long a person may stay outside the zone before an alert
 * @param snapshotAnswerWithin how long a person has to answer a snapshot request before an alert
 * @param maxAccuracyMetres the largest accepted accuracy radius of a fix
 * @param zoneRadiusMetres the radius around a zone's centre that counts as inside when the zone has no polygon
 */
public record PresenceThresholds(Duration snapshotInterval, Duration outsideAlertAfter, Duration snapshotAnswerWithin,
        BigDecimal maxAccuracyMetres, BigDecimal zoneRadiusMetres, Map<String, String> sources) {

    static final String SNAPSHOT_INTERVAL = "presenceSnapshotIntervalMinutes";
    static final String OUTSIDE_ALERT = "presenceOutsideAlertMinutes";
    static final String SNAPSHOT_ANSWER = "presenceSnapshotAnswerMinutes";
    static final String MAX_ACCURACY = "presenceMaxAccuracyMetres";
    static final String ZONE_RADIUS = "presenceZoneRadiusMetres";

    private static final String DEFAULT_SOURCE = "企业实践默认值（规则集未配置；非 GB 30871-2022 规定值）";
    private static final Map<String, BigDecimal> DEFAULTS = Map.of(SNAPSHOT_INTERVAL, BigDecimal.valueOf(30),
            OUTSIDE_ALERT, BigDecimal.valueOf(5), SNAPSHOT_ANSWER, BigDecimal.valueOf(10), MAX_ACCURACY,
            BigDecimal.valueOf(50), ZONE_RADIUS, BigDecimal.valueOf(50));

    public PresenceThresholds {
        sources = Map.copyOf(sources);
    }

    /** Reads the thresholds from a ruleset's thresholds, using the shipped values for any that is missing. */
    static PresenceThresholds of(Map<String, Threshold> thresholds) {
        Map<String, String> sources = new HashMap<>();
        Map<String, BigDecimal> values = new HashMap<>();
        for (Map.Entry<String, BigDecimal> fallback : DEFAULTS.entrySet()) {
            Threshold threshold = thresholds.get(fallback.getKey());
            if (threshold != null && threshold.value() instanceof BigDecimal value && value.signum() > 0) {
                values.put(fallback.getKey(), value);
                sources.put(fallback.getKey(), threshold.source());
            } else {
                values.put(fallback.getKey(), fallback.getValue());
                sources.put(fallback.getKey(), DEFAULT_SOURCE);
            }
        }
        return new PresenceThresholds(minutes(values.get(SNAPSHOT_INTERVAL)), minutes(values.get(OUTSIDE_ALERT)),
                minutes(values.get(SNAPSHOT_ANSWER)), values.get(MAX_ACCURACY), values.get(ZONE_RADIUS), sources);
    }

    /** Returns where the value of {@code key} comes from. */
    public String source(String key) {
        return sources.getOrDefault(key, DEFAULT_SOURCE);
    }

    private static Duration minutes(BigDecimal minutes) {
        return Duration.ofSeconds(minutes.multiply(BigDecimal.valueOf(60)).longValue());
    }
}
