package org.tezuo.core.qualification.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.tezuo.core.audit.AuditEntry;
import org.tezuo.core.audit.AuditLog;
import org.tezuo.core.qualification.CertificateState;
import org.tezuo.core.qualification.Person;
import org.tezuo.core.qualification.gate.GateRequirement;
import org.tezuo.core.qualification.gate.GateSubject;
import org.tezuo.core.qualification.gate.GateViolation;
import org.tezuo.core.qualification.gate.QualificationGate;
import org.tezuo.core.qualification.verification.CertificateFixtures;
import org.tezuo.core.qualification.verification.MutableClock;
import org.tezuo.core.qualification.verification.PinnedClockConfiguration;
import org.tezuo.core.tenant.Tenant;

@SpringBootTest
@Import(PinnedClockConfiguration.class)
class PostAbsenceGateTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final GateRequirement WELDING = new GateRequirement(Set.of("熔化焊接与热切割作业"), 30,
            "GB 30871-2022 4.9", "ruleset:hot-work@1");

    @Autowired
    QualificationGate gate;

    @Autowired
    PostAbsenceStore absences;

    @Autowired
    CertificateFixtures fixtures;

    @Autowired
    AuditLog audit;

    @Autowired
    MutableClock clock;

    Tenant tenant;
    Person welder;

    @BeforeEach
    void setUp() {
        clock.set("2026-09-01T01:00:00Z");
        tenant = fixtures.tenantWithLifecycle();
        welder = fixtures.person(tenant.id(), "王磊", "一车间焊接班");
        fixtures.certificate(tenant, welder, LocalDate.of(2029, 6, 30), LocalDate.of(2026, 12, 30),
                LocalDate.of(2023, 12, 20), CertificateState.VALID);
    }

    private List<String> gateMessages() {
        return gate.check(tenant.id(), List.of(GateSubject.withoutCertificate("作业人员", "王磊", welder.idNumber())),
                WELDING, clock.instant(), SHANGHAI).stream()
                .map(violation -> violation.message(Locale.SIMPLIFIED_CHINESE)).toList();
    }

    @Test
    void personAwayFromPostIsRefused() {
        absences.recordLeft(tenant.id(), welder.id(), LocalDate.of(2026, 8, 1), "hrbp");

        assertThat(gateMessages()).containsExactly(
                "作业人员“王磊”自 2026-08-01 起离岗，尚未登记返岗，不能从事该作业；返岗后请登记返岗日期");
    }

    @Test
    void sixMonthsAwayNeedPracticalReexam() {
        absences.recordLeft(tenant.id(), welder.id(), LocalDate.of(2026, 2, 1), "hrbp");
        absences.recordReturned(tenant.id(), welder.id(), LocalDate.of(2026, 8, 1), "hrbp");

        assertThat(gateMessages()).containsExactly("作业人员“王磊”于 2026-02-01 离岗、2026-08-01 返岗，离岗满 6 个月，"
                + "须重新通过实际操作考试后方可上岗（19号令第三十二条（待核实））；请登记实际操作考试合格日期");
    }

    @Test
    void passedReexamClearsTheGate() {
        absences.recordLeft(tenant.id(), welder.id(), LocalDate.of(2026, 2, 1), "hrbp");
        absences.recordReturned(tenant.id(), welder.id(), LocalDate.of(2026, 8, 1), "hrbp");

        absences.recordReexamPassed(tenant.id(), welder.id(), LocalDate.of(2026, 8, 20), "hrbp");

        assertThat(gateMessages()).isEmpty();
        assertThat(audit.forSubject(tenant.id(), "person", String.valueOf(welder.id())))
                .extracting(AuditEntry::action).containsExactly(PostAbsenceStore.AUDIT_LEFT,
                        PostAbsenceStore.AUDIT_RETURNED, PostAbsenceStore.AUDIT_REEXAM);
    }

    @Test
    void shortAbsenceNeedsNoReexam() {
        absences.recordLeft(tenant.id(), welder.id(), LocalDate.of(2026, 3, 1), "hrbp");
        absences.recordReturned(tenant.id(), welder.id(), LocalDate.of(2026, 8, 31), "hrbp");

        assertThat(gateMessages()).isEmpty();
    }

    @Test
    void returnBeforeLeaveIsRejected() {
        absences.recordLeft(tenant.id(), welder.id(), LocalDate.of(2026, 3, 1), "hrbp");

        assertThatThrownBy(() -> absences.recordReturned(tenant.id(), welder.id(), LocalDate.of(2026, 2, 1), "hrbp"))
                .isInstanceOfSatisfying(LifecycleException.class, e -> assertThat(e.message(Locale.SIMPLIFIED_CHINESE))
                        .isEqualTo("王磊 的返岗日期 2026-02-01 早于离岗日期 2026-03-01；请核对返岗日期"));
        assertThat(absences.latest(tenant.id(), welder.id())).get()
                .extracting(PostAbsence::returnedOn).isNull();
    }
}
