package org.tezuo.app.ui.notification;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tezuo.app.security.CurrentUser;
import org.tezuo.app.security.CurrentUserProvider;
import org.tezuo.app.ui.i18n.DisplayFormats;
import org.tezuo.app.ui.layout.MainLayout;
import org.tezuo.app.ui.layout.Notices;
import org.tezuo.core.notification.Delivery;
import org.tezuo.core.notification.DeliveryDispatcher;
import org.tezuo.core.notification.DeliveryOutbox;
import org.tezuo.core.notification.DeliveryStatus;
import org.tezuo.core.tenant.TenantDirectory;
import org.tezuo.core.tenant.UserNames;

/**
 * Notice deliveries of the tenant for administrators: failed ones first by default, each with its recipient by
 * display name, its last error and a button that queues it for one more attempt.
 */
@Route(value = "notification-deliveries", layout = MainLayout.class)
@Menu(order = 55, title = "menu.deliveries", icon = "vaadin:paperplane")
@RolesAllowed({"SYSTEM_ADMIN", "SAFETY_DIRECTOR"})
public class DeliveriesView extends VerticalLayout implements HasDynamicTitle {

    /** Filter value meaning every state. */
    private static final String ALL = "ALL";

    private final CurrentUser user;
    private final DeliveryOutbox outbox;
    private final DeliveryDispatcher dispatcher;
    private final UserNames names;
    private final Grid<Delivery> grid = new Grid<>(Delivery.class, false);
    private final Select<String> status = new Select<>();
    private Map<String, String> recipientNames = Map.of();

    public DeliveriesView(CurrentUserProvider currentUser, DeliveryOutbox outbox, DeliveryDispatcher dispatcher,
            UserNames names, TenantDirectory tenants) {
        this.user = currentUser.require();
        this.outbox = outbox;
        this.dispatcher = dispatcher;
        this.names = names;
        ZoneId zone = tenants.require(user.tenantId()).zone();
        setSizeFull();

        status.setId("deliveries-status");
        status.setLabel(getTranslation("deliveries.status"));
        status.setItems(DeliveryStatus.FAILED.name(), DeliveryStatus.PENDING.name(), DeliveryStatus.SENT.name(), ALL);
        status.setItemLabelGenerator(value -> getTranslation("deliveries.status." + value));
        status.setValue(DeliveryStatus.FAILED.name());
        status.addValueChangeListener(event -> refresh());

        grid.setId("deliveries-grid");
        grid.setSizeFull();
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setEmptyStateText(getTranslation("deliveries.empty"));
        grid.addColumn(delivery -> DisplayFormats.dateTime(delivery.createdAt(), zone))
                .setHeader(getTranslation("deliveries.createdAt")).setAutoWidth(true).setFrozen(true);
        grid.addColumn(delivery -> recipientNames.getOrDefault(delivery.recipient(), delivery.recipient()))
                .setHeader(getTranslation("deliveries.recipient")).setAutoWidth(true);
        grid.addColumn(Delivery::subject).setHeader(getTranslation("deliveries.subject")).setFlexGrow(1);
        grid.addColumn(Delivery::connectorKey).setHeader(getTranslation("deliveries.channel")).setAutoWidth(true);
        grid.addColumn(delivery -> getTranslation("deliveries.status." + delivery.status().name()))
                .setHeader(getTranslation("deliveries.status")).setAutoWidth(true);
        grid.addColumn(Delivery::attempts).setHeader(getTranslation("deliveries.attempts")).setAutoWidth(true);
        grid.addColumn(delivery -> delivery.status() == DeliveryStatus.PENDING
                ? DisplayFormats.dateTime(delivery.nextAttemptAt(), zone) : "")
                .setHeader(getTranslation("deliveries.nextAttempt")).setAutoWidth(true);
        grid.addColumn(delivery -> Optional.ofNullable(delivery.lastError(getLocale())).orElse(""))
                .setHeader(getTranslation("deliveries.lastError")).setFlexGrow(3);
        grid.addColumn(new ComponentRenderer<>(this::retryButton)).setAutoWidth(true);

        add(status, grid);
        refresh();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("menu.deliveries");
    }

    private void refresh() {
        String value = status.getValue();
        List<Delivery> deliveries = outbox.list(user.tenantId(),
                value == null || value.equals(ALL) ? null : DeliveryStatus.valueOf(value));
        recipientNames = names.of(user.tenantId(), deliveries.stream().map(Delivery::recipient).toList());
        grid.setItems(deliveries);
    }

    private Component retryButton(Delivery delivery) {
        if (delivery.status() != DeliveryStatus.FAILED) {
            return new Span();
        }
        Button retry = new Button(getTranslation("deliveries.retry"), event -> {
            if (outbox.retry(user.tenantId(), delivery.id(), user.username())) {
                dispatcher.dispatchSoon();
                Notices.success(getTranslation("deliveries.retried"));
            }
            refresh();
        });
        retry.setId("delivery-retry-" + delivery.id());
        retry.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
        return retry;
    }
}
