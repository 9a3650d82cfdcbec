package org.tezuo.core.rules;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An expression that is one literal, one variable or a path of keys from a variable, such as {@code 25},
 * {@code grade} or {@code thresholds.windStopBeaufortLevel}: read directly, without MVEL. About a third of the
 * expressions of a risk evaluation and most message placeholders have this form, and MVEL spent about 50 ns on each
 * where the read takes a few. It reads as the MVEL translation would: a missing variable is null, and a key read
 * goes through {@link RuleFunctions#path}, so a key of null is null and a key of a non-map value is an error.
 */
final class DirectRead implements CompiledExpression {

    private final String source;
    private final RuleLanguageTranslator.@Nullable PathRead read;
    private final @Nullable Object constant;

    private DirectRead(String source, RuleLanguageTranslator.@Nullable PathRead read, @Nullable Object constant) {
        this.source = source;
        this.read = read;
        this.constant = constant;
    }

    /** Returns a read of {@code constant}, a literal of the expression. */
    static DirectRead literal(String source, @Nullable Object constant) {
        return new DirectRead(source, null, constant);
    }

    /** Returns a read of a variable and of the keys that follow it. */
    static DirectRead path(String source, RuleLanguageTranslator.PathRead read) {
        return new DirectRead(source, read, null);
    }

    @Override
    public String source() {
        return source;
    }

    @Override
    public @Nullable Object evaluate(Map<String, ?> values) {
        return read == null ? constant : read.read(values);
    }

    @Override
    public String toString() {
        return "CompiledExpression[" + source + "]";
    }
}
