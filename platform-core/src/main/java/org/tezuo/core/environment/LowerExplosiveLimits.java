package org.tezuo.core.environment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Lower explosive limits of the gases a %LEL reading can be converted for. GB 30871-2022 5.3.2 sets hot-work
 * pass limits in % by volume, so a %LEL reading converts as {@code reading / 100 × LEL}. A gas missing from
 * this table cannot be converted.
 */
public final class LowerExplosiveLimits {

    private static final String GB30871_CONVERSION =
            "GB 30871-2022 5.3.2 换算示例所用 LEL（二手资料，未与正式文本核对）";

    private static final List<FlammableGas> GASES = List.of(
            new FlammableGas("methane", List.of("methane", "甲烷", "CH4", "LNG", "液化天然气", "natural gas", "天然气"),
                    new BigDecimal("5.0"), GB30871_CONVERSION + "；LNG 和天然气按甲烷计", false),
            new FlammableGas("hydrogen", List.of("hydrogen", "氢气", "氢", "H2"),
                    new BigDecimal("4.0"), GB30871_CONVERSION, false),
            new FlammableGas("propane", List.of("propane", "丙烷", "C3H8"),
                    new BigDecimal("2.1"), GB30871_CONVERSION, false),
            // NOTE: 2.7 %vol is the commonly published LEL of ethylene; no standard was opened to confirm it.
            new FlammableGas("ethylene", List.of("ethylene", "乙烯", "C2H4"),
                    new BigDecimal("2.7"), "常用公开数据，未核对来源", true));

    private LowerExplosiveLimits() {
    }

    /** Returns every gas in the table. */
    public static List<FlammableGas> all() {
        return GASES;
    }

    /** Finds a gas by any of its names, ignoring case and surrounding spaces. */
    public static Optional<FlammableGas> find(String name) {
        String normalized = name.trim().toLowerCase(Locale.ROOT);
        return GASES.stream()
                .filter(gas -> gas.names().stream()
                        .anyMatch(alias -> alias.toLowerCase(Locale.ROOT).equals(normalized)))
                .findFirst();
    }

    /**
     * Returns the reading in % by volume: as read for %VOL, converted with the gas's LEL for %LEL, or empty when a
     * %LEL reading names a gas missing from the table.
     */
    public static Optional<BigDecimal> toPercentVol(FlammableMeasurement measurement) {
        if (measurement.unit() == FlammableUnit.PERCENT_VOL) {
            return Optional.of(measurement.value());
        }
        return find(measurement.gas()).map(gas -> measurement.value()
                .multiply(gas.lowerExplosiveLimitPercentVol())
                .divide(BigDecimal.valueOf(100), 4, RoundingMode.HALF_UP)
                .stripTrailingZeros());
    }
}
