package org.tezuo.app.qualification;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.tezuo.app.security.CurrentUser;
import org.tezuo.core.qualification.Certificate;
import org.tezuo.core.qualification.lifecycle.CertificateRevocation;
import org.tezuo.core.qualification.lifecycle.PostAbsence;
import org.tezuo.core.qualification.lifecycle.PostAbsenceStore;
import org.tezuo.core.qualification.verification.LifecyclePolicyResolver;
import org.tezuo.core.qualification.warning.CertificateWarningPass;

/**
 * The administrative lifecycle steps as the person page and the REST API run them: each checks the user's role
 * ({@link LifecycleAccess}), runs the step in its own transaction, and after a revocation or cancellation runs the
 * warning pass, so the holder's permit submission and door access are frozen at once. A rejected step throws a
 * {@link org.tezuo.core.qualification.lifecycle.LifecycleException} and saves nothing.
 */
@Component
public class LifecycleCommands {

    private final CertificateRevocation revocation;
    private final PostAbsenceStore absences;
    private final CertificateWarningPass warningPass;
    private final LifecyclePolicyResolver policies;

    public LifecycleCommands(CertificateRevocation revocation, PostAbsenceStore absences,
            CertificateWarningPass warningPass, LifecyclePolicyResolver policies) {
        this.revocation = revocation;
        this.absences = absences;
        this.warningPass = warningPass;
        this.policies = policies;
    }

    /** Revokes (撤销/吊销) a certificate with the authority's reason. */
    public Certificate revoke(CurrentUser user, long certificateId, @Nullable String reason) {
        requireCertificateAdministrator(user);
        Certificate revoked = revocation.revoke(user.tenantId(), certificateId, reason, user.username());
        applyFreezes(user);
        return revoked;
    }

    /** Cancels (注销) a certificate with its reason. */
    public Certificate cancel(CurrentUser user, long certificateId, @Nullable String reason) {
        requireCertificateAdministrator(user);
        Certificate cancelled = revocation.cancel(user.tenantId(), certificateId, reason, user.username());
        applyFreezes(user);
        return cancelled;
    }

    /** Records that the authority approved the extended review interval on {@code approvedOn}. */
    public Certificate approveReviewExtension(CurrentUser user, long certificateId, LocalDate approvedOn) {
        requireCertificateAdministrator(user);
        return revocation.approveReviewExtension(user.tenantId(), certificateId, approvedOn, user.username());
    }

    public PostAbsence recordLeft(CurrentUser user, long personId, LocalDate leftOn) {
        requireAbsenceRecorder(user);
        return absences.recordLeft(user.tenantId(), personId, leftOn, user.username());
    }

    public PostAbsence recordReturned(CurrentUser user, long personId, LocalDate returnedOn) {
        requireAbsenceRecorder(user);
        return absences.recordReturned(user.tenantId(), personId, returnedOn, user.username());
    }

    public PostAbsence recordReexamPassed(CurrentUser user, long personId, LocalDate passedOn) {
        requireAbsenceRecorder(user);
        return absences.recordReexamPassed(user.tenantId(), personId, passedOn, user.username());
    }

    /**
     * Runs the tenant's warning pass after a revocation or cancellation has committed, so the holder is frozen at
     * once instead of at the next scheduled pass.
     */
    private void applyFreezes(CurrentUser user) {
        // NOTE: the pass re-evaluates every certificate of the tenant, which is more work than the one holder
        // needs. A per-person reconcile in PermitFreezer would be the narrower call.
        if (policies.findPolicy(user.tenantId()).isPresent()) {
            warningPass.run(user.tenantId(), user.username());
        }
    }

    private static void requireCertificateAdministrator(CurrentUser user) {
        if (!LifecycleAccess.canAdministerCertificates(user)) {
            throw new AccessDeniedException("User " + user.username() + " lacks one of the roles "
                    + LifecycleAccess.CERTIFICATE_ADMINISTRATORS);
        }
    }

    private static void requireAbsenceRecorder(CurrentUser user) {
        if (!LifecycleAccess.canRecordAbsence(user)) {
            throw new AccessDeniedException("User " + user.username() + " lacks one of the roles "
                    + LifecycleAccess.ABSENCE_RECORDERS);
        }
    }
}
