package org.tezuo.workflow.operation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tezuo.core.metadata.MetadataStore;
import org.tezuo.core.notification.Delivery;
import org.tezuo.core.notification.DeliveryDispatcher;
import org.tezuo.core.notification.DeliveryOutbox;
import org.tezuo.core.notification.DeliveryStatus;
import org.tezuo.core.notification.InboxNotice;
import org.tezuo.core.tenant.TenantDirectory;
import org.tezuo.metadata.MetadataKind;
import org.tezuo.workflow.approval.ApprovalDecider;
import org.tezuo.workflow.approval.ApprovalInbox;
import org.tezuo.workflow.approval.ApprovalStarter;
import org.tezuo.workflow.approval.ApprovalTask;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Approval notices through the notification module: they land in the in-app inbox and reach a loopback server that
 * responds like the WeCom and DingTalk group robot webhooks, with retries and a delivery log. Users appear by
 * display name and ID numbers are masked.
 */
@SpringBootTest(properties = {"tezuo.notification.poll-interval=0",
        "APPROVAL_NOTICE_TEST_WECOM_KEY=wecom-key", "APPROVAL_NOTICE_TEST_DINGTALK_TOKEN=dingtalk-token"})
class ApprovalNoticesTest {

    private static final String FLOW = "hot-work-approval";
    private static final String ID_NUMBER = "110105199003071234";

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
    ApprovalNotices notices;
    @Autowired
    DeliveryDispatcher dispatcher;
    @Autowired
    DeliveryOutbox outbox;
    @Autowired
    MetadataStore metadata;
    @Autowired
    TenantDirectory tenants;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    JsonMapper json;

    private RobotServer robots;
    private long tenant;
    private String applicant;
    private String leader;
    private String director;
    private String businessKey;
    private String instance;

    @BeforeEach
    void startApproval() throws IOException {
        robots = RobotServer.start();
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        tenant = tenants.create("notice-" + suffix, "通知测试化工", null, ZoneId.of("Asia/Shanghai")).id();
        applicant = "applicant-" + suffix;
        leader = "leader-" + suffix;
        director = "director-" + suffix;
        user(applicant, "李申请");
        user(leader, "王建国");
        user(director, "赵总监");
        metadata.saveAndPublish(tenant, MetadataKind.CONNECTOR, "safety-wecom", json.readTree("""
                {"type": "wecom-robot", "baseUrl": "%s", "topics": ["approval.*"],
                 "channel": {"tokenEnv": "APPROVAL_NOTICE_TEST_WECOM_KEY"}}""".formatted(robots.baseUrl())),
                "admin");
        metadata.saveAndPublish(tenant, MetadataKind.CONNECTOR, "safety-dingtalk", json.readTree("""
                {"type": "dingtalk-robot", "baseUrl": "%s", "topics": ["approval.urged"],
                 "channel": {"tokenEnv": "APPROVAL_NOTICE_TEST_DINGTALK_TOKEN"}}""".formatted(robots.baseUrl())),
                "admin");
        metadata.saveAndPublish(tenant, MetadataKind.FLOW, FLOW, json.readTree("""
                {
                  "name": {"zh": "动火作业审批"},
                  "nodes": [
                    {"id": "leader", "type": "approver", "name": {"zh": "作业负责人"}, "mode": "single",
                     "assignee": {"by": "user", "user": "%s"}},
                    {"id": "director", "type": "approver", "name": {"zh": "安全总监"}, "mode": "single",
                     "assignee": {"by": "user", "user": "%s"}}
                  ]
                }""".formatted(leader, director)), "admin");
        businessKey = "DH-" + suffix;
        instance = starter.start(tenant, FLOW, 1, businessKey, applicant, json.readTree("{}"));
    }

    @AfterEach
    void stopRobots() {
        robots.close();
    }

    @Test
    @DisplayName("Urge reaches both robots with display names and no ID number")
    void urgeReachesRobots() {
        dispatcher.dispatchDue();
        robots.clear();

        applicantOperations.urge(tenant, instance, applicant, "明早八点动火，作业人员身份证 " + ID_NUMBER + " 已核验");
        dispatcher.dispatchDue();

        List<RobotServer.Request> requests = robots.requests();
        assertThat(requests).extracting(RobotServer.Request::path)
                .containsExactlyInAnyOrder("/cgi-bin/webhook/send", "/robot/send");
        for (RobotServer.Request request : requests) {
            String content = json.readTree(request.body()).path("text").path("content").asString();
            assertThat(content).as(request.path()).startsWith("王建国：催办：动火作业审批 " + businessKey + "\n");
            assertThat(content).as(request.path()).contains("申请人 李申请 催办申请 " + businessKey + "（动火作业审批）");
            assertThat(content).as(request.path()).contains("身份证 1101**********1234 已核验");
            assertThat(content).as(request.path()).doesNotContain(ID_NUMBER);
            assertThat(content).as(request.path()).doesNotContain(applicant).doesNotContain(leader);
        }
        List<Delivery> urges = outbox.list(tenant, null).stream()
                .filter(delivery -> delivery.topic().equals("approval.urged")).toList();
        assertThat(urges).extracting(Delivery::connectorKey)
                .containsExactlyInAnyOrder("safety-wecom", "safety-dingtalk");
        assertThat(urges).extracting(Delivery::status).containsOnly(DeliveryStatus.SENT);
        InboxNotice received = notices.forRecipient(tenant, leader, true).getFirst();
        assertThat(received.topic()).isEqualTo("approval.urged");
        assertThat(received.sender()).isEqualTo(applicant);
        assertThat(received.link()).isEqualTo("/tasks");
        assertThat(received.body()).doesNotContain(ID_NUMBER);
    }

    @Test
    @DisplayName("Failed robot delivery is logged and retried")
    void failedDeliveryIsRetried() {
        dispatcher.dispatchDue();
        robots.failNext(2);

        applicantOperations.urge(tenant, instance, applicant, null);
        dispatcher.dispatchDue();
        List<Delivery> failedOnce = outbox.list(tenant, DeliveryStatus.PENDING);
        jdbc.sql("update notice_delivery set next_attempt_at = now() - interval '1 second' where tenant_id = ?")
                .param(tenant).update();
        dispatcher.dispatchDue();

        assertThat(failedOnce).hasSize(2);
        assertThat(failedOnce).allSatisfy(delivery -> {
            assertThat(delivery.attempts()).isEqualTo(1);
            assertThat(delivery.lastError(Locale.SIMPLIFIED_CHINESE)).contains("HTTP 502");
        });
        assertThat(outbox.list(tenant, null).stream().filter(delivery -> delivery.topic().equals("approval.urged")))
                .extracting(Delivery::status, Delivery::attempts)
                .containsOnly(tuple(DeliveryStatus.SENT, 2));
    }

    @Test
    @DisplayName("Assigned task and rejection reach approver and applicant")
    void taskAndOutcomeNotices() {
        InboxNotice assigned = notices.forRecipient(tenant, leader, true).getFirst();
        ApprovalTask leaderTask = onlyTaskOf(leader);

        decider.approve(tenant, leaderTask.taskId(), leader, "同意", null, List.of());
        ApprovalTask directorTask = onlyTaskOf(director);
        decider.reject(tenant, directorTask.taskId(), director, "动火点 10 米内有可燃物");

        assertThat(assigned.topic()).isEqualTo("approval.task-assigned");
        assertThat(assigned.subject()).isEqualTo("待审批：动火作业审批 " + businessKey);
        assertThat(assigned.body())
                .isEqualTo("申请人 李申请 的申请 " + businessKey + "（动火作业审批）已到节点“作业负责人”，等待您审批");
        assertThat(assigned.link()).isEqualTo("/tasks/" + leaderTask.taskId());
        assertThat(notices.forRecipient(tenant, director, false)).extracting(InboxNotice::topic)
                .containsExactly("approval.task-assigned");
        InboxNotice outcome = notices.forRecipient(tenant, applicant, true).getFirst();
        assertThat(outcome.topic()).isEqualTo("approval.rejected");
        assertThat(outcome.sender()).isEqualTo(director);
        assertThat(outcome.body()).isEqualTo("您的申请 " + businessKey + "（动火作业审批）被 赵总监 驳回。意见：动火点 10 米内有可燃物");
    }

    @Test
    @DisplayName("Transfer tells the new approver who handed the task over")
    void transferTellsNewApprover() {
        ApprovalTask leaderTask = onlyTaskOf(leader);

        operations.transfer(tenant, leaderTask.taskId(), leader, director, "我出差，请代为审批");

        InboxNotice handedOver = notices.forRecipient(tenant, director, true).getFirst();
        assertThat(handedOver.topic()).isEqualTo("approval.task-assigned");
        assertThat(handedOver.sender()).isEqualTo(leader);
        assertThat(handedOver.body())
                .isEqualTo("王建国 转办给您：申请 " + businessKey + "（动火作业审批）在节点“作业负责人”等待您处理");
    }

    @Test
    @DisplayName("Rejected withdrawal names the approver by display name")
    void withdrawalNamesApprover() {
        decider.approve(tenant, onlyTaskOf(leader).taskId(), leader, "同意", null, List.of());

        assertThatThrownBy(() -> applicantOperations.withdraw(tenant, instance, applicant, null))
                .isInstanceOf(OperationException.class)
                .hasMessage("申请“" + businessKey + "”已有审批人同意（王建国），不能再撤回；如需终止请联系审批人驳回");
    }

    private void user(String username, String displayName) {
        jdbc.sql("""
                insert into app_user (tenant_id, username, password_hash, display_name, roles)
                values (?, ?, 'x', ?, 'WORKER')""").params(tenant, username, displayName).update();
    }

    private ApprovalTask onlyTaskOf(String user) {
        List<ApprovalTask> tasks = inbox.tasks(tenant, user);
        assertThat(tasks).as("open tasks of %s", user).hasSize(1);
        return tasks.getFirst();
    }

    /**
     * A loopback server on 127.0.0.1 that accepts every message like the WeCom ({@code /cgi-bin/webhook/send}) and
     * DingTalk ({@code /robot/send}) group robots, with {@code {"errcode":0,"errmsg":"ok"}}, or responds with HTTP
     * 502 to the next requests when asked to.
     */
    static final class RobotServer implements AutoCloseable {

        record Request(String path, String body) {
        }

        private final HttpServer server;
        private final List<Request> requests = new CopyOnWriteArrayList<>();
        private final AtomicInteger failuresLeft = new AtomicInteger();

        private RobotServer(HttpServer server) {
            this.server = server;
        }

        static RobotServer start() throws IOException {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            RobotServer robots = new RobotServer(server);
            server.createContext("/cgi-bin/webhook/send", robots::handle);
            server.createContext("/robot/send", robots::handle);
            server.start();
            return robots;
        }

        String baseUrl() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        List<Request> requests() {
            return List.copyOf(requests);
        }

        void clear() {
            requests.clear();
        }

        void failNext(int count) {
            failuresLeft.set(count);
        }

        private void handle(HttpExchange exchange) throws IOException {
            try (exchange) {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                boolean fail = failuresLeft.getAndUpdate(left -> Math.max(left - 1, 0)) > 0;
                byte[] reply = (fail ? "Bad Gateway" : "{\"errcode\":0,\"errmsg\":\"ok\"}")
                        .getBytes(StandardCharsets.UTF_8);
                if (!fail) {
                    requests.add(new Request(exchange.getRequestURI().getPath(), body));
                }
                exchange.sendResponseHeaders(fail ? 502 : 200, reply.length);
                exchange.getResponseBody().write(reply);
            }
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
