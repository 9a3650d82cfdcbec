package org.tezuo.app.ui.metadata;

import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.tezuo.app.security.CurrentUser;
import org.tezuo.app.security.CurrentUserProvider;
import org.tezuo.app.ui.layout.MainLayout;
import org.tezuo.core.metadata.MetadataStore;
import org.tezuo.core.metadata.MetadataVersions;
import org.tezuo.core.metadata.bundle.BundleExporter;
import org.tezuo.core.metadata.bundle.BundleImporter;
import org.tezuo.core.metadata.bundle.BundleWriter;
import org.tezuo.core.schedule.ScheduleRegistrar;
import org.tezuo.core.tenant.TenantDirectory;

/**
 * The metadata center for system administrators: the tenant's documents by kind with every version, the
 * field-level diff of two versions and rollback on one tab, and bundle export and import on the other.
 */
@Route(value = "metadata", layout = MainLayout.class)
@Menu(order = 60, title = "menu.metadata", icon = "vaadin:archive")
@RolesAllowed("SYSTEM_ADMIN")
public class MetadataCenterView extends VerticalLayout implements HasDynamicTitle {

    public MetadataCenterView(CurrentUserProvider currentUser, MetadataStore store, MetadataVersions versions,
            BundleExporter exporter, BundleImporter importer, BundleWriter writer, ScheduleRegistrar schedules,
            TenantDirectory tenants) {
        setSizeFull();
        CurrentUser user = currentUser.require();
        Publications publications = new Publications(user, schedules);

        TabSheet tabs = new TabSheet();
        tabs.setId("metadata-tabs");
        tabs.setSizeFull();
        tabs.add(getTranslation("metadataCenter.tab.documents"),
                new DocumentVersionsPanel(user, store, versions, publications, tenants.require(user.tenantId()).zone()));
        tabs.add(getTranslation("metadataCenter.tab.bundle"),
                new BundlePanel(user, exporter, importer, writer, publications));
        add(tabs);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("menu.metadata");
    }
}
