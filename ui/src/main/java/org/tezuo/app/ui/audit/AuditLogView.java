package org.tezuo.app.ui.audit;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import org.tezuo.app.security.CurrentUser;
import org.tezuo.app.security.CurrentUserProvider;
import org.tezuo.app.ui.i18n.DisplayFormats;
import org.tezuo.app.ui.layout.MainLayout;
import org.tezuo.core.audit.AuditEntry;
import org.tezuo.core.audit.AuditLog;
import org.tezuo.core.tenant.TenantDirectory;

/** The newest audit records of the user's tenant, for administrators and the safety department. */
@Route(value = "audit", layout = MainLayout.class)
@Menu(order = 50, title = "menu.audit", icon = "vaadin:records")
@RolesAllowed({"SYSTEM_ADMIN", "SAFETY_DIRECTOR", "SAFETY_ENGINEER"})
public class AuditLogView extends VerticalLayout implements HasDynamicTitle {

    /** Number of records shown, newest first. */
    static final int SHOWN_RECORDS = 500;

    public AuditLogView(CurrentUserProvider currentUser, AuditLog auditLog, TenantDirectory tenants) {
        setSizeFull();
        CurrentUser user = currentUser.require();
        ZoneId zone = tenants.require(user.tenantId()).zone();

        Grid<AuditEntry> grid = new Grid<>(AuditEntry.class, false);
        grid.setId("audit-grid");
        grid.setSizeFull();
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setEmptyStateText(getTranslation("audit.empty"));
        grid.addColumn(entry -> DisplayFormats.dateTime(entry.occurredAt(), zone))
                .setHeader(getTranslation("audit.occurredAt")).setAutoWidth(true).setFrozen(true);
        grid.addColumn(AuditEntry::actor).setHeader(getTranslation("audit.actor")).setAutoWidth(true);
        grid.addColumn(AuditEntry::action).setHeader(getTranslation("audit.action")).setAutoWidth(true);
        grid.addColumn(AuditEntry::subjectType).setHeader(getTranslation("audit.subjectType")).setAutoWidth(true);
        grid.addColumn(AuditEntry::subjectId).setHeader(getTranslation("audit.subjectId")).setAutoWidth(true);
        grid.setItems(auditLog.recent(user.tenantId(), SHOWN_RECORDS));
        add(grid);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("menu.audit");
    }
}
