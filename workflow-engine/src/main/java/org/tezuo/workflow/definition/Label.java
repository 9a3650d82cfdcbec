package org.tezuo.workflow.definition;

import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** A name in Simplified Chinese and, optionally, English. */
public record Label(String zh, @Nullable String en) {

    public Label {
        Objects.requireNonNull(zh, "zh");
    }

    /** Returns the English text for English locales when present, else the Chinese text. */
    public String in(Locale locale) {
        return "en".equals(locale.getLanguage()) && en != null && !en.isBlank() ? en : zh;
    }
}
