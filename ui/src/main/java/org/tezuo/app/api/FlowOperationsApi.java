package org.tezuo.app.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tezuo.app.security.Role;
import org.tezuo.workflow.bpmnimport.BpmnImporter;
import org.tezuo.workflow.bpmnimport.ImportResult;
import org.tezuo.workflow.migration.InstanceMigrator;
import org.tezuo.workflow.migration.MigrationPlan;
import tools.jackson.databind.JsonNode;

/**
 * Approval-chain administration besides editing: importing BPMN files made in other modelers as chain drafts,
 * and moving a running approval to another version of its chain.
 */
@RestController
@RequestMapping("/api/flows")
@Tag(name = "flows", description = "审批流：导入外部 BPMN 文件、迁移运行中的审批实例")
class FlowOperationsApi {

    /** Problem key that a plan reports when the tenant has no such running approval. */
    private static final String INSTANCE_NOT_FOUND = "migration.instanceNotFound";

    private final ApiCaller caller;
    private final BpmnImporter importer;
    private final InstanceMigrator migrator;

    FlowOperationsApi(ApiCaller caller, BpmnImporter importer, InstanceMigrator migrator) {
        this.caller = caller;
        this.importer = importer;
        this.migrator = migrator;
    }

    /** One problem of an imported file, by BPMN element. */
    record ImportProblemView(String elementId, String elementType, String message) {
    }

    /** The outcome of an import: the saved draft, or every problem and nothing saved. */
    record ImportView(String key, boolean saved, @Nullable JsonNode document, List<ImportProblemView> problems) {
    }

    /** Whether a running approval may move to a version, and why not. */
    record MigrationView(String processInstanceId, @Nullable String flowKey, int fromVersion, int toVersion,
            List<String> activeNodes, boolean allowed, List<String> problems) {

        static MigrationView of(MigrationPlan plan, Locale locale) {
            return new MigrationView(plan.processInstanceId(), plan.flowKey(), plan.fromVersion(), plan.toVersion(),
                    plan.activeNodes(), plan.allowed(),
                    plan.problems().stream().map(problem -> problem.message(locale)).toList());
        }
    }

    @PostMapping(path = "/{key}/import", consumes = {MediaType.APPLICATION_XML_VALUE, MediaType.TEXT_XML_VALUE,
            MediaType.APPLICATION_OCTET_STREAM_VALUE})
    @Operation(summary = "导入其他建模工具生成的 BPMN 文件，转换为该流程的草稿；有问题时逐个元素列出，不保存")
    ResponseEntity<ImportView> importBpmn(@PathVariable String key, @RequestBody byte[] xml) {
        long tenantId = caller.requireAnyRole(Role.SYSTEM_ADMIN, Role.SAFETY_DIRECTOR);
        ImportResult result = importer.importDraft(tenantId, key, xml, caller.user().username());
        Locale locale = ApiCaller.locale();
        ImportView view = new ImportView(key, result.succeeded(), result.document(), result.problems().stream()
                .map(problem -> new ImportProblemView(problem.elementId(), problem.elementType(),
                        problem.message(locale)))
                .toList());
        return ResponseEntity.status(result.succeeded() ? HttpStatus.CREATED : HttpStatus.UNPROCESSABLE_CONTENT)
                .body(view);
    }

    @GetMapping("/instances/{processInstanceId}/migration")
    @Operation(summary = "检查运行中的审批能否迁移到本流程的另一个已发布版本，列出全部不能迁移的原因")
    MigrationView planMigration(@PathVariable String processInstanceId, @RequestParam int version) {
        long tenantId = caller.requireAnyRole(Role.SYSTEM_ADMIN, Role.SAFETY_DIRECTOR);
        return MigrationView.of(requireRunning(migrator.plan(tenantId, processInstanceId, version)),
                ApiCaller.locale());
    }

    @PostMapping("/instances/{processInstanceId}/migration")
    @Operation(summary = "把运行中的审批迁移到本流程的另一个已发布版本；有任何不能迁移的原因时不做改动")
    MigrationView migrate(@PathVariable String processInstanceId, @RequestParam int version) {
        long tenantId = caller.requireAnyRole(Role.SYSTEM_ADMIN, Role.SAFETY_DIRECTOR);
        requireRunning(migrator.plan(tenantId, processInstanceId, version));
        return MigrationView.of(migrator.migrate(tenantId, processInstanceId, version, caller.user().username()),
                ApiCaller.locale());
    }

    /** Returns the plan, or throws {@link NotFoundException} (404) when the tenant has no such running approval. */
    private static MigrationPlan requireRunning(MigrationPlan plan) {
        if (plan.problems().stream().anyMatch(problem -> problem.messageKey().equals(INSTANCE_NOT_FOUND))) {
            throw new NotFoundException("审批", plan.processInstanceId());
        }
        return plan;
    }
}
