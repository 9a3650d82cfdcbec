package org.tezuo.core.metadata.diff;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Compares two ruleset bodies: the rules, the certificate lifecycle rules and the warning steps by id, each named
 * by its id and the start of its message or label, and every other member (thresholds, variables, scoring) by JSON
 * pointer. A rule added to or removed from the middle of the list is then one change, not a change to every rule
 * after it.
 */
final class RulesetDiff {

    /** Characters of a rule's message that its name in a change shows, so a long message stays one line. */
    private static final int MESSAGE_START_CODE_POINTS = 40;

    /** A member of a ruleset body that lists entries with ids, and the wording of their changes. */
    private record EntryArray(String member, EntryDiff.Wording wording) {
    }

    private static final List<EntryArray> ENTRY_ARRAYS = List.of(
            new EntryArray("rules", wording("rule", "metadata.diff.rulesetRule")),
            new EntryArray("lifecycleRules", wording("lifecycleRule", "metadata.diff.lifecycleRule")),
            new EntryArray("warnings", wording("warning", "metadata.diff.warningRule")));

    private static final Set<String> ENTRY_MEMBERS = ENTRY_ARRAYS.stream().map(EntryArray::member)
            .collect(Collectors.toUnmodifiableSet());

    private RulesetDiff() {
    }

    static List<MetadataChange> compare(JsonNode before, JsonNode after) {
        List<MetadataChange> changes = new ArrayList<>();
        for (EntryArray array : ENTRY_ARRAYS) {
            EntryDiff.compare(before.path(array.member()), after.path(array.member()), array.wording(), changes);
        }
        PointerDiff.compare("", FieldComparison.without(before, ENTRY_MEMBERS),
                FieldComparison.without(after, ENTRY_MEMBERS), changes);
        return changes;
    }

    private static EntryDiff.Wording wording(String aspect, String messageKey) {
        return new EntryDiff.Wording(aspect, messageKey, RulesetDiff::label, entry -> entry);
    }

    /**
     * Returns the name of an entry in both languages: its id and, when it has one, the start of its message (a rule)
     * or label (a lifecycle rule), such as {@code hot-work.wind（风速 {value} m/s 超过…）}. English falls back to
     * the Chinese text when the entry has none.
     */
    private static JsonNode label(String id, JsonNode entry) {
        JsonNode text = entry.has("message") ? entry.path("message") : entry.path("label");
        String chinese = text.path("zh").asString("");
        String english = text.path("en").asString("");
        ObjectNode label = JsonNodeFactory.instance.objectNode();
        label.put("zh", chinese.isBlank() ? id : id + "（" + start(chinese) + "）");
        String englishText = english.isBlank() ? chinese : english;
        label.put("en", englishText.isBlank() ? id : id + " (" + start(englishText) + ")");
        return label;
    }

    private static String start(String text) {
        if (text.codePointCount(0, text.length()) <= MESSAGE_START_CODE_POINTS) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, MESSAGE_START_CODE_POINTS)) + "…";
    }
}
