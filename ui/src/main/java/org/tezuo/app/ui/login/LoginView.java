package org.tezuo.app.ui.login;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.web.WebAttributes;
import org.tezuo.app.security.CurrentUserProvider;
import org.tezuo.app.security.LoginLockout;
import org.tezuo.app.ui.i18n.LanguageSwitch;

/**
 * The login page at {@code /login}. The form posts to {@code /login}, where Spring Security checks the user and
 * redirects to the page asked for, or back here with {@code ?error}.
 */
@Route(value = "login", autoLayout = false)
@AnonymousAllowed
@StyleSheet("context://styles/tezuo.css")
public class LoginView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final LoginForm form = new LoginForm();
    private final CurrentUserProvider currentUser;
    private final LoginLockout lockout;

    public LoginView(CurrentUserProvider currentUser, LoginLockout lockout) {
        this.currentUser = currentUser;
        this.lockout = lockout;
        addClassName("tezuo-login");
        setSizeFull();
        setAlignItems(FlexComponent.Alignment.CENTER);
        setJustifyContentMode(FlexComponent.JustifyContentMode.CENTER);

        form.setAction("login");
        form.setForgotPasswordButtonVisible(false);
        form.setI18n(captions());

        add(new LanguageSwitch(), new H1(getTranslation("app.name")), form);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (currentUser.current().isPresent()) {
            event.forwardTo("");
            return;
        }
        boolean failed = event.getLocation().getQueryParameters().getParameters().containsKey("error");
        if (failed && lastLoginFailure() instanceof LockedException) {
            LoginI18n i18n = captions();
            i18n.getErrorMessage().setTitle(getTranslation("login.locked.title"));
            i18n.getErrorMessage().setMessage(getTranslation("login.locked.message", lockout.maxFailures(),
                    lockout.duration().toMinutes()));
            form.setI18n(i18n);
        }
        form.setError(failed);
    }

    /** Returns the exception of the last failed login, which Spring Security keeps in the session. */
    private static @Nullable Object lastLoginFailure() {
        VaadinServletRequest request = VaadinServletRequest.getCurrent();
        HttpSession session = request == null ? null : request.getHttpServletRequest().getSession(false);
        return session == null ? null : session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("login.title");
    }

    private LoginI18n captions() {
        LoginI18n i18n = LoginI18n.createDefault();

        LoginI18n.Form captions = i18n.getForm();
        captions.setTitle(getTranslation("login.title"));
        captions.setUsername(getTranslation("login.username"));
        captions.setPassword(getTranslation("login.password"));
        captions.setSubmit(getTranslation("login.submit"));

        LoginI18n.ErrorMessage error = i18n.getErrorMessage();
        error.setTitle(getTranslation("login.error.title"));
        error.setMessage(getTranslation("login.error.message"));
        error.setUsername(getTranslation("login.error.usernameMissing"));
        error.setPassword(getTranslation("login.error.passwordMissing"));
        return i18n;
    }
}
