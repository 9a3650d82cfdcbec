package org.tezuo.workflow.operation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.awt.image.BufferedImage;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.flowable.engine.HistoryService;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.TaskService;
import org.flowable.engine.runtime.Execution;
import org.flowable.task.api.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.tezuo.core.file.FileKind;
import org.tezuo.core.file.FileStore;
import org.tezuo.core.metadata.MetadataStore;
import org.tezuo.core.notification.InboxNotice;
import org.tezuo.core.tenant.TenantDirectory;
import org.tezuo.metadata.MetadataKind;
import org.tezuo.workflow.approval.ApprovalDecider;
import org.tezuo.workflow.approval.ApprovalInbox;
import org.tezuo.workflow.approval.ApprovalStarter;
import org.tezuo.workflow.approval.ApprovalTask;
import org.tezuo.workflow.approval.DirectoryApproverResolver;
import org.tezuo.workflow.approval.DoneTask;
import org.tezuo.workflow.approval.InboxFilter;
import org.tezuo.workflow.approval.RecordingOutcomeListener;
import org.tezuo.workflow.approval.SignatureException;
import org.tezuo.workflow.approval.StoredFileNotFoundException;
import org.tezuo.workflow.bpmn.ChainVariables;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest(properties = "tezuo.files.dir=target/test-files")
class ApprovalOperationsTest {

    static final String FLOW = "confined-space";
    static final String APPLICANT = "zhangsan";

    /** Leader (single), countersign of e1, e2 and e3, director (single, signs by hand). */
    static final String CHAIN = """
            {
              "name": {"zh": "受限空间作业审批"},
              "nodes": [
                {"id": "leader", "type": "approver", "name": {"zh": "作业负责人"}, "mode": "single",
                 "assignee": {"by": "user", "user": "lisi"}},
                {"id": "countersign", "type": "approver", "name": {"zh": "相关部门会签"}, "mode": "all",
                 "assignee": {"by": "users", "users": ["e1", "e2", "e3"]}},
                {"id": "director", "type": "approver", "name": {"zh": "安全总监"}, "mode": "single",
                 "assignee": {"by": "user", "user": "sunqi"}, "requiresSignature": true}
              ]
            }""";

    @Autowired
    ApprovalStarter starter;
    @Autowired
    ApprovalDecider decider;
    @Autowired
    ApprovalInbox inbox;
    @Autowired
    ApprovalOperations operations;
    @Autowired
    ApplicantOperations applicantOperations;
    @Autowired
    InstanceHistory history;
    @Autowired
    ApprovalNotices notices;
    @Autowired
    RecordingOutcomeListener outcomes;
    @Autowired
    DirectoryApproverResolver directory;
    @Autowired
    MetadataStore metadata;
    @Autowired
    TenantDirectory tenants;
    @Autowired
    FileStore files;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService taskService;
    @Autowired
    HistoryService flowableHistory;
    @Autowired
    JsonMapper json;

    long tenant;
    String businessKey;
    String instance;

    @BeforeEach
    void startChain() {
        tenant = tenants.create("t-" + UUID.randomUUID(), "测试化工厂", null, ZoneId.of("Asia/Shanghai")).id();
        metadata.saveAndPublish(tenant, MetadataKind.FLOW, FLOW, json.readTree(CHAIN), "admin");
        businessKey = "SX-" + UUID.randomUUID();
        instance = starter.start(tenant, FLOW, 1, businessKey, APPLICANT, json.readTree("{}"));
    }

    @Test
    void rejectInsideCountersignEndsRejected() {
        approve("lisi");
        approve("e1");

        decider.reject(tenant, onlyTaskOf("e2").taskId(), "e2", "通风检测数据缺失");

        assertThat(outcomes.outcomesOf(businessKey)).containsExactly("REJECTED");
        assertThat(inbox.tasks(tenant, "e3")).isEmpty();
        assertThat(inbox.tasks(tenant, "sunqi")).isEmpty();
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(instance).count()).isZero();
    }

    @Test
    void returnIntoCountersignSupersedesAndRestartsCounters() {
        approve("lisi");
        approve("e1");
        approve("e2");
        approve("e3");
        String directorTask = onlyTaskOf("sunqi").taskId();

        assertThat(operations.returnTargets(tenant, directorTask, "sunqi")).extracting(ReturnTarget::nodeId)
                .containsExactly(ChainVariables.RESUBMIT_TASK, "leader", "countersign");
        operations.returnTo(tenant, directorTask, "sunqi", "countersign", "气体检测报告过期，请重新会签");

        assertThat(inbox.tasks(tenant, "sunqi")).isEmpty();
        for (String engineer : List.of("e1", "e2", "e3")) {
            assertThat(inbox.tasks(tenant, engineer)).as(engineer).hasSize(1);
        }
        Execution root = runtime.createExecutionQuery().processInstanceId(instance).list().stream()
                .filter(execution -> runtime.hasVariableLocal(execution.getId(), "nrOfInstances"))
                .findFirst().orElseThrow();
        assertThat(runtime.getVariableLocal(root.getId(), "nrOfCompletedInstances")).isEqualTo(0);
        assertThat(runtime.getVariableLocal(root.getId(), "nrOfInstances")).isEqualTo(3);

        List<HistoryEntry> entries = history.entries(tenant, instance);
        assertThat(entries).extracting(HistoryEntry::nodeId, HistoryEntry::actor, HistoryEntry::operation,
                HistoryEntry::superseded).containsExactly(
                tuple("leader", "lisi", Operation.APPROVED, false),
                tuple("countersign", "e1", Operation.APPROVED, true),
                tuple("countersign", "e2", Operation.APPROVED, true),
                tuple("countersign", "e3", Operation.APPROVED, true),
                tuple("director", "sunqi", Operation.RETURNED_TO_STEP, false));
        assertThat(entries.get(1).supersededBy()).isEqualTo("sunqi");
        assertThat(entries.get(1).supersededReason()).isEqualTo("气体检测报告过期，请重新会签");
        assertThat(entries.get(4).target()).isEqualTo("countersign");

        approve("e1");
        approve("e2");
        assertThat(inbox.tasks(tenant, "sunqi")).as("director waits for the third countersign").isEmpty();
        approve("e3");
        assertThat(inbox.tasks(tenant, "sunqi")).hasSize(1);
    }

    @Test
    void returnFromInsideCountersignEndsEveryInstance() {
        approve("lisi");
        approve("e1");

        operations.returnTo(tenant, onlyTaskOf("e2").taskId(), "e2", "leader", "作业负责人未签字确认隔离措施");

        assertThat(taskService.createTaskQuery().processInstanceId(instance).list())
                .extracting(Task::getTaskDefinitionKey).containsExactly("leader");
        assertThat(history.entries(tenant, instance)).extracting(HistoryEntry::superseded)
                .containsExactly(true, true, false);
    }

    @Test
    void returnToLaterStepIsRejected() {
        String leaderTask = onlyTaskOf("lisi").taskId();

        assertThatThrownBy(() -> operations.returnTo(tenant, leaderTask, "lisi", "director", "试试"))
                .isInstanceOf(OperationException.class)
                .hasMessage("节点“作业负责人”不能退回到“director”；可以退回到：申请人修改后重新提交");
    }

    @Test
    void addSignerBeforeBlocksApprover() {
        approve("lisi");
        String e1Task = onlyTaskOf("e1").taskId();

        operations.addSigner(tenant, e1Task, "e1", "x1", SignerPosition.BEFORE, "请设备部确认盲板位置");

        assertThatThrownBy(() -> operations.approve(tenant, e1Task, "e1", null, Evidence.NONE))
                .isInstanceOf(OperationException.class)
                .hasMessage("节点“相关部门会签”还有前加签人未同意：x1；请等待他们同意后再审批，或先减签");
        ApprovalTask signerTask = onlyTaskOf("x1");
        assertThat(signerTask.nodeId()).isEqualTo("countersign");
        assertThat(signerTask.processInstanceId()).isEqualTo(instance);

        operations.approve(tenant, signerTask.taskId(), "x1", "盲板已确认", Evidence.NONE);
        operations.approve(tenant, e1Task, "e1", null, Evidence.NONE);

        assertThat(inbox.tasks(tenant, "e1")).isEmpty();
        assertThat(history.entries(tenant, instance)).extracting(HistoryEntry::actor, HistoryEntry::operation)
                .containsExactly(tuple("lisi", Operation.APPROVED), tuple("e1", Operation.SIGNER_ADDED_BEFORE),
                        tuple("x1", Operation.APPROVED), tuple("e1", Operation.APPROVED));
    }

    @Test
    void addSignerAfterJoinsCountersign() {
        approve("lisi");

        operations.addSigner(tenant, onlyTaskOf("e2").taskId(), "e2", "x2", SignerPosition.AFTER, null);
        approve("e1");
        approve("e2");
        approve("e3");

        assertThat(inbox.tasks(tenant, "sunqi")).as("director waits for the added signer").isEmpty();
        approve("x2");
        assertThat(inbox.tasks(tenant, "sunqi")).hasSize(1);
    }

    @Test
    void removeSignerMidCountersign() {
        approve("lisi");
        approve("e1");
        String e3Task = onlyTaskOf("e3").taskId();

        assertThatThrownBy(() -> operations.removeSigner(tenant, e3Task, "e3", "e1", null))
                .isInstanceOf(OperationException.class)
                .hasMessage("用户“e1”已经在节点“相关部门会签”作出决定，不能减签");
        operations.removeSigner(tenant, e3Task, "e3", "e2", "e2 休假");
        assertThat(inbox.tasks(tenant, "e2")).isEmpty();
        assertThatThrownBy(() -> operations.removeSigner(tenant, e3Task, "e3", "e3", null))
                .isInstanceOf(OperationException.class)
                .hasMessage("用户“e3”是节点“相关部门会签”最后一位待审批人员，不能减签；如需换人请转办");

        approve("e3");
        assertThat(inbox.tasks(tenant, "sunqi")).hasSize(1);
        assertThat(history.entries(tenant, instance)).extracting(HistoryEntry::operation, HistoryEntry::target)
                .contains(tuple(Operation.SIGNER_REMOVED, "e2"));
    }

    @Test
    void addSignerAfterOnSingleStepPassesTask() {
        String leaderTask = onlyTaskOf("lisi").taskId();

        operations.addSigner(tenant, leaderTask, "lisi", "wangwu", SignerPosition.AFTER, "请车间主任复核");
        operations.approve(tenant, leaderTask, "lisi", null, Evidence.NONE);

        assertThat(inbox.tasks(tenant, "lisi")).isEmpty();
        assertThat(inbox.tasks(tenant, "e1")).isEmpty();
        operations.approve(tenant, onlyTaskOf("wangwu").taskId(), "wangwu", "复核通过", Evidence.NONE);
        assertThat(inbox.tasks(tenant, "e1")).hasSize(1);
    }

    @Test
    void sequentialSignersAddedAndRemoved() {
        metadata.saveAndPublish(tenant, MetadataKind.FLOW, "sequence", json.readTree("""
                {"name": {"zh": "依次审批"}, "nodes": [
                  {"id": "inTurn", "type": "approver", "name": {"zh": "依次审批"}, "mode": "sequential",
                   "assignee": {"by": "users", "users": ["s1", "s2", "s3"]}}]}"""), "admin");
        String key = "SQ-" + UUID.randomUUID();
        String sequence = starter.start(tenant, "sequence", 1, key, APPLICANT, json.readTree("{}"));
        String s1Task = onlyTaskOf("s1").taskId();

        operations.addSigner(tenant, s1Task, "s1", "x", SignerPosition.AFTER, "请 x 复核");
        assertThatThrownBy(() -> operations.removeSigner(tenant, s1Task, "s1", "s1", null))
                .isInstanceOf(OperationException.class)
                .hasMessage("用户“s1”正在处理依次审批节点“依次审批”的任务，不能减签；如需换人请转办");
        approve("s1");
        String xTask = onlyTaskOf("x").taskId();
        operations.removeSigner(tenant, xTask, "x", "s3", "s3 出差");
        approve("x");
        approve("s2");

        assertThat(inbox.tasks(tenant, "s3")).isEmpty();
        assertThat(outcomes.outcomesOf(key)).containsExactly("APPROVED");
        assertThat(history.entries(tenant, sequence)).extracting(HistoryEntry::actor, HistoryEntry::operation)
                .containsExactly(tuple("s1", Operation.SIGNER_ADDED_AFTER), tuple("s1", Operation.APPROVED),
                        tuple("x", Operation.SIGNER_REMOVED), tuple("x", Operation.APPROVED),
                        tuple("s2", Operation.APPROVED));
    }

    @Test
    void rejectCancelsBeforeSigners() {
        String leaderTask = onlyTaskOf("lisi").taskId();
        operations.addSigner(tenant, leaderTask, "lisi", "x1", SignerPosition.BEFORE, null);

        decider.reject(tenant, leaderTask, "lisi", "作业方案不完整");

        assertThat(inbox.tasks(tenant, "x1")).isEmpty();
        assertThat(outcomes.outcomesOf(businessKey)).containsExactly("REJECTED");
    }

    @Test
    void transferMovesTaskForGood() {
        operations.transfer(tenant, onlyTaskOf("lisi").taskId(), "lisi", "zhouba", "本周由周八代为负责");

        assertThat(inbox.tasks(tenant, "lisi")).isEmpty();
        approve("zhouba");
        assertThat(inbox.tasks(tenant, "e1")).hasSize(1);
        assertThat(history.entries(tenant, instance)).extracting(HistoryEntry::actor, HistoryEntry::operation,
                HistoryEntry::target).containsExactly(tuple("lisi", Operation.TRANSFERRED, "zhouba"),
                tuple("zhouba", Operation.APPROVED, null));
    }

    @Test
    void delegateWorksAndReturnsToOwner() {
        String taskId = onlyTaskOf("lisi").taskId();
        operations.delegate(tenant, taskId, "lisi", "wuyi", "请先核对隔离清单");

        assertThat(inbox.tasks(tenant, "lisi")).isEmpty();
        assertThatThrownBy(() -> operations.approve(tenant, taskId, "wuyi", null, Evidence.NONE))
                .isInstanceOf(OperationException.class)
                .hasMessage("节点“作业负责人”的任务已委派给“wuyi”，在其提交意见之前不能审批或再转办、委派、加签；请等待被委派人处理");
        operations.resolve(tenant, taskId, "wuyi", "隔离清单无误", Evidence.NONE);

        assertThat(inbox.tasks(tenant, "wuyi")).isEmpty();
        approve("lisi");
        assertThat(history.entries(tenant, instance)).extracting(HistoryEntry::actor, HistoryEntry::operation)
                .containsExactly(tuple("lisi", Operation.DELEGATED), tuple("wuyi", Operation.RESOLVED),
                        tuple("lisi", Operation.APPROVED));
    }

    @Test
    void withdrawBeforeFirstApproval() {
        assertThatThrownBy(() -> applicantOperations.withdraw(tenant, instance, "lisi", null))
                .isInstanceOf(OperationException.class)
                .hasMessageContaining("不是申请");

        applicantOperations.withdraw(tenant, instance, APPLICANT, "作业取消");

        assertThat(outcomes.outcomesOf(businessKey)).containsExactly("WITHDRAWN");
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(instance).count()).isZero();
        assertThat(inbox.tasks(tenant, "lisi")).isEmpty();
        assertThat(history.entries(tenant, instance)).extracting(HistoryEntry::operation, HistoryEntry::comment)
                .containsExactly(tuple(Operation.WITHDRAWN, "作业取消"));
    }

    @Test
    void withdrawAfterApprovalIsRefused() {
        approve("lisi");

        assertThatThrownBy(() -> applicantOperations.withdraw(tenant, instance, APPLICANT, null))
                .isInstanceOf(OperationException.class)
                .hasMessage("申请“" + businessKey + "”已有审批人同意（lisi），不能再撤回；如需终止请联系审批人驳回");
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(instance).count()).isOne();
    }

    @Test
    void urgeIsRateLimited() {
        applicantOperations.urge(tenant, instance, APPLICANT, "明早开工");

        assertThat(notices.forRecipient(tenant, "lisi", true)).extracting(InboxNotice::topic)
                .containsExactly("approval.urged", "approval.task-assigned");
        assertThatThrownBy(() -> applicantOperations.urge(tenant, instance, APPLICANT, null))
                .isInstanceOf(OperationException.class)
                .hasMessageStartingWith("申请“" + businessKey + "”每 30 分钟只能催办一次");
        assertThat(history.entries(tenant, instance)).extracting(HistoryEntry::operation, HistoryEntry::target)
                .containsExactly(tuple(Operation.URGED, "lisi"));
    }

    @Test
    void commentCarriesAttachments() {
        String attachment = files.store(tenant, APPLICANT, FileKind.DOCUMENT, "检测报告.pdf", "application/pdf",
                new ByteArrayInputStream("%PDF-1.4".getBytes())).id();

        operations.comment(tenant, instance, APPLICANT, "补充气体检测报告", List.of(attachment));

        assertThat(history.entries(tenant, instance)).singleElement().satisfies(entry -> {
            assertThat(entry.operation()).isEqualTo(Operation.COMMENTED);
            assertThat(entry.attachmentIds()).containsExactly(attachment);
        });
        assertThatThrownBy(() -> operations.comment(tenant, instance, APPLICANT, "再补充", List.of("missing")))
                .isInstanceOf(StoredFileNotFoundException.class)
                .hasMessage("未找到文件“missing”：它不存在或不属于当前企业；请重新上传");
        assertThatThrownBy(() -> operations.comment(tenant, instance, "stranger", "路过", List.of()))
                .isInstanceOf(OperationException.class);
    }

    @Test
    void signatureRequiredOnlyWhereNodeAsks() throws IOException {
        String signature = files.store(tenant, "sunqi", FileKind.IMAGE, "signature.png", "image/png",
                new ByteArrayInputStream(png())).id();
        String leaderTask = onlyTaskOf("lisi").taskId();
        assertThatThrownBy(() -> operations.approve(tenant, leaderTask, "lisi", null,
                new Evidence(signature, List.of())))
                .isInstanceOf(SignatureException.class)
                .hasMessage("节点“作业负责人”不需要手写签名；请去掉签名后再同意");
        approve("lisi");
        approve("e1");
        approve("e2");
        approve("e3");
        String directorTask = onlyTaskOf("sunqi").taskId();

        assertThatThrownBy(() -> operations.approve(tenant, directorTask, "sunqi", null, Evidence.NONE))
                .isInstanceOf(SignatureException.class)
                .hasMessage("节点“安全总监”要求手写签名；请先签名再同意");
        operations.approve(tenant, directorTask, "sunqi", "同意作业", new Evidence(signature, List.of()));

        assertThat(outcomes.outcomesOf(businessKey)).containsExactly("APPROVED");
        assertThat(history.entries(tenant, instance).getLast().signatureFileId()).isEqualTo(signature);
    }

    @Test
    void inboxListsTodoAndDoneWithFilters() {
        approve("lisi");

        assertThat(inbox.todo(tenant, "e1", List.of(), new InboxFilter(FLOW, businessKey.substring(3, 12), null,
                null))).hasSize(1);
        assertThat(inbox.todo(tenant, "e1", List.of(), new InboxFilter("other-flow", null, null, null))).isEmpty();
        List<DoneTask> done = inbox.done(tenant, "lisi", InboxFilter.ALL);
        assertThat(done).extracting(DoneTask::nodeId, DoneTask::businessKey)
                .containsExactly(tuple("leader", businessKey));
        assertThat(inbox.counts(tenant, "lisi", List.of(), InboxFilter.ALL).done()).isEqualTo(1);
        assertThat(inbox.counts(tenant, "e1", List.of(), InboxFilter.ALL).todo()).isEqualTo(1);
    }

    private void approve(String user) {
        operations.approve(tenant, onlyTaskOf(user).taskId(), user, "同意", Evidence.NONE);
    }

    private ApprovalTask onlyTaskOf(String user) {
        List<ApprovalTask> tasks = inbox.tasks(tenant, user);
        assertThat(tasks).as("open tasks of %s", user).hasSize(1);
        return tasks.getFirst();
    }

    static byte[] png() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(4, 2, BufferedImage.TYPE_INT_RGB), "png", out);
        return out.toByteArray();
    }
}
