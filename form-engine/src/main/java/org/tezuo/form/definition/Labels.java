package org.tezuo.form.definition;

import tools.jackson.databind.JsonNode;

/** Reads {@code {"zh": ..., "en": ...}} objects; the meta-schema has already required {@code zh}. */
final class Labels {

    private Labels() {
    }

    static Label parse(JsonNode node) {
        return new Label(node.get("zh").asString(), node.path("en").stringValue(null));
    }
}
