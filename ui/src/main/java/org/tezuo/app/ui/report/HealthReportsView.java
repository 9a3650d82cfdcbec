package org.tezuo.app.ui.report;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
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
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.tezuo.app.security.CurrentUser;
import org.tezuo.app.security.CurrentUserProvider;
import org.tezuo.app.security.Role;
import org.tezuo.app.ui.i18n.DisplayFormats;
import org.tezuo.app.ui.layout.MainLayout;
import org.tezuo.app.ui.layout.Notices;
import org.tezuo.core.i18n.LocalizedException;
import org.tezuo.core.qualification.health.HealthReport;
import org.tezuo.core.qualification.health.HealthReportColumns;
import org.tezuo.core.qualification.health.HealthReports;
import org.tezuo.core.qualification.health.HealthRow;
import org.tezuo.core.qualification.health.StoredHealthReport;
import org.tezuo.core.tenant.TenantDirectory;

/**
 * The monthly qualification-health reports of the tenant with PDF and Excel downloads. Selecting a report shows
 * its figures as the files show them: the enterprise total first, then companies, plants and workshops with their
 * level and indented by depth. Administrators and the safety director may also generate an ended month that has
 * no report yet.
 */
@Route(value = "health-reports", layout = MainLayout.class)
@Menu(order = 45, title = "menu.healthReports", icon = "vaadin:chart")
@RolesAllowed({"SYSTEM_ADMIN", "SAFETY_DIRECTOR", "SAFETY_ENGINEER"})
public class HealthReportsView extends VerticalLayout implements HasDynamicTitle {

    private final CurrentUser user;
    private final HealthReports reports;
    private final Grid<StoredHealthReport> grid = new Grid<>(StoredHealthReport.class, false);
    private final VerticalLayout figures = new VerticalLayout();

    public HealthReportsView(CurrentUserProvider currentUser, HealthReports reports, TenantDirectory tenants) {
        this.user = currentUser.require();
        this.reports = reports;
        ZoneId zone = tenants.require(user.tenantId()).zone();
        setSizeFull();

        if (user.hasRole(Role.SYSTEM_ADMIN) || user.hasRole(Role.SAFETY_DIRECTOR)) {
            add(generateBar(zone));
        }

        grid.setId("health-reports-grid");
        grid.setAllRowsVisible(true);
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
        grid.asSingleSelect().addValueChangeListener(event -> showFigures(event.getValue()));
        figures.setPadding(false);
        figures.setId("health-report-figures");
        add(grid, figures);
        refresh(null);
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
                refresh(chosen);
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

    /** Lists the reports again and selects the one of {@code month}, or the newest when it is null. */
    private void refresh(@Nullable YearMonth month) {
        List<StoredHealthReport> stored = reports.list(user.tenantId());
        grid.setItems(stored);
        stored.stream().filter(report -> month == null || report.month().equals(month)).findFirst()
                .ifPresentOrElse(grid::select, () -> showFigures(null));
    }

    private void showFigures(@Nullable StoredHealthReport stored) {
        figures.removeAll();
        if (stored == null) {
            return;
        }
        figures.add(new H3(getTranslation("healthReports.figures", stored.month())));
        Optional<HealthReport> report = reports.figures(user.tenantId(), stored.month());
        if (report.isEmpty()) {
            figures.add(new Paragraph(getTranslation("healthReports.noFigures")));
            return;
        }
        for (String note : HealthReportColumns.notes(report.get(), getLocale())) {
            Paragraph paragraph = new Paragraph(note);
            paragraph.addClassName("tezuo-health-note");
            figures.add(paragraph);
        }
        figures.add(figureGrid(report.get()));
    }

    private Grid<HealthRow> figureGrid(HealthReport report) {
        Grid<HealthRow> table = new Grid<>(HealthRow.class, false);
        table.setId("health-report-rows");
        table.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_COMPACT);
        table.setAllRowsVisible(true);
        table.setPartNameGenerator(row -> HealthReportColumns.isTotal(row) ? "tezuo-health-total" : null);
        for (HealthReportColumns.Column column : HealthReportColumns.COLUMNS) {
            String caption = HealthReportColumns.caption(column, report.scope(), getLocale());
            if (column.captionKey().equals(HealthReportColumns.UNIT)) {
                table.addComponentColumn(row -> unitCell(column, row)).setHeader(caption).setAutoWidth(true)
                        .setFrozen(true);
            } else {
                Grid.Column<HealthRow> added = table.addColumn(row -> HealthReportColumns.display(column, row,
                        getLocale())).setHeader(caption).setAutoWidth(true);
                if (column.kind() != HealthReportColumns.Kind.TEXT) {
                    added.setTextAlign(ColumnTextAlign.END);
                }
            }
        }
        table.setItems(report.rows());
        return table;
    }

    /** Returns the unit name indented by its depth, with the depth in {@code data-depth} for tests and styles. */
    private Component unitCell(HealthReportColumns.Column column, HealthRow row) {
        Span name = new Span(HealthReportColumns.display(column, row, getLocale()));
        int indent = Math.max(0, row.depth() - 1);
        name.getStyle().set("padding-inline-start", (indent * 1.25) + "em");
        name.getElement().setAttribute("data-depth", String.valueOf(row.depth()));
        return name;
    }

    private Component downloads(StoredHealthReport report) {
        Anchor pdf = new Anchor("/api/files/" + report.pdfFileId(), getTranslation("healthReports.pdf"));
        Anchor xlsx = new Anchor("/api/files/" + report.xlsxFileId(), getTranslation("healthReports.xlsx"));
        pdf.getElement().setAttribute("download", true);
        xlsx.getElement().setAttribute("download", true);
        return new HorizontalLayout(pdf, xlsx);
    }
}
