package org.tezuo.form.definition;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A named value of a form document that expressions read as {@code constants.<key>}, such as the start of the night
 * window or the dates of statutory holidays. Like a ruleset threshold, it names where the value comes from.
 *
 * @param key the name, for example {@code nightStart}
 * @param value a {@link java.math.BigDecimal}, String or Boolean, or an unmodifiable list of them
 * @param unit the unit of {@code value}, for example {@code m}; empty for dates, times and plain numbers
 * @param label what the value is, or null
 * @param source the regulation, clause or enterprise rule the value comes from
 * @param unconfirmed true when the value or its source was not confirmed against the official text
 */
public record FormConstant(String key, Object value, String unit, @Nullable Label label, String source,
        boolean unconfirmed) {

    public FormConstant {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(source, "source");
    }
}
