package org.tezuo.core.rules;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Text written in a metadata document in Simplified Chinese and, optionally, English.
 *
 * @param zh the Simplified Chinese text, always present
 * @param en the English text, or null when the document gives none
 */
public record LocalizedText(String zh, @Nullable String en) {

    /** Returns the text for {@code locale}: English for English locales when present, Chinese otherwise. */
    public String in(Locale locale) {
        return "en".equals(locale.getLanguage()) && en != null ? en : zh;
    }
}
