package org.tezuo.core.qualification.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tezuo.core.audit.AuditEntry;
import org.tezuo.core.audit.AuditLog;
import org.tezuo.core.connector.registry.RegistryCertificateRecord;
import org.tezuo.core.connector.registry.RegistryStubServer;
import org.tezuo.core.qualification.Certificate;
import org.tezuo.core.qualification.CertificateState;
import org.tezuo.core.qualification.Person;
import org.tezuo.core.qualification.QualificationStore;
import org.tezuo.core.qualification.RegistryResult;
import org.tezuo.core.tenant.Tenant;

/**
 * Tenant runs against the loopback registry stub on real PostgreSQL: outages, slow responses, transient errors, a
 * process that dies mid-run, repeated runs and the run report.
 */
@SpringBootTest
@Import({PinnedClockConfiguration.class, CrashingRegistryConfiguration.class})
class VerificationRunResilienceTest {

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
    RunReportReader reports;

    @Autowired
    AuditLog audit;

    @Autowired
    MutableClock clock;

    @Autowired
    CrashingRegistryConfiguration.CrashSwitch crashSwitch;

    @Autowired
    JdbcClient jdbc;

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
        crashSwitch.off();
        registry.setBehaviour(RegistryStubServer.Behaviour.NORMAL);
        registry.setResponseDelay(Duration.ZERO);
        registry.failNext(0, 503);
        tenant = fixtures.tenantWithLifecycle();
        publishConnector("");
    }

    /** Publishes the registry connector with one lookup in flight and 1 ms retry waits, plus {@code extraJson}. */
    private void publishConnector(String extraJson) {
        fixtures.publishConnector(tenant.id(), "national-registry", "certificate-registry",
                registry.baseUrl().toString(), ", \"readTimeoutMs\": 2000, \"maxConcurrentRequests\": 1, "
                        + "\"retry\": {\"maxAttempts\": 3, \"initialDelayMs\": 1, \"maxDelayMs\": 2}" + extraJson);
    }

    private Certificate validCertificate(Person holder) {
        return fixtures.certificate(tenant, holder, LocalDate.of(2029, 6, 30), LocalDate.of(2027, 6, 30),
                LocalDate.of(2024, 6, 20), CertificateState.VALID);
    }

    /** Creates certificates that the registry has no record of, so that any conclusive check would change them. */
    private List<Certificate> unknownCertificates(int count) {
        List<Certificate> certificates = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            certificates.add(validCertificate(fixtures.person(tenant.id(), "未知" + i, "五车间")));
        }
        return certificates;
    }

    /** Creates certificates that the registry shows exactly as the ledger does. */
    private List<Certificate> matchingCertificates(int count) {
        List<Certificate> certificates = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Person holder = fixtures.person(tenant.id(), "一致" + i, "五车间");
            Certificate certificate = validCertificate(holder);
            registry.put(holder.idNumber(), CertificateFixtures.matchingRecord(holder, certificate, "有效"));
            certificates.add(certificate);
        }
        return certificates;
    }

    private CertificateState stateOf(Certificate certificate) {
        return store.findCertificate(tenant.id(), certificate.id()).orElseThrow().state();
    }

    private int checksInRun(long runId, long certificateId) {
        return jdbc.sql("select count(*) from verification_check where run_id = ? and certificate_id = ?")
                .params(runId, certificateId).query(Integer.class).single();
    }

    @Test
    void outageChangesNoStateAndOpensCircuit() {
        publishConnector(", \"circuitBreaker\": {\"failureThreshold\": 2, \"openMs\": 60000}");
        List<Certificate> certificates = unknownCertificates(6);
        registry.setBehaviour(RegistryStubServer.Behaviour.SERVER_ERROR);
        int before = registry.requestCount();

        VerificationRun run = verifier.verifyTenant(tenant.id(), AuditLog.SYSTEM_ACTOR);

        assertThat(run.checked()).isEqualTo(6);
        assertThat(run.unverifiable()).isEqualTo(6);
        assertThat(run.changed()).isEmpty();
        assertThat(run.mismatches()).isZero();
        // Two lookups of three attempts each open the circuit; the other four certificates are not sent.
        assertThat(registry.requestCount() - before).isEqualTo(6);
        assertThat(certificates).allSatisfy(certificate -> assertThat(stateOf(certificate))
                .isEqualTo(CertificateState.VALID));
        assertThat(store.findCertificate(tenant.id(), certificates.getLast().id()).orElseThrow().registryDetail())
                .startsWith("证书查询平台连接器“national-registry”连续 2 次未能查询，已暂停调用 60 秒");
        assertThat(store.anomaliesSince(tenant.id(), certificates.getFirst().personId(), NOW.minusSeconds(1)))
                .isEmpty();
    }

    @Test
    void slowAnswersTimeOutWithoutStateChange() {
        publishConnector(", \"readTimeoutMs\": 150");
        List<Certificate> certificates = unknownCertificates(2);
        registry.setResponseDelay(Duration.ofMillis(700));

        VerificationRun run = verifier.verifyTenant(tenant.id(), AuditLog.SYSTEM_ACTOR);

        assertThat(run.unverifiable()).isEqualTo(2);
        assertThat(run.changed()).isEmpty();
        assertThat(certificates).allSatisfy(certificate -> assertThat(stateOf(certificate))
                .isEqualTo(CertificateState.VALID));
        assertThat(store.findCertificate(tenant.id(), certificates.getFirst().id()).orElseThrow().registryResult())
                .isEqualTo(RegistryResult.UNVERIFIABLE);
    }

    @Test
    void transient503sAreRetriedWithinRun() {
        List<Certificate> certificates = matchingCertificates(1);
        registry.failNext(2, 503);

        VerificationRun run = verifier.verifyTenant(tenant.id(), AuditLog.SYSTEM_ACTOR);

        assertThat(run.unverifiable()).isZero();
        assertThat(store.findCertificate(tenant.id(), certificates.getFirst().id()).orElseThrow().registryResult())
                .isEqualTo(RegistryResult.VERIFIED);
    }

    @Test
    void interruptedRunResumesWhereItStopped() {
        List<Certificate> certificates = matchingCertificates(5);
        crashSwitch.crashOnLookup(3);

        assertThatThrownBy(() -> verifier.verifyTenant(tenant.id(), AuditLog.SYSTEM_ACTOR))
                .isInstanceOf(CrashingRegistryConfiguration.SimulatedCrash.class);
        VerificationRunStore.OpenRun interrupted = runs.unfinished(tenant.id()).orElseThrow();
        int requestsBeforeResume = registry.requestCount();
        // Lookups run in parallel, so a lookup started after the crashing one may have been stored before it.
        int storedBeforeCrash = jdbc.sql("select count(*) from verification_check where run_id = ?")
                .param(interrupted.id()).query(Integer.class).single();

        VerificationRun resumed = verifier.verifyTenant(tenant.id(), AuditLog.SYSTEM_ACTOR);

        assertThat(resumed.id()).isEqualTo(interrupted.id());
        assertThat(resumed.checked()).isEqualTo(5);
        assertThat(storedBeforeCrash).isBetween(2, 4);
        assertThat(registry.requestCount() - requestsBeforeResume).isEqualTo(5 - storedBeforeCrash);
        assertThat(certificates).allSatisfy(certificate -> assertThat(checksInRun(resumed.id(), certificate.id()))
                .isEqualTo(1));
        assertThat(runs.unfinished(tenant.id())).isEmpty();
    }

    @Test
    void unexpectedErrorSkipsOnlyThatCertificate() {
        List<Certificate> certificates = matchingCertificates(3);
        crashSwitch.failOnLookup(2);

        VerificationRun run = verifier.verifyTenant(tenant.id(), AuditLog.SYSTEM_ACTOR);
        VerificationRun next = verifier.verifyTenant(tenant.id(), AuditLog.SYSTEM_ACTOR);

        assertThat(run.checked()).isEqualTo(2);
        assertThat(checksInRun(run.id(), certificates.get(1).id())).isZero();
        assertThat(runs.unfinished(tenant.id())).isEmpty();
        assertThat(next.checked()).isEqualTo(3);
        assertThat(stateOf(certificates.get(1))).isEqualTo(CertificateState.VALID);
    }

    @Test
    void repeatedRunAfterOutageRecordsNothingTwice() {
        Person holder = fixtures.person(tenant.id(), "钱进", "五车间");
        Certificate certificate = validCertificate(holder);
        RegistryCertificateRecord matching = CertificateFixtures.matchingRecord(holder, certificate, "有效");
        registry.put(holder.idNumber(), new RegistryCertificateRecord(matching.certNumber(), matching.name(),
                matching.gender(), "电工作业", matching.item(), matching.firstIssuedOn(), matching.validFrom(),
                matching.validUntil(), matching.reviewDueOn(), matching.reviewDoneOn(), matching.issuer(), "有效"));

        VerificationRun first = verifier.verifyTenant(tenant.id(), AuditLog.SYSTEM_ACTOR);
        registry.setBehaviour(RegistryStubServer.Behaviour.SERVER_ERROR);
        VerificationRun duringOutage = verifier.verifyTenant(tenant.id(), AuditLog.SYSTEM_ACTOR);
        registry.setBehaviour(RegistryStubServer.Behaviour.NORMAL);
        VerificationRun again = verifier.verifyTenant(tenant.id(), AuditLog.SYSTEM_ACTOR);

        assertThat(first.changed()).hasSize(1);
        assertThat(duringOutage.changed()).isEmpty();
        assertThat(again.changed()).isEmpty();
        assertThat(again.unchanged()).isEqualTo(1);
        assertThat(stateOf(certificate)).isEqualTo(CertificateState.REGISTRY_MISMATCH);
        assertThat(store.anomaliesSince(tenant.id(), holder.id(), NOW.minusSeconds(1))).hasSize(1);
        assertThat(audit.forSubject(tenant.id(), "certificate", String.valueOf(certificate.id())))
                .extracting(AuditEntry::action).containsExactly(CertificateStateRefresher.AUDIT_STATE_CHANGE);
    }

    @Test
    void reportListsChangesAndMismatchesWithMaskedNumbers() {
        clock.set("2027-08-01T02:00:00Z");
        Person reviewed = fixtures.person(tenant.id(), "孔明", "五车间");
        Certificate overdue = fixtures.certificate(tenant, reviewed, LocalDate.of(2029, 6, 30),
                LocalDate.of(2027, 6, 30), LocalDate.of(2024, 6, 20), CertificateState.REVIEW_OVERDUE);
        RegistryCertificateRecord copy = CertificateFixtures.matchingRecord(reviewed, overdue, "有效");
        registry.put(reviewed.idNumber(), new RegistryCertificateRecord(copy.certNumber(), copy.name(), copy.gender(),
                copy.category(), copy.item(), copy.firstIssuedOn(), copy.validFrom(), copy.validUntil(),
                LocalDate.of(2030, 6, 30), LocalDate.of(2027, 7, 20), copy.issuer(), "有效"));
        Person mismatched = fixtures.person(tenant.id(), "周瑜", "五车间");
        Certificate differing = fixtures.certificate(tenant, mismatched, LocalDate.of(2029, 6, 30),
                LocalDate.of(2030, 6, 30), LocalDate.of(2027, 7, 1), CertificateState.VALID);
        RegistryCertificateRecord other = CertificateFixtures.matchingRecord(mismatched, differing, "有效");
        registry.put(mismatched.idNumber(), new RegistryCertificateRecord(other.certNumber(), other.name(),
                other.gender(), other.category(), "气割作业", other.firstIssuedOn(), other.validFrom(),
                other.validUntil(), other.reviewDueOn(), other.reviewDoneOn(), other.issuer(), "有效"));

        VerificationRun run = verifier.verifyTenant(tenant.id(), AuditLog.SYSTEM_ACTOR);
        List<VerificationRun.CertificateChange> changes = reports.changes(tenant.id(), run.id(), 50, 0);
        List<RunMismatch> mismatches = reports.mismatches(tenant.id(), run.id(), 50, 0);

        assertThat(run.checked()).isEqualTo(2);
        assertThat(run.mismatches()).isEqualTo(1);
        assertThat(changes).extracting(VerificationRun.CertificateChange::certificateId)
                .containsExactly(overdue.id(), differing.id());
        VerificationRun.CertificateChange review = changes.getFirst();
        assertThat(review.certNumber()).isEqualTo("T" + reviewed.idNumber().substring(0, 4) + "**********"
                + reviewed.idNumber().substring(14));
        assertThat(review.stateBefore()).isEqualTo(CertificateState.REVIEW_OVERDUE);
        assertThat(review.stateAfter()).isEqualTo(CertificateState.VALID);
        assertThat(review.adopted()).containsExactly(
                new FieldDifference(ComparedField.REVIEW_DONE_ON, "2024-06-20", "2027-07-20"),
                new FieldDifference(ComparedField.REVIEW_DUE_ON, "2027-06-30", "2030-06-30"));
        assertThat(review.result()).isEqualTo(RegistryResult.VERIFIED);
        assertThat(review.differences()).isEmpty();
        assertThat(changes.get(1).stateAfter()).isEqualTo(CertificateState.REGISTRY_MISMATCH);
        assertThat(changes.get(1).result()).isEqualTo(RegistryResult.MISMATCH);
        assertThat(changes.get(1).adopted()).isEmpty();
        assertThat(changes.get(1).differences()).containsExactly(
                new FieldDifference(ComparedField.ITEM, "熔化焊接与热切割作业", "气割作业"));
        assertThat(mismatches).singleElement().satisfies(mismatch -> {
            assertThat(mismatch.certificateId()).isEqualTo(differing.id());
            assertThat(mismatch.certNumber()).doesNotContain(mismatched.idNumber());
            assertThat(mismatch.field()).isEqualTo(ComparedField.ITEM);
            assertThat(mismatch.ledgerValue()).isEqualTo("熔化焊接与热切割作业");
            assertThat(mismatch.registryValue()).isEqualTo("气割作业");
        });
        assertThat(run.changed()).extracting(VerificationRun.CertificateChange::certNumber)
                .noneMatch(number -> number.contains(reviewed.idNumber()));
    }

    @Test
    void reportOfUnknownRunIsRejected() {
        assertThatThrownBy(() -> reports.changes(tenant.id(), Long.MAX_VALUE, 10, 0))
                .isInstanceOfSatisfying(VerificationRunNotFoundException.class, e -> assertThat(
                        e.message(Locale.SIMPLIFIED_CHINESE)).isEqualTo("未找到编号为 " + Long.MAX_VALUE
                        + " 的核验记录；请刷新核验记录列表后重试"));
    }
}
