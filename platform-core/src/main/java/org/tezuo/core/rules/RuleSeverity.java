package org.tezuo.core.rules;

/** Effect of a matching rule on a permit, strongest first: block it, require a confirmation, or inform. */
public enum RuleSeverity {
    BLOCK,
    CONFIRM,
    INFO
}
