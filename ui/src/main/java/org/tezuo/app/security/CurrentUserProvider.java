package org.tezuo.app.security;

import java.util.Optional;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.stereotype.Component;

/**
 * Returns the signed-in user of the current request or Vaadin UI access, whether the user signed in through the
 * login page or HTTP Basic.
 */
@Component
public class CurrentUserProvider {

    private final SecurityContextHolderStrategy contexts;

    /**
     * Reads the security context through the application's own holder strategy (Vaadin installs one) rather than
     * the static holder, which the last application context started in the JVM owns.
     */
    public CurrentUserProvider(ObjectProvider<SecurityContextHolderStrategy> contexts) {
        this.contexts = contexts.getIfAvailable(SecurityContextHolder::getContextHolderStrategy);
    }

    /** Returns the current authentication, or null for an anonymous request. */
    public @Nullable Authentication authentication() {
        return contexts.getContext().getAuthentication();
    }

    /** Returns the signed-in user, or empty for an anonymous request. */
    public Optional<CurrentUser> current() {
        Authentication authentication = authentication();
        if (authentication != null && authentication.getPrincipal() instanceof SignedInUser principal) {
            return Optional.of(principal.user());
        }
        return Optional.empty();
    }

    /**
     * Returns the signed-in user.
     *
     * @throws AuthenticationCredentialsNotFoundException when no user is signed in. Spring Security turns it into
     *     401 on the API and into a redirect to the login page elsewhere
     */
    public CurrentUser require() {
        return current().orElseThrow(
                () -> new AuthenticationCredentialsNotFoundException("No user is signed in for this request"));
    }
}
