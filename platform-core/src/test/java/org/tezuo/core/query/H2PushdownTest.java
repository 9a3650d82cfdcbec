package org.tezuo.core.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The same pushdown on H2, the embedded default database, without Spring. */
class H2PushdownTest {

    @Test
    void filteredAggregateReachesH2AsOneSelect() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:query-pushdown;DB_CLOSE_DELAY=-1");
        JdbcClient jdbc = JdbcClient.create(h2);
        JsonNode entity = JsonMapper.builder().build().readTree("""
                {"name": "work_order", "label": {"zh": "工单"}, "storage": "records",
                 "fields": [{"name": "site", "type": "text", "label": {"zh": "厂区"}},
                            {"name": "status", "type": "enum", "label": {"zh": "状态"}, "values": ["open", "closed"]}]}""");
        RecordTables.create(jdbc, 1, entity);
        RecordTables.insert(jdbc, 1, "work_order", Map.of("site", "east", "status", "open"), false);
        RecordTables.insert(jdbc, 1, "work_order", Map.of("site", "east", "status", "open"), false);
        RecordTables.insert(jdbc, 1, "work_order", Map.of("site", "east", "status", "closed"), true);
        RecordTables.insert(jdbc, 1, "work_order", Map.of("site", "west", "status", "closed"), false);
        RecordingDataSource recording = new RecordingDataSource(h2);
        TenantCatalogue catalogue = TenantCatalogue.build(1, "work_order@1",
                List.of(RecordEntity.fromDocument(entity, 1).orElseThrow()), recording.dataSource());
        recording.clear();

        QueryPlan plan = new QueryPlanner().plan(catalogue,
                "select status, count(*) as orders from work_order where site = ? group by status", 0, null);
        QueryResult result = QueryExecutor.execute(plan, List.of("east"), Duration.ofSeconds(10), 100, false);

        assertThat(result.rows()).containsExactly(List.of("open", 2L));
        assertThat(recording.statements()).hasSize(1);
        String sent = recording.statements().getFirst();
        assertThat(sent).startsWith("SELECT");
        assertThat(sent).contains("FROM \"tenant_1\".\"work_order\"");
        assertThat(sent).contains("WHERE");
        assertThat(sent).contains("\"site\" = ?");
        assertThat(sent).contains("GROUP BY \"status\"");
    }
}
