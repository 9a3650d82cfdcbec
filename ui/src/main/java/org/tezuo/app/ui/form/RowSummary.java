package org.tezuo.app.ui.form;

import com.vaadin.flow.component.Component;
import java.util.StringJoiner;
import org.tezuo.form.definition.FormField;
import tools.jackson.databind.JsonNode;

/** One line of text for a table row: each filled field as "label: value", in the order of the row's fields. */
final class RowSummary {

    private final FormField table;
    private final FormContext context;
    private final FieldDisplay display;
    private final String empty;
    private final String separator;
    private final String attached;

    RowSummary(FormField table, FormContext context, Component translator) {
        this.table = table;
        this.context = context;
        this.display = new FieldDisplay(context, translator.getTranslation("value.yes"),
                translator.getTranslation("value.no"));
        this.empty = translator.getTranslation("form.rows.empty");
        this.separator = translator.getTranslation("form.rows.separator");
        this.attached = translator.getTranslation("form.rows.attached");
    }

    String text(JsonNode row) {
        StringJoiner text = new StringJoiner(" · ");
        for (FormField child : table.children()) {
            JsonNode value = row.path(child.name());
            String shown = shown(child, value);
            if (!shown.isBlank()) {
                text.add(child.label().text(context.locale()) + separator + shown);
            }
        }
        return text.length() == 0 ? empty : text.toString();
    }

    /** Returns a file's presence rather than its id, and an object's values separated by spaces. */
    private String shown(FormField child, JsonNode value) {
        if (value.isMissingNode() || value.isNull()) {
            return "";
        }
        return switch (child.widget()) {
            case PHOTO, FILE, SIGNATURE -> attached;
            case TABLE, GROUP -> "";
            case GEO_POINT, GAS_READING -> {
                StringJoiner parts = new StringJoiner(" ");
                value.values().forEach(part -> parts.add(part.isValueNode() ? part.asString() : part.toString()));
                yield parts.toString();
            }
            default -> display.text(child, value);
        };
    }
}
