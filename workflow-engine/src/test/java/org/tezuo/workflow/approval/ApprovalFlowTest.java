package org.tezuo.workflow.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.flowable.engine.HistoryService;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.history.HistoricProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.tezuo.core.i18n.LocalizedException;
import org.tezuo.core.metadata.MetadataStore;
import org.tezuo.core.tenant.TenantDirectory;
import org.tezuo.metadata.MetadataKind;
import org.tezuo.workflow.TestFlows;
import org.tezuo.workflow.bpmn.ChainVariables;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest
class ApprovalFlowTest {

    private static final String FLOW = "hot-work-approval";
    private static final String APPLICANT = "zhangsan";

    @Autowired
    ApprovalStarter starter;
    @Autowired
    ApprovalInbox inbox;
    @Autowired
    ApprovalDecider decider;
    @Autowired
    ApprovalHistory history;
    @Autowired
    DirectoryApproverResolver directory;
    @Autowired
    RecordingOutcomeListener outcomes;
    @Autowired
    RiskConfirmationGuard guard;
    @Autowired
    MetadataStore metadata;
    @Autowired
    TenantDirectory tenants;
    @Autowired
    RuntimeService runtime;
    @Autowired
    HistoryService flowableHistory;
    @Autowired
    JsonMapper json;

    long tenant;
    String businessKey;

    @BeforeEach
    void setUpTenantWithHotWorkFlow() {
        tenant = newTenantWithHotWorkApprovers();
        businessKey = "DH-" + UUID.randomUUID();
    }

    @Test
    void fourApproversApproveInOrder() {
        String instance = start(tenant, businessKey);

        approveAs("lisi");
        approveAs("wangwu");
        approveAs("zhaoliu");
        approveAs("sunqi");

        assertThat(outcomes.outcomesOf(businessKey)).containsExactly("APPROVED");
        FlowOutcome outcome = outcomes.lastOf(businessKey);
        assertThat(outcome.tenantId()).isEqualTo(tenant);
        assertThat(outcome.flowKey()).isEqualTo(FLOW);
        assertThat(outcome.flowVersion()).isEqualTo(1);
        assertThat(outcome.applicant()).isEqualTo(APPLICANT);
        assertThat(outcome.decidedBy()).isEqualTo("sunqi");
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(instance).count()).isZero();
        assertThat(ended(instance).getEndActivityId()).isEqualTo(ChainVariables.APPROVED_END);
        assertThat(history.forBusinessKey(tenant, businessKey))
                .extracting(ApprovalRecord::nodeName, ApprovalRecord::actor, ApprovalRecord::decision)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("作业负责人", "lisi", Decision.APPROVED),
                        org.assertj.core.groups.Tuple.tuple("所在单位负责人", "wangwu", Decision.APPROVED),
                        org.assertj.core.groups.Tuple.tuple("安全管理部门", "zhaoliu", Decision.APPROVED),
                        org.assertj.core.groups.Tuple.tuple("动火审批人", "sunqi", Decision.APPROVED));
    }

    @Test
    void taskListShowsNodeAndBusinessKey() {
        String instance = start(tenant, businessKey);

        List<ApprovalTask> tasks = inbox.tasks(tenant, "lisi");

        assertThat(tasks).hasSize(1);
        ApprovalTask task = tasks.getFirst();
        assertThat(task.processInstanceId()).isEqualTo(instance);
        assertThat(task.businessKey()).isEqualTo(businessKey);
        assertThat(task.nodeId()).isEqualTo("workLeader");
        assertThat(task.nodeName().zh()).isEqualTo("作业负责人");
        assertThat(task.flowKey()).isEqualTo(FLOW);
        assertThat(task.requiresRiskConfirmation()).isTrue();
        assertThat(task.resubmission()).isFalse();
        assertThat(inbox.tasks(tenant, "wangwu")).isEmpty();
    }

    @Test
    void rejectAtSecondStepEndsRejected() {
        String instance = start(tenant, businessKey);
        approveAs("lisi");

        decider.reject(tenant, onlyTaskOf("wangwu").taskId(), "wangwu", "动火点周边 15 m 内有未隔离的排放口");

        assertThat(outcomes.outcomesOf(businessKey)).containsExactly("REJECTED");
        assertThat(outcomes.lastOf(businessKey).comment()).isEqualTo("动火点周边 15 m 内有未隔离的排放口");
        assertThat(ended(instance).getEndActivityId()).isEqualTo(ChainVariables.REJECTED_END);
        assertThat(inbox.tasks(tenant, "zhaoliu")).isEmpty();
        assertThat(history.forInstance(tenant, instance)).extracting(ApprovalRecord::decision)
                .containsExactly(Decision.APPROVED, Decision.REJECTED);
    }

    @Test
    void rejectWithoutCommentIsRefused() {
        start(tenant, businessKey);
        String taskId = onlyTaskOf("lisi").taskId();

        assertThatThrownBy(() -> decider.reject(tenant, taskId, "lisi", " "))
                .isInstanceOf(CommentRequiredException.class)
                .hasMessage("驳回任务“作业负责人”时必须填写意见，说明驳回原因");
        assertThat(inbox.tasks(tenant, "lisi")).hasSize(1);
    }

    @Test
    void returnThenResubmitRunsChainAgain() {
        String instance = start(tenant, businessKey);
        approveAs("lisi");

        decider.returnToApplicant(tenant, onlyTaskOf("wangwu").taskId(), "wangwu", "请补充气体分析数据");
        ApprovalTask resubmission = onlyTaskOf(APPLICANT);
        decider.resubmit(tenant, resubmission.taskId(), APPLICANT, "已补充", null);
        approveAs("lisi");
        approveAs("wangwu");
        approveAs("zhaoliu");
        approveAs("sunqi");

        assertThat(resubmission.resubmission()).isTrue();
        assertThat(resubmission.nodeId()).isEqualTo(ChainVariables.RESUBMIT_TASK);
        assertThat(outcomes.outcomesOf(businessKey)).containsExactly("RETURNED", "APPROVED");
        assertThat(history.forInstance(tenant, instance))
                .extracting(ApprovalRecord::actor, ApprovalRecord::decision)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("lisi", Decision.APPROVED),
                        org.assertj.core.groups.Tuple.tuple("wangwu", Decision.RETURNED),
                        org.assertj.core.groups.Tuple.tuple(APPLICANT, Decision.RESUBMITTED),
                        org.assertj.core.groups.Tuple.tuple("lisi", Decision.APPROVED),
                        org.assertj.core.groups.Tuple.tuple("wangwu", Decision.APPROVED),
                        org.assertj.core.groups.Tuple.tuple("zhaoliu", Decision.APPROVED),
                        org.assertj.core.groups.Tuple.tuple("sunqi", Decision.APPROVED));
        assertThat(history.forInstance(tenant, instance).get(1).comment()).isEqualTo("请补充气体分析数据");
    }

    @Test
    void approverCannotResubmitAndApplicantCannotApprove() {
        start(tenant, businessKey);
        approveAs("lisi");
        decider.returnToApplicant(tenant, onlyTaskOf("wangwu").taskId(), "wangwu", "请补充气体分析数据");
        String resubmitTaskId = onlyTaskOf(APPLICANT).taskId();

        assertThatThrownBy(() -> decider.approve(tenant, resubmitTaskId, APPLICANT, null))
                .isInstanceOf(WrongTaskKindException.class)
                .hasMessage("任务“申请人修改后重新提交”是申请人的重新提交任务，不能同意、驳回或退回；请由申请人重新提交");
    }

    @Test
    void nonCandidateCannotApprove() {
        start(tenant, businessKey);
        String taskId = onlyTaskOf("lisi").taskId();

        assertThatThrownBy(() -> decider.approve(tenant, taskId, "zhaoliu", "同意"))
                .isInstanceOf(NotTaskCandidateException.class)
                .hasMessage("用户“zhaoliu”不是任务“作业负责人”（节点 workLeader）的审批人，无法处理；该任务的审批人是：lisi");
        assertThat(onlyTaskOf("lisi").taskId()).isEqualTo(taskId);
        assertThat(history.forBusinessKey(tenant, businessKey)).isEmpty();
    }

    @Test
    void guardVetoLeavesTaskOpen() {
        start(tenant, businessKey);
        guard.markUnconfirmed(tenant, "lisi");
        String taskId = onlyTaskOf("lisi").taskId();

        assertThatThrownBy(() -> decider.approve(tenant, taskId, "lisi", "同意"))
                .isInstanceOf(LocalizedException.class)
                .satisfies(e -> assertThat(((LocalizedException) e).messageKey()).isEqualTo("test.riskNotConfirmed"));
        assertThat(onlyTaskOf("lisi").taskId()).isEqualTo(taskId);
        assertThat(history.forBusinessKey(tenant, businessKey)).isEmpty();
        assertThat(inbox.tasks(tenant, "wangwu")).isEmpty();
    }

    @Test
    void nodeWithoutApproverBlocksStart() {
        long tenantWithoutUnitHead = tenants.create("t-" + UUID.randomUUID(), "无单位负责人企业", null,
                ZoneId.of("Asia/Shanghai")).id();
        publish(tenantWithoutUnitHead, FLOW, TestFlows.HOT_WORK);
        directory.unitRole(tenantWithoutUnitHead, APPLICANT, "WORK_LEADER", "lisi");

        assertThatThrownBy(() -> start(tenantWithoutUnitHead, businessKey))
                .isInstanceOfSatisfying(NoApproverException.class, e -> {
                    assertThat(e.getMessage()).isEqualTo("流程 flow:hot-work-approval@1 的节点“所在单位负责人”（unitHead）"
                            + "按规则“申请人所在单位中角色‘所在单位负责人’（UNIT_HEAD）的人员”没有找到审批人，提交已被阻止；"
                            + "请为该规则指定人员，或在流程中为该节点配置备用角色");
                    assertThat(e.message(Locale.ENGLISH)).isEqualTo("Node \"所在单位负责人\" (unitHead) of flow"
                            + " flow:hot-work-approval@1 has no approver under the rule \"holders of role Unit head (UNIT_HEAD) in"
                            + " the applicant's unit\", so the submission was blocked; assign someone to that rule or"
                            + " give the node a fallback role");
                    assertThat(e.nodeId()).isEqualTo("unitHead");
                });
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(businessKey).count()).isZero();
        assertThat(inbox.tasks(tenantWithoutUnitHead, "lisi")).isEmpty();
    }

    @Test
    void emptyFormFieldFallsBackToRole() {
        publish(tenant, "temporary-power", TestFlows.FORM_FIELD_WITH_FALLBACK);
        directory.role(tenant, "POWER_DISPATCHER", "dispatcher1");

        starter.start(tenant, "temporary-power", 1, businessKey, APPLICANT, form("{\"powerSupervisor\": \"\"}"));

        assertThat(inbox.tasks(tenant, "dispatcher1")).extracting(ApprovalTask::nodeId).containsExactly("powerUnit");
    }

    @Test
    void emptyFallbackRoleBlocksStart() {
        publish(tenant, "temporary-power", TestFlows.FORM_FIELD_WITH_FALLBACK);

        assertThatThrownBy(() -> starter.start(tenant, "temporary-power", 1, businessKey, APPLICANT, form("{}")))
                .isInstanceOf(NoApproverException.class)
                .hasMessage("流程 flow:temporary-power@1 的节点“配送电单位”（powerUnit）按规则“表单字段 powerSupervisor"
                        + " 中填写的人员”没有找到审批人，备用的“角色‘POWER_DISPATCHER’的成员”也不可用，提交已被阻止；"
                        + "请在组织设计中为其中一条规则指定人员");
    }

    @Test
    void unpublishedFlowCannotStart() {
        metadata.saveDraft(tenant, MetadataKind.FLOW, "draft-flow", json.readTree(TestFlows.COUNTERSIGN), "admin");

        assertThatThrownBy(() -> starter.start(tenant, "draft-flow", 1, businessKey, APPLICANT, form("{}")))
                .isInstanceOf(FlowNotPublishedException.class)
                .hasMessage("流程 draft-flow 的版本 1 不存在或尚未发布，无法提交；请先在元数据中心发布该版本");
    }

    @Test
    void taskListsAreTenantScoped() {
        long otherTenant = newTenantWithHotWorkApprovers();
        String otherBusinessKey = "DH-" + UUID.randomUUID();
        start(tenant, businessKey);
        start(otherTenant, otherBusinessKey);

        List<ApprovalTask> own = inbox.tasks(tenant, "lisi");
        List<ApprovalTask> other = inbox.tasks(otherTenant, "lisi");

        assertThat(own).extracting(ApprovalTask::businessKey).containsExactly(businessKey);
        assertThat(other).extracting(ApprovalTask::businessKey).containsExactly(otherBusinessKey);
        String otherTaskId = other.getFirst().taskId();
        assertThatThrownBy(() -> decider.approve(tenant, otherTaskId, "lisi", "同意"))
                .isInstanceOf(TaskNotFoundException.class)
                .hasMessage("未找到待办任务“" + otherTaskId + "”：它可能已被处理，或不属于当前企业；请刷新待办列表");
    }

    @Test
    void countersignNeedsEveryApprover() {
        publish(tenant, "excavation", TestFlows.COUNTERSIGN);
        directory.role(tenant, "SAFETY_ENGINEER", "engineer1", "engineer2");
        String instance = starter.start(tenant, "excavation", 1, businessKey, APPLICANT, form("{}"));

        decider.approve(tenant, onlyTaskOf("engineer1").taskId(), "engineer1", "同意");
        boolean openAfterFirst = runtime.createProcessInstanceQuery().processInstanceId(instance).count() == 1;
        List<ApprovalTask> secondTasks = inbox.tasks(tenant, "engineer2");
        decider.approve(tenant, secondTasks.getFirst().taskId(), "engineer2", "同意");

        assertThat(openAfterFirst).isTrue();
        assertThat(secondTasks).hasSize(1);
        assertThat(inbox.tasks(tenant, "engineer1")).isEmpty();
        assertThat(ended(instance).getEndActivityId()).isEqualTo(ChainVariables.APPROVED_END);
        assertThat(outcomes.outcomesOf(businessKey)).containsExactly("APPROVED");
    }

    @Test
    void countersignRejectionByOneEndsRejected() {
        publish(tenant, "excavation", TestFlows.COUNTERSIGN);
        directory.role(tenant, "SAFETY_ENGINEER", "engineer1", "engineer2");
        String instance = starter.start(tenant, "excavation", 1, businessKey, APPLICANT, form("{}"));

        decider.reject(tenant, onlyTaskOf("engineer2").taskId(), "engineer2", "地下电缆走向未标明");

        assertThat(inbox.tasks(tenant, "engineer1")).isEmpty();
        assertThat(ended(instance).getEndActivityId()).isEqualTo(ChainVariables.REJECTED_END);
    }

    private long newTenantWithHotWorkApprovers() {
        long id = tenants.create("t-" + UUID.randomUUID(), "测试 LNG 接收站", "lng-terminal",
                ZoneId.of("Asia/Shanghai")).id();
        publish(id, FLOW, TestFlows.HOT_WORK);
        directory.unitRole(id, APPLICANT, "WORK_LEADER", "lisi");
        directory.unitRole(id, APPLICANT, "UNIT_HEAD", "wangwu");
        directory.role(id, "SAFETY_ENGINEER", "zhaoliu");
        directory.role(id, "SAFETY_DIRECTOR", "sunqi");
        return id;
    }

    private void publish(long tenantId, String key, String body) {
        metadata.saveAndPublish(tenantId, MetadataKind.FLOW, key, json.readTree(body), "admin");
    }

    private String start(long tenantId, String key) {
        return starter.start(tenantId, FLOW, 1, key, APPLICANT, form("{\"workLocation\": \"3 号储罐区\"}"));
    }

    private JsonNode form(String text) {
        return json.readTree(text);
    }

    private void approveAs(String user) {
        decider.approve(tenant, onlyTaskOf(user).taskId(), user, "同意");
    }

    private ApprovalTask onlyTaskOf(String user) {
        List<ApprovalTask> tasks = inbox.tasks(tenant, user);
        assertThat(tasks).as("open tasks of %s", user).hasSize(1);
        return tasks.getFirst();
    }

    private HistoricProcessInstance ended(String instance) {
        return flowableHistory.createHistoricProcessInstanceQuery().processInstanceId(instance).finished()
                .singleResult();
    }
}
