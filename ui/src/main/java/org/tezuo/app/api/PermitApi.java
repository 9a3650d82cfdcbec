package org.tezuo.app.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.tezuo.app.permit.Actor;
import org.tezuo.app.permit.EPermits;
import org.tezuo.app.permit.GasReadingIntake;
import org.tezuo.app.permit.Permit;
import org.tezuo.app.permit.PermitApprovals;
import org.tezuo.app.permit.PermitDrafter;
import org.tezuo.app.permit.PermitRefusedException;
import org.tezuo.app.permit.PermitRiskItem;
import org.tezuo.app.permit.PermitRiskScore;
import org.tezuo.app.permit.PermitStatus;
import org.tezuo.app.permit.PermitStore;
import org.tezuo.app.permit.PermitSubmitter;
import org.tezuo.app.permit.PermitTypes;
import org.tezuo.app.permit.QrCodeRenderer;
import org.tezuo.app.ui.epermit.EPermitPdfWriter;
import org.tezuo.app.permit.RiskConfirmationDecision;
import org.tezuo.app.security.Role;
import org.tezuo.core.i18n.UserMessages;
import org.tezuo.templates.IndustryTemplate;
import org.tezuo.workflow.approval.ApprovalRecord;
import tools.jackson.databind.JsonNode;

/** Permits: types, drafts, gas readings, submission, approval tasks, history and the QR e-permit. */
@RestController
@RequestMapping("/api")
@Tag(name = "permits", description = "作业票：草稿、气体检测、提交、审批与电子作业票")
class PermitApi {

    private final ApiCaller caller;
    private final PermitTypes permitTypes;
    private final PermitDrafter drafter;
    private final PermitSubmitter submitter;
    private final PermitApprovals approvals;
    private final PermitStore permits;
    private final GasReadingIntake gasReadings;
    private final EPermits ePermits;
    private final QrCodeRenderer qrCodes;
    private final EPermitPdfWriter ePermitPdf;

    PermitApi(ApiCaller caller, PermitTypes permitTypes, PermitDrafter drafter, PermitSubmitter submitter,
            PermitApprovals approvals, PermitStore permits, GasReadingIntake gasReadings, EPermits ePermits,
            QrCodeRenderer qrCodes, EPermitPdfWriter ePermitPdf) {
        this.caller = caller;
        this.permitTypes = permitTypes;
        this.drafter = drafter;
        this.submitter = submitter;
        this.approvals = approvals;
        this.permits = permits;
        this.gasReadings = gasReadings;
        this.ePermits = ePermits;
        this.qrCodes = qrCodes;
        this.ePermitPdf = ePermitPdf;
    }

    record PermitTypeView(String type, String name, String form, String flow, String ruleset) {
    }

    @GetMapping("/permit-types")
    @Operation(summary = "本企业可用的作业票类型")
    List<PermitTypeView> permitTypes() {
        boolean english = ApiCaller.locale().getLanguage().equals("en");
        return permitTypes.list(caller.user().tenantId()).stream()
                .map(type -> new PermitTypeView(type.type(), english ? type.nameEn() : type.nameZh(), type.form(),
                        type.flow(), type.ruleset()))
                .toList();
    }

    @GetMapping("/permit-types/{type}/initial-data")
    @Operation(summary = "新作业票的初始数据（表单默认值与当前用户）")
    JsonNode initialData(@PathVariable String type) {
        return drafter.initialData(caller.actor(), type);
    }

    /** A permit as the API shows it. */
    record PermitView(long id, String type, PermitStatus status, String statusZh, String applicant, String form,
            @Nullable Integer flowVersion, @Nullable Integer rulesetVersion, JsonNode data,
            List<PermitRiskItem> riskItems, @Nullable PermitRiskScore riskScore, @Nullable JsonNode liveData,
            @Nullable String permitNumber, @Nullable String qrUrl, boolean qrRevoked, Instant createdAt,
            @Nullable Instant submittedAt, @Nullable Instant issuedAt) {
    }

    record NewPermit(@Nullable String type, @Nullable JsonNode data) {
    }

    @GetMapping("/permits")
    @Operation(summary = "作业票列表（最新 200 张）")
    List<PermitView> permits(HttpServletRequest request) {
        return permits.list(caller.user().tenantId(), 200).stream().map(permit -> view(permit, null, request))
                .toList();
    }

    @PostMapping("/permits")
    @Operation(summary = "新建作业票草稿")
    ResponseEntity<PermitView> create(@RequestBody NewPermit body, HttpServletRequest request) {
        if (body.type() == null || body.data() == null) {
            throw new org.tezuo.core.i18n.LocalizedException("permit.newPermitIncomplete");
        }
        Permit permit = drafter.create(caller.actor(), body.type(), body.data());
        return ResponseEntity.status(HttpStatus.CREATED).body(view(permit, request));
    }

    @GetMapping("/permits/{id}")
    @Operation(summary = "作业票详情")
    PermitView permit(@PathVariable long id, HttpServletRequest request) {
        return view(require(id), request);
    }

    @PutMapping("/permits/{id}")
    @Operation(summary = "修改草稿或已退回的作业票")
    PermitView update(@PathVariable long id, @RequestBody JsonNode data, HttpServletRequest request) {
        return view(drafter.update(caller.actor(), id, data), request);
    }

    @PostMapping("/permits/{id}/gas-readings")
    @Operation(summary = "上传便携式检测仪读数（单条或数组）")
    ResponseEntity<Map<String, Integer>> gasReadings(@PathVariable long id, @RequestBody JsonNode payload) {
        int stored = gasReadings.record(caller.actor(), id, payload).size();
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("stored", stored));
    }

    @PostMapping("/permits/{id}/submit")
    @Operation(summary = "提交作业票：表单校验、资质门禁、风险评估后进入审批")
    PermitView submit(@PathVariable long id, HttpServletRequest request) {
        return view(submitter.submit(caller.actor(), id), request);
    }

    @GetMapping("/permits/{id}/history")
    @Operation(summary = "审批记录")
    List<ApprovalRecord> history(@PathVariable long id) {
        require(id);
        return approvals.history(caller.user().tenantId(), id);
    }

    @GetMapping("/permits/{id}/confirmations")
    @Operation(summary = "各审批人的风险再确认")
    List<PermitStore.RiskConfirmation> confirmations(@PathVariable long id) {
        require(id);
        return permits.confirmations(caller.user().tenantId(), id);
    }

    @GetMapping(path = "/permits/{id}/qr.png", produces = MediaType.IMAGE_PNG_VALUE)
    @Operation(summary = "电子作业票二维码图片")
    byte[] qrCode(@PathVariable long id, HttpServletRequest request) {
        Permit permit = require(id);
        if (permit.qrRevoked()) {
            throw new NotFoundException("电子作业票", id);
        }
        return qrCodes.png(ePermits.url(baseUrl(request), permit), 320);
    }

    @GetMapping(path = "/permits/{id}/e-permit.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "可打印的电子作业票 PDF（中文）")
    ResponseEntity<byte[]> ePermitPdf(@PathVariable long id, HttpServletRequest request) {
        Permit permit = require(id);
        if (permit.qrToken() == null || permit.qrRevoked()) {
            throw new NotFoundException("电子作业票", id);
        }
        return EPermitPdfWriter.inline(permit, ePermitPdf.write(permit, ePermits.url(baseUrl(request), permit),
                ApiCaller.locale()));
    }

    @PostMapping("/permits/{id}/qr/revoke")
    @Operation(summary = "撤销电子作业票链接")
    PermitView revokeQr(@PathVariable long id, HttpServletRequest request) {
        caller.requireAnyRole(Role.SYSTEM_ADMIN, Role.SAFETY_DIRECTOR, Role.SAFETY_ENGINEER);
        ePermits.revoke(caller.actor(), id);
        return view(require(id), request);
    }

    /** A task of the caller with its permit. */
    record TaskView(String taskId, String nodeId, String nodeName, boolean resubmission,
            boolean requiresRiskConfirmation, Instant createdAt, long permitId, @Nullable String permitNumber,
            List<PermitRiskItem> riskItems) {
    }

    /** One risk item's confirmation; {@code evidenceIds} are evidence of the permit to seal to the item. */
    record Confirmation(String itemCode, RiskConfirmationDecision decision, @Nullable String note,
            @Nullable List<Long> evidenceIds) {
    }

    record Decision(@Nullable String comment) {
    }

    @GetMapping("/tasks")
    @Operation(summary = "我的待办")
    List<TaskView> tasks() {
        return approvals.tasks(caller.actor()).stream().map(PermitApi::view).toList();
    }

    @GetMapping("/tasks/{taskId}")
    @Operation(summary = "待办详情")
    TaskView task(@PathVariable String taskId) {
        return view(approvals.task(caller.actor(), taskId));
    }

    @PostMapping("/tasks/{taskId}/risk-confirmations")
    @Operation(summary = "逐项风险再确认：已现场核查 / 已升级管控，可封存证据（evidenceIds）")
    ResponseEntity<Void> confirm(@PathVariable String taskId, @RequestBody List<Confirmation> confirmations) {
        approvals.confirmRiskItems(caller.actor(), taskId, confirmations.stream()
                .map(item -> new PermitApprovals.ItemConfirmation(item.itemCode(), item.decision(), item.note(),
                        item.evidenceIds() == null ? List.of() : item.evidenceIds()))
                .toList());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/tasks/{taskId}/approve")
    @Operation(summary = "同意（须已逐项确认风险）")
    ApprovalRecord approve(@PathVariable String taskId, @RequestBody(required = false) @Nullable Decision decision) {
        return approvals.approve(caller.actor(), taskId, decision == null ? null : decision.comment());
    }

    @PostMapping("/tasks/{taskId}/reject")
    @Operation(summary = "驳回（须填写意见）")
    ApprovalRecord reject(@PathVariable String taskId, @RequestBody(required = false) @Nullable Decision decision) {
        return approvals.reject(caller.actor(), taskId, commentOf(decision));
    }

    @PostMapping("/tasks/{taskId}/return")
    @Operation(summary = "退回申请人（须填写意见）")
    ApprovalRecord returnToApplicant(@PathVariable String taskId,
            @RequestBody(required = false) @Nullable Decision decision) {
        return approvals.returnToApplicant(caller.actor(), taskId, commentOf(decision));
    }

    @ExceptionHandler(PermitRefusedException.class)
    ResponseEntity<ApiError> refused(PermitRefusedException refusal) {
        var locale = ApiCaller.locale();
        return ResponseEntity.unprocessableContent().body(new ApiError(refusal.stage().messageKey(),
                UserMessages.render(locale, refusal.stage().messageKey(), refusal.permitId(), refusal.reasons().size()),
                refusal.reasons().stream().map(reason -> new ApiError.Detail(reason.path(), reason.message())).toList()));
    }

    private static String commentOf(@Nullable Decision decision) {
        return decision == null || decision.comment() == null ? "" : decision.comment().strip();
    }

    private Permit require(long id) {
        return permits.find(caller.user().tenantId(), id).orElseThrow(() -> new NotFoundException("作业票", id));
    }

    private PermitView view(Permit permit, HttpServletRequest request) {
        return view(permit, permits.riskScore(permit.tenantId(), permit.id()).orElse(null), request);
    }

    /** Builds the API view with the given score; the list passes null, so it reads no score detail per row. */
    private PermitView view(Permit permit, @Nullable PermitRiskScore riskScore, HttpServletRequest request) {
        String qrUrl = permit.qrToken() == null || permit.qrRevoked() ? null : ePermits.url(baseUrl(request), permit);
        return new PermitView(permit.id(), permit.permitType(), permit.status(), permit.status().zh(),
                permit.applicant(), permit.formKey() + "@" + permit.formVersion(), permit.flowVersion(),
                permit.rulesetVersion(), permit.data(), permit.riskItems(), riskScore, permit.liveData(),
                permit.permitNumber(),
                qrUrl, permit.qrRevoked(), permit.createdAt(), permit.submittedAt(), permit.issuedAt());
    }

    private static TaskView view(PermitApprovals.PermitTask task) {
        return new TaskView(task.task().taskId(), task.task().nodeId(), task.task().nodeName().zh(),
                task.task().resubmission(), task.task().requiresRiskConfirmation(), task.task().createdAt(),
                task.permit().id(), task.permit().permitNumber(), task.permit().riskItems());
    }

    private static String baseUrl(HttpServletRequest request) {
        return ServletUriComponentsBuilder.fromContextPath(request).build().toUriString();
    }
}
