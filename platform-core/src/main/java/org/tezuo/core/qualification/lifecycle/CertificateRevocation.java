package org.tezuo.core.qualification.lifecycle;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tezuo.core.audit.AuditLog;
import org.tezuo.core.i18n.UserMessages;
import org.tezuo.core.privacy.IdNumberMask;
import org.tezuo.core.qualification.Certificate;
import org.tezuo.core.qualification.CertificateState;
import org.tezuo.core.qualification.LifecycleRule;
import org.tezuo.core.qualification.QualificationStore;
import org.tezuo.core.qualification.verification.LifecyclePolicyResolver;
import org.tezuo.core.tenant.TenantDirectory;

/**
 * Administrative certificate changes: revocation (撤销, 30号令 第三十条) and cancellation (注销, 第三十一条), each with
 * a reason, and approval of the extended review interval (第二十一条). Every change is audited; a revocation or
 * cancellation also records a qualification anomaly, so the permit gate and the warning pass act on it. Error
 * messages show certificate numbers masked by {@link IdNumberMask}, because the number usually embeds the holder's
 * ID number and the message may reach users, logs and API clients that may not see it.
 */
@Component
public class CertificateRevocation {

    public static final String AUDIT_REVOKE = "certificate.revoke";
    public static final String AUDIT_CANCEL = "certificate.cancel";
    public static final String AUDIT_EXTENSION = "certificate.review-extension";

    private static final Logger log = LoggerFactory.getLogger(CertificateRevocation.class);

    private final QualificationStore store;
    private final LifecyclePolicyResolver policies;
    private final TenantDirectory tenants;
    private final AuditLog audit;
    private final Clock clock;

    public CertificateRevocation(QualificationStore store, LifecyclePolicyResolver policies, TenantDirectory tenants,
            AuditLog audit, Clock clock) {
        this.store = store;
        this.policies = policies;
        this.tenants = tenants;
        this.audit = audit;
        this.clock = clock;
    }

    /** Revokes the certificate; a cancelled certificate cannot be revoked. */
    @Transactional
    public Certificate revoke(long tenantId, long certificateId, @Nullable String reason, String actor) {
        return setState(tenantId, certificateId, CertificateState.REVOKED, reason, actor, AUDIT_REVOKE);
    }

    /** Cancels the certificate, also after a revocation. */
    @Transactional
    public Certificate cancel(long tenantId, long certificateId, @Nullable String reason, String actor) {
        return setState(tenantId, certificateId, CertificateState.CANCELLED, reason, actor, AUDIT_CANCEL);
    }

    /**
     * Records that the authority approved the extended review interval on {@code approvedOn}. The rule in force on
     * that day must offer an extension. The holder must have a clean record for the rule's clean-record years up to
     * that day (第二十一条: 连续从事本工种10年以上、严格遵守有关安全生产法律法规). So the certificate must be in force and
     * first issued at least that long before, with no qualification anomaly of it and no revocation of another of
     * the holder's certificates recorded in the period. Exactly the full number of years counts, so a certificate
     * first issued on 2016-03-05 qualifies on 2026-03-05.
     */
    @Transactional
    public Certificate approveReviewExtension(long tenantId, long certificateId, LocalDate approvedOn,
            String actor) {
        Certificate certificate = require(tenantId, certificateId);
        String certNumber = IdNumberMask.mask(certificate.certNumber());
        ZoneId zone = tenants.require(tenantId).zone();
        LocalDate today = clock.instant().atZone(zone).toLocalDate();
        if (approvedOn.isAfter(today)) {
            throw new LifecycleException("extension.approvedInFuture", certNumber, approvedOn, today);
        }
        LifecycleRule rule = policies.policyFor(tenantId).rules()
                .ruleOn(certificate.certificateClass(), approvedOn)
                .orElseThrow(() -> new LifecycleException("extension.noRule", certNumber, approvedOn));
        if (rule.extendedReviewIntervalYears() == null || rule.cleanRecordYears() == null) {
            throw new LifecycleException("extension.notOffered", certNumber, rule.regulation());
        }
        checkCleanRecord(certificate, rule.cleanRecordYears(), approvedOn, zone);

        store.setReviewExtensionApproved(tenantId, certificateId, approvedOn);
        audit.append(tenantId, actor, AUDIT_EXTENSION, "certificate", String.valueOf(certificateId), null,
                Map.of("approvedOn", approvedOn.toString(), "rule", rule.id()));
        return require(tenantId, certificateId);
    }

    /**
     * Rejects the extension unless the certificate was held continuously and without a recorded anomaly for
     * {@code cleanRecordYears} up to {@code approvedOn}. Anomalies of the certificate itself count whatever their
     * kind (lapse, registry mismatch, freeze, revocation), and a revocation of any other certificate of the holder
     * counts as a violation.
     */
    // NOTE: only anomalies recorded since the tenant started using Tezuo are known. The user who enters the
    // approval must check earlier violations against the authority's records.
    private void checkCleanRecord(Certificate certificate, LifecycleRule.Value cleanRecordYears, LocalDate approvedOn,
            ZoneId zone) {
        String certNumber = IdNumberMask.mask(certificate.certNumber());
        int years = cleanRecordYears.amount();
        if (!certificate.state().permitsWork()) {
            throw new LifecycleException("extension.notInForce", certNumber,
                    certificate.state().label(UserMessages.DEFAULT_LOCALE));
        }
        if (certificate.firstIssuedOn() == null) {
            throw new LifecycleException("extension.firstIssueMissing", certNumber, years, cleanRecordYears.source());
        }
        LocalDate periodStart = approvedOn.minusYears(years);
        if (certificate.firstIssuedOn().isAfter(periodStart)) {
            throw new LifecycleException("extension.recordTooShort", certNumber,
                    certificate.firstIssuedOn().toString(), years, cleanRecordYears.source(), approvedOn);
        }

        Instant from = periodStart.atStartOfDay(zone).toInstant();
        Instant through = approvedOn.plusDays(1).atStartOfDay(zone).toInstant();
        List<QualificationStore.Anomaly> blocking = store.anomaliesSince(certificate.tenantId(),
                        certificate.personId(), from).stream()
                .filter(anomaly -> anomaly.occurredAt().isBefore(through))
                .filter(anomaly -> Long.valueOf(certificate.id()).equals(anomaly.certificateId())
                        || CertificateState.REVOKED.name().equals(anomaly.kind()))
                .toList();
        if (!blocking.isEmpty()) {
            QualificationStore.Anomaly latest = blocking.getFirst();
            throw new LifecycleException("extension.anomalyInPeriod", certNumber, periodStart, approvedOn,
                    blocking.size(), latest.occurredAt().atZone(zone).toLocalDate(),
                    IdNumberMask.mask(latest.detail()), years, cleanRecordYears.source());
        }
    }

    private Certificate setState(long tenantId, long certificateId, CertificateState state, @Nullable String reason,
            String actor, String auditAction) {
        Certificate certificate = require(tenantId, certificateId);
        String trimmed = reason == null ? "" : reason.strip();
        if (trimmed.isEmpty()) {
            throw new LifecycleException("state.reasonMissing", IdNumberMask.mask(certificate.certNumber()),
                    state.label(UserMessages.DEFAULT_LOCALE));
        }
        if (certificate.state() == CertificateState.CANCELLED) {
            throw new LifecycleException("state.alreadyCancelled", IdNumberMask.mask(certificate.certNumber()),
                    state.label(UserMessages.DEFAULT_LOCALE));
        }
        if (store.setAdministrativeState(tenantId, certificateId, state, trimmed)) {
            audit.append(tenantId, actor, auditAction, "certificate", String.valueOf(certificateId),
                    Map.of("state", certificate.state().name()), Map.of("state", state.name(), "reason", trimmed));
            store.recordAnomaly(tenantId, certificate.personId(), certificateId, state.name(),
                    UserMessages.render(LifecycleException.BUNDLE, UserMessages.DEFAULT_LOCALE, "anomaly.stateSet",
                            certificate.certNumber(), state.label(UserMessages.DEFAULT_LOCALE), trimmed));
            log.info("Certificate {} of tenant {} set to {} by {}", certificateId, tenantId, state, actor);
        }
        return require(tenantId, certificateId);
    }

    private Certificate require(long tenantId, long certificateId) {
        return store.findCertificate(tenantId, certificateId)
                .orElseThrow(() -> new LifecycleException("certificate.notFound", String.valueOf(certificateId)));
    }
}
