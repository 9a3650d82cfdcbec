package org.tezuo.app.ui.warning;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.tezuo.app.qualification.CertificateNumbers;
import org.tezuo.app.security.CurrentUser;
import org.tezuo.app.security.CurrentUserProvider;
import org.tezuo.app.security.Role;
import org.tezuo.app.ui.layout.MainLayout;
import org.tezuo.app.ui.layout.Notices;
import org.tezuo.core.i18n.LocalizedException;
import org.tezuo.core.qualification.Person;
import org.tezuo.core.qualification.QualificationStore;
import org.tezuo.core.qualification.warning.CertificateWarning;
import org.tezuo.core.qualification.warning.WarningConfirmer;
import org.tezuo.core.qualification.warning.WarningStore;

/**
 * Certificate warnings: the to-dos waiting for the signed-in user's confirmation (班组长 and HRBP each confirm),
 * and for safety staff the newest warnings, to-dos and freezes of the enterprise.
 */
@Route(value = "warnings", layout = MainLayout.class)
@Menu(order = 15, title = "menu.warnings", icon = "vaadin:bell")
@PermitAll
public class WarningsView extends VerticalLayout implements HasDynamicTitle {

    private final CurrentUser user;
    private final WarningStore warnings;
    private final WarningConfirmer confirmer;
    private final Map<Long, String> personNames;
    private final VerticalLayout mine = new VerticalLayout();

    public WarningsView(CurrentUserProvider currentUser, WarningStore warnings, WarningConfirmer confirmer,
            QualificationStore qualifications) {
        this.user = currentUser.require();
        this.warnings = warnings;
        this.confirmer = confirmer;
        this.personNames = qualifications.persons(user.tenantId()).stream()
                .collect(Collectors.toMap(Person::id, Person::name));
        setSizeFull();

        mine.setPadding(false);
        add(new H3(getTranslation("warnings.mine")), mine);
        showMine();

        if (user.hasRole(Role.SYSTEM_ADMIN) || user.hasRole(Role.SAFETY_DIRECTOR) || user.hasRole(Role.SAFETY_ENGINEER)
                || user.hasRole(Role.HRBP)) {
            Grid<CertificateWarning> all = grid(warnings.recent(user.tenantId(), 500), false);
            all.setId("warnings-all");
            add(new H3(getTranslation("warnings.all")), all);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("menu.warnings");
    }

    private void showMine() {
        mine.removeAll();
        List<CertificateWarning> todos = warnings.openTodosFor(user.tenantId(), user.username());
        if (todos.isEmpty()) {
            mine.add(new Paragraph(getTranslation("warnings.none")));
            return;
        }
        Grid<CertificateWarning> grid = grid(todos, true);
        grid.setId("warnings-mine");
        grid.setAllRowsVisible(true);
        mine.add(grid);
    }

    private Grid<CertificateWarning> grid(List<CertificateWarning> items, boolean confirmable) {
        Grid<CertificateWarning> grid = new Grid<>(CertificateWarning.class, false);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(warning -> personNames.getOrDefault(warning.personId(), "")).setHeader(
                getTranslation("warnings.column.person")).setAutoWidth(true).setFrozen(true);
        grid.addColumn(warning -> getTranslation("warnings.kind." + warning.kind().name()))
                .setHeader(getTranslation("warnings.column.kind")).setAutoWidth(true);
        grid.addColumn(CertificateWarning::dueDate).setHeader(getTranslation("warnings.column.due")).setAutoWidth(true);
        grid.addColumn(warning -> CertificateNumbers.readable(user, warning.message()))
                .setHeader(getTranslation("warnings.column.message"))
                .setFlexGrow(3);
        grid.addColumn(this::roles).setHeader(getTranslation("warnings.column.roles")).setFlexGrow(1);
        grid.addColumn(new ComponentRenderer<>(this::link)).setAutoWidth(true);
        if (confirmable) {
            grid.addColumn(new ComponentRenderer<>(this::confirmButton)).setAutoWidth(true);
        } else {
            grid.addColumn(warning -> statusText(warning)).setHeader(getTranslation("warnings.column.status"))
                    .setAutoWidth(true);
        }
        grid.setItems(items);
        return grid;
    }

    private String statusText(CertificateWarning warning) {
        return warning.kind().name().equals("TODO") ? getTranslation("warnings.status." + warning.status().name())
                : "";
    }

    private String roles(CertificateWarning warning) {
        Function<CertificateWarning.RoleConfirmation, String> text = role -> role.confirmed()
                ? getTranslation("warnings.roleConfirmed", getTranslation("role." + role.role()), role.confirmedBy())
                : getTranslation("warnings.roleOpen", getTranslation("role." + role.role()));
        return warning.roles().stream().map(text).collect(Collectors.joining("；"));
    }

    private Component link(CertificateWarning warning) {
        if (warning.link() == null) {
            return new Span();
        }
        return new Anchor(warning.link(), getTranslation("warnings.link"));
    }

    private Component confirmButton(CertificateWarning warning) {
        Button confirm = new Button(getTranslation("warnings.confirm"), event -> {
            try {
                confirmer.confirm(user.tenantId(), warning.id(), user.username());
                Notices.success(getTranslation("warnings.confirmed"));
                UI.getCurrent().getPage().reload();
            } catch (LocalizedException e) {
                Notices.error(e.message(getLocale()));
            }
        });
        confirm.setId("confirm-warning-" + warning.id());
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
        return confirm;
    }
}
