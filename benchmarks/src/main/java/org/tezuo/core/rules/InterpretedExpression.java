package org.tezuo.core.rules;

import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mvel2.MVEL;

/**
 * A rule-language expression translated to MVEL text once and interpreted by {@code MVEL.eval} on every
 * evaluation: the baseline the compiled expressions are measured against. {@link #COMPILER} hands these to a
 * {@link RulesetCompiler}, so a whole ruleset runs interpreted through the product path. It sits in the rules
 * package to reach the package-private translator and function table.
 */
public final class InterpretedExpression implements CompiledExpression {

    /** Checks and translates like {@link MvelExpressionCompiler}, without compiling. */
    public static final ExpressionCompiler COMPILER = InterpretedExpression::of;

    private static final Map<String, Method> FUNCTIONS = RuleFunctions.imports();

    private final String source;
    private final String mvel;
    private final Set<String> variables;
    private final List<Object> literals;

    private InterpretedExpression(String source, String mvel, Set<String> variables, List<Object> literals) {
        this.source = source;
        this.mvel = mvel;
        this.variables = Set.copyOf(variables);
        this.literals = literals;
    }

    /** Translates {@code source} as the compiler does, without compiling it. */
    public static InterpretedExpression of(String source, Set<String> variables) {
        RuleLanguageTranslator.TranslatedExpression translated = RuleLanguageTranslator.translate(source, variables);
        return new InterpretedExpression(source, translated.mvel(), variables, translated.literals());
    }

    @Override
    public String source() {
        return source;
    }

    /** Binds the variables, literals and functions as the compiled path did, then parses and runs the text. */
    @Override
    public Object evaluate(Map<String, ?> values) {
        Map<String, Object> bound = new HashMap<>(FUNCTIONS);
        for (String variable : variables) {
            bound.put(variable, values.get(variable));
        }
        for (int index = 0; index < literals.size(); index++) {
            bound.put(RuleLanguageTranslator.LITERAL_PREFIX + index, literals.get(index));
        }
        return MVEL.eval(mvel, bound);
    }
}
