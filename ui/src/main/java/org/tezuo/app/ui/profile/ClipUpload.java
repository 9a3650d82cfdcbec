package org.tezuo.app.ui.profile;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.upload.FileRejectedEvent;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadFormat;
import com.vaadin.flow.component.upload.UploadI18N;
import com.vaadin.flow.server.streams.UploadEvent;
import java.io.IOException;
import java.io.InputStream;
import org.tezuo.app.security.CurrentUser;
import org.tezuo.app.ui.i18n.ComponentTexts;
import org.tezuo.app.ui.layout.Notices;
import org.tezuo.core.file.FileRejectedException;
import org.tezuo.core.i18n.LocalizedException;
import org.tezuo.core.qualification.profile.AssessmentClip;
import org.tezuo.core.qualification.profile.AssessmentClips;

/**
 * The clip upload of one assessment record: a consent box that must be ticked first, then an MP4 or WebM upload
 * that streams into the clip store. The upload stays disabled until the box is ticked, and the store rejects a
 * clip without consent again, so no path stores one.
 */
final class ClipUpload extends Div {

    private final Checkbox consent = new Checkbox();
    private final Upload upload;
    private final Div error = new Div();
    private volatile boolean consentGiven;

    ClipUpload(AssessmentClips clips, CurrentUser user, long assessmentId, Runnable stored) {
        addClassName("tezuo-profile-clip-upload");
        consent.setLabel(getTranslation("profile.clip.consentBox"));
        consent.addClassName("tezuo-profile-clip-consent");
        upload = new Upload((UploadEvent event) -> receive(clips, user, assessmentId, event, stored));
        upload.setMaxFiles(1);
        // The file is sent as the raw request body, so Spring's multipart size limits do not apply and the clip
        // store's limit is the only one.
        upload.setUploadFormat(UploadFormat.RAW);
        upload.setMaxFileSize((int) Math.min(clips.maxBytes(), Integer.MAX_VALUE));
        upload.setAcceptedFileTypes("video/mp4", "video/webm", ".mp4", ".webm");
        upload.setDropAllowed(false);
        upload.setEnabled(false);
        UploadI18N texts = ComponentTexts.upload(upload);
        texts.setError(new UploadI18N.Error()
                .setFileIsTooBig(getTranslation("profile.clip.tooLarge", FileRejectedException.megabytes(clips.maxBytes())))
                .setIncorrectFileType(getTranslation("profile.clip.wrongType")));
        upload.setI18n(texts);
        upload.addFileRejectedListener(this::rejected);
        consent.addValueChangeListener(event -> {
            consentGiven = event.getValue();
            upload.setEnabled(event.getValue());
        });
        error.addClassName("tezuo-profile-error");
        add(consent, upload, error);
    }

    /** Runs on the upload request without the session lock, so it changes the page through {@link UI#access}. */
    private void receive(AssessmentClips clips, CurrentUser user, long assessmentId, UploadEvent event,
            Runnable stored) throws IOException {
        UI ui = event.getUI();
        try (InputStream content = event.getInputStream()) {
            AssessmentClip clip = clips.upload(user.tenantId(), user.username(), assessmentId, consentGiven,
                    event.getFileName(), event.getContentType(), event.getFileSize() > 0 ? event.getFileSize() : null,
                    content);
            ui.access(() -> {
                Notices.success(getTranslation("profile.clip.stored", clip.originalName()));
                stored.run();
            });
        } catch (LocalizedException e) {
            String message = e.message(ui.getLocale());
            event.reject(message);
            ui.access(() -> error.setText(message));
        }
    }

    private void rejected(FileRejectedEvent event) {
        error.setText(getTranslation("form.upload.rejected", event.getFileName(), event.getErrorMessage()));
    }
}
