package org.tezuo.form.evaluation;

import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The result of evaluating a form's conditions and computed fields over one set of data. Paths are dotted with
 * row indexes, for example {@code gasAnalyses.0.point}; a top-level field's path is its name.
 *
 * <p>A path that was not evaluated (a row the data does not have yet) is visible unless an enclosing path is
 * hidden, and required only where the schema lists it in {@code required}, which a renderer reads from
 * {@link org.tezuo.form.definition.FormField#required()}.
 */
public final class FormState {

    private final ObjectNode data;
    private final Set<String> hiddenPaths;
    private final Set<String> requiredPaths;
    private final Set<String> requiredByCondition;
    private final Set<String> hiddenSections;
    private final Map<String, JsonNode> computedValues;

    FormState(ObjectNode data, Set<String> hiddenPaths, Set<String> requiredPaths, Set<String> requiredByCondition,
            Set<String> hiddenSections, Map<String, JsonNode> computedValues) {
        this.data = data;
        this.hiddenPaths = Set.copyOf(hiddenPaths);
        this.requiredPaths = Set.copyOf(requiredPaths);
        this.requiredByCondition = Set.copyOf(requiredByCondition);
        this.hiddenSections = Set.copyOf(hiddenSections);
        this.computedValues = Map.copyOf(computedValues);
    }

    /**
     * Returns the data as the server stores it: values of hidden fields removed and computed fields replaced by
     * their computed values (removed where a computed value is null). The caller gets its own copy.
     */
    public ObjectNode data() {
        return data.deepCopy();
    }

    /** Returns whether the field at {@code path} is shown: its own condition, its section's and its parents' hold. */
    public boolean isVisible(String path) {
        for (String prefix = path; ; prefix = prefix.substring(0, prefix.lastIndexOf('.'))) {
            if (hiddenPaths.contains(prefix)) {
                return false;
            }
            if (prefix.indexOf('.') < 0) {
                return true;
            }
        }
    }

    /** Whether the field at {@code path} is visible and must have a value, by the schema or a condition. */
    public boolean isRequired(String path) {
        return requiredPaths.contains(path);
    }

    /** Returns whether the section with this id is shown. */
    public boolean isSectionVisible(String sectionId) {
        return !hiddenSections.contains(sectionId);
    }

    /** Returns the paths of the fields hidden by a condition (their descendants are hidden too). */
    public Set<String> hiddenPaths() {
        return hiddenPaths;
    }

    /** Returns the paths of visible fields that must have a value. */
    public Set<String> requiredPaths() {
        return requiredPaths;
    }

    /**
     * Returns the paths of visible fields that a field's {@code x-requiredWhen} or its section's makes required,
     * beyond the schema's {@code required}; the validator reports an empty value at these paths.
     */
    public Set<String> requiredByCondition() {
        return requiredByCondition;
    }

    /** Returns the computed value at each path of a visible computed field that has one. */
    public Map<String, JsonNode> computedValues() {
        return computedValues;
    }
}
