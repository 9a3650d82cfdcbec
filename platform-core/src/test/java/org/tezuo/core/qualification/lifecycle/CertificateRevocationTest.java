package org.tezuo.core.qualification.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.tezuo.core.audit.AuditEntry;
import org.tezuo.core.audit.AuditLog;
import org.tezuo.core.qualification.Certificate;
import org.tezuo.core.qualification.CertificateState;
import org.tezuo.core.qualification.DatePrecision;
import org.tezuo.core.qualification.Person;
import org.tezuo.core.qualification.QualificationStore;
import org.tezuo.core.qualification.QualificationStore.CertificateData;
import org.tezuo.core.qualification.verification.CertificateFixtures;
import org.tezuo.core.qualification.verification.MutableClock;
import org.tezuo.core.qualification.verification.PinnedClockConfiguration;
import org.tezuo.core.tenant.Tenant;

@SpringBootTest
@Import(PinnedClockConfiguration.class)
class CertificateRevocationTest {

    @Autowired
    CertificateRevocation revocation;

    @Autowired
    CertificateFixtures fixtures;

    @Autowired
    QualificationStore store;

    @Autowired
    AuditLog audit;

    @Autowired
    MutableClock clock;

    Tenant tenant;
    Person holder;
    Certificate certificate;

    @BeforeEach
    void setUp() {
        clock.set("2026-07-01T01:00:00Z");
        tenant = fixtures.tenantWithLifecycle();
        holder = fixtures.person(tenant.id(), "李强", "一车间焊接班");
        certificate = fixtures.certificate(tenant, holder, LocalDate.of(2029, 6, 30), LocalDate.of(2026, 6, 30),
                LocalDate.of(2026, 6, 20), CertificateState.VALID);
    }

    private String message(Throwable thrown) {
        return ((LifecycleException) thrown).message(Locale.SIMPLIFIED_CHINESE);
    }

    @Test
    void revocationIsAuditedWithReason() {
        Certificate revoked = revocation.revoke(tenant.id(), certificate.id(), "  发证机关撤销决定书〔2026〕3号 ", "admin");

        assertThat(revoked.state()).isEqualTo(CertificateState.REVOKED);
        assertThat(revoked.stateReason()).isEqualTo("发证机关撤销决定书〔2026〕3号");
        assertThat(audit.forSubject(tenant.id(), "certificate", String.valueOf(certificate.id())))
                .singleElement().satisfies(entry -> {
                    assertThat(entry.action()).isEqualTo(CertificateRevocation.AUDIT_REVOKE);
                    assertThat(entry.actor()).isEqualTo("admin");
                });
        assertThat(store.anomaliesSince(tenant.id(), holder.id(), clock.instant().minusSeconds(1)))
                .singleElement().satisfies(anomaly -> assertThat(anomaly.detail()).isEqualTo("证书 "
                        + certificate.certNumber() + " 已由管理员设为“已撤销（吊销）”：发证机关撤销决定书〔2026〕3号"));
    }

    @Test
    void blankReasonIsRejected() {
        assertThatThrownBy(() -> revocation.cancel(tenant.id(), certificate.id(), "  ", "admin"))
                .satisfies(thrown -> assertThat(message(thrown)).isEqualTo("将证书 " + certificate.certNumber()
                        + " 设为“已注销”须填写原因（如发证机关文书编号）；请填写原因后重试"));

        assertThat(store.findCertificate(tenant.id(), certificate.id()).orElseThrow().state())
                .isEqualTo(CertificateState.VALID);
    }

    @Test
    void cancelledCertificateCannotBeRevoked() {
        revocation.revoke(tenant.id(), certificate.id(), "撤销决定", "admin");
        revocation.cancel(tenant.id(), certificate.id(), "本人申请注销", "admin");

        assertThatThrownBy(() -> revocation.revoke(tenant.id(), certificate.id(), "再次撤销", "admin"))
                .satisfies(thrown -> assertThat(message(thrown)).isEqualTo("证书 " + certificate.certNumber()
                        + " 已注销，不能再撤销；如需恢复，请在台账中登记新证书"));
        assertThat(audit.forSubject(tenant.id(), "certificate", String.valueOf(certificate.id())))
                .extracting(AuditEntry::action)
                .containsExactly(CertificateRevocation.AUDIT_REVOKE, CertificateRevocation.AUDIT_CANCEL);
    }

    @Test
    void reimportKeepsRevokedState() {
        revocation.revoke(tenant.id(), certificate.id(), "撤销决定", "admin");
        CertificateData again = new CertificateData(certificate.certNumber(), certificate.category(),
                certificate.item(), certificate.firstIssuedOn(), DatePrecision.DAY, certificate.validFrom(),
                certificate.validUntil(), DatePrecision.DAY, certificate.reviewDueOn(), certificate.reviewDoneOn(),
                certificate.issuer());

        Certificate reimported = store.upsertCertificate(tenant.id(), holder.id(), again, CertificateState.VALID);
        boolean recomputed = store.updateState(tenant.id(), certificate.id(), CertificateState.VALID);

        assertThat(reimported.state()).isEqualTo(CertificateState.REVOKED);
        assertThat(recomputed).isFalse();
    }

    @Test
    void extensionNeedsTenYearsSinceFirstIssue() {
        assertThatThrownBy(() -> revocation.approveReviewExtension(tenant.id(), certificate.id(),
                LocalDate.of(2026, 5, 1), "admin"))
                .satisfies(thrown -> assertThat(message(thrown)).isEqualTo("证书 " + certificate.certNumber()
                        + " 初领日期为 2023-06-30，不满 10 年，不能登记延长复审周期（30号令第二十一条）；"
                        + "请核对初领日期或发证机关的批准文件"));
    }

    @Test
    void extensionIsRecordedForLongRecord() {
        Certificate veteran = store.upsertCertificate(tenant.id(), holder.id(), new CertificateData(
                "T-veteran", "电工作业", "低压电工作业", LocalDate.of(2012, 3, 1), DatePrecision.DAY,
                LocalDate.of(2024, 3, 1), LocalDate.of(2030, 3, 1), DatePrecision.DAY, null, null, "某市应急管理局"),
                CertificateState.VALID);

        Certificate approved = revocation.approveReviewExtension(tenant.id(), veteran.id(),
                LocalDate.of(2026, 5, 1), "admin");

        assertThat(approved.reviewExtensionApprovedOn()).isEqualTo(LocalDate.of(2026, 5, 1));
        assertThat(audit.forSubject(tenant.id(), "certificate", String.valueOf(veteran.id())))
                .extracting(AuditEntry::action).containsExactly(CertificateRevocation.AUDIT_EXTENSION);
    }
}
