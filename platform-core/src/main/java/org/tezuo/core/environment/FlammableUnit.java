package org.tezuo.core.environment;

/** Unit of a flammable-gas reading: percent of the lower explosive limit, or percent by volume. */
public enum FlammableUnit {
    PERCENT_LEL("%LEL"),
    PERCENT_VOL("%VOL");

    private final String symbol;

    FlammableUnit(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }
}
