package org.tezuo.app.ui.home;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.card.Card;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.PermitAll;
import java.util.Locale;
import java.util.Map;
import org.tezuo.app.permit.Actor;
import org.tezuo.app.permit.PermitApprovals;
import org.tezuo.app.permit.PermitStatus;
import org.tezuo.app.permit.PermitStore;
import org.tezuo.app.security.CurrentUser;
import org.tezuo.app.security.CurrentUserProvider;
import org.tezuo.app.ui.warning.WarningsView;
import org.tezuo.core.qualification.warning.WarningStore;
import org.tezuo.app.ui.layout.MainLayout;
import org.tezuo.app.ui.person.CertificateStateLabels;
import org.tezuo.app.ui.task.TasksView;
import org.tezuo.core.qualification.CertificateState;
import org.tezuo.core.qualification.QualificationStore;

/** Home page: the tenant's certificates per state and permits per status as cards, then the number of the user's open permit tasks. */
@Route(value = "", layout = MainLayout.class)
@Menu(order = 0, title = "menu.home", icon = "vaadin:home")
@PermitAll
public class HomeView extends VerticalLayout implements HasDynamicTitle {

    public HomeView(CurrentUserProvider currentUser, QualificationStore qualifications, PermitStore permits,
            PermitApprovals approvals, WarningStore warnings) {
        CurrentUser user = currentUser.require();
        addClassName("tezuo-home");

        H2 greeting = new H2(getTranslation("home.greeting", user.displayName()));
        greeting.setId("home-greeting");
        add(greeting);

        add(new H2(getTranslation("home.certificates")));
        add(certificateCards(qualifications.countByState(user.tenantId())));

        add(new H2(getTranslation("home.permits")));
        add(permitCards(permits.countByStatus(user.tenantId())));
        Div tasks = taskCard(approvals.tasks(new Actor(user.tenantId(), user.username(), getLocale())).size());
        tasks.add(warningCard(warnings.openTodosFor(user.tenantId(), user.username()).size()));
        add(new H2(getTranslation("home.tasks")), tasks);
    }

    /** Shows the number of certificate to-dos waiting for the user's confirmation, linking to the warnings page. */
    private Card warningCard(int count) {
        Card card = countCard(getTranslation("home.warnings.open"), count);
        card.setId("warning-count");
        card.getElement().setAttribute("data-count", String.valueOf(count));
        card.addToFooter(new RouterLink(getTranslation("home.warnings.link"), WarningsView.class));
        return card;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("menu.home");
    }

    private Component certificateCards(Map<CertificateState, Long> counts) {
        Div grid = cardGrid("certificate-counts");
        for (CertificateState state : CertificateState.values()) {
            Card card = countCard(CertificateStateLabels.label(state, getLocale()), counts.getOrDefault(state, 0L));
            card.getElement().setAttribute("data-state", state.name());
            card.addClassName("tezuo-tone-" + CertificateStateLabels.variant(state).getVariantName());
            grid.add(card);
        }
        return grid;
    }

    private Component permitCards(Map<PermitStatus, Long> counts) {
        Div grid = cardGrid("permit-counts");
        for (PermitStatus status : PermitStatus.values()) {
            Card card = countCard(isEnglish() ? status.en() : status.zh(), counts.getOrDefault(status, 0L));
            card.getElement().setAttribute("data-status", status.name());
            grid.add(card);
        }
        return grid;
    }

    private static Div cardGrid(String id) {
        Div grid = new Div();
        grid.setId(id);
        grid.addClassName("tezuo-card-grid");
        return grid;
    }

    private static Card countCard(String title, long count) {
        Span number = new Span(String.valueOf(count));
        number.addClassName("tezuo-count");

        Card card = new Card();
        card.setTitle(title);
        card.add(number);
        return card;
    }

    private boolean isEnglish() {
        return getLocale().getLanguage().equals(Locale.ENGLISH.getLanguage());
    }

    /** Shows the number of the user's open permit tasks on a card that links to the task list. */
    private Div taskCard(int count) {
        Card card = countCard(getTranslation("home.tasks.open"), count);
        card.setId("task-count");
        card.getElement().setAttribute("data-count", String.valueOf(count));
        card.addToFooter(new RouterLink(getTranslation("home.tasks.link"), TasksView.class));
        Div grid = cardGrid("task-counts");
        grid.add(card);
        return grid;
    }
}
