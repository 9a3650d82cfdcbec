package org.tezuo.core.metadata.diff;

/** Kind of change to one part of a document between two bodies. */
public enum ChangeType {
    ADDED,
    REMOVED,
    CHANGED,
    MOVED
}
