package org.tezuo.core.rules;

/**
 * One token of a rule-language expression.
 *
 * @param type what kind of token this is
 * @param text the token as written (for strings: the decoded content)
 * @param position 1-based character position of the token's first character in the source
 */
record RuleToken(Type type, String text, int position) {

    enum Type {
        NUMBER,
        STRING,
        IDENTIFIER,
        OPERATOR,
        LEFT_PAREN,
        RIGHT_PAREN,
        COMMA,
        DOT,
        QUESTION,
        COLON,
        /** A character the language does not allow; reading it raises the tokenizer's rejection. */
        INVALID,
        END
    }

    boolean is(Type expectedType, String expectedText) {
        return type == expectedType && text.equals(expectedText);
    }

    boolean isOperator(String operator) {
        return is(Type.OPERATOR, operator);
    }
}
