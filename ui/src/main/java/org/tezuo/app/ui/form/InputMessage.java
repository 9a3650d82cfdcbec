package org.tezuo.app.ui.form;

import com.vaadin.flow.component.html.Span;

/** The error line under an input that has no error message of its own, hidden until there is a message. */
final class InputMessage extends Span {

    InputMessage() {
        addClassName("tezuo-field-error");
        setVisible(false);
    }

    void show(String message) {
        setText(message);
        setVisible(true);
    }

    void clear() {
        setVisible(false);
    }

    /** Shows {@code message} when {@code path} is the input itself; returns whether it did. */
    boolean showAt(FieldPath path, String message) {
        if (!path.isRoot()) {
            return false;
        }
        show(message);
        return true;
    }
}
