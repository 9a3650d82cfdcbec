package org.tezuo.core.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.tezuo.core.metadata.MetadataStore;
import org.tezuo.metadata.MetadataKind;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest(properties = {"tezuo.notification.poll-interval=0", "tezuo.notification.max-attempts=2",
        "tezuo.public-base-url=https://tezuo.example/", "NOTICE_TEST_ROBOT_TOKEN=token-1"})
class NoticeRecorderTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MetadataStore metadata;

    @Autowired
    NoticeInbox inbox;

    @Autowired
    DeliveryOutbox outbox;

    @Autowired
    DeliveryDispatcher dispatcher;

    private RobotStubServer robot;
    private long tenantId;
    private String user;

    @BeforeEach
    void createTenantWithRobot() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        tenantId = jdbc.sql("insert into tenant (code, name, zone_id, created_at) values (?, '通知测试', "
                + "'Asia/Shanghai', now()) returning id").param("notice-" + suffix).query(Long.class).single();
        user = "welder-" + suffix;
        jdbc.sql("""
                insert into app_user (tenant_id, username, password_hash, display_name, roles, mobile_phone)
                values (?, ?, 'x', '张三', 'WORKER', '13800138000')""").params(tenantId, user).update();
        robot = RobotStubServer.start("token-1", null);
        metadata.saveAndPublish(tenantId, MetadataKind.CONNECTOR, "safety-group", JSON.readTree("""
                {"type":"wecom-robot","baseUrl":"%s","topics":["qualification.*"],
                 "channel":{"tokenEnv":"NOTICE_TEST_ROBOT_TOKEN"}}""".formatted(robot.baseUrl())), "admin");
    }

    @AfterEach
    void stopRobot() {
        robot.close();
    }

    @Test
    void noticeIsSentAfterCommit() {
        transaction.executeWithoutResult(status -> {
            events.publishEvent(notice("qualification.warning", "证书 T110105199003071234 将于 30 天后到期"));

            assertThat(inbox.list(tenantId, user, true)).hasSize(1);
            assertThat(robot.received()).isEmpty();
        });
        awaitTrue(() -> deliveries().getFirst().status() == DeliveryStatus.SENT);

        Delivery delivery = deliveries().getFirst();
        String sent = JSON.readTree(robot.received().getFirst().body()).path("text").path("content").asString();
        assertThat(delivery.attempts()).isEqualTo(1);
        assertThat(delivery.connectorKey()).isEqualTo("safety-group");
        assertThat(sent).contains("证书 T1101**********1234 将于 30 天后到期").doesNotContain("110105199003071234");
        assertThat(sent).endsWith("\nhttps://tezuo.example/persons/7");
    }

    @Test
    void inboxStoresMaskedBody() {
        events.publishEvent(notice("report.health", "身份证号 11010519491231002X"));

        InboxNotice stored = inbox.list(tenantId, user, false).getFirst();
        assertThat(stored.body()).isEqualTo("身份证号 1101**********002X");
        assertThat(stored.link()).isEqualTo("/persons/7");
        assertThat(deliveries()).as("the robot only takes qualification topics").isEmpty();
    }

    @Test
    void rolledBackNoticeLeavesNothing() {
        transaction.executeWithoutResult(status -> {
            events.publishEvent(notice("qualification.warning", "将回滚"));
            status.setRollbackOnly();
        });

        assertThat(inbox.list(tenantId, user, false)).isEmpty();
        assertThat(deliveries()).isEmpty();
        assertThat(robot.received()).isEmpty();
    }

    @Test
    void inboxMarksNoticeRead() {
        events.publishEvent(notice("report.health", "月度报告已生成"));
        long id = inbox.list(tenantId, user, true).getFirst().id();

        boolean marked = inbox.markRead(tenantId, user, id);

        assertThat(marked).isTrue();
        assertThat(inbox.unreadCount(tenantId, user)).isZero();
        assertThat(inbox.list(tenantId, user, false).getFirst().readAt()).isNotNull();
        assertThat(inbox.markRead(tenantId, "someone-else", id)).isFalse();
    }

    @Test
    void failedDeliveryIsRetriedThenFailsUntilAdminRetry() {
        robot.failNext(2);

        events.publishEvent(notice("qualification.warning", "证书已过期"));
        awaitTrue(() -> deliveries().getFirst().attempts() == 1);
        Delivery afterFirst = deliveries().getFirst();
        makeDue(afterFirst.id());
        dispatcher.dispatchDue();
        Delivery afterSecond = deliveries().getFirst();
        List<Delivery> failedList = outbox.list(tenantId, DeliveryStatus.FAILED);
        boolean retried = outbox.retry(tenantId, afterSecond.id(), "admin");
        dispatcher.dispatchDue();

        assertThat(afterFirst.status()).isEqualTo(DeliveryStatus.PENDING);
        assertThat(afterFirst.lastError(Locale.SIMPLIFIED_CHINESE))
                .isEqualTo("通知渠道“safety-group”返回 HTTP 502；请检查连接器地址，系统将自动重试");
        assertThat(afterFirst.nextAttemptAt()).isAfter(Instant.now().plusSeconds(30));
        assertThat(afterSecond.status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(afterSecond.attempts()).isEqualTo(2);
        assertThat(failedList).extracting(Delivery::id).contains(afterSecond.id());
        assertThat(retried).isTrue();
        assertThat(deliveries().getFirst().status()).isEqualTo(DeliveryStatus.SENT);
        assertThat(deliveries().getFirst().lastError(Locale.ENGLISH)).isNull();
        assertThat(robot.received()).hasSize(3);
    }

    @Test
    void backoffDoublesUpToMaximum() {
        Instant now = Instant.parse("2026-12-05T00:00:00Z");

        assertThat(dispatcher.nextAttempt(1, now)).isEqualTo(now.plus(Duration.ofMinutes(1)));
        assertThat(dispatcher.nextAttempt(2, now)).as("max-attempts is 2 in this test").isNull();
    }

    @Test
    void retryOfSentDeliveryIsRejected() {
        events.publishEvent(notice("qualification.warning", "已发送"));
        awaitTrue(() -> deliveries().getFirst().status() == DeliveryStatus.SENT);

        assertThat(outbox.retry(tenantId, deliveries().getFirst().id(), "admin")).isFalse();
        assertThat(outbox.retry(tenantId + 1_000_000, deliveries().getFirst().id(), "admin")).isFalse();
    }

    private Notice notice(String topic, String body) {
        return new Notice(tenantId, user, topic, "资质提醒", body, "/persons/7");
    }

    private List<Delivery> deliveries() {
        return outbox.list(tenantId, null);
    }

    private void makeDue(long deliveryId) {
        jdbc.sql("update notice_delivery set next_attempt_at = now() - interval '1 second' where id = ?")
                .param(deliveryId).update();
    }

    /** Waits for the dispatcher's own thread, up to ten seconds. */
    private static void awaitTrue(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Condition not met within 10 seconds");
            }
            Thread.onSpinWait();
        }
    }
}
