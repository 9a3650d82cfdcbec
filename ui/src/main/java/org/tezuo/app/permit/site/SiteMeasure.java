package org.tezuo.app.permit.site;

import java.util.Locale;

/**
 * A safety measure that applies on a permit, as the pre-start check and the hand-over confirm it. It renders as its
 * row number and its text, shortened, such as 第 3 项“动火点周围 15 m 内可燃物已清理…”.
 *
 * @param number the row of the form's measure table, 1-based as in the evidence declarations
 * @param item the measure text as the permit states it
 */
public record SiteMeasure(int number, String item) implements SiteText {

    /** Maximum length, in characters, of a measure text that a message quotes. Longer texts end with an ellipsis. */
    static final int QUOTED_LENGTH = 20;

    @Override
    public String text(Locale locale) {
        return SiteText.render(locale, "site.measures.item", number, shortened(item));
    }

    /** Returns the text, or its start with an ellipsis when it is longer than a message quotes. */
    static String shortened(String item) {
        String text = item.strip();
        if (text.codePointCount(0, text.length()) <= QUOTED_LENGTH) {
            return text;
        }
        String start = text.substring(0, text.offsetByCodePoints(0, QUOTED_LENGTH));
        return start.replaceAll("[\\s，,；;、：:。.]+$", "") + "…";
    }
}
