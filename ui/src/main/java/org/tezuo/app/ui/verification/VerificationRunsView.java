package org.tezuo.app.ui.verification;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.tezuo.app.security.CurrentUser;
import org.tezuo.app.security.CurrentUserProvider;
import org.tezuo.app.ui.i18n.DisplayFormats;
import org.tezuo.app.ui.layout.MainLayout;
import org.tezuo.app.ui.person.CertificateStateLabels;
import org.tezuo.core.audit.AuditLog;
import org.tezuo.core.qualification.verification.ComparedField;
import org.tezuo.core.qualification.verification.FieldDifference;
import org.tezuo.core.qualification.verification.RunMismatch;
import org.tezuo.core.qualification.verification.RunReportReader;
import org.tezuo.core.qualification.verification.VerificationRun;
import org.tezuo.core.qualification.verification.VerificationRunStore;
import org.tezuo.core.tenant.TenantDirectory;
import org.tezuo.core.tenant.UserNames;

/**
 * Registry verification runs of the tenant, newest first. Selecting a run shows its report: the certificates it
 * changed with the values before and after, and the fields on which ledger and registry disagree. Certificate numbers
 * arrive with ID numbers masked.
 */
@Route(value = "verification-runs", layout = MainLayout.class)
@Menu(order = 16, title = "menu.verificationRuns", icon = "vaadin:check-square-o")
@RolesAllowed({"SYSTEM_ADMIN", "SAFETY_DIRECTOR", "SAFETY_ENGINEER", "HRBP"})
public class VerificationRunsView extends VerticalLayout implements HasDynamicTitle {

    /** Rows of each report list shown on the page; the REST API pages through the rest. */
    static final int REPORT_ROWS = RunReportReader.MAX_PAGE_SIZE;

    private final CurrentUser user;
    private final RunReportReader reports;
    private final UserNames names;
    private final VerticalLayout report = new VerticalLayout();

    public VerificationRunsView(CurrentUserProvider currentUser, VerificationRunStore runs, RunReportReader reports,
            UserNames names, TenantDirectory tenants) {
        this.user = currentUser.require();
        this.reports = reports;
        this.names = names;
        setSizeFull();

        ZoneId zone = tenants.require(user.tenantId()).zone();
        List<VerificationRun> recent = runs.recent(user.tenantId(), 30);
        Grid<VerificationRun> grid = runGrid(recent, zone);
        report.setPadding(false);
        add(new H3(getTranslation("verificationRuns.title")), grid, report);
        if (recent.isEmpty()) {
            report.add(new Paragraph(getTranslation("verificationRuns.none")));
        } else {
            grid.select(recent.getFirst());
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("menu.verificationRuns");
    }

    private Grid<VerificationRun> runGrid(List<VerificationRun> items, ZoneId zone) {
        Grid<VerificationRun> grid = new Grid<>(VerificationRun.class, false);
        grid.setId("verification-runs");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setAllRowsVisible(true);
        grid.addColumn(run -> DisplayFormats.dateTime(run.startedAt(), zone))
                .setHeader(getTranslation("verificationRuns.column.started")).setAutoWidth(true);
        grid.addColumn(run -> run.finishedAt() == null ? getTranslation("verificationRuns.unfinished")
                        : DisplayFormats.dateTime(run.finishedAt(), zone))
                .setHeader(getTranslation("verificationRuns.column.finished")).setAutoWidth(true);
        Map<String, String> actorNames = names.of(user.tenantId(), items.stream().map(VerificationRun::actor).toList());
        grid.addColumn(run -> AuditLog.SYSTEM_ACTOR.equals(run.actor())
                        ? getTranslation("verificationRuns.actor.system")
                        : actorNames.getOrDefault(run.actor(), run.actor()))
                .setHeader(getTranslation("verificationRuns.column.actor")).setAutoWidth(true);
        grid.addColumn(VerificationRun::checked).setHeader(getTranslation("verificationRuns.column.checked"));
        grid.addColumn(VerificationRun::unchanged).setHeader(getTranslation("verificationRuns.column.unchanged"));
        grid.addColumn(run -> run.changed().size()).setHeader(getTranslation("verificationRuns.column.changed"));
        grid.addColumn(VerificationRun::unverifiable)
                .setHeader(getTranslation("verificationRuns.column.unverifiable"));
        grid.addColumn(VerificationRun::mismatches).setHeader(getTranslation("verificationRuns.column.mismatches"));
        grid.setItems(items);
        grid.asSingleSelect().addValueChangeListener(event -> showReport(event.getValue()));
        return grid;
    }

    private void showReport(@Nullable VerificationRun run) {
        report.removeAll();
        if (run == null) {
            return;
        }
        List<VerificationRun.CertificateChange> changes = reports.changes(user.tenantId(), run.id(), REPORT_ROWS, 0);
        List<RunMismatch> mismatches = reports.mismatches(user.tenantId(), run.id(), REPORT_ROWS, 0);
        report.add(new H3(getTranslation("verificationRuns.changes", run.id())), changeGrid(changes),
                new H3(getTranslation("verificationRuns.mismatches", run.id())), mismatchGrid(mismatches));
        if (changes.size() == REPORT_ROWS || mismatches.size() == REPORT_ROWS) {
            report.add(new Paragraph(getTranslation("verificationRuns.truncated", REPORT_ROWS)));
        }
    }

    private Grid<VerificationRun.CertificateChange> changeGrid(List<VerificationRun.CertificateChange> changes) {
        Grid<VerificationRun.CertificateChange> grid = new Grid<>(VerificationRun.CertificateChange.class, false);
        grid.setId("verification-changes");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setAllRowsVisible(true);
        grid.setEmptyStateText(getTranslation("verificationRuns.noChanges"));
        grid.addColumn(VerificationRun.CertificateChange::certNumber)
                .setHeader(getTranslation("verificationRuns.column.certNumber")).setAutoWidth(true);
        grid.addColumn(change -> getTranslation("verificationRuns.stateChange",
                        CertificateStateLabels.label(change.stateBefore(), getLocale()),
                        CertificateStateLabels.label(change.stateAfter(), getLocale())))
                .setHeader(getTranslation("verificationRuns.column.state")).setAutoWidth(true);
        grid.addColumn(this::registryText).setHeader(getTranslation("verificationRuns.column.adopted")).setFlexGrow(3);
        grid.setItems(changes);
        return grid;
    }

    private Grid<RunMismatch> mismatchGrid(List<RunMismatch> mismatches) {
        Grid<RunMismatch> grid = new Grid<>(RunMismatch.class, false);
        grid.setId("verification-mismatches");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setAllRowsVisible(true);
        grid.setEmptyStateText(getTranslation("verificationRuns.noMismatches"));
        grid.addColumn(RunMismatch::certNumber).setHeader(getTranslation("verificationRuns.column.certNumber"))
                .setAutoWidth(true);
        grid.addColumn(mismatch -> fieldName(mismatch.field()))
                .setHeader(getTranslation("verificationRuns.column.field")).setAutoWidth(true);
        grid.addColumn(mismatch -> orDash(mismatch.ledgerValue()))
                .setHeader(getTranslation("verificationRuns.column.ledger")).setFlexGrow(1);
        grid.addColumn(mismatch -> orDash(mismatch.registryValue()))
                .setHeader(getTranslation("verificationRuns.column.registry")).setFlexGrow(1);
        grid.setItems(mismatches);
        return grid;
    }

    /**
     * Returns the values the change took from the registry. A change that took none, such as a state set by a
     * mismatch, shows the registry's result and the registry's value of each field that differs.
     */
    String registryText(VerificationRun.CertificateChange change) {
        if (!change.adopted().isEmpty()) {
            return change.adopted().stream().map(this::adoptedText).collect(Collectors.joining("；"));
        }
        if (change.result() == null) {
            return getTranslation("verificationRuns.notAdopted");
        }
        String result = change.result().label(getLocale());
        if (change.differences().isEmpty()) {
            return getTranslation("verificationRuns.notAdopted.result", result);
        }
        String values = change.differences().stream()
                .map(field -> getTranslation("verificationRuns.registryValue", fieldName(field.field()),
                        orDash(field.registryValue())))
                .collect(Collectors.joining("；"));
        return getTranslation("verificationRuns.notAdopted.values", result, values);
    }

    private String adoptedText(FieldDifference field) {
        return getTranslation("verificationRuns.adopted", fieldName(field.field()), orDash(field.ledgerValue()),
                orDash(field.registryValue()));
    }

    private String fieldName(@Nullable ComparedField field) {
        return getTranslation(field == null ? "verificationRuns.field.notFound" : "verificationRuns.field." + field.name());
    }

    private static String orDash(@Nullable String value) {
        return value == null ? "—" : value;
    }
}
