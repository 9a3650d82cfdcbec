package org.tezuo.app.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tezuo.app.security.Role;
import org.tezuo.core.i18n.UserMessages;
import org.tezuo.core.metadata.bundle.BundleExporter;
import org.tezuo.core.metadata.bundle.BundleFormat;
import org.tezuo.core.metadata.bundle.BundleImporter;
import org.tezuo.core.metadata.bundle.BundlePreview;
import org.tezuo.core.metadata.bundle.BundleProblem;
import org.tezuo.core.metadata.bundle.BundleRejectedException;
import org.tezuo.core.metadata.bundle.BundleTooLargeException;
import org.tezuo.core.metadata.bundle.BundleWriter;
import org.tezuo.core.metadata.bundle.ImportStatus;
import org.tezuo.core.metadata.bundle.MetadataBundle;
import org.tezuo.core.schedule.ScheduleRegistrar;
import org.tezuo.metadata.MetadataDocument;
import org.tezuo.metadata.MetadataKind;

/**
 * Moves configuration between tenants: export the newest published documents as a JSON or zip bundle, preview
 * what a bundle would change in the caller's tenant, and apply it in one transaction. Uploads are the raw request
 * body (JSON or zip). System administrators only; applying schedules re-registers the tenant's jobs at once.
 */
@RestController
@RequestMapping("/api/metadata/bundle")
@Tag(name = "metadata-bundle", description = "元数据包：导出、预览、导入")
class MetadataBundleApi {

    private final ApiCaller caller;
    private final BundleExporter exporter;
    private final BundleImporter importer;
    private final BundleWriter writer;
    private final ScheduleRegistrar schedules;

    MetadataBundleApi(ApiCaller caller, BundleExporter exporter, BundleImporter importer, BundleWriter writer,
            ScheduleRegistrar schedules) {
        this.caller = caller;
        this.exporter = exporter;
        this.importer = importer;
        this.writer = writer;
        this.schedules = schedules;
    }

    /** Preview of one document of a bundle. */
    record DocumentPreviewView(String kind, String key, int bundleVersion, ImportStatus status,
            @Nullable Integer targetVersion, List<MetadataChangeView> changes, List<ApiError.Detail> problems) {
    }

    /** The preview of a whole bundle; {@code applicable} is false when any problem is listed. */
    record PreviewView(@Nullable String sourceTenant, boolean applicable, Map<ImportStatus, Long> counts,
            List<ApiError.Detail> problems, List<DocumentPreviewView> documents) {

        static PreviewView of(BundlePreview preview, Locale locale) {
            Map<ImportStatus, Long> counts = new EnumMap<>(ImportStatus.class);
            for (ImportStatus status : ImportStatus.values()) {
                counts.put(status, preview.count(status));
            }
            return new PreviewView(preview.sourceTenant(), preview.applicable(), counts,
                    details(preview.problems()),
                    preview.documents().stream()
                            .map(doc -> new DocumentPreviewView(doc.kind(), doc.key(), doc.bundleVersion(),
                                    doc.status(), doc.targetVersion(), MetadataChangeView.of(doc.changes(), locale),
                                    details(doc.problems())))
                            .toList());
        }
    }

    /** The outcome of an apply: the versions published, and how many documents were already up to date. */
    record ApplyView(List<String> published, long unchanged) {
    }

    @GetMapping
    @Operation(summary = "导出元数据包：select 为“类型:键”列表（逗号分隔，不填则导出全部已发布文档），format 为 json 或 zip")
    ResponseEntity<byte[]> export(@RequestParam(defaultValue = "") String select,
            @RequestParam(defaultValue = "json") String format) {
        long tenantId = caller.requireAnyRole(Role.SYSTEM_ADMIN);
        BundleFormat bundleFormat = parseFormat(format);
        MetadataBundle bundle = exporter.export(tenantId, select);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(bundleFormat.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(bundle.fileName(bundleFormat))
                        .build().toString())
                .body(writer.write(bundle, bundleFormat));
    }

    @PostMapping("/preview")
    @Operation(summary = "预览导入：逐个文档列出 NEW / CHANGED（含字段级差异）/ UNCHANGED / INVALID，以及包本身的问题；不保存")
    PreviewView preview(HttpServletRequest request) throws IOException {
        long tenantId = caller.requireAnyRole(Role.SYSTEM_ADMIN);
        Locale locale = ApiCaller.locale();
        return PreviewView.of(importer.preview(tenantId, upload(request), locale), locale);
    }

    @PostMapping("/apply")
    @Operation(summary = "导入：在一个事务中按依赖顺序保存并发布所有新增和变更的文档；任何失败都不留下部分结果")
    ApplyView apply(HttpServletRequest request) throws IOException {
        long tenantId = caller.requireAnyRole(Role.SYSTEM_ADMIN);
        BundleImporter.ApplyResult result = importer.apply(tenantId, upload(request), caller.user().username(),
                ApiCaller.locale());
        if (result.published().stream().anyMatch(document -> document.kind() == MetadataKind.SCHEDULE)) {
            schedules.refresh(tenantId);
        }
        return new ApplyView(result.published().stream().map(MetadataDocument::reference).toList(),
                result.unchanged());
    }

    @ExceptionHandler(BundleTooLargeException.class)
    ResponseEntity<ApiError> tooLarge(BundleTooLargeException e) {
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
                .body(new ApiError(e.messageKey(), e.message(ApiCaller.locale()), List.of()));
    }

    @ExceptionHandler(BundleRejectedException.class)
    ResponseEntity<ApiError> rejected(BundleRejectedException e) {
        BundlePreview preview = e.preview();
        List<ApiError.Detail> details = new java.util.ArrayList<>(details(preview.problems()));
        preview.documents().forEach(doc -> doc.problems().forEach(problem -> details.add(new ApiError.Detail(
                doc.kind() + ":" + doc.key() + problem.path(), problem.message()))));
        return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT)
                .body(new ApiError(e.messageKey(), e.message(ApiCaller.locale()), details));
    }

    /**
     * Reads the request body up to one byte beyond the limit, so that the importer can report the limit. A declared
     * length beyond the limit is rejected before reading.
     */
    private byte[] upload(HttpServletRequest request) throws IOException {
        int maxBytes = importer.limits().maxBytes();
        long declared = request.getContentLengthLong();
        if (declared > maxBytes) {
            throw new ApiProblem(HttpStatus.CONTENT_TOO_LARGE, "metadata.bundle.tooLarge",
                    locale -> UserMessages.render(locale, "metadata.bundle.tooLarge", declared, maxBytes),
                    locale -> List.of());
        }
        try (InputStream body = request.getInputStream()) {
            return body.readNBytes(maxBytes + 1);
        }
    }

    private static BundleFormat parseFormat(String format) {
        try {
            return BundleFormat.fromCode(format);
        } catch (IllegalArgumentException e) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "api.badParameter",
                    locale -> UserMessages.render(locale, "api.badParameter", "format", format), locale -> List.of());
        }
    }

    private static List<ApiError.Detail> details(List<BundleProblem> problems) {
        return problems.stream().map(problem -> new ApiError.Detail(problem.path(), problem.message())).toList();
    }
}
