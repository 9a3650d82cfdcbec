package org.tezuo.app.ui.form;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.upload.FileRejectedEvent;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadFormat;
import com.vaadin.flow.component.upload.UploadI18N;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.UploadEvent;
import java.io.IOException;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.tezuo.app.ui.i18n.ComponentTexts;
import org.tezuo.core.file.FileKind;
import org.tezuo.core.file.FileRejectedException;
import org.tezuo.core.file.StoredFile;
import org.tezuo.form.definition.FormField;

/**
 * A photo or document field. The upload streams straight into the file store (never whole in memory) and the
 * field's value becomes the stored file's id. A photo opens the phone's rear camera ({@code capture=environment})
 * and shows a thumbnail; a document shows its name as a download link. The browser rejects a file over the
 * store's limit before sending it, and the store rejects it again if a client skips that check.
 */
final class UploadInput extends StoredFileInput {

    private final FileKind kind;
    private final Div preview = new Div();
    private final @Nullable Upload upload;
    private final Button remove;
    private String tooLargeText = "";
    private boolean readOnly;

    UploadInput(FormField field, FileKind kind, InputFactory factory) {
        super(field, factory);
        this.kind = kind;
        root.addClassNames("tezuo-form-upload", kind == FileKind.IMAGE ? "tezuo-form-photo" : "tezuo-form-file");
        preview.addClassName("tezuo-form-upload-preview");
        remove = new Button(VaadinIcon.TRASH.create(), event -> show(null));
        remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SMALL);
        remove.setAriaLabel(root.getTranslation("form.upload.remove"));
        remove.setVisible(false);
        Div fileRow = new Div(preview, remove);
        fileRow.addClassName("tezuo-form-upload-shown");
        root.add(label, fileRow);
        upload = files == null ? null : createUpload(files);
        if (upload != null) {
            root.add(upload);
        }
        factory.addHelp(root, field);
        root.add(error);
    }

    private Upload createUpload(FormFiles store) {
        long limit = store.maxBytes(kind);
        Upload component = new Upload((UploadEvent event) -> receive(store, event));
        component.setMaxFiles(1);
        // The file is sent as the raw request body, so Spring's multipart size limits do not apply and the
        // store's own limit is the only one.
        component.setUploadFormat(UploadFormat.RAW);
        component.setMaxFileSize((int) Math.min(limit, Integer.MAX_VALUE));
        component.setDropAllowed(false);
        if (kind == FileKind.IMAGE) {
            component.setAcceptedFileTypes("image/*");
            // Phones open the rear camera instead of the gallery for an input with capture=environment.
            component.getElement().setProperty("capture", "environment");
        }
        UploadI18N texts = ComponentTexts.upload(component);
        tooLargeText = root.getTranslation("form.upload.tooLarge", FileRejectedException.megabytes(limit));
        texts.setError(new UploadI18N.Error()
                .setFileIsTooBig(tooLargeText)
                .setIncorrectFileType(root.getTranslation("form.upload.notAnImage")));
        component.setI18n(texts);
        component.addFileRejectedListener(this::rejected);
        return component;
    }

    /** Runs on the upload request without the session lock, so it changes the page through {@link UI#access}. */
    private void receive(FormFiles store, UploadEvent event) throws IOException {
        UI ui = event.getUI();
        try {
            StoredFile stored = store.store(kind, event.getFileName(), event.getContentType(),
                    event.getInputStream());
            ui.access(() -> {
                show(stored.id());
                if (upload != null) {
                    upload.clearFileList();
                }
            });
        } catch (FileRejectedException e) {
            String message = e.message(ui.getLocale());
            event.reject(message);
            ui.access(() -> error.show(message));
        }
    }

    /** Names the file in the browser's rejection, with the limit in MB or, for a non-image, its type. */
    private void rejected(FileRejectedEvent event) {
        String name = event.getFileName();
        if (kind == FileKind.IMAGE && !tooLargeText.equals(event.getErrorMessage())) {
            int dot = name.lastIndexOf('.');
            String type = dot < 0 ? root.getTranslation("form.upload.noExtension") : name.substring(dot);
            error.show(root.getTranslation("form.upload.wrongType", name, type));
        } else {
            error.show(root.getTranslation("form.upload.rejected", name, event.getErrorMessage()));
        }
    }

    @Override
    public void setReadOnly(boolean readOnly) {
        this.readOnly = readOnly;
        if (upload != null) {
            upload.setVisible(!readOnly);
        }
        remove.setVisible(!readOnly && storedId != null);
    }

    @Override
    void show(@Nullable String id) {
        storedId = id;
        preview.removeAll();
        error.clear();
        remove.setVisible(!readOnly && id != null);
        if (id == null) {
            return;
        }
        FormFiles store = files;
        Optional<StoredFile> found = store == null ? Optional.empty() : store.find(id);
        if (store == null || found.isEmpty()) {
            // A file of another tenant or a store that is not available here shows as its id only.
            preview.add(new Span(root.getTranslation("form.upload.unavailable", id)));
            return;
        }
        StoredFile file = found.get();
        DownloadHandler download = download(store, file);
        if (file.isImage()) {
            Image thumbnail = new Image(download, file.originalName());
            thumbnail.addClassName("tezuo-form-thumbnail");
            preview.add(thumbnail);
        }
        Anchor link = new Anchor(download, AttachmentType.DOWNLOAD, file.originalName());
        link.addClassName("tezuo-form-file-link");
        preview.add(link);
        preview.getElement().setAttribute("data-file-id", file.id());
    }
}
