package org.tezuo.app.permit.site;

import java.util.List;

/** A step that the permit's current site state does not allow; the message names the state and the allowed steps. */
public final class SiteTransitionException extends SiteActionException {

    private final SiteState state;
    private final List<SiteAction> allowed;

    SiteTransitionException(String permitNumber, SiteState state, SiteAction action, List<SiteAction> allowed) {
        super("site.illegalTransition", permitNumber, state, action, SiteText.join(allowed));
        this.state = state;
        this.allowed = List.copyOf(allowed);
    }

    public SiteState state() {
        return state;
    }

    public List<SiteAction> allowed() {
        return allowed;
    }
}
