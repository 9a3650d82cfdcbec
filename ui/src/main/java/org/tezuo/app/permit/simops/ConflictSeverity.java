package org.tezuo.app.permit.simops;

import java.util.Locale;

/** Handling of a conflict: BLOCK rejects the submission, start or resume, and WARN adds a risk item to confirm. */
public enum ConflictSeverity {
    BLOCK,
    WARN;

    /**
     * Reads a threshold value such as {@code BLOCK} or {@code warn}.
     *
     * @throws IllegalArgumentException naming the threshold and the value when it is neither
     */
    static ConflictSeverity of(String threshold, String value) {
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Threshold " + threshold + " is \"" + value
                    + "\"; it must be BLOCK or WARN", e);
        }
    }
}
