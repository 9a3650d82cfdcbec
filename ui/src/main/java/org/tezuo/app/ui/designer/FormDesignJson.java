package org.tezuo.app.ui.designer;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.tezuo.form.definition.FieldWidget;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Converts between a form document body and a {@link FormDesign}. Reading then writing a body keeps every part
 * the designer does not edit. The fields are written in layout order, followed by any field no section shows.
 */
public final class FormDesignJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Keywords of a field's schema property that {@link FieldDesign} stores as typed values. */
    private static final Set<String> EDITED_KEYWORDS = Set.of("x-label", "x-widget", "minimum", "maximum",
            "maxLength", "x-unit", "enum", "x-enumLabels", "x-visibleWhen");

    private FormDesignJson() {
    }

    /** Reads a form body; the body need not be valid, so a half-made draft opens as it was saved. */
    public static FormDesign read(JsonNode body) {
        ObjectNode rest = body.isObject() ? ((ObjectNode) body).deepCopy() : NODES.objectNode();
        rest.remove("title");
        JsonNode schema = rest.path("schema");
        Set<String> required = new HashSet<>();
        schema.path("required").forEach(name -> required.add(name.asString()));
        List<FieldDesign> fields = new ArrayList<>();
        schema.path("properties").forEachEntry((key, property) -> fields.add(readField(key, property,
                required.contains(key))));
        if (schema instanceof ObjectNode schemaObject) {
            schemaObject.remove(List.of("properties", "required"));
        }

        List<SectionDesign> sections = new ArrayList<>();
        for (JsonNode section : rest.path("layout").path("sections")) {
            List<String> keys = new ArrayList<>();
            section.path("fields").forEach(key -> keys.add(key.asString()));
            int columns = Math.clamp(section.path("columns").asInt(1), 1, SectionDesign.MAX_COLUMNS);
            sections.add(new SectionDesign(DesignLabel.read(section.path("title")), columns, keys));
        }
        if (rest.path("layout") instanceof ObjectNode layout) {
            layout.remove("sections");
        }
        return new FormDesign(DesignLabel.read(body.path("title")), fields, sections, rest);
    }

    /** Writes the form body: title first, then the other parts in their original order. */
    public static ObjectNode write(FormDesign design) {
        ObjectNode rest = design.rest();
        ObjectNode body = NODES.objectNode();
        body.set("title", design.title().toJson());
        ObjectNode schema = writeSchema(design, rest.path("schema"));
        ObjectNode layout = writeLayout(design, rest.path("layout"));
        rest.forEachEntry((name, value) -> body.set(name, switch (name) {
            case "schema" -> schema;
            case "layout" -> layout;
            default -> value;
        }));
        if (!body.has("schema")) {
            body.set("schema", schema);
        }
        if (!body.has("layout")) {
            body.set("layout", layout);
        }
        return body;
    }

    private static ObjectNode writeSchema(FormDesign design, JsonNode original) {
        ObjectNode schema = original instanceof ObjectNode object ? object.deepCopy() : NODES.objectNode();
        if (!schema.has("type")) {
            schema.put("type", "object");
        }
        ObjectNode properties = NODES.objectNode();
        ArrayNode required = NODES.arrayNode();
        for (String key : keysInLayoutOrder(design)) {
            FieldDesign field = design.field(key).orElseThrow();
            properties.set(key, writeField(field));
            if (field.required()) {
                required.add(key);
            }
        }
        schema.set("properties", properties);
        if (!required.isEmpty()) {
            schema.set("required", required);
        }
        return schema;
    }

    private static Set<String> keysInLayoutOrder(FormDesign design) {
        Set<String> keys = new LinkedHashSet<>();
        design.sections().forEach(section -> section.fieldKeys().stream()
                .filter(key -> design.field(key).isPresent())
                .forEach(keys::add));
        design.fields().forEach(field -> keys.add(field.key()));
        return keys;
    }

    private static ObjectNode writeLayout(FormDesign design, JsonNode original) {
        ObjectNode layout = original instanceof ObjectNode object ? object.deepCopy() : NODES.objectNode();
        ArrayNode sections = layout.putArray("sections");
        for (SectionDesign section : design.sections()) {
            ObjectNode node = sections.addObject();
            node.set("title", section.title().toJson());
            node.put("columns", section.columns());
            ArrayNode fields = node.putArray("fields");
            section.fieldKeys().forEach(fields::add);
        }
        return layout;
    }

    /** Writes one field's schema property: its kept keywords, then the values the designer edits. */
    static ObjectNode writeField(FieldDesign field) {
        ObjectNode property = NODES.objectNode();
        ObjectNode kept = field.schema();
        if (kept.has("type")) {
            property.set("type", kept.get("type"));
        }
        if (!field.options().isEmpty()) {
            ArrayNode values = property.putArray("enum");
            boolean numeric = isNumeric(kept);
            for (OptionDesign option : field.options()) {
                values.add(numeric ? numberOrText(option.value()) : NODES.stringNode(option.value()));
            }
        }
        kept.forEachEntry((name, value) -> {
            if (!property.has(name)) {
                property.set(name, value);
            }
        });
        putNumber(property, "minimum", field.minimum());
        putNumber(property, "maximum", field.maximum());
        if (field.maxLength() != null) {
            property.put("maxLength", field.maxLength());
        }
        property.set("x-label", field.label().toJson());
        property.put("x-widget", field.widget().code());
        if (field.unit() != null) {
            property.put("x-unit", field.unit());
        }
        if (!field.options().isEmpty()) {
            ObjectNode labels = property.putObject("x-enumLabels");
            field.options().forEach(option -> labels.set(option.value(), option.label().toJson()));
        }
        if (field.visibleWhen() != null) {
            property.put("x-visibleWhen", field.visibleWhen());
        }
        return property;
    }

    /**
     * Reads the columns of a table field from {@code items.properties} and {@code items.required}, in schema
     * order. A field that is not a table has none.
     */
    static List<FieldDesign> readColumns(FieldDesign table) {
        JsonNode items = table.schema().path("items");
        Set<String> required = new HashSet<>();
        items.path("required").forEach(name -> required.add(name.asString()));
        List<FieldDesign> columns = new ArrayList<>();
        items.path("properties").forEachEntry((key, property) -> columns.add(readField(key, property,
                required.contains(key))));
        return columns;
    }

    /**
     * Returns the table field with its columns replaced: {@code items.properties} in list order and
     * {@code items.required}, every other keyword of {@code items} kept. A column's {@code x-widget} is left out
     * when the form engine infers the same widget from type, format and enum, so unchanged columns are written
     * back as they were read.
     */
    static FieldDesign writeColumns(FieldDesign table, List<FieldDesign> columns) {
        ObjectNode schema = table.schema();
        ObjectNode items = schema.path("items") instanceof ObjectNode object ? object : schema.putObject("items");
        if (!items.has("type")) {
            items.put("type", "object");
        }
        ObjectNode properties = NODES.objectNode();
        ArrayNode required = NODES.arrayNode();
        for (FieldDesign column : columns) {
            ObjectNode property = writeField(column);
            property.remove("x-widget");
            if (widget(property, !column.options().isEmpty()) != column.widget()) {
                property.put("x-widget", column.widget().code());
            }
            properties.set(column.key(), property);
            if (column.required()) {
                required.add(column.key());
            }
        }
        items.set("properties", properties);
        if (required.isEmpty()) {
            items.remove("required");
        } else {
            items.set("required", required);
        }
        return table.withSchema(schema);
    }

    private static FieldDesign readField(String key, JsonNode property, boolean required) {
        ObjectNode kept = property.isObject() ? ((ObjectNode) property).deepCopy() : NODES.objectNode();
        kept.remove(EDITED_KEYWORDS);
        List<OptionDesign> options = new ArrayList<>();
        for (JsonNode value : property.path("enum")) {
            String text = value.asString();
            JsonNode label = property.path("x-enumLabels").path(text);
            options.add(new OptionDesign(text, label.isObject() ? DesignLabel.read(label) : new DesignLabel(text,
                    "")));
        }
        return new FieldDesign(key, widget(property, !options.isEmpty()), DesignLabel.read(property.path("x-label")),
                required, decimal(property.get("minimum")), decimal(property.get("maximum")),
                property.has("maxLength") ? property.get("maxLength").asInt() : null,
                property.path("x-unit").stringValue(null), options, property.path("x-visibleWhen").stringValue(null),
                kept);
    }

    /** Reads {@code x-widget}, or picks the widget the form engine infers from type, format and enum. */
    private static FieldWidget widget(JsonNode property, boolean hasOptions) {
        @Nullable String code = property.path("x-widget").stringValue(null);
        if (code != null) {
            return FieldWidget.fromCode(code).orElse(FieldWidget.TEXT);
        }
        if (hasOptions) {
            return FieldWidget.SELECT;
        }
        String format = property.path("format").asString("");
        return switch (property.path("type").asString("string").toLowerCase(Locale.ROOT)) {
            case "boolean" -> FieldWidget.CHECKBOX;
            case "integer", "number" -> FieldWidget.NUMBER;
            case "array" -> FieldWidget.TABLE;
            case "object" -> FieldWidget.GROUP;
            default -> "date".equals(format) ? FieldWidget.DATE
                    : "date-time".equals(format) ? FieldWidget.DATETIME
                    : FieldWidget.TEXT;
        };
    }

    private static boolean isNumeric(JsonNode schema) {
        String type = schema.path("type").asString("");
        return "integer".equals(type) || "number".equals(type);
    }

    private static JsonNode numberOrText(String value) {
        try {
            return NODES.numberNode(new BigDecimal(value));
        } catch (NumberFormatException e) {
            return NODES.stringNode(value);
        }
    }

    private static void putNumber(ObjectNode property, String name, @Nullable BigDecimal value) {
        if (value == null) {
            return;
        }
        // A whole number is written as an integer, so a value read from "0" is written back as "0", not "0.0".
        try {
            property.put(name, value.intValueExact());
        } catch (ArithmeticException e) {
            property.put(name, value);
        }
    }

    private static @Nullable BigDecimal decimal(@Nullable JsonNode node) {
        return node != null && node.isNumber() ? node.decimalValue() : null;
    }
}
