package org.tezuo.app.ui.metadata;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.server.streams.UploadHandler;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Locale;
import org.tezuo.app.security.CurrentUser;
import org.tezuo.app.ui.i18n.ComponentTexts;
import org.tezuo.app.ui.layout.Notices;
import org.tezuo.core.i18n.LocalizedException;
import org.tezuo.core.metadata.bundle.BundleExporter;
import org.tezuo.core.metadata.bundle.BundleFormat;
import org.tezuo.core.metadata.bundle.BundleImporter;
import org.tezuo.core.metadata.bundle.BundlePreview;
import org.tezuo.core.metadata.bundle.BundleProblem;
import org.tezuo.core.metadata.bundle.BundleWriter;
import org.tezuo.core.metadata.bundle.DocumentPreview;
import org.tezuo.core.metadata.bundle.ImportStatus;
import org.tezuo.core.metadata.bundle.MetadataBundle;

/**
 * Export of the tenant's published documents as a JSON or zip bundle, and import: upload a bundle, read the
 * preview of every document, then apply it in one transaction after a confirmation.
 */
final class BundlePanel extends VerticalLayout {

    private final BundleExporter exporter;
    private final BundleImporter importer;
    private final BundleWriter writer;
    private final Publications publications;
    private final long tenantId;
    private final Locale locale;
    private final TextField selection = new TextField();
    private final Div preview = new Div();
    private byte[] uploaded = new byte[0];

    BundlePanel(CurrentUser user, BundleExporter exporter, BundleImporter importer,
            BundleWriter writer, Publications publications) {
        this.exporter = exporter;
        this.importer = importer;
        this.writer = writer;
        this.publications = publications;
        this.tenantId = user.tenantId();
        this.locale = getLocale();
        setPadding(false);

        selection.setId("bundle-selection");
        selection.setLabel(getTranslation("metadataCenter.export.selection"));
        selection.setHelperText(getTranslation("metadataCenter.export.selectionHelp"));
        selection.setWidthFull();
        Div downloads = new Div(download(BundleFormat.JSON, "bundle-export-json"),
                download(BundleFormat.ZIP, "bundle-export-zip"));
        downloads.addClassName("tezuo-actions");

        preview.setId("bundle-preview");
        preview.setWidthFull();
        add(new H3(getTranslation("metadataCenter.export")), selection, downloads,
                new H3(getTranslation("metadataCenter.import")), intro(), upload(), preview);
    }

    private Anchor download(BundleFormat format, String id) {
        Anchor anchor = new Anchor(DownloadHandler.fromInputStream(event -> {
            try {
                MetadataBundle bundle = exporter.export(tenantId, selection.getValue());
                byte[] bytes = writer.write(bundle, format);
                return new DownloadResponse(new ByteArrayInputStream(bytes), bundle.fileName(format),
                        format.contentType(), bytes.length);
            } catch (LocalizedException e) {
                String message = e.message(locale);
                event.getUI().access(() -> Notices.error(message));
                return DownloadResponse.error(422, message);
            }
        }), AttachmentType.DOWNLOAD, getTranslation("metadataCenter.export." + format.name().toLowerCase(Locale.ROOT)));
        anchor.setId(id);
        return anchor;
    }

    private Paragraph intro() {
        Paragraph intro = new Paragraph(getTranslation("metadataCenter.import.intro",
                importer.limits().maxBytes() / 1024 / 1024, importer.limits().maxDocuments()));
        intro.addClassName("tezuo-muted");
        return intro;
    }

    private Upload upload() {
        Upload upload = new Upload(UploadHandler.inMemory((file, bytes) -> {
            Runnable show = showing(bytes);
            getUI().ifPresent(ui -> ui.access(show::run));
        }));
        upload.setId("bundle-upload");
        upload.setI18n(ComponentTexts.upload(upload));
        upload.setMaxFiles(1);
        upload.setMaxFileSize(importer.limits().maxBytes());
        upload.setAcceptedFileTypes(".json", ".zip");
        upload.addFileRejectedListener(event -> Notices.error(getTranslation("metadataCenter.import.fileRejected",
                event.getFileName(), importer.limits().maxBytes() / 1024 / 1024)));
        return upload;
    }

    /**
     * Runs the preview in the upload request and returns how to show it, which the caller runs in UI.access. The
     * bytes are kept for applying only once their preview is shown.
     */
    private Runnable showing(byte[] bytes) {
        try {
            BundlePreview read = importer.preview(tenantId, bytes, locale);
            return () -> {
                uploaded = bytes;
                showPreview(read);
            };
        } catch (LocalizedException e) {
            String message = e.message(locale);
            return () -> {
                preview.removeAll();
                Notices.error(message);
            };
        }
    }

    private void showPreview(BundlePreview read) {
        preview.removeAll();
        preview.add(new H3(getTranslation("metadataCenter.preview.title", String.valueOf(read.sourceTenant()),
                read.count(ImportStatus.NEW), read.count(ImportStatus.CHANGED), read.count(ImportStatus.UNCHANGED),
                read.count(ImportStatus.INVALID))));
        if (!read.problems().isEmpty()) {
            preview.add(problems("bundle-problems", read.problems()));
        }
        preview.add(documents(read.documents()));

        Button apply = new Button(getTranslation("metadataCenter.apply"), event -> confirmApply(read));
        apply.setId("bundle-apply");
        apply.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        apply.setEnabled(read.applicable() && read.count(ImportStatus.UNCHANGED) < read.documents().size());
        preview.add(apply);
        if (!read.applicable()) {
            Paragraph blocked = new Paragraph(getTranslation("metadataCenter.apply.blocked"));
            blocked.addClassName("tezuo-field-error");
            preview.add(blocked);
        }
    }

    private Grid<DocumentPreview> documents(List<DocumentPreview> documents) {
        Grid<DocumentPreview> grid = new Grid<>();
        grid.setId("bundle-documents");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setAllRowsVisible(true);
        grid.addColumn(DocumentPreview::kind).setHeader(getTranslation("metadataCenter.kind")).setAutoWidth(true);
        grid.addColumn(DocumentPreview::key).setHeader(getTranslation("metadataCenter.key")).setAutoWidth(true);
        grid.addColumn(DocumentPreview::bundleVersion).setHeader(getTranslation("metadataCenter.bundleVersion"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(doc -> doc.targetVersion() == null ? "" : String.valueOf(doc.targetVersion()))
                .setHeader(getTranslation("metadataCenter.targetVersion")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(doc -> getTranslation("metadataCenter.import." + doc.status().name()))
                .setHeader(getTranslation("metadataCenter.status")).setAutoWidth(true);
        grid.addColumn(doc -> getTranslation("metadataCenter.preview.details", doc.changes().size(),
                doc.problems().size())).setHeader(getTranslation("metadataCenter.preview.detailsHeader"))
                .setFlexGrow(1);
        grid.setItemDetailsRenderer(new ComponentRenderer<>(this::details));
        grid.setItems(documents);
        return grid;
    }

    private Div details(DocumentPreview document) {
        Div details = new Div();
        if (!document.problems().isEmpty()) {
            details.add(problems("bundle-document-problems", document.problems()));
        }
        if (!document.changes().isEmpty()) {
            ChangeList changes = new ChangeList("bundle-document-changes", locale);
            changes.show(document.changes());
            details.add(changes);
        }
        return details;
    }

    private Div problems(String id, List<BundleProblem> problems) {
        Div list = new Div();
        list.setId(id);
        for (BundleProblem problem : problems) {
            Paragraph line = new Paragraph();
            Span path = new Span(problem.path().isEmpty() ? "" : problem.path() + " ");
            path.addClassName("tezuo-muted");
            line.add(path, new Span(problem.message()));
            line.addClassName("tezuo-field-error");
            list.add(line);
        }
        return list;
    }

    private void confirmApply(BundlePreview read) {
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setId("bundle-apply-confirm");
        dialog.setHeader(getTranslation("metadataCenter.apply.header"));
        dialog.setText(getTranslation("metadataCenter.apply.text", read.count(ImportStatus.NEW),
                read.count(ImportStatus.CHANGED)));
        dialog.setCancelable(true);
        dialog.setCancelText(getTranslation("metadataCenter.cancel"));
        dialog.setConfirmText(getTranslation("metadataCenter.apply"));
        dialog.addConfirmListener(event -> apply());
        dialog.open();
    }

    private void apply() {
        try {
            BundleImporter.ApplyResult result = importer.apply(tenantId, uploaded, publications.user().username(),
                    locale);
            publications.published(result.published());
            Notices.success(getTranslation("metadataCenter.apply.done", result.published().size(),
                    result.unchanged()));
            showPreview(importer.preview(tenantId, uploaded, locale));
        } catch (LocalizedException e) {
            Notices.error(e.message(locale));
        }
    }
}
