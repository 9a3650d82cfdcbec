package org.tezuo.app.ui.designer;

import java.util.regex.Pattern;

/** Keys of form documents the designer creates, such as {@code hot-work-permit}. */
final class FormKeys {

    /** A lower-case letter, then lower-case letters, digits or hyphens, 64 characters at most. */
    static final Pattern PATTERN = Pattern.compile("[a-z][a-z0-9-]{0,63}");

    private FormKeys() {
    }

    static boolean isValid(String key) {
        return PATTERN.matcher(key).matches();
    }
}
