package org.tezuo.core.metadata.bundle;

/** Outcome of applying a bundle for one document of the target tenant. */
public enum ImportStatus {
    /** The tenant has no published version; applying publishes version 1 (or the version after a draft). */
    NEW,
    /** The body differs from the tenant's newest published version; applying publishes a new version. */
    CHANGED,
    /** The body equals the tenant's newest published version; applying leaves it alone. */
    UNCHANGED,
    /** The document breaks its meta-schema or a document check, or cannot be published now. */
    INVALID
}
