package org.tezuo.app.ui.profile;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.util.Optional;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.tezuo.app.permit.QrCodeRenderer;
import org.tezuo.app.profile.ProfileLinks;
import org.tezuo.app.security.CurrentUser;
import org.tezuo.app.security.CurrentUserProvider;
import org.tezuo.app.ui.layout.Notices;
import org.tezuo.app.ui.person.PersonDetailView;
import org.tezuo.core.i18n.LocalizedException;
import org.tezuo.core.qualification.Person;
import org.tezuo.core.qualification.QualificationStore;
import org.tezuo.core.qualification.profile.ProfileToken;
import org.tezuo.core.qualification.profile.ProfileTokens;
import org.tezuo.core.tenant.TenantDirectory;

/**
 * The printable QR badge of a person, at {@code /persons/<id>/badge}: company, name, a photo placeholder, unit,
 * position, the masked ID number, and the QR code of the profile page with the page's address in text under it.
 * The print style sheet lays it out on an A6 sheet (105 mm by 148 mm) and hides the buttons. Opening the page
 * issues the person's token when there is none yet. A system administrator or HRBP can regenerate the token, which
 * makes old badges useless, or revoke it.
 */
@Route(value = "persons/:" + PersonBadgeView.PERSON_ID + "(\\d+)/badge", autoLayout = false)
@RolesAllowed({"SYSTEM_ADMIN", "HRBP"})
@StyleSheet("context://styles/tezuo.css")
@StyleSheet("context://styles/profile.css")
public class PersonBadgeView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    /** Route parameter holding the person id. */
    public static final String PERSON_ID = "personId";

    /** Side of the QR code image in CSS pixels; the print style sheet scales it to 45 mm. */
    private static final int QR_PIXELS = 320;

    private final CurrentUserProvider currentUser;
    private final QualificationStore qualifications;
    private final ProfileTokens tokens;
    private final ProfileLinks links;
    private final QrCodeRenderer qrCodes;
    private final TenantDirectory tenants;
    private String title = "";

    public PersonBadgeView(CurrentUserProvider currentUser, QualificationStore qualifications, ProfileTokens tokens,
            ProfileLinks links, QrCodeRenderer qrCodes, TenantDirectory tenants) {
        this.currentUser = currentUser;
        this.qualifications = qualifications;
        this.tokens = tokens;
        this.links = links;
        this.qrCodes = qrCodes;
        this.tenants = tenants;
        addClassName("tezuo-badge-page");
    }

    /** Returns the route parameters of a person's badge page, for links from other views. */
    public static RouteParameters parameters(long personId) {
        return new RouteParameters(PERSON_ID, String.valueOf(personId));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        CurrentUser user = currentUser.require();
        Optional<Person> person = event.getRouteParameters().getLong(PERSON_ID)
                .flatMap(id -> qualifications.findPerson(user.tenantId(), id));
        render(user, person.orElse(null), requestBaseUrl());
    }

    @Override
    public String getPageTitle() {
        return title;
    }

    private void render(CurrentUser user, @Nullable Person person, String baseUrl) {
        removeAll();
        if (person == null) {
            title = getTranslation("person.notFound.title");
            Paragraph notFound = new Paragraph(getTranslation("person.notFound"));
            notFound.setId("person-not-found");
            add(notFound);
            return;
        }
        title = getTranslation("badge.title", person.name());
        ProfileToken token = tokens.issue(user.tenantId(), person.id(), user.username());
        add(actions(user, person, token, baseUrl), badge(user, person, token, baseUrl));
    }

    private Component actions(CurrentUser user, Person person, ProfileToken token, String baseUrl) {
        RouterLink back = new RouterLink(getTranslation("badge.back"), PersonDetailView.class,
                new RouteParameters(PersonDetailView.PERSON_ID, String.valueOf(person.id())));
        Button print = new Button(getTranslation("badge.print"), VaadinIcon.PRINT.create(),
                event -> getElement().executeJs("window.print()"));
        print.setId("badge-print");
        print.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        print.setEnabled(token.active());
        Button regenerate = new Button(getTranslation("badge.regenerate"), VaadinIcon.REFRESH.create(),
                event -> change(user, person, baseUrl, "badge.regenerated",
                        actor -> tokens.regenerate(user.tenantId(), person.id(), actor)));
        regenerate.setId("badge-regenerate");
        Button revoke = new Button(getTranslation("badge.revoke"), VaadinIcon.BAN.create(),
                event -> change(user, person, baseUrl, "badge.revoked",
                        actor -> tokens.revoke(user.tenantId(), person.id(), actor)));
        revoke.setId("badge-revoke");
        revoke.addThemeVariants(ButtonVariant.LUMO_ERROR);
        revoke.setEnabled(token.active());
        HorizontalLayout actions = new HorizontalLayout(back, print, regenerate, revoke);
        actions.addClassName("tezuo-badge-actions");
        actions.setAlignItems(Alignment.BASELINE);
        return actions;
    }

    private void change(CurrentUser user, Person person, String baseUrl, String noticeKey, Consumer<String> action) {
        try {
            action.accept(user.username());
            Notices.success(getTranslation(noticeKey, person.name()));
        } catch (LocalizedException e) {
            Notices.error(e.message(getLocale()));
        }
        render(user, qualifications.findPerson(user.tenantId(), person.id()).orElse(null), baseUrl);
    }

    private Component badge(CurrentUser user, Person person, ProfileToken token, String baseUrl) {
        Div badge = new Div();
        badge.setId("person-badge");
        badge.addClassName("tezuo-badge");
        Div company = new Div(tenants.require(user.tenantId()).name());
        company.addClassName("tezuo-badge-company");
        Div photo = new Div(getTranslation("badge.photo"));
        photo.addClassName("tezuo-badge-photo");
        H2 name = new H2(person.name());
        name.setId("badge-name");
        badge.add(company, photo, name,
                line("badge-unit", "person.orgUnit", person.orgUnit()),
                line("badge-position", "person.position", person.position()),
                line("badge-id-number", "person.idNumber", person.maskedIdNumber()));

        if (!token.active()) {
            Paragraph revoked = new Paragraph(getTranslation("badge.revokedNotice"));
            revoked.setId("badge-revoked");
            badge.add(revoked);
            return badge;
        }
        String url = links.url(baseUrl, token);
        byte[] png = qrCodes.png(url, QR_PIXELS);
        Image qr = new Image(DownloadHandler.fromInputStream(download -> new DownloadResponse(
                new ByteArrayInputStream(png), "badge-" + person.id() + ".png", "image/png", png.length)),
                getTranslation("badge.qrAlt", person.name()));
        qr.setId("badge-qr");
        qr.addClassName("tezuo-badge-qr");
        qr.getElement().setAttribute("data-url", url);
        Div caption = new Div(getTranslation("badge.scan"));
        caption.addClassName("tezuo-badge-caption");
        // The address in text lets a reader without a camera open the profile, and shows where the code leads.
        Div address = new Div(url);
        address.setId("badge-url");
        address.addClassName("tezuo-badge-url");
        badge.add(qr, caption, address);
        return badge;
    }

    private Div line(String id, String captionKey, @Nullable String value) {
        return ProfileFacts.fact(this, id, captionKey, value);
    }

    /** Returns scheme, host, port and context path of the current request, for example http://host:8080. */
    static String requestBaseUrl() {
        if (VaadinRequest.getCurrent() instanceof VaadinServletRequest request) {
            return ServletUriComponentsBuilder.fromContextPath(request.getHttpServletRequest()).build().toUriString();
        }
        return "";
    }
}
