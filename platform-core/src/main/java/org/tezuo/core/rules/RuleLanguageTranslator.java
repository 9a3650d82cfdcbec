package org.tezuo.core.rules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Parses a rule-language expression with the platform's own grammar and translates it into MVEL text that
 * contains nothing the grammar did not allow. Every literal is passed to MVEL as a bound variable, every
 * function as a statically imported method and every map path as a bound variable {@code tzpath_<index>} whose
 * value the caller reads with {@link RuleFunctions#path}, so the engine never resolves a class, calls a method on
 * a value or reads a getter.
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
    static final String PATH_PREFIX = "tzpath_";

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
    private final List<PathRead> paths = new ArrayList<>();
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
        String mvel = translator.expression(false);
        RuleToken rest = translator.peek();
        if (rest.type() != RuleToken.Type.END) {
            throw translator.unexpected(rest, "rule.expected.end");
        }
        return new TranslatedExpression(mvel, translator.literals, translator.paths, translator.directRead(mvel));
    }

    /**
     * Returns the expression as a {@link DirectRead} when its translation {@code mvel} is one literal, one variable
     * or one bound path, in or out of parentheses; null otherwise.
     */
    private @Nullable DirectRead directRead(String mvel) {
        return switch (mvel) {
            case "true", "false" -> DirectRead.literal(source, Boolean.valueOf(mvel));
            case "null" -> DirectRead.literal(source, null);
            default -> {
                if (mvel.equals(LITERAL_PREFIX + 0)) {
                    yield DirectRead.literal(source, literals.getFirst());
                }
                if (mvel.equals(PATH_PREFIX + 0)) {
                    yield DirectRead.path(source, paths.getFirst());
                }
                yield variables.contains(mvel) ? DirectRead.path(source, new PathRead(mvel, List.of())) : null;
            }
        };
    }

    /**
     * Translates an expression. Every binary operation and conditional is put in parentheses, so MVEL's precedence
     * never decides the grouping, except a conditional at the top of the whole expression when {@code enclosed} is
     * false: MVEL evaluates each parenthesized part as a nested expression, which cost 70 ns a conditional.
     */
    private String expression(boolean enclosed) {
        enter();
        String result = conditional(enclosed);
        depth--;
        return result;
    }

    private String conditional(boolean enclosed) {
        String condition = or();
        if (peek().type() != RuleToken.Type.QUESTION) {
            return condition;
        }
        next++;
        String whenTrue = nested(() -> conditional(true));
        expect(RuleToken.Type.COLON, "rule.expected.colon");
        String whenFalse = nested(() -> conditional(true));
        String translated = condition + " ? " + whenTrue + " : " + whenFalse;
        return enclosed ? "(" + translated + ")" : translated;
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
                String inner = expression(true);
                expect(RuleToken.Type.RIGHT_PAREN, "rule.expected.rightParen");
                // An operation is already in parentheses and a name, literal or call needs none. Only a negation
                // (!) gets a pair of its own.
                yield inner.startsWith("!") ? "(" + inner + ")" : inner;
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

    /**
     * Translates {@code variable} and the keys that follow it. A path with keys becomes one bound variable rather
     * than nested calls of {@link RuleFunctions#path}: MVEL spent about 30 ns on each call, and a risk evaluation
     * reads some hundred paths. The same path twice in one expression is one variable.
     */
    private String path(String variable) {
        List<String> keys = new ArrayList<>();
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
            keys.add(segment.text());
        }
        if (keys.isEmpty()) {
            return variable;
        }
        PathRead read = new PathRead(variable, keys);
        int index = paths.indexOf(read);
        if (index < 0) {
            paths.add(read);
            index = paths.size() - 1;
        }
        return PATH_PREFIX + index;
    }

    private String call(RuleToken name) {
        next++;
        List<String> arguments = new ArrayList<>();
        if (peek().type() != RuleToken.Type.RIGHT_PAREN) {
            arguments.add(expression(true));
            while (peek().type() == RuleToken.Type.COMMA) {
                next++;
                arguments.add(expression(true));
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
     * @param paths the map paths by index, each bound as the variable {@code tzpath_<index>}
     * @param direct the expression as a direct read when it is one literal, variable or path, or null
     */
    record TranslatedExpression(String mvel, List<Object> literals, List<PathRead> paths,
            @Nullable DirectRead direct) {

        TranslatedExpression {
            literals = List.copyOf(literals);
            paths = List.copyOf(paths);
        }
    }

    /**
     * A variable and the keys read from it in turn, for example {@code weather} and {@code beaufortLevel}.
     *
     * @param variable a declared variable
     * @param keys the keys, none when the variable itself is read
     */
    record PathRead(String variable, List<String> keys) {

        /**
         * The names are interned, so that the lookups in the caller's maps, whose keys are mostly constants of the
         * code, usually match by reference instead of comparing characters.
         */
        PathRead {
            variable = variable.intern();
            keys = keys.stream().map(String::intern).toList();
        }

        /** Reads the path from {@code values} as {@link RuleFunctions#path} reads each key. */
        @Nullable Object read(Map<String, ?> values) {
            Object value = values.get(variable);
            for (String key : keys) {
                value = RuleFunctions.path(value, key);
            }
            return value;
        }
    }
}
