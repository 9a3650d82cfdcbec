package org.tezuo.app.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tezuo.app.security.Role;
import org.tezuo.core.metadata.MetadataConflictException;
import org.tezuo.core.metadata.MetadataStore;
import org.tezuo.core.metadata.MetadataVersionNotFoundException;
import org.tezuo.core.metadata.MetadataVersions;
import org.tezuo.core.metadata.diff.DocumentDiffer;
import org.tezuo.core.schedule.ScheduleRegistrar;
import org.tezuo.metadata.MetadataDocument;
import org.tezuo.metadata.MetadataKind;
import tools.jackson.databind.JsonNode;

/**
 * Field-level differences between versions of a document, and rollback: a new published version whose body
 * equals an earlier one. Rolling back a schedule re-registers the tenant's jobs at once.
 */
@RestController
@RequestMapping("/api/metadata")
@Tag(name = "metadata", description = "元数据文档：实体、表单、流程、规则集、定时任务、连接器")
class MetadataVersionApi {

    private final ApiCaller caller;
    private final MetadataStore store;
    private final MetadataVersions versions;
    private final ScheduleRegistrar schedules;

    MetadataVersionApi(ApiCaller caller, MetadataStore store, MetadataVersions versions,
            ScheduleRegistrar schedules) {
        this.caller = caller;
        this.store = store;
        this.versions = versions;
        this.schedules = schedules;
    }

    /** The changes from version {@code from} to version {@code to} of one document. */
    record VersionDiffView(String kind, String key, int from, int to, List<MetadataChangeView> changes) {
    }

    /** Two bodies of a document of one kind, to compare without saving either. */
    record BodiesRequest(JsonNode before, JsonNode after) {
    }

    /** The changes from one body to another. */
    record BodiesDiffView(String kind, List<MetadataChangeView> changes) {
    }

    @GetMapping("/{kind}/{key}/diff")
    @Operation(summary = "两个版本之间的字段级差异（草稿也可比较）；不填 to 时与最新版本比较")
    VersionDiffView diff(@PathVariable String kind, @PathVariable String key, @RequestParam int from,
            @RequestParam(required = false) @Nullable Integer to) {
        long tenantId = caller.requireAnyRole(Role.SYSTEM_ADMIN, Role.SAFETY_DIRECTOR, Role.SAFETY_ENGINEER);
        MetadataKind metadataKind = MetadataKinds.parse(kind);
        int toVersion = to != null ? to
                : store.history(tenantId, metadataKind, key).stream().findFirst().map(MetadataDocument::version)
                        .orElse(from);
        MetadataVersions.VersionComparison comparison = versions.compare(tenantId, metadataKind, key, from,
                toVersion);
        return new VersionDiffView(metadataKind.code(), key, from, toVersion,
                MetadataChangeView.of(comparison.changes(), ApiCaller.locale()));
    }

    @PostMapping("/{kind}/diff")
    @Operation(summary = "比较同一类型的两个文档内容，不保存")
    BodiesDiffView diffBodies(@PathVariable String kind, @RequestBody BodiesRequest bodies) {
        caller.requireAnyRole(Role.SYSTEM_ADMIN, Role.SAFETY_DIRECTOR, Role.SAFETY_ENGINEER);
        MetadataKind metadataKind = MetadataKinds.parse(kind);
        return new BodiesDiffView(metadataKind.code(), MetadataChangeView.of(
                DocumentDiffer.compare(metadataKind, bodies.before(), bodies.after()), ApiCaller.locale()));
    }

    @PostMapping("/{kind}/{key}/rollback")
    @Operation(summary = "回滚：以版本 to 的内容发布一个新版本；有未发布草稿时拒绝")
    MetadataApi.DocumentView rollback(@PathVariable String kind, @PathVariable String key, @RequestParam int to) {
        long tenantId = caller.requireAnyRole(Role.SYSTEM_ADMIN);
        MetadataKind metadataKind = MetadataKinds.parse(kind);
        MetadataDocument published = versions.rollback(tenantId, metadataKind, key, to, caller.user().username());
        if (metadataKind == MetadataKind.SCHEDULE) {
            schedules.refresh(tenantId);
        }
        return MetadataApi.DocumentView.of(published);
    }

    @ExceptionHandler(MetadataVersionNotFoundException.class)
    ResponseEntity<ApiError> versionNotFound(MetadataVersionNotFoundException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .body(new ApiError(e.messageKey(), e.message(ApiCaller.locale()), List.of()));
    }

    @ExceptionHandler(MetadataConflictException.class)
    ResponseEntity<ApiError> conflict(MetadataConflictException e) {
        return ResponseEntity.status(HttpStatus.CONFLICT)
                .body(new ApiError(e.messageKey(), e.message(ApiCaller.locale()), List.of()));
    }
}
