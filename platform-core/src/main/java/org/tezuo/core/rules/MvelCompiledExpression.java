package org.tezuo.core.rules;

import java.io.Serializable;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.mvel2.MVEL;
import org.mvel2.UnresolveablePropertyException;
import org.mvel2.integration.VariableResolver;
import org.mvel2.integration.VariableResolverFactory;
import org.mvel2.integration.impl.SimpleValueResolver;

/**
 * A translated expression compiled by MVEL. Each evaluation binds the declared variables (missing ones as null),
 * the literals and the rule functions through a read-only resolver over the caller's map, so concurrent
 * evaluations share no mutable state of their own and no variable is copied.
 */
final class MvelCompiledExpression implements CompiledExpression {

    /**
     * How long one evaluation may take. The grammar has no loops, recursion or allocation functions and expressions
     * are at most 2,000 characters, so an evaluation normally takes microseconds. The limit catches anything that
     * slipped past the grammar, and its result is discarded. It is generous because it is wall-clock time: a garbage
     * collection pause or a busy machine can stretch a first, still interpreted evaluation to tens of milliseconds.
     */
    static final Duration TIME_LIMIT = Duration.ofSeconds(1);

    /** Marks a name in {@link #names} whose value comes from the caller's map. */
    private static final Object VARIABLE = new Object();

    private final String source;
    /** Every name the expression can read: declared variables, its literals and the rule functions. */
    private final Map<String, Object> names;
    private final Serializable compiled;
    private final long timeLimitNanos;

    MvelCompiledExpression(String source, Set<String> variables, List<Object> literals, Serializable compiled) {
        this(source, variables, literals, compiled, TIME_LIMIT);
    }

    MvelCompiledExpression(String source, Set<String> variables, List<Object> literals, Serializable compiled,
            Duration timeLimit) {
        this.source = source;
        // Variable names cannot start with the literal or function prefixes (MvelExpressionCompiler checks them).
        Map<String, Object> readable = new HashMap<>(MvelExpressionCompiler.FUNCTIONS);
        for (int index = 0; index < literals.size(); index++) {
            readable.put(RuleLanguageTranslator.LITERAL_PREFIX + index, literals.get(index));
        }
        variables.forEach(variable -> readable.put(variable, VARIABLE));
        // A HashMap, not Map.copyOf, because MVEL looks a name up on every read of a variable and the immutable
        // map's probing took a tenth of an evaluation's time in a profile. The map is never written after this.
        this.names = readable;
        this.compiled = compiled;
        this.timeLimitNanos = timeLimit.toNanos();
    }

    @Override
    public String source() {
        return source;
    }

    @Override
    public @Nullable Object evaluate(Map<String, ?> values) {
        long started = System.nanoTime();
        try {
            Object result = MVEL.executeExpression(compiled, new Bindings(values));
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

    /**
     * The names one evaluation can read: the declared variables, looked up in the caller's map when MVEL requests
     * them (a declared variable the caller leaves out reads as null), the literals and the rule functions, which
     * MVEL resolves as names when it first links a call. Any other name does not resolve. Read-only: the grammar
     * has no assignment, and creating a variable fails. It replaces MVEL's map factory, which copies nothing but
     * caches a resolver per name in a new hash map on every evaluation.
     */
    private final class Bindings implements VariableResolverFactory {

        private final Map<String, ?> values;
        private @Nullable VariableResolverFactory next;
        private boolean tilt;

        Bindings(Map<String, ?> values) {
            this.values = values;
        }

        @Override
        public VariableResolver getVariableResolver(String name) {
            Object value = names.get(name);
            if (value != null) {
                return new SimpleValueResolver(value == VARIABLE ? values.get(name) : value);
            }
            if (next != null) {
                return next.getVariableResolver(name);
            }
            throw new UnresolveablePropertyException("unable to resolve variable '" + name + "'");
        }

        @Override
        public boolean isResolveable(String name) {
            return names.containsKey(name) || (next != null && next.isResolveable(name));
        }

        @Override
        public boolean isTarget(String name) {
            return names.containsKey(name);
        }

        @Override
        public Set<String> getKnownVariables() {
            return names.keySet();
        }

        @Override
        public @Nullable VariableResolverFactory getNextFactory() {
            return next;
        }

        @Override
        public VariableResolverFactory setNextFactory(VariableResolverFactory factory) {
            next = factory;
            return factory;
        }

        @Override
        public VariableResolver createVariable(String name, Object value) {
            throw readOnly(name);
        }

        @Override
        public VariableResolver createVariable(String name, Object value, Class<?> type) {
            throw readOnly(name);
        }

        @Override
        public VariableResolver createIndexedVariable(int index, String name, Object value) {
            throw readOnly(name);
        }

        @Override
        public VariableResolver createIndexedVariable(int index, String name, Object value, Class<?> type) {
            throw readOnly(name);
        }

        @Override
        public VariableResolver setIndexedVariableResolver(int index, VariableResolver resolver) {
            throw readOnly(String.valueOf(index));
        }

        @Override
        public VariableResolver getIndexedVariableResolver(int index) {
            throw new UnresolveablePropertyException("unable to resolve variable at " + index);
        }

        @Override
        public int variableIndexOf(String name) {
            return -1;
        }

        @Override
        public boolean isIndexedFactory() {
            return false;
        }

        @Override
        public boolean tiltFlag() {
            return tilt;
        }

        @Override
        public void setTiltFlag(boolean tiltFlag) {
            tilt = tiltFlag;
        }

        private static UnsupportedOperationException readOnly(String name) {
            return new UnsupportedOperationException("Rule expressions cannot create variable " + name);
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
