package org.tezuo.form.definition;

import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Text shown to users in Simplified Chinese and, optionally, English.
 *
 * @param zh Simplified Chinese text, never blank
 * @param en English text, or null when the document has none
 */
public record Label(String zh, @Nullable String en) {

    public Label {
        Objects.requireNonNull(zh, "zh");
        if (zh.isBlank()) {
            throw new IllegalArgumentException("A label needs Chinese text");
        }
    }

    /** Returns the English text for an English locale when there is one, otherwise the Chinese text. */
    public String text(Locale locale) {
        if ("en".equals(locale.getLanguage()) && en != null && !en.isBlank()) {
            return en;
        }
        return zh;
    }
}
