package org.tezuo.app.ui.form;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.tezuo.form.definition.FormField;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** A nested object, or one row of a table: its fields in a form layout, one column on a phone. */
final class GroupInput implements FieldInput {

    private final Div root = new Div();
    private final InputSet inputs = new InputSet();
    private final InputMessage error = new InputMessage();
    private final @Nullable Component heading;

    /** A group field: its label as the heading, its children as the fields. */
    GroupInput(FormField field, FieldPath path, InputFactory factory) {
        this(field.children(), path, factory, factory.heading(field));
        if (field.help() != null) {
            Span help = new Span(field.help().text(factory.context().locale()));
            help.addClassName("tezuo-muted");
            root.addComponentAtIndex(1, help);
        }
    }

    GroupInput(List<FormField> fields, FieldPath path, InputFactory factory, @Nullable Component heading) {
        root.addClassName("tezuo-form-group");
        this.heading = heading;
        if (heading != null) {
            heading.addClassName("tezuo-form-group-heading");
            root.add(heading);
        }
        FormLayout layout = new FormLayout();
        layout.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 2));
        for (FormField child : fields) {
            FieldInput input = factory.create(child, path.child(child.name()));
            inputs.put(child.name(), input);
            layout.add(input.component());
            if (FormRenderer.spansRow(child)) {
                layout.setColspan(input.component(), 2);
            }
        }
        root.add(error, layout);
    }

    @Override
    public Component component() {
        return root;
    }

    @Override
    public void read(JsonNode value) {
        inputs.read(value);
    }

    @Override
    public @Nullable JsonNode write() {
        ObjectNode data = inputs.write();
        return data.isEmpty() ? null : data;
    }

    @Override
    public boolean showError(FieldPath path, String message) {
        if (error.showAt(path, message)) {
            return true;
        }
        return inputs.showError(path, message);
    }

    @Override
    public void clearErrors() {
        error.clear();
        inputs.clearErrors();
    }

    @Override
    public void setReadOnly(boolean readOnly) {
        inputs.setReadOnly(readOnly);
    }

    @Override
    public void setRequired(boolean required) {
        if (heading instanceof Span caption) {
            caption.setClassName("tezuo-required", required);
        }
    }
}
