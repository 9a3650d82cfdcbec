package org.tezuo.core.rules;

import java.io.Serializable;
import java.time.Duration;
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

    /**
     * How long one evaluation may take. The grammar has no loops, recursion or allocation functions and expressions
     * are at most 2,000 characters, so an evaluation normally takes microseconds. The limit catches anything that
     * slipped past the grammar, and its result is discarded. It is generous because it is wall-clock time: a garbage
     * collection pause or a busy machine can stretch a first, still interpreted evaluation to tens of milliseconds.
     */
    static final Duration TIME_LIMIT = Duration.ofSeconds(1);

    private final String source;
    private final Set<String> variables;
    private final List<Object> literals;
    private final Serializable compiled;
    private final long timeLimitNanos;

    MvelCompiledExpression(String source, Set<String> variables, List<Object> literals, Serializable compiled) {
        this(source, variables, literals, compiled, TIME_LIMIT);
    }

    MvelCompiledExpression(String source, Set<String> variables, List<Object> literals, Serializable compiled,
            Duration timeLimit) {
        this.source = source;
        this.variables = Set.copyOf(variables);
        this.literals = literals;
        this.compiled = compiled;
        this.timeLimitNanos = timeLimit.toNanos();
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

        long started = System.nanoTime();
        try {
            Object result = MVEL.executeExpression(compiled, bound);
            long elapsed = System.nanoTime() - started;
            // NOTE: the limit is checked when the evaluation returns; the grammar, not this check, keeps it short.
            if (elapsed > timeLimitNanos) {
                throw new InvalidExpressionException("rule.timeLimit", source, elapsed / 1_000_000.0,
                        timeLimitNanos / 1_000_000);
            }
            return result;
        } catch (InvalidExpressionException e) {
            throw e;
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
