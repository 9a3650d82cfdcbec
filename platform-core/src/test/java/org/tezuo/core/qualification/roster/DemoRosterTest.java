package org.tezuo.core.qualification.roster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.tezuo.core.qualification.CertificateState;
import org.tezuo.core.qualification.LifecyclePolicy;
import org.tezuo.core.qualification.Person;
import org.tezuo.core.qualification.QualificationStore;
import org.tezuo.core.tenant.TenantDirectory;

/** The LNG-terminal demo roster imports as the demo tenant expects on 2026-12-04. */
@SpringBootTest
@Import(FixedClockConfiguration.class)
class DemoRosterTest {

    @Autowired
    RosterImporter importer;

    @Autowired
    QualificationStore store;

    @Autowired
    TenantDirectory tenants;

    private RosterImportResult importDemo(long tenant, int reviewDueSoonDays) {
        return importer.importLedger(tenant, "roster.csv", new ByteArrayInputStream(LngTerminalEntity.demoRoster()),
                LngTerminalEntity.profile(), new LifecyclePolicy(reviewDueSoonDays, 30),
                FixedClockConfiguration.SHANGHAI, "admin");
    }

    private long newTenant() {
        return tenants.create("demo-" + UUID.randomUUID(), "演示化工有限公司", "lng-terminal",
                FixedClockConfiguration.SHANGHAI).id();
    }

    @Test
    void demoImportsValidRowsRejectsSix() {
        long tenant = newTenant();

        RosterImportResult result = importDemo(tenant, 90);

        assertThat(result.headerRowNumber()).isEqualTo(3);
        assertThat(result.created()).isEqualTo(51);
        assertThat(result.rejected()).isEqualTo(6);
        assertThat(result.errors()).extracting(RowError::reasonKey).containsExactlyInAnyOrder("item.missing",
                "id.checkCharacter", "date.noSuchDay", "value.missing", "id.oldFormat", "item.missing");
    }

    @Test
    void fixedPersonStatesNinetyDayWindow() {
        long tenant = newTenant();

        importDemo(tenant, 90);

        Map<String, CertificateState> states = statesByName(tenant);
        assertThat(states).containsEntry("王建国", CertificateState.VALID)
                .containsEntry("李强", CertificateState.VALID)
                .containsEntry("赵磊", CertificateState.REVIEW_DUE_SOON)
                .containsEntry("孙浩", CertificateState.REVIEW_DUE_SOON)
                .containsEntry("周涛", CertificateState.EXPIRED)
                .containsEntry("吴刚", CertificateState.VALID)
                .containsEntry("郑凯", CertificateState.REVIEW_OVERDUE);
        Person zhao = store.findPersonByIdNumber(tenant, "32062319900214057X").orElseThrow();
        assertThat(zhao.name()).isEqualTo("赵磊");
        Person wang = store.findPersonByIdNumber(tenant, "320623197804120133").orElseThrow();
        assertThat(wang.position()).isEqualTo("作业负责人");
        assertThat(wang.orgUnit()).isEqualTo("维修车间");
    }

    @Test
    void fixedPersonStatesThirtyDayWindow() {
        long tenant = newTenant();

        importDemo(tenant, 30);

        Map<String, CertificateState> states = statesByName(tenant);
        assertThat(states).containsEntry("赵磊", CertificateState.REVIEW_DUE_SOON)
                .containsEntry("孙浩", CertificateState.VALID);
    }

    private Map<String, CertificateState> statesByName(long tenant) {
        return store.persons(tenant).stream().collect(Collectors.toMap(Person::name,
                person -> store.certificatesOf(tenant, person.id()).getFirst().state()));
    }
}
