package org.tezuo.core.schedule;

import org.springframework.stereotype.Component;
import org.tezuo.core.qualification.verification.CertificateVerifier;
import org.tezuo.core.qualification.verification.VerificationRun;
import org.tezuo.core.qualification.warning.CertificateWarningPass;
import org.tezuo.core.qualification.warning.WarningPassReport;

/** Runs a certificate job for one tenant: the scheduled trigger and the "run now" button both call it. */
@Component
public class CertificateJobRunner {

    private final CertificateVerifier verifier;
    private final CertificateWarningPass warningPass;

    public CertificateJobRunner(CertificateVerifier verifier, CertificateWarningPass warningPass) {
        this.verifier = verifier;
        this.warningPass = warningPass;
    }

    /**
     * Runs the job now. Verification is followed by the warning pass, so that a review the registry confirmed
     * lifts a freeze in the same run.
     *
     * @param actor user name of the person who pressed the button, or
     *     {@link org.tezuo.core.audit.AuditLog#SYSTEM_ACTOR} for the scheduled trigger
     */
    public JobRun runNow(long tenantId, ScheduledJob job, String actor) {
        VerificationRun verification = job == ScheduledJob.CERTIFICATE_VERIFICATION
                ? verifier.verifyTenant(tenantId, actor) : null;
        WarningPassReport warnings = warningPass.run(tenantId, actor);
        return new JobRun(tenantId, job, verification, warnings);
    }
}
