package org.tezuo.app.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tezuo.app.security.Role;
import org.tezuo.core.audit.AuditChainProblem;
import org.tezuo.core.audit.AuditChainReport;
import org.tezuo.core.audit.AuditChainVerifier;
import org.tezuo.core.audit.AuditEntry;
import org.tezuo.core.audit.AuditLog;

/** The audit log of the caller's tenant. */
@RestController
@RequestMapping("/api/audit")
@Tag(name = "audit", description = "审计日志")
class AuditApi {

    private final ApiCaller caller;
    private final AuditLog audit;
    private final AuditChainVerifier chain;

    AuditApi(ApiCaller caller, AuditLog audit, AuditChainVerifier chain) {
        this.caller = caller;
        this.audit = audit;
        this.chain = chain;
    }

    /** The check of the caller's audit chain, with each problem as a sentence in the request's language. */
    record ChainVerification(boolean intact, long checked, long unchained, List<ChainProblem> problems) {
    }

    record ChainProblem(AuditChainProblem.Kind kind, @Nullable Long id, long chainSeq, String message) {
    }

    @GetMapping("/verification")
    @Operation(summary = "校验本企业审计链：发现被修改、删除或调换的审计记录")
    ChainVerification verify() {
        long tenantId = caller.requireAnyRole(Role.SYSTEM_ADMIN, Role.SAFETY_DIRECTOR, Role.SAFETY_ENGINEER);
        AuditChainReport report = chain.verify(tenantId);
        Locale locale = ApiCaller.locale();
        return new ChainVerification(report.intact(), report.checked(), report.unchained(),
                report.problems().stream()
                        .map(problem -> new ChainProblem(problem.kind(), problem.id(), problem.chainSeq(),
                                problem.message(locale)))
                        .toList());
    }

    @GetMapping
    @Operation(summary = "审计记录：按对象查询，或最近的记录")
    List<AuditEntry> entries(@RequestParam(required = false) @Nullable String subjectType,
            @RequestParam(required = false) @Nullable String subjectId,
            @RequestParam(defaultValue = "200") int limit) {
        long tenantId = caller.requireAnyRole(Role.SYSTEM_ADMIN, Role.SAFETY_DIRECTOR, Role.SAFETY_ENGINEER);
        if (subjectType != null && subjectId != null) {
            return audit.forSubject(tenantId, subjectType, subjectId);
        }
        return audit.recent(tenantId, Math.min(Math.max(limit, 1), 1000));
    }
}
