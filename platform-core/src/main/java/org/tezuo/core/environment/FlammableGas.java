package org.tezuo.core.environment;

import java.math.BigDecimal;
import java.util.List;

/**
 * A flammable gas with its lower explosive limit.
 *
 * @param key stable English key, for example {@code methane}
 * @param names every name a detector or a form may use for it, compared without case
 * @param lowerExplosiveLimitPercentVol the LEL in % by volume
 * @param source where the LEL value comes from
 * @param unconfirmed true when the value was not checked against the cited source
 */
public record FlammableGas(String key, List<String> names, BigDecimal lowerExplosiveLimitPercentVol, String source,
        boolean unconfirmed) {

    public FlammableGas {
        names = List.copyOf(names);
    }
}
