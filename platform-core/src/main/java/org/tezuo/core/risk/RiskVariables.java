package org.tezuo.core.risk;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.tezuo.core.connector.weather.WeatherObservation;
import org.tezuo.core.environment.FlammableGas;
import org.tezuo.core.environment.FlammableMeasurement;
import org.tezuo.core.environment.GasReading;
import org.tezuo.core.environment.LowerExplosiveLimits;

/**
 * Builds the maps that rule expressions read as {@code weather}, {@code gasSamples} and {@code gas}. The field
 * names here are the contract with ruleset documents; a missing value is null.
 */
final class RiskVariables {

    static final String WEATHER = "weather";
    static final String GAS_SAMPLES = "gasSamples";
    static final String GAS = "gas";
    static final String NOW = "now";

    private RiskVariables() {
    }

    /**
     * Returns windSpeedMetresPerSecond, beaufortLevel, temperatureCelsius, humidityPercent, observedAt, location
     * and ageMinutes (minutes from the observation to now), or null without an observation.
     */
    static @Nullable Map<String, @Nullable Object> weather(@Nullable WeatherObservation observation,
            OffsetDateTime now) {
        if (observation == null) {
            return null;
        }
        Map<String, @Nullable Object> weather = new HashMap<>();
        weather.put("windSpeedMetresPerSecond", observation.windSpeedMetresPerSecond());
        weather.put("beaufortLevel", observation.beaufortLevel());
        weather.put("temperatureCelsius", observation.temperatureCelsius());
        weather.put("humidityPercent", observation.humidityPercent());
        weather.put("observedAt", observation.observedAt());
        weather.put("location", observation.location());
        weather.put("ageMinutes", minutes(Duration.between(observation.observedAt(), now)));
        return weather;
    }

    /**
     * Returns count, latestMeasuredAt, earliestMeasuredAt, anySensorFault and maxFlammablePercentLel (the highest
     * flammable reading as % of its gas's LEL, null when no reading names a known gas) over all readings, and
     * minOxygenPercentVol, maxOxygenPercentVol, maxCoPpm and maxH2sPpm over the readings without a sensor fault
     * (null when none of them measured that gas). A faulty reading counts only in anySensorFault, so it never
     * lowers an aggregate to a clean value.
     */
    static Map<String, @Nullable Object> gasSamples(List<GasReading> readings) {
        Map<String, @Nullable Object> samples = new HashMap<>();
        samples.put("count", BigDecimal.valueOf(readings.size()));
        samples.put("latestMeasuredAt", readings.stream().map(GasReading::measuredAt)
                .max(Comparator.naturalOrder()).orElse(null));
        samples.put("earliestMeasuredAt", readings.stream().map(GasReading::measuredAt)
                .min(Comparator.naturalOrder()).orElse(null));
        samples.put("anySensorFault", readings.stream().anyMatch(GasReading::sensorFault));
        samples.put("maxFlammablePercentLel", readings.stream()
                .map(RiskVariables::flammablePercentLel)
                .flatMap(Optional::stream)
                .max(Comparator.naturalOrder())
                .orElse(null));
        List<GasReading> sound = readings.stream().filter(reading -> !reading.sensorFault()).toList();
        samples.put("minOxygenPercentVol", extreme(sound, GasReading::oxygenPercentVol, Comparator.reverseOrder()));
        samples.put("maxOxygenPercentVol", extreme(sound, GasReading::oxygenPercentVol, Comparator.naturalOrder()));
        samples.put("maxCoPpm", extreme(sound, GasReading::coPpm, Comparator.naturalOrder()));
        samples.put("maxH2sPpm", extreme(sound, GasReading::h2sPpm, Comparator.naturalOrder()));
        return samples;
    }

    /** Returns the largest value by {@code order} among the readings that measured it, or null. */
    private static @Nullable BigDecimal extreme(List<GasReading> readings,
            Function<GasReading, @Nullable BigDecimal> value, Comparator<BigDecimal> order) {
        return readings.stream()
                .map(value)
                .filter(Objects::nonNull)
                .max(order)
                .orElse(null);
    }

    /**
     * Returns the fields of one reading plus the flammable reading converted to % by volume
     * ({@code flammablePercentVol}, null when a %LEL reading names an unknown gas), the gas's LEL
     * ({@code flammableLowerExplosiveLimitPercentVol}, null for an unknown gas) and its English name
     * ({@code flammableGasEn}).
     */
    static Map<String, @Nullable Object> gas(GasReading reading) {
        Map<String, @Nullable Object> gas = new HashMap<>();
        gas.put("detectorId", reading.detectorId());
        gas.put("measuredAt", reading.measuredAt());
        gas.put("oxygenPercentVol", reading.oxygenPercentVol());
        gas.put("coPpm", reading.coPpm());
        gas.put("h2sPpm", reading.h2sPpm());
        gas.put("sensorFault", reading.sensorFault());
        gas.put("calibratedOn", reading.calibratedOn());

        FlammableMeasurement flammable = reading.flammable();
        gas.put("hasFlammable", flammable != null);
        if (flammable != null) {
            Optional<FlammableGas> known = LowerExplosiveLimits.find(flammable.gas());
            gas.put("flammableValue", flammable.value());
            gas.put("flammableUnit", flammable.unit().symbol());
            gas.put("flammableGas", flammable.gas());
            // English messages name a known gas by its English key; an unknown gas keeps the detector's name.
            gas.put("flammableGasEn", known.map(FlammableGas::key).orElse(flammable.gas()));
            gas.put("flammablePercentVol", LowerExplosiveLimits.toPercentVol(flammable).orElse(null));
            gas.put("flammableLowerExplosiveLimitPercentVol",
                    known.map(FlammableGas::lowerExplosiveLimitPercentVol).orElse(null));
        }
        return gas;
    }

    private static Optional<BigDecimal> flammablePercentLel(GasReading reading) {
        FlammableMeasurement flammable = reading.flammable();
        if (flammable == null) {
            return Optional.empty();
        }
        Optional<BigDecimal> percentVol = LowerExplosiveLimits.toPercentVol(flammable);
        Optional<BigDecimal> lel = LowerExplosiveLimits.find(flammable.gas())
                .map(FlammableGas::lowerExplosiveLimitPercentVol);
        if (percentVol.isEmpty() || lel.isEmpty() || lel.get().signum() == 0) {
            return Optional.empty();
        }
        return Optional.of(percentVol.get().multiply(BigDecimal.valueOf(100)).divide(lel.get(), 1,
                RoundingMode.HALF_UP));
    }

    private static BigDecimal minutes(Duration duration) {
        return BigDecimal.valueOf(duration.getSeconds()).divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP);
    }
}
