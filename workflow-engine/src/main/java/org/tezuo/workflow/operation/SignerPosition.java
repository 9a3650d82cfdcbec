package org.tezuo.workflow.operation;

/** Where an added signer (加签) signs relative to the current approver. */
public enum SignerPosition {
    /** The new signer approves first; the current approver cannot approve until then. */
    BEFORE,
    /** The new signer approves after the current approver. */
    AFTER
}
