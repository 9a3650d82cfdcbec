package org.tezuo.app.ui.layout;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Shows an error notice, in the user's language, for any exception a view does not handle itself, so that a
 * failed action never looks like nothing happened. The exception is logged with the user interface's id.
 */
@Component
public class UnexpectedErrors implements VaadinServiceInitListener {

    private static final Logger log = LoggerFactory.getLogger(UnexpectedErrors.class);

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(init -> init.getSession().setErrorHandler(UnexpectedErrors::show));
    }

    private static void show(ErrorEvent error) {
        UI ui = UI.getCurrent();
        log.error("Unexpected error in user interface {}", ui == null ? "-" : ui.getUIId(), error.getThrowable());
        if (ui != null) {
            Notices.error(ui.getTranslation("error.unexpected"));
        }
    }
}
