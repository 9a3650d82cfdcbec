package org.tezuo.workflow.action;

import org.jspecify.annotations.Nullable;
import org.tezuo.workflow.definition.Label;

/**
 * The outcome of an action: whether the application may go on, and for a failed gate the reason shown to the
 * applicant and in the history.
 */
public record FlowActionResult(boolean passed, @Nullable Label reason) {

    private static final FlowActionResult PASSED = new FlowActionResult(true, null);

    /** Returns the result of an action that lets the application go on. */
    public static FlowActionResult pass() {
        return PASSED;
    }

    /** Returns the result of a gate that stops the application, with the reason in both locales. */
    public static FlowActionResult fail(Label reason) {
        return new FlowActionResult(false, reason);
    }
}
