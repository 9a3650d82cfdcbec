package org.tezuo.workflow.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.flowable.engine.HistoryService;
import org.flowable.engine.ManagementService;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.history.HistoricProcessInstance;
import org.flowable.job.api.Job;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.tezuo.core.audit.AuditLog;
import org.tezuo.core.metadata.MetadataStore;
import org.tezuo.core.tenant.TenantDirectory;
import org.tezuo.metadata.MetadataKind;
import org.tezuo.workflow.action.RecordingFlowActions;
import org.tezuo.workflow.bpmn.ChainVariables;
import org.tezuo.workflow.migration.InstanceMigrator;
import org.tezuo.workflow.migration.MigrationPlan;
import org.tezuo.workflow.migration.MigrationProblem;
import org.tezuo.workflow.migration.MigrationRefusedException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Runs compiled chains of every node type on Flowable and PostgreSQL. */
@SpringBootTest
class ChainRuntimeTest {

    private static final String APPLICANT = "zhangsan";

    @Autowired
    ApprovalStarter starter;
    @Autowired
    ApprovalInbox inbox;
    @Autowired
    ApprovalDecider decider;
    @Autowired
    DirectoryApproverResolver directory;
    @Autowired
    RecordingOutcomeListener outcomes;
    @Autowired
    MetadataStore metadata;
    @Autowired
    TenantDirectory tenants;
    @Autowired
    RuntimeService runtime;
    @Autowired
    HistoryService flowableHistory;
    @Autowired
    ManagementService management;
    @Autowired
    JsonMapper json;
    @Autowired
    InstanceMigrator migrator;
    @Autowired
    AuditLog audit;

    long tenant;
    String businessKey;

    @BeforeEach
    void setUpTenant() {
        tenant = tenants.create("t-" + UUID.randomUUID(), "测试化工厂", null, ZoneId.of("Asia/Shanghai")).id();
        businessKey = "ZY-" + UUID.randomUUID();
        directory.role(tenant, "ENGINEER", "e1", "e2", "e3");
        directory.role(tenant, "DIRECTOR", "d1");
        directory.role(tenant, "SAFETY", "s1");
        directory.role(tenant, "EQUIPMENT", "q1");
    }

    @Test
    void countersignRejectEndsRejected() {
        String instance = start("cs", chain(approver("team", "all", "ENGINEER", "")), "{}");

        decide("e1", true);
        decider.reject(tenant, onlyTaskOf("e2").taskId(), "e2", "气体检测不合格");

        assertThat(ended(instance).getEndActivityId()).isEqualTo(ChainVariables.REJECTED_END);
        assertThat(inbox.tasks(tenant, "e3")).isEmpty();
        assertThat(outcomes.outcomesOf(businessKey)).containsExactly("REJECTED");
    }

    @Test
    void parallelRejectEndsWholeApplication() {
        String instance = start("par", chain(parallel(approver("safety", "all", "SAFETY", ""),
                approver("equipment", "single", "EQUIPMENT", "")), approver("director", "single", "DIRECTOR", "")),
                "{}");
        assertThat(inbox.tasks(tenant, "s1")).hasSize(1);
        assertThat(inbox.tasks(tenant, "q1")).hasSize(1);

        decider.reject(tenant, onlyTaskOf("q1").taskId(), "q1", "设备未隔离");

        assertThat(ended(instance).getEndActivityId()).isEqualTo(ChainVariables.REJECTED_END);
        assertThat(inbox.tasks(tenant, "s1")).isEmpty();
        assertThat(inbox.tasks(tenant, "d1")).isEmpty();
        assertThat(outcomes.outcomesOf(businessKey)).containsExactly("REJECTED");
    }

    @Test
    void parallelBranchesBothApproveThenContinue() {
        String instance = start("par", chain(parallel(approver("safety", "single", "SAFETY", ""),
                approver("equipment", "single", "EQUIPMENT", "")), approver("director", "single", "DIRECTOR", "")),
                "{}");

        decide("s1", true);
        boolean directorWaitsForBoth = inbox.tasks(tenant, "d1").isEmpty();
        decide("q1", true);
        decide("d1", true);

        assertThat(directorWaitsForBoth).isTrue();
        assertThat(ended(instance).getEndActivityId()).isEqualTo(ChainVariables.APPROVED_END);
    }

    @Test
    void parallelReturnGoesToApplicant() {
        start("par", chain(parallel(approver("safety", "single", "SAFETY", ""),
                approver("equipment", "single", "EQUIPMENT", ""))), "{}");

        decider.returnToApplicant(tenant, onlyTaskOf("q1").taskId(), "q1", "补充设备清单");

        assertThat(inbox.tasks(tenant, "s1")).isEmpty();
        assertThat(onlyTaskOf(APPLICANT).resubmission()).isTrue();
    }

    @Test
    void parallelRejectRoutesBackBeforeFork() {
        String instance = start("par", chain(approver("first", "single", "DIRECTOR", ""),
                parallel(approver("safety", "single", "SAFETY", ", \"onReject\": {\"to\": \"node\", \"node\": \"first\"}"),
                        approver("equipment", "single", "EQUIPMENT", ""))), "{}");
        decide("d1", true);

        decider.reject(tenant, onlyTaskOf("s1").taskId(), "s1", "请负责人重新确认");

        assertThat(inbox.tasks(tenant, "q1")).as("the sibling branch is cancelled").isEmpty();
        assertThat(onlyTaskOf("d1").nodeId()).isEqualTo("first");
        decide("d1", true);
        decide("s1", true);
        decide("q1", true);
        assertThat(ended(instance).getEndActivityId()).isEqualTo(ChainVariables.APPROVED_END);
    }

    @Test
    void ratioAllRejectingFollowsOnReject() {
        String instance = start("ratio", chain(approver("first", "single", "DIRECTOR", ""),
                ratio("experts", "0.6", "{\"to\": \"node\", \"node\": \"first\"}")), "{}");
        decide("d1", true);

        decider.reject(tenant, onlyTaskOf("e1").taskId(), "e1", "方案不完整");
        boolean stillOpen = !inbox.tasks(tenant, "e2").isEmpty();
        decider.reject(tenant, onlyTaskOf("e2").taskId(), "e2", "方案不完整");

        assertThat(stillOpen).isTrue();
        assertThat(inbox.tasks(tenant, "e3")).isEmpty();
        assertThat(onlyTaskOf("d1").nodeId()).isEqualTo("first");
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(instance).count()).isEqualTo(1);

        decide("d1", true);
        assertThat(inbox.tasks(tenant, "e1")).as("counters start afresh on re-entry").hasSize(1);
        assertThat(inbox.tasks(tenant, "e3")).hasSize(1);
    }

    @Test
    void ratioReachedEarlyClosesNode() {
        String instance = start("ratio", chain(ratio("experts", "0.6", "{\"to\": \"end\"}")), "{}");

        decide("e1", true);
        decide("e3", true);

        assertThat(inbox.tasks(tenant, "e2")).isEmpty();
        assertThat(ended(instance).getEndActivityId()).isEqualTo(ChainVariables.APPROVED_END);
    }

    @Test
    void zeroApproversBlocksWithNodeAndRule() {
        String body = chain(approver("nobody", "single", "EMPTY_ROLE", ""));

        assertThatThrownBy(() -> start("empty", body, "{}"))
                .isInstanceOf(NoApproverException.class)
                .hasMessageContaining("nobody").hasMessageContaining("EMPTY_ROLE");
    }

    @Test
    void zeroApproversFallsBackToRoleOrUser() {
        String body = chain(
                approver("byRole", "single", "EMPTY_ROLE", ", \"onNoAssignee\": \"fallbackRole\", \"fallbackRole\": \"DIRECTOR\""),
                approver("byUser", "all", "EMPTY_ROLE", ", \"onNoAssignee\": \"fallbackUser\", \"fallbackUser\": \"s1\""));
        String instance = start("fallback", body, "{}");

        decide("d1", true);
        decide("s1", true);

        assertThat(ended(instance).getEndActivityId()).isEqualTo(ChainVariables.APPROVED_END);
    }

    @Test
    void branchChosenByFormField() {
        String instance = start("branch", branchChain("{\"source\": \"form\", \"field\": \"site.area\", \"op\": \"eq\","
                + " \"value\": \"罐区\"}"), "{\"site\": {\"area\": \"罐区\"}}");

        decide("e1", true);
        decide("d1", true);

        assertThat(ended(instance).getEndActivityId()).isEqualTo(ChainVariables.APPROVED_END);
    }

    @Test
    void branchChosenByPermitGrade() {
        publish("grade", branchChain("{\"source\": \"permitGrade\", \"op\": \"eq\", \"value\": \"特级\"}"));

        starter.start(tenant, "grade", 1, businessKey, APPLICANT, json.readTree("{}"),
                Map.of(ChainVariables.PERMIT_GRADE, "特级"));

        assertThat(inbox.tasks(tenant, "e1")).extracting(ApprovalTask::nodeId).containsExactly("special");
    }

    @Test
    void branchChosenByRiskScore() {
        publish("risk", branchChain("{\"source\": \"riskScore\", \"op\": \"gte\", \"value\": 80}"));

        starter.start(tenant, "risk", 1, businessKey, APPLICANT, json.readTree("{}"),
                Map.of(ChainVariables.RISK_SCORE, 85));

        assertThat(inbox.tasks(tenant, "e1")).extracting(ApprovalTask::nodeId).containsExactly("special");
    }

    @Test
    void defaultBranchWhenNothingMatches() {
        String instance = start("branch", branchChain("{\"source\": \"riskScore\", \"op\": \"gte\", \"value\": 80}"),
                "{}");

        decide("d1", true);

        assertThat(inbox.tasks(tenant, "e1")).isEmpty();
        assertThat(ended(instance).getEndActivityId()).isEqualTo(ChainVariables.APPROVED_END);
    }

    @Test
    void untakenBranchNeedsNoApprovers() {
        String body = """
                {"name": {"zh": "分支"}, "nodes": [
                  {"id": "pick", "type": "branch", "name": {"zh": "按级别"}, "branches": [
                    {"id": "specialBranch", "name": {"zh": "特级"},
                     "condition": {"source": "permitGrade", "op": "eq", "value": "特级"},
                     "nodes": [%s]},
                    {"id": "other", "name": {"zh": "其他"}, "default": true, "nodes": []}]},
                  %s]}""".formatted(approver("special", "single", "EMPTY_ROLE", ""),
                approver("final", "single", "DIRECTOR", ""));

        start("untaken", body, "{}");

        assertThat(onlyTaskOf("d1").nodeId()).isEqualTo("final");
    }

    @Test
    void timerOnCountersignFiresOnce() {
        String instance = start("timer", chain(approver("team", "all", "ENGINEER",
                ", \"timeLimit\": {\"remindAfter\": \"PT2H\", \"escalateAfter\": \"PT8H\"}")), "{}");

        List<Job> timers = management.createTimerJobQuery().processInstanceId(instance).list();
        for (Job timer : timers) {
            Job executable = management.moveTimerToExecutableJob(timer.getId());
            management.executeJob(executable.getId());
        }

        assertThat(timers).hasSize(2);
        assertThat(RecordingFlowActions.callsOf(instance))
                .containsExactlyInAnyOrder("timeLimit:team:remind", "timeLimit:team:escalate");
        assertThat(inbox.tasks(tenant, "e1")).hasSize(1);
        assertThat(inbox.tasks(tenant, "e2")).hasSize(1);
    }

    @Test
    void repeatedReminderUsesCycle() {
        String instance = start("cycle", chain(approver("team", "all", "ENGINEER",
                ", \"timeLimit\": {\"remindAfter\": \"PT2H\", \"remindEvery\": \"PT1H\"}")), "{}");

        Job timer = management.createTimerJobQuery().processInstanceId(instance).singleResult();
        management.executeJob(management.moveTimerToExecutableJob(timer.getId()).getId());

        assertThat(RecordingFlowActions.callsOf(instance)).containsExactly("timeLimit:team:remind");
        assertThat(management.createTimerJobQuery().processInstanceId(instance).count())
                .as("the next reminder is scheduled").isEqualTo(1);
    }

    @Test
    void gatePassesOrFails() {
        String body = """
                {"name": {"zh": "门禁"}, "nodes": [
                  {"id": "check", "type": "gate", "name": {"zh": "资质校验"}, "action": "testGate",
                   "onFail": {"to": "applicant"}},
                  %s]}""".formatted(approver("final", "single", "DIRECTOR", ""));
        publish("gate", body);

        String passing = starter.start(tenant, "gate", 1, businessKey, APPLICANT, json.readTree("{}"));
        String failingKey = "ZY-" + UUID.randomUUID();
        String failing = starter.start(tenant, "gate", 1, failingKey, APPLICANT,
                json.readTree("{\"failGate\": true}"));

        assertThat(inbox.tasks(tenant, "d1")).extracting(ApprovalTask::processInstanceId).containsExactly(passing);
        assertThat(inbox.tasks(tenant, APPLICANT)).extracting(ApprovalTask::processInstanceId)
                .containsExactly(failing);
        assertThat(outcomes.outcomesOf(failingKey)).containsExactly("RETURNED");
    }

    @Test
    void ccNotifyAndDelayRunInOrder() {
        String body = """
                {"name": {"zh": "抄送"}, "nodes": [
                  {"id": "copy", "type": "cc", "name": {"zh": "抄送"}, "assignee": {"by": "role", "role": "SAFETY"}},
                  {"id": "wait", "type": "delay", "name": {"zh": "等待"}, "duration": "PT30M"},
                  {"id": "tell", "type": "notify", "name": {"zh": "通知"}, "assignee": {"by": "role", "role": "SAFETY"},
                   "message": {"zh": "请到场"}},
                  %s]}""".formatted(approver("final", "single", "DIRECTOR", ""));
        String instance = start("cc", body, "{}");
        List<String> beforeDelay = RecordingFlowActions.callsOf(instance);

        Job delay = management.createTimerJobQuery().processInstanceId(instance).singleResult();
        management.executeJob(management.moveTimerToExecutableJob(delay.getId()).getId());

        assertThat(beforeDelay).containsExactly("cc:copy:null");
        assertThat(RecordingFlowActions.callsOf(instance)).containsExactly("cc:copy:null", "notify:tell:null");
        assertThat(onlyTaskOf("d1").nodeId()).isEqualTo("final");
    }

    @Test
    void runningInstanceStaysOnItsVersion() {
        String v1 = start("pinned", chain(approver("only", "single", "DIRECTOR", "")), "{}");
        publish("pinned", chain(approver("only", "single", "SAFETY", "")));
        String v2Key = "ZY-" + UUID.randomUUID();
        String v2 = starter.start(tenant, "pinned", 2, v2Key, APPLICANT, json.readTree("{}"));

        decide("d1", true);

        assertThat(ended(v1).getEndActivityId()).isEqualTo(ChainVariables.APPROVED_END);
        assertThat(onlyTaskOf("s1").processInstanceId()).isEqualTo(v2);
        assertThat(runtime.getVariable(v2, ChainVariables.FLOW_VERSION)).isEqualTo(2);
    }

    @Test
    void restrictedInitiatorIsRefused() {
        String body = """
                {"name": {"zh": "限定发起人"}, "nodes": [
                  {"id": "applicant", "type": "initiator", "name": {"zh": "发起人"},
                   "initiators": {"by": "role", "role": "DIRECTOR"}},
                  %s]}""".formatted(approver("final", "single", "SAFETY", ""));
        publish("restricted", body);

        assertThatThrownBy(() -> starter.start(tenant, "restricted", 1, businessKey, APPLICANT, json.readTree("{}")))
                .isInstanceOf(InitiatorNotAllowedException.class)
                .hasMessageContaining("zhangsan").hasMessageContaining("角色‘DIRECTOR’的成员");
        starter.start(tenant, "restricted", 1, businessKey, "d1", json.readTree("{}"));
        assertThat(onlyTaskOf("s1").nodeId()).isEqualTo("final");
    }

    @Test
    void migrationMovesInstanceToNewVersion() {
        String instance = start("move", chain(approver("first", "single", "DIRECTOR", ""),
                approver("second", "single", "SAFETY", "")), "{}");
        publish("move", chain(approver("first", "single", "DIRECTOR", ""),
                approver("third", "single", "EQUIPMENT", "")));

        MigrationPlan plan = migrator.plan(tenant, instance, 2);
        migrator.migrate(tenant, instance, 2, "admin");
        decide("d1", true);

        assertThat(plan.problems()).isEmpty();
        assertThat(plan.activeNodes()).containsExactly("first");
        assertThat(onlyTaskOf("q1").nodeId()).isEqualTo("third");
        assertThat(inbox.tasks(tenant, "s1")).isEmpty();
        assertThat(runtime.getVariable(instance, ChainVariables.FLOW_VERSION)).isEqualTo(2);
        assertThat(audit.forSubject(tenant, "process-instance", instance)).hasSize(1);
    }

    @Test
    void migrationRefusesUnsafeMoves() {
        String instance = start("move", chain(approver("first", "all", "ENGINEER", "")), "{}");
        publish("move", chain(approver("first", "all", "DIRECTOR", "")));
        long otherTenant = tenants.create("t-" + UUID.randomUUID(), "其他企业", null, ZoneId.of("Asia/Shanghai")).id();

        MigrationPlan changedRule = migrator.plan(tenant, instance, 2);
        MigrationPlan unpublished = migrator.plan(tenant, instance, 3);
        MigrationPlan otherFlow = migrator.plan(tenant, instance, "other", 1);
        MigrationPlan foreign = migrator.plan(otherTenant, instance, 2);
        runtime.suspendProcessInstanceById(instance);
        MigrationPlan suspended = migrator.plan(tenant, instance, 2);

        assertThat(changedRule.problems()).extracting(MigrationProblem::messageKey)
                .containsExactly("migration.nodeChanged");
        assertThat(changedRule.problems().getFirst().message(java.util.Locale.SIMPLIFIED_CHINESE))
                .startsWith("实例正在处理的节点“first”（first）在 flow:move@2 中改变了审批方式");
        assertThat(unpublished.problems()).extracting(MigrationProblem::messageKey)
                .containsExactly("migration.targetNotPublished");
        assertThat(otherFlow.problems()).extracting(MigrationProblem::messageKey)
                .contains("migration.otherFlow");
        assertThat(foreign.problems()).extracting(MigrationProblem::messageKey)
                .containsExactly("migration.instanceNotFound");
        assertThat(suspended.problems()).extracting(MigrationProblem::messageKey).contains("migration.suspended");
        assertThatThrownBy(() -> migrator.migrate(tenant, instance, 2, "admin"))
                .isInstanceOf(MigrationRefusedException.class)
                .hasMessageStartingWith("审批实例 " + instance + " 不能迁移到版本 2：");
    }

    private String branchChain(String condition) {
        return """
                {"name": {"zh": "分支"}, "nodes": [
                  {"id": "pick", "type": "branch", "name": {"zh": "条件"}, "branches": [
                    {"id": "hit", "name": {"zh": "命中"}, "condition": %s, "nodes": [%s]},
                    {"id": "other", "name": {"zh": "其他"}, "default": true, "nodes": []}]},
                  %s]}""".formatted(condition, approver("special", "single", "ENGINEER", "")
                .replace("\"single\"", "\"any\""), approver("final", "single", "DIRECTOR", ""));
    }

    private static String chain(String... nodes) {
        return "{\"name\": {\"zh\": \"测试流程\"}, \"nodes\": [" + String.join(",", nodes) + "]}";
    }

    private static String approver(String id, String mode, String role, String extra) {
        return "{\"id\": \"" + id + "\", \"type\": \"approver\", \"name\": {\"zh\": \"" + id + "\"}, \"mode\": \""
                + mode + "\", \"assignee\": {\"by\": \"role\", \"role\": \"" + role + "\"}" + extra + "}";
    }

    private static String ratio(String id, String passRatio, String onReject) {
        return "{\"id\": \"" + id + "\", \"type\": \"approver\", \"name\": {\"zh\": \"专家\"}, \"mode\": \"ratio\","
                + " \"passRatio\": " + passRatio + ", \"onReject\": " + onReject
                + ", \"assignee\": {\"by\": \"role\", \"role\": \"ENGINEER\"}}";
    }

    private static String parallel(String left, String right) {
        return "{\"id\": \"checks\", \"type\": \"parallel\", \"name\": {\"zh\": \"会审\"}, \"branches\": ["
                + "{\"id\": \"leftBranch\", \"name\": {\"zh\": \"左\"}, \"nodes\": [" + left + "]},"
                + "{\"id\": \"rightBranch\", \"name\": {\"zh\": \"右\"}, \"nodes\": [" + right + "]}]}";
    }

    private String start(String key, String body, String formData) {
        publish(key, body);
        return starter.start(tenant, key, 1, businessKey, APPLICANT, json.readTree(formData));
    }

    private void publish(String key, String body) {
        metadata.saveAndPublish(tenant, MetadataKind.FLOW, key, json.readTree(body), "admin");
    }

    private void decide(String user, boolean approve) {
        String taskId = onlyTaskOf(user).taskId();
        if (approve) {
            decider.approve(tenant, taskId, user, "同意");
        } else {
            decider.reject(tenant, taskId, user, "不同意");
        }
    }

    private ApprovalTask onlyTaskOf(String user) {
        List<ApprovalTask> tasks = inbox.tasks(tenant, user);
        assertThat(tasks).as("open tasks of %s", user).hasSize(1);
        return tasks.getFirst();
    }

    private HistoricProcessInstance ended(String instance) {
        HistoricProcessInstance ended = flowableHistory.createHistoricProcessInstanceQuery()
                .processInstanceId(instance).finished().singleResult();
        assertThat(ended).as("finished instance %s", instance).isNotNull();
        return ended;
    }

    @SuppressWarnings("unused")
    private JsonNode form(String text) {
        return json.readTree(text);
    }
}
