package org.tezuo.core.qualification.warning;

import java.util.Arrays;

/** The effect of a warning rule when it fires. */
public enum WarningKind {
    /** Informs the recipients and needs no confirmation. */
    NOTICE("notice"),
    /** Asks each recipient role to confirm; done when every role has confirmed. */
    TODO("todo"),
    /** Takes the rule's actions (freeze permit submission, revoke door access) while the certificate is lapsed. */
    FREEZE("freeze");

    private final String code;

    WarningKind(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    static WarningKind fromCode(String code) {
        return Arrays.stream(values()).filter(kind -> kind.code.equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown warning kind: " + code));
    }
}
