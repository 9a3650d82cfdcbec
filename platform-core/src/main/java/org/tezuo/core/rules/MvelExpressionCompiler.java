package org.tezuo.core.rules;

import java.io.Serializable;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.mvel2.MVEL;
import org.mvel2.ParserContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Compiles rule-language expressions to MVEL 2. MVEL is not a sandbox (it resolves {@code System} or
 * {@code Runtime} through a global table and calls any method on a value), so {@link RuleLanguageTranslator}
 * checks every expression against the platform's own grammar first and hands MVEL only its translation.
 * Compiled expressions are cached by source and variable set.
 */
@Component
public class MvelExpressionCompiler implements ExpressionCompiler {

    private static final Logger log = LoggerFactory.getLogger(MvelExpressionCompiler.class);

    private static final Pattern VARIABLE_NAME = Pattern.compile("[a-z][A-Za-z0-9_]{0,63}");
    private static final int MAX_CACHED_EXPRESSIONS = 4_096;

    /**
     * The rule functions by the name the translation calls them under. They are bound as names of each evaluation
     * rather than imported into the parser context: with imports MVEL wraps every evaluation in a resolver that
     * searches the imports before each variable read.
     */
    static final Map<String, Method> FUNCTIONS = Map.copyOf(RuleFunctions.imports());

    private record CacheKey(String source, SortedSet<String> variables) {
    }

    private final Map<CacheKey, CompiledExpression> cache = new ConcurrentHashMap<>();

    @Override
    public CompiledExpression compile(String source, Set<String> variables) {
        SortedSet<String> allowed = new TreeSet<>(variables);
        allowed.forEach(MvelExpressionCompiler::checkVariableName);
        CacheKey key = new CacheKey(source, allowed);

        CompiledExpression cached = cache.get(key);
        if (cached != null) {
            return cached;
        }
        CompiledExpression compiled = compileUncached(source, allowed);
        if (cache.size() >= MAX_CACHED_EXPRESSIONS) {
            cache.clear();
        }
        cache.put(key, compiled);
        return compiled;
    }

    private static CompiledExpression compileUncached(String source, Set<String> variables) {
        RuleLanguageTranslator.TranslatedExpression translated = RuleLanguageTranslator.translate(source, variables);
        if (translated.direct() != null) {
            return translated.direct();
        }
        log.debug("Compiling rule expression '{}' as MVEL '{}'", source, translated.mvel());

        Serializable compiled;
        try {
            compiled = MVEL.compileExpression(translated.mvel(), new ParserContext());
        } catch (RuntimeException e) {
            throw new InvalidExpressionException("rule.compileFailed", source, rootMessage(e));
        }
        return new MvelCompiledExpression(source, variables, translated, compiled);
    }

    /** Rejects names that would shadow an engine word, an internal name or a class. */
    private static void checkVariableName(String name) {
        boolean internal = name.startsWith("tzfn_") || name.startsWith(RuleLanguageTranslator.LITERAL_PREFIX)
                || name.startsWith(RuleLanguageTranslator.PATH_PREFIX);
        if (!VARIABLE_NAME.matcher(name).matches() || internal || RuleLanguageTranslator.RESERVED_WORDS.contains(name)
                || "true".equals(name) || "false".equals(name) || "null".equals(name)) {
            throw new InvalidExpressionException("rule.variableName", name);
        }
    }

    static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
