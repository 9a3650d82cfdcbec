package org.tezuo.workflow.approval;

import java.util.List;
import org.tezuo.workflow.WorkflowException;

/** Thrown when a user acts on a task that is neither assigned nor offered to them. */
public final class NotTaskCandidateException extends WorkflowException {

    private final String user;
    private final String taskId;

    NotTaskCandidateException(String user, String taskId, String taskName, String nodeId, List<String> candidates) {
        super("approval.notCandidate", user, taskName, nodeId, String.join("、", candidates));
        this.user = user;
        this.taskId = taskId;
    }

    public String user() {
        return user;
    }

    public String taskId() {
        return taskId;
    }
}
