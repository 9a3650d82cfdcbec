package org.tezuo.app.api;

import java.util.Arrays;
import java.util.Locale;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.tezuo.app.permit.Actor;
import org.tezuo.app.security.CurrentUser;
import org.tezuo.app.security.CurrentUserProvider;
import org.tezuo.app.security.Role;
import org.tezuo.core.i18n.UserMessages;

/** The signed-in caller of a REST request: tenant, user, locale (Accept-Language, Chinese by default), roles. */
@Component
class ApiCaller {

    private final CurrentUserProvider users;

    ApiCaller(CurrentUserProvider users) {
        this.users = users;
    }

    CurrentUser user() {
        return users.require();
    }

    Actor actor() {
        CurrentUser user = users.require();
        return new Actor(user.tenantId(), user.username(), locale());
    }

    /** Returns the caller's tenant id after checking that the caller has one of {@code roles}. */
    long requireAnyRole(Role... roles) {
        CurrentUser user = users.require();
        if (Arrays.stream(roles).noneMatch(user::hasRole)) {
            throw new AccessDeniedException("User " + user.username() + " lacks one of the roles "
                    + Arrays.toString(roles));
        }
        return user.tenantId();
    }

    static Locale locale() {
        Locale requested = LocaleContextHolder.getLocale();
        return "en".equals(requested.getLanguage()) ? Locale.ENGLISH : UserMessages.DEFAULT_LOCALE;
    }
}
