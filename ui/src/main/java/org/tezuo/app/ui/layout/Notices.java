package org.tezuo.app.ui.layout;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.notification.NotificationVariant;

/** Short messages at the bottom of the screen: successes fade after 4 s, errors stay until closed with ×. */
public final class Notices {

    private static final int SUCCESS_MILLIS = 4000;

    private Notices() {
    }

    public static void success(String text) {
        Notification notification = Notification.show(text, SUCCESS_MILLIS, Notification.Position.BOTTOM_CENTER);
        notification.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        notification.setId("notice-success");
    }

    /**
     * Shows an error at the bottom that stays until the user closes it with its × button, so a long reason can be
     * read on a phone. A newer error replaces an older one instead of piling up.
     */
    public static void error(String text) {
        UI ui = UI.getCurrent();
        if (ui != null) {
            ui.getChildren().filter(Notification.class::isInstance).map(Notification.class::cast)
                    .filter(open -> "notice-error".equals(open.getId().orElse(""))).toList()
                    .forEach(Notification::close);
        }
        Notification notification = new Notification();
        notification.setDuration(0);
        notification.setPosition(Notification.Position.BOTTOM_STRETCH);
        notification.addThemeVariants(NotificationVariant.LUMO_ERROR);
        notification.setId("notice-error");
        Button close = new Button(VaadinIcon.CLOSE_SMALL.create(), event -> notification.close());
        close.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        close.setId("notice-error-close");
        close.setAriaLabel(ui == null ? "×" : ui.getTranslation("notice.close"));
        HorizontalLayout content = new HorizontalLayout(new Div(text), close);
        content.setAlignItems(FlexComponent.Alignment.CENTER);
        content.setWidthFull();
        content.expand(content.getComponentAt(0));
        notification.add(content);
        notification.open();
    }
}
