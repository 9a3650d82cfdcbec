package org.tezuo.core.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A rule message with placeholders. {@code {value}}, {@code {limit}}, {@code {unit}} and {@code {source}} insert
 * those parts of the finding; any other {@code {expression}} is a rule-language expression compiled with the
 * ruleset's variables, for example {@code {weather.beaufortLevel}}.
 */
final class MessageTemplate {

    /** The parts of a finding a placeholder can name. */
    private enum PartName {
        VALUE, LIMIT, UNIT, SOURCE;

        static @Nullable PartName of(String placeholder) {
            for (PartName name : values()) {
                if (name.name().toLowerCase(Locale.ROOT).equals(placeholder)) {
                    return name;
                }
            }
            return null;
        }
    }

    private sealed interface Segment permits Text, Part, Expression {
    }

    private record Text(String text) implements Segment {
    }

    private record Part(PartName name) implements Segment {
    }

    private record Expression(CompiledExpression expression) implements Segment {
    }

    /** The parts of a finding a template can insert. */
    record Parts(@Nullable Object value, @Nullable Object limit, String unit, String source) {
    }

    private final List<Segment> segments;
    /** The length of the fixed text plus room for the inserted values, so a message rarely grows its buffer. */
    private final int expectedLength;

    private MessageTemplate(List<Segment> segments) {
        this.segments = List.copyOf(segments);
        int fixed = 0;
        for (Segment segment : segments) {
            fixed += segment instanceof Text text ? text.text().length() : 16;
        }
        this.expectedLength = fixed;
    }

    /**
     * Parses {@code text}.
     *
     * @throws IllegalArgumentException when a brace is not closed or an opening brace is nested
     * @throws InvalidExpressionException when a placeholder is not a valid expression
     */
    static MessageTemplate parse(String text, ExpressionCompiler compiler, Set<String> variables) {
        List<Segment> segments = new ArrayList<>();
        int index = 0;
        while (index < text.length()) {
            int open = text.indexOf('{', index);
            int stray = text.indexOf('}', index);
            if (stray >= 0 && (open < 0 || stray < open)) {
                throw new IllegalArgumentException(String.valueOf(stray + 1));
            }
            if (open < 0) {
                segments.add(new Text(text.substring(index)));
                break;
            }
            int close = text.indexOf('}', open);
            int nested = text.indexOf('{', open + 1);
            if (close < 0 || (nested >= 0 && nested < close)) {
                throw new IllegalArgumentException(String.valueOf(open + 1));
            }
            if (open > index) {
                segments.add(new Text(text.substring(index, open)));
            }
            String placeholder = text.substring(open + 1, close).trim();
            PartName part = PartName.of(placeholder);
            segments.add(part != null
                    ? new Part(part)
                    : new Expression(compiler.compile(placeholder, variables)));
            index = close + 1;
        }
        return new MessageTemplate(segments);
    }

    String render(Map<String, ?> variables, Parts parts, Locale locale) {
        StringBuilder message = new StringBuilder(expectedLength);
        for (Segment segment : segments) {
            switch (segment) {
                case Text text -> message.append(text.text());
                case Part part -> message.append(switch (part.name()) {
                    case VALUE -> RuleValueFormatter.format(parts.value(), locale);
                    case LIMIT -> RuleValueFormatter.format(parts.limit(), locale);
                    case UNIT -> parts.unit();
                    case SOURCE -> parts.source();
                });
                case Expression expression ->
                        message.append(RuleValueFormatter.format(expression.expression().evaluate(variables), locale));
            }
        }
        return message.toString();
    }
}
