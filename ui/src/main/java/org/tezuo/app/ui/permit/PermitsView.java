package org.tezuo.app.ui.permit;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import org.tezuo.app.permit.Permit;
import org.tezuo.app.permit.PermitStore;
import org.tezuo.app.permit.PermitTypes;
import org.tezuo.app.security.CurrentUser;
import org.tezuo.app.security.CurrentUserProvider;
import org.tezuo.app.ui.form.FieldDisplay;
import org.tezuo.app.ui.layout.MainLayout;
import org.tezuo.templates.IndustryTemplate;

/**
 * The tenant's permits, newest first, with a button per permit type to start a new one. A click on a permit
 * opens it: the editor for the applicant's own draft or returned permit, the detail page otherwise.
 */
@Route(value = "permits", layout = MainLayout.class)
@Menu(order = 30, title = "menu.permits", icon = "vaadin:file-text-o")
@PermitAll
public class PermitsView extends VerticalLayout implements HasDynamicTitle {

    /** Number of permits listed. */
    static final int LISTED = 200;

    public PermitsView(CurrentUserProvider currentUser, PermitStore permits, PermitTypes permitTypes,
            PermitPresentation presentation) {
        setSizeFull();
        CurrentUser user = currentUser.require();

        Div actions = new Div();
        actions.addClassName("tezuo-actions");
        for (IndustryTemplate.PermitType type : permitTypes.list(user.tenantId())) {
            Button create = new Button(getTranslation("permits.new", PermitSummary.typeName(type, getLocale())),
                    VaadinIcon.PLUS.create(), event -> getUI().ifPresent(ui -> ui.navigate(PermitEditorView.class,
                            new RouteParameters(PermitEditorView.TYPE, type.type()))));
            create.setId("new-permit-" + type.type());
            create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            actions.add(create);
        }

        FieldDisplay display = presentation.display(presentation.formContext(user.tenantId(), getLocale()));
        List<Row> rows = permits.list(user.tenantId(), LISTED).stream()
                .map(permit -> new Row(permit, presentation.summary(permit, display, getLocale())))
                .toList();
        add(actions, grid(rows));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("menu.permits");
    }

    private record Row(Permit permit, PermitSummary summary) {
    }

    private Grid<Row> grid(List<Row> rows) {
        Grid<Row> grid = new Grid<>();
        grid.setId("permits-grid");
        grid.setSizeFull();
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setEmptyStateText(getTranslation("permits.empty"));
        grid.addColumn(row -> PermitEditorView.numberOf(row.permit(), this)).setHeader(getTranslation(
                "permit.number")).setAutoWidth(true).setFrozen(true);
        grid.addColumn(row -> row.summary().status()).setHeader(getTranslation("permit.status")).setAutoWidth(true);
        grid.addColumn(row -> row.summary().typeName()).setHeader(getTranslation("permit.type")).setAutoWidth(true);
        grid.addColumn(row -> row.summary().applicant()).setHeader(getTranslation("permit.applicant"))
                .setAutoWidth(true);
        grid.addColumn(row -> row.summary().location()).setHeader(getTranslation("permit.location"))
                .setAutoWidth(true);
        grid.addColumn(row -> row.summary().workWindow()).setHeader(getTranslation("permit.workWindow"))
                .setAutoWidth(true);
        grid.setItems(rows);
        grid.addItemClickListener(event -> getUI().ifPresent(ui -> ui.navigate(PermitDetailView.class,
                new RouteParameters(PermitDetailView.PERMIT_ID, String.valueOf(event.getItem().permit().id())))));
        return grid;
    }
}
