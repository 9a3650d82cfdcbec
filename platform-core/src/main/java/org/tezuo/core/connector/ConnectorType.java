package org.tezuo.core.connector;

import java.util.Arrays;

/** The external systems a connector document can describe, by the {@code type} value of the document. */
public enum ConnectorType {
    CERTIFICATE_REGISTRY("certificate-registry"),
    WEATHER("weather"),
    GAS_READINGS("gas-readings"),
    DOOR_ACCESS("door-access"),
    NOTIFICATION("notification");

    private final String code;

    ConnectorType(String code) {
        this.code = code;
    }

    /** Returns the value used in connector documents. */
    public String code() {
        return code;
    }

    /** Parses the {@code type} value of a connector document. */
    public static ConnectorType fromCode(String code) {
        return Arrays.stream(values())
                .filter(type -> type.code.equals(code))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown connector type: " + code));
    }
}
