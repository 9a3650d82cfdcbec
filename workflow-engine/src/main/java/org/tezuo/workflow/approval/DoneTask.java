package org.tezuo.workflow.approval;

import java.time.Instant;

/**
 * A task the user completed, as the "done" list (已办) shows it.
 *
 * @param taskId Flowable task id
 * @param processInstanceId Flowable process instance id
 * @param businessKey the application's key
 * @param flowKey flow document key
 * @param nodeId node id
 * @param nodeName node name in Simplified Chinese
 * @param completedAt when the user completed it
 * @param instanceEnded whether the application has ended since
 */
public record DoneTask(String taskId, String processInstanceId, String businessKey, String flowKey, String nodeId,
        String nodeName, Instant completedAt, boolean instanceEnded) {
}
