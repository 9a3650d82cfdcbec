package org.tezuo.core.pack;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Applies the delta documents of a pack ({@link PackDeltaKind}) to a copy of their target's body. An addition whose
 * key already exists with the same content changes nothing, so a pack can be applied again after a rollback. An
 * addition with other content collides and is rejected, and so is a replacement whose key does not exist.
 */
final class PackDeltas {

    private final Locale locale;
    private final List<PackProblem> problems = new ArrayList<>();

    PackDeltas(Locale locale) {
        this.locale = locale;
    }

    /** Returns every problem found so far. */
    List<PackProblem> problems() {
        return problems;
    }

    /**
     * Changes {@code target} (already a copy) as the delta specifies.
     *
     * @param where the delta's reference, such as {@code form-field-addition:ventilation-record}
     */
    void apply(PackDeltaKind kind, String where, JsonNode delta, ObjectNode target) {
        switch (kind) {
            case FORM_FIELD_ADDITION -> addFormFields(where, delta, target);
            case FLOW_GATE_CHANGE -> changeFlow(where, delta, target);
            case RULESET_CHANGE -> changeRuleset(where, delta, target);
        }
    }

    /** Returns the target key a delta names, or null after recording a problem. */
    @Nullable String targetKey(String where, JsonNode delta) {
        String target = delta.path("target").asString("");
        if (target.isBlank()) {
            problem(where, "pack.delta.noTarget", where);
            return null;
        }
        return target;
    }

    private void addFormFields(String where, JsonNode delta, ObjectNode form) {
        JsonNode fields = delta.path("fields");
        if (!fields.isObject() || fields.isEmpty()) {
            problem(where, "pack.delta.empty", where, "fields");
            return;
        }
        ObjectNode properties = form.withObject("/schema").withObject("/properties");
        List<String> added = new ArrayList<>();
        for (Map.Entry<String, JsonNode> field : fields.properties()) {
            JsonNode existing = properties.get(field.getKey());
            if (existing == null) {
                properties.set(field.getKey(), field.getValue().deepCopy());
                added.add(field.getKey());
            } else if (!existing.equals(field.getValue())) {
                problem(where, "pack.delta.fieldCollides", where, field.getKey(), delta.path("target").asString());
            }
        }
        for (JsonNode name : delta.path("required")) {
            ArrayNode required = form.withObject("/schema").withArray("/required");
            if (!contains(required, name)) {
                required.add(name.deepCopy());
            }
        }
        JsonNode section = delta.path("section");
        if (!added.isEmpty() && section.isObject() && form.path("layout").path("sections").isArray()) {
            placeInLayout(where, section, (ArrayNode) form.path("layout").path("sections"), added);
        }
    }

    private void placeInLayout(String where, JsonNode section, ArrayNode sections, List<String> added) {
        String title = section.path("title").path("zh").asString("");
        for (JsonNode existing : sections) {
            if (existing.path("title").path("zh").asString("").equals(title)) {
                added.forEach(((ObjectNode) existing).withArray("/fields")::add);
                return;
            }
        }
        ObjectNode created = sections.objectNode();
        created.set("title", section.path("title").deepCopy());
        created.put("columns", section.path("columns").asInt(1));
        added.forEach(created.putArray("fields")::add);
        String after = section.path("after").asString("");
        if (after.isEmpty()) {
            sections.add(created);
            return;
        }
        for (int i = 0; i < sections.size(); i++) {
            if (sections.get(i).path("title").path("zh").asString("").equals(after)) {
                sections.insert(i + 1, created);
                return;
            }
        }
        problem(where, "pack.delta.sectionMissing", where, after);
    }

    private void changeFlow(String where, JsonNode delta, ObjectNode flow) {
        JsonNode changes = delta.path("changes");
        if (!changes.isArray() || changes.isEmpty()) {
            problem(where, "pack.delta.empty", where, "changes");
            return;
        }
        ArrayNode nodes = flow.withArray("/nodes");
        for (JsonNode change : changes) {
            JsonNode node = change.path("node");
            String id = node.path("id").asString("");
            Slot slot = find(nodes, id);
            if ("replace".equals(change.path("op").asString(""))) {
                if (slot == null) {
                    problem(where, "pack.delta.nodeMissing", where, id, delta.path("target").asString());
                } else {
                    slot.parent().set(slot.index(), node.deepCopy());
                }
                continue;
            }
            if (slot != null) {
                if (!slot.parent().get(slot.index()).equals(node)) {
                    problem(where, "pack.delta.nodeCollides", where, id, delta.path("target").asString());
                }
                continue;
            }
            String after = change.path("after").asString("");
            if (after.isEmpty()) {
                nodes.add(node.deepCopy());
                continue;
            }
            Slot anchor = find(nodes, after);
            if (anchor == null) {
                problem(where, "pack.delta.nodeMissing", where, after, delta.path("target").asString());
            } else {
                anchor.parent().insert(anchor.index() + 1, node.deepCopy());
            }
        }
    }

    private record Slot(ArrayNode parent, int index) {
    }

    private static @Nullable Slot find(ArrayNode nodes, String id) {
        for (int i = 0; i < nodes.size(); i++) {
            JsonNode node = nodes.get(i);
            if (node.path("id").asString("").equals(id)) {
                return new Slot(nodes, i);
            }
            if (node.path("nodes").isArray()) {
                Slot inner = find((ArrayNode) node.path("nodes"), id);
                if (inner != null) {
                    return inner;
                }
            }
            for (JsonNode branch : node.path("branches")) {
                if (branch.path("nodes").isArray()) {
                    Slot inner = find((ArrayNode) branch.path("nodes"), id);
                    if (inner != null) {
                        return inner;
                    }
                }
            }
        }
        return null;
    }

    private void changeRuleset(String where, JsonNode delta, ObjectNode ruleset) {
        JsonNode add = delta.path("add");
        JsonNode replace = delta.path("replace");
        if (add.isEmpty() && replace.isEmpty()) {
            problem(where, "pack.delta.empty", where, "add, replace");
            return;
        }
        for (JsonNode variable : add.path("variables")) {
            ArrayNode variables = ruleset.withArray("/variables");
            if (!contains(variables, variable)) {
                variables.add(variable.deepCopy());
            }
        }
        String target = delta.path("target").asString();
        boolean hadThresholds = ruleset.has("thresholds");
        ObjectNode thresholds = ruleset.withObject("/thresholds");
        for (Map.Entry<String, JsonNode> threshold : add.path("thresholds").properties()) {
            JsonNode existing = thresholds.get(threshold.getKey());
            if (existing == null) {
                thresholds.set(threshold.getKey(), threshold.getValue().deepCopy());
            } else if (!existing.equals(threshold.getValue())) {
                problem(where, "pack.delta.fieldCollides", where, "thresholds." + threshold.getKey(), target);
            }
        }
        for (Map.Entry<String, JsonNode> threshold : replace.path("thresholds").properties()) {
            if (thresholds.has(threshold.getKey())) {
                thresholds.set(threshold.getKey(), threshold.getValue().deepCopy());
            } else {
                problem(where, "pack.delta.entryMissing", where, "thresholds." + threshold.getKey(), target);
            }
        }
        if (!hadThresholds && thresholds.isEmpty()) {
            ruleset.remove("thresholds");
        }
        for (String section : List.of("rules", "lifecycleRules")) {
            boolean hadSection = ruleset.has(section);
            ArrayNode entries = ruleset.withArray("/" + section);
            for (JsonNode entry : add.path(section)) {
                int index = indexOf(entries, entry.path("id").asString(""));
                if (index < 0) {
                    entries.add(entry.deepCopy());
                } else if (!entries.get(index).equals(entry)) {
                    problem(where, "pack.delta.fieldCollides", where, section + "." + entry.path("id").asString(),
                            target);
                }
            }
            for (JsonNode entry : replace.path(section)) {
                int index = indexOf(entries, entry.path("id").asString(""));
                if (index < 0) {
                    problem(where, "pack.delta.entryMissing", where, section + "." + entry.path("id").asString(),
                            target);
                } else {
                    entries.set(index, entry.deepCopy());
                }
            }
            if (!hadSection && entries.isEmpty()) {
                ruleset.remove(section);
            }
        }
    }

    private static int indexOf(ArrayNode entries, String id) {
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).path("id").asString("").equals(id)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean contains(ArrayNode array, JsonNode value) {
        for (JsonNode element : array) {
            if (element.equals(value)) {
                return true;
            }
        }
        return false;
    }

    private void problem(String where, String key, Object... arguments) {
        problems.add(PackMessages.problem(locale, where, key, arguments));
    }
}
