package org.tezuo.app.ui.designer;

import com.vaadin.flow.i18n.I18NProvider;
import java.util.Map;
import org.tezuo.form.definition.FieldWidget;

/** Operations the palette, canvas and property panel run on the design of their page. */
interface DesignActions {

    FormDesign design();

    /** Captions of the ui bundle, for the default texts of new sections, fields and options. */
    I18NProvider captions();

    DesignSelection selection();

    /** Returns the published entities that store records, entity name to label in the page's language. */
    Map<String, String> recordEntities();

    /**
     * Runs {@code command} through the page's command stack and redraws the canvas, preview and JSON; the
     * property panel is redrawn only when {@code redrawPanel} is true, so that typing in it keeps the focus.
     */
    void execute(DesignCommand command, boolean redrawPanel);

    /** Shows {@code selection} in the property panel and marks it on the canvas. */
    void select(DesignSelection selection);

    /**
     * Adds a new field with {@code widget} to a section at {@code position} and selects it.
     *
     * @param position index among the section's fields; the field count appends it
     */
    void addField(FieldWidget widget, int section, int position);

    /** Returns the section new fields go to when added by click: the selected one, or the last. */
    int targetSection();
}
