package org.tezuo.app.profile;

import java.util.Set;
import org.tezuo.app.security.CurrentUser;
import org.tezuo.app.security.Role;

/**
 * Role sets for reading a person's profile page, managing the badge, and recording assessments and clips. Workers
 * cannot read profiles, because certificate numbers embed the holder's full ID number.
 */
public final class ProfileAccess {

    /** Roles that may open the profile page of any person of their tenant. */
    public static final Set<Role> READERS = Set.of(Role.SYSTEM_ADMIN, Role.SAFETY_DIRECTOR, Role.SAFETY_ENGINEER,
            Role.UNIT_HEAD, Role.TEAM_LEADER, Role.HRBP, Role.WORK_LEADER);

    /** Roles that may print a badge (which issues the token) and regenerate or revoke the token. */
    public static final Set<Role> BADGE_MANAGERS = Set.of(Role.SYSTEM_ADMIN, Role.HRBP);

    /** Roles that organise training and assessments, so they record them and upload their clips. */
    public static final Set<Role> RECORDERS = Set.of(Role.SYSTEM_ADMIN, Role.SAFETY_ENGINEER, Role.HRBP);

    private ProfileAccess() {
    }

    public static boolean canRead(CurrentUser user) {
        return READERS.stream().anyMatch(user::hasRole);
    }

    public static boolean canManageBadge(CurrentUser user) {
        return BADGE_MANAGERS.stream().anyMatch(user::hasRole);
    }

    public static boolean canRecord(CurrentUser user) {
        return RECORDERS.stream().anyMatch(user::hasRole);
    }
}
