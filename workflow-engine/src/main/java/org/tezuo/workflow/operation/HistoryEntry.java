package org.tezuo.workflow.operation;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One row of an approval's history: who did what, when, at which node, and why.
 *
 * @param id database id, increasing in the order the rows were written
 * @param processInstanceId Flowable process instance id
 * @param businessKey the application's key
 * @param nodeId node id, {@code tz_resubmit} for the applicant's resubmission, or empty for instance-wide rows
 *     such as a withdrawal
 * @param nodeName node name in Simplified Chinese, empty for instance-wide rows
 * @param actor user name, or {@code system} for time limits, carbon copies and notifications
 * @param operation what happened
 * @param target the other user involved (transfer, delegate and signer targets, escalation target), if any
 * @param comment the reason or opinion, when given
 * @param attachmentIds stored-file ids of attachments
 * @param signatureFileId stored-file id of the handwritten signature, when the actor signed
 * @param at when it happened
 * @param superseded whether a later return to an earlier step made this row obsolete; it stays for the record
 * @param supersededBy user who returned the application, when superseded
 * @param supersededReason that user's comment, when superseded
 */
public record HistoryEntry(
        long id,
        String processInstanceId,
        String businessKey,
        String nodeId,
        String nodeName,
        String actor,
        Operation operation,
        @Nullable String target,
        @Nullable String comment,
        List<String> attachmentIds,
        @Nullable String signatureFileId,
        Instant at,
        boolean superseded,
        @Nullable String supersededBy,
        @Nullable String supersededReason) {

    public HistoryEntry {
        attachmentIds = List.copyOf(attachmentIds);
    }
}
