package org.tezuo.app.ui.task;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.upload.FileRejectedEvent;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadFormat;
import com.vaadin.flow.component.upload.UploadI18N;
import com.vaadin.flow.server.streams.UploadEvent;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.tezuo.app.ui.approval.FileLinks;
import org.tezuo.app.ui.i18n.ComponentTexts;
import org.tezuo.core.file.FileKind;
import org.tezuo.core.file.FileRejectedException;
import org.tezuo.core.file.FileStore;
import org.tezuo.core.file.StoredFile;

/**
 * Attachments of an opinion: each upload streams into the file store and is listed with a download link and a
 * remove button. Files above {@link #MAX_BYTES} are rejected by the browser and again while they stream in, so a
 * client that skips the browser check stores nothing.
 */
class AttachmentField extends Div {

    /** Largest attachment, 10 MiB: enough for scanned pages and phone photos, small enough for phone uploads. */
    static final long MAX_BYTES = 10L * 1024 * 1024;

    private final FileStore files;
    private final long tenantId;
    private final String username;
    private final List<StoredFile> attached = new ArrayList<>();
    private final Div list = new Div();
    private final Span error = new Span();
    private final Upload upload;

    AttachmentField(FileStore files, long tenantId, String username) {
        this.files = files;
        this.tenantId = tenantId;
        this.username = username;
        addClassName("tezuo-attachments");
        Span caption = new Span(getTranslation("task.attachments"));
        caption.addClassName("tezuo-attachments-caption");
        list.setId("attachment-list");
        error.setId("attachment-error");
        error.addClassName("tezuo-field-error");

        upload = new Upload((UploadEvent event) -> receive(event));
        upload.setId("attachment-upload");
        // Sent as the raw request body, so the limit below is the only one that applies.
        upload.setUploadFormat(UploadFormat.RAW);
        upload.setMaxFileSize((int) MAX_BYTES);
        upload.setDropAllowed(true);
        UploadI18N texts = ComponentTexts.upload(upload);
        texts.setError(new UploadI18N.Error().setFileIsTooBig(tooLarge("")));
        upload.setI18n(texts);
        upload.addFileRejectedListener(this::rejected);
        Span help = new Span(getTranslation("task.attachments.help", FileRejectedException.megabytes(MAX_BYTES)));
        help.addClassName("tezuo-muted");
        add(caption, list, upload, help, error);
    }

    /** Returns the stored-file ids in the order they were added. */
    List<String> ids() {
        return attached.stream().map(StoredFile::id).toList();
    }

    /** Empties the list after the attachments went out with an opinion. */
    void clear() {
        attached.clear();
        list.removeAll();
        error.setText("");
        upload.clearFileList();
    }

    /** Runs on the upload request without the session lock, so it changes the page through {@link UI#access}. */
    private void receive(UploadEvent event) throws IOException {
        UI ui = event.getUI();
        String name = event.getFileName();
        try (InputStream content = new LimitedStream(event.getInputStream(), MAX_BYTES)) {
            StoredFile stored = files.store(tenantId, username, FileKind.DOCUMENT, name, event.getContentType(),
                    content);
            ui.access(() -> {
                add(stored);
                upload.clearFileList();
            });
        } catch (UncheckedIOException e) {
            // The store wraps the read failure of the limited stream; other I/O failures are no user error.
            if (!(e.getCause() instanceof TooLargeException)) {
                throw e;
            }
            String message = tooLarge(name);
            event.reject(message);
            ui.access(() -> error.setText(message));
        } catch (FileRejectedException e) {
            String message = e.message(ui.getLocale());
            event.reject(message);
            ui.access(() -> error.setText(message));
        }
    }

    private void add(StoredFile file) {
        attached.add(file);
        error.setText("");
        Anchor link = new Anchor(FileLinks.href(file.id()), file.originalName(), AnchorTarget.BLANK);
        link.addClassName("tezuo-attachment-link");
        Div row = new Div(VaadinIcon.PAPERCLIP.create(), link);
        Button remove = new Button(VaadinIcon.TRASH.create(), event -> {
            attached.remove(file);
            list.remove(row);
        });
        remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SMALL);
        remove.setAriaLabel(getTranslation("task.attachments.remove", file.originalName()));
        row.add(remove);
        row.addClassName("tezuo-attachment");
        row.getElement().setAttribute("data-file-id", file.id());
        list.add(row);
    }

    private void rejected(FileRejectedEvent event) {
        error.setText(getTranslation("task.attachments.rejected", event.getFileName(), event.getErrorMessage()));
    }

    private String tooLarge(String name) {
        return getTranslation("task.attachments.tooLarge", name, FileRejectedException.megabytes(MAX_BYTES));
    }

    /** Signals that an attachment passed {@link #MAX_BYTES} while streaming in. */
    private static final class TooLargeException extends IOException {
        TooLargeException() {
            super("Attachment exceeds " + MAX_BYTES + " bytes");
        }
    }

    /** Fails with {@link TooLargeException} once more than {@code limit} bytes were read. */
    private static final class LimitedStream extends FilterInputStream {

        private final long limit;
        private long read;

        LimitedStream(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int value = super.read();
            if (value >= 0) {
                count(1);
            }
            return value;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int count = super.read(buffer, offset, length);
            if (count > 0) {
                count(count);
            }
            return count;
        }

        private void count(int bytes) throws IOException {
            read += bytes;
            if (read > limit) {
                throw new TooLargeException();
            }
        }
    }
}
