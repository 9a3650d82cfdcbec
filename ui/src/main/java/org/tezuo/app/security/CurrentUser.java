package org.tezuo.app.security;

import java.io.Serializable;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The signed-in user. Every data access in the application is scoped to {@link #tenantId()}.
 *
 * @param userId id of the app_user row
 * @param roles role codes, for example {@code SAFETY_ENGINEER}; never empty
 * @param orgUnitId the user's org unit, or null when the user belongs to none
 * @param personIdNumber resident ID number of the person this user is, or null for users who are not workers;
 *     never log it
 */
public record CurrentUser(long userId, long tenantId, String username, String displayName, Set<Role> roles,
        @Nullable Long orgUnitId, @Nullable String personIdNumber) implements Serializable {

    public CurrentUser {
        roles = Set.copyOf(roles);
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }

    @Override
    public String toString() {
        return "CurrentUser[userId=" + userId + ", tenantId=" + tenantId + ", username=" + username + ", roles="
                + roles + "]";
    }
}
