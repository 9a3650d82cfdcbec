package org.tezuo.app.permit.site;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A periodic gas re-test the watcher asked for.
 *
 * @param ruleId the rule that made it due, such as {@code confined-space.site.retest-due}
 * @param status {@code OPEN} until a passed gas test ({@code DONE}), the suspension of an overdue test
 *     ({@code MISSED}) or the end of the permit on site ({@code CANCELLED})
 */
public record SiteRetest(long id, long permitId, Instant dueAt, String ruleId, String status, Instant createdAt,
        @Nullable Instant resolvedAt) {

    public static final String OPEN = "OPEN";
    public static final String DONE = "DONE";
    public static final String MISSED = "MISSED";
    public static final String CANCELLED = "CANCELLED";
}
