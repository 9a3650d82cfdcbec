package org.tezuo.core.rules;

import java.io.Serializable;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
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

    private final String source;
    /**
     * The slot of every name the expression can read: declared variables, the paths from them, its literals and the
     * rule functions. MVEL requests a name's slot once, when it first links a read, and reads the slot from then on.
     */
    private final Map<String, Integer> slots;
    /** The variable or path each slot reads, or null for a literal or function slot. */
    private final RuleLanguageTranslator.@Nullable PathRead[] reads;
    /** The fixed resolver of each literal and function slot, or null for a variable or path slot. */
    private final @Nullable VariableResolver[] constants;
    private final Serializable compiled;
    private final long timeLimitMillis;

    MvelCompiledExpression(String source, Set<String> variables, RuleLanguageTranslator.TranslatedExpression translated,
            Serializable compiled) {
        this(source, variables, translated.literals(), translated.paths(), compiled, TIME_LIMIT);
    }

    MvelCompiledExpression(String source, Set<String> variables, List<Object> literals,
            List<RuleLanguageTranslator.PathRead> paths, Serializable compiled, Duration timeLimit) {
        this.source = source;
        // Variable names cannot start with the literal, path or function prefixes (MvelExpressionCompiler checks
        // them).
        Map<String, Object> readable = new LinkedHashMap<>(MvelExpressionCompiler.FUNCTIONS);
        for (int index = 0; index < literals.size(); index++) {
            Object literal = literals.get(index);
            // Interned, so that comparing a string literal with a value that is a constant of the code, such as a
            // grade or an area class, usually matches by reference before comparing characters.
            readable.put(RuleLanguageTranslator.LITERAL_PREFIX + index,
                    literal instanceof String text ? text.intern() : literal);
        }
        for (String variable : variables) {
            readable.put(variable, new RuleLanguageTranslator.PathRead(variable, List.of()));
        }
        for (int index = 0; index < paths.size(); index++) {
            readable.put(RuleLanguageTranslator.PATH_PREFIX + index, paths.get(index));
        }
        this.slots = new HashMap<>();
        this.reads = new RuleLanguageTranslator.PathRead[readable.size()];
        this.constants = new VariableResolver[readable.size()];
        int slot = 0;
        for (Map.Entry<String, Object> name : readable.entrySet()) {
            slots.put(name.getKey(), slot);
            if (name.getValue() instanceof RuleLanguageTranslator.PathRead read) {
                this.reads[slot] = read;
            } else {
                this.constants[slot] = new SimpleValueResolver(name.getValue());
            }
            slot++;
        }
        this.compiled = compiled;
        this.timeLimitMillis = timeLimit.toMillis();
    }

    @Override
    public String source() {
        return source;
    }

    @Override
    public @Nullable Object evaluate(Map<String, ?> values) {
        long started = RuleClock.millis();
        try {
            Object result = MVEL.executeExpression(compiled, new Bindings(values));
            long elapsed = RuleClock.millis() - started;
            // NOTE: the limit is checked when the evaluation returns; the grammar, not this check, keeps it short.
            if (elapsed >= timeLimitMillis) {
                throw new InvalidExpressionException("rule.timeLimit", source, (double) elapsed, timeLimitMillis);
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
     * The names one evaluation can read: the declared variables and the paths from them, the literals and the rule
     * functions. Variables and paths are looked up in the caller's map when MVEL reads them, and a declared variable
     * the caller leaves out reads as null. MVEL resolves a function as a name when it first links a call. Any other
     * name does not resolve. The factory is indexed: when MVEL first links a read it requests the name's slot, and
     * later evaluations read by slot, so a literal costs an array read and a variable one lookup in the caller's
     * map. Read-only: the grammar has no assignment, and creating a variable fails.
     */
    private final class Bindings implements VariableResolverFactory {

        private final Map<String, ?> values;
        private @Nullable VariableResolverFactory next;
        private boolean tilt;

        Bindings(Map<String, ?> values) {
            this.values = values;
        }

        @Override
        public VariableResolver getIndexedVariableResolver(int index) {
            VariableResolver constant = constants[index];
            if (constant != null) {
                return constant;
            }
            return new SimpleValueResolver(reads[index].read(values));
        }

        @Override
        public VariableResolver getVariableResolver(String name) {
            Integer slot = slots.get(name);
            if (slot != null) {
                return getIndexedVariableResolver(slot);
            }
            if (next != null) {
                return next.getVariableResolver(name);
            }
            throw new UnresolveablePropertyException("unable to resolve variable '" + name + "'");
        }

        @Override
        public int variableIndexOf(String name) {
            return slots.getOrDefault(name, -1);
        }

        @Override
        public boolean isIndexedFactory() {
            return true;
        }

        @Override
        public boolean isResolveable(String name) {
            return slots.containsKey(name) || (next != null && next.isResolveable(name));
        }

        @Override
        public boolean isTarget(String name) {
            return slots.containsKey(name);
        }

        @Override
        public Set<String> getKnownVariables() {
            return slots.keySet();
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
            // MVEL calls this only when getIndexedVariableResolver returns null, which it never does.
            throw readOnly(String.valueOf(index));
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
