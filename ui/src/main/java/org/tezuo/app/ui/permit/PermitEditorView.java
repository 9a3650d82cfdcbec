package org.tezuo.app.ui.permit;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.PermitAll;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.tezuo.app.permit.Actor;
import org.tezuo.app.permit.Permit;
import org.tezuo.app.permit.PermitDrafter;
import org.tezuo.app.permit.PermitRefusedException;
import org.tezuo.app.permit.PermitStatus;
import org.tezuo.app.permit.PermitStore;
import org.tezuo.app.permit.PermitSubmitter;
import org.tezuo.app.permit.PermitTypes;
import org.tezuo.app.security.CurrentUser;
import org.tezuo.app.security.CurrentUserProvider;
import org.tezuo.app.ui.form.FieldProblem;
import org.tezuo.app.ui.form.FormRenderer;
import org.tezuo.app.ui.layout.MainLayout;
import org.tezuo.app.ui.layout.Notices;
import org.tezuo.core.i18n.LocalizedException;
import org.tezuo.form.definition.FormDefinition;
import org.tezuo.templates.IndustryTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The permit editor: a new permit of a type at {@code /permits/new/<type>}, or the applicant's own draft or
 * returned permit at {@code /permits/<id>}. The form is rendered from the permit type's form document (for an
 * existing permit, the version it was created under). Saving keeps a draft; submitting saves and then runs the
 * server's checks, and a refusal lists its stage (表单, 资质 or 风险) and every reason. Any other permit opens
 * on its detail page instead.
 */
@Route(value = "permits/new/:" + PermitEditorView.TYPE, layout = MainLayout.class)
@RouteAlias(value = "permits/:" + PermitDetailView.PERMIT_ID + "(\\d+)", layout = MainLayout.class)
@PermitAll
public class PermitEditorView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    /** Route parameter holding the permit type code. */
    public static final String TYPE = "type";

    private final CurrentUserProvider currentUser;
    private final PermitStore permits;
    private final PermitTypes permitTypes;
    private final PermitDrafter drafter;
    private final PermitSubmitter submitter;
    private final PermitPresentation presentation;
    private final Div refusal = new Div();
    private String title = "";
    private String type = "";
    private @Nullable Long permitId;
    private @Nullable FormRenderer renderer;

    public PermitEditorView(CurrentUserProvider currentUser, PermitStore permits, PermitTypes permitTypes,
            PermitDrafter drafter, PermitSubmitter submitter, PermitPresentation presentation) {
        this.currentUser = currentUser;
        this.permits = permits;
        this.permitTypes = permitTypes;
        this.drafter = drafter;
        this.submitter = submitter;
        this.presentation = presentation;
        addClassName("tezuo-permit-editor");
        refusal.setId("submit-refusal");
        refusal.addClassName("tezuo-refusal");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        renderer = null;
        permitId = null;
        CurrentUser user = currentUser.require();
        Optional<Long> existingId = event.getRouteParameters().getLong(PermitDetailView.PERMIT_ID);
        add(new RouterLink(getTranslation("permits.back"), PermitsView.class));

        FormDefinition form;
        JsonNode data;
        if (existingId.isPresent()) {
            Optional<Permit> permit = permits.find(user.tenantId(), existingId.get());
            if (permit.isEmpty()) {
                showNotFound();
                return;
            }
            if (!isEditableBy(permit.get(), user)) {
                event.forwardTo(PermitDetailView.class,
                        new RouteParameters(PermitDetailView.PERMIT_ID, String.valueOf(existingId.get())));
                return;
            }
            permitId = existingId.get();
            type = permit.get().permitType();
            form = presentation.formOf(permit.get());
            data = permit.get().data();
            title = getTranslation("permit.editor.title",
                    PermitSummary.typeName(presentation.type(permit.get()), getLocale()), numberOf(permit.get(), this));
        } else {
            type = event.getRouteParameters().get(TYPE).orElse("");
            Optional<IndustryTemplate.PermitType> permitType = permitTypes.list(user.tenantId()).stream()
                    .filter(candidate -> candidate.type().equals(type))
                    .findFirst();
            if (permitType.isEmpty()) {
                showNotFound();
                return;
            }
            form = drafter.currentForm(user.tenantId(), type);
            data = drafter.initialData(actor(user), type);
            title = getTranslation("permits.new", PermitSummary.typeName(permitType.get(), getLocale()));
        }
        show(form, data, user);
    }

    @Override
    public String getPageTitle() {
        return title;
    }

    /** Returns the permit number, or a placeholder with the id before the permit is issued. */
    public static String numberOf(Permit permit, Component translator) {
        return permit.permitNumber() != null ? permit.permitNumber()
                : translator.getTranslation("permit.unnumbered", String.valueOf(permit.id()));
    }

    public static boolean isEditableBy(Permit permit, CurrentUser user) {
        return permit.applicant().equals(user.username())
                && (permit.status() == PermitStatus.DRAFT || permit.status() == PermitStatus.RETURNED);
    }

    private void show(FormDefinition form, JsonNode data, CurrentUser user) {
        H2 heading = new H2(title);
        heading.setId("permit-editor-title");
        refusal.removeAll();
        refusal.setVisible(false);

        FormRenderer rendered = new FormRenderer(form, presentation.formContext(user.tenantId(), user.username(), getLocale()));
        rendered.read(data);
        // The server stores the signed-in user as the applicant whatever the form contains.
        form.binding("applicant").ifPresent(path -> rendered.setReadOnly(path, true));
        renderer = rendered;

        Button save = new Button(getTranslation("permit.saveDraft"), VaadinIcon.DISC.create(), event -> save(user));
        save.setId("save-draft");
        Button submit = new Button(getTranslation("permit.submit"), VaadinIcon.PAPERPLANE.create(),
                event -> submit(user));
        submit.setId("submit-permit");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Div actions = new Div(save, submit);
        actions.addClassName("tezuo-actions");

        add(heading, refusal, rendered, actions);
    }

    private void showNotFound() {
        title = getTranslation("permit.notFound.title");
        Paragraph notFound = new Paragraph(getTranslation("permit.notFound"));
        notFound.setId("permit-not-found");
        add(notFound);
    }

    /** Saves the form as a draft and returns the permit, or empty when the server refused the data. */
    private Optional<Permit> save(CurrentUser user, boolean announce) {
        FormRenderer form = renderer;
        if (form == null) {
            return Optional.empty();
        }
        try {
            Permit saved = permitId == null ? drafter.create(actor(user), type, form.write())
                    : drafter.update(actor(user), permitId, form.write());
            if (permitId == null) {
                permitId = saved.id();
                getUI().ifPresent(ui -> ui.getPage().getHistory().replaceState(null, "permits/" + saved.id()));
            }
            form.read(saved.data());
            if (announce) {
                Notices.success(getTranslation("permit.saved", numberOf(saved, this)));
            }
            return Optional.of(saved);
        } catch (LocalizedException e) {
            Notices.error(e.message(getLocale()));
            return Optional.empty();
        }
    }

    private void save(CurrentUser user) {
        save(user, true);
    }

    private void submit(CurrentUser user) {
        Optional<Permit> saved = save(user, false);
        FormRenderer form = renderer;
        if (saved.isEmpty() || form == null) {
            return;
        }
        try {
            Permit submitted = submitter.submit(actor(user), saved.get().id());
            Notices.success(getTranslation("permit.submitted", numberOf(submitted, this)));
            getUI().ifPresent(ui -> ui.navigate(PermitDetailView.class,
                    new RouteParameters(PermitDetailView.PERMIT_ID, String.valueOf(submitted.id()))));
        } catch (PermitRefusedException e) {
            showRefusal(e, form);
        } catch (LocalizedException e) {
            Notices.error(e.message(getLocale()));
        }
    }

    private void showRefusal(PermitRefusedException refused, FormRenderer form) {
        refusal.removeAll();
        refusal.getElement().setAttribute("data-stage", refused.stage().name());
        H3 heading = new H3(getTranslation("permit.refused", getTranslation("permit.stage." + refused.stage().name()),
                refused.reasons().size()));
        UnorderedList reasons = new UnorderedList();
        refused.reasons().forEach(reason -> reasons.add(new ListItem(reason.message())));
        refusal.add(heading, reasons);
        refusal.setVisible(true);
        if (refused.stage() == PermitRefusedException.Stage.FORM) {
            form.showProblems(refused.reasons().stream()
                    .map(reason -> new FieldProblem(reason.path(), reason.message()))
                    .toList());
        } else {
            form.clearProblems();
        }
        refusal.scrollIntoView();
    }

    private Actor actor(CurrentUser user) {
        return new Actor(user.tenantId(), user.username(), getLocale());
    }
}
