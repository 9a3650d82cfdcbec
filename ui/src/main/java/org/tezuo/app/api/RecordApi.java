package org.tezuo.app.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tezuo.app.security.Role;
import org.tezuo.core.i18n.LocalizedException;
import org.tezuo.core.i18n.UserMessages;
import org.tezuo.core.record.EntityNotFoundException;
import org.tezuo.core.record.InvalidRecordQueryException;
import org.tezuo.core.record.RecordNotFoundException;
import org.tezuo.core.record.RecordPage;
import org.tezuo.core.record.RecordQuery;
import org.tezuo.core.record.StaleRecordException;
import org.tezuo.core.record.StoredRecord;
import org.tezuo.form.record.RecordService;
import org.tezuo.form.record.RecordValidationException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Records of any published entity that stores records. Every tenant user can read; system administrators and
 * safety staff (safety director, safety engineer) can write. Data is validated before it is stored, updates name
 * the row version they read (body {@code rowVersion} or an {@code If-Match} header), and delete is soft.
 */
@RestController
@RequestMapping("/api/records")
@Tag(name = "records", description = "实体记录：新建、读取、修改、删除与查询")
class RecordApi {

    private static final Role[] WRITERS = {Role.SYSTEM_ADMIN, Role.SAFETY_DIRECTOR, Role.SAFETY_ENGINEER};

    private final ApiCaller caller;
    private final RecordService records;

    RecordApi(ApiCaller caller, RecordService records) {
        this.caller = caller;
        this.records = records;
    }

    /** One record as the API returns it; {@code form} is null for records written without a form. */
    record RecordView(long id, String entity, int entityVersion, @Nullable FormView form, int rowVersion,
            Instant createdAt, String createdBy, Instant updatedAt, String updatedBy, JsonNode data) {

        static RecordView of(String entity, StoredRecord record) {
            FormView form = record.formKey() == null || record.formVersion() == null ? null
                    : new FormView(record.formKey(), record.formVersion());
            return new RecordView(record.id(), entity, record.entityVersion(), form, record.rowVersion(),
                    record.createdAt(), record.createdBy(), record.updatedAt(), record.updatedBy(), record.data());
        }
    }

    record FormView(String key, int version) {
    }

    /** Body of a create request: the field values and, optionally, the key of the form they were entered in. */
    record CreateRequest(@Nullable JsonNode data, @Nullable String form) {
    }

    /** Body of an update request: all field values and the row version they were read at. */
    record UpdateRequest(@Nullable JsonNode data, @Nullable Integer rowVersion) {
    }

    record PageView(List<RecordView> items, int page, int size, long total) {
    }

    @PostMapping("/{entity}")
    @Operation(summary = "新建记录（先按实体和表单校验）；form 为表单 key 时记录绑定该表单的当前发布版本")
    ResponseEntity<RecordView> create(@PathVariable String entity, @RequestBody CreateRequest request,
            @Parameter(description = "表单 key，也可写在请求体的 form 中") @RequestParam(required = false)
            @Nullable String form) {
        long tenantId = caller.requireAnyRole(WRITERS);
        String formKey = form != null ? form : request.form();
        StoredRecord created = records.create(tenantId, entity, data(request.data()), formKey,
                caller.user().username(), ApiCaller.locale());
        return ResponseEntity.status(HttpStatus.CREATED).eTag(etag(created)).body(RecordView.of(entity, created));
    }

    @GetMapping("/{entity}/{id}")
    @Operation(summary = "读取一条记录；ETag 为行版本")
    ResponseEntity<RecordView> read(@PathVariable String entity, @PathVariable long id) {
        long tenantId = caller.requireAnyRole(Role.values());
        StoredRecord record = records.read(tenantId, entity, id);
        return ResponseEntity.ok().eTag(etag(record)).body(RecordView.of(entity, record));
    }

    @PutMapping("/{entity}/{id}")
    @Operation(summary = "修改记录（整体替换字段值）；须给出读取时的行版本，已被他人修改时返回 409")
    ResponseEntity<RecordView> update(@PathVariable String entity, @PathVariable long id,
            @RequestBody UpdateRequest request,
            @Parameter(description = "读取时的行版本，如 \"3\"") @RequestHeader(name = "If-Match", required = false)
            @Nullable String ifMatch) {
        long tenantId = caller.requireAnyRole(WRITERS);
        Integer rowVersion = request.rowVersion() != null ? request.rowVersion() : parseIfMatch(ifMatch);
        if (rowVersion == null) {
            throw new LocalizedException("record.rowVersionMissing", entity, String.valueOf(id));
        }
        StoredRecord updated = records.update(tenantId, entity, id, rowVersion, data(request.data()),
                caller.user().username(), ApiCaller.locale());
        return ResponseEntity.ok().eTag(etag(updated)).body(RecordView.of(entity, updated));
    }

    @DeleteMapping("/{entity}/{id}")
    @Operation(summary = "删除记录（软删除：不再出现在读取和列表中）；可用 If-Match 给出行版本")
    ResponseEntity<Void> delete(@PathVariable String entity, @PathVariable long id,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
        long tenantId = caller.requireAnyRole(WRITERS);
        records.delete(tenantId, entity, id, parseIfMatch(ifMatch), caller.user().username());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{entity}")
    @Operation(summary = "查询记录：filter 可重复，格式为 字段:运算符:值（eq、gt、gte、lt、lte、contains、in，in 的值用 | 分隔）；"
            + "sort 如 -createdAt,title；page 从 0 开始")
    PageView list(@PathVariable String entity,
            @Parameter(description = "如 title:contains:储罐、rounds:gte:2、shift:in:day|night")
            @RequestParam(required = false) @Nullable List<String> filter,
            @Parameter(description = "逗号分隔的字段，前加 - 为降序") @RequestParam(required = false) @Nullable String sort,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "" + RecordQuery.DEFAULT_SIZE) int size) {
        long tenantId = caller.requireAnyRole(Role.values());
        RecordQuery query = new RecordQuery(filter == null ? List.of() : filter,
                sort == null ? List.of() : RecordQuery.sortKeys(sort), page, size);
        RecordPage result = records.list(tenantId, entity, query);
        return new PageView(result.items().stream().map(record -> RecordView.of(entity, record)).toList(),
                result.page(), result.size(), result.total());
    }

    @ExceptionHandler({RecordNotFoundException.class, EntityNotFoundException.class})
    ResponseEntity<ApiError> notFound(LocalizedException e, Locale locale) {
        return error(HttpStatus.NOT_FOUND, e);
    }

    @ExceptionHandler(StaleRecordException.class)
    ResponseEntity<ApiError> stale(StaleRecordException e, Locale locale) {
        return error(HttpStatus.CONFLICT, e);
    }

    @ExceptionHandler(InvalidRecordQueryException.class)
    ResponseEntity<ApiError> badQuery(InvalidRecordQueryException e, Locale locale) {
        return error(HttpStatus.BAD_REQUEST, e);
    }

    @ExceptionHandler(RecordValidationException.class)
    ResponseEntity<ApiError> invalid(RecordValidationException e, Locale locale) {
        List<ApiError.Detail> details = e.errors().stream()
                .map(error -> new ApiError.Detail(error.path(), error.message()))
                .toList();
        return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT)
                .body(new ApiError(e.messageKey(), e.message(ApiCaller.locale()), details));
    }

    private static ResponseEntity<ApiError> error(HttpStatus status, LocalizedException e) {
        return ResponseEntity.status(status).body(new ApiError(e.messageKey(), e.message(ApiCaller.locale()),
                List.of()));
    }

    private static JsonNode data(@Nullable JsonNode data) {
        return data == null ? JsonNodeFactory.instance.objectNode() : data;
    }

    private static String etag(StoredRecord record) {
        return "\"" + record.rowVersion() + "\"";
    }

    /** Reads a row version from {@code If-Match: "3"} (quotes and a weak prefix are accepted). */
    private static @Nullable Integer parseIfMatch(@Nullable String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return null;
        }
        String value = ifMatch.trim().replaceFirst("^W/", "").replace("\"", "");
        try {
            return Integer.valueOf(value);
        } catch (NumberFormatException e) {
            throw new InvalidRecordQueryException("api.badParameter", "If-Match", ifMatch);
        }
    }
}
