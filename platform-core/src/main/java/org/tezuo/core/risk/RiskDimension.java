package org.tezuo.core.risk;

import java.util.Arrays;
import java.util.Optional;

/** The five dimensions a permit's risk score is made of; {@link #key()} is the name used in ruleset documents. */
public enum RiskDimension {
    WORK_TYPE("workType"),
    LOCATION("location"),
    ENVIRONMENT("environment"),
    EQUIPMENT("equipment"),
    PERSONNEL("personnel");

    private final String key;

    RiskDimension(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public static Optional<RiskDimension> ofKey(String key) {
        return Arrays.stream(values()).filter(dimension -> dimension.key.equals(key)).findFirst();
    }
}
