package org.tezuo.form.evaluation;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.tezuo.form.definition.FieldType;
import org.tezuo.form.definition.FormDefinition;
import org.tezuo.form.definition.FormField;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Finds where a field's value lives in a set of data: once at the top level or in a group, once per table row. */
final class FieldLocations {

    private FieldLocations() {
    }

    /**
     * One place of a field's value.
     *
     * @param container the object that contains (or would contain) the property
     * @param path dotted path with row indexes, for example {@code gasAnalyses.0.point}
     * @param row the innermost table row around the place, or null outside tables
     */
    record Location(ObjectNode container, String path, @Nullable ObjectNode row) {

        String name() {
            return path.substring(path.lastIndexOf('.') + 1);
        }
    }

    /**
     * Returns every place of {@code field} in {@code data}. Missing groups are created when {@code create} is
     * set, so a computed field inside a group can be stored; otherwise a field inside a missing group has no place.
     */
    static List<Location> of(FormDefinition form, FormField field, ObjectNode data, boolean create) {
        String[] names = field.path().split("\\.");
        List<Location> containers = List.of(new Location(data, "", null));
        StringBuilder fieldPath = new StringBuilder();
        for (int i = 0; i < names.length - 1; i++) {
            fieldPath.append(i == 0 ? "" : ".").append(names[i]);
            FormField parent = form.fieldAt(fieldPath.toString()).orElseThrow();
            List<Location> next = new ArrayList<>();
            for (Location location : containers) {
                String path = join(location.path(), names[i]);
                JsonNode child = location.container().get(names[i]);
                if (parent.type() == FieldType.ARRAY) {
                    if (child != null && child.isArray()) {
                        for (int index = 0; index < child.size(); index++) {
                            if (child.get(index) instanceof ObjectNode row) {
                                next.add(new Location(row, path + "." + index, row));
                            }
                        }
                    }
                } else if (child instanceof ObjectNode group) {
                    next.add(new Location(group, path, location.row()));
                } else if (create && (child == null || child.isNull())) {
                    next.add(new Location(location.container().putObject(names[i]), path, location.row()));
                }
            }
            containers = next;
        }
        String last = names[names.length - 1];
        return containers.stream()
                .map(location -> new Location(location.container(), join(location.path(), last), location.row()))
                .toList();
    }

    private static String join(String prefix, String name) {
        return prefix.isEmpty() ? name : prefix + "." + name;
    }
}
