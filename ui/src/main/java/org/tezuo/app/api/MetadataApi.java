package org.tezuo.app.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.tezuo.app.security.Role;
import org.tezuo.core.i18n.UserMessages;
import org.tezuo.core.metadata.MetadataStore;
import org.tezuo.core.schedule.ScheduleRegistrar;
import org.tezuo.metadata.DocumentStatus;
import org.tezuo.metadata.MetaSchemaViolation;
import org.tezuo.metadata.MetadataDocument;
import org.tezuo.metadata.MetadataKind;
import org.tezuo.metadata.UnknownMetadataKindException;
import tools.jackson.databind.JsonNode;

/**
 * The tenant's metadata documents: read every kind, and for system administrators save a draft (checked against
 * the kind's meta-schema) and publish it. A published version never changes; publishing a schedule re-registers
 * the tenant's jobs at once, without a restart.
 */
@RestController
@RequestMapping("/api/metadata")
@Tag(name = "metadata", description = "元数据文档：实体、表单、流程、规则集、定时任务、连接器")
class MetadataApi {

    private final ApiCaller caller;
    private final MetadataStore store;
    private final ScheduleRegistrar schedules;

    MetadataApi(ApiCaller caller, MetadataStore store, ScheduleRegistrar schedules) {
        this.caller = caller;
        this.store = store;
        this.schedules = schedules;
    }

    /** One version of a document as the API returns it. */
    record DocumentView(String kind, String key, int version, DocumentStatus status, String checksum, String author,
            Instant savedAt, JsonNode body) {

        static DocumentView of(MetadataDocument document) {
            return new DocumentView(document.kind().code(), document.key(), document.version(), document.status(),
                    document.checksum(), document.author(), document.savedAt(), document.body());
        }
    }

    @GetMapping("/{kind}")
    @Operation(summary = "某类元数据的已发布文档（各取最新版本）")
    List<DocumentView> published(@PathVariable String kind) {
        long tenantId = readerTenant();
        return store.listPublished(tenantId, MetadataKind.fromCode(kind)).stream().map(DocumentView::of).toList();
    }

    @GetMapping("/{kind}/{key}/versions")
    @Operation(summary = "文档的全部版本，最新在前")
    List<DocumentView> versions(@PathVariable String kind, @PathVariable String key) {
        long tenantId = readerTenant();
        List<MetadataDocument> history = store.history(tenantId, MetadataKind.fromCode(kind), key);
        if (history.isEmpty()) {
            throw new NotFoundException("元数据", kind + ":" + key);
        }
        return history.stream().map(DocumentView::of).toList();
    }

    @PutMapping("/{kind}/{key}/draft")
    @Operation(summary = "保存草稿（按元模式校验，不合格时列出每处问题）")
    DocumentView saveDraft(@PathVariable String kind, @PathVariable String key, @RequestBody JsonNode body) {
        long tenantId = caller.requireAnyRole(Role.SYSTEM_ADMIN);
        MetadataKind metadataKind = MetadataKind.fromCode(kind);
        MetadataDocument candidate = store.candidate(tenantId, metadataKind, key, body,
                caller.user().username());
        List<MetaSchemaViolation> violations = store.validate(candidate, ApiCaller.locale());
        if (!violations.isEmpty()) {
            throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "metadata.invalid",
                    locale -> UserMessages.render(locale, "metadata.invalidCount", kind + ":" + key, violations.size()),
                    locale -> store.validate(candidate, locale).stream()
                            .map(violation -> new ApiError.Detail(violation.path(), violation.message()))
                            .toList());
        }
        return DocumentView.of(store.saveDraft(tenantId, metadataKind, key, body, caller.user().username()));
    }

    @PostMapping("/{kind}/{key}/publish")
    @Operation(summary = "发布草稿；已发布版本不可修改")
    DocumentView publish(@PathVariable String kind, @PathVariable String key) {
        long tenantId = caller.requireAnyRole(Role.SYSTEM_ADMIN);
        MetadataKind metadataKind = MetadataKind.fromCode(kind);
        MetadataDocument published = store.publish(tenantId, metadataKind, key, caller.user().username());
        if (metadataKind == MetadataKind.SCHEDULE) {
            schedules.refresh(tenantId);
        }
        return DocumentView.of(published);
    }

    @ExceptionHandler(UnknownMetadataKindException.class)
    ResponseEntity<ApiError> unknownKind(UnknownMetadataKindException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(new ApiError("metadata.unknownKind",
                UserMessages.render(ApiCaller.locale(), "metadata.unknownKind", e.kind(), MetadataKind.codes()), List.of()));
    }

    private long readerTenant() {
        return caller.requireAnyRole(Role.SYSTEM_ADMIN, Role.SAFETY_DIRECTOR, Role.SAFETY_ENGINEER);
    }
}
