package org.tezuo.app.ui.report;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.YearMonth;
import java.time.ZoneId;
import org.tezuo.app.security.CurrentUser;
import org.tezuo.app.security.CurrentUserProvider;
import org.tezuo.app.security.Role;
import org.tezuo.app.ui.i18n.DisplayFormats;
import org.tezuo.app.ui.layout.MainLayout;
import org.tezuo.app.ui.layout.Notices;
import org.tezuo.core.i18n.LocalizedException;
import org.tezuo.core.qualification.health.HealthReports;
import org.tezuo.core.qualification.health.StoredHealthReport;
import org.tezuo.core.tenant.TenantDirectory;

/**
 * The monthly qualification-health reports of the tenant with PDF and Excel downloads. Administrators and the
 * safety director may also generate an ended month that has no report yet.
 */
@Route(value = "health-reports", layout = MainLayout.class)
@Menu(order = 45, title = "menu.healthReports", icon = "vaadin:chart")
@RolesAllowed({"SYSTEM_ADMIN", "SAFETY_DIRECTOR", "SAFETY_ENGINEER"})
public class HealthReportsView extends VerticalLayout implements HasDynamicTitle {

    private final CurrentUser user;
    private final HealthReports reports;
    private final Grid<StoredHealthReport> grid = new Grid<>(StoredHealthReport.class, false);

    public HealthReportsView(CurrentUserProvider currentUser, HealthReports reports, TenantDirectory tenants) {
        this.user = currentUser.require();
        this.reports = reports;
        ZoneId zone = tenants.require(user.tenantId()).zone();
        setSizeFull();

        if (user.hasRole(Role.SYSTEM_ADMIN) || user.hasRole(Role.SAFETY_DIRECTOR)) {
            add(generateBar(zone));
        }

        grid.setId("health-reports-grid");
        grid.setSizeFull();
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setEmptyStateText(getTranslation("healthReports.empty"));
        grid.addColumn(report -> report.month().toString()).setHeader(getTranslation("healthReports.month"))
                .setAutoWidth(true).setFrozen(true);
        grid.addColumn(report -> DisplayFormats.dateTime(report.generatedAt(), zone))
                .setHeader(getTranslation("healthReports.generatedAt")).setAutoWidth(true);
        grid.addColumn(StoredHealthReport::generatedBy).setHeader(getTranslation("healthReports.generatedBy"))
                .setAutoWidth(true);
        grid.addColumn(new ComponentRenderer<>(this::downloads)).setHeader(getTranslation("healthReports.files"))
                .setFlexGrow(1);
        add(grid);
        refresh();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("menu.healthReports");
    }

    private Component generateBar(ZoneId zone) {
        TextField month = new TextField(getTranslation("healthReports.generateMonth"));
        month.setId("health-report-month");
        month.setPlaceholder("yyyy-MM");
        month.setValue(YearMonth.now(zone).minusMonths(1).toString());
        Button generate = new Button(getTranslation("healthReports.generate"), event -> {
            try {
                YearMonth chosen = HealthReports.parseMonth(month.getValue());
                reports.generate(user.tenantId(), chosen, user.username());
                Notices.success(getTranslation("healthReports.generated", chosen));
                refresh();
            } catch (LocalizedException e) {
                Notices.error(e.message(getLocale()));
            }
        });
        generate.setId("health-report-generate");
        generate.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout bar = new HorizontalLayout(month, generate);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        return bar;
    }

    private void refresh() {
        grid.setItems(reports.list(user.tenantId()));
    }

    private Component downloads(StoredHealthReport report) {
        Anchor pdf = new Anchor("/api/files/" + report.pdfFileId(), getTranslation("healthReports.pdf"));
        Anchor xlsx = new Anchor("/api/files/" + report.xlsxFileId(), getTranslation("healthReports.xlsx"));
        pdf.getElement().setAttribute("download", true);
        xlsx.getElement().setAttribute("download", true);
        return new HorizontalLayout(pdf, xlsx);
    }
}
