package org.tezuo.app.ui.designer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.tezuo.app.ui.i18n.TranslationProvider;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Shared inputs of the designer model tests: the ui captions and the LNG template's hot-work form. */
final class DesignFixtures {

    static final TranslationProvider CAPTIONS = new TranslationProvider();
    static final FieldTemplates TEMPLATES = new FieldTemplates(CAPTIONS);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private DesignFixtures() {
    }

    static FormDesign blank() {
        return NewForms.blank(CAPTIONS);
    }

    static JsonNode hotWorkBody() {
        try (InputStream in = DesignFixtures.class.getResourceAsStream(
                "/org/tezuo/templates/lng-terminal/form/hot-work-permit.json")) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
