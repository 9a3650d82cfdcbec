package org.tezuo.app.ui.metadata;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.tezuo.app.security.CurrentUser;
import org.tezuo.app.ui.i18n.DisplayFormats;
import org.tezuo.app.ui.layout.Notices;
import org.tezuo.core.i18n.LocalizedException;
import org.tezuo.core.metadata.MetadataStore;
import org.tezuo.core.metadata.MetadataVersions;
import org.tezuo.metadata.DocumentStatus;
import org.tezuo.metadata.MetadataDocument;
import org.tezuo.metadata.MetadataKind;

/**
 * Browser of the published documents of one kind. The selected document shows every version with a rollback
 * button, and the field-level diff between two versions picked from the lists.
 */
final class DocumentVersionsPanel extends VerticalLayout {

    /** Kinds whose name the caption bundle translates; any other kind shows its code. */
    private static final Set<String> NAMED_KINDS = Set.of("entity", "form", "flow", "ruleset", "schedule",
            "connector");

    private final MetadataStore store;
    private final MetadataVersions versions;
    private final Publications publications;
    private final long tenantId;
    private final ZoneId zone;
    private final Locale locale;

    private final Select<MetadataKind> kind = new Select<>();
    private final Grid<MetadataDocument> documents = new Grid<>();
    private final H3 versionsTitle = new H3();
    private final Grid<MetadataDocument> history = new Grid<>();
    private final Select<Integer> from = new Select<>();
    private final Select<Integer> to = new Select<>();
    private final ChangeList changes;
    private @Nullable MetadataDocument selected;

    DocumentVersionsPanel(CurrentUser user, MetadataStore store, MetadataVersions versions,
            Publications publications, ZoneId zone) {
        this.store = store;
        this.versions = versions;
        this.publications = publications;
        this.tenantId = user.tenantId();
        this.zone = zone;
        this.locale = getLocale();
        this.changes = new ChangeList("metadata-diff", locale);
        setPadding(false);

        kind.setId("metadata-kind");
        kind.setLabel(getTranslation("metadataCenter.kind"));
        kind.setItems(MetadataKind.values());
        kind.setItemLabelGenerator(this::kindName);
        kind.addValueChangeListener(event -> showDocuments());

        configureDocuments();
        configureHistory();
        Button compare = new Button(getTranslation("metadataCenter.compare"), event -> showDiff());
        compare.setId("metadata-compare");
        from.setId("metadata-diff-from");
        from.setLabel(getTranslation("metadataCenter.from"));
        to.setId("metadata-diff-to");
        to.setLabel(getTranslation("metadataCenter.to"));
        HorizontalLayout picker = new HorizontalLayout(from, to, compare);
        picker.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);

        versionsTitle.setId("metadata-versions-title");
        add(kind, documents, versionsTitle, history, picker, changes);
        kind.setValue(MetadataKind.FORM);
    }

    String kindName(MetadataKind value) {
        return NAMED_KINDS.contains(value.code()) ? getTranslation("metadataCenter.kind." + value.code())
                : value.code();
    }

    private void configureDocuments() {
        documents.setId("metadata-documents");
        documents.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        documents.setHeight("16em");
        documents.addColumn(MetadataDocument::key).setHeader(getTranslation("metadataCenter.key")).setAutoWidth(true);
        documents.addColumn(MetadataDocument::version).setHeader(getTranslation("metadataCenter.publishedVersion"))
                .setAutoWidth(true).setFlexGrow(0);
        documents.addColumn(MetadataDocument::author).setHeader(getTranslation("metadataCenter.author"))
                .setAutoWidth(true);
        documents.addColumn(document -> DisplayFormats.dateTime(document.savedAt(), zone))
                .setHeader(getTranslation("metadataCenter.savedAt")).setAutoWidth(true);
        documents.setEmptyStateText(getTranslation("metadataCenter.noDocuments"));
        documents.asSingleSelect().addValueChangeListener(event -> {
            selected = event.getValue();
            showVersions();
        });
    }

    private void configureHistory() {
        history.setId("metadata-history");
        history.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        history.setAllRowsVisible(true);
        history.addColumn(MetadataDocument::version).setHeader(getTranslation("metadataCenter.version"))
                .setAutoWidth(true).setFlexGrow(0);
        history.addColumn(document -> getTranslation("metadataCenter.status." + document.status().name()))
                .setHeader(getTranslation("metadataCenter.status")).setAutoWidth(true);
        history.addColumn(MetadataDocument::author).setHeader(getTranslation("metadataCenter.author"))
                .setAutoWidth(true);
        history.addColumn(document -> DisplayFormats.dateTime(document.savedAt(), zone))
                .setHeader(getTranslation("metadataCenter.savedAt")).setAutoWidth(true);
        history.addColumn(document -> document.checksum().substring(0, 12))
                .setHeader(getTranslation("metadataCenter.checksum")).setAutoWidth(true);
        history.addComponentColumn(this::rollbackButton).setHeader(getTranslation("metadataCenter.actions"))
                .setAutoWidth(true);
    }

    private void showDocuments() {
        MetadataKind value = kind.getValue();
        documents.setItems(value == null ? List.of() : store.listPublished(tenantId, value));
        selected = null;
        showVersions();
    }

    private void showVersions() {
        changes.show(List.of());
        if (selected == null) {
            versionsTitle.setText(getTranslation("metadataCenter.pickDocument"));
            history.setItems(List.of());
            from.setItems(List.of());
            to.setItems(List.of());
            return;
        }
        List<MetadataDocument> all = store.history(tenantId, selected.kind(), selected.key());
        versionsTitle.setText(getTranslation("metadataCenter.versionsOf", selected.kind().code() + ":"
                + selected.key()));
        history.setItems(all);
        List<Integer> numbers = all.stream().map(MetadataDocument::version).toList();
        from.setItems(numbers);
        to.setItems(numbers);
        if (numbers.size() > 1) {
            from.setValue(numbers.get(1));
            to.setValue(numbers.getFirst());
            // Shown at once, so the empty list never claims two different versions are the same.
            showDiff();
        }
    }

    private void showDiff() {
        if (selected == null || from.getValue() == null || to.getValue() == null) {
            Notices.error(getTranslation("metadataCenter.pickVersions"));
            return;
        }
        try {
            changes.show(versions.compare(tenantId, selected.kind(), selected.key(), from.getValue(), to.getValue())
                    .changes());
        } catch (LocalizedException e) {
            Notices.error(e.message(locale));
        }
    }

    private Button rollbackButton(MetadataDocument version) {
        Button button = new Button(getTranslation("metadataCenter.rollback"), event -> confirmRollback(version));
        button.setId("rollback-" + version.version());
        button.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        button.setEnabled(version.status() == DocumentStatus.PUBLISHED);
        return button;
    }

    private void confirmRollback(MetadataDocument version) {
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setId("rollback-confirm");
        dialog.setHeader(getTranslation("metadataCenter.rollback.header", version.reference()));
        dialog.setText(getTranslation("metadataCenter.rollback.text", version.version()));
        dialog.setCancelable(true);
        dialog.setCancelText(getTranslation("metadataCenter.cancel"));
        dialog.setConfirmText(getTranslation("metadataCenter.rollback"));
        dialog.setConfirmButtonTheme("error primary");
        dialog.addConfirmListener(event -> rollback(version));
        dialog.open();
    }

    private void rollback(MetadataDocument version) {
        try {
            MetadataDocument published = versions.rollback(tenantId, version.kind(), version.key(), version.version(),
                    publications.user().username());
            publications.published(List.of(published));
            Notices.success(getTranslation("metadataCenter.rollback.done", published.reference(), version.version()));
            showDocuments();
            documents.getListDataView().getItems()
                    .filter(document -> document.key().equals(published.key()))
                    .findFirst()
                    .ifPresent(documents::select);
        } catch (LocalizedException e) {
            Notices.error(e.message(locale));
        }
    }
}
