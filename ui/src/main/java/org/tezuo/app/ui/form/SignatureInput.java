package org.tezuo.app.ui.form;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Span;
import java.io.ByteArrayInputStream;
import java.util.Base64;
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

    private static final String PNG_DATA_URL = "data:image/png;base64,";
    /**
     * Maximum length of a data URL accepted from the browser. By estimate, strokes on a 1,500 × 480 pixel pad
     * compress to a PNG well under 200 KB, which is under 300,000 characters of Base64.
     */
    private static final int MAX_DATA_URL_LENGTH = 2_000_000;

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
        pad = new SignaturePad(root.getTranslation("form.signature.clear"), this::drawn);
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
        if (!dataUrl.startsWith(PNG_DATA_URL) || dataUrl.length() > MAX_DATA_URL_LENGTH) {
            error.show(root.getTranslation("form.signature.invalid"));
            return Optional.empty();
        }
        try {
            byte[] png = Base64.getDecoder().decode(dataUrl.substring(PNG_DATA_URL.length()));
            return Optional.of(store.store(FileKind.IMAGE, "signature.png", "image/png",
                    new ByteArrayInputStream(png)).id());
        } catch (IllegalArgumentException e) {
            error.show(root.getTranslation("form.signature.invalid"));
            return Optional.empty();
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
