package org.tezuo.core.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tezuo.core.metadata.MetadataStore;
import org.tezuo.core.tenant.TenantDirectory;
import org.tezuo.metadata.MetadataKind;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest
class QueryEngineTest {

    private static final String WORK_ORDER = """
            {"name": "work_order", "label": {"zh": "工单", "en": "Work order"}, "storage": "records",
             "fields": [
               {"name": "site", "type": "text", "label": {"zh": "厂区"}},
               {"name": "status", "type": "enum", "values": ["open", "closed"], "label": {"zh": "状态"}},
               {"name": "hours", "type": "integer", "label": {"zh": "工时"}},
               {"name": "cost", "type": "decimal", "label": {"zh": "费用"}},
               {"name": "plannedOn", "type": "date", "label": {"zh": "计划日期"}}
             ]}""";

    @Autowired
    MetadataStore store;

    @Autowired
    TenantDirectory tenants;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    PublishedRecordEntities entities;

    private RecordingDataSource recording;
    private QueryEngine engine;

    @BeforeEach
    void newEngine() {
        recording = new RecordingDataSource(dataSource);
        engine = new QueryEngine(recording.dataSource(), entities, 1000, Duration.ofSeconds(30), 100);
    }

    private long newTenant() {
        return tenants.create("q-" + UUID.randomUUID(), "查询测试企业", null, ZoneId.of("Asia/Shanghai")).id();
    }

    private JsonNode publish(long tenantId, String entityJson) {
        JsonNode body = json.readTree(entityJson);
        store.saveAndPublish(tenantId, MetadataKind.ENTITY, body.path("name").asString(), body, "admin");
        return body;
    }

    private long tenantWithWorkOrders() {
        long tenantId = newTenant();
        publish(tenantId, WORK_ORDER);
        RecordTables.insert(jdbc, tenantId, "work_order", Map.of("site", "east", "status", "open", "hours", 4,
                "cost", new BigDecimal("10.5"), "planned_on", java.sql.Date.valueOf("2026-12-04")), false);
        RecordTables.insert(jdbc, tenantId, "work_order", Map.of("site", "east", "status", "open", "hours", 2,
                "cost", new BigDecimal("1"), "planned_on", java.sql.Date.valueOf("2026-12-05")), false);
        RecordTables.insert(jdbc, tenantId, "work_order", Map.of("site", "east", "status", "closed", "hours", 8,
                "cost", new BigDecimal("3"), "planned_on", java.sql.Date.valueOf("2026-12-01")), false);
        RecordTables.insert(jdbc, tenantId, "work_order", Map.of("site", "west", "status", "open", "hours", 1,
                "cost", new BigDecimal("2"), "planned_on", java.sql.Date.valueOf("2026-12-02")), false);
        RecordTables.insert(jdbc, tenantId, "work_order", Map.of("site", "east", "status", "open", "hours", 16,
                "cost", new BigDecimal("7"), "planned_on", java.sql.Date.valueOf("2026-12-03")), true);
        return tenantId;
    }

    @Test
    void filteredAggregateReachesDatabaseAsOneSelect() {
        long tenantId = tenantWithWorkOrders();
        recording.clear();

        QueryResult result = engine.runAdHoc(tenantId,
                "select status, count(*) as orders from work_order where site = :site group by status order by status",
                Map.of("site", "east"));

        assertThat(result.rows()).containsExactly(List.of("closed", 1L), List.of("open", 2L));
        List<String> selects = recording.statements().stream()
                .filter(sql -> sql.toLowerCase(Locale.ROOT).contains("work_order")).toList();
        assertThat(selects).hasSize(1);
        String sent = selects.getFirst();
        assertThat(sent).startsWith("SELECT");
        assertThat(sent).contains("FROM \"tenant_" + tenantId + "\".\"work_order\"");
        assertThat(sent).contains("WHERE");
        assertThat(sent).contains("\"site\" = ?");
        assertThat(sent).contains("\"deleted_at\" IS NULL");
        assertThat(sent).contains("GROUP BY \"status\"");
        assertThat(sent).contains("ORDER BY");
        assertThat(result.databaseSql()).containsExactly(sent);
    }

    @Test
    void softDeletedRowsAreHidden() {
        long tenantId = tenantWithWorkOrders();

        QueryResult result = engine.runAdHoc(tenantId, "select sum(hours) as total, count(*) as orders from work_order",
                Map.of());

        assertThat(result.rows()).containsExactly(List.of(15L, 4L));
    }

    @Test
    void deletedAtColumnIsNotQueryable() {
        long tenantId = tenantWithWorkOrders();

        assertThatThrownBy(() -> engine.runAdHoc(tenantId, "select deleted_at from work_order", Map.of()))
                .isInstanceOfSatisfying(QueryException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("query.unknownColumn");
                    assertThat(e.line()).isEqualTo(1);
                    assertThat(e.column()).isEqualTo(8);
                    assertThat(e.message(Locale.SIMPLIFIED_CHINESE)).contains("deleted_at").contains("planned_on");
                });
    }

    @Test
    void valuesComeBackAsJavaTimeAndDecimals() {
        long tenantId = tenantWithWorkOrders();

        QueryResult result = engine.runAdHoc(tenantId,
                "select planned_on, cost, created_at from work_order where hours = :hours", Map.of("hours", "4"));

        assertThat(result.columns()).extracting(QueryColumn::name).containsExactly("planned_on", "cost", "created_at");
        assertThat(result.rows()).hasSize(1);
        assertThat(result.rows().getFirst().get(0)).isEqualTo(LocalDate.of(2026, 12, 4));
        assertThat((BigDecimal) result.rows().getFirst().get(1)).isEqualByComparingTo("10.5");
        assertThat(result.rows().getFirst().get(2)).isInstanceOf(java.time.Instant.class);
        assertThat((java.time.Instant) result.rows().getFirst().get(2))
                .isBetween(java.time.Instant.now().minusSeconds(600), java.time.Instant.now().plusSeconds(60));
    }

    @Test
    void otherTenantsTableIsUnknown() {
        long tenantA = tenantWithWorkOrders();
        long tenantB = newTenant();
        publish(tenantB, WORK_ORDER.replace("work_order", "permit_log"));

        for (String sql : List.of("select * from work_order", "select * from tenant_" + tenantA + ".work_order",
                "select * from \"tenant_" + tenantA + "\".\"work_order\"", "select * from metadata_document",
                "select * from app_user", "select * from pg_catalog.pg_class",
                "select * from information_schema.tables", "select * from records.work_order",
                "select * from public.metadata_document")) {
            assertThatThrownBy(() -> engine.runAdHoc(tenantB, sql, Map.of()))
                    .as(sql)
                    .isInstanceOfSatisfying(QueryException.class, e -> {
                        assertThat(e.messageKey()).isEqualTo("query.unknownTable");
                        assertThat(e.line()).isEqualTo(1);
                        assertThat(e.column()).isEqualTo(15);
                        assertThat(e.message(Locale.SIMPLIFIED_CHINESE)).contains("permit_log");
                        assertThat(e.message(Locale.ENGLISH)).contains("Entities your company can query: permit_log");
                    });
        }
    }

    @Test
    void dmlAndDdlAreRejected() {
        long tenantId = tenantWithWorkOrders();

        for (String sql : List.of("delete from work_order", "update work_order set status = 'closed'",
                "insert into work_order (site) values ('x')", "drop table work_order",
                "truncate table work_order", "create table x (a int)")) {
            assertThatThrownBy(() -> engine.runAdHoc(tenantId, sql, Map.of()))
                    .as(sql)
                    .isInstanceOfSatisfying(QueryException.class,
                            e -> assertThat(e.messageKey()).isEqualTo("query.onlySelect"));
        }
        assertThat(engine.runAdHoc(tenantId, "select count(*) from work_order", Map.of()).rows())
                .containsExactly(List.of(4L));
    }

    @Test
    void planCacheHitsUntilEntityRepublished() {
        long tenantId = tenantWithWorkOrders();
        String sql = "select site, hours from work_order where status = :status order by hours";

        QueryResult first = engine.runAdHoc(tenantId, sql, Map.of("status", "open"));
        QueryResult second = engine.runAdHoc(tenantId, sql, Map.of("status", "closed"));
        long hitsBefore = engine.planCacheHits();
        publish(tenantId, WORK_ORDER.replace("""
                {"name": "plannedOn", "type": "date", "label": {"zh": "计划日期"}}""", """
                {"name": "plannedOn", "type": "date", "label": {"zh": "计划日期"}},
                {"name": "leader", "type": "text", "label": {"zh": "负责人"}}"""));
        QueryResult afterPublish = engine.runAdHoc(tenantId, sql, Map.of("status", "open"));
        QueryResult withNewField = engine.runAdHoc(tenantId, "select leader from work_order", Map.of());

        assertThat(first.planCached()).isFalse();
        assertThat(second.planCached()).isTrue();
        assertThat(second.rows()).containsExactly(List.of("east", 8L));
        assertThat(afterPublish.planCached()).isFalse();
        assertThat(afterPublish.rows()).hasSize(3);
        assertThat(engine.planCacheHits()).isEqualTo(hitsBefore);
        assertThat(withNewField.rows()).hasSize(4);
    }

    @Test
    void fieldRemovedFromDocumentIsHidden() {
        long tenantId = tenantWithWorkOrders();
        publish(tenantId, WORK_ORDER.replace("""
                   {"name": "cost", "type": "decimal", "label": {"zh": "费用"}},
                """, ""));

        assertThatThrownBy(() -> engine.runAdHoc(tenantId, "select cost from work_order", Map.of()))
                .isInstanceOfSatisfying(QueryException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("query.unknownColumn"));
        assertThat(engine.runAdHoc(tenantId, "select * from work_order", Map.of()).columns())
                .extracting(QueryColumn::name).doesNotContain("cost", "deleted_at").contains("site", "planned_on");
    }

    @Test
    void adHocRowLimitPushedDown() {
        long tenantId = tenantWithWorkOrders();
        QueryEngine capped = new QueryEngine(recording.dataSource(), entities, 2, Duration.ofSeconds(30), 100);
        recording.clear();

        QueryResult result = capped.runAdHoc(tenantId, "select id from work_order order by id", Map.of());

        assertThat(result.rows()).hasSize(2);
        assertThat(result.truncated()).isTrue();
        assertThat(result.databaseSql().getFirst()).contains("FETCH NEXT 3 ROWS ONLY");
    }

    @Test
    void pagingSkipsRowsInDatabase() {
        long tenantId = tenantWithWorkOrders();

        QueryResult page = engine.run(tenantId, "select hours from work_order order by hours", Map.of(), 1, 2);

        assertThat(page.rows()).containsExactly(List.of(2L), List.of(4L));
        assertThat(page.truncated()).isTrue();
        assertThat(page.databaseSql().getFirst()).contains("OFFSET 1 ROWS");
    }

    @Test
    void missingAndInvalidParametersAreNamed() {
        long tenantId = tenantWithWorkOrders();

        assertThatThrownBy(() -> engine.runAdHoc(tenantId, "select * from work_order where site = :site", Map.of()))
                .isInstanceOfSatisfying(QueryException.class, e -> assertThat(e.message(Locale.SIMPLIFIED_CHINESE))
                        .isEqualTo("缺少参数“site”的值；请为 SQL 中的 :site 提供值"));
        assertThatThrownBy(() -> engine.runAdHoc(tenantId, "select * from work_order where hours > :min",
                Map.of("min", "many")))
                .isInstanceOfSatisfying(QueryException.class, e -> assertThat(e.message(Locale.ENGLISH))
                        .isEqualTo("Parameter \"min\" has the value \"many\", which is not an integer; "
                                + "enter a number such as 42"));
    }

    @Test
    void syntaxErrorNamesPosition() {
        long tenantId = tenantWithWorkOrders();

        assertThatThrownBy(() -> engine.runAdHoc(tenantId, "select site\nfrom work_order where", Map.of()))
                .isInstanceOfSatisfying(QueryException.class, e -> {
                    assertThat(e.messageKey()).startsWith("query.syntax");
                    assertThat(e.line()).isEqualTo(2);
                    assertThat(e.message(Locale.SIMPLIFIED_CHINESE)).startsWith("SQL 第 2 行第");
                    assertThat(e.message(Locale.SIMPLIFIED_CHINESE)).doesNotContain("Encountered");
                });
    }

    @Test
    void twoStatementsNameSemicolon() {
        long tenantId = tenantWithWorkOrders();

        assertThatThrownBy(() -> engine.runAdHoc(tenantId, "select site from work_order; select 1", Map.of()))
                .isInstanceOfSatisfying(QueryException.class, e -> assertThat(e.message(Locale.SIMPLIFIED_CHINESE))
                        .isEqualTo("SQL 第 1 行第 28 列的“;”处有语法错误；请检查关键字、逗号、引号和括号，且每次只执行一条语句"));
    }

    @Test
    void emptySqlAsksForStatement() {
        long tenantId = tenantWithWorkOrders();

        assertThatThrownBy(() -> engine.runAdHoc(tenantId, "  ", Map.of()))
                .isInstanceOfSatisfying(QueryException.class, e -> assertThat(e.message(Locale.SIMPLIFIED_CHINESE))
                        .isEqualTo("SQL 为空；请输入一条 SELECT 查询语句"));
    }

    @Test
    void commonQueryShapesRunInOneStatement() {
        long tenantId = tenantWithWorkOrders();
        publish(tenantId, """
                {"name": "site", "label": {"zh": "厂区"}, "storage": "records",
                 "fields": [{"name": "code", "type": "text", "label": {"zh": "代码"}},
                            {"name": "manager", "type": "text", "label": {"zh": "负责人"}}]}""");
        RecordTables.insert(jdbc, tenantId, "site", Map.of("code", "east", "manager", "王工"), false);
        RecordTables.insert(jdbc, tenantId, "site", Map.of("code", "west", "manager", "李工"), false);
        Map<String, List<List<Object>>> expected = new java.util.LinkedHashMap<>();
        expected.put("select avg(hours) as a, count(distinct site) as s from work_order",
                List.of(List.of(3L, 2L)));
        expected.put("select s.manager, sum(w.hours) as h from work_order w join site s on s.code = w.site "
                + "group by s.manager having sum(w.hours) > 1 order by h desc", List.of(List.of("王工", 14L)));
        expected.put("select count(*) from work_order where site in (select code from site where manager = '李工')",
                List.of(List.of(1L)));
        expected.put("select site from work_order where status = 'closed' union select code from site "
                + "where manager = '李工' order by 1", List.of(List.of("east"), List.of("west")));
        expected.put("select case when hours > 3 then 'long' else 'short' end as k, count(*) as n from work_order "
                + "group by 1 order by k",
                List.of(List.of("long", 2L), List.of("short", 2L)));
        expected.put("select count(*) from work_order where planned_on >= date '2026-12-03' and site like 'e%'",
                List.of(List.of(2L)));
        expected.put("select coalesce(max(cost), 0) as c from work_order where status = 'closed'",
                List.of(List.of(new BigDecimal("3.0000"))));

        expected.forEach((sql, rows) -> {
            recording.clear();
            QueryResult result = engine.runAdHoc(tenantId, sql, Map.of());
            assertThat(result.rows()).as(sql).isEqualTo(rows);
            assertThat(recording.statements()).as(sql).hasSize(1);
        });
    }

    @Test
    void slowQueryIsCancelledAfterTimeout() {
        long tenantId = tenantWithWorkOrders();
        jdbc.sql("insert into \"tenant_" + tenantId + "\".\"work_order\" (entity_version, created_at, created_by, "
                + "updated_at, updated_by, row_version, site, hours) "
                + "select 1, now(), 'test', now(), 'test', 0, 'north', n from generate_series(1, 2000) as n").update();
        QueryEngine impatient = new QueryEngine(recording.dataSource(), entities, 1000, Duration.ofSeconds(2), 100);

        assertThatThrownBy(() -> assertTimeoutPreemptively(Duration.ofSeconds(60), () -> impatient.runAdHoc(tenantId,
                "select count(*) from work_order a cross join work_order b cross join work_order c "
                        + "where a.hours + b.hours + c.hours = -1", Map.of())))
                .isInstanceOfSatisfying(QueryException.class, e -> assertThat(e.message(Locale.SIMPLIFIED_CHINESE))
                        .isEqualTo("查询超过 2 秒未完成，已取消；请增加筛选条件或缩小时间范围后重试"));
    }

    @Test
    void databaseFunctionsAreUnknown() {
        long tenantId = tenantWithWorkOrders();

        for (String sql : List.of("select pg_sleep(1)", "select pg_read_file('/etc/passwd')",
                "select current_setting('search_path') from work_order")) {
            assertThatThrownBy(() -> engine.runAdHoc(tenantId, sql, Map.of()))
                    .as(sql)
                    .isInstanceOfSatisfying(QueryException.class, e -> {
                        assertThat(e.messageKey()).isEqualTo("query.invalid");
                        assertThat(e.message(Locale.ENGLISH)).contains("No match found for function signature");
                    });
        }
    }
}
