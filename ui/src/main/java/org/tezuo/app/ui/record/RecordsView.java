package org.tezuo.app.ui.record;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.PermitAll;
import java.util.Map;
import org.tezuo.app.security.CurrentUser;
import org.tezuo.app.security.CurrentUserProvider;
import org.tezuo.app.ui.layout.MainLayout;
import org.tezuo.core.entity.EntityCatalog;
import org.tezuo.core.entity.EntityDefinition;

/**
 * The 记录 page: one link per published entity of the tenant that stores records, to that entity's list.
 *
 * <p>Element ids: {@code records-entities}, {@code records-entity-<name>} per link, {@code records-none}.
 */
@Route(value = "records", layout = MainLayout.class)
@Menu(order = 35, title = "menu.records", icon = "vaadin:database")
@PermitAll
public class RecordsView extends VerticalLayout implements HasDynamicTitle {

    public RecordsView(CurrentUserProvider currentUser, EntityCatalog catalog) {
        CurrentUser user = currentUser.require();
        Map<String, EntityDefinition> entities = catalog.publishedRecordEntities(user.tenantId());
        if (entities.isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("records.none"));
            none.setId("records-none");
            add(none);
            return;
        }
        Div links = new Div();
        links.setId("records-entities");
        links.addClassName("tezuo-record-entities");
        entities.forEach((name, definition) -> {
            RouterLink link = new RouterLink(definition.label(getLocale()), RecordListView.class,
                    new RouteParameters(RecordListView.ENTITY, name));
            link.setId("records-entity-" + name);
            links.add(new Div(link));
        });
        add(links);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("records.title");
    }
}
