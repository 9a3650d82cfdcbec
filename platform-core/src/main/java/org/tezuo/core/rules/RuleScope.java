package org.tezuo.core.rules;

/** How often a rule is evaluated for one permit. */
public enum RuleScope {
    /** Once, over the permit variables and the latest environment data. */
    PERMIT,
    /** Once per gas reading, with that reading bound to the variable {@code gas}. */
    GAS_READING
}
