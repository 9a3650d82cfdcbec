package org.tezuo.form.definition;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.tezuo.metadata.MetadataKind;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

/**
 * One version of a form document, parsed. A record is always validated with the definition of the version it was
 * created under, so callers load that exact version and pass it on.
 *
 * @param key document key, for example {@code hot-work-permit}
 * @param version document version
 * @param checksum SHA-256 of the document body; the validator caches compiled schemas by it
 * @param title form title
 * @param permitType the kind of work permit the form records, for example {@code hot-work}, or null
 * @param fields the top-level properties of the data schema in schema order
 * @param sections the layout
 * @param bindings runtime role (applicant, workers, grade, workStart...) to the data path that contains its value
 * @param rules cross-field rules
 * @param dataSchema the JSON Schema (draft 2020-12) of the data; the accessor returns a copy
 * @param tabs the tabs of a tabbed layout, each with its sections; empty when the layout has sections only.
 *     {@link #sections()} lists the sections of all tabs in display order either way.
 * @param constants named values that expressions read as {@code constants.<key>}, by key in document order
 */
public record FormDefinition(
        String key,
        int version,
        String checksum,
        Label title,
        @Nullable String permitType,
        List<FormField> fields,
        List<FormSection> sections,
        Map<String, String> bindings,
        List<FormRule> rules,
        JsonNode dataSchema,
        List<FormTab> tabs,
        Map<String, FormConstant> constants) {

    public FormDefinition {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(checksum, "checksum");
        fields = List.copyOf(fields);
        sections = List.copyOf(sections);
        bindings = Map.copyOf(bindings);
        rules = List.copyOf(rules);
        dataSchema = dataSchema.deepCopy();
        tabs = List.copyOf(tabs);
        constants = Collections.unmodifiableMap(new LinkedHashMap<>(constants));
    }

    @Override
    public JsonNode dataSchema() {
        return dataSchema.deepCopy();
    }

    /** Returns a readable reference such as {@code form:hot-work-permit@3}. */
    public String reference() {
        return MetadataKind.FORM.code() + ":" + key + "@" + version;
    }

    /** Finds the top-level field called {@code name}. */
    public Optional<FormField> field(String name) {
        return fields.stream().filter(field -> field.name().equals(name)).findFirst();
    }

    /** Returns every field at any depth (groups and table columns included), parents before their children. */
    public List<FormField> allFields() {
        return fields.stream().flatMap(FormField::selfAndDescendants).toList();
    }

    /** Returns the data path bound to {@code role}, for example {@code workers} for the role {@code workers}. */
    public Optional<String> binding(String role) {
        return Optional.ofNullable(bindings.get(role));
    }

    /** Returns the value bound to {@code role} in {@code data}, or a missing node when the role is not bound. */
    public JsonNode boundValue(String role, JsonNode data) {
        return binding(role).map(path -> valueAt(data, path)).orElse(MissingNode.getInstance());
    }

    /** Returns the value at a dotted data path such as {@code briefing.givenBy}, or a missing node. */
    public static JsonNode valueAt(JsonNode data, String path) {
        JsonNode node = data;
        for (String part : path.split("\\.")) {
            node = node.path(part);
        }
        return node;
    }

    /**
     * Finds the field at a dotted data path such as {@code briefing.givenBy}; a path segment may be an array field,
     * in which case the next segment names a property of its rows ({@code workers.certNumber}).
     */
    public Optional<FormField> fieldAt(String path) {
        String[] segments = path.split("\\.");
        Optional<FormField> current = field(segments[0]);
        for (int i = 1; i < segments.length && current.isPresent(); i++) {
            current = current.get().child(segments[i]);
        }
        return current;
    }
}
