package org.tezuo.core.qualification.warning;

/** Status of a raised warning. */
public enum WarningStatus {
    /** A notice or freeze record: delivered, nothing to confirm. */
    NOTIFIED,
    /** A to-do waiting for at least one role to confirm. */
    OPEN,
    /** A to-do every role has confirmed. */
    DONE
}
