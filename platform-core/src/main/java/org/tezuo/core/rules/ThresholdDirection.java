package org.tezuo.core.rules;

/** The safe side of a threshold, so that a change can be classified as stricter or looser. */
public enum ThresholdDirection {
    /** An upper limit: values above it are unsafe, so lowering it is stricter. */
    MAX,
    /** A lower limit: values below it are unsafe, so raising it is stricter. */
    MIN,
    /** A boundary or setting with no stricter side, or a document that declares no direction. */
    NONE
}
