package org.tezuo.core.rules;

import java.util.Set;

/**
 * Compiles expressions of the platform's rule language. Implementations reject anything outside the allow-list
 * (class references, constructors, reflection, assignments, loops) before compiling, so a tenant never runs
 * raw engine code.
 */
public interface ExpressionCompiler {

    /**
     * Checks and compiles {@code source}.
     *
     * @param variables the only variable names the expression may read
     * @throws InvalidExpressionException naming the offending token and what is allowed instead
     */
    CompiledExpression compile(String source, Set<String> variables);
}
