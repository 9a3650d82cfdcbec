package org.tezuo.core.rules;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/** An expression that passed the allow-list check and was compiled once; thread-safe. */
public interface CompiledExpression {

    /** Returns the expression text as written. */
    String source();

    /** Evaluates against {@code variables}; a variable that is missing reads as null. */
    @Nullable Object evaluate(Map<String, ?> variables);

    /** Evaluates and requires a boolean result. */
    default boolean test(Map<String, ?> variables) {
        Object result = evaluate(variables);
        if (result instanceof Boolean value) {
            return value;
        }
        throw new InvalidExpressionException("rule.notBoolean", source(), String.valueOf(result));
    }
}
