package org.tezuo.core.qualification.verification;

/** Thrown when a tenant has published no certificate-lifecycle ruleset, so no certificate state can be computed. */
public final class LifecycleRulesetMissingException extends VerificationException {

    public LifecycleRulesetMissingException(String rulesetKey) {
        super("lifecycle.rulesetMissing", rulesetKey);
    }
}
