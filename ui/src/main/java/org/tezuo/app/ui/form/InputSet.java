package org.tezuo.app.ui.form;

import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The inputs of one JSON object by property name. Writing starts from the object last read, so properties the
 * form does not show are kept. A property whose input is empty is removed rather than stored as null.
 */
final class InputSet {

    private final Map<String, FieldInput> inputs = new LinkedHashMap<>();
    private ObjectNode lastRead = JsonNodeFactory.instance.objectNode();

    void put(String name, FieldInput input) {
        inputs.put(name, input);
    }

    void read(JsonNode value) {
        lastRead = value instanceof ObjectNode object ? object.deepCopy() : JsonNodeFactory.instance.objectNode();
        inputs.forEach((name, input) -> input.read(lastRead.path(name)));
    }

    ObjectNode write() {
        ObjectNode data = lastRead.deepCopy();
        inputs.forEach((name, input) -> {
            JsonNode value = input.write();
            if (value == null) {
                data.remove(name);
            } else {
                data.set(name, value);
            }
        });
        return data;
    }

    /** Shows the message on the input the path starts with; false when the path names no input of this set. */
    boolean showError(FieldPath path, String message) {
        if (path.isRoot() || !(path.first() instanceof String name) || !inputs.containsKey(name)) {
            return false;
        }
        return inputs.get(name).showError(path.rest(), message);
    }

    /** Sets one input read-only; returns false when no input has this name. */
    boolean setReadOnly(String name, boolean readOnly) {
        FieldInput input = inputs.get(name);
        if (input == null) {
            return false;
        }
        input.setReadOnly(readOnly);
        return true;
    }

    void clearErrors() {
        inputs.values().forEach(FieldInput::clearErrors);
    }

    void setReadOnly(boolean readOnly) {
        inputs.values().forEach(input -> input.setReadOnly(readOnly));
    }
}
