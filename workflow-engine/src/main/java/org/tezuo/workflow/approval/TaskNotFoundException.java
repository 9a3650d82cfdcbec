package org.tezuo.workflow.approval;

import org.tezuo.workflow.WorkflowException;

/** Thrown when a task id names no open task of the tenant. */
public final class TaskNotFoundException extends WorkflowException {

    private final String taskId;

    TaskNotFoundException(String taskId) {
        super("approval.taskNotFound", taskId);
        this.taskId = taskId;
    }

    public String taskId() {
        return taskId;
    }
}
