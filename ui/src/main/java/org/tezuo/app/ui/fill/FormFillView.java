package org.tezuo.app.ui.fill;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.tezuo.app.security.CurrentUser;
import org.tezuo.app.security.CurrentUserProvider;
import org.tezuo.app.ui.form.FieldProblem;
import org.tezuo.app.ui.form.FormContext;
import org.tezuo.app.ui.form.FormRenderer;
import org.tezuo.app.ui.layout.MainLayout;
import org.tezuo.app.ui.layout.Notices;
import org.tezuo.app.ui.permit.PermitPresentation;
import org.tezuo.app.ui.record.RecordView;
import org.tezuo.core.i18n.LocalizedException;
import org.tezuo.core.metadata.MetadataStore;
import org.tezuo.core.record.StoredRecord;
import org.tezuo.form.defaults.FormDefaults;
import org.tezuo.form.defaults.InitialDataContext;
import org.tezuo.form.definition.FormDefinition;
import org.tezuo.form.definition.FormDefinitionParser;
import org.tezuo.form.record.RecordService;
import org.tezuo.form.record.RecordValidationException;
import org.tezuo.form.validation.FieldError;
import org.tezuo.form.validation.FormValidator;
import org.tezuo.metadata.MetadataDocument;
import org.tezuo.metadata.MetadataKind;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Fills in the newest published version of a form at {@code /forms/<key>/fill}. Submitting validates the data on
 * the server with that exact version and shows every error at its field. When the form names an entity
 * ({@code "entity"} in its body), valid data is stored as a record of that entity pinned to the form version.
 * Otherwise it is only confirmed as valid.
 *
 * <p>Element ids: {@code fill-title}, {@code fill-submit}, {@code fill-success} (with {@code data-record-id} once
 * stored), {@code fill-open-record} (the link to the stored record), {@code fill-not-found}; the
 * inputs follow the renderer's {@code field-<path>} ids.
 */
@Route(value = "forms/:" + FormFillView.KEY + "/fill", layout = MainLayout.class)
@PermitAll
public class FormFillView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    /** Route parameter holding the form key. */
    public static final String KEY = "key";

    private final CurrentUserProvider currentUser;
    private final MetadataStore store;
    private final FormDefinitionParser parser;
    private final FormValidator validator;
    private final FormDefaults defaults;
    private final RecordService records;
    private final PermitPresentation presentation;
    private final JsonMapper json;
    private String title = "";

    public FormFillView(CurrentUserProvider currentUser, MetadataStore store, FormDefinitionParser parser,
            FormValidator validator, FormDefaults defaults, RecordService records, PermitPresentation presentation,
            JsonMapper json) {
        this.records = records;
        this.currentUser = currentUser;
        this.store = store;
        this.parser = parser;
        this.validator = validator;
        this.defaults = defaults;
        this.presentation = presentation;
        this.json = json;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        CurrentUser user = currentUser.require();
        String key = event.getRouteParameters().get(KEY).orElse("");
        Optional<MetadataDocument> document = store.findPublished(user.tenantId(), MetadataKind.FORM, key);
        if (document.isEmpty()) {
            title = getTranslation("fill.notFound.title");
            Paragraph notFound = new Paragraph(getTranslation("fill.notFound", key));
            notFound.setId("fill-not-found");
            add(notFound);
            return;
        }
        FormDefinition form = parser.parse(document.get());
        FormContext context = presentation.formContext(user.tenantId(), user.username(), getLocale());
        title = form.title().text(getLocale());
        H2 heading = new H2(title);
        heading.setId("fill-title");

        FormRenderer renderer = new FormRenderer(form, context);
        renderer.read(defaults.initialData(form, new InitialDataContext(user.username(), context.zone())));
        Div success = new Div();
        success.setId("fill-success");
        success.setVisible(false);
        Button submit = new Button(getTranslation("fill.submit"), VaadinIcon.PAPERPLANE.create(),
                click -> submit(form, document.get().body().path("entity").stringValue(null), renderer, context,
                        success));
        submit.setId("fill-submit");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Div actions = new Div(submit);
        actions.addClassName("tezuo-actions");
        add(heading, success, renderer, actions);
    }

    @Override
    public String getPageTitle() {
        return title;
    }

    /**
     * Validates the data and, when the form names an entity, stores it as a record of that entity pinned to this
     * form version. The record service validates with the form and the entity itself.
     */
    private void submit(FormDefinition form, @Nullable String entity, FormRenderer renderer, FormContext context,
            Div success) {
        CurrentUser user = currentUser.require();
        ObjectNode data = renderer.write();
        String outcome;
        @Nullable RouterLink recordLink = null;
        if (entity == null) {
            List<FieldError> errors = validator.validate(form, data, getLocale(), context.zone());
            if (!errors.isEmpty()) {
                showErrors(renderer, success, errors);
                return;
            }
            outcome = getTranslation("fill.valid", form.reference());
        } else {
            try {
                StoredRecord stored = records.create(user.tenantId(), entity, data, form.key(), user.username(),
                        getLocale());
                success.getElement().setAttribute("data-record-id", String.valueOf(stored.id()));
                outcome = getTranslation("fill.stored", entity, String.valueOf(stored.id()), form.reference());
                recordLink = new RouterLink(getTranslation("fill.openRecord"), RecordView.class,
                        RecordView.parameters(entity, stored.id()));
                recordLink.setId("fill-open-record");
            } catch (RecordValidationException e) {
                showErrors(renderer, success, e.errors());
                return;
            } catch (LocalizedException e) {
                success.setVisible(false);
                Notices.error(e.message(getLocale()));
                return;
            }
        }
        renderer.clearProblems();
        success.removeAll();
        success.add(new Paragraph(outcome));
        if (recordLink != null) {
            success.add(recordLink);
        }
        success.add(new Pre(json.writerWithDefaultPrettyPrinter().writeValueAsString(data)));
        success.setVisible(true);
        Notices.success(outcome);
    }

    private void showErrors(FormRenderer renderer, Div success, List<FieldError> errors) {
        success.setVisible(false);
        renderer.showProblems(errors.stream().map(error -> new FieldProblem(error.path(), error.message())).toList());
        Notices.error(getTranslation("fill.invalid", errors.size()));
    }
}
