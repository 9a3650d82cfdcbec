package org.tezuo.app.ui.notification;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.time.ZoneId;
import org.tezuo.app.security.CurrentUser;
import org.tezuo.app.security.CurrentUserProvider;
import org.tezuo.app.ui.i18n.DisplayFormats;
import org.tezuo.app.ui.layout.MainLayout;
import org.tezuo.core.notification.InboxNotice;
import org.tezuo.core.notification.NoticeInbox;
import org.tezuo.core.tenant.TenantDirectory;

/** The signed-in user's notices, newest first, with a filter for unread ones and a button to mark one read. */
@Route(value = "notices", layout = MainLayout.class)
@Menu(order = 16, title = "menu.notices", icon = "vaadin:envelope")
@PermitAll
public class NoticeInboxView extends VerticalLayout implements HasDynamicTitle {

    private final CurrentUser user;
    private final NoticeInbox inbox;
    private final Grid<InboxNotice> grid = new Grid<>(InboxNotice.class, false);
    private final Checkbox unreadOnly = new Checkbox();

    public NoticeInboxView(CurrentUserProvider currentUser, NoticeInbox inbox, TenantDirectory tenants) {
        this.user = currentUser.require();
        this.inbox = inbox;
        ZoneId zone = tenants.require(user.tenantId()).zone();
        setSizeFull();

        unreadOnly.setLabel(getTranslation("notices.unreadOnly"));
        unreadOnly.setId("notices-unread-only");
        unreadOnly.addValueChangeListener(event -> refresh());

        grid.setId("notices-grid");
        grid.setSizeFull();
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setEmptyStateText(getTranslation("notices.empty"));
        grid.addColumn(notice -> DisplayFormats.dateTime(notice.createdAt(), zone))
                .setHeader(getTranslation("notices.createdAt")).setAutoWidth(true).setFrozen(true);
        grid.addColumn(notice -> notice.unread() ? getTranslation("notices.unread") : getTranslation("notices.read"))
                .setHeader(getTranslation("notices.state")).setAutoWidth(true);
        grid.addColumn(InboxNotice::subject).setHeader(getTranslation("notices.subject")).setFlexGrow(1);
        grid.addColumn(InboxNotice::body).setHeader(getTranslation("notices.body")).setFlexGrow(3);
        grid.addColumn(new ComponentRenderer<>(this::actions)).setAutoWidth(true);

        add(new HorizontalLayout(unreadOnly), grid);
        refresh();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("menu.notices");
    }

    private void refresh() {
        grid.setItems(inbox.list(user.tenantId(), user.username(), unreadOnly.getValue()));
    }

    private Component actions(InboxNotice notice) {
        HorizontalLayout actions = new HorizontalLayout();
        if (notice.link() != null) {
            actions.add(new Anchor(notice.link(), getTranslation("notices.open")));
        }
        if (notice.unread()) {
            Button read = new Button(getTranslation("notices.markRead"), event -> {
                inbox.markRead(user.tenantId(), user.username(), notice.id());
                refresh();
            });
            read.setId("notice-read-" + notice.id());
            read.addThemeVariants(ButtonVariant.LUMO_SMALL);
            actions.add(read);
        }
        return actions.getComponentCount() == 0 ? new Span() : actions;
    }
}
