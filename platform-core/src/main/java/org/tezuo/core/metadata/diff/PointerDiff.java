package org.tezuo.core.metadata.diff;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Compares two JSON values member by member and array element by element, and names each difference by its
 * JSON pointer (RFC 6901). Arrays are compared by index, so an element inserted in the middle shows as changes to
 * the elements after it.
 */
final class PointerDiff {

    private PointerDiff() {
    }

    static void compare(String pointer, JsonNode before, JsonNode after, List<MetadataChange> changes) {
        if (before.equals(after)) {
            return;
        }
        if (before.isObject() && after.isObject()) {
            Set<String> names = new LinkedHashSet<>(before.propertyNames());
            names.addAll(after.propertyNames());
            for (String name : names) {
                compareMember(pointer + "/" + escape(name), before.get(name), after.get(name), changes);
            }
        } else if (before.isArray() && after.isArray()) {
            for (int i = 0; i < Math.max(before.size(), after.size()); i++) {
                compareMember(pointer + "/" + i, before.get(i), after.get(i), changes);
            }
        } else {
            changes.add(new MetadataChange(ChangeType.CHANGED, pointer, "", null, before, after,
                    "metadata.diff.value.changed"));
        }
    }

    private static void compareMember(String pointer, @Nullable JsonNode before, @Nullable JsonNode after,
            List<MetadataChange> changes) {
        if (before == null && after != null) {
            changes.add(new MetadataChange(ChangeType.ADDED, pointer, "", null, null, after,
                    "metadata.diff.value.added"));
        } else if (before != null && after == null) {
            changes.add(new MetadataChange(ChangeType.REMOVED, pointer, "", null, before, null,
                    "metadata.diff.value.removed"));
        } else if (before != null && after != null) {
            compare(pointer, before, after, changes);
        }
    }

    /** Escapes one reference token of a JSON pointer: {@code ~} becomes {@code ~0} and {@code /} becomes {@code ~1}. */
    static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }
}
