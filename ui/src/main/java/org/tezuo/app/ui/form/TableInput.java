package org.tezuo.app.ui.form;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.tezuo.form.definition.FormField;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * An array of objects as a list of rows, each row a group of the item's fields with a remove button, and an add
 * button below. Rows stack on a phone instead of scrolling sideways like a grid would.
 */
final class TableInput implements FieldInput {

    private final FormField field;
    private final FieldPath path;
    private final InputFactory factory;
    private final Div root = new Div();
    private final Div rowsBox = new Div();
    private final Span error = new Span();
    private final Button add;
    private final List<GroupInput> rows = new ArrayList<>();
    private final List<Button> removeButtons = new ArrayList<>();
    private boolean readOnly;

    TableInput(FormField field, FieldPath path, InputFactory factory) {
        this.field = field;
        this.path = path;
        this.factory = factory;
        root.addClassName("tezuo-form-table");

        Span label = new Span(factory.label(field));
        label.addClassName("tezuo-form-group-heading");
        if (field.required()) {
            label.addClassName("tezuo-required");
        }
        root.add(label);
        if (field.help() != null) {
            Span help = new Span(field.help().text(factory.context().locale()));
            help.addClassName("tezuo-muted");
            root.add(help);
        }
        error.addClassName("tezuo-field-error");
        error.setVisible(false);
        rowsBox.addClassName("tezuo-form-rows");

        add = new Button(root.getTranslation("form.row.add", factory.label(field)), VaadinIcon.PLUS.create(),
                event -> addRow(JsonNodeFactory.instance.objectNode()));
        add.setId(path.elementId("add"));
        add.addThemeVariants(ButtonVariant.LUMO_SMALL);
        root.add(error, rowsBox, add);
    }

    @Override
    public Component component() {
        return root;
    }

    @Override
    public void read(JsonNode value) {
        rows.clear();
        removeButtons.clear();
        rowsBox.removeAll();
        if (value.isArray()) {
            value.forEach(this::addRow);
        }
    }

    @Override
    public @Nullable JsonNode write() {
        if (rows.isEmpty()) {
            return null;
        }
        ArrayNode data = JsonNodeFactory.instance.arrayNode();
        for (GroupInput row : rows) {
            JsonNode value = row.write();
            data.add(value == null ? JsonNodeFactory.instance.objectNode() : value);
        }
        return data;
    }

    @Override
    public boolean showError(FieldPath errorPath, String message) {
        if (errorPath.isRoot()) {
            error.setText(message);
            error.setVisible(true);
            return true;
        }
        if (errorPath.first() instanceof Integer index && index < rows.size()) {
            return rows.get(index).showError(errorPath.rest(), message);
        }
        return false;
    }

    @Override
    public void clearErrors() {
        error.setVisible(false);
        rows.forEach(GroupInput::clearErrors);
    }

    @Override
    public void setReadOnly(boolean readOnly) {
        this.readOnly = readOnly;
        add.setVisible(!readOnly);
        removeButtons.forEach(button -> button.setVisible(!readOnly));
        rows.forEach(row -> row.setReadOnly(readOnly));
    }

    private void addRow(JsonNode value) {
        int index = rows.size();
        FieldPath rowPath = path.child(index);

        Span title = new Span(root.getTranslation("form.row.title", index + 1));
        Button remove = new Button(VaadinIcon.TRASH.create(), event -> removeRow(index));
        remove.setId(rowPath.elementId("remove"));
        remove.setAriaLabel(root.getTranslation("form.row.remove", index + 1));
        remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SMALL);
        remove.setVisible(!readOnly);
        Div heading = new Div(title, remove);
        heading.addClassName("tezuo-form-row-heading");

        GroupInput row = new GroupInput(field.children(), rowPath, factory, heading);
        row.component().setId(rowPath.elementId("row"));
        row.component().addClassName("tezuo-form-row");
        row.read(value);
        row.setReadOnly(readOnly);
        rows.add(row);
        removeButtons.add(remove);
        rowsBox.add(row.component());
    }

    /** Removes a row and renders the remaining rows again, so ids and row numbers stay consecutive. */
    private void removeRow(int index) {
        JsonNode data = write();
        if (data instanceof ArrayNode array) {
            array.remove(index);
            read(array);
        }
    }
}
