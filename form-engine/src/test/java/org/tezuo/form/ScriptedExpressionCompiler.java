package org.tezuo.form;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.tezuo.core.rules.CompiledExpression;
import org.tezuo.core.rules.ExpressionCompiler;
import org.tezuo.core.rules.InvalidExpressionException;

/**
 * Test stand-in for the rule language. It compiles only the expressions registered with {@link #define} and
 * counts compilations, so tests can check that a form's rules are compiled once.
 */
public final class ScriptedExpressionCompiler implements ExpressionCompiler {

    private final Map<String, Function<Map<String, ?>, @Nullable Object>> expressions = new HashMap<>();
    private final AtomicInteger compilations = new AtomicInteger();

    public ScriptedExpressionCompiler define(String source, Function<Map<String, ?>, @Nullable Object> evaluation) {
        expressions.put(source, evaluation);
        return this;
    }

    public int compilations() {
        return compilations.get();
    }

    @Override
    public CompiledExpression compile(String source, Set<String> variables) {
        Function<Map<String, ?>, @Nullable Object> evaluation = expressions.get(source);
        if (evaluation == null) {
            throw new InvalidExpressionException("rule.notBoolean", source, "unknown to the test compiler");
        }
        compilations.incrementAndGet();
        return new CompiledExpression() {
            @Override
            public String source() {
                return source;
            }

            @Override
            public @Nullable Object evaluate(Map<String, ?> values) {
                return evaluation.apply(values);
            }
        };
    }
}
