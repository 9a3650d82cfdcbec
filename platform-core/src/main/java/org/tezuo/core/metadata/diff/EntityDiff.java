package org.tezuo.core.metadata.diff;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tezuo.core.metadata.diff.FieldComparison.Category;
import org.tezuo.core.metadata.diff.FieldComparison.Field;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.BooleanNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Compares two entity bodies: each field by name (the columns of a field that lists {@code fields} of its own by
 * dotted path), and every other member by JSON pointer.
 */
final class EntityDiff {

    private static final FieldComparison FIELDS = new FieldComparison(Map.of(
            "label", Category.LABEL,
            "type", Category.TYPE,
            "required", Category.REQUIRED,
            "values", Category.OPTIONS,
            "format", Category.LIMIT,
            "parentField", Category.CONDITION));

    private EntityDiff() {
    }

    static List<MetadataChange> compare(JsonNode before, JsonNode after) {
        List<MetadataChange> changes = new ArrayList<>();
        FIELDS.compareAll(fields(before), fields(after), changes);
        PointerDiff.compare("", FieldComparison.without(before, Set.of("fields")),
                FieldComparison.without(after, Set.of("fields")), changes);
        return changes;
    }

    private static Map<String, Field> fields(JsonNode body) {
        Map<String, Field> fields = new LinkedHashMap<>();
        collect(body.path("fields"), "", fields);
        return fields;
    }

    private static void collect(JsonNode list, String prefix, Map<String, Field> fields) {
        for (int i = 0; i < list.size(); i++) {
            JsonNode field = list.get(i);
            String name = field.path("name").asString("#" + (i + 1));
            String path = prefix.isEmpty() ? name : prefix + "." + name;
            fields.put(path, new Field(field, field.get("label"), field.path("required").asBoolean(false),
                    attributes(field)));
            collect(field.path("fields"), path, fields);
        }
    }

    private static ObjectNode attributes(JsonNode field) {
        ObjectNode attributes = FieldComparison.without(field, Set.of("name", "fields"));
        attributes.set("required", BooleanNode.valueOf(field.path("required").asBoolean(false)));
        return attributes;
    }
}
