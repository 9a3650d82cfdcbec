package org.tezuo.workflow.operation;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Files that go with a decision or a comment, as stored-file ids of the tenant's {@code FileStore}.
 *
 * @param signatureFileId the handwritten signature image, required exactly when the node requires a signature
 * @param attachmentIds attachments, in the order the user added them
 */
public record Evidence(@Nullable String signatureFileId, List<String> attachmentIds) {

    /** Evidence with neither signature nor attachments. */
    public static final Evidence NONE = new Evidence(null, List.of());

    public Evidence {
        attachmentIds = List.copyOf(attachmentIds);
    }

    /** Returns evidence holding only attachments. */
    public static Evidence attachments(List<String> attachmentIds) {
        return new Evidence(null, attachmentIds);
    }
}
