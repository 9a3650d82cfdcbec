package org.tezuo.app.ui.designer;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.icon.VaadinIcon;
import java.util.function.Consumer;

/** The toolbar buttons that the form and approval-chain designers share, with ids under one prefix each. */
public final class DesignerButtons {

    private DesignerButtons() {
    }

    /**
     * Sets up the undo and redo buttons as {@code <prefix>-undo} and {@code <prefix>-redo}; {@code move} receives
     * true for undo and false for redo.
     */
    public static void history(Button undo, Button redo, String prefix, Consumer<Boolean> move) {
        undo.setText(undo.getTranslation("designer.undo"));
        undo.setIcon(VaadinIcon.ARROW_BACKWARD.create());
        undo.setId(prefix + "-undo");
        undo.addClickListener(event -> move.accept(true));
        redo.setText(redo.getTranslation("designer.redo"));
        redo.setIcon(VaadinIcon.ARROW_FORWARD.create());
        redo.setId(prefix + "-redo");
        redo.addClickListener(event -> move.accept(false));
    }

    /** Returns the save button {@code <prefix>-save}. */
    public static Button save(String prefix, Runnable action) {
        Button save = new Button();
        save.setText(save.getTranslation("designer.save"));
        save.setIcon(VaadinIcon.DISC.create());
        save.addClickListener(event -> action.run());
        save.setId(prefix + "-save");
        return save;
    }

    /** Returns the primary publish button {@code <prefix>-publish}. */
    public static Button publish(String prefix, Runnable action) {
        Button publish = new Button();
        publish.setText(publish.getTranslation("designer.publish"));
        publish.setIcon(VaadinIcon.UPLOAD.create());
        publish.addClickListener(event -> action.run());
        publish.setId(prefix + "-publish");
        publish.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        return publish;
    }
}
