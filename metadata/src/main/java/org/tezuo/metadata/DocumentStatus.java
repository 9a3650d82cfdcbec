package org.tezuo.metadata;

/** Life-cycle state of one version of a metadata document. Published versions are immutable. */
public enum DocumentStatus {
    DRAFT,
    PUBLISHED
}
