package org.tezuo.workflow.action;

/**
 * A platform action that a chain calls from a BPMN service task. Implementations are Spring beans; {@link
 * FlowActions} finds them by {@link #code()}.
 */
public interface FlowAction {

    /** Returns the code that flow documents and BPMN service tasks name, such as {@code qualificationCheck}. */
    String code();

    /**
     * Runs the action inside the transaction that moves the process. A gate returns whether the application may go
     * on; other actions return {@link FlowActionResult#pass()}. An exception rolls the process step back.
     */
    FlowActionResult execute(FlowActionContext context);
}
