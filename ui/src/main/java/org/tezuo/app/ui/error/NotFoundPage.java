package org.tezuo.app.ui.error;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.server.HttpStatusCode;
import com.vaadin.flow.server.auth.AnonymousAllowed;

/**
 * The page of an address that no view serves. An address under {@code /profile}, such as a QR code scanned only in
 * part, is explained as a badge link that is incomplete.
 */
@AnonymousAllowed
@StyleSheet("context://styles/tezuo.css")
@StyleSheet("context://styles/problem.css")
public class NotFoundPage extends ProblemPage implements HasErrorParameter<NotFoundException> {

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        String path = event.getLocation().getPath();
        if (isProfilePath(path)) {
            show("problem-profile-link", "problem.profileLink.heading", getTranslation("problem.profileLink.reason"),
                    getTranslation("problem.profileLink.next"));
        } else {
            show("problem-not-found", "problem.notFound.heading", getTranslation("problem.notFound.reason", "/" + path),
                    getTranslation("problem.notFound.next"));
        }
        return HttpStatusCode.NOT_FOUND.getCode();
    }
}
