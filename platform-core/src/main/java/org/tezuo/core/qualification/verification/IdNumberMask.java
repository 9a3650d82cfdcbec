package org.tezuo.core.qualification.verification;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Masks resident ID numbers inside text. A special-operations certificate number usually is, or contains, the
 * holder's ID number, so run reports pass certificate numbers through here. Every run of 15 to 18 digits (the last
 * may be X) keeps its first 4 and last 4 characters; the rest become asterisks.
 */
final class IdNumberMask {

    private static final Pattern ID_NUMBER = Pattern.compile("\\d{14}[\\dXx]{1,4}");

    private IdNumberMask() {
    }

    static @Nullable String mask(@Nullable String text) {
        if (text == null) {
            return null;
        }
        Matcher matcher = ID_NUMBER.matcher(text);
        StringBuilder masked = new StringBuilder();
        while (matcher.find()) {
            String number = matcher.group();
            String replacement = number.substring(0, 4) + "*".repeat(number.length() - 8)
                    + number.substring(number.length() - 4);
            matcher.appendReplacement(masked, replacement);
        }
        matcher.appendTail(masked);
        return masked.toString();
    }
}
