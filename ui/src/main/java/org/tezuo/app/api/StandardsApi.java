package org.tezuo.app.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tezuo.app.security.Role;
import org.tezuo.app.standard.IndustryStandards;
import org.tezuo.core.standard.OverrideRequest;
import org.tezuo.core.standard.StandardDetail;
import org.tezuo.core.standard.StandardsCatalog;
import org.tezuo.core.standard.StandardsException;
import org.tezuo.core.standard.ThresholdOverride;
import org.tezuo.core.standard.ThresholdOverrideCommands;

/**
 * The standards configuration center of the caller's tenant: the thresholds in force by industry and kind of work,
 * one threshold with where it is read and its override history, and setting or removing an enterprise override.
 * System administrators, safety directors and safety engineers only.
 */
@RestController
@RequestMapping("/api/standards")
@Tag(name = "standards", description = "标准配置中心：阈值目录、企业覆盖、引用与历史")
class StandardsApi {

    private static final Role[] ROLES = {Role.SYSTEM_ADMIN, Role.SAFETY_DIRECTOR, Role.SAFETY_ENGINEER};

    private final ApiCaller caller;
    private final IndustryStandards industries;
    private final StandardsCatalog catalog;
    private final ThresholdOverrideCommands commands;

    StandardsApi(ApiCaller caller, IndustryStandards industries, StandardsCatalog catalog,
            ThresholdOverrideCommands commands) {
        this.caller = caller;
        this.industries = industries;
        this.catalog = catalog;
        this.commands = commands;
    }

    @GetMapping
    @Operation(summary = "行业 → 作业场景 → 阈值：每个阈值的生效值、单位、条款、来源（政策包或企业覆盖）和未核实标记")
    IndustryStandards.Industry tree() {
        long tenantId = caller.requireAnyRole(ROLES);
        return industries.of(tenantId, ApiCaller.locale());
    }

    @GetMapping("/{ruleset}/{threshold}")
    @Operation(summary = "一个阈值：生效值与来源、读取它的规则和风险评分因子、企业覆盖的全部修改历史")
    StandardDetail detail(@PathVariable String ruleset, @PathVariable String threshold) {
        long tenantId = caller.requireAnyRole(ROLES);
        return catalog.detail(tenantId, ruleset, threshold, ApiCaller.locale());
    }

    @PutMapping("/{ruleset}/{threshold}")
    @Operation(summary = "设置企业覆盖：值须符合单位的物理范围和阈值范围，须填理由和依据；放宽须确认，强制性标准的限值只能收紧；"
            + "保存后所有节点立即按新值评估")
    ThresholdOverride set(@PathVariable String ruleset, @PathVariable String threshold,
            @RequestBody OverrideRequest request) {
        long tenantId = caller.requireAnyRole(ROLES);
        return commands.set(tenantId, ruleset, threshold, request, caller.user().username(), ApiCaller.locale());
    }

    @DeleteMapping("/{ruleset}/{threshold}")
    @Operation(summary = "删除企业覆盖，恢复规则集的值；须以参数 reason 说明理由")
    ThresholdOverride remove(@PathVariable String ruleset, @PathVariable String threshold,
            @RequestParam(required = false) @Nullable String reason) {
        long tenantId = caller.requireAnyRole(ROLES);
        return commands.remove(tenantId, ruleset, threshold, reason, caller.user().username());
    }

    @ExceptionHandler(StandardsException.NotFound.class)
    ResponseEntity<ApiError> notFound(StandardsException.NotFound e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .body(new ApiError(e.messageKey(), e.message(ApiCaller.locale()), List.of()));
    }

    @ExceptionHandler(StandardsException.Rejected.class)
    ResponseEntity<ApiError> rejected(StandardsException.Rejected e) {
        Locale locale = ApiCaller.locale();
        return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT).body(new ApiError(e.messageKey(),
                e.message(locale), e.problems().stream().map(problem -> new ApiError.Detail("override", problem))
                        .toList()));
    }
}
