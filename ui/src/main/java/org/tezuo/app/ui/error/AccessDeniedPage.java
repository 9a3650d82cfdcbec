package org.tezuo.app.ui.error;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.router.AccessDeniedException;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.server.HttpStatusCode;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.tezuo.app.security.CurrentUserProvider;

/**
 * The page a signed-in user gets for a view that their roles do not open, in place of Vaadin's default, which
 * shows the English not-found text as if the address did not exist. A worker who scans a badge learns that
 * profiles list certificate numbers, which embed the full ID number, and where permit workers are checked instead.
 */
@AnonymousAllowed
@StyleSheet("context://styles/tezuo.css")
@StyleSheet("context://styles/problem.css")
public class AccessDeniedPage extends ProblemPage implements HasErrorParameter<AccessDeniedException> {

    private final CurrentUserProvider currentUser;

    public AccessDeniedPage(CurrentUserProvider currentUser) {
        this.currentUser = currentUser;
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<AccessDeniedException> parameter) {
        String who = currentUser.current().map(user -> user.displayName()).orElse("");
        if (isProfilePath(event.getLocation().getPath())) {
            show("problem-profile-forbidden", "problem.profileForbidden.heading",
                    getTranslation("problem.profileForbidden.reason", who),
                    getTranslation("problem.profileForbidden.next"));
        } else {
            show("problem-forbidden", "problem.forbidden.heading", getTranslation("problem.forbidden.reason", who),
                    getTranslation("problem.forbidden.next"));
        }
        return HttpStatusCode.FORBIDDEN.getCode();
    }
}
