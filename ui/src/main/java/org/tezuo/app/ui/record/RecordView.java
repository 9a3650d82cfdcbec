package org.tezuo.app.ui.record;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.PermitAll;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;
import org.tezuo.app.security.CurrentUser;
import org.tezuo.app.security.CurrentUserProvider;
import org.tezuo.app.security.Role;
import org.tezuo.app.ui.form.FieldProblem;
import org.tezuo.app.ui.form.FormContexts;
import org.tezuo.app.ui.form.FormRenderer;
import org.tezuo.app.ui.i18n.DisplayFormats;
import org.tezuo.app.ui.layout.MainLayout;
import org.tezuo.app.ui.layout.Notices;
import org.tezuo.core.i18n.LocalizedException;
import org.tezuo.core.metadata.MetadataStore;
import org.tezuo.core.record.EntityNotFoundException;
import org.tezuo.core.record.RecordNotFoundException;
import org.tezuo.core.record.StaleRecordException;
import org.tezuo.core.record.StoredRecord;
import org.tezuo.core.tenant.TenantDirectory;
import org.tezuo.form.definition.FormDefinition;
import org.tezuo.form.definition.FormDefinitionParser;
import org.tezuo.form.record.RecordService;
import org.tezuo.form.record.RecordValidationException;
import org.tezuo.metadata.MetadataKind;

/**
 * One record at {@code /records/<entity>/<id>}, shown read-only with the form version it was created under, or
 * with the form generated from the entity when it was written without a form. Writers (system administrators,
 * safety directors, safety engineers, as for the records API) can edit it in that same form version, which saves
 * with the row version read, and can soft-delete it after confirming.
 *
 * <p>Element ids: {@code record-title}, {@code record-form}, {@code record-meta}, {@code record-edit},
 * {@code record-save}, {@code record-cancel}, {@code record-delete}, {@code record-delete-confirm},
 * {@code record-back}, {@code record-not-found}; the inputs follow the renderer's {@code field-<path>} ids.
 */
@Route(value = "records/:" + RecordView.ENTITY + "/:" + RecordView.ID, layout = MainLayout.class)
@PermitAll
public class RecordView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    /** Route parameter holding the entity name. */
    public static final String ENTITY = "entity";
    /** Route parameter holding the record id. */
    public static final String ID = "id";

    private static final Set<Role> WRITERS = Set.of(Role.SYSTEM_ADMIN, Role.SAFETY_DIRECTOR, Role.SAFETY_ENGINEER);

    private final CurrentUserProvider currentUser;
    private final RecordService records;
    private final MetadataStore metadata;
    private final FormDefinitionParser parser;
    private final FormContexts contexts;
    private final TenantDirectory tenants;
    private String title = "";

    public RecordView(CurrentUserProvider currentUser, RecordService records, MetadataStore metadata,
            FormDefinitionParser parser, FormContexts contexts, TenantDirectory tenants) {
        this.currentUser = currentUser;
        this.records = records;
        this.metadata = metadata;
        this.parser = parser;
        this.contexts = contexts;
        this.tenants = tenants;
    }

    /** Returns the route parameters that open record {@code id} of {@code entity}. */
    public static RouteParameters parameters(String entity, long id) {
        return new RouteParameters(Map.of(ENTITY, entity, ID, String.valueOf(id)));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String entity = event.getRouteParameters().get(ENTITY).orElse("");
        long id;
        try {
            id = Long.parseLong(event.getRouteParameters().get(ID).orElse(""));
        } catch (NumberFormatException e) {
            showNotFound(entity, getTranslation("records.record.badId", event.getRouteParameters().get(ID)
                    .orElse("")));
            return;
        }
        show(entity, id);
    }

    @Override
    public String getPageTitle() {
        return title;
    }

    private void show(String entity, long id) {
        removeAll();
        CurrentUser user = currentUser.require();
        StoredRecord stored;
        try {
            stored = records.read(user.tenantId(), entity, id);
        } catch (RecordNotFoundException | EntityNotFoundException e) {
            showNotFound(entity, e.message(getLocale()));
            return;
        }
        FormDefinition form = formOf(user.tenantId(), entity, stored);
        title = getTranslation("records.record.title", form.title().text(getLocale()), String.valueOf(id));
        H2 heading = new H2(title);
        heading.setId("record-title");

        FormRenderer renderer = new FormRenderer(form, contexts.forUser(user.tenantId(), user.username(),
                getLocale()));
        renderer.setId("record-form");
        renderer.read(stored.data());
        renderer.setReadOnly(true);

        Div actions = new Div(backLink(entity));
        actions.addClassName("tezuo-actions");
        if (WRITERS.stream().anyMatch(user::hasRole)) {
            actions.add(writerButtons(entity, stored, renderer));
        }
        add(heading, meta(user.tenantId(), stored, form), renderer, actions);
    }

    /**
     * Returns the form version pinned on the record, or the form generated from the entity when the record has
     * none or its form version no longer exists.
     */
    private FormDefinition formOf(long tenantId, String entity, StoredRecord stored) {
        String formKey = stored.formKey();
        Integer formVersion = stored.formVersion();
        if (formKey != null && formVersion != null) {
            return metadata.find(tenantId, MetadataKind.FORM, formKey, formVersion).map(parser::parse)
                    .orElseGet(() -> records.entityForm(tenantId, entity));
        }
        return records.entityForm(tenantId, entity);
    }

    private Paragraph meta(long tenantId, StoredRecord stored, FormDefinition form) {
        String formText = stored.formKey() == null ? getTranslation("records.record.entityForm")
                : getTranslation("records.record.form", form.reference());
        ZoneId zone = tenants.require(tenantId).zone();
        Paragraph meta = new Paragraph(getTranslation("records.record.meta", formText, stored.createdBy(),
                DisplayFormats.dateTime(stored.createdAt(), zone), stored.updatedBy(),
                DisplayFormats.dateTime(stored.updatedAt(), zone), stored.rowVersion()));
        meta.setId("record-meta");
        return meta;
    }

    private RouterLink backLink(String entity) {
        RouterLink back = new RouterLink(getTranslation("records.record.back"), RecordListView.class,
                new RouteParameters(RecordListView.ENTITY, entity));
        back.setId("record-back");
        return back;
    }

    private Div writerButtons(String entity, StoredRecord stored, FormRenderer renderer) {
        Button edit = new Button(getTranslation("records.record.edit"), VaadinIcon.EDIT.create());
        edit.setId("record-edit");
        Button save = new Button(getTranslation("records.record.save"), VaadinIcon.CHECK.create());
        save.setId("record-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setVisible(false);
        Button cancel = new Button(getTranslation("records.record.cancel"));
        cancel.setId("record-cancel");
        cancel.setVisible(false);
        Button delete = new Button(getTranslation("records.record.delete"), VaadinIcon.TRASH.create());
        delete.setId("record-delete");
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR);

        edit.addClickListener(click -> {
            renderer.setReadOnly(false);
            edit.setVisible(false);
            delete.setVisible(false);
            save.setVisible(true);
            cancel.setVisible(true);
        });
        cancel.addClickListener(click -> show(entity, stored.id()));
        save.addClickListener(click -> save(entity, stored, renderer));
        delete.addClickListener(click -> confirmDelete(entity, stored));
        return new Div(edit, save, cancel, delete);
    }

    private void save(String entity, StoredRecord stored, FormRenderer renderer) {
        CurrentUser user = currentUser.require();
        try {
            StoredRecord updated = records.update(user.tenantId(), entity, stored.id(), stored.rowVersion(),
                    renderer.write(), user.username(), getLocale());
            show(entity, updated.id());
            Notices.success(getTranslation("records.record.saved", String.valueOf(updated.id()),
                    updated.rowVersion()));
        } catch (RecordValidationException e) {
            renderer.showProblems(e.errors().stream()
                    .map(error -> new FieldProblem(error.path(), error.message())).toList());
            Notices.error(getTranslation("records.record.invalid", e.errors().size()));
        } catch (StaleRecordException e) {
            Notices.error(getTranslation("records.record.stale", String.valueOf(stored.id())));
        } catch (LocalizedException e) {
            Notices.error(e.message(getLocale()));
        }
    }

    private void confirmDelete(String entity, StoredRecord stored) {
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setId("record-delete-confirm");
        dialog.setHeader(getTranslation("records.record.delete.header"));
        dialog.setText(getTranslation("records.record.delete.text", String.valueOf(stored.id())));
        dialog.setCancelable(true);
        dialog.setCancelText(getTranslation("records.record.cancel"));
        dialog.setConfirmText(getTranslation("records.record.delete"));
        dialog.setConfirmButtonTheme("error primary");
        dialog.addConfirmListener(event -> delete(entity, stored));
        dialog.open();
    }

    private void delete(String entity, StoredRecord stored) {
        CurrentUser user = currentUser.require();
        try {
            records.delete(user.tenantId(), entity, stored.id(), stored.rowVersion(), user.username());
            Notices.success(getTranslation("records.record.deleted", String.valueOf(stored.id())));
            getUI().ifPresent(ui -> ui.navigate(RecordListView.class,
                    new RouteParameters(RecordListView.ENTITY, entity)));
        } catch (StaleRecordException e) {
            Notices.error(getTranslation("records.record.stale", String.valueOf(stored.id())));
        } catch (LocalizedException e) {
            Notices.error(e.message(getLocale()));
        }
    }

    private void showNotFound(String entity, String message) {
        removeAll();
        title = getTranslation("records.title");
        Paragraph notFound = new Paragraph(message);
        notFound.setId("record-not-found");
        add(notFound, backLink(entity));
    }
}
