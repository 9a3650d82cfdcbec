package org.tezuo.app.qualification;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.tezuo.app.security.CurrentUser;
import org.tezuo.core.qualification.Certificate;
import org.tezuo.core.qualification.lifecycle.CertificateRevocation;
import org.tezuo.core.qualification.lifecycle.LifecycleException;
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
    public Certificate approveReviewExtension(CurrentUser user, long certificateId, @Nullable LocalDate approvedOn) {
        requireCertificateAdministrator(user);
        requireDate(approvedOn, "批准日期", "approval date");
        return revocation.approveReviewExtension(user.tenantId(), certificateId, approvedOn, user.username());
    }

    public PostAbsence recordLeft(CurrentUser user, long personId, @Nullable LocalDate leftOn) {
        requireAbsenceRecorder(user);
        requireDate(leftOn, "离岗日期", "leave date");
        return absences.recordLeft(user.tenantId(), personId, leftOn, user.username());
    }

    public PostAbsence recordReturned(CurrentUser user, long personId, @Nullable LocalDate returnedOn) {
        requireAbsenceRecorder(user);
        requireDate(returnedOn, "返岗日期", "return date");
        return absences.recordReturned(user.tenantId(), personId, returnedOn, user.username());
    }

    public PostAbsence recordReexamPassed(CurrentUser user, long personId, @Nullable LocalDate passedOn) {
        requireAbsenceRecorder(user);
        requireDate(passedOn, "考试合格日期", "exam date");
        return absences.recordReexamPassed(user.tenantId(), personId, passedOn, user.username());
    }

    /** Rejects a request without the date a step needs; the Chinese message names it by {@code nameZh}, the English one by {@code nameEn}. */
    private static void requireDate(@Nullable LocalDate date, String nameZh, String nameEn) {
        if (date == null) {
            throw new LifecycleException("lifecycle.dateMissing", nameZh, nameEn);
        }
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
