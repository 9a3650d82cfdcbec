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
import jakarta.annotation.security.PermitAll;
import java.util.List;
import java.util.Optional;
import org.tezuo.app.security.CurrentUser;
import org.tezuo.app.security.CurrentUserProvider;
import org.tezuo.app.ui.form.FieldProblem;
import org.tezuo.app.ui.form.FormContext;
import org.tezuo.app.ui.form.FormRenderer;
import org.tezuo.app.ui.layout.MainLayout;
import org.tezuo.app.ui.layout.Notices;
import org.tezuo.app.ui.permit.PermitPresentation;
import org.tezuo.core.metadata.MetadataStore;
import org.tezuo.form.defaults.FormDefaults;
import org.tezuo.form.defaults.InitialDataContext;
import org.tezuo.form.definition.FormDefinition;
import org.tezuo.form.definition.FormDefinitionParser;
import org.tezuo.form.validation.FieldError;
import org.tezuo.form.validation.FormValidator;
import org.tezuo.metadata.MetadataDocument;
import org.tezuo.metadata.MetadataKind;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Fills in the newest published version of a form at {@code /forms/<key>/fill}. Submitting validates the data on
 * the server with that exact version and shows every error at its field; valid data is confirmed with the form
 * version it was checked against.
 *
 * <p>Element ids: {@code fill-title}, {@code fill-submit}, {@code fill-success}, {@code fill-not-found}; the
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
    private final PermitPresentation presentation;
    private final JsonMapper json;
    private String title = "";

    public FormFillView(CurrentUserProvider currentUser, MetadataStore store, FormDefinitionParser parser,
            FormValidator validator, FormDefaults defaults, PermitPresentation presentation, JsonMapper json) {
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
        FormContext context = presentation.formContext(user.tenantId(), getLocale());
        title = form.title().text(getLocale());
        H2 heading = new H2(title);
        heading.setId("fill-title");

        FormRenderer renderer = new FormRenderer(form, context);
        renderer.read(defaults.initialData(form, new InitialDataContext(user.username(), context.zone())));
        Div success = new Div();
        success.setId("fill-success");
        success.setVisible(false);
        Button submit = new Button(getTranslation("fill.submit"), VaadinIcon.PAPERPLANE.create(),
                click -> submit(form, renderer, context, success));
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

    private void submit(FormDefinition form, FormRenderer renderer, FormContext context, Div success) {
        ObjectNode data = renderer.write();
        List<FieldError> errors = validator.validate(form, data, getLocale(), context.zone());
        if (!errors.isEmpty()) {
            success.setVisible(false);
            renderer.showProblems(errors.stream().map(error -> new FieldProblem(error.path(), error.message()))
                    .toList());
            Notices.error(getTranslation("fill.invalid", errors.size()));
            return;
        }
        renderer.clearProblems();
        // TODO: store the data as a record of the form's entity once the records service exists. Until then
        // the validated data is only shown.
        success.removeAll();
        success.add(new Paragraph(getTranslation("fill.valid", form.reference())),
                new Pre(json.writerWithDefaultPrettyPrinter().writeValueAsString(data)));
        success.setVisible(true);
        Notices.success(getTranslation("fill.valid", form.reference()));
    }
}
