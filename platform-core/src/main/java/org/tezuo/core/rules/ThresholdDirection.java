package org.tezuo.core.rules;

/** Which side of a threshold is the safe one, so that a change can be told apart as stricter or looser. */
public enum ThresholdDirection {
    /** An upper limit: values above it are unsafe, so lowering it is stricter. */
    MAX,
    /** A lower limit: values below it are unsafe, so raising it is stricter. */
    MIN,
    /** A boundary or setting with no stricter side, or a document that does not say. */
    NONE
}
