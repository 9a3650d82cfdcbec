package org.tezuo.app.ui.designer;

import com.vaadin.flow.i18n.I18NProvider;
import java.util.List;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** The starting point of a new form: a default title and one empty two-column section. */
final class NewForms {

    private NewForms() {
    }

    static FormDesign blank(I18NProvider captions) {
        ObjectNode rest = JsonNodeFactory.instance.objectNode();
        // Data with properties the form does not define is rejected, as in the template forms.
        rest.putObject("schema").put("type", "object").put("additionalProperties", false);
        rest.putObject("layout");
        return new FormDesign(DesignLabel.caption(captions, "designer.form.default"), List.of(),
                List.of(section(captions, 1)), rest);
    }

    /** Returns an empty two-column section titled with its number. */
    static SectionDesign section(I18NProvider captions, int number) {
        return new SectionDesign(DesignLabel.caption(captions, "designer.section.default", number), 2, List.of());
    }
}
