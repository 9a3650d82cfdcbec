package org.tezuo.core.connector.plant;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.tezuo.core.environment.FlammableMeasurement;
import org.tezuo.core.environment.FlammableUnit;
import org.tezuo.core.environment.GasReading;

/**
 * The latest reading of one fixed gas detector as the gas-detection system gateway reports it.
 *
 * @param tag the detector's tag, for example {@code GT-1101}
 * @param gas the measured gas: {@code O2}, {@code CO}, {@code H2S} or a flammable gas by name ({@code 甲烷},
 *     {@code CH4}, {@code methane})
 * @param unit {@code %LEL}, {@code %vol} or {@code ppm}
 * @param value the reading in {@code unit}, null when the detector has no value (usually with a fault)
 * @param alarm the gateway's alarm state ({@code normal}, {@code low}, {@code high}); shown only, since the limits
 *     come from the ruleset
 * @param fault true when the gateway reports a detector or loop fault
 * @param measuredAt when the gateway took the value
 */
public record FixedDetectorReading(String tag, String gas, String unit, @Nullable BigDecimal value, String alarm,
        boolean fault, OffsetDateTime measuredAt) {

    /**
     * Returns the reading as a gas reading for the rules. A fault, a missing value or a reading older than
     * {@code maxAge} at {@code now} becomes a reading with a sensor fault, so it never counts as a clean reading. The
     * detector id marks it as a fixed detector and, when stale, marks the value as stale.
     */
    public GasReading toGasReading(OffsetDateTime now, Duration maxAge) {
        boolean stale = Duration.between(measuredAt, now).compareTo(maxAge) > 0;
        String detectorId = tag + (stale ? "（固定式，读数已过时）" : "（固定式）");
        if (fault || stale || value == null) {
            return new GasReading(detectorId, measuredAt, null, null, null, null, true, null);
        }
        String gasKey = gas.replace("₂", "2").strip().toUpperCase(Locale.ROOT);
        String unitKey = unit.replace(" ", "").toUpperCase(Locale.ROOT);
        BigDecimal oxygen = null;
        BigDecimal co = null;
        BigDecimal h2s = null;
        FlammableMeasurement flammable = null;
        if (gasKey.equals("O2")) {
            oxygen = value;
        } else if (gasKey.equals("CO") && unitKey.equals("PPM")) {
            co = value;
        } else if (gasKey.equals("H2S") && unitKey.equals("PPM")) {
            h2s = value;
        } else if (unitKey.equals("%LEL")) {
            flammable = new FlammableMeasurement(value, FlammableUnit.PERCENT_LEL, gas);
        } else if (unitKey.equals("%VOL")) {
            flammable = new FlammableMeasurement(value, FlammableUnit.PERCENT_VOL, gas);
        }
        return new GasReading(detectorId, measuredAt, oxygen, co, h2s, flammable, false, null);
    }
}
