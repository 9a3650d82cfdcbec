package org.tezuo.app.ui.notification;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.tezuo.app.security.CurrentUser;
import org.tezuo.app.security.CurrentUserProvider;
import org.tezuo.app.ui.i18n.DisplayFormats;
import org.tezuo.app.ui.layout.MainLayout;
import org.tezuo.core.notification.InboxNotice;
import org.tezuo.core.notification.NoticeInbox;
import org.tezuo.core.tenant.TenantDirectory;
import org.tezuo.core.tenant.UserNames;

/**
 * The signed-in user's notices, newest first, as one card per notice that reads on a phone as on a desk. A card
 * shows the subject, the sender by display name, the time and the whole text, with buttons to open the page it
 * points to and to mark it read. Opening a notice marks it read. A filter shows only unread notices, and the first
 * {@value #PAGE_SIZE} cards are shown until the user asks for more.
 */
@Route(value = "notices", layout = MainLayout.class)
@Menu(order = 16, title = "menu.notices", icon = "vaadin:envelope")
@StyleSheet("context://styles/notices.css")
@PermitAll
public class NoticeInboxView extends VerticalLayout implements HasDynamicTitle {

    /** Cards added per page, so a long inbox stays light on a phone. */
    static final int PAGE_SIZE = 50;

    private final CurrentUser user;
    private final NoticeInbox inbox;
    private final UserNames names;
    private final ZoneId zone;
    private final Checkbox unreadOnly = new Checkbox();
    private final Div cards = new Div();
    private final Button more = new Button();
    private List<InboxNotice> notices = List.of();
    private int shown;

    public NoticeInboxView(CurrentUserProvider currentUser, NoticeInbox inbox, UserNames names,
            TenantDirectory tenants) {
        this.user = currentUser.require();
        this.inbox = inbox;
        this.names = names;
        this.zone = tenants.require(user.tenantId()).zone();
        addClassName("tezuo-notices");
        setPadding(true);

        unreadOnly.setLabel(getTranslation("notices.unreadOnly"));
        unreadOnly.setId("notices-unread-only");
        unreadOnly.addValueChangeListener(event -> refresh());

        cards.setId("notices-list");
        cards.addClassName("tezuo-notice-list");
        more.setText(getTranslation("notices.more"));
        more.setId("notices-more");
        more.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        more.addClickListener(event -> showNextPage());

        add(unreadOnly, cards, more);
        refresh();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("menu.notices");
    }

    private void refresh() {
        notices = inbox.list(user.tenantId(), user.username(), unreadOnly.getValue());
        shown = 0;
        cards.removeAll();
        if (notices.isEmpty()) {
            Paragraph empty = new Paragraph(getTranslation("notices.empty"));
            empty.setId("notices-empty");
            empty.addClassName("tezuo-muted");
            cards.add(empty);
        }
        showNextPage();
    }

    private void showNextPage() {
        List<InboxNotice> page = notices.subList(shown, Math.min(shown + PAGE_SIZE, notices.size()));
        Map<String, String> senderNames = names.of(user.tenantId(),
                page.stream().map(InboxNotice::sender).filter(Objects::nonNull).toList());
        page.forEach(notice -> cards.add(card(notice, senderNames)));
        shown += page.size();
        more.setVisible(shown < notices.size());
    }

    private Component card(InboxNotice notice, Map<String, String> senderNames) {
        Div card = new Div();
        card.setId("notice-" + notice.id());
        card.addClassName("tezuo-notice");
        card.getElement().setAttribute("data-topic", notice.topic());
        card.getElement().setAttribute("data-unread", String.valueOf(notice.unread()));

        Div heading = new Div();
        heading.addClassName("tezuo-notice-heading");
        if (notice.unread()) {
            card.addClassName("tezuo-unread");
            Span marker = new Span(getTranslation("notices.unread"));
            marker.addClassName("tezuo-unread-marker");
            heading.add(marker);
        }
        Span subject = new Span(notice.subject());
        subject.addClassName("tezuo-notice-subject");
        heading.add(subject);

        String sender = notice.sender() == null ? getTranslation("notices.system")
                : senderNames.getOrDefault(notice.sender(), notice.sender());
        Span meta = new Span(getTranslation("notices.meta", sender, DisplayFormats.dateTime(notice.createdAt(), zone)));
        meta.addClassNames("tezuo-notice-meta", "tezuo-muted");

        Paragraph body = new Paragraph(notice.body());
        body.addClassName("tezuo-notice-body");

        card.add(heading, meta, body, actions(notice));
        return card;
    }

    private Component actions(InboxNotice notice) {
        Div actions = new Div();
        actions.addClassName("tezuo-notice-actions");
        String link = notice.link();
        if (link != null) {
            Button open = new Button(getTranslation("notices.open"), event -> {
                inbox.markRead(user.tenantId(), user.username(), notice.id());
                UI.getCurrent().navigate(link.startsWith("/") ? link.substring(1) : link);
            });
            open.setId("notice-open-" + notice.id());
            open.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            actions.add(open);
        }
        if (notice.unread()) {
            Button read = new Button(getTranslation("notices.markRead"), event -> {
                inbox.markRead(user.tenantId(), user.username(), notice.id());
                refresh();
            });
            read.setId("notice-read-" + notice.id());
            actions.add(read);
        }
        return actions;
    }
}
