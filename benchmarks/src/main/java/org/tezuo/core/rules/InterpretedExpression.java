package org.tezuo.core.rules;

import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mvel2.MVEL;

/**
 * A rule-language expression translated to MVEL text once and interpreted by {@code MVEL.eval} on every
 * evaluation: the baseline the compiled expressions are measured against. It sits in the rules package to reach
 * the package-private translator and function table.
 */
public final class InterpretedExpression {

    private static final Map<String, Method> FUNCTIONS = RuleFunctions.imports();

    private final String mvel;
    private final Set<String> variables;
    private final List<Object> literals;

    private InterpretedExpression(String mvel, Set<String> variables, List<Object> literals) {
        this.mvel = mvel;
        this.variables = Set.copyOf(variables);
        this.literals = literals;
    }

    /** Translates {@code source} as the compiler does, without compiling it. */
    public static InterpretedExpression of(String source, Set<String> variables) {
        RuleLanguageTranslator.TranslatedExpression translated = RuleLanguageTranslator.translate(source, variables);
        return new InterpretedExpression(translated.mvel(), variables, translated.literals());
    }

    /** Binds the variables, literals and functions as the compiled path does, then parses and runs the text. */
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
