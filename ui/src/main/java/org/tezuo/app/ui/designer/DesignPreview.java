package org.tezuo.app.ui.designer;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.tabs.TabSheet;
import java.util.List;
import org.tezuo.app.ui.form.FormContext;
import org.tezuo.app.ui.form.FormRenderer;
import org.tezuo.form.definition.FormDefinitionParser;
import org.tezuo.form.definition.InvalidFormDefinitionException;
import org.tezuo.metadata.InvalidMetadataException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The form as users will see it, rendered by the form renderer from the body being designed, and the body itself
 * as read-only, indented JSON. When the body cannot be rendered yet, the preview lists why.
 *
 * <p>Element ids: {@code designer-preview-tab} showing {@code designer-preview} (the rendered form or
 * {@code preview-unavailable}), and {@code designer-json-tab} showing {@code designer-json}. The tab sheet
 * attaches only the selected tab's content.
 */
final class DesignPreview extends TabSheet {

    private final FormDefinitionParser parser;
    private final FormContext context;
    private final JsonMapper json;
    private final Div preview = new Div();
    private final Pre source = new Pre();

    DesignPreview(FormDefinitionParser parser, FormContext context, JsonMapper json) {
        this.parser = parser;
        this.context = context;
        this.json = json;
        preview.setId("designer-preview");
        source.setId("designer-json");
        source.addClassName("tezuo-designer-json");
        add(getTranslation("designer.preview"), preview).setId("designer-preview-tab");
        add(getTranslation("designer.json"), source).setId("designer-json-tab");
        setWidthFull();
    }

    /** Renders {@code body} again; {@code key} names the form in messages. */
    void show(String key, ObjectNode body) {
        source.setText(json.writerWithDefaultPrettyPrinter().writeValueAsString(body));
        preview.removeAll();
        try {
            preview.add(new FormRenderer(parser.parse(key, 0, body), context));
        } catch (InvalidMetadataException e) {
            unavailable(e.violations().stream().map(violation -> violation.path() + " " + violation.message())
                    .toList());
        } catch (InvalidFormDefinitionException e) {
            unavailable(e.problems().stream().map(problem -> problem.message(context.locale())).toList());
        }
    }

    private void unavailable(List<String> reasons) {
        Div box = new Div();
        box.setId("preview-unavailable");
        box.add(new Paragraph(getTranslation("designer.preview.unavailable")));
        UnorderedList list = new UnorderedList();
        reasons.forEach(reason -> list.add(new ListItem(reason)));
        box.add(list);
        preview.add(box);
    }
}
