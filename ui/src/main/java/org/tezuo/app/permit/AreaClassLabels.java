package org.tezuo.app.permit;

import java.util.Locale;
import java.util.function.UnaryOperator;
import org.springframework.stereotype.Component;
import org.tezuo.core.metadata.MetadataStore;
import org.tezuo.metadata.MetadataKind;

/**
 * Labels of the hazardous-area classes from the tenant's {@code area-class} dictionary, so that a zone's class or a
 * risk score value such as {@code zone-1} shows as 1 区 (Zone 1 in English).
 */
@Component
public class AreaClassLabels {

    private static final String DICTIONARY = "area-class";

    private final MetadataStore metadata;

    AreaClassLabels(MetadataStore metadata) {
        this.metadata = metadata;
    }

    /** Returns the label of {@code code} in the reader's language, or the text unchanged when it is no class code. */
    public String label(long tenantId, String code, Locale locale) {
        String language = locale.getLanguage().equals(Locale.ENGLISH.getLanguage()) ? "en" : "zh";
        return metadata.findPublished(tenantId, MetadataKind.DICTIONARY, DICTIONARY)
                .flatMap(dictionary -> dictionary.body().path("items").valueStream()
                        .filter(item -> item.path("code").asString("").equals(code))
                        .findFirst())
                .map(item -> item.path("label").path(language).asString(code))
                .orElse(code);
    }

    /** Returns {@link #label} for one tenant and language, for texts that may hold a class code. */
    public UnaryOperator<String> of(long tenantId, Locale locale) {
        return text -> label(tenantId, text, locale);
    }
}
