package org.tezuo.workflow.operation;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.tezuo.workflow.definition.Label;

/**
 * An in-app notice to one user about an approval: a reminder, an urge, an escalation or a notify node's message.
 *
 * @param kind the operation that sent it
 * @param readAt when the user read it, or null while unread
 */
public record Notice(long id, String recipient, String processInstanceId, String businessKey, Operation kind,
        Label message, Instant createdAt, @Nullable Instant readAt) {
}
