package org.tezuo.core.rules;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Splits a rule-language expression into tokens. It accepts only the characters the grammar uses. At the first
 * other character (statement separator, assignment, bracket, {@code @}, {@code $}, back-tick) it stops with an
 * {@link RuleToken.Type#INVALID} token and keeps the rejection, which the parser raises when it reaches that
 * token, so an earlier forbidden word is reported first.
 */
final class RuleTokenizer {

    private static final String TWO_CHARACTER_OPERATORS = "== != <= >= && ||";
    private static final String ONE_CHARACTER_OPERATORS = "+-*/%<>!";

    private final String source;
    private int index;

    private RuleTokenizer(String source) {
        this.source = source;
    }

    static Tokens tokenize(String source) {
        return new RuleTokenizer(source).readAll();
    }

    private Tokens readAll() {
        List<RuleToken> tokens = new ArrayList<>();
        while (true) {
            skipWhitespace();
            if (index >= source.length()) {
                tokens.add(new RuleToken(RuleToken.Type.END, "", source.length() + 1));
                return new Tokens(tokens, null);
            }
            int position = index + 1;
            try {
                tokens.add(readToken());
            } catch (InvalidExpressionException rejection) {
                tokens.add(new RuleToken(RuleToken.Type.INVALID, source.substring(position - 1, position), position));
                return new Tokens(tokens, rejection);
            }
        }
    }

    /**
     * The tokens of one expression.
     *
     * @param list the tokens, ending with {@link RuleToken.Type#END} or {@link RuleToken.Type#INVALID}
     * @param rejection why the last token is invalid, or null when the text ends normally
     */
    record Tokens(List<RuleToken> list, @Nullable InvalidExpressionException rejection) {
    }

    private void skipWhitespace() {
        while (index < source.length() && Character.isWhitespace(source.charAt(index))) {
            index++;
        }
    }

    private RuleToken readToken() {
        char current = source.charAt(index);
        int position = index + 1;
        if (isDigit(current) || (current == '.' && index + 1 < source.length() && isDigit(source.charAt(index + 1)))) {
            return readNumber(position);
        }
        if (current == '\'' || current == '"') {
            return readString(current, position);
        }
        if (isIdentifierStart(current)) {
            return readIdentifier(position);
        }
        if (index + 1 < source.length()) {
            String pair = source.substring(index, index + 2);
            if (TWO_CHARACTER_OPERATORS.contains(pair) && !pair.contains(" ")) {
                index += 2;
                return new RuleToken(RuleToken.Type.OPERATOR, pair, position);
            }
        }
        index++;
        return switch (current) {
            case '(' -> new RuleToken(RuleToken.Type.LEFT_PAREN, "(", position);
            case ')' -> new RuleToken(RuleToken.Type.RIGHT_PAREN, ")", position);
            case ',' -> new RuleToken(RuleToken.Type.COMMA, ",", position);
            case '.' -> new RuleToken(RuleToken.Type.DOT, ".", position);
            case '?' -> new RuleToken(RuleToken.Type.QUESTION, "?", position);
            case ':' -> new RuleToken(RuleToken.Type.COLON, ":", position);
            case '=' -> throw rejection("rule.assignment", "=", position);
            case ';' -> throw rejection("rule.statement", ";", position);
            case '[', ']', '{', '}' -> throw rejection("rule.collection", String.valueOf(current), position);
            default -> {
                if (ONE_CHARACTER_OPERATORS.indexOf(current) >= 0) {
                    yield new RuleToken(RuleToken.Type.OPERATOR, String.valueOf(current), position);
                }
                throw rejection("rule.character", String.valueOf(current), position);
            }
        };
    }

    private RuleToken readNumber(int position) {
        int start = index;
        while (index < source.length() && isDigit(source.charAt(index))) {
            index++;
        }
        if (index < source.length() && source.charAt(index) == '.') {
            index++;
            while (index < source.length() && isDigit(source.charAt(index))) {
                index++;
            }
        }
        if (index < source.length() && isIdentifierPart(source.charAt(index))) {
            // Engine-specific suffixes such as 1L, 2B or 0x1F are not part of the language.
            throw rejection("rule.number", source.substring(start, index + 1), position);
        }
        return new RuleToken(RuleToken.Type.NUMBER, source.substring(start, index), position);
    }

    private RuleToken readString(char quote, int position) {
        StringBuilder content = new StringBuilder();
        index++;
        while (index < source.length()) {
            char current = source.charAt(index++);
            if (current == quote) {
                return new RuleToken(RuleToken.Type.STRING, content.toString(), position);
            }
            if (current == '\\') {
                content.append(readEscape(position));
            } else {
                content.append(current);
            }
        }
        throw rejection("rule.unterminatedString", String.valueOf(quote), position);
    }

    private char readEscape(int stringPosition) {
        if (index >= source.length()) {
            throw rejection("rule.unterminatedString", "\\", stringPosition);
        }
        char escaped = source.charAt(index++);
        return switch (escaped) {
            case '\\', '\'', '"' -> escaped;
            case 'n' -> '\n';
            case 't' -> '\t';
            default -> throw rejection("rule.escape", "\\" + escaped, index - 1);
        };
    }

    private RuleToken readIdentifier(int position) {
        int start = index;
        while (index < source.length() && isIdentifierPart(source.charAt(index))) {
            index++;
        }
        return new RuleToken(RuleToken.Type.IDENTIFIER, source.substring(start, index), position);
    }

    private InvalidExpressionException rejection(String key, String token, int position) {
        return new InvalidExpressionException(key, source, position, token);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isIdentifierStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    }

    private static boolean isIdentifierPart(char c) {
        return isIdentifierStart(c) || isDigit(c);
    }
}
