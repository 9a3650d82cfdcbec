package org.tezuo.core.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Parses and compiles rulesets. A compiled ruleset is cached by the checksum of its document body, so the same
 * published version is compiled once.
 */
@Component
public class RulesetCompiler {

    private static final Logger log = LoggerFactory.getLogger(RulesetCompiler.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ExpressionCompiler expressions;
    private final RulesetParser parser = new RulesetParser();
    private final Map<String, CompiledRuleset> cache = new ConcurrentHashMap<>();

    public RulesetCompiler(ExpressionCompiler expressions) {
        this.expressions = expressions;
    }

    /** Returns the compiler of the rules' expressions, for sections compiled elsewhere such as a risk model. */
    public ExpressionCompiler expressions() {
        return expressions;
    }

    /**
     * Parses and compiles a ruleset document body.
     *
     * @throws InvalidRulesetException when the body breaks the meta-schema or an expression is rejected
     */
    public CompiledRuleset load(String reference, JsonNode body) {
        return compile(parser.parse(reference, body));
    }

    /**
     * Loads a ruleset bundled as a class-path resource, for example one listed by a policy-pack catalogue.
     *
     * @param resourcePath absolute class-path location such as {@code /org/tezuo/packs/…/hot-work.ruleset.json}
     */
    public CompiledRuleset loadResource(String resourcePath) {
        try (InputStream in = RulesetCompiler.class.getResourceAsStream(resourcePath)) {
            if (in == null) {
                throw new InvalidRulesetException("ruleset.resourceNotFound", resourcePath);
            }
            return load("classpath:" + resourcePath, JSON.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Compiles every expression and message template of {@code ruleset}, or returns the cached result. */
    public CompiledRuleset compile(Ruleset ruleset) {
        return cache.computeIfAbsent(ruleset.checksum(), checksum -> compileUncached(ruleset));
    }

    private CompiledRuleset compileUncached(Ruleset ruleset) {
        Set<String> variables = new HashSet<>(ruleset.variables());
        variables.add(Ruleset.THRESHOLDS_VARIABLE);

        List<CompiledRuleset.CompiledRule> compiled = new ArrayList<>();
        for (Rule rule : ruleset.rules()) {
            compiled.add(new CompiledRuleset.CompiledRule(rule,
                    expression(ruleset, rule, "when", rule.when(), variables),
                    optionalExpression(ruleset, rule, "value", rule.value(), variables),
                    optionalExpression(ruleset, rule, "limit", rule.limit(), variables),
                    template(ruleset, rule, "message.zh", rule.message().zh(), variables),
                    rule.message().en() == null
                            ? null
                            : template(ruleset, rule, "message.en", rule.message().en(), variables)));
        }
        log.debug("Compiled ruleset {} with {} rules", ruleset.reference(), compiled.size());
        return new CompiledRuleset(ruleset, compiled);
    }

    private @Nullable CompiledExpression optionalExpression(Ruleset ruleset, Rule rule, String field,
            @Nullable String source, Set<String> variables) {
        return source == null ? null : expression(ruleset, rule, field, source, variables);
    }

    private CompiledExpression expression(Ruleset ruleset, Rule rule, String field, String source,
            Set<String> variables) {
        try {
            return expressions.compile(source, variables);
        } catch (InvalidExpressionException rejection) {
            throw new InvalidRulesetException("ruleset.invalidExpression", ruleset.reference(), rule.id(), field,
                    rejection);
        }
    }

    private MessageTemplate template(Ruleset ruleset, Rule rule, String field, String text, Set<String> variables) {
        try {
            return MessageTemplate.parse(text, expressions, variables);
        } catch (InvalidExpressionException rejection) {
            throw new InvalidRulesetException("ruleset.invalidExpression", ruleset.reference(), rule.id(), field,
                    rejection);
        } catch (IllegalArgumentException unbalanced) {
            throw new InvalidRulesetException("ruleset.unbalancedBrace", ruleset.reference(), rule.id(), field,
                    text, unbalanced.getMessage());
        }
    }
}
