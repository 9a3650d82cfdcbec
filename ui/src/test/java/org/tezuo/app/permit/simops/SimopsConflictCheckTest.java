package org.tezuo.app.permit.simops;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.tezuo.app.permit.Permit;
import org.tezuo.app.permit.PermitStore;
import org.tezuo.app.permit.WorkWindow;
import org.tezuo.core.metadata.MetadataStore;
import org.tezuo.form.record.RecordService;
import org.tezuo.metadata.MetadataKind;
import org.tezuo.templates.TemplateInstaller;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Checks permits of the LNG template on PostgreSQL against the other permits and releases of their tenant. Zones lie
 * on a north-south line, 1e-4 degrees of latitude being 11.1 m apart. Every permit works from 09:00 to 17:00 on
 * 2026-12-07 unless a test sets another window.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SimopsConflictCheckTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final String START = "2026-12-07T09:00:00+08:00";
    private static final String END = "2026-12-07T17:00:00+08:00";
    private static final double LATITUDE = 22.5;
    private static final double LONGITUDE = 113.9;

    @Autowired
    TemplateInstaller installer;

    @Autowired
    SimopsConflictCheck check;

    @Autowired
    PermitStore permits;

    @Autowired
    RecordService records;

    @Autowired
    MetadataStore metadata;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    private long tenantId;
    private long tankFarm;
    private long twentyMetresNorth;
    private long tenMetresNorth;
    private long fortyMetresNorth;

    @BeforeEach
    void createTenantWithZones() {
        tenantId = tenant();
        tankFarm = zone(tenantId, "LNG 储罐区", 0);
        twentyMetresNorth = zone(tenantId, "BOG 压缩机区", 0.00018);
        tenMetresNorth = zone(tenantId, "罐区泵池", 0.00009);
        fortyMetresNorth = zone(tenantId, "1# 码头", 0.00036);
    }

    @Test
    @DisplayName("Hot work 20 m from venting is blocked with both parties, the distance, the 30 m limit and 5.2.9")
    void hotWorkNearVentingIsBlocked() {
        long venting = release("venting", "V-101 放空", twentyMetresNorth, START, END);
        Permit hotWork = permit("hot-work", "IN_APPROVAL", hotWorkData(tankFarm));

        List<SimopsConflict> conflicts = check.check(hotWork, hotWork.data(), null);

        assertThat(conflicts).singleElement().satisfies(conflict -> {
            assertThat(conflict.code()).isEqualTo("simops.release-near-hot-work@activity-" + venting);
            assertThat(conflict.severity()).isEqualTo(ConflictSeverity.BLOCK);
            assertThat(conflict.value()).isEqualTo("20");
            assertThat(conflict.limit()).isEqualTo("30");
            assertThat(conflict.source()).isEqualTo("GB 30871-2022 5.2.9");
            assertThat(conflict.messageZh()).isEqualTo("动火安全作业票 #" + hotWork.id()
                    + "与排放可燃气体“V-101 放空”（BOG 压缩机区）相距 20 m，在 30 m 范围内且时段重叠："
                    + "动火期间该范围内不应排放；请错开时段或停止排放 — GB 30871-2022 5.2.9");
            assertThat(conflict.message(Locale.ENGLISH)).isEqualTo("Hot-work permit #" + hotWork.id()
                    + " is 20 m from Venting flammable gas \"V-101 放空\" (BOG 压缩机区), within 30 m, and their windows"
                    + " overlap: no release within that distance during hot work; move the window or stop the release"
                    + " — GB 30871-2022 5.2.9");
        });
    }

    @Test
    @DisplayName("Draining counts within 15 m only, and a release in another window does not count")
    void drainingUsesTheShorterDistanceAndTheWindow() {
        release("draining", "罐底放料", twentyMetresNorth, START, END);
        long near = release("dewatering", "T-101 脱水", tenMetresNorth, START, END);
        release("venting", "夜间放空", tankFarm, "2026-12-07T18:00:00+08:00", "2026-12-07T20:00:00+08:00");
        Permit hotWork = permit("hot-work", "IN_APPROVAL", hotWorkData(tankFarm));

        List<SimopsConflict> conflicts = check.check(hotWork, hotWork.data(), null);

        assertThat(conflicts).extracting(SimopsConflict::code)
                .containsExactly("simops.release-near-hot-work@activity-" + near);
        assertThat(conflicts.getFirst().value()).isEqualTo("10");
        assertThat(conflicts.getFirst().limit()).isEqualTo("15");
    }

    @Test
    @DisplayName("On site, a release that ended before now no longer conflicts with the rest of the window")
    void endedReleaseNoLongerConflictsOnSite() {
        release("venting", "V-101 放空", twentyMetresNorth, START, "2026-12-07T11:00:00+08:00");
        Permit hotWork = permit("hot-work", "ISSUED", hotWorkData(tankFarm));
        Instant duringRelease = OffsetDateTime.parse("2026-12-07T10:30:00+08:00").toInstant();
        Instant afterRelease = OffsetDateTime.parse("2026-12-07T11:00:00+08:00").toInstant();

        assertThat(check.check(hotWork, hotWork.data(), null, duringRelease)).hasSize(1);
        assertThat(check.check(hotWork, hotWork.data(), null, afterRelease)).isEmpty();
        assertThat(check.check(hotWork, hotWork.data(), null)).hasSize(1);
    }

    @Test
    @DisplayName("Two blind-flange permits on one line are blocked whatever the spelling of the line number")
    void twoBlindFlangesOnOneLineAreBlocked() {
        Permit first = permit("blind-flange", "ISSUED", blindFlangeData(tankFarm, "NG-1001/150", false));
        permit("blind-flange", "IN_APPROVAL", blindFlangeData(fortyMetresNorth, "NG-1002-150", false));
        Permit second = permit("blind-flange", "DRAFT", blindFlangeData(fortyMetresNorth, "ｎｇ 1001 150", false));

        List<SimopsConflict> conflicts = check.check(second, second.data(), null);

        assertThat(conflicts).singleElement().satisfies(conflict -> {
            assertThat(conflict.code()).isEqualTo("simops.blind-same-line@permit-" + first.id());
            assertThat(conflict.severity()).isEqualTo(ConflictSeverity.BLOCK);
            assertThat(conflict.source()).isEqualTo("GB 30871-2022 7.10（“不应”）");
            assertThat(conflict.messageZh()).isEqualTo("盲板抽堵安全作业票 #" + second.id() + "与盲板抽堵安全作业票 MB-"
                    + first.id() + "在同一管线“ｎｇ 1001 150”上且时段重叠：不应在同一管道上同时进行两处及以上盲板抽堵作业；"
                    + "请待另一张作业票关闭后再作业 — GB 30871-2022 7.10（“不应”）");
        });
    }

    @Test
    @DisplayName("Only permits of a conflicting type whose stored or accepted window overlaps are read from the store")
    void onlyOverlappingCandidatesOfConflictingTypesAreRead() {
        long blindInWindow = storedWindow(permit("blind-flange", "ISSUED",
                blindFlangeData(tankFarm, "NG-1", false)), START, END);
        storedWindow(permit("blind-flange", "ISSUED", blindFlangeData(tankFarm, "NG-2", false)),
                "2026-12-07T17:00:00+08:00", "2026-12-07T20:00:00+08:00");
        Permit acceptedEarlier = permit("blind-flange", "ISSUED", blindFlangeData(tankFarm, "NG-3", false));
        storedWindow(acceptedEarlier, "2026-12-07T06:00:00+08:00", "2026-12-07T08:00:00+08:00");
        site(acceptedEarlier, "IN_PROGRESS");
        storedWindow(permit("hot-work", "ISSUED", hotWorkData(tankFarm)), START, END);
        long unknownWindow = permit("blind-flange", "IN_APPROVAL", blindFlangeData(tankFarm, "NG-4", false)).id();
        Permit hotWork = permit("hot-work", "DRAFT", hotWorkData(tankFarm));

        List<PermitStore.InFlight> read = permits.inFlight(tenantId, hotWork.id(),
                SimopsConflictCheck.counterparts("hot-work"), new WorkWindow(OffsetDateTime.parse(START).toInstant(),
                        OffsetDateTime.parse(END).toInstant()));

        // The permit accepted for 06:00-08:00 runs until the end of validity accepted on site, which is 17:00.
        assertThat(read).extracting(candidate -> candidate.permit().id())
                .containsExactly(blindInWindow, acceptedEarlier.id(), unknownWindow);
    }

    @Test
    @DisplayName("Closed, cancelled and rejected permits and another tenant's permits are never seen")
    void finishedAndForeignPermitsAreIgnored() {
        Permit closedOnSite = permit("blind-flange", "ISSUED", blindFlangeData(tankFarm, "NG-1001", false));
        site(closedOnSite, "CLOSED");
        permit("blind-flange", "CANCELLED", blindFlangeData(tankFarm, "NG-1001", false));
        permit("blind-flange", "REJECTED", blindFlangeData(tankFarm, "NG-1001", false));
        long otherTenant = tenant();
        long foreignZone = zone(otherTenant, "LNG 储罐区", 0);
        insertPermit(otherTenant, "blind-flange", "ISSUED", blindFlangeData(foreignZone, "NG-1001", false));
        Permit onSite = permit("blind-flange", "ISSUED", blindFlangeData(tankFarm, "NG-1001", false));
        site(onSite, "IN_PROGRESS");
        Permit checked = permit("blind-flange", "DRAFT", blindFlangeData(tankFarm, "NG-1001", false));

        List<SimopsConflict> conflicts = check.check(checked, checked.data(), null);

        assertThat(conflicts).extracting(SimopsConflict::code)
                .containsExactly("simops.blind-same-line@permit-" + onSite.id());
    }

    @Test
    @DisplayName("Hot work within 30 m of a blind-flange job in a fire and explosion area is blocked under 7.6")
    void hotWorkNearBlindFlangeIsBlocked() {
        Permit blind = permit("blind-flange", "ISSUED", blindFlangeData(twentyMetresNorth, "NG-2001", true));
        permit("blind-flange", "ISSUED", blindFlangeData(twentyMetresNorth, "NG-2002", false));
        Permit hotWork = permit("hot-work", "DRAFT", hotWorkData(tankFarm));

        List<SimopsConflict> conflicts = check.check(hotWork, hotWork.data(), null);

        assertThat(conflicts).singleElement().satisfies(conflict -> {
            assertThat(conflict.code()).isEqualTo("simops.hot-work-near-blind@permit-" + blind.id());
            assertThat(conflict.severity()).isEqualTo(ConflictSeverity.BLOCK);
            assertThat(conflict.source()).isEqualTo("GB 30871-2022 7.6");
            assertThat(conflict.value()).isEqualTo("20");
        });
    }

    @Test
    @DisplayName("A lift near another permit warns by default and blocks once the tenant sets the severity to BLOCK")
    void liftNearAnotherPermitWarnsOrBlocks() {
        Permit height = permit("work-at-height", "ISSUED", window(json.createObjectNode().put("siteZone",
                tenMetresNorth)));
        permit("work-at-height", "ISSUED", window(json.createObjectNode().put("siteZone", fortyMetresNorth)));
        Permit lift = permit("lifting", "DRAFT", window(json.createObjectNode().put("siteZone", tankFarm)));

        List<SimopsConflict> warned = check.check(lift, lift.data(), null);
        setThreshold("lifting", "simopsActivePermitSeverity", "BLOCK");
        List<SimopsConflict> blocked = check.check(lift, lift.data(), null);

        assertThat(warned).singleElement().satisfies(conflict -> {
            assertThat(conflict.code()).isEqualTo("simops.lifting-near-permit@permit-" + height.id());
            assertThat(conflict.severity()).isEqualTo(ConflictSeverity.WARN);
            assertThat(conflict.toRiskItem().severity()).isEqualTo("CONFIRM");
            assertThat(conflict.value()).isEqualTo("10");
            assertThat(conflict.limit()).isEqualTo("15");
            assertThat(conflict.source()).startsWith("企业设定；GB 30871-2022 9.2.12");
        });
        assertThat(blocked).extracting(SimopsConflict::severity).containsExactly(ConflictSeverity.BLOCK);
    }

    @Test
    @DisplayName("Deep digging over buried lines is blocked until a confined-space permit or the form treats it")
    void deepExcavationNeedsConfinedSpaceTreatment() {
        Permit excavation = permit("excavation", "DRAFT", excavationData(1.5, false));
        Permit shallow = permit("excavation", "DRAFT", excavationData(1.2, false));
        Permit treatedOnForm = permit("excavation", "DRAFT", excavationData(1.5, true));

        List<SimopsConflict> untreated = check.check(excavation, excavation.data(), null);
        List<SimopsConflict> atTheLimit = check.check(shallow, shallow.data(), null);
        List<SimopsConflict> onForm = check.check(treatedOnForm, treatedOnForm.data(), null);
        permit("confined-space", "IN_APPROVAL", window(json.createObjectNode().put("siteZone", tankFarm)));
        List<SimopsConflict> withPermit = check.check(excavation, excavation.data(), null);

        assertThat(untreated).singleElement().satisfies(conflict -> {
            assertThat(conflict.code()).isEqualTo("simops.excavation-confined-space@depth");
            assertThat(conflict.severity()).isEqualTo(ConflictSeverity.BLOCK);
            assertThat(conflict.value()).isEqualTo("1.5");
            assertThat(conflict.limit()).isEqualTo("1.2");
            assertThat(conflict.source()).isEqualTo("GB 30871-2022 11.10");
        });
        assertThat(atTheLimit).isEmpty();
        assertThat(onForm).isEmpty();
        assertThat(withPermit).isEmpty();
    }

    @Test
    @DisplayName("The haversine distance of two points 0.001 degrees of latitude apart is 111.2 m")
    void haversineDistance() {
        GeoPoint origin = new GeoPoint(LATITUDE, LONGITUDE);

        assertThat(origin.distanceMetres(new GeoPoint(LATITUDE + 0.001, LONGITUDE))).isEqualByComparingTo("111.2");
        assertThat(origin.distanceMetres(new GeoPoint(LATITUDE, LONGITUDE + 0.001))).isEqualByComparingTo("102.7");
        assertThat(origin.distanceMetres(origin)).isEqualByComparingTo("0");
    }

    @Test
    @DisplayName("Line numbers compare without case, width, spaces and separators")
    void lineNumbersAreNormalised() {
        assertThat(SimopsConflictCheck.normalisedLine(" ｎｇ-1001 / 150 ")).isEqualTo("NG1001150");
        assertThat(SimopsConflictCheck.normalisedLine("NG_1001.150")).isEqualTo("NG1001150");
    }

    private long tenant() {
        return installer.createTenant("simops-" + UUID.randomUUID(), "交叉作业测试化工", "lng-terminal", SHANGHAI, "test")
                .tenant().id();
    }

    private long zone(long tenant, String name, double northDegrees) {
        ObjectNode data = json.createObjectNode().put("name", name).put("areaClass", "zone-1");
        data.putObject("location").put("lat", LATITUDE + northDegrees).put("lon", LONGITUDE);
        return records.create(tenant, "site_zone", data, null, "test", Locale.SIMPLIFIED_CHINESE).id();
    }

    private long release(String kind, String description, long zone, String start, String end) {
        ObjectNode data = json.createObjectNode().put("kind", kind).put("siteZone", zone)
                .put("description", description)
                .put("startsAt", start).put("endsAt", end);
        return records.create(tenantId, "site_activity", data, null, "test", Locale.SIMPLIFIED_CHINESE).id();
    }

    private ObjectNode hotWorkData(long zone) {
        return window(json.createObjectNode().put("siteZone", zone).put("grade", "一级"));
    }

    private ObjectNode blindFlangeData(long zone, String line, boolean hazardousArea) {
        return window(json.createObjectNode().put("siteZone", zone).put("pipelineNo", line)
                .put("hazardousArea", hazardousArea).put("blindAction", "堵"));
    }

    private ObjectNode excavationData(double depthMetres, boolean confinedSpaceRulesApply) {
        return window(json.createObjectNode().put("siteZone", tankFarm).put("depthMetres", depthMetres)
                .put("buriedHazardousLines", true).put("hazardousArea", true)
                .put("confinedSpaceRulesApply", confinedSpaceRulesApply));
    }

    private ObjectNode window(ObjectNode data) {
        return data.put("workStart", START).put("workEnd", END);
    }

    private Permit permit(String type, String status, ObjectNode data) {
        return permits.find(tenantId, insertPermit(tenantId, type, status, data)).orElseThrow();
    }

    /** Inserts a permit row as the permit code leaves it; an issued permit gets the number {@code MB-<id>}. */
    private long insertPermit(long tenant, String type, String status, ObjectNode data) {
        int formVersion = metadata.requirePublished(tenant, MetadataKind.FORM, type + "-permit").version();
        Timestamp now = Timestamp.from(Instant.now());
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into permit (tenant_id, permit_type, form_key, form_version, flow_key, ruleset_key, status,
                                    applicant, data, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, 'test', ?, ?, ?)""")
                .params(tenant, type, type + "-permit", formVersion, type + "-approval", type, status,
                        json.writeValueAsString(data), now, now)
                .update(keys, "id");
        long id = keys.getKey().longValue();
        if (status.equals("ISSUED")) {
            jdbc.sql("update permit set permit_number = ? where id = ?").params("MB-" + id, id).update();
        }
        return id;
    }

    /** Stores a permit's approved window as its submission does, and returns its id. */
    private long storedWindow(Permit permit, String start, String end) {
        jdbc.sql("update permit set work_start = ?, work_end = ? where id = ?")
                .params(Timestamp.from(OffsetDateTime.parse(start).toInstant()),
                        Timestamp.from(OffsetDateTime.parse(end).toInstant()), permit.id())
                .update();
        return permit.id();
    }

    private void site(Permit permit, String state) {
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.sql("""
                insert into permit_site (permit_id, tenant_id, state, ruleset_version, work_leader, valid_until,
                                         accepted_at, updated_at)
                values (?, ?, ?, 1, 'test', ?, ?, ?)""")
                .params(permit.id(), tenantId, state, Timestamp.from(OffsetDateTime.parse(END).toInstant()), now, now)
                .update();
    }

    private void setThreshold(String ruleset, String threshold, @Nullable String value) {
        ObjectNode body = (ObjectNode) metadata.requirePublished(tenantId, MetadataKind.RULESET, ruleset).body()
                .deepCopy();
        ((ObjectNode) body.path("thresholds").path(threshold)).put("value", value);
        metadata.saveAndPublish(tenantId, MetadataKind.RULESET, ruleset, body, "test");
    }
}
