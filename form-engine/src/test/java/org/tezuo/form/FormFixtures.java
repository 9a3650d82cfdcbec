package org.tezuo.form;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Loads form documents and data used by several test classes. */
public final class FormFixtures {

    public static final JsonMapper JSON = JsonMapper.builder().build();

    private FormFixtures() {
    }

    /** Reads a JSON object from the test class path, for example {@code /org/tezuo/form/equipment-inspection.json}. */
    public static ObjectNode read(String resource) {
        try (InputStream in = FormFixtures.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("Test resource is missing: " + resource);
            }
            return (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses a JSON object written in a test. */
    public static ObjectNode json(String text) {
        return (ObjectNode) JSON.readTree(text);
    }
}
