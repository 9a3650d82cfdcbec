package org.tezuo.core.standard;

/** How an override change compares with the value in force before it. */
public enum ChangeKind {
    /** The new value is stricter, for example a lower upper limit. */
    STRICTER,
    /** The new value is looser; it needs an explicit confirmation. */
    LOOSER,
    /** The threshold has no stricter side, so the change needs an explicit confirmation. */
    UNDIRECTED,
    /** The override was removed and the document value is in force again. */
    RESET
}
