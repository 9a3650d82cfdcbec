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
import org.tezuo.core.privacy.IdNumberMask;
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
                .satisfies(thrown -> assertThat(message(thrown)).isEqualTo("将证书 " + masked(certificate)
                        + " 设为“已注销”须填写原因（如发证机关文书编号）；请填写原因后重试"));

        assertThat(store.findCertificate(tenant.id(), certificate.id()).orElseThrow().state())
                .isEqualTo(CertificateState.VALID);
    }

    @Test
    void cancelledCertificateCannotBeRevoked() {
        revocation.revoke(tenant.id(), certificate.id(), "撤销决定", "admin");
        revocation.cancel(tenant.id(), certificate.id(), "本人申请注销", "admin");

        assertThatThrownBy(() -> revocation.revoke(tenant.id(), certificate.id(), "再次撤销", "admin"))
                .satisfies(thrown -> assertThat(message(thrown)).isEqualTo("证书 " + masked(certificate)
                        + " 已注销，不能再设为“已撤销（吊销）”；如需恢复，请在台账中登记新证书"));
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
    void errorMessagesMaskIdNumberInCertificateNumber() {
        assertThatThrownBy(() -> revocation.revoke(tenant.id(), certificate.id(), null, "admin"))
                .satisfies(thrown -> assertThat(message(thrown))
                        .contains("T" + holder.idNumber().substring(0, 4) + "**********"
                                + holder.idNumber().substring(14))
                        .doesNotContain(holder.idNumber()));
    }

    @Test
    void extensionNeedsTenYearsSinceFirstIssue() {
        assertThatThrownBy(() -> revocation.approveReviewExtension(tenant.id(), certificate.id(),
                LocalDate.of(2026, 5, 1), "admin"))
                .satisfies(thrown -> assertThat(message(thrown)).isEqualTo("证书 " + masked(certificate)
                        + " 初领日期为 2023-06-30，至批准日期 2026-05-01 不满 10 年，不能登记延长复审周期（30号令第二十一条）；"
                        + "请核对初领日期或发证机关的批准文件"));
    }

    @Test
    void extensionIsRecordedForLongRecord() {
        Certificate veteran = veteran("T-veteran", LocalDate.of(2012, 3, 1));

        Certificate approved = revocation.approveReviewExtension(tenant.id(), veteran.id(),
                LocalDate.of(2026, 5, 1), "admin");

        assertThat(approved.reviewExtensionApprovedOn()).isEqualTo(LocalDate.of(2026, 5, 1));
        assertThat(audit.forSubject(tenant.id(), "certificate", String.valueOf(veteran.id())))
                .extracting(AuditEntry::action).containsExactly(CertificateRevocation.AUDIT_EXTENSION);
    }

    @Test
    void extensionAcceptsExactlyTenYears() {
        Certificate veteran = veteran("T-exact", LocalDate.of(2016, 5, 1));

        Certificate approved = revocation.approveReviewExtension(tenant.id(), veteran.id(),
                LocalDate.of(2026, 5, 1), "admin");

        assertThat(approved.reviewExtensionApprovedOn()).isEqualTo(LocalDate.of(2026, 5, 1));
    }

    @Test
    void extensionRejectsOneDayShort() {
        Certificate veteran = veteran("T-short", LocalDate.of(2016, 5, 2));

        assertThatThrownBy(() -> revocation.approveReviewExtension(tenant.id(), veteran.id(),
                LocalDate.of(2026, 5, 1), "admin"))
                .satisfies(thrown -> assertThat(message(thrown)).isEqualTo("证书 T-short 初领日期为 2016-05-02，"
                        + "至批准日期 2026-05-01 不满 10 年，不能登记延长复审周期（30号令第二十一条）；"
                        + "请核对初领日期或发证机关的批准文件"));
        assertThat(store.findCertificate(tenant.id(), veteran.id()).orElseThrow().reviewExtensionApprovedOn())
                .isNull();
    }

    @Test
    void extensionRejectsRevocationInsidePeriod() {
        Certificate veteran = veteran("T-veteran", LocalDate.of(2012, 3, 1));
        revocation.revoke(tenant.id(), certificate.id(), "撤销决定书〔2026〕9号", "admin");

        assertThatThrownBy(() -> revocation.approveReviewExtension(tenant.id(), veteran.id(),
                LocalDate.of(2026, 7, 1), "admin"))
                .satisfies(thrown -> assertThat(message(thrown)).isEqualTo("证书 T-veteran 在 2016-07-01 至 "
                        + "2026-07-01 期间有 1 条资质异常或撤销记录，最近一条在 2026-07-01：证书 " + masked(certificate)
                        + " 已由管理员设为“已撤销（吊销）”：撤销决定书〔2026〕9号；不满足连续 10 年严格遵守安全生产法律法规的要求"
                        + "（19号令），不能登记延长复审周期；请核实这些记录后再办理"));
        assertThat(store.findCertificate(tenant.id(), veteran.id()).orElseThrow().reviewExtensionApprovedOn())
                .isNull();
    }

    @Test
    void extensionRejectsLapseOfSameCertificateInsidePeriod() {
        Certificate veteran = veteran("T-veteran", LocalDate.of(2012, 3, 1));
        recordAnomalyAt("2020-08-01T02:00:00Z", veteran, "REVIEW_OVERDUE", "证书 T-veteran 逾期未复审");

        assertThatThrownBy(() -> revocation.approveReviewExtension(tenant.id(), veteran.id(),
                LocalDate.of(2026, 5, 1), "admin"))
                .satisfies(thrown -> assertThat(message(thrown)).startsWith("证书 T-veteran 在 2016-05-01 至 "
                        + "2026-05-01 期间有 1 条资质异常或撤销记录，最近一条在 2020-08-01：证书 T-veteran 逾期未复审；"));
    }

    @Test
    void extensionIgnoresAnomalyBeforePeriod() {
        Certificate veteran = veteran("T-veteran", LocalDate.of(2012, 3, 1));
        recordAnomalyAt("2016-04-30T15:00:00Z", veteran, "REVIEW_OVERDUE", "证书 T-veteran 逾期未复审");

        Certificate approved = revocation.approveReviewExtension(tenant.id(), veteran.id(),
                LocalDate.of(2026, 5, 1), "admin");

        assertThat(approved.reviewExtensionApprovedOn()).isEqualTo(LocalDate.of(2026, 5, 1));
    }

    @Test
    void extensionRejectsApprovalDateInFuture() {
        Certificate veteran = veteran("T-veteran", LocalDate.of(2012, 3, 1));

        assertThatThrownBy(() -> revocation.approveReviewExtension(tenant.id(), veteran.id(),
                LocalDate.of(2026, 7, 2), "admin"))
                .satisfies(thrown -> assertThat(message(thrown)).isEqualTo("批准日期 2026-07-02 晚于今天（2026-07-01），"
                        + "不能登记证书 T-veteran 的延长复审周期；请填写发证机关实际批准的日期"));
    }

    private Certificate veteran(String certNumber, LocalDate firstIssuedOn) {
        return store.upsertCertificate(tenant.id(), holder.id(), new CertificateData(
                certNumber, "电工作业", "低压电工作业", firstIssuedOn, DatePrecision.DAY,
                LocalDate.of(2024, 3, 1), LocalDate.of(2030, 3, 1), DatePrecision.DAY, null, null, "某市应急管理局"),
                CertificateState.VALID);
    }

    /** Records an anomaly of {@code certificate} as if the warning pass had found it at {@code instant}. */
    private void recordAnomalyAt(String instant, Certificate certificate, String kind, String detail) {
        String now = clock.instant().toString();
        clock.set(instant);
        store.recordAnomaly(tenant.id(), holder.id(), certificate.id(), kind, detail);
        clock.set(now);
    }

    private static String masked(Certificate certificate) {
        return IdNumberMask.mask(certificate.certNumber());
    }
}
