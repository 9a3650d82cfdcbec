package org.tezuo.core.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tezuo.core.i18n.LocalizedException;
import org.tezuo.core.metadata.MetadataStore;
import org.tezuo.core.tenant.TenantDirectory;
import org.tezuo.metadata.MetaSchemaViolation;
import org.tezuo.metadata.MetadataDocument;
import org.tezuo.metadata.MetadataKind;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest
class SavedQueriesTest {

    @Autowired
    MetadataStore store;

    @Autowired
    SavedQueries savedQueries;

    @Autowired
    TenantDirectory tenants;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcClient jdbc;

    private long tenantWithWorkOrders() {
        long tenantId = tenants.create("sq-" + UUID.randomUUID(), "查询测试企业", null, ZoneId.of("Asia/Shanghai")).id();
        JsonNode entity = json.readTree("""
                {"name": "work_order", "label": {"zh": "工单"}, "storage": "records",
                 "fields": [{"name": "site", "type": "text", "label": {"zh": "厂区"}},
                            {"name": "status", "type": "enum", "label": {"zh": "状态"}, "values": ["open", "closed"]},
                            {"name": "hours", "type": "integer", "label": {"zh": "工时"}}]}""");
        store.saveAndPublish(tenantId, MetadataKind.ENTITY, "work_order", entity, "admin");
        for (int hours = 1; hours <= 5; hours++) {
            RecordTables.insert(jdbc, tenantId, "work_order", Map.of("site", hours % 2 == 0 ? "east" : "west",
                    "status", "open", "hours", hours), false);
        }
        return tenantId;
    }

    private List<MetaSchemaViolation> problems(long tenantId, String body) {
        MetadataDocument candidate = store.candidate(tenantId, MetadataKind.QUERY, "q", json.readTree(body), "admin");
        return store.validate(candidate, Locale.SIMPLIFIED_CHINESE);
    }

    @Test
    void reportNamingUnknownTableIsNotSaved() {
        long tenantId = tenantWithWorkOrders();
        JsonNode body = json.readTree("""
                {"type": "report", "title": {"zh": "用户"}, "sql": "select * from app_user"}""");

        assertThatThrownBy(() -> store.saveDraft(tenantId, MetadataKind.QUERY, "users", body, "admin"))
                .isInstanceOfSatisfying(LocalizedException.class, e -> assertThat(e.message(Locale.SIMPLIFIED_CHINESE))
                        .contains("$.sql").contains("没有可查询的实体“app_user”").contains("work_order"));
        assertThat(store.history(tenantId, MetadataKind.QUERY, "users")).isEmpty();
    }

    @Test
    void listViewUnknownColumnReported() {
        long tenantId = tenantWithWorkOrders();

        List<MetaSchemaViolation> problems = problems(tenantId, """
                {"type": "list", "title": {"zh": "工单"}, "entity": "work_order", "columns": ["site", "leader"],
                 "sort": [{"column": "due_on"}]}""");

        assertThat(problems).extracting(MetaSchemaViolation::path).containsExactly("$.columns[1]", "$.sort[0].column");
        assertThat(problems.getFirst().message()).startsWith("实体“work_order”没有可查询的字段“leader”；可用字段：id,");
    }

    @Test
    void unknownEntityIsReported() {
        long tenantId = tenantWithWorkOrders();

        List<MetaSchemaViolation> problems = problems(tenantId, """
                {"type": "list", "title": {"zh": "用户"}, "entity": "app_user", "columns": ["id"]}""");

        assertThat(problems).containsExactly(new MetaSchemaViolation("$.entity",
                "查询引用的实体“app_user”没有以记录方式发布；本企业可查询的实体：work_order"));
    }

    @Test
    void parametersMustMatchDeclarations() {
        long tenantId = tenantWithWorkOrders();

        List<MetaSchemaViolation> problems = problems(tenantId, """
                {"type": "filter", "title": {"zh": "厂区工单"}, "entity": "work_order", "where": "site = :site",
                 "parameters": [{"name": "status", "type": "text", "label": {"zh": "状态"}}]}""");

        assertThat(problems).extracting(MetaSchemaViolation::message).containsExactly(
                "SQL 使用了参数 :site，但 parameters 中没有声明；请在 parameters 中添加名为“site”的参数",
                "parameters 中声明的参数“status”在 SQL 中没有使用；请删除该声明或在 SQL 中写 :status");
    }

    @Test
    void reportWithDmlIsRejected() {
        long tenantId = tenantWithWorkOrders();

        List<MetaSchemaViolation> problems = problems(tenantId, """
                {"type": "report", "title": {"zh": "清空"}, "sql": "delete from work_order"}""");

        assertThat(problems).extracting(MetaSchemaViolation::path).containsExactly("$.sql");
        assertThat(problems.getFirst().message()).startsWith("只能执行查询语句（SELECT），不能执行 DELETE 语句");
    }

    @Test
    void publishedFilterRunsWithParametersAndPages() {
        long tenantId = tenantWithWorkOrders();
        store.saveAndPublish(tenantId, MetadataKind.QUERY, "site-orders", json.readTree("""
                {"type": "filter", "title": {"zh": "厂区工单", "en": "Orders by site"}, "entity": "work_order",
                 "columns": ["site", "hours"], "sort": [{"column": "hours", "direction": "desc"}], "pageSize": 2,
                 "where": "site = :site",
                 "parameters": [{"name": "site", "type": "text", "label": {"zh": "厂区", "en": "Site"}}],
                 "columnLabels": {"hours": {"zh": "工时", "en": "Hours"}}}"""), "admin");

        QueryResult first = savedQueries.run(tenantId, "site-orders", Map.of("site", "west"), 1, 0);
        QueryResult second = savedQueries.run(tenantId, "site-orders", Map.of("site", "west"), 2, 0);
        SavedQuery query = savedQueries.require(tenantId, "site-orders");

        assertThat(first.rows()).containsExactly(List.of("west", 5L), List.of("west", 3L));
        assertThat(first.truncated()).isTrue();
        assertThat(second.rows()).containsExactly(List.of("west", 1L));
        assertThat(second.truncated()).isFalse();
        assertThat(query.title(Locale.ENGLISH)).isEqualTo("Orders by site");
        assertThat(query.columnLabel("hours", Locale.SIMPLIFIED_CHINESE)).isEqualTo("工时");
        assertThat(query.columnLabel("site", Locale.SIMPLIFIED_CHINESE)).isEqualTo("site");
    }

    @Test
    void publishedReportRunsAggregate() {
        long tenantId = tenantWithWorkOrders();
        store.saveAndPublish(tenantId, MetadataKind.QUERY, "hours-by-site", json.readTree("""
                {"type": "report", "title": {"zh": "各厂区工时"},
                 "sql": "select site, sum(hours) as hours from work_order where hours >= :min group by site order by site",
                 "parameters": [{"name": "min", "type": "integer", "label": {"zh": "最少工时"}}]}"""), "admin");

        QueryResult result = savedQueries.run(tenantId, "hours-by-site", Map.of("min", "2"), 1, 0);

        assertThat(result.rows()).containsExactly(List.of("east", 6L), List.of("west", 8L));
    }
}
