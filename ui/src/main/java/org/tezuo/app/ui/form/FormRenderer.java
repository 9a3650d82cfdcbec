package org.tezuo.app.ui.form;

import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.TabSheet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tezuo.form.definition.FormDefinition;
import org.tezuo.form.definition.FormField;
import org.tezuo.form.definition.FormSection;
import org.tezuo.form.definition.FormTab;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds a form from any {@link FormDefinition}: one heading and form layout per section (the section's column
 * count on a wide screen, one column on a phone), the sections on a tab sheet when the layout has tabs, an input
 * per field chosen by its widget, tables as a grid of rows with an editor for one row, and groups as nested
 * layouts. {@link FieldStates} decides which sections and fields show, which carry the required mark and what
 * computed fields display. It reads and writes the record's data as a JSON object; cleared optional fields
 * are left out of the data. Problems the server reports are shown on the matching input or row and in a
 * summary list above the form.
 *
 * <p>Element ids follow the data path: {@code field-workStart}, {@code field-gasAnalyses-0-time},
 * {@code add-gasAnalyses}, {@code remove-gasAnalyses-0}; the summary is {@code form-problems}.
 */
@StyleSheet("context://styles/tezuo-form.css")
public class FormRenderer extends Div {

    private final InputSet inputs = new InputSet();
    private final Div problems = new Div();
    private final InputFactory factory;
    private final FieldStates states;
    private final Map<FormSection, Div> sections = new LinkedHashMap<>();

    public FormRenderer(FormDefinition form, FormContext context) {
        addClassName("tezuo-form");
        factory = new InputFactory(context, this, form.dataSchema());
        states = context.states().forForm(form);

        problems.setId("form-problems");
        problems.addClassName("tezuo-form-problems");
        problems.getElement().setAttribute("role", "alert");
        problems.setVisible(false);
        add(problems);

        if (form.tabs().isEmpty()) {
            form.sections().forEach(section -> add(section(section, context)));
        } else {
            TabSheet tabs = new TabSheet();
            tabs.setId("form-tabs");
            tabs.setWidthFull();
            for (FormTab tab : form.tabs()) {
                Div content = new Div();
                tab.sections().forEach(section -> content.add(section(section, context)));
                tabs.add(new Tab(tab.title().text(context.locale())), content).setId("tab-" + tab.id());
            }
            add(tabs);
        }
        if (states != FieldStates.DECLARED) {
            reapplyStatesOnEdit();
        }
    }

    /** Builds one section: its title and a form layout with the section's column count on a wide screen. */
    private Div section(FormSection section, FormContext context) {
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
        Div wrapper = new Div(title, layout);
        wrapper.setId("section-" + section.id());
        sections.put(section, wrapper);
        return wrapper;
    }

    /** Re-evaluates the conditions whenever a value changes, so dependent fields show and hide as the user types. */
    private void reapplyStatesOnEdit() {
        for (InputFactory.CreatedInput created : factory.created()) {
            if (created.input().component() instanceof HasValue<?, ?> valued) {
                valued.addValueChangeListener(event -> {
                    if (event.isFromClient()) {
                        applyStates(write());
                    }
                });
            }
        }
    }

    /** Shows {@code data}; fields absent from it are cleared. */
    public void read(JsonNode data) {
        inputs.read(data);
        applyStates(data);
    }

    /**
     * Shows, hides and marks as required every input as {@link FieldStates} decides for {@code data}. The renderer
     * calls it after {@link #read}; a caller that reacts to edits calls it with {@link #write()}'s result.
     */
    public void applyStates(JsonNode data) {
        sections.forEach((section, wrapper) -> wrapper.setVisible(states.sectionVisible(section, data)));
        for (InputFactory.CreatedInput created : factory.created()) {
            String path = created.path().jsonPath();
            created.input().setVisible(states.visible(created.field(), path, data));
            created.input().setRequired(states.required(created.field(), path, data));
            if (created.field().isComputed()) {
                // The server recomputes the value on save, so the input only shows it.
                created.input().setReadOnly(true);
                created.input().read(states.computedValue(created.field(), path, data)
                        .orElse(MissingNode.getInstance()));
            }
        }
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

    /** Returns whether a field takes a whole row of its layout, as tables, groups, text areas and uploads do. */
    static boolean spansRow(FormField field) {
        return switch (field.widget()) {
            case TABLE, GROUP, TEXTAREA, PHOTO, FILE, SIGNATURE, GEO_POINT, GAS_READING -> true;
            default -> false;
        };
    }
}
