package org.tezuo.app.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.tezuo.core.file.FileStore;
import org.tezuo.core.file.StoredFile;

/**
 * Downloads of stored files (photos, signatures, documents of form fields) for users of the file's own tenant.
 * Images are sent inline so pages can show them; every other type is sent as an attachment. Every file carries
 * {@code nosniff} and a sandboxing Content-Security-Policy, so an uploaded HTML or script file never runs in the
 * application's origin. The content type is the one the store recorded: checked by content for images.
 */
@RestController
@RequestMapping("/api/files")
@Tag(name = "files", description = "上传的文件")
class FileApi {

    /**
     * Content-Security-Policy of every stored file: a file opened on its own in a browser tab runs no script and
     * loads nothing, even if a browser took it for a page. Inline styles stay allowed for the image viewer that
     * browsers build around an image.
     */
    static final String CONTENT_POLICY = "default-src 'none'; style-src 'unsafe-inline'; sandbox";

    private final ApiCaller caller;
    private final FileStore files;

    FileApi(ApiCaller caller, FileStore files) {
        this.caller = caller;
        this.files = files;
    }

    @GetMapping("/{id}")
    @Operation(summary = "下载本企业上传的文件（照片、签名、附件）")
    ResponseEntity<InputStreamResource> download(@PathVariable String id) throws IOException {
        long tenantId = caller.user().tenantId();
        StoredFile file = files.find(tenantId, id).orElseThrow(() -> new NotFoundException("文件", id));
        ContentDisposition disposition = (file.isImage() ? ContentDisposition.inline() : ContentDisposition.attachment())
                .filename(file.originalName(), java.nio.charset.StandardCharsets.UTF_8)
                .build();
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.contentType()))
                .contentLength(file.sizeBytes())
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", CONTENT_POLICY)
                .body(new InputStreamResource(files.open(file)));
    }
}
