package org.tezuo.app.permit.site;

import java.util.List;

/**
 * A step the permit's ruleset blocks, such as resuming without a re-test or extending beyond the validity limit;
 * each reason names the rule, value, limit and clause. Nothing is saved except the audit record of the refusal.
 */
public final class SiteRefusedException extends SiteActionException {

    private final List<SiteReason> reasons;

    SiteRefusedException(String permitNumber, SiteAction action, List<SiteReason> reasons) {
        super("site.refused", permitNumber, action, SiteText.joinSentences(reasons));
        this.reasons = List.copyOf(reasons);
    }

    public List<SiteReason> reasons() {
        return reasons;
    }
}
