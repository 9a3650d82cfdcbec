package org.tezuo.form.definition;

import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Finds which top-level fields a rule expression names, so a rule over a field with a schema error can be skipped. */
final class RuleIdentifiers {

    private static final Pattern STRING_LITERAL = Pattern.compile("'(?:[^'\\\\]|\\\\.)*'|\"(?:[^\"\\\\]|\\\\.)*\"");
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private RuleIdentifiers() {
    }

    static Set<String> fieldNames(String expression, List<FormField> fields) {
        Set<String> names = fields.stream().map(FormField::name).collect(Collectors.toSet());
        String code = STRING_LITERAL.matcher(expression).replaceAll("''");
        Matcher matcher = IDENTIFIER.matcher(code);
        Set<String> found = new java.util.LinkedHashSet<>();
        while (matcher.find()) {
            if (names.contains(matcher.group())) {
                found.add(matcher.group());
            }
        }
        return found;
    }
}
