package org.tezuo.app.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
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
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.tezuo.app.permit.PermitStore;
import org.tezuo.app.permit.evidence.EvidenceRecorder;
import org.tezuo.app.permit.evidence.EvidenceRequirements;
import org.tezuo.app.permit.evidence.EvidenceStore;
import org.tezuo.app.permit.evidence.EvidenceVerification;
import org.tezuo.app.permit.evidence.EvidenceVerifier;
import org.tezuo.app.permit.evidence.PermitEvidence;
import org.tezuo.core.i18n.LocalizedException;

/** Evidence of a permit's control measures, its seals to risk items and their verification. */
@RestController
@RequestMapping("/api/permits/{id}/evidence")
@Tag(name = "permit evidence", description = "作业票证据：照片（水印）、检测读数、签名、角色勾选，封存与校验")
class EvidenceApi {

    private final ApiCaller caller;
    private final PermitStore permits;
    private final EvidenceRecorder recorder;
    private final EvidenceStore store;
    private final EvidenceRequirements requirements;
    private final EvidenceVerifier verifier;

    EvidenceApi(ApiCaller caller, PermitStore permits, EvidenceRecorder recorder, EvidenceStore store,
            EvidenceRequirements requirements, EvidenceVerifier verifier) {
        this.caller = caller;
        this.permits = permits;
        this.recorder = recorder;
        this.store = store;
        this.requirements = requirements;
        this.verifier = verifier;
    }

    /** The permit's evidence and what its measures declare. */
    record EvidenceList(List<EvidenceRequirements.MeasureEvidence> declared, List<PermitEvidence> evidence) {
    }

    record ReadingBody(@Nullable Integer measure, @Nullable String detectorId, @Nullable String gas,
            @Nullable BigDecimal value, @Nullable String unit, @Nullable Instant measuredAt) {
    }

    record TickBody(int measure) {
    }

    /** The verification as the API shows it, with each problem rendered in the caller's language. */
    record VerificationView(long permitId, boolean intact, int evidenceCount, int sealCount, List<String> problems) {
    }

    @GetMapping
    @Operation(summary = "作业票的证据及各安全措施声明的证据要求")
    EvidenceList list(@PathVariable long id) {
        long tenantId = caller.user().tenantId();
        var permit = permits.find(tenantId, id).orElseThrow(() -> new NotFoundException("作业票", id));
        return new EvidenceList(requirements.of(permit.formKey()), store.evidence(tenantId, id));
    }

    @PostMapping(path = "/photos", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "上传照片证据：保留原图并生成带时间、上传人、作业票和位置水印的副本")
    ResponseEntity<PermitEvidence> photo(@PathVariable long id, @RequestPart("file") MultipartFile file,
            @RequestParam(required = false) @Nullable Integer measure,
            @RequestParam(required = false) @Nullable BigDecimal latitude,
            @RequestParam(required = false) @Nullable BigDecimal longitude) throws IOException {
        EvidenceRecorder.GpsLocation location = EvidenceRecorder.location(latitude, longitude);
        PermitEvidence evidence = recorder.recordPhoto(caller.actor(), id, measure, nameOf(file),
                String.valueOf(file.getContentType()), file.getBytes(), location);
        return ResponseEntity.status(HttpStatus.CREATED).body(evidence);
    }

    @PostMapping(path = "/signatures", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "上传签名图片证据")
    ResponseEntity<PermitEvidence> signature(@PathVariable long id, @RequestPart("file") MultipartFile file,
            @RequestParam(required = false) @Nullable Integer measure) throws IOException {
        PermitEvidence evidence = recorder.recordSignature(caller.actor(), id, measure, nameOf(file),
                String.valueOf(file.getContentType()), file.getBytes());
        return ResponseEntity.status(HttpStatus.CREATED).body(evidence);
    }

    @PostMapping("/readings")
    @Operation(summary = "提交检测读数证据")
    ResponseEntity<PermitEvidence> reading(@PathVariable long id, @RequestBody ReadingBody body) {
        EvidenceRecorder.Reading reading = new EvidenceRecorder.Reading(required(body.detectorId(), "detectorId"),
                required(body.gas(), "gas"), required(body.value(), "value"), required(body.unit(), "unit"),
                body.measuredAt());
        return ResponseEntity.status(HttpStatus.CREATED).body(recorder.recordReading(caller.actor(), id,
                body.measure(), reading));
    }

    @PostMapping("/ticks")
    @Operation(summary = "由声明的角色勾选确认一项安全措施")
    ResponseEntity<PermitEvidence> tick(@PathVariable long id, @RequestBody TickBody body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(recorder.recordTick(caller.actor(),
                caller.user().roles(), id, body.measure()));
    }

    @GetMapping("/verification")
    @Operation(summary = "校验证据封存链与文件哈希")
    VerificationView verification(@PathVariable long id) {
        long tenantId = caller.user().tenantId();
        permits.find(tenantId, id).orElseThrow(() -> new NotFoundException("作业票", id));
        EvidenceVerification result = verifier.verify(tenantId, id);
        return new VerificationView(id, result.intact(), result.evidenceCount(), result.sealCount(),
                result.problems().stream().map(problem -> problem.message(ApiCaller.locale())).toList());
    }

    private static String nameOf(MultipartFile file) {
        return file.getOriginalFilename() == null ? "photo" : file.getOriginalFilename();
    }

    private static <T> T required(@Nullable T value, String name) {
        if (value == null || (value instanceof String text && text.isBlank())) {
            throw new LocalizedException("evidence.readingIncomplete", name);
        }
        return value;
    }
}
