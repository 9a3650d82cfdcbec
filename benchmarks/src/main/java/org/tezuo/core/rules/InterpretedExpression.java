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
    private final List<RuleLanguageTranslator.PathRead> paths;

    private InterpretedExpression(String source, String mvel, Set<String> variables, List<Object> literals,
            List<RuleLanguageTranslator.PathRead> paths) {
        this.source = source;
        this.mvel = mvel;
        this.variables = Set.copyOf(variables);
        this.literals = literals;
        this.paths = paths;
    }

    /** Translates {@code source} as the compiler does, without compiling it. */
    public static InterpretedExpression of(String source, Set<String> variables) {
        RuleLanguageTranslator.TranslatedExpression translated = RuleLanguageTranslator.translate(source, variables);
        return new InterpretedExpression(source, translated.mvel(), variables, translated.literals(),
                translated.paths());
    }

    @Override
    public String source() {
        return source;
    }

    /** Binds the variables, paths, literals and functions as the compiled path does, then parses and runs it. */
    @Override
    public Object evaluate(Map<String, ?> values) {
        Map<String, Object> bound = new HashMap<>(FUNCTIONS);
        for (String variable : variables) {
            bound.put(variable, values.get(variable));
        }
        for (int index = 0; index < literals.size(); index++) {
            bound.put(RuleLanguageTranslator.LITERAL_PREFIX + index, literals.get(index));
        }
        for (int index = 0; index < paths.size(); index++) {
            bound.put(RuleLanguageTranslator.PATH_PREFIX + index, paths.get(index).read(values));
        }
        return MVEL.eval(mvel, bound);
    }
}
