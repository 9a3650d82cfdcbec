package org.tezuo.app.permit.site;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The site record of an accepted permit.
 *
 * @param rulesetVersion the version of the permit's ruleset in force on site: the approved version until a gas
 *     test, extension or hand-over passes under a newer published version
 * @param workLeader user name of the work leader in charge now; a hand-over replaces it
 * @param validUntil end of the permit's validity, moved by extensions; null for a permit type without an end time
 * @param stoppedAt when the current suspension began, or null while the permit is not suspended
 * @param suspension the reasons of the current suspension, empty while not suspended
 * @param lastPassedGasTestAt measurement time of the newest passed gas test on site, or null
 */
public record PermitSite(long tenantId, long permitId, SiteState state, int rulesetVersion, String workLeader,
        @Nullable Instant validUntil, @Nullable Instant stoppedAt, List<SiteReason> suspension,
        @Nullable Instant lastPassedGasTestAt, Instant acceptedAt, Instant updatedAt) {

    public PermitSite {
        suspension = List.copyOf(suspension);
    }

    PermitSite withState(SiteState next) {
        return new PermitSite(tenantId, permitId, next, rulesetVersion, workLeader, validUntil, stoppedAt, suspension,
                lastPassedGasTestAt, acceptedAt, updatedAt);
    }

    PermitSite suspended(Instant at, List<SiteReason> reasons) {
        return new PermitSite(tenantId, permitId, SiteState.SUSPENDED_ON_SITE, rulesetVersion, workLeader, validUntil,
                at, reasons, lastPassedGasTestAt, acceptedAt, updatedAt);
    }

    PermitSite resumed() {
        return new PermitSite(tenantId, permitId, SiteState.IN_PROGRESS, rulesetVersion, workLeader, validUntil, null,
                List.of(), lastPassedGasTestAt, acceptedAt, updatedAt);
    }

    PermitSite withRulesetVersion(int version) {
        return new PermitSite(tenantId, permitId, state, version, workLeader, validUntil, stoppedAt, suspension,
                lastPassedGasTestAt, acceptedAt, updatedAt);
    }

    PermitSite withWorkLeader(String leader) {
        return new PermitSite(tenantId, permitId, state, rulesetVersion, leader, validUntil, stoppedAt, suspension,
                lastPassedGasTestAt, acceptedAt, updatedAt);
    }

    PermitSite withValidUntil(Instant until) {
        return new PermitSite(tenantId, permitId, state, rulesetVersion, workLeader, until, stoppedAt, suspension,
                lastPassedGasTestAt, acceptedAt, updatedAt);
    }

    PermitSite withPassedGasTest(Instant measuredAt) {
        return new PermitSite(tenantId, permitId, state, rulesetVersion, workLeader, validUntil, stoppedAt, suspension,
                measuredAt, acceptedAt, updatedAt);
    }
}
