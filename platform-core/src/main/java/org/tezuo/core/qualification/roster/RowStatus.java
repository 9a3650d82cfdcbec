package org.tezuo.core.qualification.roster;

/** The outcome of importing one ledger row. */
public enum RowStatus {
    /** The certificate was new; the person may have existed. */
    CREATED,
    /** The certificate or its holder's details changed, or its recomputed state differs. */
    UPDATED,
    /** Everything stored already matched the row; nothing was written. */
    UNCHANGED,
    /** The row had errors; nothing was written for it. */
    REJECTED
}
