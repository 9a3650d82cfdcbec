package org.tezuo.app.ui.form;

import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import java.util.List;
import org.tezuo.form.definition.FieldWidget;
import org.tezuo.form.definition.FormDefinition;
import org.tezuo.form.definition.FormField;
import org.tezuo.form.definition.FormSection;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds a form from any {@link FormDefinition}: one heading and form layout per section (the section's column
 * count on a wide screen, one column on a phone), an input per field chosen by its widget, tables as row lists
 * and groups as nested layouts. It reads and writes the record's data as a JSON object; cleared optional fields
 * are left out of the data. Problems the server reports are shown on the matching input or row and in a
 * summary list above the form.
 *
 * <p>Element ids follow the data path: {@code field-workStart}, {@code field-gasAnalyses-0-time},
 * {@code add-gasAnalyses}, {@code remove-gasAnalyses-0}; the summary is {@code form-problems}.
 */
public class FormRenderer extends Div {

    private final InputSet inputs = new InputSet();
    private final Div problems = new Div();

    public FormRenderer(FormDefinition form, FormContext context) {
        addClassName("tezuo-form");
        InputFactory factory = new InputFactory(context);

        problems.setId("form-problems");
        problems.addClassName("tezuo-form-problems");
        problems.getElement().setAttribute("role", "alert");
        problems.setVisible(false);
        add(problems);

        for (FormSection section : form.sections()) {
            H3 title = new H3(section.title().text(context.locale()));
            title.addClassName("tezuo-form-section-title");
            FormLayout layout = new FormLayout();
            int columns = Math.max(1, section.columns());
            layout.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1),
                    new FormLayout.ResponsiveStep("40em", columns));
            for (FormField field : section.fields()) {
                FieldInput input = factory.create(field, FieldPath.ROOT.child(field.name()));
                inputs.put(field.name(), input);
                layout.add(input.component());
                if (spansRow(field)) {
                    layout.setColspan(input.component(), columns);
                }
            }
            add(title, layout);
        }
    }

    /** Shows {@code data}; fields absent from it are cleared. */
    public void read(JsonNode data) {
        inputs.read(data);
    }

    /** Returns the data as entered, starting from the data last read so that fields not shown are kept. */
    public ObjectNode write() {
        return inputs.write();
    }

    /** Replaces the problems shown: each on its input when the path names one, and all in the summary list. */
    public void showProblems(List<FieldProblem> found) {
        clearProblems();
        if (found.isEmpty()) {
            return;
        }
        UnorderedList list = new UnorderedList();
        for (FieldProblem problem : found) {
            inputs.showError(FieldPath.parse(problem.path()), problem.message());
            ListItem item = new ListItem(problem.message());
            item.getElement().setAttribute("data-path", problem.path());
            list.add(item);
        }
        problems.add(new Span(getTranslation("form.problems", found.size())), list);
        problems.setVisible(true);
    }

    public void clearProblems() {
        problems.removeAll();
        problems.setVisible(false);
        inputs.clearErrors();
    }

    public void setReadOnly(boolean readOnly) {
        inputs.setReadOnly(readOnly);
    }

    /**
     * Sets the input of one top-level field read-only, for a value the server sets itself.
     *
     * @return false when the form has no top-level field called {@code name}
     */
    public boolean setReadOnly(String name, boolean readOnly) {
        return inputs.setReadOnly(name, readOnly);
    }

    /** Returns whether a field takes a whole row of its layout, as tables, groups and text areas do. */
    static boolean spansRow(FormField field) {
        return field.widget() == FieldWidget.TABLE || field.widget() == FieldWidget.GROUP
                || field.widget() == FieldWidget.TEXTAREA;
    }
}
