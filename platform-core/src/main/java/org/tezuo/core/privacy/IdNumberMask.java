package org.tezuo.core.privacy;

import java.text.Normalizer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Masks resident identity card numbers wherever they leave the ledger: person pages, badges, exports, notices and
 * run reports. It covers the 18-character numbers of GB 11643-1999 (17 digits and a digit or X check character)
 * and the older 15-digit numbers, in ASCII or full-width characters. One rule applies everywhere: the first four
 * and the last four characters stay readable, so a reader can still tell two people apart, and every character in
 * between becomes an asterisk. A special-operations certificate number is usually the holder's ID number, so
 * certificate numbers are masked as well.
 */
public final class IdNumberMask {

    /**
     * A run of exactly 18 characters (17 digits and a digit or X) or 15 digits that is not part of a longer digit
     * run, with ASCII or full-width digits. A letter may come first, because certificate numbers are often the ID
     * number behind a letter such as T.
     */
    private static final Pattern ID_NUMBER = Pattern.compile(
            "(?<![0-9０-９])(?:[1-9１-９][0-9０-９]{16}[0-9０-９XxＸｘ]|[1-9１-９][0-9０-９]{14}(?![XxＸｘ]))(?![0-9０-９])");
    private static final int VISIBLE = 4;
    /** Length of the old 15-digit numbers: the minimum length of a value whose ends stay readable. */
    private static final int MIN_READABLE_LENGTH = 15;
    private static final String FULLY_MASKED = "****";

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
            matcher.appendReplacement(masked, Matcher.quoteReplacement(keepEnds(matcher.group())));
        }
        matcher.appendTail(masked);
        return masked.toString();
    }

    /**
     * Returns a stored ID number masked for display, such as {@code 1101**********002X} for 18 characters or
     * {@code 1101*******1002} for 15 digits. Full-width characters first become ASCII, white space is dropped
     * and a lower-case x becomes X. A value shorter than 15 characters is no valid number,
     * so four asterisks replace all of it, because its ends would give most of it away.
     */
    public static String maskNumber(String idNumber) {
        String canonical = Normalizer.normalize(idNumber, Normalizer.Form.NFKC)
                .replaceAll("[\\s\\u3000]+", "")
                .replace('x', 'X');
        return canonical.length() < MIN_READABLE_LENGTH ? FULLY_MASKED : keepEnds(canonical);
    }

    private static String keepEnds(String number) {
        return number.substring(0, VISIBLE) + "*".repeat(number.length() - 2 * VISIBLE)
                + number.substring(number.length() - VISIBLE);
    }
}
