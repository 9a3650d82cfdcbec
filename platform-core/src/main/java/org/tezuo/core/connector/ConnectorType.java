package org.tezuo.core.connector;

import java.util.Arrays;

/** The external systems a connector document can describe, by the {@code type} value of the document. */
public enum ConnectorType {
    CERTIFICATE_REGISTRY("certificate-registry"),
    WEATHER("weather"),
    GAS_READINGS("gas-readings"),
    /** A plant gas-detection system (GDS) gateway serving the latest fixed-detector readings by tag. */
    GAS_DETECTION_SYSTEM("gas-detection-system"),
    /** A DCS or historian gateway serving the live state of an equipment tag. */
    EQUIPMENT_STATE("equipment-state"),
    DOOR_ACCESS("door-access"),
    NOTIFICATION("notification"),
    /** A WeCom (企业微信) group robot webhook. */
    WECOM_ROBOT("wecom-robot"),
    /** A DingTalk (钉钉) group robot webhook. */
    DINGTALK_ROBOT("dingtalk-robot"),
    /** An SMTP server; the base URL is {@code smtp://host:port}. */
    EMAIL("email"),
    /** An HTTP gateway that sends text messages to mobile phones. */
    SMS_GATEWAY("sms-gateway");

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
