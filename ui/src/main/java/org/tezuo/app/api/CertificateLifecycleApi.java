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
import org.tezuo.app.qualification.CertificateNumbers;
import org.tezuo.app.qualification.LifecycleCommands;
import org.tezuo.app.security.CurrentUser;
import org.tezuo.app.security.Role;
import org.tezuo.core.i18n.UserMessages;
import org.tezuo.core.qualification.Certificate;
import org.tezuo.core.qualification.QualificationStore;
import org.tezuo.core.qualification.lifecycle.PostAbsence;
import org.tezuo.core.qualification.warning.PermitFreezer;
import org.tezuo.core.qualification.warning.WarningRuleNames;

/**
 * Administrative lifecycle steps: revoking and cancelling certificates, approving the extended review interval,
 * recording time away from the post and the practical re-exam, and reading why a person is frozen. Certificate
 * numbers in responses are masked for every caller except a system administrator ({@link CertificateNumbers}).
 */
@RestController
@RequestMapping("/api")
@Tag(name = "certificate-lifecycle", description = "证书撤销、注销、延期复审与离岗记录")
class CertificateLifecycleApi {

    private final ApiCaller caller;
    private final LifecycleCommands commands;
    private final PermitFreezer freezer;
    private final WarningRuleNames ruleNames;
    private final QualificationStore persons;

    CertificateLifecycleApi(ApiCaller caller, LifecycleCommands commands, PermitFreezer freezer,
            WarningRuleNames ruleNames, QualificationStore persons) {
        this.caller = caller;
        this.commands = commands;
        this.freezer = freezer;
        this.ruleNames = ruleNames;
        this.persons = persons;
    }

    /** A reason for revoking or cancelling, such as the authority's document number. */
    record StateChange(@Nullable String reason) {
    }

    /** A date on which a lifecycle step happened, as yyyy-MM-dd. */
    record StepDate(@Nullable LocalDate on) {
    }

    /** A certificate's state after an administrative change. */
    record CertificateStateView(long id, String certNumber, String certificateClass, String certificateClassZh,
            String state, String stateZh, @Nullable String stateReason, @Nullable LocalDate reviewExtensionApprovedOn) {

        static CertificateStateView of(Certificate c, CurrentUser reader) {
            return new CertificateStateView(c.id(), CertificateNumbers.readable(reader, c.certNumber()),
                    c.certificateClass().code(), c.certificateClass().label(UserMessages.DEFAULT_LOCALE),
                    c.state().name(), c.state().label(UserMessages.DEFAULT_LOCALE), c.stateReason(),
                    c.reviewExtensionApprovedOn());
        }
    }

    /**
     * The freeze in force on a person; {@code frozen} is false when no freeze raised by a warning rule is in force.
     *
     * @param ruleName the warning rule's name in the caller's language, such as 失效当天冻结作业票提交并收回门禁权限
     */
    record FreezeView(boolean frozen, @Nullable String certNumber, @Nullable String item, @Nullable String ruleId,
            @Nullable String ruleName, @Nullable String reason, @Nullable Instant frozenAt, boolean doorRevoked) {
    }

    @PostMapping("/certificates/{id}/revocation")
    @Operation(summary = "撤销（吊销）证书，须填写原因")
    CertificateStateView revoke(@PathVariable long id, @RequestBody StateChange body) {
        CurrentUser user = caller.user();
        return CertificateStateView.of(commands.revoke(user, id, body.reason()), user);
    }

    @PostMapping("/certificates/{id}/cancellation")
    @Operation(summary = "注销证书，须填写原因")
    CertificateStateView cancel(@PathVariable long id, @RequestBody StateChange body) {
        CurrentUser user = caller.user();
        return CertificateStateView.of(commands.cancel(user, id, body.reason()), user);
    }

    @PostMapping("/certificates/{id}/review-extension")
    @Operation(summary = "登记发证机关批准的延长复审周期")
    CertificateStateView approveExtension(@PathVariable long id, @RequestBody StepDate body) {
        CurrentUser user = caller.user();
        return CertificateStateView.of(commands.approveReviewExtension(user, id, body.on()), user);
    }

    @PostMapping("/persons/{id}/post-absence/leave")
    @Operation(summary = "登记离岗日期")
    PostAbsence leave(@PathVariable long id, @RequestBody StepDate body) {
        return commands.recordLeft(caller.user(), id, body.on());
    }

    @PostMapping("/persons/{id}/post-absence/return")
    @Operation(summary = "登记返岗日期")
    PostAbsence returnToPost(@PathVariable long id, @RequestBody StepDate body) {
        return commands.recordReturned(caller.user(), id, body.on());
    }

    @PostMapping("/persons/{id}/post-absence/practical-reexam")
    @Operation(summary = "登记离岗后实际操作考试合格日期")
    PostAbsence reexamPassed(@PathVariable long id, @RequestBody StepDate body) {
        return commands.recordReexamPassed(caller.user(), id, body.on());
    }

    @GetMapping("/persons/{id}/freeze")
    @Operation(summary = "人员冻结原因：证书、预警规则与冻结起始时间")
    FreezeView freeze(@PathVariable long id) {
        long tenantId = caller.requireAnyRole(Role.SYSTEM_ADMIN, Role.SAFETY_DIRECTOR, Role.SAFETY_ENGINEER,
                Role.UNIT_HEAD, Role.TEAM_LEADER, Role.HRBP, Role.WORK_LEADER);
        CurrentUser user = caller.user();
        persons.findPerson(tenantId, id).orElseThrow(() -> new NotFoundException("人员", id));
        return freezer.activeFreezeOf(tenantId, id)
                .map(f -> new FreezeView(true, CertificateNumbers.readable(user, f.certNumber()), f.item(), f.ruleId(),
                        f.ruleId() == null ? null : ruleNames.nameOf(tenantId, f.ruleId(), ApiCaller.locale()),
                        CertificateNumbers.forUser(user, f.reason()), f.frozenAt(), f.doorRevoked()))
                .orElse(new FreezeView(false, null, null, null, null, null, null, false));
    }
}
