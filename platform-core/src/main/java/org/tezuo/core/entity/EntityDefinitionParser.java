package org.tezuo.core.entity;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** Parses entity document bodies that already satisfy the entity meta-schema. */
public final class EntityDefinitionParser {

    private EntityDefinitionParser() {
    }

    /** Parses {@code body}; the caller has checked it against the entity meta-schema. */
    public static EntityDefinition parse(JsonNode body) {
        List<EntityField> fields = new ArrayList<>();
        body.path("fields").forEach(field -> fields.add(field(field)));
        List<EntityIndex> indexes = new ArrayList<>();
        for (JsonNode index : body.path("indexes")) {
            List<String> names = new ArrayList<>();
            index.path("fields").forEach(name -> names.add(name.asString()));
            indexes.add(new EntityIndex(names, index.path("unique").asBoolean(false)));
        }
        return new EntityDefinition(body.path("name").asString(), body.path("label").path("zh").asString(),
                text(body.path("label"), "en"), text(body, "storage"), fields, indexes);
    }

    private static EntityField field(JsonNode node) {
        List<String> values = new ArrayList<>();
        node.path("values").forEach(value -> values.add(value.asString()));
        List<EntityField> columns = new ArrayList<>();
        node.path("columns").forEach(column -> columns.add(field(column)));
        JsonNode defaultValue = node.get("default");
        return new EntityField(node.path("name").asString(), EntityFieldType.fromCode(node.path("type").asString()),
                node.path("label").path("zh").asString(), text(node.path("label"), "en"),
                node.path("required").asBoolean(false), node.path("unique").asBoolean(false),
                integer(node, "maxLength"), number(node, "minimum"), number(node, "maximum"),
                integer(node, "precision"), integer(node, "scale"), text(node, "unit"), text(node, "target"),
                text(node, "dictionary"), values, text(node, "format"),
                defaultValue == null || defaultValue.isNull() ? null : defaultValue, columns,
                text(node, "renamedFrom"));
    }

    private static @Nullable String text(JsonNode node, String property) {
        JsonNode value = node.get(property);
        return value == null || value.isNull() ? null : value.asString();
    }

    private static @Nullable Integer integer(JsonNode node, String property) {
        JsonNode value = node.get(property);
        return value == null || !value.isNumber() ? null : value.asInt();
    }

    private static @Nullable BigDecimal number(JsonNode node, String property) {
        JsonNode value = node.get(property);
        return value == null || !value.isNumber() ? null : value.decimalValue();
    }
}
