package org.tezuo.app.qualification;

import java.util.Set;
import org.tezuo.app.security.CurrentUser;
import org.tezuo.app.security.Role;

/**
 * Role sets for the administrative lifecycle steps. Revoking, cancelling and recording an approved extension change
 * what a certificate allows, so only system administrators and safety directors do them. Time away from the post is
 * personnel data, which HR and safety engineers record as well.
 */
public final class LifecycleAccess {

    /** Roles that revoke (撤销/吊销) and cancel (注销) certificates and record an approved review extension. */
    public static final Set<Role> CERTIFICATE_ADMINISTRATORS = Set.of(Role.SYSTEM_ADMIN, Role.SAFETY_DIRECTOR);

    /** Roles that record leaving and returning to the post and a passed practical re-exam. */
    public static final Set<Role> ABSENCE_RECORDERS = Set.of(Role.SYSTEM_ADMIN, Role.SAFETY_DIRECTOR,
            Role.SAFETY_ENGINEER, Role.HRBP);

    private LifecycleAccess() {
    }

    public static boolean canAdministerCertificates(CurrentUser user) {
        return CERTIFICATE_ADMINISTRATORS.stream().anyMatch(user::hasRole);
    }

    public static boolean canRecordAbsence(CurrentUser user) {
        return ABSENCE_RECORDERS.stream().anyMatch(user::hasRole);
    }
}
