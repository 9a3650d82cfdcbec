package org.tezuo.app.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.tezuo.app.security.Role;
import org.tezuo.core.i18n.UserMessages;
import org.tezuo.core.qualification.Certificate;
import org.tezuo.core.qualification.lifecycle.CertificateRevocation;
import org.tezuo.core.qualification.lifecycle.PostAbsence;
import org.tezuo.core.qualification.lifecycle.PostAbsenceStore;
import org.tezuo.core.qualification.verification.LifecyclePolicyResolver;
import org.tezuo.core.qualification.warning.CertificateWarningPass;
import org.tezuo.core.qualification.warning.PermitFreezer;

/**
 * Administrative lifecycle steps: revoking and cancelling certificates, approving the extended review interval,
 * recording time away from the post and the practical re-exam, and reading why a person is frozen.
 */
@RestController
@RequestMapping("/api")
@Tag(name = "certificate-lifecycle", description = "证书撤销、注销、延期复审与离岗记录")
class CertificateLifecycleApi {

    private final ApiCaller caller;
    private final CertificateRevocation revocation;
    private final PostAbsenceStore absences;
    private final PermitFreezer freezer;
    private final CertificateWarningPass warningPass;
    private final LifecyclePolicyResolver policies;

    CertificateLifecycleApi(ApiCaller caller, CertificateRevocation revocation, PostAbsenceStore absences,
            PermitFreezer freezer, CertificateWarningPass warningPass, LifecyclePolicyResolver policies) {
        this.caller = caller;
        this.revocation = revocation;
        this.absences = absences;
        this.freezer = freezer;
        this.warningPass = warningPass;
        this.policies = policies;
    }

    /** A reason for revoking or cancelling, such as the authority's document number. */
    record StateChange(@Nullable String reason) {
    }

    /** A date on which a lifecycle step happened, as yyyy-MM-dd. */
    record StepDate(LocalDate on) {
    }

    /** A certificate's state after an administrative change. */
    record CertificateStateView(long id, String certNumber, String certificateClass, String state, String stateZh,
            @Nullable String stateReason, @Nullable LocalDate reviewExtensionApprovedOn) {

        static CertificateStateView of(Certificate c) {
            return new CertificateStateView(c.id(), c.certNumber(), c.certificateClass().code(), c.state().name(),
                    c.state().label(UserMessages.DEFAULT_LOCALE), c.stateReason(), c.reviewExtensionApprovedOn());
        }
    }

    /** The freeze in force on a person; {@code frozen} is false when no freeze raised by a warning rule is in force. */
    record FreezeView(boolean frozen, @Nullable String certNumber, @Nullable String item, @Nullable String ruleId,
            @Nullable String reason, @Nullable Instant frozenAt, boolean doorRevoked) {
    }

    @PostMapping("/certificates/{id}/revocation")
    @Operation(summary = "撤销（吊销）证书，须填写原因")
    CertificateStateView revoke(@PathVariable long id, @RequestBody StateChange body) {
        long tenantId = administrator();
        Certificate revoked = revocation.revoke(tenantId, id, body.reason(), caller.user().username());
        applyFreezes(tenantId);
        return CertificateStateView.of(revoked);
    }

    @PostMapping("/certificates/{id}/cancellation")
    @Operation(summary = "注销证书，须填写原因")
    CertificateStateView cancel(@PathVariable long id, @RequestBody StateChange body) {
        long tenantId = administrator();
        Certificate cancelled = revocation.cancel(tenantId, id, body.reason(), caller.user().username());
        applyFreezes(tenantId);
        return CertificateStateView.of(cancelled);
    }

    /**
     * Runs the tenant's warning pass after a revocation or cancellation has committed, so the holder's permit
     * submission and door access are frozen at once instead of at the next scheduled pass.
     */
    private void applyFreezes(long tenantId) {
        // NOTE: the pass re-evaluates every certificate of the tenant, which is more work than the one holder
        // needs; a per-person reconcile in PermitFreezer would be the narrower call.
        if (policies.findPolicy(tenantId).isPresent()) {
            warningPass.run(tenantId, caller.user().username());
        }
    }

    @PostMapping("/certificates/{id}/review-extension")
    @Operation(summary = "登记发证机关批准的延长复审周期")
    CertificateStateView approveExtension(@PathVariable long id, @RequestBody StepDate body) {
        long tenantId = administrator();
        return CertificateStateView.of(revocation.approveReviewExtension(tenantId, id, body.on(),
                caller.user().username()));
    }

    @PostMapping("/persons/{id}/post-absence/leave")
    @Operation(summary = "登记离岗日期")
    PostAbsence leave(@PathVariable long id, @RequestBody StepDate body) {
        return absences.recordLeft(personnelClerk(), id, body.on(), caller.user().username());
    }

    @PostMapping("/persons/{id}/post-absence/return")
    @Operation(summary = "登记返岗日期")
    PostAbsence returnToPost(@PathVariable long id, @RequestBody StepDate body) {
        return absences.recordReturned(personnelClerk(), id, body.on(), caller.user().username());
    }

    @PostMapping("/persons/{id}/post-absence/practical-reexam")
    @Operation(summary = "登记离岗后实际操作考试合格日期")
    PostAbsence reexamPassed(@PathVariable long id, @RequestBody StepDate body) {
        return absences.recordReexamPassed(personnelClerk(), id, body.on(), caller.user().username());
    }

    @GetMapping("/persons/{id}/freeze")
    @Operation(summary = "人员冻结原因：证书、预警规则与冻结起始时间")
    FreezeView freeze(@PathVariable long id) {
        long tenantId = caller.requireAnyRole(Role.SYSTEM_ADMIN, Role.SAFETY_DIRECTOR, Role.SAFETY_ENGINEER,
                Role.UNIT_HEAD, Role.TEAM_LEADER, Role.HRBP, Role.WORK_LEADER);
        return freezer.activeFreezeOf(tenantId, id)
                .map(f -> new FreezeView(true, f.certNumber(), f.item(), f.ruleId(), f.reason(), f.frozenAt(),
                        f.doorRevoked()))
                .orElse(new FreezeView(false, null, null, null, null, null, false));
    }

    private long administrator() {
        return caller.requireAnyRole(Role.SYSTEM_ADMIN, Role.SAFETY_DIRECTOR);
    }

    private long personnelClerk() {
        return caller.requireAnyRole(Role.SYSTEM_ADMIN, Role.SAFETY_DIRECTOR, Role.SAFETY_ENGINEER, Role.HRBP);
    }
}
