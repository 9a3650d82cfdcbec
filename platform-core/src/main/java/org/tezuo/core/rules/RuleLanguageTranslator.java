package org.tezuo.core.rules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Parses a rule-language expression with the platform's own grammar and translates it into MVEL text that
 * contains nothing the grammar did not allow. Every literal is passed to MVEL as a bound variable, every
 * function as a statically imported method and every map path as a call of {@link RuleFunctions#path}, so the
 * engine never resolves a class, calls a method on a value or reads a getter.
 *
 * <pre>
 * expression  := conditional
 * conditional := or ( "?" conditional ":" conditional )?
 * or          := and ( "||" and )*
 * and         := equality ( "&&" equality )*
 * equality    := relational ( ( "==" | "!=" ) relational )*
 * relational  := additive ( ( "<" | "<=" | ">" | ">=" ) additive )?
 * additive    := term ( ( "+" | "-" ) term )*
 * term        := unary ( ( "*" | "/" | "%" ) unary )*
 * unary       := ( "!" | "-" ) unary | primary
 * primary     := number | string | true | false | null | "(" expression ")"
 *              | function "(" ( expression ( "," expression )* )? ")"
 *              | variable ( "." name )*
 * </pre>
 */
final class RuleLanguageTranslator {

    static final int MAX_LENGTH = 2_000;
    static final int MAX_DEPTH = 32;
    static final String LITERAL_PREFIX = "tzlit_";

    /** Words of Java or MVEL that an expression may not use as a name, even where a variable has that name. */
    static final Set<String> RESERVED_WORDS = Set.of(
            "new", "class", "def", "function", "import", "for", "foreach", "while", "do", "until", "if", "else",
            "return", "this", "var", "instanceof", "is", "in", "with", "assert", "typeof", "empty", "nil", "isdef",
            "contains", "soundslike", "strsim", "convertable_to", "switch", "case", "proto", "super", "throw",
            "try", "catch", "synchronized", "static", "void", "length", "getClass", "getClassLoader", "forName");

    private final String source;
    private final Set<String> variables;
    private final List<RuleToken> tokens;
    private final @Nullable InvalidExpressionException tokenizerRejection;
    private final List<Object> literals = new ArrayList<>();
    private int next;
    private int depth;

    private RuleLanguageTranslator(String source, Set<String> variables, RuleTokenizer.Tokens tokenized) {
        this.source = source;
        this.variables = variables;
        this.tokens = tokenized.list();
        this.tokenizerRejection = tokenized.rejection();
    }

    /**
     * Checks {@code source} against the grammar and returns its MVEL translation.
     *
     * @throws InvalidExpressionException naming the first offending token, its position and what is allowed
     */
    static TranslatedExpression translate(String source, Set<String> variables) {
        if (source.isBlank()) {
            throw new InvalidExpressionException("rule.empty", source);
        }
        if (source.length() > MAX_LENGTH) {
            throw new InvalidExpressionException("rule.tooLong", source.length(), MAX_LENGTH);
        }
        RuleLanguageTranslator translator = new RuleLanguageTranslator(source, variables,
                RuleTokenizer.tokenize(source));
        String mvel = translator.expression();
        RuleToken rest = translator.peek();
        if (rest.type() != RuleToken.Type.END) {
            throw translator.unexpected(rest, "rule.expected.end");
        }
        return new TranslatedExpression(mvel, translator.literals);
    }

    private String expression() {
        enter();
        String result = conditional();
        depth--;
        return result;
    }

    private String conditional() {
        String condition = or();
        if (peek().type() != RuleToken.Type.QUESTION) {
            return condition;
        }
        next++;
        String whenTrue = nested(this::conditional);
        expect(RuleToken.Type.COLON, "rule.expected.colon");
        String whenFalse = nested(this::conditional);
        return "(" + condition + " ? " + whenTrue + " : " + whenFalse + ")";
    }

    private String or() {
        String left = and();
        while (peek().isOperator("||")) {
            next++;
            left = "(" + left + " || " + and() + ")";
        }
        return left;
    }

    private String and() {
        String left = equality();
        while (peek().isOperator("&&")) {
            next++;
            left = "(" + left + " && " + equality() + ")";
        }
        return left;
    }

    private String equality() {
        String left = relational();
        while (peek().isOperator("==") || peek().isOperator("!=")) {
            String operator = consume().text();
            left = "(" + left + " " + operator + " " + relational() + ")";
        }
        return left;
    }

    private String relational() {
        String left = additive();
        RuleToken operator = peek();
        if (operator.isOperator("<") || operator.isOperator("<=") || operator.isOperator(">")
                || operator.isOperator(">=")) {
            next++;
            return "(" + left + " " + operator.text() + " " + additive() + ")";
        }
        return left;
    }

    private String additive() {
        String left = term();
        while (peek().isOperator("+") || peek().isOperator("-")) {
            String operator = consume().text();
            left = "(" + left + " " + operator + " " + term() + ")";
        }
        return left;
    }

    private String term() {
        String left = unary();
        while (peek().isOperator("*") || peek().isOperator("/") || peek().isOperator("%")) {
            String operator = consume().text();
            left = "(" + left + " " + operator + " " + unary() + ")";
        }
        return left;
    }

    private String unary() {
        RuleToken token = peek();
        if (token.isOperator("!")) {
            next++;
            return "!" + nested(this::unary);
        }
        if (token.isOperator("-")) {
            next++;
            return RuleFunctions.internalName("negate1") + "(" + nested(this::unary) + ")";
        }
        return primary();
    }

    private String primary() {
        RuleToken token = consume();
        String result = switch (token.type()) {
            case NUMBER -> literal(new BigDecimal(token.text()));
            case STRING -> literal(token.text());
            case LEFT_PAREN -> {
                String inner = expression();
                expect(RuleToken.Type.RIGHT_PAREN, "rule.expected.rightParen");
                yield "(" + inner + ")";
            }
            case IDENTIFIER -> identifier(token);
            default -> throw unexpected(token, "rule.expected.operand");
        };
        rejectMemberAccessOnValue(token);
        return result;
    }

    private String identifier(RuleToken token) {
        String name = token.text();
        switch (name) {
            case "true", "false", "null" -> {
                return name;
            }
            default -> {
            }
        }
        if (RuleFunctions.isFunction(name) && peek().type() == RuleToken.Type.LEFT_PAREN) {
            return call(token);
        }
        if (RESERVED_WORDS.contains(name)) {
            throw rejection("rule.reservedWord", token, null);
        }
        if (peek().type() == RuleToken.Type.LEFT_PAREN) {
            return call(token);
        }
        if (Character.isUpperCase(name.charAt(0))) {
            throw rejection("rule.classReference", token, null);
        }
        if (!variables.contains(name)) {
            throw rejection("rule.unknownVariable", token, String.join(", ", new TreeSet<>(variables)));
        }
        return path(name);
    }

    private String path(String variable) {
        String result = variable;
        while (peek().type() == RuleToken.Type.DOT) {
            next++;
            RuleToken segment = consume();
            if (segment.type() != RuleToken.Type.IDENTIFIER) {
                throw unexpected(segment, "rule.expected.fieldName");
            }
            if (peek().type() == RuleToken.Type.LEFT_PAREN) {
                throw rejection("rule.methodCall", segment, RuleFunctions.names());
            }
            if (RESERVED_WORDS.contains(segment.text())) {
                throw rejection("rule.reservedWord", segment, null);
            }
            result = RuleFunctions.internalName("path2") + "(" + result + ", " + literal(segment.text()) + ")";
        }
        return result;
    }

    private String call(RuleToken name) {
        next++;
        List<String> arguments = new ArrayList<>();
        if (peek().type() != RuleToken.Type.RIGHT_PAREN) {
            arguments.add(expression());
            while (peek().type() == RuleToken.Type.COMMA) {
                next++;
                arguments.add(expression());
            }
        }
        expect(RuleToken.Type.RIGHT_PAREN, "rule.expected.rightParen");
        return RuleFunctions.translateCall(name.text(), arguments)
                .orElseThrow(() -> RuleFunctions.isFunction(name.text())
                        ? new InvalidExpressionException("rule.arity", source, name.position(), name.text(),
                                RuleFunctions.arityOf(name.text()), arguments.size())
                        : rejection("rule.unknownFunction", name, RuleFunctions.names()));
    }

    /** Rejects {@code "a".length}, {@code (x).getClass()} and {@code f(x).y}: only variables have fields. */
    private void rejectMemberAccessOnValue(RuleToken operand) {
        RuleToken following = peek();
        if (following.type() == RuleToken.Type.DOT) {
            throw rejection("rule.memberOfValue", following, null);
        }
        if (following.type() == RuleToken.Type.LEFT_PAREN) {
            throw unexpected(following, "rule.expected.operator");
        }
        if (following.type() == RuleToken.Type.IDENTIFIER) {
            throw RESERVED_WORDS.contains(following.text())
                    ? rejection("rule.reservedWord", following, null)
                    : unexpected(following, "rule.expected.operator");
        }
    }

    private String literal(Object value) {
        literals.add(value);
        return LITERAL_PREFIX + (literals.size() - 1);
    }

    private String nested(Supplier<String> parser) {
        enter();
        String result = parser.get();
        depth--;
        return result;
    }

    private void enter() {
        depth++;
        if (depth > MAX_DEPTH) {
            throw new InvalidExpressionException("rule.tooDeep", source, peek().position(), MAX_DEPTH);
        }
    }

    /** Returns the next token without consuming it; reaching an invalid character raises its rejection. */
    private RuleToken peek() {
        RuleToken token = tokens.get(next);
        if (token.type() == RuleToken.Type.INVALID && tokenizerRejection != null) {
            throw tokenizerRejection;
        }
        return token;
    }

    private RuleToken consume() {
        RuleToken token = peek();
        next++;
        return token;
    }

    private void expect(RuleToken.Type type, String expectedKey) {
        RuleToken token = peek();
        if (token.type() != type) {
            throw unexpected(token, expectedKey);
        }
        next++;
    }

    private InvalidExpressionException unexpected(RuleToken token, String expectedKey) {
        if (token.type() == RuleToken.Type.END) {
            return new InvalidExpressionException("rule.unexpectedEnd", source, token.position(),
                    new InvalidExpressionException.Expectation(expectedKey));
        }
        return new InvalidExpressionException("rule.unexpectedToken", source, token.position(), token.text(),
                new InvalidExpressionException.Expectation(expectedKey));
    }

    private InvalidExpressionException rejection(String key, RuleToken token, @Nullable String allowed) {
        return allowed == null
                ? new InvalidExpressionException(key, source, token.position(), token.text())
                : new InvalidExpressionException(key, source, token.position(), token.text(), allowed);
    }

    /**
     * MVEL text produced from a checked expression.
     *
     * @param mvel the translation, in which every literal is a variable {@code tzlit_<index>}
     * @param literals the literal values by index
     */
    record TranslatedExpression(String mvel, List<Object> literals) {

        TranslatedExpression {
            literals = List.copyOf(literals);
        }
    }
}
