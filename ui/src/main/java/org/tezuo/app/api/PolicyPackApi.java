package org.tezuo.app.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.tezuo.app.security.Role;
import org.tezuo.core.metadata.bundle.ImportStatus;
import org.tezuo.core.pack.InstalledPack;
import org.tezuo.core.pack.PolicyPackApplier;
import org.tezuo.core.pack.PolicyPackException;
import org.tezuo.core.pack.PolicyPackManifest;
import org.tezuo.core.pack.PolicyPackPreview;
import org.tezuo.core.pack.PolicyPackReader;
import org.tezuo.core.pack.UnconfirmedValue;
import org.tezuo.packs.PolicyPackCatalog;

/**
 * Policy packs of the caller's tenant: preview and apply an uploaded pack (the raw request body, JSON or zip) or a
 * shipped one, list what is installed, and roll a pack back. System administrators, safety directors and safety
 * engineers only.
 */
@RestController
@RequestMapping("/api/policy-packs")
@Tag(name = "policy-pack", description = "政策包：预览、应用、回滚")
class PolicyPackApi {

    private static final Role[] ROLES = {Role.SYSTEM_ADMIN, Role.SAFETY_DIRECTOR, Role.SAFETY_ENGINEER};

    private final ApiCaller caller;
    private final PolicyPackApplier applier;

    PolicyPackApi(ApiCaller caller, PolicyPackApplier applier) {
        this.caller = caller;
        this.applier = applier;
    }

    /** One document of a pack preview. */
    record DocumentView(String kind, String key, ImportStatus status, @Nullable Integer currentVersion,
            List<MetadataChangeView> changes, List<ApiError.Detail> problems) {
    }

    /**
     * A pack preview; {@code applicable} is false when any problem is listed, and {@code unconfirmed} lists the
     * values the publisher has not checked against the official text.
     */
    record PreviewView(@Nullable PolicyPackManifest manifest, boolean applicable, boolean scheduled,
            List<ApiError.Detail> problems, List<DocumentView> documents,
            List<PolicyPackPreview.AffectedPermit> affectedPermits, List<UnconfirmedValue> unconfirmed) {

        static PreviewView of(PolicyPackPreview preview, Locale locale) {
            return new PreviewView(preview.manifest(), preview.applicable(), preview.scheduled(),
                    preview.problems().stream().map(p -> new ApiError.Detail(p.where(), p.message())).toList(),
                    preview.documents().stream().map(doc -> new DocumentView(doc.kind(), doc.key(), doc.status(),
                            doc.targetVersion(), MetadataChangeView.of(doc.changes(), locale),
                            doc.problems().stream().map(p -> new ApiError.Detail(p.path(), p.message())).toList()))
                            .toList(),
                    preview.affectedPermits(), preview.unconfirmed());
        }
    }

    @GetMapping
    @Operation(summary = "列出本企业已应用、待生效、已被取代和已回滚的政策包，最新的在前")
    List<InstalledPack> installed() {
        return applier.installed(caller.requireAnyRole(ROLES));
    }

    @GetMapping("/bundled")
    @Operation(summary = "列出系统内置的已签名政策包")
    List<PolicyPackCatalog.BundledPack> bundled() {
        caller.requireAnyRole(ROLES);
        return PolicyPackCatalog.packs();
    }

    @PostMapping("/preview")
    @Operation(summary = "预览上传的政策包：签名与校验和、逐个文档的字段级差异、受影响的在办作业票；不保存")
    PreviewView preview(HttpServletRequest request) throws IOException {
        long tenantId = caller.requireAnyRole(ROLES);
        Locale locale = ApiCaller.locale();
        return PreviewView.of(applier.preview(tenantId, upload(request), locale), locale);
    }

    @PostMapping("/apply")
    @Operation(summary = "应用上传的政策包：在一个事务中发布全部文档，或在生效日期前登记为待生效；任何问题都不留下部分结果")
    InstalledPack apply(HttpServletRequest request) throws IOException {
        long tenantId = caller.requireAnyRole(ROLES);
        return applier.apply(tenantId, upload(request), caller.user().username(), ApiCaller.locale());
    }

    @PostMapping("/bundled/{id}/preview")
    @Operation(summary = "预览内置政策包")
    PreviewView previewBundled(@PathVariable String id) {
        long tenantId = caller.requireAnyRole(ROLES);
        Locale locale = ApiCaller.locale();
        return PreviewView.of(applier.previewResource(tenantId, bundledPath(id), locale), locale);
    }

    @PostMapping("/bundled/{id}/apply")
    @Operation(summary = "应用内置政策包")
    InstalledPack applyBundled(@PathVariable String id) {
        long tenantId = caller.requireAnyRole(ROLES);
        return applier.applyResource(tenantId, bundledPath(id), caller.user().username(), ApiCaller.locale());
    }

    @PostMapping("/{installId}/rollback")
    @Operation(summary = "回滚政策包：在一个事务中重新发布政策包改动前的各文档版本；待生效的政策包则取消")
    InstalledPack rollback(@PathVariable long installId) {
        long tenantId = caller.requireAnyRole(ROLES);
        return applier.rollback(tenantId, installId, caller.user().username());
    }

    @ExceptionHandler(PolicyPackException.Rejected.class)
    ResponseEntity<ApiError> rejected(PolicyPackException.Rejected e) {
        Locale locale = ApiCaller.locale();
        return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT).body(new ApiError(e.messageKey(),
                e.message(locale), e.problems().stream().map(p -> new ApiError.Detail(p.where(), p.message()))
                        .toList()));
    }

    private static String bundledPath(String id) {
        return PolicyPackCatalog.packs().stream().filter(pack -> pack.id().equals(id)).findFirst()
                .map(PolicyPackCatalog.BundledPack::resourcePath)
                .orElseThrow(() -> new PolicyPackException("pack.bundledNotFound", id,
                        PolicyPackCatalog.packs().stream().map(PolicyPackCatalog.BundledPack::id).toList()));
    }

    private static byte[] upload(HttpServletRequest request) throws IOException {
        try (InputStream body = request.getInputStream()) {
            return body.readNBytes(PolicyPackReader.MAX_BYTES + 1);
        }
    }
}
