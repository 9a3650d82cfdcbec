package org.tezuo.app.ui.person;

import com.vaadin.flow.component.AbstractField;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;
import java.time.LocalDate;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.tezuo.app.ui.i18n.ComponentTexts;
import org.tezuo.app.ui.layout.Notices;
import org.tezuo.core.i18n.LocalizedException;

/**
 * A dialog for one lifecycle step on the person page: a hint, one input (the reason or a date), an error line and
 * the confirm button. A step the server rejects saves nothing, and the dialog stays open with the server's message
 * under the input. A successful step closes the dialog, shows its message and refreshes the page.
 */
final class LifecycleDialog extends Dialog {

    /** Element id of the reason field. */
    static final String REASON_ID = "lifecycle-reason";
    /** Element id of the date field. */
    static final String DATE_ID = "lifecycle-date";

    private final Div error = new Div();

    private <V> LifecycleDialog(String title, String hint, AbstractField<?, V> input, Function<V, String> step,
            Runnable refresh) {
        setId("lifecycle-dialog");
        setHeaderTitle(title);
        setWidth("min(32rem, 95vw)");
        error.setId("lifecycle-error");
        error.addClassName("tezuo-profile-error");
        Paragraph text = new Paragraph(hint);
        text.setId("lifecycle-hint");
        add(text, input, error);

        Button confirm = new Button(getTranslation("lifecycle.confirm"), event -> run(input, step, refresh));
        confirm.setId("lifecycle-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button close = new Button(getTranslation("lifecycle.close"), event -> close());
        close.setId("lifecycle-close");
        getFooter().add(close, confirm);
    }

    /** Opens a dialog with a reason field, which the step rejects when blank. */
    static void askReason(String title, String hint, Function<String, String> step, Runnable refresh) {
        TextArea reason = new TextArea();
        reason.setId(REASON_ID);
        reason.setWidthFull();
        reason.setRequiredIndicatorVisible(true);
        reason.setMaxLength(500);
        reason.setLabel(reason.getTranslation("lifecycle.reason"));
        new LifecycleDialog(title, hint, reason, step, refresh).open();
    }

    /** Opens a dialog with a date field that starts at {@code initial}. */
    static void askDate(String title, String hint, String dateLabel, LocalDate initial,
            Function<LocalDate, String> step, Runnable refresh) {
        DatePicker date = new DatePicker(initial);
        date.setId(DATE_ID);
        date.setLabel(dateLabel);
        date.setRequiredIndicatorVisible(true);
        date.setI18n(ComponentTexts.calendar(date));
        new LifecycleDialog(title, hint, date, step, refresh).open();
    }

    private <V> void run(AbstractField<?, V> input, Function<V, String> step, Runnable refresh) {
        V value = input.getValue();
        if (input instanceof DatePicker && value == null) {
            showError(input, getTranslation("lifecycle.date.required"));
            return;
        }
        try {
            String done = step.apply(value);
            close();
            Notices.success(done);
            refresh.run();
        } catch (LocalizedException e) {
            showError(input, e.message(getLocale()));
        }
    }

    private void showError(AbstractField<?, ?> input, @Nullable String message) {
        error.setText(message == null ? "" : message);
        if (input instanceof HasValidation validated) {
            validated.setInvalid(true);
        }
    }
}
