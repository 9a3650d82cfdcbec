package org.tezuo.app.permit.site;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * One entry of a permit's site timeline.
 *
 * @param actor user name, or {@link org.tezuo.core.audit.AuditLog#SYSTEM_ACTOR} for the watcher
 * @param rulesetVersion the ruleset version the step was evaluated under, or null when no rule was evaluated
 * @param passed for a gas test whether it passed, otherwise null
 * @param reasons why the work stopped or the gas test failed, or a person's reason; may be empty
 * @param details step-specific facts, such as the readings of a gas test or the new end of an extension
 */
public record SiteEvent(long id, long permitId, SiteAction action, SiteState stateBefore, SiteState stateAfter,
        String actor, Instant occurredAt, @Nullable Integer rulesetVersion, @Nullable Boolean passed,
        List<SiteReason> reasons, JsonNode details) {

    public SiteEvent {
        reasons = List.copyOf(reasons);
    }
}
