package org.tezuo.workflow.approval;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Narrows an inbox list; every null criterion matches everything.
 *
 * @param flowKey only applications of this flow document
 * @param businessKeyText only business keys containing this text, ignoring case
 * @param from only items created (to-do, copied) or completed (done) at or after this instant
 * @param to only items created or completed before this instant
 */
public record InboxFilter(@Nullable String flowKey, @Nullable String businessKeyText, @Nullable Instant from,
        @Nullable Instant to) {

    /** The filter that matches everything. */
    public static final InboxFilter ALL = new InboxFilter(null, null, null, null);
}
