package org.tezuo.core.metadata;

import java.util.Locale;
import org.springframework.stereotype.Component;
import org.tezuo.metadata.MetadataKind;

/**
 * Labels of codes from a tenant's published dictionaries, such as {@code zone-1} as 1 区 in the {@code area-class}
 * dictionary, in Chinese or, for an English reader, in English.
 */
@Component
public class DictionaryLabels {

    private final MetadataStore metadata;

    DictionaryLabels(MetadataStore metadata) {
        this.metadata = metadata;
    }

    /**
     * Returns the label of {@code code} in {@code dictionary} in the reader's language, or the code unchanged when
     * the tenant has not published the dictionary or it lists no such code.
     */
    public String label(long tenantId, String dictionary, String code, Locale locale) {
        String language = Locale.ENGLISH.getLanguage().equals(locale.getLanguage()) ? "en" : "zh";
        return metadata.findPublished(tenantId, MetadataKind.DICTIONARY, dictionary)
                .flatMap(published -> published.body().path("items").valueStream()
                        .filter(item -> item.path("code").asString("").equals(code))
                        .findFirst())
                .map(item -> item.path("label").path(language).asString(code))
                .orElse(code);
    }
}
