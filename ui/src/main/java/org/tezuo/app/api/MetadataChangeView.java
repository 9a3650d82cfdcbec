package org.tezuo.app.api;

import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.tezuo.core.metadata.diff.ChangeType;
import org.tezuo.core.metadata.diff.MetadataChange;
import tools.jackson.databind.JsonNode;

/**
 * One change between two document bodies as the API returns it, with its description in the caller's locale.
 *
 * @param type added, removed, changed or moved
 * @param path field path, section title or JSON pointer
 * @param aspect the attribute that changed, empty when a whole part was added or removed
 * @param before the old value
 * @param after the new value
 * @param description one sentence in the caller's language
 */
record MetadataChangeView(ChangeType type, String path, String aspect, @Nullable JsonNode before,
        @Nullable JsonNode after, String description) {

    static List<MetadataChangeView> of(List<MetadataChange> changes, Locale locale) {
        return changes.stream()
                .map(change -> new MetadataChangeView(change.type(), change.path(), change.aspect(), change.before(),
                        change.after(), change.description(locale)))
                .toList();
    }
}
