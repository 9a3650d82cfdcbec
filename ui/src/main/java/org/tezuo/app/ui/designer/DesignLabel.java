package org.tezuo.app.ui.designer;

import com.vaadin.flow.i18n.I18NProvider;
import java.util.Locale;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Text of a form, section, field or option as the designer edits it: Simplified Chinese and English. Unlike the
 * form engine's label, the Chinese text may be blank while an administrator types; the meta-schema rejects a
 * blank one when the form is saved.
 *
 * @param zh Simplified Chinese text
 * @param en English text, empty when there is none
 */
public record DesignLabel(String zh, String en) {

    public DesignLabel {
        zh = zh.strip();
        en = en.strip();
    }

    /** Returns the caption {@code key} of the ui bundle in both languages, as default text of a new element. */
    static DesignLabel caption(I18NProvider captions, String key, Object... arguments) {
        return new DesignLabel(captions.getTranslation(key, Locale.SIMPLIFIED_CHINESE, arguments),
                captions.getTranslation(key, Locale.ENGLISH, arguments));
    }

    /** Reads a {@code {"zh": …, "en": …}} object; a missing part reads as empty text. */
    static DesignLabel read(JsonNode node) {
        return new DesignLabel(node.path("zh").asString(""), node.path("en").asString(""));
    }

    /** Writes the label as the meta-schema's label object, leaving out an empty English text. */
    ObjectNode toJson() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("zh", zh);
        if (!en.isEmpty()) {
            node.put("en", en);
        }
        return node;
    }

    /** Returns the English text for an English locale when there is one, otherwise the Chinese text. */
    String text(Locale locale) {
        return "en".equals(locale.getLanguage()) && !en.isEmpty() ? en : zh;
    }
}
