package org.tezuo.app.ui.pack;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.UploadHandler;
import jakarta.annotation.security.RolesAllowed;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Supplier;
import org.tezuo.app.permit.PermitStatus;
import org.tezuo.app.permit.PermitTypes;
import org.tezuo.app.security.CurrentUser;
import org.tezuo.app.security.CurrentUserProvider;
import org.tezuo.app.ui.i18n.ComponentTexts;
import org.tezuo.app.ui.i18n.TranslationProvider;
import org.tezuo.app.ui.layout.MainLayout;
import org.tezuo.app.ui.layout.Notices;
import org.tezuo.app.ui.permit.PermitSummary;
import org.tezuo.core.i18n.LocalizedException;
import org.tezuo.core.metadata.bundle.DocumentPreview;
import org.tezuo.core.pack.InstalledPack;
import org.tezuo.core.pack.PackProblem;
import org.tezuo.core.pack.PolicyPackApplier;
import org.tezuo.core.pack.PolicyPackManifest;
import org.tezuo.core.pack.PolicyPackPreview;
import org.tezuo.core.pack.PolicyPackReader;
import org.tezuo.core.pack.UnconfirmedValue;
import org.tezuo.packs.PolicyPackCatalog;

/**
 * 政策包: preview a shipped or uploaded policy pack (field-level changes and the permits in flight it affects),
 * apply it after a confirmation, and see and roll back the packs of the tenant.
 */
@Route(value = "policy-packs", layout = MainLayout.class)
@Menu(order = 61, title = "menu.policyPacks", icon = "vaadin:book")
@RolesAllowed({"SYSTEM_ADMIN", "SAFETY_DIRECTOR", "SAFETY_ENGINEER"})
public class PolicyPackView extends VerticalLayout implements HasDynamicTitle {

    private final PolicyPackApplier applier;
    private final PermitTypes permitTypes;
    private final CurrentUser user;
    private final Locale locale;
    private final Div preview = new Div();
    private final Grid<InstalledPack> history = new Grid<>();

    public PolicyPackView(CurrentUserProvider currentUser, PolicyPackApplier applier, PermitTypes permitTypes) {
        this.applier = applier;
        this.permitTypes = permitTypes;
        this.user = currentUser.require();
        this.locale = getLocale();
        preview.setId("pack-preview");
        preview.setWidthFull();

        add(new H3(getTranslation("policyPacks.bundled")), bundled(),
                new H3(getTranslation("policyPacks.upload")), upload(), preview,
                new H3(getTranslation("policyPacks.history")), history());
        refreshHistory();
    }

    private Div bundled() {
        Div buttons = new Div();
        buttons.addClassName("tezuo-actions");
        for (PolicyPackCatalog.BundledPack pack : PolicyPackCatalog.packs()) {
            Button button = new Button(getTranslation("policyPacks.previewBundled", pack.id()),
                    event -> show(() -> applier.previewResource(user.tenantId(), pack.resourcePath(), locale),
                            () -> applier.applyResource(user.tenantId(), pack.resourcePath(), user.username(),
                                    locale)));
            button.setId("pack-bundled-" + pack.id());
            buttons.add(button);
        }
        return buttons;
    }

    private Upload upload() {
        Upload upload = new Upload(UploadHandler.inMemory((file, bytes) -> getUI().ifPresent(ui -> ui.access(() ->
                show(() -> applier.preview(user.tenantId(), bytes, locale),
                        () -> applier.apply(user.tenantId(), bytes, user.username(), locale))))));
        upload.setId("pack-upload");
        upload.setI18n(ComponentTexts.upload(upload));
        upload.setMaxFiles(1);
        upload.setMaxFileSize(PolicyPackReader.MAX_BYTES);
        upload.setAcceptedFileTypes(".json", ".zip");
        return upload;
    }

    private void show(Supplier<PolicyPackPreview> reading, Supplier<InstalledPack> applying) {
        preview.removeAll();
        PolicyPackPreview read;
        try {
            read = reading.get();
        } catch (LocalizedException e) {
            Notices.error(e.message(locale));
            return;
        }
        PolicyPackManifest manifest = read.manifest();
        if (manifest != null) {
            preview.add(new H3(getTranslation("policyPacks.preview.title", manifest.nameZh(), manifest.version(),
                    manifest.regulation(), manifest.effectiveFrom(),
                    manifest.effectiveTo() == null ? "—" : manifest.effectiveTo())));
        }
        for (PackProblem problem : read.allProblems()) {
            Paragraph line = new Paragraph(problem.where() + "：" + problem.message());
            line.addClassName("tezuo-field-error");
            preview.add(line);
        }
        preview.add(unconfirmed(read), documents(read), affectedPermits(read));

        Button apply = new Button(getTranslation(read.scheduled() ? "policyPacks.schedule" : "policyPacks.apply"),
                event -> confirm(read, applying));
        apply.setId("pack-apply");
        apply.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        apply.setEnabled(read.applicable());
        preview.add(apply);
    }

    private Grid<DocumentPreview> documents(PolicyPackPreview read) {
        Grid<DocumentPreview> grid = new Grid<>();
        grid.setId("pack-documents");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setAllRowsVisible(true);
        grid.addColumn(doc -> documentName(doc.kind(), doc.key())).setHeader(getTranslation("policyPacks.document"))
                .setAutoWidth(true);
        grid.addColumn(doc -> getTranslation("metadataCenter.import." + doc.status().name()))
                .setHeader(getTranslation("policyPacks.status")).setAutoWidth(true);
        grid.addColumn(doc -> doc.targetVersion() == null ? "" : String.valueOf(doc.targetVersion()))
                .setHeader(getTranslation("policyPacks.currentVersion")).setAutoWidth(true);
        grid.addColumn(doc -> doc.changes().size()).setHeader(getTranslation("policyPacks.changes"))
                .setAutoWidth(true);
        grid.setItemDetailsRenderer(new ComponentRenderer<>(doc -> {
            Div changes = new Div();
            doc.changes().forEach(change -> changes.add(new Paragraph(change.description(locale))));
            return changes;
        }));
        grid.setItems(read.documents());
        return grid;
    }

    /**
     * Lists the values the publisher has not confirmed, so that a user sees them before applying. The count is
     * always shown and the list on request.
     */
    private Div unconfirmed(PolicyPackPreview read) {
        Div values = new Div();
        values.setId("pack-unconfirmed");
        if (read.unconfirmed().isEmpty()) {
            values.add(new Paragraph(getTranslation("policyPacks.unconfirmed.none")));
            return values;
        }
        Div list = new Div();
        for (UnconfirmedValue value : read.unconfirmed()) {
            list.add(new Paragraph(value.where() + (value.source() == null ? "" : "：" + value.source())
                    + (value.note() == null ? "" : " — " + value.note())));
        }
        list.setVisible(false);
        Span summary = new Span(getTranslation("policyPacks.unconfirmed", read.unconfirmed().size()));
        summary.addClassName("tezuo-field-error");
        Button toggle = new Button(getTranslation("policyPacks.unconfirmed.show"), event -> {
            list.setVisible(!list.isVisible());
            event.getSource().setText(getTranslation(list.isVisible() ? "policyPacks.unconfirmed.hide"
                    : "policyPacks.unconfirmed.show"));
        });
        toggle.setId("pack-unconfirmed-toggle");
        toggle.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        values.add(summary, toggle, list);
        return values;
    }

    private Div affectedPermits(PolicyPackPreview read) {
        Div permits = new Div();
        permits.setId("pack-affected-permits");
        permits.add(new H3(getTranslation("policyPacks.affected", read.affectedPermitCount())));
        if (!read.affectedPermits().isEmpty()) {
            Grid<PolicyPackPreview.AffectedPermit> grid = new Grid<>();
            grid.setAllRowsVisible(true);
            grid.addColumn(permit -> permit.permitNumber() == null ? "#" + permit.permitId() : permit.permitNumber())
                    .setHeader(getTranslation("policyPacks.permit"));
            grid.addColumn(permit -> permitTypeName(permit.permitType()))
                    .setHeader(getTranslation("policyPacks.permitType"));
            grid.addColumn(permit -> permitStatus(permit.status())).setHeader(getTranslation("policyPacks.status"));
            grid.addColumn(PolicyPackPreview.AffectedPermit::documentReference)
                    .setHeader(getTranslation("policyPacks.document"));
            grid.setItems(read.affectedPermits());
            permits.add(grid, new Paragraph(getTranslation("policyPacks.affectedNote")));
        }
        return permits;
    }

    /** Returns the kind of a pack document in words, then its key, such as 规则集变更：ventilation-monitoring. */
    private String documentName(String kind, String key) {
        String label = kind;
        if (TranslationProvider.defines("policyPacks.kind." + kind)) {
            label = getTranslation("policyPacks.kind." + kind);
        } else if (TranslationProvider.defines("metadataCenter.kind." + kind)) {
            label = getTranslation("metadataCenter.kind." + kind);
        }
        return getTranslation("policyPacks.documentName", label, key);
    }

    /** Returns the name of a permit type of the tenant's template, or the code of a type the template lacks. */
    private String permitTypeName(String type) {
        return permitTypes.list(user.tenantId()).stream()
                .filter(candidate -> candidate.type().equals(type))
                .findFirst()
                .map(candidate -> PermitSummary.typeName(candidate, locale))
                .orElse(type);
    }

    /** Returns a permit status in words, or the stored text of a status this version does not know. */
    private String permitStatus(String status) {
        return Arrays.stream(PermitStatus.values())
                .filter(candidate -> candidate.name().equals(status))
                .findFirst()
                .map(candidate -> PermitSummary.status(candidate, locale))
                .orElse(status);
    }

    private void confirm(PolicyPackPreview read, Supplier<InstalledPack> applying) {
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setId("pack-apply-confirm");
        dialog.setHeader(getTranslation("policyPacks.confirm.header"));
        dialog.setText(getTranslation("policyPacks.confirm.text", read.documents().size(),
                read.affectedPermitCount()));
        dialog.setCancelable(true);
        dialog.setCancelText(getTranslation("metadataCenter.cancel"));
        dialog.setConfirmText(getTranslation("policyPacks.apply"));
        dialog.addConfirmListener(event -> {
            try {
                InstalledPack installed = applying.get();
                Notices.success(getTranslation("policyPacks.applied", installed.reference(),
                        getTranslation("policyPacks.state." + installed.status().name())));
                preview.removeAll();
                refreshHistory();
            } catch (LocalizedException e) {
                Notices.error(e.message(locale));
            }
        });
        dialog.open();
    }

    private Grid<InstalledPack> history() {
        history.setId("pack-history");
        history.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        history.setAllRowsVisible(true);
        history.addColumn(InstalledPack::reference).setHeader(getTranslation("policyPacks.pack")).setAutoWidth(true);
        history.addColumn(InstalledPack::regulation).setHeader(getTranslation("policyPacks.regulation"));
        history.addColumn(pack -> pack.effectiveFrom() + " — "
                + (pack.effectiveTo() == null ? "" : pack.effectiveTo()))
                .setHeader(getTranslation("policyPacks.period"));
        history.addColumn(pack -> getTranslation("policyPacks.state." + pack.status().name()))
                .setHeader(getTranslation("policyPacks.status"));
        history.addColumn(pack -> pack.appliedBy() + " " + pack.appliedAt())
                .setHeader(getTranslation("policyPacks.appliedBy"));
        history.addComponentColumn(pack -> {
            Button rollback = new Button(getTranslation("policyPacks.rollback"), event -> rollback(pack));
            rollback.setId("pack-rollback-" + pack.id());
            rollback.setEnabled(pack.status() == InstalledPack.Status.ACTIVE
                    || pack.status() == InstalledPack.Status.SCHEDULED);
            return rollback;
        });
        return history;
    }

    private void rollback(InstalledPack pack) {
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setHeader(getTranslation("policyPacks.rollback.header", pack.reference()));
        dialog.setText(getTranslation("policyPacks.rollback.text"));
        dialog.setCancelable(true);
        dialog.setCancelText(getTranslation("metadataCenter.cancel"));
        dialog.setConfirmText(getTranslation("policyPacks.rollback"));
        dialog.addConfirmListener(event -> {
            try {
                applier.rollback(user.tenantId(), pack.id(), user.username());
                Notices.success(getTranslation("policyPacks.rolledBack", pack.reference()));
                refreshHistory();
            } catch (LocalizedException e) {
                Notices.error(e.message(locale));
            }
        });
        dialog.open();
    }

    private void refreshHistory() {
        history.setItems(applier.installed(user.tenantId()));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("menu.policyPacks");
    }
}
