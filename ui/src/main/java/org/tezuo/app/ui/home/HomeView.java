package org.tezuo.app.ui.home;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.card.Card;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.Map;
import org.tezuo.app.security.CurrentUser;
import org.tezuo.app.security.CurrentUserProvider;
import org.tezuo.app.ui.layout.MainLayout;
import org.tezuo.app.ui.person.CertificateStateLabels;
import org.tezuo.core.qualification.CertificateState;
import org.tezuo.core.qualification.QualificationStore;

/** Home page: one card per certificate state with the tenant's count, then permits and the user's tasks. */
@Route(value = "", layout = MainLayout.class)
@Menu(order = 0, title = "menu.home", icon = "vaadin:home")
@PermitAll
public class HomeView extends VerticalLayout implements HasDynamicTitle {

    public HomeView(CurrentUserProvider currentUser, QualificationStore qualifications) {
        CurrentUser user = currentUser.require();
        addClassName("tezuo-home");

        H2 greeting = new H2(getTranslation("home.greeting", user.displayName()));
        greeting.setId("home-greeting");
        add(greeting);

        add(new H2(getTranslation("home.certificates")));
        add(certificateCards(qualifications.countByState(user.tenantId())));

        add(new H2(getTranslation("home.permits")), placeholder("home.permits.pending"));
        add(new H2(getTranslation("home.tasks")), placeholder("home.tasks.pending"));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("menu.home");
    }

    private Component certificateCards(Map<CertificateState, Long> counts) {
        Div grid = new Div();
        grid.setId("certificate-counts");
        grid.addClassName("tezuo-card-grid");
        for (CertificateState state : CertificateState.values()) {
            Span count = new Span(String.valueOf(counts.getOrDefault(state, 0L)));
            count.addClassName("tezuo-count");

            Card card = new Card();
            card.getElement().setAttribute("data-state", state.name());
            card.setTitle(CertificateStateLabels.label(state, getLocale()));
            card.addClassName("tezuo-tone-" + CertificateStateLabels.variant(state).getVariantName());
            card.add(count);
            grid.add(card);
        }
        return grid;
    }

    private Component placeholder(String key) {
        Paragraph text = new Paragraph(getTranslation(key));
        text.addClassName("tezuo-muted");
        return text;
    }
}
