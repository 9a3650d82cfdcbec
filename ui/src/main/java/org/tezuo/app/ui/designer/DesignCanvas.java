package org.tezuo.app.ui.designer;

import com.vaadin.flow.component.HasStyle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dnd.DragSource;
import com.vaadin.flow.component.dnd.DropEvent;
import com.vaadin.flow.component.dnd.DropTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import java.util.List;
import org.tezuo.form.definition.FieldWidget;

/**
 * The layout being designed: each section as a grid with its column count, each field as a card. A palette item
 * or a field card can be dropped on a card (it goes before that card) or on a section's free space (it goes
 * last). Every card also has buttons to move it up or down and to remove it, so nothing needs a drag.
 *
 * <p>Element ids: {@code canvas-section-<n>}, {@code canvas-section-<n>-drop}, {@code canvas-field-<key>},
 * {@code move-up-<key>}, {@code move-down-<key>}, {@code remove-field-<key>}, {@code add-section}.
 */
final class DesignCanvas extends Div {

    /** Drag data of a field card: the key of the field to move. */
    record Card(String key) {
    }

    private final DesignActions actions;

    DesignCanvas(DesignActions actions) {
        this.actions = actions;
        setId("designer-canvas");
        addClassName("tezuo-designer-canvas");
    }

    /** Draws the canvas again from the current design. */
    void redraw() {
        removeAll();
        FormDesign design = actions.design();
        Button formTitle = new Button(design.title().text(getLocale()), event -> actions.select(
                new DesignSelection.Form()));
        formTitle.setId("canvas-form-title");
        formTitle.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        formTitle.addClassName("tezuo-designer-form-title");
        mark(formTitle, actions.selection() instanceof DesignSelection.Form);
        add(formTitle);

        for (int index = 0; index < design.sections().size(); index++) {
            add(section(design, index));
        }
        Button addSection = new Button(getTranslation("designer.section.add"), VaadinIcon.PLUS.create(),
                event -> actions.execute(new DesignCommand.AddSection(NewForms.section(actions.captions(),
                        design.sections().size() + 1)), true));
        addSection.setId("add-section");
        add(addSection);
    }

    private Div section(FormDesign design, int index) {
        SectionDesign section = design.sections().get(index);
        Div box = new Div();
        box.setId("canvas-section-" + index);
        box.addClassName("tezuo-designer-section");
        mark(box, actions.selection() instanceof DesignSelection.Section(int selected) && selected == index);

        Button heading = new Button(getTranslation("designer.section.heading", section.title().text(getLocale()),
                section.columns()), event -> actions.select(new DesignSelection.Section(index)));
        heading.setId("canvas-section-" + index + "-title");
        heading.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        box.add(new H3(heading));

        Div grid = new Div();
        grid.setId("canvas-section-" + index + "-drop");
        grid.addClassName("tezuo-designer-grid");
        grid.getStyle().set("grid-template-columns", "repeat(" + section.columns() + ", minmax(0, 1fr))");
        List<String> keys = section.fieldKeys();
        for (int position = 0; position < keys.size(); position++) {
            int at = position;
            design.field(keys.get(position)).ifPresent(field -> grid.add(card(field, index, at, keys.size())));
        }
        Span dropHint = new Span(getTranslation("designer.section.dropHint"));
        dropHint.addClassName("tezuo-designer-drop-hint");
        grid.add(dropHint);
        DropTarget.create(grid).addDropListener(event -> dropped(event, index, keys.size()));
        box.add(grid);
        return box;
    }

    private Div card(FieldDesign field, int section, int position, int count) {
        Div card = new Div();
        card.setId("canvas-field-" + field.key());
        card.addClassName("tezuo-designer-card");
        mark(card, actions.selection() instanceof DesignSelection.Field(String key) && key.equals(field.key()));
        card.addClickListener(event -> actions.select(new DesignSelection.Field(field.key())));

        Span label = new Span(field.label().text(getLocale()) + (field.required() ? " *" : ""));
        label.addClassName("tezuo-designer-card-label");
        Span details = new Span(getTranslation(FieldTemplates.captionKey(field.widget())) + " · " + field.key());
        details.addClassName("tezuo-muted");

        Button up = iconButton(VaadinIcon.ARROW_UP, "move-up-" + field.key(), "designer.field.moveUp",
                () -> actions.execute(new DesignCommand.MoveField(field.key(), section, position - 1), false));
        up.setEnabled(position > 0);
        Button down = iconButton(VaadinIcon.ARROW_DOWN, "move-down-" + field.key(), "designer.field.moveDown",
                () -> actions.execute(new DesignCommand.MoveField(field.key(), section, position + 1), false));
        down.setEnabled(position < count - 1);
        Button remove = iconButton(VaadinIcon.TRASH, "remove-field-" + field.key(), "designer.field.remove",
                () -> {
                    actions.execute(new DesignCommand.RemoveField(field.key()), false);
                    actions.select(new DesignSelection.Section(section));
                });
        Div buttons = new Div(up, down, remove);
        buttons.addClassName("tezuo-designer-card-buttons");
        card.add(new Div(label), new Div(details), buttons);
        if (spansRow(field.widget())) {
            card.getStyle().set("grid-column", "1 / -1");
        }

        DragSource.create(card).setDragData(new Card(field.key()));
        DropTarget.create(card).addDropListener(event -> dropped(event, section, position));
        return card;
    }

    /** Adds the dragged palette widget, or moves the dragged field, to {@code position} of a section. */
    private void dropped(DropEvent<?> event, int section, int position) {
        Object data = event.getDragData().orElse(null);
        if (data instanceof Palette.Item(FieldWidget widget)) {
            actions.addField(widget, section, position);
        } else if (data instanceof Card(String key)) {
            int target = position;
            FormDesign design = actions.design();
            int from = design.sections().get(section).fieldKeys().indexOf(key);
            if (from >= 0 && from < position) {
                // The card leaves its place first, so later places move up by one.
                target--;
            }
            actions.execute(new DesignCommand.MoveField(key, section, target), false);
            actions.select(new DesignSelection.Field(key));
        }
    }

    private Button iconButton(VaadinIcon icon, String id, String captionKey, Runnable action) {
        Button button = new Button(icon.create(), event -> action.run());
        button.setId(id);
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
        button.setAriaLabel(getTranslation(captionKey));
        button.setTooltipText(getTranslation(captionKey));
        return button;
    }

    private static void mark(HasStyle component, boolean selected) {
        component.setClassName("tezuo-designer-selected", selected);
    }

    /** Returns whether the renderer gives this widget a whole row, as it does for tables, groups and text areas. */
    static boolean spansRow(FieldWidget widget) {
        return widget == FieldWidget.TABLE || widget == FieldWidget.GROUP || widget == FieldWidget.TEXTAREA;
    }
}
