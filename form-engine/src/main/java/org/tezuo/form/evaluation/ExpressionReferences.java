package org.tezuo.form.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.tezuo.form.definition.FieldType;
import org.tezuo.form.definition.FormDefinition;
import org.tezuo.form.definition.FormField;

/**
 * Finds the data a form expression reads: every variable with its dotted field path, such as
 * {@code gasTest.result} or {@code row.unit}, resolved against the form's fields, and every
 * {@code constants.<key>} resolved against the form's constants. The rule-language compiler
 * rejects unknown variables but does not see the properties of an object field. This class resolves them, so a
 * condition that names a field the form does not define is rejected when the document is saved.
 */
public final class ExpressionReferences {

    private static final Pattern STRING_LITERAL = Pattern.compile("'(?:[^'\\\\]|\\\\.)*'|\"(?:[^\"\\\\]|\\\\.)*\"");
    private static final Pattern CHAIN = Pattern.compile(
            "(?<![A-Za-z0-9_.])[A-Za-z_][A-Za-z0-9_]*(?:\\s*\\.\\s*[A-Za-z_][A-Za-z0-9_]*)*");
    private static final Set<String> LITERAL_WORDS = Set.of("true", "false", "null");

    private ExpressionReferences() {
    }

    /**
     * A variable read by an expression.
     *
     * @param text the dotted name as written, spaces removed, for example {@code row.unit}
     * @param field the field it resolves to, or null for a context value or an unresolved name
     * @param problem message key of the reason it does not resolve, or null when it does
     */
    public record Reference(String text, @Nullable FormField field, @Nullable String problem) {
    }

    /**
     * Returns every variable {@code expression} reads, in order of appearance.
     *
     * @param owner the field whose expression this is (for {@code row}), or null for a section, a rule or a default
     */
    public static List<Reference> of(String expression, FormDefinition form, @Nullable FormField owner) {
        String code = blankStringLiterals(expression);
        List<Reference> references = new ArrayList<>();
        Matcher matcher = CHAIN.matcher(code);
        while (matcher.find()) {
            if (isFunctionCall(code, matcher.end())) {
                continue;
            }
            String text = matcher.group().replaceAll("\\s", "");
            if (!LITERAL_WORDS.contains(text)) {
                references.add(resolve(text, form, owner));
            }
        }
        return references;
    }

    /** Returns the fields {@code expression} reads, for dependency ordering; unresolved names are skipped. */
    public static List<FormField> fields(String expression, FormDefinition form, @Nullable FormField owner) {
        return of(expression, form, owner).stream()
                .map(Reference::field)
                .filter(field -> field != null)
                .toList();
    }

    private static Reference resolve(String text, FormDefinition form, @Nullable FormField owner) {
        String[] segments = text.split("\\.");
        String head = segments[0];
        if (FormVariables.CONTEXT_NAMES.contains(head)) {
            return segments.length == 1 ? new Reference(text, null, null)
                    : new Reference(text, null, "form.expression.contextMember");
        }
        if (FormVariables.CONSTANTS.equals(head)) {
            return segments.length == 2 && form.constants().containsKey(segments[1])
                    ? new Reference(text, null, null)
                    : new Reference(text, null, "form.expression.unknownConstant");
        }
        Optional<FormField> start;
        if (FormVariables.ROW.equals(head)) {
            start = owner == null || !owner.inRow() ? Optional.empty() : enclosingTable(form, owner);
            if (start.isEmpty()) {
                return new Reference(text, null, "form.expression.rowOutsideTable");
            }
            if (segments.length == 1) {
                return new Reference(text, start.get(), null);
            }
            return walk(text, start.get(), segments, true);
        }
        start = form.field(head);
        if (start.isEmpty()) {
            return new Reference(text, null, "form.expression.unknownField");
        }
        return walk(text, start.get(), segments, false);
    }

    /** Follows the segments after the first; {@code fromRow} means the first field is a table read row by row. */
    private static Reference walk(String text, FormField start, String[] segments, boolean fromRow) {
        FormField current = start;
        for (int i = 1; i < segments.length; i++) {
            if (current.type() == FieldType.ARRAY && !(fromRow && i == 1)) {
                return new Reference(text, current, "form.expression.tableMember");
            }
            Optional<FormField> child = current.child(segments[i]);
            if (child.isEmpty()) {
                return new Reference(text, null, "form.expression.unknownField");
            }
            current = child.get();
        }
        return new Reference(text, current, null);
    }

    /** Returns the nearest table that contains {@code field}, found through the prefixes of its path. */
    static Optional<FormField> enclosingTable(FormDefinition form, FormField field) {
        String path = field.path();
        for (int dot = path.lastIndexOf('.'); dot > 0; dot = path.lastIndexOf('.', dot - 1)) {
            Optional<FormField> ancestor = form.fieldAt(path.substring(0, dot));
            if (ancestor.isPresent() && ancestor.get().type() == FieldType.ARRAY) {
                return ancestor;
            }
        }
        return Optional.empty();
    }

    private static boolean isFunctionCall(String code, int end) {
        int next = end;
        while (next < code.length() && Character.isWhitespace(code.charAt(next))) {
            next++;
        }
        return next < code.length() && code.charAt(next) == '(';
    }

    /** Replaces each string literal by quotes around spaces, so positions and the rest of the text are kept. */
    private static String blankStringLiterals(String expression) {
        Matcher matcher = STRING_LITERAL.matcher(expression);
        StringBuilder result = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(result, "'" + " ".repeat(matcher.group().length() - 2) + "'");
        }
        matcher.appendTail(result);
        return result.toString();
    }
}
