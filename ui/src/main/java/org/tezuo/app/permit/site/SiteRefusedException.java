package org.tezuo.app.permit.site;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A step the permit's ruleset blocks, such as resuming without a re-test or extending beyond the validity limit;
 * each reason names the rule, value, limit and clause. Nothing is saved except the audit record of the refusal.
 */
public final class SiteRefusedException extends SiteActionException {

    private final List<SiteReason> reasons;

    SiteRefusedException(String permitNumber, SiteAction action, List<SiteReason> reasons) {
        this(permitNumber, action, reasons, null);
    }

    /** @param advice what the user can do instead, such as the latest end an extension may reach, or null */
    SiteRefusedException(String permitNumber, SiteAction action, List<SiteReason> reasons,
            @Nullable SiteText advice) {
        super("site.refused", permitNumber, action, advice == null ? SiteText.joinSentences(reasons)
                : SiteText.of("site.refused.advice", SiteText.joinSentences(reasons), advice));
        this.reasons = List.copyOf(reasons);
    }

    public List<SiteReason> reasons() {
        return reasons;
    }
}
