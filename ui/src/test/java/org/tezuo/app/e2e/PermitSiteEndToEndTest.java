package org.tezuo.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
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
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.test.annotation.DirtiesContext;
import org.tezuo.app.permit.site.PermitSiteWatcher;
import org.tezuo.app.security.UserAccounts;
import org.tezuo.core.audit.AuditLog;
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
 * Runs issued permits through their life on site with the REST API on PostgreSQL, a real Flowable engine and a
 * loopback weather server. A grade 一级 hot-work permit is accepted, gas-tested, checked by the shift leader,
 * started, suspended by level 5 wind, resumed, extended, handed over, confirmed by its fire watch and closed, with
 * the refusals the ruleset, the roles and a venting release in its zone make on the way. A confined-space permit
 * is refused before its approved start, suspended for a missed 2-hour re-test, moves to a newer ruleset at a
 * re-test and does not resume after its validity. The clock starts at 2026-12-04 10:00 in Shanghai and the tests
 * move it. The watcher runs only when a test calls it, because the test properties turn its schedule off. Writing a release record still
 * runs the watcher's SIMOPS step at once. The last test reads the printed e-permit of both permits after the close
 * and the cancellation.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PermitSiteEndToEndTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Instant START = OffsetDateTime.parse("2026-12-04T10:00:00+08:00").toInstant();
    private static final SettableClock CLOCK = new SettableClock(START, SHANGHAI);
    private static final String PASSWORD = "E2e@2026-secret";
    private static final String LI_QIANG = "320623198509230318";
    private static final String WANG_JIANGUO = "320623197804120133";
    private static final String EXTINGUISHERS = "现场配备灭火器（2）台，灭火毯（1）块，动火点周围无可燃物";
    private static final String NUMBER = "DH-20261204-0001";

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
    PermitSiteWatcher watcher;

    @Autowired
    JsonMapper json;

    @Autowired
    RecordService records;

    @Autowired
    JdbcClient jdbc;

    private PermitApiClient api;
    private QWeatherStubServer weather;
    private long tenantId;
    private long hotWork;
    private long confinedSpace;
    private long zone;

    @BeforeAll
    void createTenantWithLedger() throws Exception {
        CLOCK.set(START);
        weather = QWeatherStubServer.start("");
        api = new PermitApiClient(port, json, PASSWORD, this::user, CLOCK, SHANGHAI);
        var installation = installer.createTenant("e2e-site-" + UUID.randomUUID(), "现场作业测试化工",
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
        accounts.create(tenantId, user("leader"), PASSWORD, "王建国", Set.of("WORK_LEADER"), units.get("MAINT"),
                WANG_JIANGUO);
        accounts.create(tenantId, user("nightleader"), PASSWORD, "赵夜班", Set.of("WORK_LEADER"), units.get("MAINT"),
                null);
        accounts.create(tenantId, user("worker"), PASSWORD, "李强", Set.of("WORKER"), units.get("MAINT"), LI_QIANG);
        ObjectNode connector = (ObjectNode) metadata.requirePublished(tenantId, MetadataKind.CONNECTOR, "weather")
                .body().deepCopy();
        connector.put("baseUrl", weather.baseUrl().toString());
        metadata.saveAndPublish(tenantId, MetadataKind.CONNECTOR, "weather", connector, "test");
        calmWeather();
        zone = records.create(tenantId, "site_zone", json.createObjectNode().put("name", "1# 码头管廊")
                .put("areaClass", "zone-1"), null, "test", Locale.SIMPLIFIED_CHINESE).id();
        api.upload("admin", "持证台账.csv", templates.resource("lng-terminal", "demo/roster.csv"));
    }

    @AfterAll
    void stopWeather() {
        weather.close();
    }

    @Test
    @Order(1)
    @DisplayName("An issued hot-work permit waits for its work leader to accept it")
    void issuedPermitWaitsForAcceptance() throws Exception {
        hotWork = api.issue("hot-work", hotWorkData(), List.of("leader", "unithead", "engineer", "director"));

        JsonNode forLeader = get("leader", site(hotWork));
        JsonNode forWorker = get("worker", site(hotWork));

        assertThat(forLeader.path("state").asString()).isEqualTo("ISSUED");
        assertThat(forLeader.path("stateName").asString()).isEqualTo("已签发，待接票");
        assertThat(steps(forLeader, "available")).containsExactly("ACCEPT", "CANCEL");
        assertThat(steps(forWorker, "allowed")).containsExactly("ACCEPT", "CANCEL");
        assertThat(steps(forWorker, "available")).containsExactly("CANCEL");
        assertThat(forLeader.path("preStartCheckRole").asString()).isEqualTo("TEAM_LEADER");
        assertThat(forLeader.path("fireWatchRequired").asBoolean()).isTrue();
        assertThat(forLeader.path("fireWatch").asString()).isEqualTo("监火人（作业票上的监护人）“何班长”");
    }

    @Test
    @Order(2)
    @DisplayName("A worker cannot accept, and starting before acceptance names the state and the caller's steps")
    void rolesAndStatesAreChecked() throws Exception {
        JsonNode byWorker = post("worker", site(hotWork) + "/accept", null, 403);
        JsonNode tooEarly = post("leader", site(hotWork) + "/start", null, 409);
        JsonNode tooEarlyInEnglish = send("leader", site(hotWork) + "/start", null, "en", 409);
        JsonNode byEngineer = post("engineer", site(hotWork) + "/start", null, 409);
        JsonNode byTeamLeader = post("teamlead", site(hotWork) + "/start", null, 409);
        JsonNode byTeamLeaderInEnglish = send("teamlead", site(hotWork) + "/start", null, "en", 409);

        assertThat(byWorker.path("code").asString()).isEqualTo("site.forbidden");
        assertThat(byWorker.path("message").asString())
                .isEqualTo("作业票 " + NUMBER + " 的“接票”只能由作业负责人“王建国”操作，用户“李强”不能操作");
        assertThat(tooEarly.path("message").asString()).isEqualTo("作业票 " + NUMBER
                + " 当前现场状态为“已签发，待接票”，不能“开始作业”；您现在可以：接票、取消作业票");
        assertThat(tooEarly.path("details").valueStream().map(detail -> detail.path("path").asString()).toList())
                .containsExactly("ACCEPT", "CANCEL");
        assertThat(tooEarlyInEnglish.path("message").asString()).isEqualTo("Permit " + NUMBER
                + " is \"Issued, not accepted yet\" on site, so \"Start work\" is not possible; you may now: "
                + "Accept, Cancel");
        assertThat(byEngineer.path("message").asString()).isEqualTo("作业票 " + NUMBER
                + " 当前现场状态为“已签发，待接票”，不能“开始作业”；您现在可以：取消作业票");
        assertThat(byEngineer.path("details").valueStream().map(detail -> detail.path("path").asString()).toList())
                .as("the steps the state allows, whoever takes them").containsExactly("ACCEPT", "CANCEL");
        assertThat(byTeamLeader.path("message").asString()).isEqualTo("作业票 " + NUMBER
                + " 当前现场状态为“已签发，待接票”，不能“开始作业”；您在此状态下不能进行任何现场步骤；“接票”由作业负责人“王建国”操作；"
                + "“取消作业票”由作业负责人“王建国”、申请人“李强”、安全总监、安全工程师、所在单位负责人操作");
        assertThat(byTeamLeaderInEnglish.path("message").asString()).isEqualTo("Permit " + NUMBER
                + " is \"Issued, not accepted yet\" on site, so \"Start work\" is not possible; you may take no site "
                + "step in this state; \"Accept\" is for the work leader 王建国; \"Cancel\" is for the work leader "
                + "王建国, the applicant 李强, safety directors, safety engineers, unit heads");
    }

    @Test
    @Order(3)
    @DisplayName("Work starts after acceptance, a passed gas test and the shift leader's check")
    void workStartsAfterGasTestAndShiftCheck() throws Exception {
        CLOCK.advance(Duration.ofMinutes(10));
        JsonNode accepted = post("leader", site(hotWork) + "/accept", Map.of("note", "已到现场"), 200);
        JsonNode startWithoutGas = post("leader", site(hotWork) + "/start", null, 409);
        post("leader", gasReadings(hotWork), api.gasReading("GD-07", 30), 201);
        JsonNode afterFailedTest = get("leader", site(hotWork));
        post("leader", gasReadings(hotWork), api.gasReading("GD-07", 4), 201);
        JsonNode afterPassedTest = get("leader", site(hotWork));
        JsonNode checkByLeader = post("leader", site(hotWork) + "/pre-start-check",
                Map.of("confirmedMeasures", List.of(1, 3)), 403);
        JsonNode unconfirmedCheck = post("teamlead", site(hotWork) + "/pre-start-check", Map.of(), 422);
        JsonNode singleTick = post("teamlead", site(hotWork) + "/pre-start-check",
                Map.of("measuresConfirmed", true), 422);
        JsonNode oneMissing = post("teamlead", site(hotWork) + "/pre-start-check",
                Map.of("confirmedMeasures", List.of(1)), 422);
        JsonNode oneMissingInEnglish = send("teamlead", site(hotWork) + "/pre-start-check",
                Map.of("confirmedMeasures", List.of(1)), "en", 422);
        JsonNode notApplying = post("teamlead", site(hotWork) + "/pre-start-check",
                Map.of("confirmedMeasures", List.of(1, 2, 3)), 422);
        JsonNode checked = post("teamlead", site(hotWork) + "/pre-start-check",
                Map.of("confirmedMeasures", List.of(1, 3), "note", "措施逐项核对"), 200);
        post("engineer", site(hotWork) + "/start", null, 403);
        long venting = records.create(tenantId, "site_activity", json.createObjectNode().put("kind", "venting")
                .put("siteZone", zone).put("description", "V-101 放空").put("startsAt", rfc3339(now()))
                .put("endsAt", rfc3339(now().plusHours(1))), null, "test", Locale.SIMPLIFIED_CHINESE).id();
        JsonNode startNearVenting = post("leader", site(hotWork) + "/start", null, 422);
        records.delete(tenantId, "site_activity", venting, null, "test");
        JsonNode started = post("leader", site(hotWork) + "/start", null, 200);

        assertThat(accepted.path("state").asString()).isEqualTo("ACCEPTED");
        assertThat(accepted.path("workLeader").asString()).isEqualTo(user("leader"));
        assertThat(accepted.path("validUntil").asString()).isEqualTo("2026-12-04T08:10:00Z");
        assertThat(steps(startWithoutGas, "details")).containsExactly("GAS_TEST", "EXTEND", "CANCEL");
        assertThat(afterFailedTest.path("state").asString()).isEqualTo("ACCEPTED");
        assertThat(afterPassedTest.path("state").asString()).isEqualTo("GAS_TESTED");
        assertThat(checkByLeader.path("message").asString()).contains("班组长（岗位当班班长）");
        assertThat(afterPassedTest.path("measures").valueStream().map(measure -> measure.path("measure").asInt()))
                .containsExactly(1, 3);
        assertThat(afterPassedTest.path("measures").get(1).path("item").asString()).isEqualTo(EXTINGUISHERS);
        assertThat(unconfirmedCheck.path("code").asString()).isEqualTo("site.measures.unconfirmed");
        assertThat(unconfirmedCheck.path("message").asString()).contains("第 1 项", "第 3 项");
        assertThat(singleTick.path("code").asString()).isEqualTo("site.measures.confirmEach");
        assertThat(oneMissing.path("message").asString())
                .isEqualTo("“作业前验票”前须逐项确认安全措施，尚未确认：第 3 项“现场配备灭火器（2）台，灭火毯（1）块…”；"
                        + "请到现场核实后勾选再提交");
        assertThat(oneMissingInEnglish.path("message").asString())
                .contains("not confirmed: measure 3 \"现场配备灭火器（2）台，灭火毯（1）块…\"");
        assertThat(notApplying.path("code").asString()).isEqualTo("site.measures.unknown");
        assertThat(notApplying.path("message").asString()).contains("第 2 项不是本作业票涉及的安全措施");
        assertThat(checked.path("state").asString()).isEqualTo("PRE_START_CHECKED");
        JsonNode check = timeline(hotWork).valueStream()
                .filter(event -> event.path("action").asString().equals("PRE_START_CHECK")).findFirst().orElseThrow();
        assertThat(check.path("details").path("confirmedMeasures").valueStream().map(JsonNode::asInt))
                .containsExactly(1, 3);
        assertThat(startNearVenting.path("code").asString()).isEqualTo("site.refused");
        assertThat(startNearVenting.path("details").get(0).path("path").asString())
                .isEqualTo("simops.release-near-hot-work@activity-" + venting);
        assertThat(startNearVenting.path("message").asString()).contains("“V-101 放空”（1# 码头管廊）相距 0 m",
                "GB 30871-2022 5.2.9");
        assertThat(started.path("state").asString()).isEqualTo("IN_PROGRESS");
        JsonNode failedTest = timeline(hotWork).get(1);
        assertThat(failedTest.path("action").asString()).isEqualTo("GAS_TEST");
        assertThat(failedTest.path("passed").asBoolean()).isFalse();
        assertThat(failedTest.path("reasons").get(0).path("code").asString())
                .isEqualTo("hot-work.gas.flammable-over-limit");
        assertThat(failedTest.path("reasons").get(0).path("message").asString())
                .isEqualTo("检测仪 GD-07 测得可燃气体（甲烷）1.5 %vol，超过动火分析合格值 0.5 %vol — GB 30871-2022 5.3.2");
    }

    @Test
    @Order(4)
    @DisplayName("Wind rising to level 5 suspends open-air hot work and tells the work leader and safety director")
    void levelFiveWindSuspends() throws Exception {
        CLOCK.advance(Duration.ofMinutes(5));
        weather.setObservation("30", "5", "16", "55", now().minusMinutes(5));

        PermitSiteWatcher.WatchRun run = watcher.runNow();

        JsonNode suspended = get("leader", site(hotWork));
        JsonNode reason = suspended.path("suspension").get(0);
        assertThat(run.suspended()).as("permits suspended in every tenant of the test database").isPositive();
        assertThat(suspended.path("state").asString()).isEqualTo("SUSPENDED_ON_SITE");
        assertThat(reason.path("code").asString()).isEqualTo("hot-work.wind.open-air");
        assertThat(reason.path("message").asString())
                .isEqualTo("当前风速 8.3 m/s（5级），达到露天动火停止条件 — GB 30871-2022 5.2.15");
        assertThat(reason.path("value").asString()).isEqualTo("8.3");
        assertThat(reason.path("limit").asString()).isEqualTo("8");
        assertThat(reason.path("source").asString()).isEqualTo("GB 30871-2022 5.2.15");
        for (String recipient : List.of("leader", "director")) {
            assertThat(get(recipient, "/api/notifications/inbox").valueStream()
                    .filter(notice -> notice.path("topic").asString().equals("permit.site.suspended"))
                    .map(notice -> notice.path("subject").asString()))
                    .as("notice for %s", recipient)
                    .containsExactly("作业票 " + NUMBER + " 已暂停作业");
        }
        JsonNode stillWindy = post("leader", site(hotWork) + "/resume", null, 422);
        assertThat(stillWindy.path("details").get(0).path("path").asString()).isEqualTo("hot-work.wind.open-air");

        calmWeather();
        JsonNode resumed = post("leader", site(hotWork) + "/resume", null, 200);
        assertThat(resumed.path("state").asString()).isEqualTo("IN_PROGRESS");
        assertThat(resumed.path("suspension")).isEmpty();
    }

    @Test
    @Order(5)
    @DisplayName("Grade 一级 hot work resumes without a re-test after a 29-minute stop")
    void resumesAfterTwentyNineMinutes() throws Exception {
        String suspendedAt = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(now());
        post("leader", site(hotWork) + "/suspend", Map.of("reason", "吊装作业临时占用通道"), 200);
        CLOCK.advance(Duration.ofMinutes(29));
        calmWeather();

        JsonNode resumed = post("leader", site(hotWork) + "/resume", null, 200);

        assertThat(resumed.path("state").asString()).isEqualTo("IN_PROGRESS");
        assertThat(last(timeline(hotWork)).path("details").path("stoppedMinutes").asInt()).isEqualTo(29);
        assertThat(notices("director", "permit.site.suspended").stream()
                .filter(notice -> notice.path("sender").asString().equals(user("leader"))))
                .singleElement()
                .satisfies(notice -> {
                    assertThat(notice.path("subject").asString()).isEqualTo("作业票 " + NUMBER + " 已暂停作业");
                    assertThat(notice.path("body").asString()).isEqualTo("作业票 " + NUMBER + " 于 " + suspendedAt
                            + " 由“王建国”暂停作业，原因：吊装作业临时占用通道。消除原因（必要时重新检测气体）后，由作业负责人恢复作业。");
                    assertThat(notice.path("senderName").asString()).isEqualTo("王建国");
                });
        assertThat(notices("leader", "permit.site.suspended")).as("no notice to the person who suspended")
                .noneMatch(notice -> notice.path("body").asString().contains("吊装作业临时占用通道"));
    }

    @Test
    @Order(6)
    @DisplayName("Grade 一级 hot work stopped for 31 minutes resumes only after a new gas test")
    void resumeAfterThirtyOneMinutesNeedsRetest() throws Exception {
        post("leader", site(hotWork) + "/suspend", Map.of("reason", "午休"), 200);
        CLOCK.advance(Duration.ofMinutes(31));
        calmWeather();

        JsonNode refused = post("leader", site(hotWork) + "/resume", null, 422);
        JsonNode stillSuspended = get("leader", site(hotWork));
        post("leader", gasReadings(hotWork), api.gasReading("GD-07", 2), 201);
        JsonNode resumed = post("leader", site(hotWork) + "/resume", null, 200);

        assertThat(refused.path("code").asString()).isEqualTo("site.refused");
        assertThat(refused.path("message").asString()).isEqualTo("作业票 " + NUMBER + " 不能“恢复作业”：一级动火已中断 31 "
                + "分钟，超过 30 分钟，中断后尚未重新进行动火分析；请重新分析合格后再恢复作业 — GB 30871-2022 5.3");
        assertThat(refused.path("details").get(0).path("path").asString())
                .isEqualTo("hot-work.site.resume.retest-missing");
        assertThat(stillSuspended.path("state").asString()).isEqualTo("SUSPENDED_ON_SITE");
        assertThat(resumed.path("state").asString()).isEqualTo("IN_PROGRESS");
        assertThat(auditActions(hotWork)).contains("permit.site.resume-refused");
    }

    @Test
    @Order(7)
    @DisplayName("A lift near running hot work warns once, and a release registered next to it suspends it at once")
    void simopsRecheckedWhileWorkRuns() throws Exception {
        long lift = insertIssuedPermit("lifting", json.createObjectNode().put("siteZone", zone)
                .put("workStart", rfc3339(now().minusHours(1))).put("workEnd", rfc3339(now().plusHours(4))));
        PermitSiteWatcher.WatchRun warned = watcher.runNow();
        PermitSiteWatcher.WatchRun again = watcher.runNow();
        JsonNode afterWarning = get("leader", site(hotWork));

        // The safety engineer registers the release through the records API for after the hot work's validity ends
        // at 16:10, then moves it to now. No watcher pass runs in between.
        ObjectNode release = json.createObjectNode().put("kind", "venting").put("siteZone", zone)
                .put("description", "V-102 放空").put("startsAt", rfc3339(now().plusHours(6)))
                .put("endsAt", rfc3339(now().plusHours(7)));
        JsonNode registered = post("engineer", "/api/records/site_activity", Map.of("data", release), 201);
        long venting = registered.path("id").asLong();
        JsonNode afterLaterRelease = get("leader", site(hotWork));
        release.put("startsAt", rfc3339(now())).put("endsAt", rfc3339(now().plusHours(1)));
        JsonNode moved = api.put("engineer", "/api/records/site_activity/" + venting,
                Map.of("data", release, "rowVersion", 1), 200);
        JsonNode suspended = get("leader", site(hotWork));
        calmWeather();
        JsonNode stillVenting = post("leader", site(hotWork) + "/resume", null, 422);
        records.delete(tenantId, "site_activity", venting, null, "test");
        jdbc.sql("update permit set status = 'CANCELLED' where id = ?").param(lift).update();
        JsonNode resumed = post("leader", site(hotWork) + "/resume", null, 200);

        String liftCode = "simops.lifting-near-permit@permit-" + lift;
        String releaseCode = "simops.release-near-hot-work@activity-" + venting;
        List<JsonNode> warnings = timeline(hotWork).valueStream()
                .filter(event -> event.path("action").asString().equals("SIMOPS_WARNING"))
                .toList();
        assertThat(warned.simopsWarned()).isPositive();
        assertThat(again.simopsWarned()).as("the same warning is not sent twice").isZero();
        assertThat(afterWarning.path("state").asString()).isEqualTo("IN_PROGRESS");
        assertThat(warnings).singleElement().satisfies(event -> {
            assertThat(event.path("stateAfter").asString()).isEqualTo("IN_PROGRESS");
            assertThat(event.path("reasons").get(0).path("code").asString()).isEqualTo(liftCode);
        });
        assertThat(registered.path("entity").asString()).isEqualTo("site_activity");
        assertThat(afterLaterRelease.path("state").asString()).as("a release after the validity").isEqualTo(
                "IN_PROGRESS");
        assertThat(moved.path("rowVersion").asInt()).isEqualTo(2);
        assertThat(suspended.path("state").asString()).isEqualTo("SUSPENDED_ON_SITE");
        JsonNode reason = suspended.path("suspension").get(0);
        assertThat(reason.path("code").asString()).isEqualTo(releaseCode);
        assertThat(reason.path("message").asString()).contains("“V-102 放空”（1# 码头管廊）相距 0 m",
                "GB 30871-2022 5.2.9");
        assertThat(timeline(hotWork).valueStream()
                .filter(event -> event.path("action").asString().equals("AUTO_SUSPEND"))
                .filter(event -> event.path("reasons").get(0).path("code").asString().equals(releaseCode)))
                .singleElement()
                .satisfies(event -> assertThat(event.path("actor").asString()).isEqualTo(AuditLog.SYSTEM_ACTOR));
        for (String recipient : List.of("leader", "director")) {
            assertThat(inbox(recipient, "permit.site.simops-warning"))
                    .as("SIMOPS warning for %s", recipient)
                    .containsExactly("作业票 " + NUMBER + " 作业中出现交叉作业提醒");
        }
        assertThat(inbox("leader", "permit.site.suspended")).as("wind and release for the leader").hasSize(2);
        assertThat(inbox("director", "permit.site.suspended"))
                .as("wind, release and the leader's two suspensions by hand for the director").hasSize(4);
        assertThat(last(timeline(hotWork)).path("action").asString()).isEqualTo("RESUME");
        assertThat(stillVenting.path("details").get(0).path("path").asString()).isEqualTo(releaseCode);
        assertThat(resumed.path("state").asString()).isEqualTo("IN_PROGRESS");
    }

    @Test
    @Order(8)
    @DisplayName("Grade 一级 hot work is extended to 8 hours of validity and not beyond, to an ISO-8601 time only")
    void extensionStaysWithinEightHours() throws Exception {
        OffsetDateTime workStart = OffsetDateTime.parse("2026-12-04T10:10:00+08:00");

        Map<String, String> halfHourBeyond = Map.of("until", rfc3339(workStart.plusHours(8).plusMinutes(30)),
                "reason", "管线支架增加焊缝");

        JsonNode numeric = post("engineer", site(hotWork) + "/extend", Map.of("until", 12, "reason", "增加焊缝"), 400);
        JsonNode digits = send("engineer", site(hotWork) + "/extend", Map.of("until", "12"), "en", 400);
        JsonNode beyond = post("engineer", site(hotWork) + "/extend", halfHourBeyond, 422);
        JsonNode beyondInEnglish = send("engineer", site(hotWork) + "/extend", halfHourBeyond, "en", 422);
        post("leader", site(hotWork) + "/extend", Map.of("until", rfc3339(workStart.plusHours(8)), "reason", "增加焊缝"),
                403);
        JsonNode extended = post("engineer", site(hotWork) + "/extend",
                Map.of("until", rfc3339(workStart.plusHours(8)), "reason", "管线支架增加焊缝"), 200);
        JsonNode atLimit = post("engineer", site(hotWork) + "/extend",
                Map.of("until", rfc3339(workStart.plusHours(8).plusMinutes(20)), "reason", "再增加焊缝"), 422);

        assertThat(numeric.path("code").asString()).isEqualTo("api.badField");
        assertThat(numeric.path("message").asString()).isEqualTo("字段“until”的值“12”无效，应为带时区的日期时间，"
                + "如 2026-12-05T08:00:00+08:00；请修改后重新提交");
        assertThat(digits.path("message").asString()).isEqualTo("Field \"until\" has the invalid value \"12\"; "
                + "expected a date and time with an offset, such as 2026-12-05T08:00:00+08:00. Correct it and send "
                + "the request again");
        assertThat(beyond.path("details").get(0).path("path").asString())
                .isEqualTo("hot-work.validity.special-and-first-grade");
        assertThat(beyond.path("details").get(0).path("message").asString()).isEqualTo("一级动火作业时段 8.5 h，超过作业证"
                + "有效期 8 h；请缩短作业时段或分开办证 — GB 30871-2022 第5章 动火作业分级（条款号未核实）");
        assertThat(beyond.path("code").asString()).isEqualTo("site.refused");
        assertThat(beyond.path("message").asString()).isEqualTo("作业票 " + NUMBER + " 不能“延期”：一级动火作业时段 8.5 h，"
                + "超过作业证有效期 8 h；请缩短作业时段或分开办证 — GB 30871-2022 第5章 动火作业分级（条款号未核实）。在有效期上限内"
                + "最晚可延至 2026-12-04 18:10；请填写不晚于 2026-12-04 18:10 的结束时间后再提交");
        assertThat(beyondInEnglish.path("message").asString()).startsWith("Permit " + NUMBER + " cannot \"Extend\": ")
                .endsWith(". The latest end within the validity limit is 2026-12-04 18:10; enter an end no later "
                        + "than 2026-12-04 18:10 and submit again");
        assertThat(extended.path("validUntil").asString()).isEqualTo("2026-12-04T10:10:00Z");
        assertThat(extended.path("state").asString()).isEqualTo("IN_PROGRESS");
        assertThat(atLimit.path("message").asString()).endsWith("（条款号未核实）。有效期上限在 2026-12-04 18:10，不能再延期；"
                + "如需继续作业，请重新办理作业票（GB 30871-2022 4.16）");
    }

    @Test
    @Order(9)
    @DisplayName("The incoming work leader takes over only after a new gas test and confirmed measures")
    void handOverNeedsNewGasTest() throws Exception {
        CLOCK.advance(Duration.ofHours(2));
        calmWeather();

        Map<String, Object> allMeasures = Map.of("confirmedMeasures", List.of(1, 3));
        JsonNode stale = post("nightleader", site(hotWork) + "/hand-over", allMeasures, 422);
        JsonNode bySameLeader = post("leader", site(hotWork) + "/hand-over", allMeasures, 403);
        JsonNode unconfirmed = post("nightleader", site(hotWork) + "/hand-over", Map.of(), 422);
        post("nightleader", gasReadings(hotWork), api.gasReading("GD-11", 1), 201);
        JsonNode oneMissing = post("nightleader", site(hotWork) + "/hand-over",
                Map.of("confirmedMeasures", List.of(3)), 422);
        JsonNode handedOver = post("nightleader", site(hotWork) + "/hand-over",
                Map.of("confirmedMeasures", List.of(3, 1), "note", "已复查隔离与消防器材"), 200);

        assertThat(stale.path("details").get(0).path("path").asString()).isEqualTo("hot-work.site.handover.gas-stale");
        assertThat(stale.path("details").get(0).path("message").asString()).startsWith("交接班须重新进行动火分析：");
        assertThat(bySameLeader.path("code").asString()).isEqualTo("site.forbidden");
        assertThat(unconfirmed.path("code").asString()).isEqualTo("site.measures.unconfirmed");
        assertThat(oneMissing.path("message").asString()).contains("尚未确认：第 1 项“动火点周围 15 m 内可燃物已清理，可…”")
                .doesNotContain("第 3 项");
        assertThat(handedOver.path("workLeader").asString()).isEqualTo(user("nightleader"));
        JsonNode handOver = last(timeline(hotWork)).path("details");
        assertThat(handOver.path("from").asString()).isEqualTo(user("leader"));
        assertThat(handOver.path("confirmedMeasures").valueStream().map(JsonNode::asInt)).containsExactly(1, 3);
    }

    @Test
    @Order(10)
    @DisplayName("Only the named fire watch confirms the site after hot work, and the leader's own tick does not count")
    void fireWatchConfirmsBeforeClose() throws Exception {
        JsonNode leaderTick = post("nightleader", site(hotWork) + "/close",
                Map.of("inspected", true, "fireWatchConfirmed", true), 422);
        JsonNode leaderTickInEnglish = send("nightleader", site(hotWork) + "/close",
                Map.of("inspected", true, "fireWatchConfirmed", true), "en", 422);
        JsonNode byLeader = post("nightleader", site(hotWork) + "/fire-watch-confirm", checklist(true), 403);
        JsonNode incomplete = post("teamlead", site(hotWork) + "/fire-watch-confirm",
                Map.of("noOpenFire", true, "areaChecked", true), 422);
        JsonNode confirmed = post("teamlead", site(hotWork) + "/fire-watch-confirm", checklist(true), 200);

        assertThat(leaderTick.path("code").asString()).isEqualTo("site.fireWatchNotConfirmed");
        assertThat(leaderTick.path("message").asString()).isEqualTo("动火作业须先由监火人（作业票上的监护人）“何班长”确认现场无明火、"
                + "无阴燃、周边已检查，才能关闭（GB 30871-2022 附录 A 动火安全作业票（完工验收））；请监火人在作业票页面点击“监火确认”，"
                + "恢复作业后须重新确认");
        assertThat(leaderTickInEnglish.path("message").asString()).startsWith("Hot work closes only after the fire "
                + "watch (the guardian named on the permit) \"何班长\" confirms");
        assertThat(byLeader.path("code").asString()).isEqualTo("site.forbidden");
        assertThat(byLeader.path("message").asString()).contains("只能由监火人（作业票上的监护人）“何班长”操作");
        assertThat(incomplete.path("message").asString())
                .isEqualTo("监火确认须逐项确认，尚未确认：无阴燃、无残留火种；请检查现场后勾选再提交");
        assertThat(confirmed.path("state").asString()).isEqualTo("IN_PROGRESS");
        assertThat(confirmed.path("fireWatchConfirmation").path("actorName").asString()).isEqualTo("何班长");
        JsonNode entry = last(timeline(hotWork));
        assertThat(entry.path("action").asString()).isEqualTo("FIRE_WATCH_CONFIRM");
        assertThat(entry.path("actor").asString()).isEqualTo(user("teamlead"));
        assertThat(entry.path("details").path("noSmouldering").asBoolean()).isTrue();
        assertThat(entry.path("details").path("fireWatchName").asString()).isEqualTo("何班长");
        assertThat(auditActions(hotWork)).contains("permit.site.fire-watch-confirm");
    }

    @Test
    @Order(11)
    @DisplayName("Work resumed after the fire watch's confirmation needs a new one before the close")
    void closesWithFireWatch() throws Exception {
        post("nightleader", site(hotWork) + "/suspend", Map.of("reason", "复查"), 200);
        post("nightleader", site(hotWork) + "/resume", null, 200);
        JsonNode afterResume = post("nightleader", site(hotWork) + "/close", Map.of("inspected", true), 422);
        post("teamlead", site(hotWork) + "/fire-watch-confirm", checklist(true), 200);
        post("worker", "/api/permits/" + hotWork + "/presence/check-in", Map.of("lat", 30.62, "lon", 122.06,
                "accuracy", 10, "deviceTime", rfc3339(now())), 200);
        post("leader", site(hotWork) + "/close", Map.of("inspected", true), 403);
        JsonNode closed = post("nightleader", site(hotWork) + "/close",
                Map.of("inspected", true, "note", "监火 30 分钟，无残留火种"), 200);
        JsonNode afterClose = post("nightleader", site(hotWork) + "/suspend", Map.of("reason", "复查"), 409);

        assertThat(afterResume.path("code").asString()).isEqualTo("site.fireWatchNotConfirmed");
        assertThat(closed.path("state").asString()).isEqualTo("CLOSED");
        assertThat(closed.path("available")).isEmpty();
        assertThat(last(timeline(hotWork)).path("details").path("fireWatchConfirmedBy").asString())
                .isEqualTo(user("teamlead"));
        assertThat(afterClose.path("message").asString())
                .endsWith("当前现场状态为“已完工关闭”，不能“暂停作业”；此状态下不能再进行任何现场步骤");
        assertThat(timeline(hotWork).valueStream().map(event -> event.path("action").asString()).toList())
                .containsExactly("ACCEPT", "GAS_TEST", "GAS_TEST", "PRE_START_CHECK", "START", "AUTO_SUSPEND",
                        "RESUME", "SUSPEND", "RESUME", "SUSPEND", "GAS_TEST", "RESUME", "SIMOPS_WARNING",
                        "AUTO_SUSPEND", "RESUME", "EXTEND", "GAS_TEST", "HAND_OVER", "FIRE_WATCH_CONFIRM", "SUSPEND",
                        "RESUME", "FIRE_WATCH_CONFIRM", "CLOSE");
        assertThat(timeline(hotWork).get(5).path("actorName").asString()).isEqualTo("系统（现场监测）");
        assertThat(auditActions(hotWork)).contains("permit.site.accept", "permit.site.gas-test",
                "permit.site.pre-start-check", "permit.site.start", "permit.site.auto-suspend", "permit.site.suspend",
                "permit.site.resume", "permit.site.extend-refused", "permit.site.extend",
                "permit.site.hand-over-refused", "permit.site.hand-over", "permit.site.fire-watch-confirm",
                "permit.site.close");
        assertThat(get("worker", "/api/permits/" + hotWork).path("status").asString()).isEqualTo("ISSUED");
    }

    @Test
    @Order(12)
    @DisplayName("A confined-space permit gets a due re-test and is suspended when the 2-hour re-test is missed")
    void missedTwoHourRetestSuspends() throws Exception {
        confinedSpace = api.issue("confined-space", confinedSpaceData(), List.of("leader", "unithead"));
        post("leader", site(confinedSpace) + "/accept", null, 200);
        post("leader", gasReadings(confinedSpace), api.gasReading("GD-21", 0), 201);
        JsonNode tooEarly = post("leader", site(confinedSpace) + "/start", null, 422);
        JsonNode tooEarlyInEnglish = send("leader", site(confinedSpace) + "/start", null, "en", 422);
        CLOCK.advance(Duration.ofMinutes(10));
        post("leader", gasReadings(confinedSpace), api.gasReading("GD-21", 0), 201);
        JsonNode started = post("leader", site(confinedSpace) + "/start", null, 200);
        Instant tested = now().minusMinutes(1).toInstant();

        assertThat(tooEarly.path("details").get(0).path("path").asString()).isEqualTo("site.window.before-start");
        assertThat(tooEarly.path("message").asString()).isEqualTo("作业票 " + number(confinedSpace) + " 不能“开始作业”：尚未到"
                + "作业票批准的作业开始时间 2026-12-04 13:25（现在 2026-12-04 13:15）；请等到 2026-12-04 13:25 后再作业，如需提前作业"
                + "请重新申请作业票 — 企业实践：作业只在作业票有效期内进行，有效期自批准的作业开始时间起算");
        assertThat(tooEarlyInEnglish.path("message").asString()).contains("The approved work start 2026-12-04 13:25 "
                + "has not come yet (now 2026-12-04 13:15)");
        assertThat(auditActions(confinedSpace)).contains("permit.site.start-refused");

        CLOCK.advance(Duration.ofMinutes(110));
        watcher.runNow();
        JsonNode due = get("leader", site(confinedSpace));
        CLOCK.advance(Duration.ofMinutes(11));
        watcher.runNow();
        JsonNode overdue = get("leader", site(confinedSpace));

        assertThat(started.path("preStartCheckRole").isNull()).isTrue();
        assertThat(due.path("state").asString()).isEqualTo("IN_PROGRESS");
        assertThat(Instant.parse(due.path("openRetest").path("dueAt").asString()))
                .isEqualTo(tested.plus(Duration.ofHours(2)));
        assertThat(get("leader", "/api/notifications/inbox").valueStream()
                .map(notice -> notice.path("topic").asString())).contains("permit.site.retest-due");
        assertThat(overdue.path("state").asString()).isEqualTo("SUSPENDED_ON_SITE");
        assertThat(overdue.path("suspension").get(0).path("code").asString())
                .isEqualTo("confined-space.site.retest-overdue");
        assertThat(overdue.path("suspension").get(0).path("message").asString()).isEqualTo("距上次合格气体检测已 122 分钟，"
                + "超过 120 分钟的复测间隔；请重新检测合格后再作业 — GB 30871-2022 6.5");
        assertThat(overdue.path("openRetest").isNull()).isTrue();
        assertThat(timeline(confinedSpace).valueStream().map(event -> event.path("action").asString()).toList())
                .containsExactly("ACCEPT", "GAS_TEST", "GAS_TEST", "START", "RETEST_DUE", "AUTO_SUSPEND");

        post("leader", gasReadings(confinedSpace), api.gasReading("GD-21", 0), 201);
        assertThat(post("leader", site(confinedSpace) + "/resume", null, 200).path("state").asString())
                .isEqualTo("IN_PROGRESS");
    }

    @Test
    @Order(13)
    @DisplayName("The watcher keeps the ruleset version in force until a re-test adopts the newer published one")
    void reTestAdoptsTheCurrentRuleset() throws Exception {
        ObjectNode ruleset = (ObjectNode) metadata.requirePublished(tenantId, MetadataKind.RULESET,
                "confined-space").body().deepCopy();
        ((ObjectNode) ruleset.path("thresholds").path("monitoringRecordIntervalHours")).put("value", 1);
        int newer = metadata.saveAndPublish(tenantId, MetadataKind.RULESET, "confined-space", ruleset,
                "test").version();

        CLOCK.advance(Duration.ofMinutes(65));
        watcher.runNow();
        JsonNode underApprovedRules = get("leader", site(confinedSpace));
        post("leader", gasReadings(confinedSpace), api.gasReading("GD-21", 0), 201);
        JsonNode afterRetest = get("leader", site(confinedSpace));
        CLOCK.advance(Duration.ofMinutes(65));
        watcher.runNow();
        JsonNode underNewerRules = get("leader", site(confinedSpace));

        assertThat(underApprovedRules.path("state").asString()).isEqualTo("IN_PROGRESS");
        assertThat(underApprovedRules.path("rulesetVersion").asInt()).isLessThan(newer);
        assertThat(afterRetest.path("rulesetVersion").asInt()).isEqualTo(newer);
        assertThat(underNewerRules.path("state").asString()).isEqualTo("SUSPENDED_ON_SITE");
        assertThat(underNewerRules.path("suspension").get(0).path("limit").asString()).isEqualTo("60");
    }

    @Test
    @Order(14)
    @DisplayName("Suspended work does not resume after the end of validity")
    void noResumeAfterValidity() throws Exception {
        CLOCK.advance(Duration.ofHours(2));
        post("leader", gasReadings(confinedSpace), api.gasReading("GD-21", 0), 201);

        JsonNode expired = post("leader", site(confinedSpace) + "/resume", null, 422);

        assertThat(expired.path("details").get(0).path("path").asString()).isEqualTo("site.window.after-end");
        assertThat(expired.path("details").get(0).path("message").asString()).isEqualTo("作业票有效期已于 2026-12-04 "
                + "19:15 结束（现在 2026-12-04 19:36），不能再作业；请重新申请作业票 — GB 30871-2022 4.16（超过有效期须重新办理作业票）");
        assertThat(get("leader", site(confinedSpace)).path("state").asString()).isEqualTo("SUSPENDED_ON_SITE");
    }

    @Test
    @Order(15)
    @DisplayName("The applicant cancels a suspended permit with a reason, and a draft has no site phase")
    void applicantCancels() throws Exception {
        JsonNode withoutReason = post("worker", site(confinedSpace) + "/cancel", Map.of(), 422);
        JsonNode cancelled = post("worker", site(confinedSpace) + "/cancel", Map.of("reason", "检修计划取消"), 200);
        long draft = post("worker", "/api/permits", Map.of("type", "confined-space", "data", confinedSpaceData()), 201)
                .path("id").asLong();
        JsonNode draftSite = send("worker", site(draft) + "/accept", null, "zh-CN", 422);

        assertThat(withoutReason.path("message").asString()).isEqualTo("“取消作业票”须填写原因；请填写后再提交");
        assertThat(cancelled.path("state").asString()).isEqualTo("CANCELLED");
        assertThat(cancelled.path("workLeader").asString()).isEqualTo(user("leader"));
        assertThat(last(timeline(confinedSpace)).path("reasons").get(0).path("message").asString())
                .isEqualTo("检修计划取消");
        assertThat(draftSite.path("code").asString()).isEqualTo("site.notIssued");
        assertThat(draftSite.path("message").asString()).isEqualTo("作业票 #" + draft + " 当前为“草稿”，签发后才能进行现场作业");
    }

    @Test
    @Order(16)
    @DisplayName("The e-permit PDF of the closed and the cancelled permit carries the site record")
    void ePermitPdfCarriesSiteRecord() throws Exception {
        String closed = api.pdfText("worker", "/api/permits/" + hotWork + "/e-permit.pdf", "zh-CN");
        String closedInEnglish = api.pdfText("worker", "/api/permits/" + hotWork + "/e-permit.pdf", "en");
        String cancelled = api.pdfText("worker", "/api/permits/" + confinedSpace + "/e-permit.pdf", "zh-CN");

        String handedOverAt = shanghaiTime(timeline(hotWork), "HAND_OVER");
        String closedAt = shanghaiTime(timeline(hotWork), "CLOSE");
        String fireWatchAt = shanghaiTime(timeline(hotWork), "FIRE_WATCH_CONFIRM");
        assertThat(closed).contains("现场记录", "时间", "操作人", "内容");
        assertThat(closed).contains("接票", "气体检测", "作业前验票", "开始作业", "自动暂停", "暂停作业", "恢复作业", "延期",
                "交接班", "监火确认", "完工验收关闭", "→ 已完工关闭", "交叉作业提醒");
        assertThat(closed).contains("王建国", "赵夜班", "何班长", "系统（现场监测）", "陈工");
        assertThat(closed).contains("原因：吊装作业临时占用通道", "原因：午休", "中断 29 分钟", "有效期延至 2026-12-04 18:10",
                "原因：管线支架增加焊缝", "由“王建国”交给“赵夜班”", "备注：已复查隔离与消防器材",
                "现场无明火、无阴燃、无残留火种", "监火确认：何班长（" + fireWatchAt + "）", "备注：监火 30 分钟，无残留火种",
                "GD-11：甲烷");
        assertThat(closed).contains("赵夜班（" + handedOverAt + " 自王建国接班）", "原作业负责人");
        assertThat(closed).contains("作业票已于 " + closedAt + " 完工关闭，现场不再作业", "结束时未签退 1 人（共签到 1 人）");
        assertThat(closed).doesNotContain("尚无人员签到", "最近定位", "HAND_OVER", "FIRE_WATCH_CONFIRM", "AUTO_SUSPEND",
                "IN_PROGRESS", "CLOSED", "hot-work.", "e2e-site-");
        assertThat(closedInEnglish).contains("Site record", "Hand over", "Fire watch check",
                "Handed over from 王建国 to 赵夜班", "Fire watch confirmed by 何班长",
                "赵夜班 (took over from 王建国 at " + handedOverAt + ")", "The permit was closed at " + closedAt);
        assertThat(closedInEnglish).doesNotContain("HAND_OVER", "CLOSED", "e2e-site-");
        assertThat(cancelled).contains("现场记录", "复测提醒", "取消作业票", "原因：检修计划取消",
                "作业票已于 " + shanghaiTime(timeline(confinedSpace), "CANCEL") + " 取消，现场不再作业", "无人签到");
        assertThat(cancelled).doesNotContain("原作业负责人", "CANCELLED", "RETEST_DUE", "e2e-site-");
    }

    /** Returns the time of the last timeline entry of {@code action} as the PDF prints it in Shanghai time. */
    private static String shanghaiTime(JsonNode timeline, String action) {
        Instant at = timeline.valueStream().filter(event -> event.path("action").asString().equals(action))
                .map(event -> Instant.parse(event.path("occurredAt").asString())).reduce((first, second) -> second)
                .orElseThrow();
        return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(at.atZone(SHANGHAI));
    }

    private static Map<String, Object> checklist(boolean confirmed) {
        return Map.of("noOpenFire", confirmed, "noSmouldering", confirmed, "areaChecked", confirmed);
    }

    private String number(long permit) throws Exception {
        return get("leader", "/api/permits/" + permit).path("permitNumber").asString();
    }

    /** Returns a hot-work permit whose measure rows 1 and 3 apply and row 2 does not. */
    private ObjectNode hotWorkData() {
        JsonNode properties = metadata.requirePublished(tenantId, MetadataKind.FORM, "hot-work-permit").body()
                .path("schema").path("properties");
        ObjectNode data = api.hotWorkData(properties, user("leader"), "何班长", LI_QIANG, WANG_JIANGUO)
                .put("siteZone", zone);
        ArrayNode measures = (ArrayNode) data.path("safetyMeasures");
        measures.addObject().put("item", "动火设备内部构件清洗干净，蒸汽吹扫或水洗置换合格").put("applies", false);
        measures.addObject().put("item", EXTINGUISHERS).put("applies", true).put("confirmedBy", "何班长");
        return data;
    }

    private ObjectNode confinedSpaceData() {
        ObjectNode data = json.createObjectNode();
        data.put("applicantUnit", "维修车间");
        data.put("appliedAt", rfc3339(now()));
        data.put("spaceName", "BOG 压缩机入口缓冲罐 V-201");
        data.put("originalMedium", "天然气（甲烷）");
        data.put("workContent", "罐内检查及清理");
        data.put("workUnit", "维修车间");
        data.put("workLeader", user("leader"));
        data.put("guardian", "何班长");
        data.putArray("entrants").addObject().put("name", "李强").put("idNumber", LI_QIANG);
        data.put("isolationMethod", "加盲板");
        data.put("isolationDetail", "入口、出口各加盲板 1 块（MB-11、MB-12）");
        data.put("ventilationMethod", "强制通风");
        ArrayNode gas = data.putArray("gasAnalyses");
        gas.add(gasRow(now().minusMinutes(8), "上部"));
        gas.add(gasRow(now().minusMinutes(6), "下部"));
        data.put("workStart", rfc3339(now().plusMinutes(10)));
        data.put("workEnd", rfc3339(now().plusHours(6)));
        data.put("rescueMeasures", "罐外备正压式空气呼吸器 2 套、救生绳 2 根");
        data.put("riskIdentification", "缺氧窒息；残留天然气中毒、火灾爆炸");
        addMeasure(data, "转动设备已切断电源，电源开关处已加锁并悬挂“禁止合闸”标志牌");
        ObjectNode briefing = data.putObject("briefing");
        briefing.put("givenBy", user("leader"));
        briefing.put("receivedBy", "李强");
        return data;
    }

    private ObjectNode gasRow(OffsetDateTime time, String point) {
        ObjectNode row = json.createObjectNode();
        row.put("time", rfc3339(time));
        row.put("point", point);
        row.put("oxygenPercentVol", new BigDecimal("20.9"));
        row.put("flammableGas", "甲烷");
        row.put("flammableResult", 0);
        row.put("flammableUnit", "%LEL");
        row.put("toxicGas", "硫化氢");
        row.put("toxicResultPpm", 0);
        row.put("analyst", "化验员周八");
        return row;
    }
    private void addMeasure(ObjectNode data, String item) {
        ObjectNode measure = data.putArray("safetyMeasures").addObject();
        measure.put("item", item);
        measure.put("applies", true);
        measure.put("confirmedBy", "何班长");
    }

    /** Inserts an issued permit row of another type, as the SIMOPS check reads permits in flight. */
    private long insertIssuedPermit(String type, ObjectNode data) {
        int formVersion = metadata.requirePublished(tenantId, MetadataKind.FORM, type + "-permit").version();
        Timestamp at = Timestamp.from(CLOCK.instant());
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into permit (tenant_id, permit_type, form_key, form_version, flow_key, ruleset_key, status,
                                    applicant, data, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, 'ISSUED', 'test', ?, ?, ?)""")
                .params(tenantId, type, type + "-permit", formVersion, type + "-approval", type,
                        json.writeValueAsString(data), at, at)
                .update(keys, "id");
        long id = keys.getKey().longValue();
        jdbc.sql("update permit set permit_number = ? where id = ?").params("DZ-" + id, id).update();
        return id;
    }

    private List<String> inbox(String role, String topic) throws Exception {
        return notices(role, topic).stream().map(notice -> notice.path("subject").asString()).toList();
    }

    private List<JsonNode> notices(String role, String topic) throws Exception {
        return get(role, "/api/notifications/inbox").valueStream()
                .filter(notice -> notice.path("topic").asString().equals(topic))
                .toList();
    }

    private void calmWeather() {
        weather.setObservation("12", "2", "16", "55", now().minusMinutes(5));
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.ofInstant(CLOCK.instant(), SHANGHAI);
    }

    private static String rfc3339(OffsetDateTime time) {
        return PermitApiClient.rfc3339(time);
    }

    private static String site(long permit) {
        return "/api/permits/" + permit + "/site";
    }

    private static String gasReadings(long permit) {
        return "/api/permits/" + permit + "/gas-readings";
    }

    private static List<String> steps(JsonNode view, String field) {
        return view.path(field).valueStream()
                .map(step -> step.has("action") ? step.path("action").asString() : step.path("path").asString())
                .toList();
    }

    private static JsonNode last(JsonNode array) {
        return array.get(array.size() - 1);
    }

    private JsonNode timeline(long permit) throws Exception {
        return get("leader", site(permit) + "/timeline");
    }

    private List<String> auditActions(long permit) throws Exception {
        return get("admin", "/api/audit?subjectType=permit&subjectId=" + permit).valueStream()
                .map(entry -> entry.path("action").asString()).toList();
    }

    private String user(String role) {
        return "e2e-site-" + role + "-" + tenantId;
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
}
