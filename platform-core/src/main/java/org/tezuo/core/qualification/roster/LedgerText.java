package org.tezuo.core.qualification.roster;

import java.util.Locale;

/** Normalises free text from ledger cells: spaces, full-width characters and header decorations. */
final class LedgerText {

    private LedgerText() {
    }

    /** Returns whether {@code c} is a space of any width, including the no-break and ideographic spaces. */
    static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    /** Trims and collapses runs of spaces to one ASCII space. */
    static String collapseSpaces(String raw) {
        StringBuilder text = new StringBuilder(raw.length());
        boolean pendingSpace = false;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (isSpace(c)) {
                pendingSpace = !text.isEmpty();
            } else {
                if (pendingSpace) {
                    text.append(' ');
                    pendingSpace = false;
                }
                text.append(c);
            }
        }
        return text.toString();
    }

    /**
     * Normalises a person's name: spaces next to a Chinese character are dropped (ledgers pad two-character names
     * such as "王　刚" to align columns), other runs of spaces become one.
     */
    static String personName(String raw) {
        String collapsed = collapseSpaces(raw);
        StringBuilder name = new StringBuilder(collapsed.length());
        for (int i = 0; i < collapsed.length(); i++) {
            char c = collapsed.charAt(i);
            boolean betweenHan = c == ' ' && (isHan(collapsed.charAt(i - 1)) || isHan(collapsed.charAt(i + 1)));
            if (!betweenHan) {
                name.append(c);
            }
        }
        return name.toString();
    }

    /** Removes every space and converts full-width ASCII characters to half-width. */
    static String withoutSpacesHalfWidth(String raw) {
        StringBuilder text = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (isSpace(c)) {
                continue;
            }
            text.append(c >= '\uFF01' && c <= '\uFF5E' ? (char) (c - '\uFF01' + '!') : c);
        }
        return text.toString();
    }

    /**
     * Returns the comparison key of a header cell or header synonym: no spaces, no bracketed hints such as
     * "（18位）", no required-field stars or trailing colons.
     */
    static String headerKey(String raw) {
        String text = withoutSpacesHalfWidth(raw).replaceAll("\\([^)]*\\)", "");
        return text.replaceAll("^\\*+|\\*+$|:+$", "");
    }

    /**
     * Returns the comparison key of an enumerated value: no spaces, brackets in their full-width form as the
     * official catalogue writes them, and Latin letters in lower case.
     */
    static String valueKey(String raw) {
        return withoutSpacesHalfWidth(raw).replace('(', '（').replace(')', '）').toLowerCase(Locale.ROOT);
    }

    private static boolean isHan(char c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
    }
}
