package org.tezuo.app.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tezuo.app.qualification.CertificateNumbers;
import org.tezuo.app.security.CurrentUser;
import org.tezuo.app.security.Role;
import org.tezuo.core.qualification.QualificationStore;
import org.tezuo.core.qualification.verification.RunMismatch;
import org.tezuo.core.qualification.verification.RunReportReader;
import org.tezuo.core.qualification.verification.VerificationRun;
import org.tezuo.core.qualification.verification.VerificationRunStore;
import org.tezuo.core.qualification.warning.CertificateWarning;
import org.tezuo.core.qualification.warning.WarningConfirmer;
import org.tezuo.core.qualification.warning.WarningStore;
import org.tezuo.core.schedule.CertificateJobRunner;
import org.tezuo.core.schedule.JobRun;
import org.tezuo.core.schedule.ScheduledJob;

/** Registry verification runs and the certificate warnings and to-dos they raise. */
@RestController
@RequestMapping("/api")
@Tag(name = "verification", description = "证书核验、预警与待办确认")
class VerificationApi {

    private final ApiCaller caller;
    private final CertificateJobRunner jobs;
    private final VerificationRunStore runs;
    private final RunReportReader reports;
    private final WarningStore warnings;
    private final WarningConfirmer confirmer;
    private final QualificationStore persons;

    VerificationApi(ApiCaller caller, CertificateJobRunner jobs, VerificationRunStore runs, RunReportReader reports,
            WarningStore warnings, WarningConfirmer confirmer, QualificationStore persons) {
        this.caller = caller;
        this.jobs = jobs;
        this.runs = runs;
        this.reports = reports;
        this.warnings = warnings;
        this.confirmer = confirmer;
        this.persons = persons;
    }

    @PostMapping("/verification/runs")
    @Operation(summary = "立即核验全部证书（随后执行预警）")
    JobRun runNow() {
        long tenantId = caller.requireAnyRole(Role.SYSTEM_ADMIN, Role.SAFETY_DIRECTOR, Role.SAFETY_ENGINEER, Role.HRBP);
        return jobs.runNow(tenantId, ScheduledJob.CERTIFICATE_VERIFICATION, caller.user().username());
    }

    @GetMapping("/verification/runs")
    @Operation(summary = "最近的核验记录")
    List<VerificationRun> recentRuns() {
        long tenantId = caller.requireAnyRole(Role.SYSTEM_ADMIN, Role.SAFETY_DIRECTOR, Role.SAFETY_ENGINEER, Role.HRBP);
        return runs.recent(tenantId, 20);
    }

    @GetMapping("/verification/runs/{runId}/changes")
    @Operation(summary = "某次核验中有变化的证书（状态与采用的信息，核验前 → 核验后；证号中的身份证号已脱敏）")
    List<VerificationRun.CertificateChange> runChanges(@PathVariable long runId,
            @RequestParam(defaultValue = "100") int limit, @RequestParam(defaultValue = "0") int offset) {
        long tenantId = caller.requireAnyRole(Role.SYSTEM_ADMIN, Role.SAFETY_DIRECTOR, Role.SAFETY_ENGINEER, Role.HRBP);
        return reports.changes(tenantId, runId, limit, offset);
    }

    @GetMapping("/verification/runs/{runId}/mismatches")
    @Operation(summary = "某次核验中台账与查询平台不一致的字段（字段、台账值、查询平台值；身份证号已脱敏）")
    List<RunMismatch> runMismatches(@PathVariable long runId, @RequestParam(defaultValue = "100") int limit,
            @RequestParam(defaultValue = "0") int offset) {
        long tenantId = caller.requireAnyRole(Role.SYSTEM_ADMIN, Role.SAFETY_DIRECTOR, Role.SAFETY_ENGINEER, Role.HRBP);
        return reports.mismatches(tenantId, runId, limit, offset);
    }

    @GetMapping("/warnings/mine")
    @Operation(summary = "我待确认的证书预警待办")
    List<CertificateWarning> myTodos() {
        CurrentUser user = caller.user();
        return warnings.openTodosFor(user.tenantId(), user.username()).stream()
                .map(warning -> readable(warning, user)).toList();
    }

    @GetMapping("/persons/{personId}/warnings")
    @Operation(summary = "某人的证书预警、待办与冻结")
    List<CertificateWarning> personWarnings(@PathVariable long personId) {
        caller.requireAnyRole(Role.SYSTEM_ADMIN, Role.SAFETY_DIRECTOR, Role.SAFETY_ENGINEER, Role.UNIT_HEAD,
                Role.TEAM_LEADER, Role.HRBP, Role.WORK_LEADER);
        CurrentUser user = caller.user();
        persons.findPerson(user.tenantId(), personId).orElseThrow(() -> new NotFoundException("人员", personId));
        return warnings.forPerson(user.tenantId(), personId).stream().map(warning -> readable(warning, user))
                .toList();
    }

    @PostMapping("/warnings/{warningId}/confirm")
    @Operation(summary = "确认预警待办（班组长与 HRBP 均须确认）")
    CertificateWarning confirm(@PathVariable long warningId) {
        CurrentUser user = caller.user();
        return readable(confirmer.confirm(user.tenantId(), warningId, user.username()), user);
    }

    /** Returns the warning with certificate numbers in its message and link masked unless the user is an administrator. */
    private static CertificateWarning readable(CertificateWarning w, CurrentUser user) {
        return new CertificateWarning(w.id(), w.tenantId(), w.certificateId(), w.personId(), w.ruleId(), w.kind(),
                w.dueDate(), w.dueKind(), CertificateNumbers.readable(user, w.message()),
                CertificateNumbers.forUser(user, w.link()), w.status(), w.createdAt(), w.doneAt(), w.roles(),
                w.escalatedAt(), w.escalatedTo());
    }
}
