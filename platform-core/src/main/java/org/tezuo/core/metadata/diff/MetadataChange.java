package org.tezuo.core.metadata.diff;

import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.jspecify.annotations.Nullable;
import org.tezuo.core.i18n.UserMessages;
import tools.jackson.databind.JsonNode;

/**
 * One difference between two bodies of a document.
 *
 * @param type added, removed, changed or moved
 * @param path field path such as {@code workers.certNumber} for form and entity fields, the section title for
 *     layout sections, the id for form rules and for the rules, lifecycle rules and warning steps of rulesets, or a
 *     JSON pointer such as {@code /thresholds/maxLevel/value} for everything else
 * @param aspect the attribute that changed ({@code label}, {@code type}, {@code required}, {@code enum},
 *     {@code maxLength}, {@code x-widget}, {@code section}...), or empty when a whole part was added or removed
 * @param label the field's {@code {"zh": ..., "en": ...}} label, when the change concerns a labelled field, or a
 *     ruleset rule's id with the start of its message
 * @param before the old value, absent for additions
 * @param after the new value, absent for removals
 * @param messageKey key of the description in the core message catalogue. The description's arguments are the
 *     label (or the path), the path, the old value, the new value and the aspect's name
 */
public record MetadataChange(ChangeType type, String path, String aspect, @Nullable JsonNode label,
        @Nullable JsonNode before, @Nullable JsonNode after, String messageKey) {

    private static final String BUNDLE = "org.tezuo.core.messages";
    private static final int MAX_VALUE_CHARS = 200;

    /** Renders the change as one sentence in {@code locale}, naming the field by its label in that language. */
    public String description(Locale locale) {
        return UserMessages.render(locale, messageKey, labelText(locale), path, valueText(before, locale),
                valueText(after, locale), aspectName(locale));
    }

    private String labelText(Locale locale) {
        return label == null ? path : localized(label, locale);
    }

    private String aspectName(Locale locale) {
        if (aspect.isEmpty()) {
            return "";
        }
        try {
            return bundle(locale).getString("metadata.diff.aspect." + aspect);
        } catch (MissingResourceException e) {
            return aspect;
        }
    }

    private static String valueText(@Nullable JsonNode value, Locale locale) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return UserMessages.render(locale, "metadata.diff.none");
        }
        if (value.isString()) {
            return shorten(value.asString());
        }
        if (value.isObject() && value.has("zh") && value.path("zh").isString()) {
            return shorten(localized(value, locale));
        }
        if (value.isArray() && StreamSupport.stream(value.spliterator(), false).allMatch(JsonNode::isValueNode)) {
            String separator = UserMessages.render(locale, "metadata.diff.listSeparator");
            return shorten(StreamSupport.stream(value.spliterator(), false).map(JsonNode::asString)
                    .collect(Collectors.joining(separator)));
        }
        return shorten(value.toString());
    }

    private static String localized(JsonNode label, Locale locale) {
        String english = label.path("en").asString("");
        return "en".equals(locale.getLanguage()) && !english.isBlank() ? english : label.path("zh").asString("");
    }

    private static String shorten(String text) {
        return text.length() <= MAX_VALUE_CHARS ? text : text.substring(0, MAX_VALUE_CHARS) + "…";
    }

    private static ResourceBundle bundle(Locale locale) {
        return ResourceBundle.getBundle(BUNDLE,
                "zh".equals(locale.getLanguage()) ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH);
    }
}
