package org.tezuo.form.record;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.tezuo.core.entity.EntityDefinition;
import org.tezuo.core.entity.EntityField;
import org.tezuo.core.entity.RecordColumns;
import org.tezuo.core.i18n.UserMessages;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes the form document body that validates the data of an entity's records: a JSON Schema 2020-12 property
 * per field with its labels, limits and widget, so that the form engine reports each error by the field's label.
 * Enum fields list the codes of their dictionary that are not retired, or their inline values.
 */
final class EntityFormBuilder {

    static final String BUNDLE = "org.tezuo.form.record.messages";

    /** JSON Schema formats that the validator asserts; other {@code format} values of a text field are ignored. */
    private static final Set<String> ASSERTED_FORMATS = Set.of("email", "uri", "uuid", "ipv4", "ipv6", "hostname",
            "date", "date-time", "time");

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final Map<String, JsonNode> dictionaries;

    /** @param dictionaries published dictionary bodies by key, for the enum fields that name one */
    EntityFormBuilder(Map<String, JsonNode> dictionaries) {
        this.dictionaries = Map.copyOf(dictionaries);
    }

    /** Returns the form body for {@code entity}. */
    ObjectNode formBody(EntityDefinition entity) {
        ObjectNode body = NODES.objectNode();
        body.set("title", label(entity.labelZh(), entity.labelEn()));
        body.set("schema", objectSchema(entity.fields()));
        ObjectNode section = NODES.objectNode();
        section.set("title", label(entity.labelZh(), entity.labelEn()));
        ArrayNode names = section.putArray("fields");
        entity.fields().forEach(field -> names.add(field.name()));
        body.putObject("layout").putArray("sections").add(section);
        return body;
    }

    private ObjectNode objectSchema(Iterable<EntityField> fields) {
        ObjectNode schema = NODES.objectNode();
        schema.put("type", "object");
        ObjectNode properties = schema.putObject("properties");
        ArrayNode required = NODES.arrayNode();
        for (EntityField field : fields) {
            properties.set(field.name(), property(field));
            if (field.required()) {
                required.add(field.name());
            }
        }
        if (!required.isEmpty()) {
            schema.set("required", required);
        }
        schema.put("additionalProperties", false);
        return schema;
    }

    private ObjectNode property(EntityField field) {
        ObjectNode property = NODES.objectNode();
        property.set("x-label", label(field.labelZh(), field.labelEn()));
        switch (field.type()) {
            case TEXT -> {
                property.put("type", "string").put("maxLength", field.effectiveMaxLength());
                String format = field.format();
                if (format != null && ASSERTED_FORMATS.contains(format)) {
                    property.put("format", format);
                }
            }
            case LONG_TEXT -> property.put("type", "string").put("x-widget", "textarea");
            case INTEGER -> limits(property.put("type", "integer"), field);
            case DECIMAL -> limits(property.put("type", "number"), field);
            case DATE -> property.put("type", "string").put("format", "date");
            case DATE_TIME -> property.put("type", "string").put("format", "date-time");
            case BOOLEAN -> property.put("type", "boolean");
            case ENUM -> enumeration(property.put("type", "string"), field);
            case REFERENCE -> property.put("type", "integer").put("minimum", 1).put("x-widget", "reference");
            case PERSON, ORG_UNIT, FILE, PHOTO, SIGNATURE -> property.put("type", "string").put("minLength", 1)
                    .put("maxLength", RecordColumns.CODE_LENGTH).put("x-widget", field.type().code());
            case GEO_POINT -> geoPoint(property);
            case GAS_READING -> gasReading(property);
            case TABLE -> {
                property.put("type", "array");
                property.set("items", objectSchema(field.columns()));
            }
        }
        return property;
    }

    private static void limits(ObjectNode property, EntityField field) {
        if (field.minimum() != null) {
            property.put("minimum", field.minimum());
        }
        if (field.maximum() != null) {
            property.put("maximum", field.maximum());
        }
    }

    private void enumeration(ObjectNode property, EntityField field) {
        ArrayNode codes = property.putArray("enum");
        ObjectNode labels = property.putObject("x-enumLabels");
        String dictionaryKey = field.dictionary();
        JsonNode dictionary = dictionaryKey == null ? null : dictionaries.get(dictionaryKey);
        if (dictionary != null) {
            for (JsonNode item : dictionary.path("items")) {
                if (!item.path("retired").asBoolean(false)) {
                    codes.add(item.path("code").asString());
                    labels.set(item.path("code").asString(), item.path("label").deepCopy());
                }
            }
        } else {
            field.values().forEach(codes::add);
        }
        if (labels.isEmpty()) {
            property.remove("x-enumLabels");
        }
    }

    private void geoPoint(ObjectNode property) {
        property.put("type", "object").put("x-widget", "geoPoint").put("additionalProperties", false);
        ObjectNode parts = property.putObject("properties");
        parts.set("lat", part("number", "record.part.lat").put("minimum", -90).put("maximum", 90));
        parts.set("lon", part("number", "record.part.lon").put("minimum", -180).put("maximum", 180));
        property.putArray("required").add("lat").add("lon");
    }

    private void gasReading(ObjectNode property) {
        property.put("type", "object").put("x-widget", "gasReading").put("additionalProperties", false);
        ObjectNode parts = property.putObject("properties");
        parts.set("gas", part("string", "record.part.gas").put("minLength", 1)
                .put("maxLength", RecordColumns.CODE_LENGTH));
        parts.set("value", part("number", "record.part.value"));
        parts.set("unit", part("string", "record.part.unit").put("minLength", 1).put("maxLength", 32));
        parts.set("readAt", part("string", "record.part.readAt").put("format", "date-time"));
        property.putArray("required").add("gas").add("value").add("unit");
    }

    private static ObjectNode part(String type, String labelKey) {
        ObjectNode part = NODES.objectNode();
        part.set("x-label", label(UserMessages.render(BUNDLE, Locale.SIMPLIFIED_CHINESE, labelKey),
                UserMessages.render(BUNDLE, Locale.ENGLISH, labelKey)));
        return part.put("type", type);
    }

    private static ObjectNode label(String zh, @Nullable String en) {
        ObjectNode label = NODES.objectNode().put("zh", zh);
        if (en != null) {
            label.put("en", en);
        }
        return label;
    }
}
