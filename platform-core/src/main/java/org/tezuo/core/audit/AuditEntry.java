package org.tezuo.core.audit;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One appended audit record: who did what to which subject, with the state before and after as JSON text.
 *
 * @param id database id, 0 before it is stored
 */
public record AuditEntry(
        long id,
        long tenantId,
        String actor,
        Instant occurredAt,
        String action,
        String subjectType,
        String subjectId,
        @Nullable String beforeState,
        @Nullable String afterState) {
}
