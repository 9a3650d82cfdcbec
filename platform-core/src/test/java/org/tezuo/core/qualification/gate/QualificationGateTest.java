package org.tezuo.core.qualification.gate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
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
import org.tezuo.core.qualification.lifecycle.PostAbsenceStore;
import org.tezuo.core.qualification.verification.CertificateFixtures;
import org.tezuo.core.qualification.verification.MutableClock;
import org.tezuo.core.qualification.verification.PinnedClockConfiguration;
import org.tezuo.core.tenant.Tenant;

@SpringBootTest
@Import(PinnedClockConfiguration.class)
class QualificationGateTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final GateRequirement WELDING = new GateRequirement(Set.of("熔化焊接与热切割作业"), 30,
            "GB 30871-2022 4.9", "ruleset:hot-work-qualification@1");
    private static final GateRequirement NO_CERTIFICATE = new GateRequirement(Set.of(), 30,
            "GB 30871-2022 4.9", "ruleset:excavation-qualification@1");

    @Autowired
    QualificationGate gate;

    @Autowired
    PostAbsenceStore absences;

    @Autowired
    CertificateFixtures fixtures;

    @Autowired
    MutableClock clock;

    Tenant tenant;
    Person digger;

    @BeforeEach
    void setUp() {
        clock.set("2026-09-01T01:00:00Z");
        tenant = fixtures.tenantWithLifecycle();
        digger = fixtures.person(tenant.id(), "赵挖", "土建班");
    }

    @Test
    @DisplayName("A person without certificates is refused when the permit type requires an item")
    void personWithoutCertificateIsRefusedForWelding() {
        assertThat(messages(WELDING)).singleElement().asString().startsWith("作业人员“赵挖”");
    }

    @Test
    @DisplayName("A person without certificates passes when the permit type requires no item")
    void personWithoutCertificatePassesWithoutRequiredItems() {
        assertThat(messages(NO_CERTIFICATE)).isEmpty();
    }

    @Test
    @DisplayName("An absence from the post still refuses a person when no item is required")
    void absenceStillRefusesWithoutRequiredItems() {
        absences.recordLeft(tenant.id(), digger.id(), LocalDate.of(2026, 8, 1), "hrbp");

        assertThat(messages(NO_CERTIFICATE)).containsExactly(
                "作业人员“赵挖”自 2026-08-01 起离岗，尚未登记返岗，不能从事该作业；返岗后请登记返岗日期");
    }

    @Test
    @DisplayName("Someone missing from the ledger is refused when no item is required")
    void unknownPersonIsRefusedWithoutRequiredItems() {
        List<GateViolation> violations = gate.check(tenant.id(),
                List.of(GateSubject.withoutCertificate("作业人员", "钱某", "110101199001010011")), NO_CERTIFICATE,
                clock.instant(), SHANGHAI);

        assertThat(violations).extracting(GateViolation::messageKey).containsExactly("gate.notInLedger");
    }

    @Test
    @DisplayName("A mistyped ID number of someone in the ledger names the ID number, not a missing person")
    void mistypedIdNumberIsNamed() {
        List<GateViolation> violations = gate.check(tenant.id(),
                List.of(GateSubject.withoutCertificate("作业人员", "赵挖", "110101199001010019")), NO_CERTIFICATE,
                clock.instant(), SHANGHAI);

        assertThat(violations).extracting(GateViolation::messageKey).containsExactly("gate.idNumberNotInLedger");
        assertThat(violations.getFirst().message(Locale.SIMPLIFIED_CHINESE)).startsWith(
                "作业人员“赵挖”的身份证号 110101199001010019 不在本企业的特种作业人员台账中，台账中同名人员的身份证号为 ")
                .contains(digger.maskedIdNumber()).doesNotContain(digger.idNumber());
    }

    private List<String> messages(GateRequirement requirement) {
        return gate.check(tenant.id(), List.of(GateSubject.withoutCertificate("作业人员", "赵挖", digger.idNumber())),
                requirement, clock.instant(), SHANGHAI).stream()
                .map(violation -> violation.message(Locale.SIMPLIFIED_CHINESE)).toList();
    }
}
