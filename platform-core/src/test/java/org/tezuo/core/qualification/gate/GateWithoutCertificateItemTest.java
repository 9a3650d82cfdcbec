package org.tezuo.core.qualification.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.tezuo.core.qualification.Person;
import org.tezuo.core.qualification.QualificationStore;
import org.tezuo.core.qualification.verification.CertificateFixtures;
import org.tezuo.core.qualification.verification.MutableClock;
import org.tezuo.core.qualification.verification.PinnedClockConfiguration;
import org.tezuo.core.tenant.Tenant;
import org.tezuo.metadata.DocumentStatus;
import org.tezuo.metadata.MetadataDocument;
import org.tezuo.metadata.MetadataKind;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest
@Import(PinnedClockConfiguration.class)
class GateWithoutCertificateItemTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final GateRequirement CONFINED_SPACE = new GateRequirement(Set.of(), 30,
            "GB 30871-2022 4.9", "ruleset:confined-space-qualification@1");

    @Autowired
    QualificationGate gate;

    @Autowired
    QualificationStore store;

    @Autowired
    CertificateFixtures fixtures;

    @Autowired
    MutableClock clock;

    private Tenant tenant;
    private Person pipeFitter;

    @BeforeEach
    void createPersonWithoutCertificate() {
        clock.set("2026-09-01T01:00:00Z");
        tenant = fixtures.tenantWithLifecycle();
        pipeFitter = fixtures.person(tenant.id(), "刘洋", "检修班");
    }

    @Test
    @DisplayName("A person in the ledger without any certificate passes a gate that names no certificate item")
    void personWithoutCertificatePasses() {
        assertThat(messages()).isEmpty();
    }

    @Test
    @DisplayName("A frozen person is still refused by a gate that names no certificate item")
    void frozenPersonIsRefused() {
        store.setPermitFreeze(tenant.id(), pipeFitter.id(), true, "证书已过期");

        assertThat(messages()).containsExactly("作业人员“刘洋”的作业票提交权限已冻结：证书已过期；请先解除资质问题");
    }

    @Test
    @DisplayName("A person missing from the ledger is refused by a gate that names no certificate item")
    void personOutsideLedgerIsRefused() {
        List<GateViolation> violations = gate.check(tenant.id(),
                List.of(GateSubject.withoutCertificate("作业人员", "赵六", "110101199001010011")), CONFINED_SPACE,
                clock.instant(), SHANGHAI);

        assertThat(violations).extracting(violation -> violation.message(Locale.SIMPLIFIED_CHINESE)).containsExactly(
                "作业人员“赵六”不在本企业的特种作业人员台账中，不能提交作业票；请先在台账导入中登记其证书");
    }

    @Test
    @DisplayName("An empty item list is read only when the gate declares that no certificate item applies")
    void emptyItemListNeedsTheDeclaration() {
        JsonMapper json = JsonMapper.builder().build();
        MetadataDocument declared = ruleset(json, """
                {"thresholds": {"anomalyLookbackDays": {"value": 30}},
                 "gate": {"requiredItems": [], "noCertificateItem": true, "source": "GB 30871-2022 4.9"}}""");
        MetadataDocument undeclared = ruleset(json, """
                {"thresholds": {"anomalyLookbackDays": {"value": 30}},
                 "gate": {"requiredItems": [], "source": "GB 30871-2022 4.9"}}""");

        GateRequirement requirement = GateRequirement.from(declared);

        assertThat(requirement.requiredItems()).isEmpty();
        assertThat(requirement.anomalyLookbackDays()).isEqualTo(30);
        assertThatThrownBy(() -> GateRequirement.from(undeclared)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("gate.noCertificateItem");
    }

    private List<String> messages() {
        return gate.check(tenant.id(), List.of(GateSubject.withoutCertificate("作业人员", "刘洋",
                        pipeFitter.idNumber())), CONFINED_SPACE, clock.instant(), SHANGHAI).stream()
                .map(violation -> violation.message(Locale.SIMPLIFIED_CHINESE))
                .toList();
    }

    private static MetadataDocument ruleset(JsonMapper json, String body) {
        return new MetadataDocument(1L, MetadataKind.RULESET, "confined-space-qualification", 1,
                DocumentStatus.PUBLISHED, json.readTree(body), "checksum", "admin", Instant.EPOCH);
    }
}
