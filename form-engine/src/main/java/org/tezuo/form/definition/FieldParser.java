package org.tezuo.form.definition;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** Turns the {@code properties} of an object schema into {@link FormField}s, nested rows and groups included. */
final class FieldParser {

    /**
     * Parses the properties of {@code objectSchema}.
     *
     * @param pathPrefix dotted path of the enclosing field with a trailing dot, empty at the top level
     * @param pointer JSON pointer of {@code objectSchema} in the form document, for example {@code /schema}
     * @param inRow whether the object is a table row or lies inside one
     */
    List<FormField> parseProperties(JsonNode objectSchema, String pathPrefix, String pointer, boolean inRow,
            List<FormDefinitionProblem> problems) {
        Set<String> required = new HashSet<>();
        objectSchema.path("required").forEach(name -> required.add(name.asString()));
        List<FormField> fields = new ArrayList<>();
        objectSchema.path("properties").forEachEntry((name, property) -> {
            required.remove(name);
            fields.add(parseField(name, property, objectSchema, new Scope(pathPrefix, pointer, inRow), problems));
        });
        required.stream().sorted().forEach(name -> problems.add(FormDefinitionProblem.at(pointer + "/required",
                "form.required.unknownField", pathPrefix + name)));
        return fields;
    }

    private record Scope(String pathPrefix, String pointer, boolean inRow) {
    }

    private FormField parseField(String name, JsonNode property, JsonNode parentSchema, Scope scope,
            List<FormDefinitionProblem> problems) {
        String path = scope.pathPrefix() + name;
        String pointer = scope.pointer() + "/properties/" + JsonPointers.escape(name);
        FieldType type = type(property);
        @Nullable String format = property.path("format").stringValue(null);
        List<FieldOption> options = options(property);
        FieldWidget widget = widget(property, type, format, options, path, pointer, problems);
        List<FormField> children = switch (type) {
            case ARRAY -> property.path("items").has("properties")
                    ? parseProperties(property.get("items"), path + ".", pointer + "/items", true, problems)
                    : List.of();
            case OBJECT -> parseProperties(property, path + ".", pointer, scope.inRow(), problems);
            default -> List.of();
        };
        boolean required = false;
        for (JsonNode requiredName : parentSchema.path("required")) {
            required |= requiredName.asString().equals(name);
        }
        FieldConditions conditions = new FieldConditions(property.path("x-visibleWhen").stringValue(null),
                property.path("x-requiredWhen").stringValue(null), property.path("x-computed").stringValue(null));
        return new FormField(name, Labels.parse(property.get("x-label")), type, widget, required, format, options,
                children, optionalLabel(property, "x-help"), optionalLabel(property, "x-patternHint"), path, pointer,
                FieldLimits.of(property), conditions, property.path("x-default").stringValue(null), scope.inRow());
    }

    private static @Nullable Label optionalLabel(JsonNode property, String annotation) {
        JsonNode node = property.get(annotation);
        return node == null ? null : Labels.parse(node);
    }

    /** Reads {@code type}; the meta-schema allows one type name, and a field with only an {@code enum} is text. */
    private static FieldType type(JsonNode property) {
        String type = property.path("type").asString("string");
        return FieldType.valueOf(type.toUpperCase(Locale.ROOT));
    }

    private static List<FieldOption> options(JsonNode property) {
        List<FieldOption> options = new ArrayList<>();
        JsonNode enumLabels = property.path("x-enumLabels");
        for (JsonNode value : property.path("enum")) {
            String text = value.asString();
            JsonNode label = enumLabels.get(text);
            options.add(new FieldOption(text, label == null ? new Label(text, null) : Labels.parse(label)));
        }
        return options;
    }

    private static FieldWidget widget(JsonNode property, FieldType type, @Nullable String format,
            List<FieldOption> options, String path, String pointer, List<FormDefinitionProblem> problems) {
        @Nullable String code = property.path("x-widget").stringValue(null);
        if (code == null) {
            return inferWidget(type, format, options);
        }
        // The meta-schema limits x-widget to the codes of FieldWidget.
        FieldWidget widget = FieldWidget.fromCode(code).orElseThrow();
        FieldWidget suitable = inferWidget(type, format, options);
        if (!suits(widget, type, options)) {
            problems.add(FormDefinitionProblem.at(pointer + "/x-widget", "form.widget.mismatch", path, code,
                    type.name().toLowerCase(Locale.ROOT), suitable.code()));
        }
        return widget;
    }

    private static FieldWidget inferWidget(FieldType type, @Nullable String format, List<FieldOption> options) {
        if (!options.isEmpty()) {
            return FieldWidget.SELECT;
        }
        return switch (type) {
            case BOOLEAN -> FieldWidget.CHECKBOX;
            case INTEGER, NUMBER -> FieldWidget.NUMBER;
            case ARRAY -> FieldWidget.TABLE;
            case OBJECT -> FieldWidget.GROUP;
            case STRING -> "date".equals(format) ? FieldWidget.DATE
                    : "date-time".equals(format) ? FieldWidget.DATETIME
                    : FieldWidget.TEXT;
        };
    }

    private static boolean suits(FieldWidget widget, FieldType type, List<FieldOption> options) {
        return switch (widget) {
            case TABLE -> type == FieldType.ARRAY;
            case CHECKBOX -> type == FieldType.BOOLEAN;
            case GROUP -> type == FieldType.OBJECT;
            case NUMBER -> type == FieldType.INTEGER || type == FieldType.NUMBER;
            case SELECT -> !options.isEmpty();
            case TEXT, TEXTAREA, DATE, DATETIME, PERSON, SIGNATURE, PHOTO, FILE, ORG_UNIT ->
                    type == FieldType.STRING;
            case GEO_POINT, GAS_READING -> type == FieldType.OBJECT;
            case REFERENCE -> type == FieldType.INTEGER || type == FieldType.STRING;
        };
    }
}
