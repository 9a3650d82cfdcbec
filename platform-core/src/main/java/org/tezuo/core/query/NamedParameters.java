package org.tezuo.core.query;

import java.util.ArrayList;
import java.util.List;

/**
 * SQL with its parameters turned into JDBC markers. A named parameter {@code :site} becomes {@code ?} padded with
 * spaces to the same length, so the positions in error messages still match the text the user wrote; a plain
 * {@code ?} is named by its 1-based ordinal ("1", "2", ...). Markers inside string literals, quoted identifiers
 * and comments are left alone, and {@code ::} (a PostgreSQL cast) is not a parameter.
 *
 * @param sql the SQL with {@code ?} markers
 * @param names the parameter name of each marker, in order; a name may repeat
 */
record NamedParameters(String sql, List<String> names) {

    NamedParameters {
        names = List.copyOf(names);
    }

    static NamedParameters parse(String text) {
        StringBuilder sql = new StringBuilder(text.length());
        List<String> names = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            int end;
            if (c == '\'' || c == '"') {
                end = closingQuote(text, i, c);
            } else if (text.startsWith("--", i)) {
                end = lineEnd(text, i);
            } else if (text.startsWith("/*", i)) {
                int close = text.indexOf("*/", i + 2);
                end = close < 0 ? text.length() : close + 2;
            } else if (c == '?') {
                names.add(String.valueOf(names.size() + 1));
                end = i + 1;
            } else if (c == ':' && isNameStart(text, i + 1) && (i == 0 || text.charAt(i - 1) != ':')) {
                end = i + 1;
                while (end < text.length() && isNamePart(text.charAt(end))) {
                    end++;
                }
                names.add(text.substring(i + 1, end));
                sql.append('?').append(" ".repeat(end - i - 1));
                i = end;
                continue;
            } else {
                end = i + 1;
            }
            sql.append(text, i, end);
            i = end;
        }
        return new NamedParameters(sql.toString(), names);
    }

    /** Returns the distinct parameter names in order of first use. */
    List<String> distinctNames() {
        return names.stream().distinct().toList();
    }

    private static int closingQuote(String text, int start, char quote) {
        int i = start + 1;
        while (i < text.length()) {
            if (text.charAt(i) == quote) {
                if (i + 1 < text.length() && text.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return text.length();
    }

    private static int lineEnd(String text, int start) {
        int newline = text.indexOf('\n', start);
        return newline < 0 ? text.length() : newline;
    }

    private static boolean isNameStart(String text, int index) {
        return index < text.length() && (Character.isLetter(text.charAt(index)) || text.charAt(index) == '_');
    }

    private static boolean isNamePart(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }
}
