package org.tezuo.core.connector.weather;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * One weather observation at a location.
 *
 * @param location the provider's location id or "longitude,latitude" that was requested
 * @param windSpeedMetresPerSecond mean wind speed in m/s (providers report mean wind, not gusts)
 * @param beaufortLevel wind level 0–17 of GB/T 28591-2012: the higher of the level for the speed and the level
 *        the provider reported
 * @param temperatureCelsius air temperature in °C
 * @param humidityPercent relative humidity in %
 * @param observedAt when the provider observed it, with the provider's offset
 */
public record WeatherObservation(String location, BigDecimal windSpeedMetresPerSecond, int beaufortLevel,
        BigDecimal temperatureCelsius, BigDecimal humidityPercent, OffsetDateTime observedAt) {

    public WeatherObservation {
        Objects.requireNonNull(windSpeedMetresPerSecond, "windSpeedMetresPerSecond");
        Objects.requireNonNull(observedAt, "observedAt");
    }
}
