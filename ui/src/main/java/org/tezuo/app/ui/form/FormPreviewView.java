package org.tezuo.app.ui.form;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Optional;
import org.tezuo.app.security.CurrentUser;
import org.tezuo.app.security.CurrentUserProvider;
import org.tezuo.app.ui.layout.MainLayout;
import org.tezuo.core.metadata.MetadataStore;
import org.tezuo.form.definition.FormDefinition;
import org.tezuo.form.definition.FormDefinitionParser;
import org.tezuo.form.validation.FieldError;
import org.tezuo.form.validation.FormValidator;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import org.tezuo.metadata.MetadataKind;

/**
 * The published version of a form document at {@code /forms/<key>/preview}, rendered as its users will see it,
 * for the people who write form documents. They can load sample data as JSON, fill the form, and check it with
 * the same validation a submission runs; the data written by the form then shows as JSON. Nothing is saved,
 * except that uploads and signatures go to the file store like any upload.
 */
@Route(value = "forms/:" + FormPreviewView.KEY + "/preview", layout = MainLayout.class)
@RolesAllowed({"SYSTEM_ADMIN", "SAFETY_DIRECTOR", "SAFETY_ENGINEER"})
public class FormPreviewView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    static final String KEY = "key";

    private final MetadataStore metadata;
    private final FormDefinitionParser parser;
    private final FormValidator validator;
    private final FormContexts contexts;
    private final CurrentUserProvider currentUser;
    private final JsonMapper json;
    private String title = "";

    FormPreviewView(MetadataStore metadata, FormDefinitionParser parser, FormValidator validator,
            FormContexts contexts, CurrentUserProvider currentUser, JsonMapper json) {
        this.metadata = metadata;
        this.parser = parser;
        this.validator = validator;
        this.contexts = contexts;
        this.currentUser = currentUser;
        this.json = json;
        addClassName("tezuo-form-preview");
        setPadding(false);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        CurrentUser user = currentUser.require();
        String key = event.getRouteParameters().get(KEY).orElse("");
        Optional<FormDefinition> form = metadata.findPublished(user.tenantId(), MetadataKind.FORM, key)
                .map(parser::parse);
        if (form.isEmpty()) {
            title = getTranslation("form.preview.notFound.title");
            Paragraph notFound = new Paragraph(getTranslation("form.preview.notFound", key));
            notFound.setId("preview-not-found");
            add(notFound);
            return;
        }
        show(form.get(), contexts.forUser(user.tenantId(), user.username(), getLocale()));
    }

    @Override
    public String getPageTitle() {
        return title;
    }

    private void show(FormDefinition form, FormContext context) {
        title = getTranslation("form.preview.title", form.title().text(getLocale()), form.version());
        H2 heading = new H2(title);
        heading.setId("preview-title");
        FormRenderer renderer = new FormRenderer(form, context);

        TextArea data = new TextArea(getTranslation("form.preview.data"));
        data.setId("preview-data");
        data.setWidthFull();
        data.setMaxHeight("16em");
        Span result = new Span();
        result.setId("preview-result");
        Button load = new Button(getTranslation("form.preview.load"), event -> load(renderer, data, result));
        load.setId("preview-load");
        Button check = new Button(getTranslation("form.preview.check"),
                event -> check(form, context, renderer, data, result));
        check.setId("preview-check");
        check.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Div actions = new Div(check, load);
        actions.addClassName("tezuo-actions");

        add(heading, renderer, actions, result, data);
    }

    private void load(FormRenderer renderer, TextArea data, Span result) {
        try {
            JsonNode value = json.readTree(data.getValue().isBlank() ? "{}" : data.getValue());
            if (!(value instanceof ObjectNode)) {
                result.setText(getTranslation("form.preview.notObject"));
                return;
            }
            renderer.clearProblems();
            renderer.read(value);
            result.setText(getTranslation("form.preview.loaded"));
        } catch (JacksonException e) {
            result.setText(getTranslation("form.preview.invalidJson", e.getOriginalMessage()));
        }
    }

    private void check(FormDefinition form, FormContext context, FormRenderer renderer, TextArea data,
            Span result) {
        ObjectNode written = renderer.write();
        data.setValue(json.writerWithDefaultPrettyPrinter().writeValueAsString(written));
        List<FieldError> errors = validator.validate(form, written, context.locale(), context.zone());
        renderer.showProblems(errors.stream().map(error -> new FieldProblem(error.path(), error.message())).toList());
        result.setText(errors.isEmpty() ? getTranslation("form.preview.valid")
                : getTranslation("form.problems", errors.size()));
    }
}
