package org.tezuo.app.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tezuo.app.security.CurrentUser;
import org.tezuo.app.security.Role;
import org.tezuo.core.notification.InboxNotice;
import org.tezuo.workflow.approval.ApprovalInbox;
import org.tezuo.workflow.approval.ApprovalTask;
import org.tezuo.workflow.approval.CopiedApplication;
import org.tezuo.workflow.approval.DoneTask;
import org.tezuo.workflow.approval.InboxCounts;
import org.tezuo.workflow.approval.InboxFilter;
import org.tezuo.workflow.operation.ApplicantOperations;
import org.tezuo.workflow.operation.ApprovalNotices;
import org.tezuo.workflow.operation.ApprovalOperations;
import org.tezuo.workflow.operation.ApprovalSuspensions;
import org.tezuo.workflow.operation.Evidence;
import org.tezuo.workflow.operation.HistoryEntry;
import org.tezuo.workflow.operation.InstanceHistory;
import org.tezuo.workflow.operation.ReturnTarget;
import org.tezuo.workflow.operation.SignerPosition;

/**
 * Approval operations beyond approve, reject and return to the applicant, the instance history and the inbox lists.
 * Errors come back as localized {@link ApiError}s with HTTP 422.
 */
@RestController
@RequestMapping("/api")
@Tag(name = "approval-operations", description = "审批操作：退回、转办、委派、加签、减签、撤回、催办、评论与待办列表")
class ApprovalOperationsApi {

    private final ApiCaller caller;
    private final ApprovalOperations operations;
    private final ApplicantOperations applicantOperations;
    private final ApprovalSuspensions suspensions;
    private final InstanceHistory history;
    private final ApprovalInbox inbox;
    private final ApprovalNotices notices;

    ApprovalOperationsApi(ApiCaller caller, ApprovalOperations operations, ApplicantOperations applicantOperations,
            ApprovalSuspensions suspensions, InstanceHistory history, ApprovalInbox inbox, ApprovalNotices notices) {
        this.caller = caller;
        this.operations = operations;
        this.applicantOperations = applicantOperations;
        this.suspensions = suspensions;
        this.history = history;
        this.inbox = inbox;
        this.notices = notices;
    }

    record SignedApproval(@Nullable String comment, @Nullable String signatureFileId,
            @Nullable List<String> attachmentIds) {
    }

    record ReturnRequest(@Nullable String target, @Nullable String comment) {
    }

    record UserRequest(@Nullable String user, @Nullable String comment) {
    }

    record SignerRequest(@Nullable String user, @Nullable SignerPosition position, @Nullable String comment) {
    }

    record CommentRequest(@Nullable String comment, @Nullable List<String> attachmentIds) {
    }

    @PostMapping("/tasks/{taskId}/sign-off")
    @Operation(summary = "同意并附手写签名与附件（加签人也用此接口同意）")
    HistoryEntry signOff(@PathVariable String taskId, @RequestBody @Nullable SignedApproval body) {
        SignedApproval request = body == null ? new SignedApproval(null, null, null) : body;
        return operations.approve(tenant(), taskId, username(), request.comment(),
                new Evidence(request.signatureFileId(), listOf(request.attachmentIds())));
    }

    @GetMapping("/tasks/{taskId}/return-targets")
    @Operation(summary = "可退回的节点：申请人与已通过的审批节点")
    List<ReturnTarget> returnTargets(@PathVariable String taskId) {
        return operations.returnTargets(tenant(), taskId, username());
    }

    @PostMapping("/tasks/{taskId}/return-to")
    @Operation(summary = "退回到之前的任一节点或申请人（须填写意见）")
    HistoryEntry returnTo(@PathVariable String taskId, @RequestBody ReturnRequest body) {
        return operations.returnTo(tenant(), taskId, username(), text(body.target()), text(body.comment()));
    }

    @PostMapping("/tasks/{taskId}/transfer")
    @Operation(summary = "转办：任务永久交给另一位用户")
    HistoryEntry transfer(@PathVariable String taskId, @RequestBody UserRequest body) {
        return operations.transfer(tenant(), taskId, username(), text(body.user()), body.comment());
    }

    @PostMapping("/tasks/{taskId}/delegate")
    @Operation(summary = "委派：被委派人提交意见后任务回到本人")
    HistoryEntry delegate(@PathVariable String taskId, @RequestBody UserRequest body) {
        return operations.delegate(tenant(), taskId, username(), text(body.user()), body.comment());
    }

    @PostMapping("/tasks/{taskId}/resolve")
    @Operation(summary = "被委派人提交意见，任务回到委派人")
    HistoryEntry resolve(@PathVariable String taskId, @RequestBody @Nullable CommentRequest body) {
        CommentRequest request = body == null ? new CommentRequest(null, null) : body;
        return operations.resolve(tenant(), taskId, username(), request.comment(),
                Evidence.attachments(listOf(request.attachmentIds())));
    }

    @PostMapping("/tasks/{taskId}/signers")
    @Operation(summary = "加签：position 为 BEFORE（前加签）或 AFTER（后加签）")
    HistoryEntry addSigner(@PathVariable String taskId, @RequestBody SignerRequest body) {
        SignerPosition position = body.position() == null ? SignerPosition.AFTER : body.position();
        return operations.addSigner(tenant(), taskId, username(), text(body.user()), position, body.comment());
    }

    @DeleteMapping("/tasks/{taskId}/signers/{user}")
    @Operation(summary = "减签：移除尚未作出决定的审批人")
    HistoryEntry removeSigner(@PathVariable String taskId, @PathVariable String user,
            @RequestParam(required = false) @Nullable String comment) {
        return operations.removeSigner(tenant(), taskId, username(), user, comment);
    }

    @PostMapping("/approvals/{processInstanceId}/withdraw")
    @Operation(summary = "申请人在首次同意前撤回申请")
    HistoryEntry withdraw(@PathVariable String processInstanceId, @RequestBody @Nullable CommentRequest body) {
        return applicantOperations.withdraw(tenant(), processInstanceId, username(), body == null ? null : body.comment());
    }

    @PostMapping("/approvals/{processInstanceId}/urge")
    @Operation(summary = "催办：提醒当前审批人（有时间间隔限制）")
    HistoryEntry urge(@PathVariable String processInstanceId, @RequestBody @Nullable CommentRequest body) {
        return applicantOperations.urge(tenant(), processInstanceId, username(), body == null ? null : body.comment());
    }

    @PostMapping("/approvals/{processInstanceId}/comments")
    @Operation(summary = "发表评论，可附文件（文件须先通过 /api/files 上传）")
    ResponseEntity<HistoryEntry> comment(@PathVariable String processInstanceId, @RequestBody CommentRequest body) {
        return ResponseEntity.status(201).body(operations.comment(tenant(), processInstanceId, username(),
                text(body.comment()), listOf(body.attachmentIds())));
    }

    @PostMapping("/approvals/{processInstanceId}/resume")
    @Operation(summary = "升级处理人恢复因超时挂起的申请")
    HistoryEntry resume(@PathVariable String processInstanceId, @RequestBody @Nullable CommentRequest body) {
        return suspensions.resume(tenant(), processInstanceId, username(), body == null ? null : body.comment());
    }

    @GetMapping("/approvals/{processInstanceId}/history")
    @Operation(summary = "审批历史：谁、何时、何操作、在哪个节点、意见、附件、签名，含已被退回作废的记录")
    List<HistoryEntry> history(@PathVariable String processInstanceId) {
        if (!history.exists(tenant(), processInstanceId)) {
            throw new NotFoundException("审批", processInstanceId);
        }
        return history.entries(tenant(), processInstanceId);
    }

    @GetMapping("/inbox/todo")
    @Operation(summary = "待办：分配给我、我是候选人或我的角色是候选组的任务")
    List<ApprovalTask> todo(@RequestParam(required = false) @Nullable String flowKey,
            @RequestParam(required = false) @Nullable String businessKey,
            @RequestParam(required = false) @Nullable Instant from,
            @RequestParam(required = false) @Nullable Instant to) {
        CurrentUser user = caller.user();
        return inbox.todo(user.tenantId(), user.username(), roles(user), new InboxFilter(flowKey, businessKey, from, to));
    }

    @GetMapping("/inbox/done")
    @Operation(summary = "已办：我完成的任务，最新在前")
    List<DoneTask> done(@RequestParam(required = false) @Nullable String flowKey,
            @RequestParam(required = false) @Nullable String businessKey,
            @RequestParam(required = false) @Nullable Instant from,
            @RequestParam(required = false) @Nullable Instant to) {
        return inbox.done(tenant(), username(), new InboxFilter(flowKey, businessKey, from, to));
    }

    @GetMapping("/inbox/copied")
    @Operation(summary = "抄送我：含已读/未读")
    List<CopiedApplication> copied(@RequestParam(required = false) @Nullable String flowKey,
            @RequestParam(required = false) @Nullable String businessKey,
            @RequestParam(required = false) @Nullable Instant from,
            @RequestParam(required = false) @Nullable Instant to) {
        return inbox.copied(tenant(), username(), new InboxFilter(flowKey, businessKey, from, to));
    }

    @PostMapping("/inbox/copied/{copyId}/read")
    @Operation(summary = "将抄送标为已读")
    ResponseEntity<Void> markCopyRead(@PathVariable long copyId) {
        if (inbox.copied(tenant(), username(), InboxFilter.ALL).stream().noneMatch(copy -> copy.id() == copyId)) {
            throw new NotFoundException("抄送", copyId);
        }
        inbox.markCopyRead(tenant(), copyId, username());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/inbox/counts")
    @Operation(summary = "待办、已办、抄送与未读抄送的数量")
    InboxCounts counts() {
        CurrentUser user = caller.user();
        return inbox.counts(user.tenantId(), user.username(), roles(user), InboxFilter.ALL);
    }

    @GetMapping("/notices")
    @Operation(summary = "我的审批通知（站内通知中主题以 approval. 开头的部分）：待审批、催办、提醒、升级、通知节点与审批结果")
    List<InboxNotice> notices(@RequestParam(defaultValue = "false") boolean unreadOnly) {
        return notices.forRecipient(tenant(), username(), unreadOnly);
    }

    @PostMapping("/notices/{noticeId}/read")
    @Operation(summary = "将通知标为已读")
    ResponseEntity<Void> markNoticeRead(@PathVariable long noticeId) {
        if (notices.forRecipient(tenant(), username(), false).stream().noneMatch(notice -> notice.id() == noticeId)) {
            throw new NotFoundException("审批通知", noticeId);
        }
        notices.markRead(tenant(), noticeId, username());
        return ResponseEntity.noContent().build();
    }

    private long tenant() {
        return caller.user().tenantId();
    }

    private String username() {
        return caller.user().username();
    }

    private static List<String> roles(CurrentUser user) {
        return user.roles().stream().map(Role::code).sorted().toList();
    }

    private static List<String> listOf(@Nullable List<String> values) {
        return values == null ? List.of() : values;
    }

    private static String text(@Nullable String value) {
        return value == null ? "" : value.strip();
    }
}
