package org.tezuo.app.ui.roster;

import com.vaadin.flow.component.card.Card;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.upload.Upload;
import org.tezuo.app.ui.i18n.ComponentTexts;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.server.streams.UploadHandler;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.tezuo.app.security.CurrentUser;
import org.tezuo.app.security.CurrentUserProvider;
import org.tezuo.app.ui.layout.MainLayout;
import org.tezuo.core.i18n.LocalizedException;
import org.tezuo.core.metadata.MetadataStore;
import org.tezuo.core.qualification.roster.LedgerProfile;
import org.tezuo.core.qualification.roster.RosterErrorReportWriter;
import org.tezuo.core.qualification.roster.RosterImportResult;
import org.tezuo.core.qualification.roster.RosterImporter;
import org.tezuo.core.qualification.roster.RowError;
import org.tezuo.core.qualification.verification.LifecyclePolicyResolver;
import org.tezuo.core.tenant.TenantDirectory;
import org.tezuo.metadata.MetadataKind;

/**
 * Upload of the persons-and-certificates ledger (xlsx or csv, at most 10 MB): the counts of created, updated,
 * unchanged and rejected rows, the rejected rows' errors (行号, 列, 值, 原因) and the error list as xlsx and csv.
 * The columns are read with the profile of the tenant's published person-certificate entity document, and the
 * certificate states with its published certificate-lifecycle ruleset.
 */
@Route(value = "import", layout = MainLayout.class)
@Menu(order = 20, title = "menu.import", icon = "vaadin:upload")
@RolesAllowed({"SYSTEM_ADMIN", "SAFETY_DIRECTOR", "SAFETY_ENGINEER", "HRBP"})
public class RosterImportView extends VerticalLayout implements HasDynamicTitle {

    /** Largest accepted file: 10 MiB (10,485,760 bytes), the importer's default limit. */
    static final int MAX_FILE_BYTES = 10 * 1024 * 1024;

    /** Key of the entity document whose ledger profile names the columns. */
    static final String ENTITY_KEY = "person-certificate";

    private final Div result = new Div();

    public RosterImportView(CurrentUserProvider currentUser, RosterImporter importer, MetadataStore metadata,
            TenantDirectory tenants, RosterErrorReportWriter reports, LifecyclePolicyResolver lifecycles) {
        CurrentUser user = currentUser.require();
        Locale locale = getLocale();

        Paragraph intro = new Paragraph(getTranslation("import.intro"));
        intro.addClassName("tezuo-muted");

        Upload upload = new Upload(UploadHandler.inMemory((file, bytes) -> {
            Runnable show = showImport(() -> importer.importLedger(user.tenantId(), file.fileName(),
                    new ByteArrayInputStream(bytes), LedgerProfile.from(metadata.requirePublished(user.tenantId(),
                            MetadataKind.ENTITY, ENTITY_KEY).body()), lifecycles.policyFor(user.tenantId()),
                    tenants.require(user.tenantId()).zone(), user.username()), reports, locale);
            getUI().ifPresent(ui -> ui.access(show::run));
        }));
        upload.setId("roster-upload");
        upload.setI18n(ComponentTexts.upload(upload));
        upload.setMaxFiles(1);
        upload.setMaxFileSize(MAX_FILE_BYTES);
        upload.setAcceptedFileTypes(".xlsx", ".csv");
        upload.addFileRejectedListener(event -> showMessage(getTranslation("import.fileRejected",
                event.getFileName(), MAX_FILE_BYTES / 1024 / 1024)));

        result.setId("import-result");
        result.setWidthFull();
        add(intro, upload, result);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("menu.import");
    }

    /**
     * Runs the import in the upload request and returns how to show its outcome, which the caller applies inside
     * {@code UI.access}. A file the importer rejects as a whole shows the importer's message.
     */
    private Runnable showImport(Supplier<RosterImportResult> importing, RosterErrorReportWriter reports,
            Locale locale) {
        try {
            RosterImportResult imported = importing.get();
            return () -> showResult(imported, reports, locale);
        } catch (LocalizedException e) {
            String message = e.message(locale);
            return () -> showMessage(message);
        }
    }

    private void showMessage(String message) {
        result.removeAll();
        Paragraph error = new Paragraph(message);
        error.setId("import-error");
        error.addClassName("tezuo-field-error");
        result.add(error);
    }

    private void showResult(RosterImportResult imported, RosterErrorReportWriter reports, Locale locale) {
        result.removeAll();
        Div counts = new Div(count("created", imported.created()), count("updated", imported.updated()),
                count("unchanged", imported.unchanged()), count("rejected", imported.rejected()));
        counts.setId("import-counts");
        counts.addClassName("tezuo-card-grid");
        result.add(new H3(getTranslation("import.result", imported.fileName())), counts);

        List<RowError> errors = imported.errors();
        if (errors.isEmpty()) {
            return;
        }
        result.add(new H3(getTranslation("import.errors", errors.size())), downloads(errors, reports, locale),
                errorGrid(errors, locale));
    }

    private Card count(String kind, long value) {
        Span number = new Span(String.valueOf(value));
        number.addClassName("tezuo-count");
        Card card = new Card();
        card.setTitle(getTranslation("import.count." + kind));
        card.getElement().setAttribute("data-count", kind);
        card.add(number);
        return card;
    }

    private Div downloads(List<RowError> errors, RosterErrorReportWriter reports, Locale locale) {
        Anchor xlsx = new Anchor(DownloadHandler.fromInputStream(event -> {
            byte[] bytes = reports.xlsx(errors, locale);
            return new DownloadResponse(new ByteArrayInputStream(bytes), getTranslation("import.report.name")
                    + ".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", bytes.length);
        }), AttachmentType.DOWNLOAD, getTranslation("import.download.xlsx"));
        xlsx.setId("download-errors-xlsx");
        Anchor csv = new Anchor(DownloadHandler.fromInputStream(event -> {
            byte[] bytes = reports.csv(errors, locale);
            return new DownloadResponse(new ByteArrayInputStream(bytes), getTranslation("import.report.name")
                    + ".csv", "text/csv;charset=UTF-8", bytes.length);
        }), AttachmentType.DOWNLOAD, getTranslation("import.download.csv"));
        csv.setId("download-errors-csv");
        Div links = new Div(xlsx, csv);
        links.addClassName("tezuo-actions");
        return links;
    }

    private Grid<RowError> errorGrid(List<RowError> errors, Locale locale) {
        Grid<RowError> grid = new Grid<>();
        grid.setId("import-errors");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setAllRowsVisible(true);
        grid.addColumn(RowError::rowNumber).setHeader(getTranslation("import.error.row")).setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(RowError::column).setHeader(getTranslation("import.error.column")).setAutoWidth(true);
        grid.addColumn(RowError::value).setHeader(getTranslation("import.error.value")).setAutoWidth(true);
        grid.addColumn(error -> error.reason(locale)).setHeader(getTranslation("import.error.reason"))
                .setFlexGrow(1);
        grid.setItems(errors);
        return grid;
    }
}
