package org.tezuo.core.metadata.diff;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.BooleanNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Compares the attributes of one field in two bodies and adds a change per attribute, worded by what the
 * attribute means to users: label, type, required, options, limit, widget, condition or other attribute.
 */
final class FieldComparison {

    /** Meaning of an attribute to users, which selects the description of its change. */
    enum Category {
        LABEL("metadata.diff.field.label"),
        TYPE("metadata.diff.field.type"),
        REQUIRED(""),
        OPTIONS(""),
        WIDGET("metadata.diff.field.widget"),
        LIMIT("metadata.diff.field.limit"),
        CONDITION("metadata.diff.field.condition"),
        ATTRIBUTE("metadata.diff.field.attribute");

        private final String messageKey;

        Category(String messageKey) {
            this.messageKey = messageKey;
        }
    }

    /**
     * One field of a body.
     *
     * @param definition the field as written in the body
     * @param label the field's label, if it has one
     * @param required whether the field is required
     * @param attributes the attributes compared, with {@code required} as a boolean
     */
    record Field(JsonNode definition, @Nullable JsonNode label, boolean required, ObjectNode attributes) {
    }

    private final Map<String, Category> categories;

    FieldComparison(Map<String, Category> categories) {
        this.categories = Map.copyOf(categories);
    }

    /** Adds a change per field added or removed and per attribute changed, with fields keyed by their path. */
    void compareAll(Map<String, Field> before, Map<String, Field> after, List<MetadataChange> changes) {
        Set<String> paths = new LinkedHashSet<>(before.keySet());
        paths.addAll(after.keySet());
        for (String path : paths) {
            Field old = before.get(path);
            Field now = after.get(path);
            if (old == null && now != null) {
                changes.add(new MetadataChange(ChangeType.ADDED, path, "", now.label(), null, now.definition(),
                        now.required() ? "metadata.diff.field.addedRequired" : "metadata.diff.field.added"));
            } else if (old != null && now == null) {
                changes.add(new MetadataChange(ChangeType.REMOVED, path, "", old.label(), old.definition(), null,
                        "metadata.diff.field.removed"));
            } else if (old != null && now != null) {
                compare(path, now.label(), old.attributes(), now.attributes(), changes);
            }
        }
    }

    /** Adds the changes between {@code before} and {@code after}, two attribute objects of the field at {@code path}. */
    void compare(String path, @Nullable JsonNode label, ObjectNode before, ObjectNode after,
            List<MetadataChange> changes) {
        Set<String> names = new LinkedHashSet<>(before.propertyNames());
        names.addAll(after.propertyNames());
        for (String name : names) {
            JsonNode old = before.get(name);
            JsonNode now = after.get(name);
            if (old != null && old.equals(now)) {
                continue;
            }
            Category category = categoryOf(name);
            switch (category) {
                case REQUIRED -> changes.add(new MetadataChange(ChangeType.CHANGED, path, "required", label,
                        BooleanNode.valueOf(isTrue(old)), BooleanNode.valueOf(isTrue(now)),
                        isTrue(now) ? "metadata.diff.field.required.on" : "metadata.diff.field.required.off"));
                case OPTIONS -> compareOptions(path, name, label, old, now, changes);
                default -> changes.add(new MetadataChange(ChangeType.CHANGED, path, name, label, old, now,
                        category.messageKey));
            }
        }
    }

    private Category categoryOf(String name) {
        String bare = name.startsWith("items.") ? name.substring("items.".length()) : name;
        Category category = categories.get(bare);
        if (category != null) {
            return category;
        }
        return bare.startsWith("x-") && bare.endsWith("When") ? Category.CONDITION : Category.ATTRIBUTE;
    }

    private static void compareOptions(String path, String name, @Nullable JsonNode label, @Nullable JsonNode old,
            @Nullable JsonNode now, List<MetadataChange> changes) {
        Set<JsonNode> oldOptions = options(old);
        Set<JsonNode> newOptions = options(now);
        for (JsonNode option : oldOptions) {
            if (!newOptions.contains(option)) {
                changes.add(new MetadataChange(ChangeType.REMOVED, path, name, label, option, null,
                        "metadata.diff.field.option.removed"));
            }
        }
        for (JsonNode option : newOptions) {
            if (!oldOptions.contains(option)) {
                changes.add(new MetadataChange(ChangeType.ADDED, path, name, label, null, option,
                        "metadata.diff.field.option.added"));
            }
        }
        if (oldOptions.equals(newOptions)) {
            changes.add(new MetadataChange(ChangeType.CHANGED, path, name, label, old, now,
                    "metadata.diff.field.option.reordered"));
        }
    }

    private static Set<JsonNode> options(@Nullable JsonNode list) {
        Set<JsonNode> options = new LinkedHashSet<>();
        if (list != null && list.isArray()) {
            list.forEach(options::add);
        }
        return options;
    }

    private static boolean isTrue(@Nullable JsonNode flag) {
        return flag != null && flag.asBoolean(false);
    }

    /** Returns an empty attribute object. */
    static ObjectNode emptyAttributes() {
        return JsonNodeFactory.instance.objectNode();
    }

    /** Returns a copy of the members of {@code node} except {@code members}. */
    static ObjectNode without(JsonNode node, Set<String> members) {
        ObjectNode copy = emptyAttributes();
        for (Map.Entry<String, JsonNode> member : node.properties()) {
            if (!members.contains(member.getKey())) {
                copy.set(member.getKey(), member.getValue());
            }
        }
        return copy;
    }
}
