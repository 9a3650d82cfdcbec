package org.tezuo.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.tezuo.app.permit.presence.PresenceWatcher;
import org.tezuo.app.security.UserAccounts;
import org.tezuo.core.connector.weather.QWeatherStubServer;
import org.tezuo.core.metadata.MetadataStore;
import org.tezuo.form.record.RecordService;
import org.tezuo.metadata.MetadataKind;
import org.tezuo.templates.TemplateCatalog;
import org.tezuo.templates.TemplateInstaller;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Runs presence checks on a grade 一级 hot-work permit with the REST API on PostgreSQL and a real Flowable engine.
 * The permit picks a site zone whose register record holds a 100 m square polygon near 30.62 N, 122.06 E. The
 * worker, the guardian and the work leader check in by phone. A user the permit does not name, bad positions and
 * another tenant are rejected. The watcher, run by the tests under a settable clock, raises alerts for a worker
 * outside the zone for more than 5 minutes, a guardian outside the zone during work, a missed snapshot and a guardian
 * who checks out. It deletes the position fixes one year after the permit was cancelled.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PermitPresenceEndToEndTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Instant START = OffsetDateTime.parse("2026-12-04T10:00:00+08:00").toInstant();
    private static final SettableClock CLOCK = new SettableClock(START, SHANGHAI);
    private static final String PASSWORD = "E2e@2026-secret";
    private static final String LI_QIANG = "320623198509230318";
    private static final String WANG_JIANGUO = "320623197804120133";
    private static final String NUMBER = "DH-20261204-0001";
    private static final double LATITUDE = 30.62;
    private static final double LONGITUDE = 122.06;
    private static final double METRES_PER_DEGREE_LATITUDE = 111_195.08;
    private static final double METRES_PER_DEGREE_LONGITUDE = METRES_PER_DEGREE_LATITUDE
            * Math.cos(Math.toRadians(LATITUDE));

    @TestConfiguration
    static class MovableClock {
        @Bean
        @Primary
        Clock movableClock() {
            return CLOCK;
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    TemplateInstaller installer;

    @Autowired
    TemplateCatalog templates;

    @Autowired
    UserAccounts accounts;

    @Autowired
    MetadataStore metadata;

    @Autowired
    RecordService records;

    @Autowired
    PresenceWatcher watcher;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    private PermitApiClient api;
    private QWeatherStubServer weather;
    private long tenantId;
    private long otherTenantId;
    private long zoneId;
    private long permit;

    @BeforeAll
    void createTenantWithZone() throws Exception {
        CLOCK.set(START);
        weather = QWeatherStubServer.start("");
        api = new PermitApiClient(port, json, PASSWORD, this::user, CLOCK, SHANGHAI);
        var installation = installer.createTenant("e2e-presence-" + UUID.randomUUID(), "在岗核查测试化工",
                "lng-terminal", SHANGHAI, "test");
        tenantId = installation.tenant().id();
        Map<String, Long> units = installation.orgUnitIds();
        accounts.create(tenantId, user("admin"), PASSWORD, "管理员", Set.of("SYSTEM_ADMIN"), units.get("HQ"), null);
        accounts.create(tenantId, user("director"), PASSWORD, "刘安全", Set.of("SAFETY_DIRECTOR"), units.get("SAFETY"),
                null);
        accounts.create(tenantId, user("engineer"), PASSWORD, "陈工", Set.of("SAFETY_ENGINEER"), units.get("SAFETY"),
                null);
        accounts.create(tenantId, user("unithead"), PASSWORD, "马主任", Set.of("UNIT_HEAD"), units.get("MAINT"), null);
        accounts.create(tenantId, user("teamlead"), PASSWORD, "何班长", Set.of("TEAM_LEADER"), units.get("MAINT"), null);
        accounts.create(tenantId, user("guardian"), PASSWORD, "孙监护", Set.of("WORKER"), units.get("MAINT"), null);
        accounts.create(tenantId, user("leader"), PASSWORD, "王建国", Set.of("WORK_LEADER"), units.get("MAINT"),
                WANG_JIANGUO);
        accounts.create(tenantId, user("worker"), PASSWORD, "李强", Set.of("WORKER"), units.get("MAINT"), LI_QIANG);
        accounts.create(tenantId, user("outsider"), PASSWORD, "赵六", Set.of("WORKER"), units.get("MAINT"), null);
        accounts.create(tenantId, user("namesake"), PASSWORD, "赵六", Set.of("WORKER"), units.get("MAINT"), null);
        ObjectNode connector = (ObjectNode) metadata.requirePublished(tenantId, MetadataKind.CONNECTOR, "weather")
                .body().deepCopy();
        connector.put("baseUrl", weather.baseUrl().toString());
        metadata.saveAndPublish(tenantId, MetadataKind.CONNECTOR, "weather", connector, "test");
        calmWeather();
        api.upload("admin", "持证台账.csv", templates.resource("lng-terminal", "demo/roster.csv"));
        zoneId = records.create(tenantId, "site_zone", zone(), null, "test", Locale.SIMPLIFIED_CHINESE).id();

        var other = installer.createTenant("e2e-presence-other-" + UUID.randomUUID(), "另一家化工", "lng-terminal",
                SHANGHAI, "test");
        otherTenantId = other.tenant().id();
        accounts.create(otherTenantId, "e2e-presence-stranger-" + otherTenantId, PASSWORD, "外单位",
                Set.of("SAFETY_DIRECTOR"), other.orgUnitIds().get("SAFETY"), null);
    }

    @AfterAll
    void stopWeather() {
        weather.close();
    }

    @Test
    @Order(1)
    @DisplayName("Check-in before the work leader accepts the permit is rejected")
    void checkInBeforeAcceptance() throws Exception {
        permit = api.issue("hot-work", hotWorkData(),
                List.of("leader", "unithead", "engineer", "director"));

        JsonNode early = post("worker", presence(permit) + "/check-in", position(50, 50, 10), 409);

        assertThat(early.path("code").asString()).isEqualTo("presence.notOnSite");
        assertThat(early.path("message").asString()).isEqualTo("作业票 " + NUMBER
                + " 当前现场状态为“已签发，待接票”；只有接票之后、关闭或取消之前（已接票、气体检测合格、已验票、作业中、现场暂停）才能签到或上报位置。");
    }

    @Test
    @Order(2)
    @DisplayName("Named people check in, others get 403 and another tenant 404")
    void namedPeopleCheckIn() throws Exception {
        post("leader", site(permit) + "/accept", Map.of("note", "已到现场"), 200);

        JsonNode worker = post("worker", presence(permit) + "/check-in", position(50, 50, 12), 200);
        JsonNode leader = post("leader", presence(permit) + "/check-in", position(20, 80, 8), 200);
        JsonNode outsider = post("outsider", presence(permit) + "/check-in", position(50, 50, 10), 403);
        JsonNode outsiderInEnglish = send("outsider", presence(permit) + "/check-in", position(50, 50, 10), "en",
                403);
        int strangerStatus = api.status("GET", "e2e-presence-stranger-" + otherTenantId, presence(permit), null);
        int strangerCheckIn = api.status("POST", "e2e-presence-stranger-" + otherTenantId,
                presence(permit) + "/check-in", position(50, 50, 10));

        JsonNode workerRow = person(leader, "worker");
        assertThat(worker.path("zoneName").asString()).isEqualTo("1# 码头卸料区");
        assertThat(worker.path("zoneGeometry").asString()).isEqualTo("POLYGON");
        assertThat(worker.path("callerRole").asString()).isEqualTo("WORKER");
        assertThat(workerRow.path("role").asString()).isEqualTo("WORKER");
        assertThat(workerRow.path("roleName").asString()).isEqualTo("作业人员");
        assertThat(workerRow.path("inside").asBoolean()).isTrue();
        assertThat(workerRow.path("lastPosition").path("accuracyMetres").decimalValue()).isEqualByComparingTo("12");
        assertThat(workerRow.path("checkedInAt").asString()).isEqualTo("2026-12-04T02:00:00Z");
        assertThat(person(leader, "leader").path("role").asString()).isEqualTo("WORK_LEADER");
        assertThat(outsider.path("code").asString()).isEqualTo("presence.notNamed");
        assertThat(outsider.path("message").asString()).as("two users are called 赵六").isEqualTo("只有作业票 " + NUMBER
                + " 上列明的作业人员、监护人和作业负责人可以签到或上报位置，用户“赵六（" + user("outsider")
                + "）”未列明；如需上岗，请先由作业负责人变更作业票人员。");
        assertThat(outsiderInEnglish.path("message").asString()).contains("and user \"赵六 (" + user("outsider")
                + ")\" is not named");
        assertThat(strangerStatus).isEqualTo(404);
        assertThat(strangerCheckIn).isEqualTo(404);
        assertThat(auditActions(permit)).contains("permit.presence.check-in");
    }

    @Test
    @Order(3)
    @DisplayName("Bad coordinates and coarse accuracy are rejected with the value")
    void badPositionsRejected() throws Exception {
        JsonNode latitude = post("worker", presence(permit) + "/snapshot",
                Map.of("lat", 95.5, "lon", LONGITUDE, "accuracy", 10), 422);
        JsonNode longitude = send("worker", presence(permit) + "/snapshot",
                Map.of("lat", LATITUDE, "lon", 181.0, "accuracy", 10), "en", 422);
        JsonNode coarse = post("worker", presence(permit) + "/snapshot", position(50, 50, 120), 422);
        JsonNode coarseInEnglish = send("worker", presence(permit) + "/snapshot", position(50, 50, 120), "en", 422);
        JsonNode missing = post("worker", presence(permit) + "/snapshot", Map.of("lat", LATITUDE), 422);
        JsonNode nullIsland = post("worker", presence(permit) + "/snapshot",
                Map.of("lat", 0, "lon", 0, "accuracy", 5), 422);
        JsonNode notCheckedIn = post("guardian", presence(permit) + "/snapshot", position(50, 50, 10), 409);

        assertThat(latitude.path("message").asString())
                .isEqualTo("纬度 95.5 无效：纬度应在 -90 到 90 度之间（WGS 84），请重新定位后再上报。");
        assertThat(longitude.path("message").asString())
                .isEqualTo("Longitude 181.0 is invalid: it must be between -180 and 180 degrees (WGS 84); locate "
                        + "again and resend.");
        assertThat(coarse.path("code").asString()).isEqualTo("presence.accuracy.tooLow");
        assertThat(coarse.path("message").asString()).isEqualTo("定位精度 120.0 米劣于允许值 50 米（阈值来源：GB 30871-2022 "
                + "4.10 要求监护人全程监护；本数值为企业实践，非该标准规定值），请到开阔处等待定位稳定后重新上报。");
        assertThat(coarseInEnglish.path("message").asString()).startsWith("Accuracy 120.0 m is worse than the "
                + "allowed 50 m");
        assertThat(missing.path("message").asString()).isEqualTo(
                "缺少定位字段“lon”；请在请求中提供 lat（纬度）、lon（经度）和 accuracy（定位精度，米）。");
        assertThat(nullIsland.path("code").asString()).isEqualTo("presence.position.nullIsland");
        assertThat(notCheckedIn.path("code").asString()).isEqualTo("presence.notCheckedIn");
        assertThat(notCheckedIn.path("message").asString()).isEqualTo("用户“孙监护”尚未在作业票 " + NUMBER
                + " 签到（或已签退），请先签到再上报位置或签退。");
        assertThat(jdbc.sql("select count(*) from permit_presence_fix where permit_id = ?").param(permit)
                .query(Integer.class).single()).as("rejected fixes are not stored").isEqualTo(2);
    }

    @Test
    @Order(4)
    @DisplayName("Guardian outside the zone during work alerts and suspends at once, and work resumes once the "
            + "guardian is back")
    void guardianLeavingAlertsAndSuspends() throws Exception {
        JsonNode outsideBeforeStart = post("guardian", presence(permit) + "/check-in", position(50, 160, 10), 200);
        startWork();
        PresenceWatcher.WatchRun atStart = watcher.runNow();
        JsonNode afterStart = get("director", presence(permit));
        JsonNode suspendedAtStart = get("leader", site(permit));
        calmWeather();
        JsonNode guardianAway = post("leader", site(permit) + "/resume", null, 422);
        JsonNode guardianAwayInEnglish = send("leader", site(permit) + "/resume", null, "en", 422);
        post("guardian", presence(permit) + "/snapshot", position(60, 40, 10), 200);
        JsonNode resumed = post("leader", site(permit) + "/resume", null, 200);
        CLOCK.advance(Duration.ofMinutes(2));

        JsonNode away = post("guardian", presence(permit) + "/snapshot", position(50, 400, 15), 200);
        JsonNode suspendedAgain = get("leader", site(permit));

        List<JsonNode> left = alerts(away, "GUARDIAN_LEFT");
        JsonNode alert = left.getFirst();
        assertThat(alerts(outsideBeforeStart, "GUARDIAN_LEFT")).as("no alert before work starts").isEmpty();
        assertThat(atStart.alertsRaised()).isEqualTo(1);
        assertThat(alerts(afterStart, "GUARDIAN_LEFT")).hasSize(1);
        assertThat(alerts(afterStart, "GUARDIAN_LEFT").getFirst().path("minutes").asInt()).isEqualTo(10);
        assertThat(left).hasSize(2);
        assertThat(person(away, "guardian").path("role").asString()).isEqualTo("GUARDIAN");
        assertThat(person(away, "guardian").path("inside").asBoolean()).isFalse();
        assertThat(alert.path("distanceMetres").decimalValue().doubleValue()).isBetween(299.0, 301.0);
        assertThat(alert.path("thresholdSource").asString()).isEqualTo("GB 30871-2022 4.10");
        assertThat(alert.path("message").asString()).startsWith("作业票 " + NUMBER + "：监护人孙监护 在作业中离开作业区域（");
        assertThat(alert.path("message").asString()).contains("GB 30871-2022 4.10 要求监护人全程在场");
        for (String recipient : List.of("director", "leader")) {
            assertThat(inbox(recipient, "permit.presence.alert"))
                    .as("alert notice for %s", recipient)
                    .contains("作业票 " + NUMBER + " 人员在岗告警：孙监护，监护人离开作业区域");
        }
        assertThat(inbox("worker", "permit.presence.alert")).isEmpty();
        assertThat(auditActions(permit)).contains("permit.presence.alert", "permit.site.auto-suspend",
                "permit.site.resume-refused");

        JsonNode stop = suspendedAtStart.path("suspension").get(0);
        assertThat(suspendedAtStart.path("state").asString()).isEqualTo("SUSPENDED_ON_SITE");
        assertThat(stop.path("code").asString()).isEqualTo("presence.guardian-left");
        assertThat(stop.path("source").asString()).isEqualTo("GB 30871-2022 4.10");
        assertThat(stop.path("message").asString()).isEqualTo("监护人孙监护 在作业中离开作业区域（距作业区域边界约 60.0 米），"
                + "作业自动暂停；监护人回到作业区域并上报位置后，由作业负责人恢复作业 — GB 30871-2022 4.10");
        assertThat(guardianAway.path("code").asString()).isEqualTo("site.refused");
        assertThat(guardianAway.path("details").get(0).path("path").asString()).isEqualTo("presence.guardian.outside");
        assertThat(guardianAway.path("message").asString()).isEqualTo("作业票 " + NUMBER + " 不能“恢复作业”：监护人孙监护 "
                + "最近一次定位在作业区域外（距作业区域边界约 60.0 米）；请监护人回到作业区域并上报位置后再恢复作业 — GB 30871-2022 4.10");
        assertThat(guardianAwayInEnglish.path("message").asString()).contains("The newest position of guardian 孙监护 "
                + "is outside the work zone (about 60.0 m outside the zone edge)");
        assertThat(resumed.path("state").asString()).isEqualTo("IN_PROGRESS");
        assertThat(suspendedAgain.path("state").asString()).isEqualTo("SUSPENDED_ON_SITE");
        assertThat(suspendedAgain.path("suspension").get(0).path("code").asString()).isEqualTo("presence.guardian-left");
        for (String recipient : List.of("director", "leader")) {
            assertThat(inbox(recipient, "permit.site.suspended"))
                    .as("suspension notice for %s", recipient)
                    .containsExactly("作业票 " + NUMBER + " 已暂停作业", "作业票 " + NUMBER + " 已暂停作业");
        }

        post("guardian", presence(permit) + "/snapshot", position(50, 50, 10), 200);
        calmWeather();
        post("leader", site(permit) + "/resume", null, 200);
    }

    @Test
    @Order(5)
    @DisplayName("Worker outside for more than 5 minutes raises one alert and the work goes on")
    void workerOutsideAlertsAfterFiveMinutes() throws Exception {
        post("worker", presence(permit) + "/snapshot", position(180, 50, 10), 200);
        CLOCK.advance(Duration.ofMinutes(4));
        PresenceWatcher.WatchRun early = watcher.runNow();
        JsonNode afterFour = get("leader", presence(permit));
        CLOCK.advance(Duration.ofMinutes(2));
        PresenceWatcher.WatchRun late = watcher.runNow();
        PresenceWatcher.WatchRun again = watcher.runNow();

        JsonNode view = get("director", presence(permit));
        List<JsonNode> outside = alerts(view, "OUTSIDE_ZONE");
        assertThat(alerts(afterFour, "OUTSIDE_ZONE")).isEmpty();
        assertThat(person(afterFour, "worker").path("outsideMinutes").asLong()).isEqualTo(4);
        assertThat(early.alertsRaised()).isZero();
        assertThat(late.alertsRaised()).isEqualTo(1);
        assertThat(again.alertsRaised()).isZero();
        assertThat(outside).hasSize(1);
        assertThat(outside.getFirst().path("minutes").asInt()).isEqualTo(6);
        assertThat(outside.getFirst().path("distanceMetres").decimalValue().doubleValue()).isBetween(79.0, 81.0);
        assertThat(outside.getFirst().path("message").asString()).isEqualTo("作业票 " + NUMBER
                + "：作业人员李强 自 2026-12-04 10:12 起离开作业区域已 6 分钟，距作业区域边界约 80.0 米（阈值来源：GB 30871-2022 "
                + "4.10 要求监护人全程监护；本数值为企业实践，非该标准规定值）。");
        assertThat(inbox("director", "permit.presence.alert"))
                .contains("作业票 " + NUMBER + " 人员在岗告警：李强，离开作业区域超时");

        assertThat(get("leader", site(permit)).path("state").asString()).isEqualTo("IN_PROGRESS");

        post("worker", presence(permit) + "/snapshot", position(50, 50, 10), 200);
        assertThat(person(get("worker", presence(permit)), "worker").path("outsideMinutes").asLong()).isZero();
    }

    @Test
    @Order(6)
    @DisplayName("Snapshot requests go out every 30 minutes and an unanswered one alerts")
    void missedSnapshotAlerts() throws Exception {
        CLOCK.advance(Duration.ofMinutes(30));
        PresenceWatcher.WatchRun asked = watcher.runNow();
        post("worker", presence(permit) + "/snapshot", position(55, 55, 10), 200);
        post("guardian", presence(permit) + "/snapshot", position(45, 45, 10), 200);
        CLOCK.advance(Duration.ofMinutes(10));

        PresenceWatcher.WatchRun checked = watcher.runNow();

        JsonNode view = get("director", presence(permit));
        List<JsonNode> missed = alerts(view, "MISSED_SNAPSHOT");
        assertThat(asked.snapshotsRequested()).isEqualTo(3);
        assertThat(inbox("leader", "permit.presence.snapshot-due")).contains("作业票 " + NUMBER + " 请上报位置");
        assertThat(inbox("worker", "permit.presence.snapshot-due")).contains("作业票 " + NUMBER + " 请上报位置");
        assertThat(checked.alertsRaised()).isEqualTo(1);
        assertThat(missed).hasSize(1);
        assertThat(missed.getFirst().path("username").asString()).isEqualTo(user("leader"));
        assertThat(missed.getFirst().path("minutes").asInt()).isEqualTo(10);
        assertThat(missed.getFirst().path("message").asString()).isEqualTo("作业票 " + NUMBER
                + "：作业负责人王建国 未回应 2026-12-04 10:48 的位置上报请求，已过 10 分钟；最后一次定位在作业区域内（阈值来源：GB 30871-2022 "
                + "4.10 要求监护人全程监护；本数值为企业实践，非该标准规定值）。");
        assertThat(person(view, "worker").path("snapshotRequestedAt").isNull()).isTrue();

        assertThat(get("leader", site(permit)).path("state").asString()).as("a missed snapshot does not stop work")
                .isEqualTo("IN_PROGRESS");

        post("leader", presence(permit) + "/snapshot", position(20, 80, 8), 200);
    }

    @Test
    @Order(7)
    @DisplayName("Guardian checking out during work alerts and suspends until the guardian checks in again")
    void guardianCheckOutAlertsAndSuspends() throws Exception {
        JsonNode out = post("guardian", presence(permit) + "/check-out", position(50, 50, 10), 200);
        JsonNode suspended = get("leader", site(permit));
        calmWeather();
        JsonNode notCheckedIn = post("leader", site(permit) + "/resume", null, 422);

        assertThat(person(out, "guardian").path("checkedIn").asBoolean()).isFalse();
        assertThat(alerts(out, "GUARDIAN_CHECKED_OUT")).hasSize(1);
        assertThat(alerts(out, "GUARDIAN_CHECKED_OUT").getFirst().path("kindName").asString())
                .isEqualTo("监护人作业中签退");
        assertThat(post("guardian", presence(permit) + "/snapshot", position(50, 50, 10), 409).path("code")
                .asString()).isEqualTo("presence.notCheckedIn");
        assertThat(suspended.path("state").asString()).isEqualTo("SUSPENDED_ON_SITE");
        assertThat(suspended.path("suspension").get(0).path("code").asString())
                .isEqualTo("presence.guardian-checked-out");
        assertThat(notCheckedIn.path("details").get(0).path("path").asString())
                .isEqualTo("presence.guardian.not-checked-in");
        assertThat(notCheckedIn.path("message").asString()).contains("监护人孙监护 未在本作业票签到（或已签退）");

        post("guardian", presence(permit) + "/check-in", position(50, 50, 10), 200);
        assertThat(post("leader", site(permit) + "/resume", null, 200).path("state").asString())
                .isEqualTo("IN_PROGRESS");
    }

    @Test
    @Order(8)
    @DisplayName("A guardian checked in on one site cannot check in on a second permit at the same time")
    void guardianOnOneSiteOnly() throws Exception {
        long second = api.issue("hot-work", hotWorkData(), List.of("leader", "unithead", "engineer", "director"));
        post("leader", site(second) + "/accept", Map.of("note", "已到现场"), 200);

        JsonNode rejected = post("guardian", presence(second) + "/check-in", position(50, 50, 10), 409);
        JsonNode english = send("guardian", presence(second) + "/check-in", position(50, 50, 10), "en", 409);

        assertThat(rejected.path("code").asString()).isEqualTo("presence.guardian.elsewhere");
        assertThat(rejected.path("message").asString()).startsWith("孙监护是作业票 " + NUMBER + " 的监护人").contains(
                "是作业票 " + NUMBER + " 的监护人且已在该作业现场签到",
                "GB 30871-2022 4.10", "请先在作业票 " + NUMBER + " 签退");
        assertThat(english.path("message").asString()).contains("a guardian stays on one site throughout");
        assertThat(post("worker", presence(second) + "/check-in", position(50, 50, 10), 200)
                .path("callerRole").asString()).isEqualTo("WORKER");
        post("leader", site(second) + "/cancel", Map.of("reason", "与 " + NUMBER + " 共用监护人，重新办票"), 200);
    }

    @Test
    @Order(9)
    @DisplayName("Position fixes are deleted one year after cancellation and a summary stays")
    void fixesPurgedAfterRetention() throws Exception {
        post("leader", site(permit) + "/cancel", Map.of("reason", "工艺条件变化，重新办票"), 200);
        JsonNode afterCancel = post("worker", presence(permit) + "/snapshot", position(50, 50, 10), 409);
        int fixes = jdbc.sql("select count(*) from permit_presence_fix where permit_id = ?").param(permit)
                .query(Integer.class).single();
        CLOCK.advance(Duration.ofDays(364));
        PresenceWatcher.WatchRun tooEarly = watcher.runNow();
        CLOCK.advance(Duration.ofDays(2));

        PresenceWatcher.WatchRun purged = watcher.runNow();

        JsonNode view = get("director", presence(permit));
        assertThat(afterCancel.path("message").asString()).contains("当前现场状态为“已取消”");
        assertThat(tooEarly.fixesPurged()).isZero();
        assertThat(purged.fixesPurged()).isGreaterThanOrEqualTo(fixes);
        assertThat(jdbc.sql("select count(*) from permit_presence_fix where permit_id = ?").param(permit)
                .query(Integer.class).single()).isZero();
        assertThat(view.path("summary").path("fixes").asInt()).isEqualTo(fixes);
        assertThat(view.path("summary").path("people").asInt()).isEqualTo(3);
        assertThat(view.path("summary").path("fixesOutside").asInt()).isEqualTo(3);
        assertThat(view.path("summary").path("alerts").asInt()).isEqualTo(5);
        assertThat(view.path("alerts")).hasSize(5);
        assertThat(person(view, "worker").path("lastPosition").isNull()).isTrue();
        assertThat(person(view, "worker").path("inside").asBoolean()).isTrue();
        assertThat(auditActions(permit)).contains("permit.presence.purge");
        assertThat(watcher.runNow().fixesPurged()).isZero();
    }

    /** Starts the work at the approved start, 10 minutes after the issue. */
    private void startWork() throws Exception {
        CLOCK.advance(Duration.ofMinutes(10));
        calmWeather();
        post("leader", gasReadings(permit), api.gasReading("GD-07", 4), 201);
        post("teamlead", site(permit) + "/pre-start-check", Map.of("confirmedMeasures", List.of(1)), 200);
        assertThat(post("leader", site(permit) + "/start", null, 200).path("state").asString())
                .isEqualTo("IN_PROGRESS");
    }

    private ObjectNode hotWorkData() {
        JsonNode properties = metadata.requirePublished(tenantId, MetadataKind.FORM, "hot-work-permit").body()
                .path("schema").path("properties");
        ObjectNode data = api.hotWorkData(properties, user("leader"), "孙监护", LI_QIANG, WANG_JIANGUO);
        data.put("siteZone", zoneId);
        return data;
    }

    /** Returns a site zone record with a 100 m square polygon whose south-west corner is the reference point. */
    private ObjectNode zone() {
        ObjectNode data = json.createObjectNode();
        data.put("name", "1# 码头卸料区");
        data.put("areaClass", "zone-2");
        data.putObject("location").put("lat", LATITUDE).put("lon", LONGITUDE);
        ArrayNode ring = json.createArrayNode();
        for (double[] corner : new double[][] {{0, 0}, {100, 0}, {100, 100}, {0, 100}, {0, 0}}) {
            ring.addArray().add(longitude(corner[0])).add(latitude(corner[1]));
        }
        ObjectNode polygon = json.createObjectNode().put("type", "Polygon");
        polygon.putArray("coordinates").add(ring);
        data.put("polygon", polygon.toString());
        return data;
    }

    /** Returns a phone position {@code east} and {@code north} metres from the zone's south-west corner. */
    private Map<String, Object> position(double east, double north, double accuracyMetres) {
        return Map.of("lat", latitude(north), "lon", longitude(east), "accuracy", accuracyMetres, "deviceTime",
                rfc3339(now()));
    }

    private static double latitude(double north) {
        return LATITUDE + north / METRES_PER_DEGREE_LATITUDE;
    }

    private static double longitude(double east) {
        return LONGITUDE + east / METRES_PER_DEGREE_LONGITUDE;
    }

    private void calmWeather() {
        weather.setObservation("12", "2", "16", "55", now().minusMinutes(5));
    }

    private JsonNode person(JsonNode view, String role) {
        return view.path("people").valueStream()
                .filter(person -> person.path("username").asString().equals(user(role)))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no presence of " + role + " in " + view));
    }

    private static List<JsonNode> alerts(JsonNode view, String kind) {
        return view.path("alerts").valueStream().filter(alert -> alert.path("kind").asString().equals(kind)).toList();
    }

    private static JsonNode alert(JsonNode view, String kind) {
        List<JsonNode> found = alerts(view, kind);
        assertThat(found).as("alerts %s in %s", kind, view).hasSize(1);
        return found.getFirst();
    }

    private List<String> inbox(String role, String topic) throws Exception {
        return get(role, "/api/notifications/inbox").valueStream()
                .filter(notice -> notice.path("topic").asString().equals(topic))
                .map(notice -> notice.path("subject").asString())
                .toList();
    }

    private List<String> auditActions(long id) throws Exception {
        return get("admin", "/api/audit?subjectType=permit&subjectId=" + id).valueStream()
                .map(entry -> entry.path("action").asString()).toList();
    }

    private static String presence(long id) {
        return "/api/permits/" + id + "/presence";
    }

    private static String site(long id) {
        return "/api/permits/" + id + "/site";
    }

    private static String gasReadings(long id) {
        return "/api/permits/" + id + "/gas-readings";
    }

    private String user(String role) {
        return "e2e-presence-" + role + "-" + tenantId;
    }

    private JsonNode get(String role, String path) throws Exception {
        return api.get(role, path);
    }

    private JsonNode post(String role, String path, Object body, int expectedStatus) throws Exception {
        return api.post(role, path, body, expectedStatus);
    }

    private JsonNode send(String role, String path, Object body, String language, int expectedStatus)
            throws Exception {
        return api.send(role, path, body, language, expectedStatus);
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.ofInstant(CLOCK.instant(), SHANGHAI);
    }

    private static String rfc3339(OffsetDateTime time) {
        return PermitApiClient.rfc3339(time);
    }
}
