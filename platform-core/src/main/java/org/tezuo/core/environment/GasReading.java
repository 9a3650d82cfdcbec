package org.tezuo.core.environment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.jspecify.annotations.Nullable;

/**
 * One gas analysis at one point. Any concentration may be missing when the detector has no such sensor; a
 * reading with {@code sensorFault} is never a clean reading, whatever its values.
 *
 * @param detectorId the detector or analyser id
 * @param measuredAt when the sample was taken
 * @param oxygenPercentVol oxygen in % by volume, or null
 * @param coPpm carbon monoxide in ppm, or null
 * @param h2sPpm hydrogen sulphide in ppm, or null
 * @param flammable the flammable-gas reading, or null
 * @param sensorFault true when the detector reported a sensor fault
 * @param calibratedOn the date of the detector's last calibration, or null when not reported
 */
public record GasReading(String detectorId, OffsetDateTime measuredAt, @Nullable BigDecimal oxygenPercentVol,
        @Nullable BigDecimal coPpm, @Nullable BigDecimal h2sPpm, @Nullable FlammableMeasurement flammable,
        boolean sensorFault, @Nullable LocalDate calibratedOn) {
}
