package org.tezuo.app.ui.form;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JavaScript;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The server side of {@code <tezuo-signature-pad>}, a plain custom element served from
 * {@code META-INF/resources/js} without Vaadin's npm build. It reports the drawing as a PNG data URL after each
 * stroke and null when the signer clears it.
 */
@Tag("tezuo-signature-pad")
@JavaScript("context://js/tezuo-signature-pad.js")
final class SignaturePad extends Component {

    SignaturePad(String clearLabel, Consumer<@Nullable String> drawingListener) {
        getElement().setAttribute("clear-label", clearLabel);
        getElement().addEventListener("signature-change",
                        event -> drawingListener.accept(event.getEventData().path("event.detail.dataUrl")
                                .stringValue(null)))
                .addEventData("event.detail.dataUrl");
        getElement().addEventListener("signature-clear", event -> drawingListener.accept(null));
    }

    void clear() {
        getElement().callJsFunction("clear");
    }

    void setReadOnly(boolean readOnly) {
        getElement().setAttribute("readonly", readOnly);
    }
}
