package org.tezuo.app.ui.approval;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import org.jspecify.annotations.Nullable;
import org.tezuo.core.i18n.LocalizedException;

/**
 * A dialog that requests the inputs of one operation and runs it. A failed input check or a refusal from the
 * server shows in the dialog, which stays open so nothing typed is lost. Success closes it and runs the follow-up.
 */
public class OperationDialog extends Dialog {

    /** Checks the inputs and runs the operation; returns an error to show, or null when it ran. */
    @FunctionalInterface
    public interface Operation {
        @Nullable String run();
    }

    private final Div error = new Div();
    private final VerticalLayout fields = new VerticalLayout();
    private final TextArea comment = new TextArea();

    /**
     * @param id element id of the dialog, for example {@code dialog-transfer}
     * @param commentRequired whether the comment must not be blank, which the field's label states
     */
    public OperationDialog(String id, String title, boolean commentRequired) {
        setId(id);
        setHeaderTitle(title);
        setWidth("min(32rem, 95vw)");
        fields.setPadding(false);
        comment.setId(id + "-comment");
        comment.setLabel(getTranslation(commentRequired ? "task.dialog.reason" : "task.dialog.comment"));
        comment.setRequired(commentRequired);
        comment.setWidthFull();
        error.setId(id + "-error");
        error.addClassName("tezuo-field-error");
        add(fields, comment, error);
    }

    /** Adds an input above the comment. */
    public OperationDialog with(Component field) {
        fields.add(field);
        return this;
    }

    /** Returns the stripped comment, or null when blank. */
    public @Nullable String comment() {
        String text = comment.getValue().strip();
        return text.isEmpty() ? null : text;
    }

    /** Returns the error text for a blank required comment, or null when the comment is fine. */
    public @Nullable String missingComment() {
        if (comment.isRequired() && comment() == null) {
            comment.setInvalid(true);
            comment.setErrorMessage(getTranslation("task.dialog.reason.required"));
            return getTranslation("task.dialog.reason.required");
        }
        comment.setInvalid(false);
        return null;
    }

    /** Adds the confirm and cancel buttons; confirm runs {@code operation}, then {@code done} on success. */
    public OperationDialog confirm(String label, Operation operation, Runnable done) {
        Button confirm = new Button(label, event -> {
            String problem;
            error.setText("");
            try {
                problem = operation.run();
            } catch (LocalizedException e) {
                problem = e.message(getLocale());
            }
            if (problem != null) {
                error.setText(problem);
                return;
            }
            close();
            done.run();
        });
        confirm.setId(getId().orElse("dialog") + "-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(getTranslation("task.dialog.cancel"), event -> close());
        getFooter().add(cancel, confirm);
        return this;
    }
}
