package org.tezuo.core.metadata.diff;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tezuo.core.metadata.diff.FieldComparison.Category;
import org.tezuo.core.metadata.diff.FieldComparison.Field;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.BooleanNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Compares two form bodies: each field of the data schema by its dotted path (group members and table columns
 * included, as {@code briefing.givenBy} or {@code workers.certNumber}), the layout sections and the field each
 * section shows, the cross-field rules by id, and every other member by JSON pointer.
 */
final class FormDiff {

    private static final FieldComparison FIELDS = new FieldComparison(Map.ofEntries(
            Map.entry("x-label", Category.LABEL),
            Map.entry("type", Category.TYPE),
            Map.entry("required", Category.REQUIRED),
            Map.entry("enum", Category.OPTIONS),
            Map.entry("x-widget", Category.WIDGET),
            Map.entry("minLength", Category.LIMIT),
            Map.entry("maxLength", Category.LIMIT),
            Map.entry("minimum", Category.LIMIT),
            Map.entry("maximum", Category.LIMIT),
            Map.entry("exclusiveMinimum", Category.LIMIT),
            Map.entry("exclusiveMaximum", Category.LIMIT),
            Map.entry("multipleOf", Category.LIMIT),
            Map.entry("minItems", Category.LIMIT),
            Map.entry("maxItems", Category.LIMIT),
            Map.entry("uniqueItems", Category.LIMIT),
            Map.entry("pattern", Category.LIMIT),
            Map.entry("if", Category.CONDITION),
            Map.entry("then", Category.CONDITION),
            Map.entry("else", Category.CONDITION),
            Map.entry("allOf", Category.CONDITION),
            Map.entry("anyOf", Category.CONDITION),
            Map.entry("oneOf", Category.CONDITION),
            Map.entry("not", Category.CONDITION),
            Map.entry("dependentRequired", Category.CONDITION),
            Map.entry("dependentSchemas", Category.CONDITION)));

    /** Form rules are named by id alone and show their condition when they come or go. */
    private static final EntryDiff.Wording RULES = new EntryDiff.Wording("rule", "metadata.diff.rule",
            (id, rule) -> null, rule -> rule.path("when"));

    /** Members of a form body compared here rather than by pointer. */
    private static final Set<String> STRUCTURED = Set.of("schema", "layout", "rules");

    private FormDiff() {
    }

    static List<MetadataChange> compare(JsonNode before, JsonNode after) {
        List<MetadataChange> changes = new ArrayList<>();
        compareFields(before, after, changes);
        compareLayout(before, after, changes);
        compareRules(before.path("rules"), after.path("rules"), changes);
        compareRest(before, after, changes);
        return changes;
    }

    private static void compareFields(JsonNode before, JsonNode after, List<MetadataChange> changes) {
        FIELDS.compareAll(fields(before), fields(after), changes);
    }

    private static Map<String, Field> fields(JsonNode body) {
        Map<String, Field> fields = new LinkedHashMap<>();
        JsonNode schema = body.path("schema");
        collect(schema.path("properties"), schema.path("required"), "", fields);
        return fields;
    }

    private static void collect(JsonNode properties, JsonNode required, String prefix,
            Map<String, Field> fields) {
        for (Map.Entry<String, JsonNode> property : properties.properties()) {
            String path = prefix.isEmpty() ? property.getKey() : prefix + "." + property.getKey();
            JsonNode definition = property.getValue();
            boolean isRequired = contains(required, property.getKey());
            fields.put(path, new Field(definition, definition.get("x-label"), isRequired,
                    attributes(definition, isRequired)));
            collect(definition.path("properties"), definition.path("required"), path, fields);
            JsonNode items = definition.path("items");
            collect(items.path("properties"), items.path("required"), path, fields);
        }
    }

    /**
     * Returns the attributes of a field that belong to the field itself: its children and their required list are
     * compared as fields of their own, and the element schema of a table contributes its other members as
     * {@code items.<name>}.
     */
    private static ObjectNode attributes(JsonNode definition, boolean required) {
        ObjectNode attributes = FieldComparison.emptyAttributes();
        for (Map.Entry<String, JsonNode> member : definition.properties()) {
            switch (member.getKey()) {
                case "properties", "required" -> {
                }
                case "items" -> {
                    for (Map.Entry<String, JsonNode> item : member.getValue().properties()) {
                        if (!item.getKey().equals("properties") && !item.getKey().equals("required")) {
                            attributes.set("items." + item.getKey(), item.getValue());
                        }
                    }
                }
                default -> attributes.set(member.getKey(), member.getValue());
            }
        }
        attributes.set("required", BooleanNode.valueOf(required));
        return attributes;
    }

    private static void compareLayout(JsonNode before, JsonNode after, List<MetadataChange> changes) {
        Map<String, JsonNode> oldSections = sections(before);
        Map<String, JsonNode> newSections = sections(after);
        for (Map.Entry<String, JsonNode> section : oldSections.entrySet()) {
            if (!newSections.containsKey(section.getKey())) {
                changes.add(new MetadataChange(ChangeType.REMOVED, section.getKey(), "section", null,
                        section.getValue().path("title"), null, "metadata.diff.section.removed"));
            }
        }
        for (Map.Entry<String, JsonNode> section : newSections.entrySet()) {
            JsonNode old = oldSections.get(section.getKey());
            JsonNode now = section.getValue();
            if (old == null) {
                changes.add(new MetadataChange(ChangeType.ADDED, section.getKey(), "section", null, null,
                        now.path("title"), "metadata.diff.section.added"));
                continue;
            }
            compareSection(section.getKey(), old, now, changes);
        }
        List<String> oldOrder = oldSections.keySet().stream().filter(newSections::containsKey).toList();
        List<String> newOrder = newSections.keySet().stream().filter(oldSections::containsKey).toList();
        if (!oldOrder.equals(newOrder)) {
            changes.add(new MetadataChange(ChangeType.CHANGED, "/layout/sections", "order", null,
                    textArray(oldOrder), textArray(newOrder), "metadata.diff.layout.reordered"));
        }
        compareFieldPlacement(before, after, changes);
    }

    private static JsonNode textArray(List<String> texts) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        texts.forEach(array::add);
        return array;
    }

    private static void compareSection(String title, JsonNode old, JsonNode now, List<MetadataChange> changes) {
        for (String member : List.of("title", "columns")) {
            JsonNode oldValue = old.get(member);
            JsonNode newValue = now.get(member);
            if (oldValue == null ? newValue != null : !oldValue.equals(newValue)) {
                changes.add(new MetadataChange(ChangeType.CHANGED, title, member, now.path("title"), oldValue,
                        newValue, "metadata.diff.section.changed"));
            }
        }
        List<String> oldOrder = names(old.path("fields"));
        List<String> newOrder = names(now.path("fields"));
        List<String> keptOld = oldOrder.stream().filter(newOrder::contains).toList();
        List<String> keptNew = newOrder.stream().filter(oldOrder::contains).toList();
        if (!keptOld.equals(keptNew)) {
            changes.add(new MetadataChange(ChangeType.CHANGED, title, "order", now.path("title"), old.path("fields"),
                    now.path("fields"), "metadata.diff.section.reordered"));
        }
    }

    /** Adds a move for every field that a different section shows after the change. */
    private static void compareFieldPlacement(JsonNode before, JsonNode after, List<MetadataChange> changes) {
        Map<String, JsonNode> oldPlacement = placement(before);
        Map<String, JsonNode> newPlacement = placement(after);
        Map<String, Field> newFields = fields(after);
        Map<String, Field> oldFields = fields(before);
        for (Map.Entry<String, JsonNode> placed : newPlacement.entrySet()) {
            String field = placed.getKey();
            JsonNode oldSection = oldPlacement.get(field);
            if (!oldFields.containsKey(field) || !newFields.containsKey(field)) {
                continue;
            }
            if (oldSection == null || !oldSection.path("zh").equals(placed.getValue().path("zh"))) {
                changes.add(new MetadataChange(ChangeType.MOVED, field, "section", newFields.get(field).label(),
                        oldSection, placed.getValue(), "metadata.diff.field.moved"));
            }
        }
        for (Map.Entry<String, JsonNode> placed : oldPlacement.entrySet()) {
            String field = placed.getKey();
            if (!newPlacement.containsKey(field) && oldFields.containsKey(field) && newFields.containsKey(field)) {
                changes.add(new MetadataChange(ChangeType.MOVED, field, "section", newFields.get(field).label(),
                        placed.getValue(), null, "metadata.diff.field.moved"));
            }
        }
    }

    /** Returns the layout sections by their Chinese title, or by position when a title is missing. */
    private static Map<String, JsonNode> sections(JsonNode body) {
        Map<String, JsonNode> sections = new LinkedHashMap<>();
        JsonNode list = body.path("layout").path("sections");
        for (int i = 0; i < list.size(); i++) {
            JsonNode section = list.get(i);
            sections.put(section.path("title").path("zh").asString("#" + (i + 1)), section);
        }
        return sections;
    }

    /** Returns the title of the section that shows each top-level field. */
    private static Map<String, JsonNode> placement(JsonNode body) {
        Map<String, JsonNode> placement = new LinkedHashMap<>();
        for (JsonNode section : sections(body).values()) {
            for (String field : names(section.path("fields"))) {
                placement.putIfAbsent(field, section.path("title"));
            }
        }
        return placement;
    }

    private static void compareRules(JsonNode before, JsonNode after, List<MetadataChange> changes) {
        EntryDiff.compare(before, after, RULES, changes);
    }

    /** Compares by pointer the members of the body and of its data schema that have no field-level meaning. */
    private static void compareRest(JsonNode before, JsonNode after, List<MetadataChange> changes) {
        PointerDiff.compare("", FieldComparison.without(before, STRUCTURED), FieldComparison.without(after, STRUCTURED), changes);
        Set<String> fieldMembers = Set.of("properties", "required");
        PointerDiff.compare("/schema", FieldComparison.without(before.path("schema"), fieldMembers),
                FieldComparison.without(after.path("schema"), fieldMembers), changes);
        PointerDiff.compare("/layout", FieldComparison.without(before.path("layout"), Set.of("sections")),
                FieldComparison.without(after.path("layout"), Set.of("sections")), changes);
    }

    static List<String> names(JsonNode list) {
        List<String> names = new ArrayList<>();
        list.forEach(name -> names.add(name.asString()));
        return names;
    }

    private static boolean contains(JsonNode list, String name) {
        for (JsonNode item : list) {
            if (item.isString() && item.asString().equals(name)) {
                return true;
            }
        }
        return false;
    }
}
