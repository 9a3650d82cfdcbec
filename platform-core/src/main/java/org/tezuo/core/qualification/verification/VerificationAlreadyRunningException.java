package org.tezuo.core.qualification.verification;

/** Thrown when a verification of the tenant is requested while another one is still running. */
public final class VerificationAlreadyRunningException extends VerificationException {

    public VerificationAlreadyRunningException(long tenantId) {
        super("verification.alreadyRunning", String.valueOf(tenantId));
    }
}
