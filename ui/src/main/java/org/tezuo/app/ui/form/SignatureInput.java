package org.tezuo.app.ui.form;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Span;
import java.io.ByteArrayInputStream;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.tezuo.core.file.FileKind;
import org.tezuo.core.file.FileRejectedException;
import org.tezuo.core.file.StoredFile;
import org.tezuo.form.definition.FormField;
import tools.jackson.databind.JsonNode;

/**
 * A handwritten signature. The signer draws on a {@link SignaturePad}; the drawing is stored in the file store as
 * a PNG when the form is written, and the field's value is the stored file's id. A stored signature shows as an
 * image with a button to sign again. A required signature is enforced by the form's validation, like every
 * required field.
 */
final class SignatureInput extends StoredFileInput {

    private final Locale locale;
    private final Div stored = new Div();
    private final SignaturePad pad;
    private final Button signAgain;
    private @Nullable String drawing;
    private boolean readOnly;

    SignatureInput(FormField field, InputFactory factory) {
        super(field, factory);
        this.locale = factory.context().locale();
        root.addClassName("tezuo-form-signature");
        pad = new SignaturePad(root.getTranslation("form.signature.clear"),
                root.getTranslation("form.signature.undo"), this::drawn);
        signAgain = new Button(root.getTranslation("form.signature.again"), event -> show(null));
        signAgain.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        root.add(label, stored, pad, signAgain);
        factory.addHelp(root, field);
        root.add(error);
        show(null);
    }

    private void drawn(@Nullable String dataUrl) {
        drawing = dataUrl;
        error.clear();
    }

    /** Stores a new drawing as a PNG file first, so the value written is always a stored file's id. */
    @Override
    public @Nullable JsonNode write() {
        if (drawing != null && files != null) {
            storeDrawing(files, drawing).ifPresent(this::show);
        }
        return super.write();
    }

    private Optional<String> storeDrawing(FormFiles store, String dataUrl) {
        Optional<byte[]> png = SignatureImages.decodePng(dataUrl);
        if (png.isEmpty()) {
            error.show(root.getTranslation("form.signature.invalid"));
            return Optional.empty();
        }
        try {
            return Optional.of(store.store(FileKind.IMAGE, "signature.png", "image/png",
                    new ByteArrayInputStream(png.get())).id());
        } catch (FileRejectedException e) {
            error.show(e.message(locale));
            return Optional.empty();
        }
    }

    @Override
    public void setReadOnly(boolean readOnly) {
        this.readOnly = readOnly;
        show(storedId);
    }

    /** Shows the stored signature, or the empty pad when {@code id} is null. */
    @Override
    void show(@Nullable String id) {
        if (id == null && storedId != null) {
            pad.clear();
        }
        storedId = id;
        drawing = null;
        stored.removeAll();
        FormFiles store = files;
        Optional<StoredFile> file = id == null || store == null ? Optional.empty() : store.find(id);
        if (file.isPresent() && store != null) {
            StoredFile signature = file.get();
            Image image = new Image(download(store, signature), root.getTranslation("form.signature.image"));
            image.addClassName("tezuo-form-signature-image");
            stored.add(image);
        } else if (id != null) {
            stored.add(new Span(root.getTranslation("form.upload.unavailable", id)));
        }
        stored.setVisible(id != null);
        pad.setVisible(id == null && !readOnly && store != null);
        pad.setReadOnly(readOnly);
        signAgain.setVisible(id != null && !readOnly && store != null);
    }
}
