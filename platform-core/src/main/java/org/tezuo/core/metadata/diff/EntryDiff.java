package org.tezuo.core.metadata.diff;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Compares two arrays of entries that each carry an {@code id}, such as form rules or the rules of a ruleset, by
 * that id: an entry is added, removed, or changed member by member, wherever it sits in the array. An entry
 * without an id is named by its 1-based position, as {@code #3}.
 */
final class EntryDiff {

    /**
     * Wording of the changes of one kind of entry.
     *
     * @param aspect the {@link MetadataChange#aspect()} of an added or removed entry
     * @param messageKey prefix of the message keys; {@code .added}, {@code .removed} and {@code .changed} follow
     * @param label the label of an entry, given its id and the entry, or null to name it by its id
     * @param shown the part of an entry that an added or removed change carries as its value
     */
    record Wording(String aspect, String messageKey, BiFunction<String, JsonNode, @Nullable JsonNode> label,
            Function<JsonNode, JsonNode> shown) {
    }

    private EntryDiff() {
    }

    static void compare(JsonNode before, JsonNode after, Wording wording, List<MetadataChange> changes) {
        Map<String, JsonNode> oldEntries = byId(before);
        Map<String, JsonNode> newEntries = byId(after);
        for (Map.Entry<String, JsonNode> entry : oldEntries.entrySet()) {
            if (!newEntries.containsKey(entry.getKey())) {
                changes.add(new MetadataChange(ChangeType.REMOVED, entry.getKey(), wording.aspect(),
                        wording.label().apply(entry.getKey(), entry.getValue()),
                        wording.shown().apply(entry.getValue()), null, wording.messageKey() + ".removed"));
            }
        }
        for (Map.Entry<String, JsonNode> entry : newEntries.entrySet()) {
            JsonNode old = oldEntries.get(entry.getKey());
            JsonNode now = entry.getValue();
            JsonNode label = wording.label().apply(entry.getKey(), now);
            if (old == null) {
                changes.add(new MetadataChange(ChangeType.ADDED, entry.getKey(), wording.aspect(), label, null,
                        wording.shown().apply(now), wording.messageKey() + ".added"));
                continue;
            }
            Set<String> members = new LinkedHashSet<>(old.propertyNames());
            members.addAll(now.propertyNames());
            for (String member : members) {
                JsonNode oldValue = old.get(member);
                JsonNode newValue = now.get(member);
                if (oldValue == null ? newValue != null : !oldValue.equals(newValue)) {
                    changes.add(new MetadataChange(ChangeType.CHANGED, entry.getKey(), member, label, oldValue,
                            newValue, wording.messageKey() + ".changed"));
                }
            }
        }
    }

    private static Map<String, JsonNode> byId(JsonNode entries) {
        Map<String, JsonNode> byId = new LinkedHashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            byId.put(entries.get(i).path("id").asString("#" + (i + 1)), entries.get(i));
        }
        return byId;
    }
}
