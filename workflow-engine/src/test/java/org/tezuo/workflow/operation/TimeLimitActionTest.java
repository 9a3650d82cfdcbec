package org.tezuo.workflow.operation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.flowable.engine.ManagementService;
import org.flowable.engine.RepositoryService;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.TaskService;
import org.flowable.job.api.Job;
import org.flowable.task.api.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.tezuo.core.metadata.MetadataStore;
import org.tezuo.core.notification.DeliveryDispatcher;
import org.tezuo.core.notification.InboxNotice;
import org.tezuo.core.tenant.TenantDirectory;
import org.tezuo.metadata.MetadataKind;
import org.tezuo.workflow.approval.ApprovalInbox;
import org.tezuo.workflow.approval.CopiedApplication;
import org.tezuo.workflow.approval.InboxFilter;
import org.tezuo.workflow.approval.RecordingOutcomeListener;
import org.tezuo.workflow.bpmn.ChainVariables;
import org.tezuo.workflow.deploy.FlowableTenant;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs the flow actions cc, notify and timeLimit from a hand-written BPMN of the shape the chain compiler emits:
 * service tasks, and two non-interrupting boundary timers on a countersign (multi-instance) task.
 */
@SpringBootTest(properties = "tezuo.files.dir=target/test-files")
class TimeLimitActionTest {

    static final String KEY = "timed-countersign";
    static final String RESOURCES = "org/tezuo/workflow/operation/";

    @Autowired
    RepositoryService repository;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService taskService;
    @Autowired
    ManagementService management;
    @Autowired
    ApprovalOperations operations;
    @Autowired
    ApprovalSuspensions suspensions;
    @Autowired
    InstanceHistory history;
    @Autowired
    ApprovalNotices notices;
    @Autowired
    DeliveryDispatcher dispatcher;
    @Autowired
    ApprovalInbox inbox;
    @Autowired
    RecordingOutcomeListener outcomes;
    @Autowired
    MetadataStore metadata;
    @Autowired
    TenantDirectory tenants;
    @Autowired
    JsonMapper json;

    final List<String> posted = new CopyOnWriteArrayList<>();
    HttpServer notificationServer;
    long tenant;
    String businessKey;
    String instance;

    @BeforeEach
    void startTimedCountersign() throws IOException {
        notificationServer = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        notificationServer.createContext("/notifications", exchange -> {
            try (InputStream body = exchange.getRequestBody()) {
                posted.add(new String(body.readAllBytes(), StandardCharsets.UTF_8));
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        notificationServer.start();

        tenant = tenants.create("t-" + UUID.randomUUID(), "测试化工厂", null, ZoneId.of("Asia/Shanghai")).id();
        metadata.saveAndPublish(tenant, MetadataKind.CONNECTOR, "sms", json.readTree("""
                {"type": "notification", "baseUrl": "http://127.0.0.1:%d"}"""
                .formatted(notificationServer.getAddress().getPort())), "admin");
        String processDefinitionId = deploy();
        businessKey = "SX-" + UUID.randomUUID();
        Map<String, Object> variables = new HashMap<>();
        variables.put(ChainVariables.APPLICANT, "zhangsan");
        variables.put(ChainVariables.FLOW_KEY, KEY);
        variables.put(ChainVariables.FLOW_VERSION, 1);
        variables.put(ChainVariables.FORM_DATA, json.readTree("{}"));
        variables.put(ChainVariables.approvers("countersign"), List.of("e1", "e2", "e3"));
        instance = runtime.createProcessInstanceBuilder().processDefinitionId(processDefinitionId)
                .businessKey(businessKey).variables(variables).start().getId();
    }

    @AfterEach
    void stopServerAndInstance() {
        notificationServer.stop(0);
        // Applications that share the test database run due timers of their own, so no timer may outlive the test.
        if (runtime.createProcessInstanceQuery().processInstanceId(instance).count() > 0) {
            runtime.deleteProcessInstance(instance, "test finished");
        }
    }

    @Test
    void carbonCopyListsForRecipients() {
        List<CopiedApplication> copies = inbox.copied(tenant, "reader1", InboxFilter.ALL);

        assertThat(copies).extracting(CopiedApplication::businessKey, CopiedApplication::nodeName,
                CopiedApplication::unread).containsExactly(tuple(businessKey, "抄送车间主任", true));
        inbox.markCopyRead(tenant, copies.getFirst().id(), "reader1");
        assertThat(inbox.copied(tenant, "reader1", InboxFilter.ALL).getFirst().unread()).isFalse();
        assertThat(inbox.copied(tenant, "reader2", InboxFilter.ALL).getFirst().unread()).isTrue();
        assertThat(inbox.counts(tenant, "reader2", List.of(), InboxFilter.ALL).copiedUnread()).isEqualTo(1);
    }

    @Test
    void notifySendsMessageToConnector() {
        dispatcher.dispatchDue();

        assertThat(notices.forRecipient(tenant, "guard1", false)).extracting(InboxNotice::body)
                .containsExactly("受限空间作业已提交，请到场监护");
        assertThat(posted).filteredOn(body -> body.contains("\"recipient\":\"guard1\"")).singleElement()
                .satisfies(body -> {
                    assertThat(body).contains("受限空间作业已提交，请到场监护");
                    assertThat(body).contains(businessKey);
                });
    }

    @Test
    void countersignTimersFireOncePerStep() {
        List<Job> timers = management.createTimerJobQuery().processInstanceId(instance).list();
        assertThat(timers).as("one timer per limit, not per approver").hasSize(2);

        fire("tz_remind_countersign");

        assertThat(history.entries(tenant, instance)).filteredOn(entry -> entry.operation() == Operation.REMINDED)
                .singleElement().satisfies(entry -> assertThat(entry.target()).isEqualTo("e1,e2,e3"));
        for (String engineer : List.of("e1", "e2", "e3")) {
            assertThat(notices.forRecipient(tenant, engineer, true)).as(engineer).extracting(InboxNotice::topic)
                    .containsExactly("approval.reminded", "approval.task-assigned");
        }
        assertThat(openTasks()).hasSize(3);
    }

    @Test
    void timeOutSuspendsWithoutApproving() {
        fire("tz_escalate_countersign");

        assertThat(openTasks()).as("nothing completed").hasSize(3);
        assertThat(suspensions.isSuspended(tenant, instance)).isTrue();
        assertThat(outcomes.outcomesOf(businessKey)).containsExactly("SUSPENDED");
        HistoryEntry suspended = history.entries(tenant, instance).getLast();
        assertThat(suspended.operation()).isEqualTo(Operation.SUSPENDED);
        assertThat(suspended.comment()).isEqualTo("超时：已挂起并升级至 boss");
        assertThat(notices.forRecipient(tenant, "boss", true)).extracting(InboxNotice::topic)
                .containsExactly("approval.escalated");

        String e1Task = taskOf("e1").getId();
        assertThatThrownBy(() -> operations.approve(tenant, e1Task, "e1", null, Evidence.NONE))
                .isInstanceOf(OperationException.class)
                .hasMessage("申请“" + businessKey + "”因节点 countersign 超时已挂起，暂不能审批；请联系升级处理人恢复：boss");
        assertThatThrownBy(() -> suspensions.resume(tenant, instance, "e1", null))
                .isInstanceOf(OperationException.class);

        suspensions.resume(tenant, instance, "boss", "已电话催促各部门");
        assertThat(outcomes.outcomesOf(businessKey)).containsExactly("SUSPENDED", "RESUMED");
        operations.approve(tenant, e1Task, "e1", null, Evidence.NONE);
        assertThat(openTasks()).hasSize(2);
    }

    private void fire(String timerActivityId) {
        Job timer = management.createTimerJobQuery().processInstanceId(instance).list().stream()
                .filter(job -> timerActivityId.equals(job.getElementId()))
                .findFirst().orElseThrow();
        Job executable = management.moveTimerToExecutableJob(timer.getId());
        management.executeJob(executable.getId());
    }

    private List<Task> openTasks() {
        return taskService.createTaskQuery().processInstanceId(instance).list();
    }

    private Task taskOf(String user) {
        return taskService.createTaskQuery().processInstanceId(instance).taskAssignee(user).singleResult();
    }

    private String deploy() throws IOException {
        byte[] flow;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(RESOURCES + KEY + ".flow.json")) {
            flow = in.readAllBytes();
        }
        String deploymentId = repository.createDeployment()
                .tenantId(FlowableTenant.of(tenant))
                .key(KEY)
                .name(KEY + "@1")
                .category("test-" + UUID.randomUUID())
                .addClasspathResource(RESOURCES + KEY + ".bpmn20.xml")
                .addBytes(KEY + ".flow.json", flow)
                .deploy()
                .getId();
        return repository.createProcessDefinitionQuery().deploymentId(deploymentId).singleResult().getId();
    }
}
