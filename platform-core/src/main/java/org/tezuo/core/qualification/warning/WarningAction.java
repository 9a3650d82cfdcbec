package org.tezuo.core.qualification.warning;

import java.util.Arrays;

/** An action of a freeze rule. */
public enum WarningAction {
    /** Freezes the holder's permit submission until no certificate of the holder is lapsed. */
    FREEZE_PERMITS("freeze-permits"),
    /** Revokes the holder's site access through the door-access connector, and restores it after the lapse ends. */
    REVOKE_DOOR_ACCESS("revoke-door-access");

    private final String code;

    WarningAction(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    static WarningAction fromCode(String code) {
        return Arrays.stream(values()).filter(action -> action.code.equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown warning action: " + code));
    }
}
