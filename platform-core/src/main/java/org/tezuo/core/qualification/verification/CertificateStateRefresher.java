package org.tezuo.core.qualification.verification;

import java.time.Clock;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.tezuo.core.audit.AuditLog;
import org.tezuo.core.i18n.UserMessages;
import org.tezuo.core.qualification.Certificate;
import org.tezuo.core.qualification.CertificateState;
import org.tezuo.core.qualification.CertificateStateEvaluator;
import org.tezuo.core.qualification.LifecyclePolicy;
import org.tezuo.core.qualification.QualificationStore;
import org.tezuo.core.qualification.RegistryResult;
import org.tezuo.core.tenant.Tenant;

/**
 * Re-computes a certificate's state at the clock's "now" in the tenant's zone and stores it when it changed: appends
 * an audit record and, when the new state does not permit work, a qualification anomaly. Callers run it inside the
 * transaction of the change that prompted it.
 */
@Component
public class CertificateStateRefresher {

    /** Audit action of a state change. */
    public static final String AUDIT_STATE_CHANGE = "certificate.state-change";

    private static final Logger log = LoggerFactory.getLogger(CertificateStateRefresher.class);

    private final QualificationStore store;
    private final VerificationRunStore runs;
    private final AuditLog audit;
    private final Clock clock;

    public CertificateStateRefresher(QualificationStore store, VerificationRunStore runs, AuditLog audit,
            Clock clock) {
        this.store = store;
        this.runs = runs;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Re-computes the state from the certificate's dates and its last conclusive registry result; an
     * {@link RegistryResult#UNVERIFIABLE} result is looked past to the one before it. Returns the state after.
     */
    public CertificateState refresh(Tenant tenant, LifecyclePolicy policy, Certificate certificate, String actor) {
        return refresh(tenant, policy, certificate, effectiveResult(certificate), actor);
    }

    /** Re-computes the state with the given registry result, as a verification that just obtained it does. */
    CertificateState refresh(Tenant tenant, LifecyclePolicy policy, Certificate certificate,
            @Nullable RegistryResult registryResult, String actor) {
        CertificateState before = certificate.state();
        CertificateState after = new CertificateStateEvaluator(policy).evaluate(certificate, registryResult,
                clock.instant(), tenant.zone());
        if (after == before || !store.updateState(tenant.id(), certificate.id(), after)) {
            return before;
        }

        log.info("Certificate {} of tenant {} changed state from {} to {}", certificate.id(), tenant.id(), before,
                after);
        audit.append(tenant.id(), actor, AUDIT_STATE_CHANGE, "certificate", String.valueOf(certificate.id()),
                Map.of("state", before.name()), Map.of("state", after.name()));
        if (!after.permitsWork()) {
            store.recordAnomaly(tenant.id(), certificate.personId(), certificate.id(), after.name(),
                    VerificationException.stored("anomaly.stateChanged", certificate.certNumber(), before.label(UserMessages.DEFAULT_LOCALE),
                            after.label(UserMessages.DEFAULT_LOCALE)));
        }
        return after;
    }

    private @Nullable RegistryResult effectiveResult(Certificate certificate) {
        if (certificate.registryResult() != RegistryResult.UNVERIFIABLE) {
            return certificate.registryResult();
        }
        return runs.lastConclusiveResult(certificate.tenantId(), certificate.id()).orElse(null);
    }
}
