package org.tezuo.core.qualification.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.tezuo.core.audit.AuditEntry;
import org.tezuo.core.audit.AuditLog;
import org.tezuo.core.connector.ConnectorNotConfiguredException;
import org.tezuo.core.connector.registry.RegistryCertificateRecord;
import org.tezuo.core.connector.registry.RegistryStubServer;
import org.tezuo.core.qualification.Certificate;
import org.tezuo.core.qualification.CertificateState;
import org.tezuo.core.qualification.Person;
import org.tezuo.core.qualification.QualificationStore;
import org.tezuo.core.qualification.RegistryResult;
import org.tezuo.core.tenant.Tenant;

@SpringBootTest
@Import(PinnedClockConfiguration.class)
class CertificateVerifierTest {

    private static final Instant NOW = Instant.parse("2026-03-01T02:00:00Z");

    static RegistryStubServer registry;

    @Autowired
    CertificateVerifier verifier;

    @Autowired
    CertificateFixtures fixtures;

    @Autowired
    QualificationStore store;

    @Autowired
    VerificationRunStore runs;

    @Autowired
    AuditLog audit;

    @Autowired
    MutableClock clock;

    Tenant tenant;

    @BeforeAll
    static void startRegistry() throws IOException {
        registry = RegistryStubServer.start(0);
    }

    @AfterAll
    static void stopRegistry() {
        registry.close();
    }

    @BeforeEach
    void setUp() {
        clock.set(NOW);
        registry.setBehaviour(RegistryStubServer.Behaviour.NORMAL);
        tenant = fixtures.tenantWithLifecycle();
        fixtures.publishConnector(tenant.id(), "national-registry", "certificate-registry",
                registry.baseUrl().toString(), ", \"readTimeoutMs\": 400, \"connectTimeoutMs\": 400");
    }

    private Certificate validCertificate(Person holder) {
        return fixtures.certificate(tenant, holder, LocalDate.of(2029, 6, 30), LocalDate.of(2027, 6, 30),
                LocalDate.of(2024, 6, 20), CertificateState.VALID);
    }

    private Certificate reload(Certificate certificate) {
        return store.findCertificate(tenant.id(), certificate.id()).orElseThrow();
    }

    @Test
    void matchingRecordIsVerified() {
        Person holder = fixtures.person(tenant.id(), "张伟", "一车间焊接班");
        Certificate certificate = validCertificate(holder);
        registry.put(holder.idNumber(), CertificateFixtures.matchingRecord(holder, certificate, "有效"));

        CertificateCheck check = verifier.verifyCertificate(tenant.id(), certificate.id(), "admin");

        assertThat(check.result()).isEqualTo(RegistryResult.VERIFIED);
        assertThat(check.detail()).isEqualTo("与查询平台记录一致");
        assertThat(reload(certificate).registryResult()).isEqualTo(RegistryResult.VERIFIED);
        assertThat(reload(certificate).state()).isEqualTo(CertificateState.VALID);
    }

    @Test
    void mismatchingCategoryIsMismatchWithBothValues() {
        Person holder = fixtures.person(tenant.id(), "李强", "一车间焊接班");
        Certificate certificate = validCertificate(holder);
        RegistryCertificateRecord matching = CertificateFixtures.matchingRecord(holder, certificate, "有效");
        registry.put(holder.idNumber(), new RegistryCertificateRecord(matching.certNumber(), matching.name(),
                matching.gender(), "电工作业", "低压电工作业", matching.firstIssuedOn(), matching.validFrom(),
                matching.validUntil(), matching.reviewDueOn(), matching.reviewDoneOn(), matching.issuer(), "有效"));

        CertificateCheck check = verifier.verifyCertificate(tenant.id(), certificate.id(), "admin");

        assertThat(check.result()).isEqualTo(RegistryResult.MISMATCH);
        assertThat(check.detail()).isEqualTo("作业类别：台账为“焊接与热切割作业”，查询平台为“电工作业”；"
                + "操作项目：台账为“熔化焊接与热切割作业”，查询平台为“低压电工作业”");
        assertThat(check.stateAfter()).isEqualTo(CertificateState.REGISTRY_MISMATCH);
        assertThat(reload(certificate).registryDetail()).isEqualTo(check.detail());
        assertThat(store.anomaliesSince(tenant.id(), holder.id(), NOW.minusSeconds(1)))
                .extracting(QualificationStore.Anomaly::kind).containsExactly("REGISTRY_MISMATCH");
    }

    @Test
    void unknownCertificateIsNotFound() {
        Person holder = fixtures.person(tenant.id(), "王芳", "二车间");
        Certificate certificate = validCertificate(holder);

        CertificateCheck check = verifier.verifyCertificate(tenant.id(), certificate.id(), "admin");

        assertThat(check.result()).isEqualTo(RegistryResult.NOT_FOUND);
        assertThat(check.detail()).isEqualTo("查询平台没有证号为 " + certificate.certNumber() + " 的证书记录");
        assertThat(reload(certificate).state()).isEqualTo(CertificateState.REGISTRY_MISMATCH);
    }

    @Test
    void revokedInRegistryIsInvalid() {
        Person holder = fixtures.person(tenant.id(), "赵磊", "二车间");
        Certificate certificate = validCertificate(holder);
        registry.put(holder.idNumber(), CertificateFixtures.matchingRecord(holder, certificate, "撤销"));

        CertificateCheck check = verifier.verifyCertificate(tenant.id(), certificate.id(), "admin");

        assertThat(check.result()).isEqualTo(RegistryResult.INVALID_IN_REGISTRY);
        assertThat(check.detail()).isEqualTo("查询平台登记状态为“撤销”");
        assertThat(reload(certificate).state()).isEqualTo(CertificateState.INVALID);
        assertThat(store.anomaliesSince(tenant.id(), holder.id(), NOW.minusSeconds(1)))
                .extracting(QualificationStore.Anomaly::kind).containsExactly("INVALID");
        assertThat(audit.forSubject(tenant.id(), "certificate", String.valueOf(certificate.id())))
                .extracting(AuditEntry::action).containsExactly(CertificateStateRefresher.AUDIT_STATE_CHANGE);
    }

    @Test
    void registryDownLeavesMismatchStateUnchanged() {
        Person holder = fixtures.person(tenant.id(), "陈静", "三车间");
        Certificate certificate = validCertificate(holder);
        verifier.verifyCertificate(tenant.id(), certificate.id(), "admin");
        registry.setBehaviour(RegistryStubServer.Behaviour.SERVER_ERROR);

        VerificationRun run = verifier.verifyTenant(tenant.id(), AuditLog.SYSTEM_ACTOR);

        Certificate after = reload(certificate);
        assertThat(after.registryResult()).isEqualTo(RegistryResult.UNVERIFIABLE);
        assertThat(after.registryDetail()).isEqualTo("证书查询平台连接器“national-registry”返回 HTTP 500；"
                + "本次未能核验，证书状态保持不变，下次核验时重试");
        assertThat(after.state()).isEqualTo(CertificateState.REGISTRY_MISMATCH);
        assertThat(run.unverifiable()).isEqualTo(1);
        assertThat(run.changed()).isEmpty();
        assertThat(runs.lastConclusiveResult(tenant.id(), certificate.id())).contains(RegistryResult.NOT_FOUND);
    }

    @Test
    void registryTimeOutLeavesStateUnchanged() {
        Person holder = fixtures.person(tenant.id(), "刘洋", "三车间");
        Certificate certificate = validCertificate(holder);
        registry.put(holder.idNumber(), CertificateFixtures.matchingRecord(holder, certificate, "有效"));
        registry.setBehaviour(RegistryStubServer.Behaviour.HANG);

        CertificateCheck check = verifier.verifyCertificate(tenant.id(), certificate.id(), "admin");

        assertThat(check.result()).isEqualTo(RegistryResult.UNVERIFIABLE);
        assertThat(check.detail()).isEqualTo("证书查询平台连接器“national-registry”在 400 毫秒内未响应；"
                + "本次未能核验，证书状态保持不变，下次核验时重试");
        assertThat(reload(certificate).state()).isEqualTo(CertificateState.VALID);
    }

    @Test
    void garbageAnswerIsUnverifiable() {
        Person holder = fixtures.person(tenant.id(), "周敏", "三车间");
        Certificate certificate = validCertificate(holder);
        registry.setBehaviour(RegistryStubServer.Behaviour.GARBAGE);

        CertificateCheck check = verifier.verifyCertificate(tenant.id(), certificate.id(), "admin");

        assertThat(check.result()).isEqualTo(RegistryResult.UNVERIFIABLE);
        assertThat(check.detail()).startsWith("证书查询平台连接器“national-registry”返回的内容无法识别为证书记录");
        assertThat(reload(certificate).state()).isEqualTo(CertificateState.VALID);
    }

    @Test
    void secondRunChangesNothing() {
        Person first = fixtures.person(tenant.id(), "孙浩", "一车间焊接班");
        Certificate matching = validCertificate(first);
        registry.put(first.idNumber(), CertificateFixtures.matchingRecord(first, matching, "有效"));
        Person second = fixtures.person(tenant.id(), "吴刚", "一车间焊接班");
        Certificate unknown = validCertificate(second);

        VerificationRun firstRun = verifier.verifyTenant(tenant.id(), AuditLog.SYSTEM_ACTOR);
        VerificationRun secondRun = verifier.verifyTenant(tenant.id(), AuditLog.SYSTEM_ACTOR);

        assertThat(firstRun.checked()).isEqualTo(2);
        assertThat(firstRun.changed()).extracting(VerificationRun.CertificateChange::certificateId)
                .containsExactly(unknown.id());
        assertThat(firstRun.mismatches()).isEqualTo(1);
        assertThat(secondRun.checked()).isEqualTo(2);
        assertThat(secondRun.unchanged()).isEqualTo(2);
        assertThat(secondRun.changed()).isEmpty();
        assertThat(store.anomaliesSince(tenant.id(), second.id(), NOW.minusSeconds(1))).hasSize(1);
        assertThat(runs.find(tenant.id(), firstRun.id())).contains(firstRun);
    }

    @Test
    void reviewRecordedInRegistryLiftsOverdueState() {
        clock.set("2027-08-01T02:00:00Z");
        Person holder = fixtures.person(tenant.id(), "郑亮", "一车间焊接班");
        Certificate overdue = fixtures.certificate(tenant, holder, LocalDate.of(2029, 6, 30),
                LocalDate.of(2027, 6, 30), LocalDate.of(2024, 6, 20), CertificateState.REVIEW_OVERDUE);
        RegistryCertificateRecord ledgerCopy = CertificateFixtures.matchingRecord(holder, overdue, "有效");
        registry.put(holder.idNumber(), new RegistryCertificateRecord(ledgerCopy.certNumber(), ledgerCopy.name(),
                ledgerCopy.gender(), ledgerCopy.category(), ledgerCopy.item(), ledgerCopy.firstIssuedOn(),
                ledgerCopy.validFrom(), ledgerCopy.validUntil(), LocalDate.of(2030, 6, 30),
                LocalDate.of(2027, 7, 20), ledgerCopy.issuer(), "有效"));

        VerificationRun run = verifier.verifyTenant(tenant.id(), AuditLog.SYSTEM_ACTOR);

        Certificate after = reload(overdue);
        assertThat(after.reviewDoneOn()).isEqualTo(LocalDate.of(2027, 7, 20));
        assertThat(after.reviewDueOn()).isEqualTo(LocalDate.of(2030, 6, 30));
        assertThat(after.state()).isEqualTo(CertificateState.VALID);
        assertThat(after.registryResult()).isEqualTo(RegistryResult.VERIFIED);
        assertThat(run.changed()).singleElement().satisfies(change -> {
            assertThat(change.stateBefore()).isEqualTo(CertificateState.REVIEW_OVERDUE);
            assertThat(change.stateAfter()).isEqualTo(CertificateState.VALID);
            assertThat(change.adopted()).containsExactly(
                    new FieldDifference(ComparedField.REVIEW_DONE_ON, "2024-06-20", "2027-07-20"),
                    new FieldDifference(ComparedField.REVIEW_DUE_ON, "2027-06-30", "2030-06-30"));
        });
        assertThat(audit.forSubject(tenant.id(), "certificate", String.valueOf(overdue.id())))
                .extracting(AuditEntry::action)
                .containsExactly(CertificateVerifier.AUDIT_ADOPT, CertificateStateRefresher.AUDIT_STATE_CHANGE);
    }

    @Test
    void overdueReviewConfirmedByRegistryBecomesInvalid() {
        clock.set("2027-08-01T02:00:00Z");
        Person holder = fixtures.person(tenant.id(), "冯军", "一车间焊接班");
        Certificate overdue = fixtures.certificate(tenant, holder, LocalDate.of(2029, 6, 30),
                LocalDate.of(2027, 6, 30), LocalDate.of(2024, 6, 20), CertificateState.REVIEW_OVERDUE);
        registry.put(holder.idNumber(), CertificateFixtures.matchingRecord(holder, overdue, "有效"));

        CertificateCheck check = verifier.verifyCertificate(tenant.id(), overdue.id(), "admin");

        assertThat(check.result()).isEqualTo(RegistryResult.VERIFIED);
        assertThat(check.stateAfter()).isEqualTo(CertificateState.INVALID);
    }

    @Test
    void tenantWithoutRegistryConnectorIsRejected() {
        Tenant bare = fixtures.tenantWithLifecycle();

        assertThatThrownBy(() -> verifier.verifyTenant(bare.id(), "admin"))
                .isInstanceOfSatisfying(ConnectorNotConfiguredException.class, e -> assertThat(
                        e.message(Locale.SIMPLIFIED_CHINESE)).isEqualTo(
                        "本企业尚未发布类型为“certificate-registry”的连接器；请在元数据中心新建并发布该类型的连接器文档"));
    }

    @Test
    void rateLimitSpacesRequests() {
        fixtures.publishConnector(tenant.id(), "national-registry", "certificate-registry",
                registry.baseUrl().toString(), ", \"requestsPerSecond\": 10");
        for (String name : List.of("甲一", "甲二", "甲三")) {
            validCertificate(fixtures.person(tenant.id(), name, "四车间"));
        }
        int before = registry.requestCount();

        verifier.verifyTenant(tenant.id(), "admin");

        // The limiter spaces the sends 100 ms apart (RequestRateLimiterTest); arrival times at the stub also carry
        // connection set-up and scheduling delays, so only the span is checked here, with room for that jitter.
        // Unlimited, the three requests arrive within a few milliseconds.
        List<Long> arrivals = registry.requestNanos().subList(before, before + 3);
        assertThat(arrivals.get(2) - arrivals.get(0)).isGreaterThanOrEqualTo(120_000_000L);
    }
}
