package org.tezuo.core.rules;

/** What a matching rule does to a permit, from the strongest: block it, require a confirmation, or inform. */
public enum RuleSeverity {
    BLOCK,
    CONFIRM,
    INFO
}
