package org.tezuo.app.permit.site;

import java.util.List;

/**
 * A step that the permit's current site state does not allow. The message names the state and the steps the user
 * may take in it, or who may take them when the user may take none.
 */
public final class SiteTransitionException extends SiteActionException {

    private final SiteState state;
    private final List<SiteAction> allowed;

    /**
     * @param allowed the steps the state allows, for anyone
     * @param available the allowed steps this user may take
     * @param whoMayTakeEach who may take each allowed step, named when the user may take none of them
     */
    SiteTransitionException(String permitNumber, SiteState state, SiteAction action, List<SiteAction> allowed,
            List<SiteAction> available, List<SiteText> whoMayTakeEach) {
        super("site.illegalTransition", permitNumber, state, action, options(allowed, available, whoMayTakeEach));
        this.state = state;
        this.allowed = List.copyOf(allowed);
    }

    public SiteState state() {
        return state;
    }

    /** Returns the steps the state allows, including those the user may not take. */
    public List<SiteAction> allowed() {
        return allowed;
    }

    private static SiteText options(List<SiteAction> allowed, List<SiteAction> available,
            List<SiteText> whoMayTakeEach) {
        if (allowed.isEmpty()) {
            return SiteText.of("site.illegalTransition.noStep");
        }
        if (available.isEmpty()) {
            return SiteText.of("site.illegalTransition.othersOnly", SiteText.joinSentences(whoMayTakeEach));
        }
        return SiteText.of("site.illegalTransition.available", SiteText.join(available));
    }
}
