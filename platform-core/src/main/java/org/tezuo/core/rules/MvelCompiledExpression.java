package org.tezuo.core.rules;

import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.mvel2.MVEL;

/**
 * A translated expression compiled by MVEL. Each evaluation binds the declared variables (missing ones as null)
 * and the literals in a fresh map, so concurrent evaluations share no mutable state of their own.
 */
final class MvelCompiledExpression implements CompiledExpression {

    private final String source;
    private final Set<String> variables;
    private final List<Object> literals;
    private final Serializable compiled;

    MvelCompiledExpression(String source, Set<String> variables, List<Object> literals, Serializable compiled) {
        this.source = source;
        this.variables = Set.copyOf(variables);
        this.literals = literals;
        this.compiled = compiled;
    }

    @Override
    public String source() {
        return source;
    }

    @Override
    public @Nullable Object evaluate(Map<String, ?> values) {
        Map<String, @Nullable Object> bound = new HashMap<>();
        for (String variable : variables) {
            bound.put(variable, values.get(variable));
        }
        for (int index = 0; index < literals.size(); index++) {
            bound.put(RuleLanguageTranslator.LITERAL_PREFIX + index, literals.get(index));
        }

        try {
            return MVEL.executeExpression(compiled, bound);
        } catch (RuntimeException e) {
            InvalidExpressionException functionError = findCause(e);
            if (functionError != null) {
                throw functionError;
            }
            throw new InvalidExpressionException("rule.evaluationFailed", source,
                    MvelExpressionCompiler.rootMessage(e));
        }
    }

    private static @Nullable InvalidExpressionException findCause(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidExpressionException invalid) {
                return invalid;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return "CompiledExpression[" + source + "]";
    }
}
