package org.tezuo.core.qualification.verification;

/** Thrown when a ruleset lacks the certificate-lifecycle section or one of its values. */
public final class InvalidLifecycleRulesetException extends VerificationException {

    public InvalidLifecycleRulesetException(String reference, String field) {
        super("lifecycle.valueMissing", reference, field);
    }
}
