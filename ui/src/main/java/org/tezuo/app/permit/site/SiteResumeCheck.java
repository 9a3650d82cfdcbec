package org.tezuo.app.permit.site;

import java.util.List;
import org.tezuo.app.permit.Permit;

/**
 * A condition that another feature adds to resuming suspended work, beyond the permit's ruleset and the SIMOPS
 * check. Presence adds one: the guardian must be checked in and inside the zone again (GB 30871-2022 4.10). Each
 * check runs in the resume step's transaction, under the permit's row lock.
 */
public interface SiteResumeCheck {

    /** Returns why the work may not resume yet, each reason naming the fix; empty when it may. */
    List<SiteReason> refusals(Permit permit, PermitSite site);
}
