package org.tezuo.app.permit;

import java.util.Locale;
import java.util.function.UnaryOperator;
import org.springframework.stereotype.Component;
import org.tezuo.core.metadata.DictionaryLabels;

/**
 * Labels of the hazardous-area classes from the tenant's {@code area-class} dictionary, so that a zone's class or a
 * risk score value such as {@code zone-1} shows as 1 区 (Zone 1 in English).
 */
@Component
public class AreaClassLabels {

    private static final String DICTIONARY = "area-class";

    private final DictionaryLabels dictionaries;

    AreaClassLabels(DictionaryLabels dictionaries) {
        this.dictionaries = dictionaries;
    }

    /** Returns the label of {@code code} in the reader's language, or the text unchanged when it is no class code. */
    public String label(long tenantId, String code, Locale locale) {
        return dictionaries.label(tenantId, DICTIONARY, code, locale);
    }

    /** Returns {@link #label} for one tenant and language, for texts that may hold a class code. */
    public UnaryOperator<String> of(long tenantId, Locale locale) {
        return text -> label(tenantId, text, locale);
    }
}
