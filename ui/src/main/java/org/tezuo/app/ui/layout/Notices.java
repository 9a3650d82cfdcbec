package org.tezuo.app.ui.layout;

import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;

/** Short messages at the bottom of the screen: successes fade after 4 s, errors stay until closed. */
public final class Notices {

    private static final int SUCCESS_MILLIS = 4000;

    private Notices() {
    }

    public static void success(String text) {
        Notification notification = Notification.show(text, SUCCESS_MILLIS, Notification.Position.BOTTOM_CENTER);
        notification.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        notification.setId("notice-success");
    }

    /** Shows an error that stays until the user clicks it, so a long reason can be read on a phone. */
    public static void error(String text) {
        Notification notification = new Notification(text, 0, Notification.Position.MIDDLE);
        notification.addThemeVariants(NotificationVariant.LUMO_ERROR);
        notification.setId("notice-error");
        notification.getElement().addEventListener("click", event -> notification.close());
        notification.open();
    }
}
