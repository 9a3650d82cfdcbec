package org.tezuo.core.qualification.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.tezuo.core.tenant.Tenant;
import org.tezuo.core.tenant.TenantDirectory;

/**
 * The figures computed through the query layer: the same as the earlier plain-SQL calculation for a tenant without
 * declared posts, and counted over post holders for a tenant with posts.
 */
@SpringBootTest(properties = {"tezuo.files.dir=target/test-files", "tezuo.health-report.check-interval=0",
        "tezuo.notification.poll-interval=0"})
class HealthReportCalculatorTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final LocalDate NOVEMBER_END = LocalDate.of(2026, 11, 30);
    private static final String WELDING = "熔化焊接与热切割作业";
    private static final String LOW_VOLTAGE = "低压电工作业";
    private static final String EXPLOSION_PROOF = "防爆电气作业";

    @Autowired
    HealthReportCalculator calculator;

    @Autowired
    TenantDirectory tenants;

    @Autowired
    JdbcClient jdbc;

    @Test
    @DisplayName("Seeded ledger gives the same figures as the plain-SQL calculation")
    void figuresMatchPlainSqlCalculation() {
        Tenant tenant = seededTenant(20261130L);
        seededTenant(7L);
        PlainSqlHealthCalculator reference = new PlainSqlHealthCalculator(jdbc);

        for (YearMonth month : List.of(YearMonth.of(2026, 9), YearMonth.of(2026, 10), YearMonth.of(2026, 11))) {
            HealthReport report = calculator.calculate(tenant, month);

            assertThat(report.scope()).isEqualTo(HealthReport.Scope.CERTIFICATE_HOLDERS);
            assertThat(report.rows()).as(month.toString()).isEqualTo(reference.calculate(tenant, month));
        }
    }

    @Test
    @DisplayName("Seeded ledger has figures in every measure")
    void seededLedgerIsNotTrivial() {
        Tenant tenant = seededTenant(20261130L);

        HealthMeasures whole = calculator.calculate(tenant, YearMonth.of(2026, 11)).rows().getFirst().current();

        assertThat(whole.personsInScope()).isGreaterThan(whole.personsCovered());
        assertThat(whole.personsCovered()).isPositive();
        assertThat(whole.overdueCertificates()).isPositive();
        assertThat(whole.dueWithin30Days()).isPositive();
        assertThat(whole.dueWithin90Days()).isGreaterThan(whole.dueWithin30Days());
        assertThat(whole.reviewsDue12Months()).isGreaterThan(whole.reviewsOnTime12Months());
        assertThat(whole.reviewsOnTime12Months()).isPositive();
        assertThat(whole.frozenPersons()).isPositive();
    }

    @Test
    @DisplayName("Declared posts limit coverage to post holders and their required items")
    void postsDecideScopeAndCoverage() {
        Tenant tenant = tenants.create("posts-" + suffix(), "岗位测试", null, SHANGHAI);
        long company = unit(tenant, "HQ", "岗位公司", "company", null);
        long workshop = unit(tenant, "W1", "焊接车间", "workshop", company);
        unit(tenant, "W2", "电仪车间", "workshop", company);
        post(tenant, "WELDER", "焊工", WELDING);
        post(tenant, "ELECTRICIAN", "电工", LOW_VOLTAGE, EXPLOSION_PROOF);
        LocalDate valid = LocalDate.of(2029, 1, 1);
        LocalDate expired = LocalDate.of(2026, 11, 15);
        certificate(tenant, person(tenant, "焊工甲", "焊接车间", "焊工"), WELDING, valid, null, null);
        certificate(tenant, person(tenant, "焊工乙", "焊接车间", "焊工"), LOW_VOLTAGE, valid, null, null);
        person(tenant, "焊工丙", "焊接车间", " 焊工 ");
        certificate(tenant, person(tenant, "焊工丁", "焊接车间", "焊工"), WELDING, expired, null, null);
        certificate(tenant, person(tenant, "电工甲", "电仪车间", "电工"), EXPLOSION_PROOF, valid, null, null);
        certificate(tenant, person(tenant, "外操甲", "电仪车间", "外操"), LOW_VOLTAGE, valid, null, null);

        HealthReport report = calculator.calculate(tenant, YearMonth.of(2026, 11));

        assertThat(report.scope()).isEqualTo(HealthReport.Scope.POST_HOLDERS);
        HealthMeasures whole = report.rows().getFirst().current();
        assertThat(whole.personsInScope()).as("four welders and one electrician").isEqualTo(5);
        assertThat(whole.personsCovered()).as("焊工甲 and 电工甲").isEqualTo(2);
        assertThat(whole.overdueCertificates()).as("certificates of every person count").isEqualTo(1);
        HealthMeasures welders = report.rows().stream().filter(row -> Long.valueOf(workshop).equals(row.orgUnitId()))
                .findFirst().orElseThrow().current();
        assertThat(welders.personsInScope()).isEqualTo(4);
        assertThat(welders.personsCovered()).isEqualTo(1);
        assertThat(welders.coveragePercent()).isEqualByComparingTo("25.0");
        assertThat(report.rows().getFirst().previous().personsCovered())
                .as("焊工丁 was still valid at the end of October").isEqualTo(3);
    }

    /**
     * Creates a tenant with companies, plants, workshops, a department and a team, and persons whose unit text
     * names a unit by name or code, with blanks around it, names no unit or is missing. Certificates, reviews and freezes
     * fall before, around and after the ends of September to November 2026.
     */
    private Tenant seededTenant(long seed) {
        Random random = new Random(seed);
        Tenant tenant = tenants.create("seed-" + suffix(), "种子数据企业", null, SHANGHAI);
        long company = unit(tenant, "HQ", "种子公司", "company", null);
        long plantOne = unit(tenant, "P1", "一厂", "plant", company);
        long workshopOne = unit(tenant, "W1", "一车间", "workshop", plantOne);
        unit(tenant, "T1", "焊接班", "team", workshopOne);
        unit(tenant, "W2", "二车间", "workshop", plantOne);
        unit(tenant, "D1", "安全部", "department", company);
        long plantTwo = unit(tenant, "P2", "二厂", "plant", company);
        unit(tenant, "W3", "三车间", "workshop", plantTwo);
        List<@Nullable String> unitTexts = new ArrayList<>(List.of("一车间", "焊接班", " 二车间 ", "W3", "安全部",
                "二厂", "外包队", "种子公司"));
        unitTexts.add(null);

        for (int i = 0; i < 60; i++) {
            long person = person(tenant, "人员" + i, unitTexts.get(random.nextInt(unitTexts.size())), null);
            int certificates = random.nextInt(4);
            for (int j = 0; j < certificates; j++) {
                LocalDate validUntil = NOVEMBER_END.plusDays(random.nextInt(520) - 120);
                LocalDate reviewDue = random.nextInt(4) == 0 ? null : NOVEMBER_END.plusDays(random.nextInt(540) - 420);
                LocalDate reviewDone = reviewDue == null || random.nextInt(3) == 0 ? null
                        : reviewDue.plusDays(random.nextInt(280) - 250);
                certificate(tenant, person, WELDING, validUntil, reviewDue, reviewDone);
            }
            if (certificates > 0 && random.nextInt(4) == 0) {
                Instant frozenAt = Instant.parse("2026-08-20T00:00:00Z")
                        .plus(random.nextInt(105 * 24), ChronoUnit.HOURS);
                Instant liftedAt = random.nextBoolean() ? null
                        : frozenAt.plus(random.nextInt(60 * 24), ChronoUnit.HOURS);
                freeze(tenant, person, frozenAt, liftedAt);
            }
        }
        return tenant;
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private long unit(Tenant tenant, String code, String name, String kind, @Nullable Long parent) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("insert into org_unit (tenant_id, parent_id, code, name, kind) values (?, ?, ?, ?, ?)")
                .params(tenant.id(), parent, code, name, kind).update(keys, "id");
        return keys.getKey().longValue();
    }

    private void post(Tenant tenant, String code, String name, String... items) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("insert into post (tenant_id, code, name) values (?, ?, ?)").params(tenant.id(), code, name)
                .update(keys, "id");
        for (String item : items) {
            jdbc.sql("insert into post_requirement (tenant_id, post_id, certificate_item, source) "
                    + "values (?, ?, ?, 'GB 30871-2022 4.9')").params(tenant.id(), keys.getKey().longValue(), item)
                    .update();
        }
    }

    private long person(Tenant tenant, String name, @Nullable String orgUnit, @Nullable String position) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("insert into person (tenant_id, name, id_number, org_unit, position, created_at, updated_at) "
                + "values (?, ?, ?, ?, ?, current_timestamp, current_timestamp)")
                .params(tenant.id(), name, "ID-" + suffix(), orgUnit, position).update(keys, "id");
        return keys.getKey().longValue();
    }

    private void certificate(Tenant tenant, long personId, String item, LocalDate validUntil,
            @Nullable LocalDate reviewDue, @Nullable LocalDate reviewDone) {
        jdbc.sql("""
                insert into certificate (tenant_id, person_id, cert_number, category, item, valid_until,
                                         valid_until_precision, review_due_on, review_done_on, state, created_at,
                                         updated_at)
                values (?, ?, ?, '特种作业', ?, ?, 'DAY', ?, ?, 'VALID', current_timestamp, current_timestamp)""")
                .params(tenant.id(), personId, "C-" + suffix(), item, validUntil, reviewDue, reviewDone).update();
    }

    private void freeze(Tenant tenant, long personId, Instant frozenAt, @Nullable Instant liftedAt) {
        long certificateId = jdbc.sql("select min(id) from certificate where tenant_id = ? and person_id = ?")
                .params(tenant.id(), personId).query(Long.class).single();
        jdbc.sql("insert into certificate_freeze (tenant_id, person_id, certificate_id, reason, frozen_at, lifted_at) "
                + "values (?, ?, ?, '证书已过期', ?, ?)")
                .params(tenant.id(), personId, certificateId, Timestamp.from(frozenAt),
                        liftedAt == null ? null : Timestamp.from(liftedAt))
                .update();
    }
}
