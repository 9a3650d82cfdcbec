package org.tezuo.core.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.tezuo.core.tenant.TenantDirectory;

/** The platform tables under {@code core}: each tenant reads its own rows only, and no ID numbers. */
@SpringBootTest
class CoreTablesTest {

    @Autowired
    TenantDirectory tenants;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    PublishedRecordEntities entities;

    private RecordingDataSource recording;
    private QueryEngine engine;
    private long tenantA;
    private long tenantB;
    private long personOfB;

    @BeforeEach
    void twoTenantsWithPersons() {
        recording = new RecordingDataSource(dataSource);
        engine = new QueryEngine(recording.dataSource(), entities, 1000, Duration.ofSeconds(30), 100);
        tenantA = newTenant();
        tenantB = newTenant();
        long zhang = person(tenantA, "张伟", "110105199003071234");
        person(tenantA, "李强", "110105198507151236");
        personOfB = person(tenantB, "王芳", "110105199212121240");
        certificate(tenantA, zhang, "熔化焊接与热切割作业");
        certificate(tenantB, personOfB, "低压电工作业");
    }

    @Test
    @DisplayName("A tenant counts only its own persons and certificates")
    void countsOwnRowsOnly() {
        QueryResult persons = engine.runAll(tenantA, "select count(*) from core.person", Map.of());
        QueryResult items = engine.runAll(tenantA, "select item from core.certificate order by item", Map.of());

        assertThat(persons.rows()).containsExactly(List.of(2L));
        assertThat(items.rows()).containsExactly(List.of("熔化焊接与热切割作业"));
    }

    @Test
    @DisplayName("Another tenant's row is not found by its id, whatever the query says")
    void otherTenantsRowIsInvisible() {
        QueryResult byId = engine.runAll(tenantA, "select name from core.person where id = :id or 1 = 1",
                Map.of("id", personOfB));

        assertThat(byId.rows()).extracting(row -> row.getFirst()).containsExactlyInAnyOrder("张伟", "李强");
    }

    @Test
    @DisplayName("The tenant filter is in the statement sent to the database")
    void tenantFilterIsPushedDown() {
        engine.runAll(tenantA, "select count(*) from core.person p join core.certificate c on c.person_id = p.id",
                Map.of());

        assertThat(recording.statements()).hasSize(1);
        String sent = recording.statements().getFirst();
        assertThat(sent).containsIgnoringCase("\"tenant_id\" = " + tenantA);
        assertThat(sent).doesNotContain("= " + tenantB);
    }

    @Test
    @DisplayName("ID numbers, certificate numbers and the tenant column are not queryable")
    void sensitiveColumnsAreHidden() {
        for (String sql : List.of("select id_number from core.person", "select tenant_id from core.person",
                "select cert_number from core.certificate")) {
            assertThatThrownBy(() -> engine.runAll(tenantA, sql, Map.of()))
                    .as(sql)
                    .isInstanceOfSatisfying(QueryException.class,
                            e -> assertThat(e.messageKey()).isEqualTo("query.unknownColumn"));
        }
    }

    @Test
    @DisplayName("An unknown platform table lists the platform tables")
    void unknownCoreTableListsTables() {
        assertThatThrownBy(() -> engine.runAll(tenantA, "select * from core.app_user", Map.of()))
                .isInstanceOfSatisfying(QueryException.class, e -> assertThat(e.message(Locale.SIMPLIFIED_CHINESE))
                        .isEqualTo("SQL 第 1 行第 15 列：没有平台数据表“core.app_user”。可查询的平台数据表（只含本企业的数据）："
                                + "core.certificate, core.certificate_freeze, core.certificate_warning, "
                                + "core.org_unit, core.person, core.post, core.post_requirement"));
    }

    private long newTenant() {
        return tenants.create("core-" + UUID.randomUUID(), "平台表测试企业", null, ZoneId.of("Asia/Shanghai")).id();
    }

    private long person(long tenantId, String name, String idNumber) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("insert into person (tenant_id, name, id_number, created_at, updated_at) "
                + "values (?, ?, ?, now(), now())").params(tenantId, name, idNumber).update(keys, "id");
        return keys.getKey().longValue();
    }

    private void certificate(long tenantId, long personId, String item) {
        jdbc.sql("""
                insert into certificate (tenant_id, person_id, cert_number, category, item, valid_until,
                                         valid_until_precision, state, created_at, updated_at)
                values (?, ?, ?, '特种作业', ?, ?, 'DAY', 'VALID', now(), now())""")
                .params(tenantId, personId, "T" + personId, item, LocalDate.of(2030, 1, 1)).update();
    }
}
