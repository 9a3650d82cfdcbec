package org.tezuo.core.environment;

import java.math.BigDecimal;

/**
 * A flammable-gas concentration as the detector reports it.
 *
 * @param value the reading, in {@code unit}
 * @param unit %LEL or %VOL
 * @param gas the gas the detector is calibrated for or the sample contains, as written (for example 甲烷 or LNG)
 */
public record FlammableMeasurement(BigDecimal value, FlammableUnit unit, String gas) {
}
