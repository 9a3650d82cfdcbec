package org.tezuo.core.pack;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A value of a pack that its publisher has not confirmed against the official text: an object of a document marked
 * {@code "unconfirmed": true} or {@code "confirmed": false}, or an entry of the manifest's {@code unconfirmed} list.
 *
 * @param where the document and JSON pointer, such as {@code ruleset:confined-space/thresholds/coLimitPpm}
 * @param source the clause the publisher names as the value's origin, if given
 * @param note why it is not confirmed, in the reader's language where the pack gives both
 */
public record UnconfirmedValue(String where, @Nullable String source, @Nullable String note) {

    /** Lists the manifest's {@code unconfirmed} entries and every unconfirmed object of each body, in pack order. */
    static List<UnconfirmedValue> find(JsonNode manifest, Map<String, JsonNode> bodies, Locale locale) {
        List<UnconfirmedValue> found = new ArrayList<>();
        for (JsonNode entry : manifest.path("unconfirmed")) {
            found.add(new UnconfirmedValue(entry.path("where").asString(""), text(entry.path("source"), locale),
                    text(entry.path("note"), locale)));
        }
        bodies.forEach((reference, body) -> walk(reference, "", body, locale, found));
        return found;
    }

    private static void walk(String reference, String pointer, JsonNode node, Locale locale,
            List<UnconfirmedValue> found) {
        if (node.isObject()) {
            if (node.path("unconfirmed").asBoolean(false) || node.path("confirmed").isBoolean()
                    && !node.path("confirmed").asBoolean()) {
                found.add(new UnconfirmedValue(reference + pointer, text(node.path("source"), locale),
                        text(node.path("note"), locale)));
            }
            for (Map.Entry<String, JsonNode> property : node.properties()) {
                walk(reference, pointer + "/" + property.getKey(), property.getValue(), locale, found);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                String id = node.get(i).path("id").asString("");
                walk(reference, pointer + "/" + (id.isEmpty() ? String.valueOf(i) : id), node.get(i), locale,
                        found);
            }
        }
    }

    private static @Nullable String text(JsonNode node, Locale locale) {
        if (node.isString()) {
            return node.asString();
        }
        if (node.isObject()) {
            String english = node.path("en").asString("");
            return "en".equals(locale.getLanguage()) && !english.isEmpty() ? english : node.path("zh").asString(null);
        }
        return null;
    }
}
