package org.tezuo.core.qualification.verification;

/** Thrown when the tenant has no verification run with the requested id. */
public final class VerificationRunNotFoundException extends VerificationException {

    public VerificationRunNotFoundException(long runId) {
        super("verification.runNotFound", String.valueOf(runId));
    }
}
