package org.tezuo.core.metadata.diff;

import java.util.ArrayList;
import java.util.List;
import org.tezuo.metadata.MetadataKind;
import tools.jackson.databind.JsonNode;

/**
 * Lists the differences between two bodies of a document of one kind: per field and layout section for forms,
 * per field for entities, per rule id for the rules of rulesets, and per JSON pointer for everything else. The
 * result is empty exactly when the bodies are equal as JSON.
 */
public final class DocumentDiffer {

    private DocumentDiffer() {
    }

    public static List<MetadataChange> compare(MetadataKind kind, JsonNode before, JsonNode after) {
        if (before.equals(after)) {
            return List.of();
        }
        if (!before.isObject() || !after.isObject()) {
            return List.copyOf(pointerChanges(before, after));
        }
        List<MetadataChange> changes = switch (kind) {
            case FORM -> FormDiff.compare(before, after);
            case ENTITY -> EntityDiff.compare(before, after);
            case RULESET -> RulesetDiff.compare(before, after);
            default -> pointerChanges(before, after);
        };
        // A difference the structured comparison does not model, such as the order of form rules, still shows.
        return List.copyOf(changes.isEmpty() ? pointerChanges(before, after) : changes);
    }

    private static List<MetadataChange> pointerChanges(JsonNode before, JsonNode after) {
        List<MetadataChange> changes = new ArrayList<>();
        PointerDiff.compare("", before, after, changes);
        return changes;
    }
}
