package org.tezuo.app.ui.form;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JavaScript;
import com.vaadin.flow.function.SerializableConsumer;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The server side of {@code <tezuo-signature-pad>}, a plain custom element served from
 * {@code META-INF/resources/js} without Vaadin's npm build. The signer draws with pointer events (finger, pen or
 * mouse) and can undo the last stroke or clear the pad. It reports the drawing as a PNG data URL after each stroke
 * and null when the pad becomes empty; {@link #exportPng} reads the drawing on request instead.
 */
@Tag("tezuo-signature-pad")
@JavaScript("context://js/tezuo-signature-pad.js")
public final class SignaturePad extends Component {

    /** Creates a pad that reports nothing until asked through {@link #exportPng}. */
    public SignaturePad(String clearLabel, String undoLabel) {
        this(clearLabel, undoLabel, dataUrl -> {
        });
    }

    SignaturePad(String clearLabel, String undoLabel, Consumer<@Nullable String> drawingListener) {
        getElement().setAttribute("clear-label", clearLabel);
        getElement().setAttribute("undo-label", undoLabel);
        getElement().addEventListener("signature-change",
                        event -> drawingListener.accept(event.getEventData().path("event.detail.dataUrl")
                                .stringValue(null)))
                .addEventData("event.detail.dataUrl");
        getElement().addEventListener("signature-clear", event -> drawingListener.accept(null));
    }

    /** Reads the drawing from the browser as a PNG data URL and passes it on, or null when the pad is empty. */
    public void exportPng(SerializableConsumer<@Nullable String> receiver) {
        getElement().executeJs("return this.toDataUrl();")
                .then(String.class, receiver, error -> receiver.accept(null));
    }

    public void clear() {
        getElement().callJsFunction("clear");
    }

    void setReadOnly(boolean readOnly) {
        getElement().setAttribute("readonly", readOnly);
    }
}
