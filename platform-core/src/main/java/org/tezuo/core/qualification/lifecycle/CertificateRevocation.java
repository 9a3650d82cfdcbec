package org.tezuo.core.qualification.lifecycle;

import java.time.LocalDate;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tezuo.core.audit.AuditLog;
import org.tezuo.core.i18n.UserMessages;
import org.tezuo.core.qualification.Certificate;
import org.tezuo.core.qualification.CertificateState;
import org.tezuo.core.qualification.LifecycleRule;
import org.tezuo.core.qualification.QualificationStore;
import org.tezuo.core.qualification.verification.LifecyclePolicyResolver;

/**
 * Administrative certificate changes: revocation (撤销, 30号令 第三十条) and cancellation (注销, 第三十一条), each with
 * a reason, and approval of the extended review interval (第二十一条). Every change is audited; a revocation or
 * cancellation also records a qualification anomaly, so the permit gate and the warning pass act on it.
 */
@Component
public class CertificateRevocation {

    public static final String AUDIT_REVOKE = "certificate.revoke";
    public static final String AUDIT_CANCEL = "certificate.cancel";
    public static final String AUDIT_EXTENSION = "certificate.review-extension";

    private static final Logger log = LoggerFactory.getLogger(CertificateRevocation.class);

    private final QualificationStore store;
    private final LifecyclePolicyResolver policies;
    private final AuditLog audit;

    public CertificateRevocation(QualificationStore store, LifecyclePolicyResolver policies, AuditLog audit) {
        this.store = store;
        this.policies = policies;
        this.audit = audit;
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
     * that day must offer an extension, and the certificate must have been first issued at least the rule's
     * clean-record years before.
     */
    @Transactional
    public Certificate approveReviewExtension(long tenantId, long certificateId, LocalDate approvedOn,
            String actor) {
        Certificate certificate = require(tenantId, certificateId);
        LifecycleRule rule = policies.policyFor(tenantId).rules()
                .ruleOn(certificate.certificateClass(), approvedOn)
                .orElseThrow(() -> new LifecycleException("extension.noRule", certificate.certNumber(), approvedOn));
        if (rule.extendedReviewIntervalYears() == null || rule.cleanRecordYears() == null) {
            throw new LifecycleException("extension.notOffered", certificate.certNumber(), rule.regulation());
        }
        int cleanYears = rule.cleanRecordYears().amount();
        if (certificate.firstIssuedOn() == null || certificate.firstIssuedOn().plusYears(cleanYears)
                .isAfter(approvedOn)) {
            throw new LifecycleException("extension.recordTooShort", certificate.certNumber(),
                    String.valueOf(certificate.firstIssuedOn()), cleanYears, rule.cleanRecordYears().source());
        }
        store.setReviewExtensionApproved(tenantId, certificateId, approvedOn);
        audit.append(tenantId, actor, AUDIT_EXTENSION, "certificate", String.valueOf(certificateId), null,
                Map.of("approvedOn", approvedOn.toString(), "rule", rule.id()));
        return require(tenantId, certificateId);
    }

    private Certificate setState(long tenantId, long certificateId, CertificateState state, @Nullable String reason,
            String actor, String auditAction) {
        Certificate certificate = require(tenantId, certificateId);
        String trimmed = reason == null ? "" : reason.strip();
        if (trimmed.isEmpty()) {
            throw new LifecycleException("state.reasonMissing", certificate.certNumber(),
                    state.label(UserMessages.DEFAULT_LOCALE));
        }
        if (certificate.state() == CertificateState.CANCELLED) {
            throw new LifecycleException("state.alreadyCancelled", certificate.certNumber());
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
