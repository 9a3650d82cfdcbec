package org.tezuo.core.privacy;

import java.util.regex.Matcher;
import org.jspecify.annotations.Nullable;
import java.util.regex.Pattern;

/**
 * Masks resident identity card numbers in text that leaves the ledger (notices, run reports): the 18-character
 * numbers of GB 11643-1999 (17 digits and a digit or X check character) and the older 15-digit numbers. The first
 * four and the last four characters stay readable, as on the person pages, so a reader can still tell two people
 * apart. A special-operations certificate number is usually the holder's ID number, so certificate numbers are
 * masked as well.
 */
public final class IdNumberMask {

    /**
     * A run of exactly 18 characters (17 digits and a digit or X) or 15 digits that is not part of a longer digit
     * run. A letter may come first, because certificate numbers are often the ID number behind a letter such as T.
     */
    private static final Pattern ID_NUMBER = Pattern.compile(
            "(?<![0-9])(?:[1-9][0-9]{16}[0-9Xx]|[1-9][0-9]{14}(?![Xx]))(?![0-9])");
    private static final int VISIBLE = 4;

    private IdNumberMask() {
    }

    /** Returns {@code text} with every ID number replaced by asterisks except its first and last four characters. */
    public static @Nullable String mask(@Nullable String text) {
        if (text == null) {
            return null;
        }
        Matcher matcher = ID_NUMBER.matcher(text);
        StringBuilder masked = new StringBuilder(text.length());
        while (matcher.find()) {
            String number = matcher.group();
            String replacement = number.substring(0, VISIBLE) + "*".repeat(number.length() - 2 * VISIBLE)
                    + number.substring(number.length() - VISIBLE);
            matcher.appendReplacement(masked, replacement);
        }
        matcher.appendTail(masked);
        return masked.toString();
    }
}
