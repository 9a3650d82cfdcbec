package org.tezuo.workflow.approval;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A carbon copy (抄送) of an application to one user, as the "copied to me" list shows it.
 *
 * @param id copy id, passed back to {@link ApprovalInbox#markCopyRead}
 * @param processInstanceId Flowable process instance id
 * @param businessKey the application's key
 * @param flowKey flow document key
 * @param nodeId the carbon-copy node that sent it
 * @param nodeName that node's name in Simplified Chinese
 * @param copiedAt when the chain reached the node
 * @param readAt when the user opened it, or null while unread
 */
public record CopiedApplication(long id, String processInstanceId, String businessKey, String flowKey, String nodeId,
        String nodeName, Instant copiedAt, @Nullable Instant readAt) {

    public boolean unread() {
        return readAt == null;
    }
}
