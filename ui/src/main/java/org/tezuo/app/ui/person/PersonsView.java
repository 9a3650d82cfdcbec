package org.tezuo.app.ui.person;

import com.vaadin.flow.component.badge.Badge;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.orderedlayout.FlexComponent.Alignment;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.badge.BadgeVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.ListDataProvider;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.tezuo.app.security.CurrentUser;
import org.tezuo.app.security.CurrentUserProvider;
import org.tezuo.app.security.Role;
import org.tezuo.app.ui.layout.Notices;
import org.tezuo.core.i18n.LocalizedException;
import org.tezuo.core.qualification.verification.VerificationRun;
import org.tezuo.core.schedule.CertificateJobRunner;
import org.tezuo.core.schedule.JobRun;
import org.tezuo.core.schedule.ScheduledJob;
import org.tezuo.app.ui.layout.MainLayout;
import org.tezuo.core.qualification.Person;
import org.tezuo.core.qualification.QualificationStore;

/** Persons of the user's tenant with masked ID numbers, filtered by name or org unit; a click opens the person. */
@Route(value = "persons", layout = MainLayout.class)
@Menu(order = 10, title = "menu.persons", icon = "vaadin:users")
// Workers are left out: certificate numbers embed the holder's full ID number.
@RolesAllowed({"SYSTEM_ADMIN", "SAFETY_DIRECTOR", "SAFETY_ENGINEER", "UNIT_HEAD", "TEAM_LEADER", "HRBP", "WORK_LEADER"})
public class PersonsView extends VerticalLayout implements HasDynamicTitle {

    private static final Set<Role> VERIFIERS = Set.of(Role.SYSTEM_ADMIN, Role.SAFETY_DIRECTOR, Role.SAFETY_ENGINEER,
            Role.HRBP);

    public PersonsView(CurrentUserProvider currentUser, QualificationStore qualifications, CertificateJobRunner jobs) {
        setSizeFull();

        CurrentUser user = currentUser.require();
        ListDataProvider<Person> persons = new ListDataProvider<>(new ArrayList<>(qualifications.persons(user.tenantId())));
        Grid<Person> grid = grid(persons);

        TextField filter = new TextField();
        filter.setId("person-filter");
        filter.setPlaceholder(getTranslation("persons.filter"));
        filter.setPrefixComponent(VaadinIcon.SEARCH.create());
        filter.setClearButtonVisible(true);
        filter.setValueChangeMode(ValueChangeMode.LAZY);
        filter.setWidthFull();
        filter.setMaxWidth("30rem");
        filter.addValueChangeListener(event -> persons.setFilter(person -> matches(person, event.getValue())));

        HorizontalLayout toolbar = new HorizontalLayout(filter);
        toolbar.setWidthFull();
        toolbar.setAlignItems(Alignment.BASELINE);
        if (user.roles().stream().anyMatch(VERIFIERS::contains)) {
            Button verify = new Button(getTranslation("persons.verifyNow"), VaadinIcon.REFRESH.create(),
                    event -> verifyNow(jobs, user, qualifications, persons));
            verify.setId("verify-now");
            verify.setDisableOnClick(true);
            verify.addClickListener(event -> verify.setEnabled(true));
            toolbar.add(verify);
        }
        add(toolbar, grid);
    }

    /** Runs the registry verification and the warning pass now, as the nightly schedule does, and reports counts. */
    private void verifyNow(CertificateJobRunner jobs, CurrentUser user, QualificationStore qualifications,
            ListDataProvider<Person> persons) {
        try {
            JobRun run = jobs.runNow(user.tenantId(), ScheduledJob.CERTIFICATE_VERIFICATION, user.username());
            VerificationRun verification = run.verification();
            if (verification != null) {
                Notices.success(getTranslation("persons.verified", verification.checked(),
                        verification.changed().size(), verification.unverifiable(), verification.mismatches()));
            }
            persons.getItems().clear();
            persons.getItems().addAll(qualifications.persons(user.tenantId()));
            persons.refreshAll();
        } catch (LocalizedException e) {
            Notices.error(e.message(getLocale()));
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("menu.persons");
    }

    private Grid<Person> grid(ListDataProvider<Person> persons) {
        Grid<Person> grid = new Grid<>(Person.class, false);
        grid.setId("persons-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setSizeFull();
        grid.setEmptyStateText(getTranslation("persons.empty"));
        grid.addColumn(Person::name).setHeader(getTranslation("person.name")).setFrozen(true).setAutoWidth(true)
                .setSortable(true);
        grid.addColumn(Person::maskedIdNumber).setHeader(getTranslation("person.idNumber")).setAutoWidth(true);
        grid.addColumn(Person::orgUnit).setHeader(getTranslation("person.orgUnit")).setAutoWidth(true)
                .setSortable(true);
        grid.addColumn(Person::position).setHeader(getTranslation("person.position")).setAutoWidth(true);
        grid.addColumn(new ComponentRenderer<>(this::frozenBadge)).setHeader(getTranslation("person.frozen"))
                .setAutoWidth(true);
        grid.setItems(persons);
        grid.addItemClickListener(event -> grid.getUI().ifPresent(ui -> ui.navigate(PersonDetailView.class,
                new RouteParameters(PersonDetailView.PERSON_ID, String.valueOf(event.getItem().id())))));
        return grid;
    }

    private Span frozenBadge(Person person) {
        if (!person.permitFrozen()) {
            return new Span();
        }
        Badge badge = new Badge(getTranslation("person.frozen.yes"));
        badge.addThemeVariants(BadgeVariant.ERROR);
        return new Span(badge);
    }

    /** Returns whether the person's name or org unit contains the filter text, ignoring case. */
    static boolean matches(Person person, @Nullable String filter) {
        if (filter == null || filter.isBlank()) {
            return true;
        }
        String needle = filter.strip().toLowerCase(Locale.ROOT);
        return contains(person.name(), needle) || contains(person.orgUnit(), needle);
    }

    private static boolean contains(@Nullable String value, String needle) {
        return value != null && value.toLowerCase(Locale.ROOT).contains(needle);
    }
}
