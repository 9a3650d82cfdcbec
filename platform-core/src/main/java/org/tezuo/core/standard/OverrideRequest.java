package org.tezuo.core.standard;

import org.jspecify.annotations.Nullable;

/**
 * An enterprise override as a user enters it.
 *
 * @param value the new value as text, for example {@code 0.3}
 * @param unit the unit the user read the value in; when given it must equal the threshold's unit
 * @param reason why the enterprise sets its own value, required
 * @param source the enterprise document the value comes from, required, for example 企业标准 Q/XXX 3.2
 * @param confirmLoosening true when the user confirmed that the value is looser than the one in force, or that the
 *        threshold has no stricter side; null, as a REST client that leaves it out sends it, means not confirmed
 */
public record OverrideRequest(@Nullable String value, @Nullable String unit, @Nullable String reason,
        @Nullable String source, @Nullable Boolean confirmLoosening) {

    /** Returns true when the user confirmed a looser or undirected value. */
    public boolean looseningConfirmed() {
        return Boolean.TRUE.equals(confirmLoosening);
    }
}
