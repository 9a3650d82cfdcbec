package org.tezuo.app.ui.designer;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dnd.DragSource;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import org.tezuo.form.definition.FieldWidget;

/**
 * The field widgets an administrator can add. Each item can be dragged onto a section or before a field of the
 * canvas. A click adds the field at the end of the selected section instead, for those who cannot drag.
 */
final class Palette extends Div {

    /** Drag data of a palette item: the widget of the field to add. */
    record Item(FieldWidget widget) {
    }

    Palette(DesignActions actions) {
        setId("designer-palette");
        addClassName("tezuo-designer-palette");
        H3 heading = new H3(getTranslation("designer.palette"));
        Span hint = new Span(getTranslation("designer.palette.hint"));
        hint.addClassName("tezuo-muted");
        add(heading, hint);
        for (FieldWidget widget : FieldWidget.values()) {
            Button item = new Button(getTranslation(FieldTemplates.captionKey(widget)), event -> {
                int section = actions.targetSection();
                actions.addField(widget, section, actions.design().sections().get(section).fieldKeys().size());
            });
            item.setId("palette-" + widget.code());
            item.addThemeVariants(ButtonVariant.LUMO_CONTRAST);
            item.addClassName("tezuo-designer-palette-item");
            DragSource<Button> drag = DragSource.create(item);
            drag.setDragData(new Item(widget));
            add(item);
        }
    }
}
