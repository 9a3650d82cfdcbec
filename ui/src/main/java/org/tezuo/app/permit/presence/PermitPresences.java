package org.tezuo.app.permit.presence;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tezuo.app.api.NotFoundException;
import org.tezuo.app.permit.Permit;
import org.tezuo.app.permit.PermitStatus;
import org.tezuo.app.permit.PermitStore;
import org.tezuo.app.permit.site.PermitSite;
import org.tezuo.app.permit.site.PermitSiteStore;
import org.tezuo.app.permit.site.SiteState;

/** Reads the presence of people on a permit for the API and the permit page. */
@Component
public class PermitPresences {

    private final PermitPresenceStore store;
    private final PermitStore permits;
    private final PermitSiteStore sites;
    private final PresencePeople people;
    private final PresencePolicy policy;

    PermitPresences(PermitPresenceStore store, PermitStore permits, PermitSiteStore sites, PresencePeople people,
            PresencePolicy policy) {
        this.store = store;
        this.permits = permits;
        this.sites = sites;
        this.people = people;
        this.policy = policy;
    }

    /**
     * One person who checked in.
     *
     * @param newestFix the newest position, or null once the retention job deleted the fixes
     */
    public record PersonPresence(PresencePerson person, String displayName, @Nullable PresenceFix newestFix) {
    }

    /**
     * The presence of people on one permit, as one user sees it.
     *
     * @param zoneName the name of the zone the permit picks, or null when it picks none
     * @param zoneGeometry POLYGON, CIRCLE or NONE (no coordinates, so no inside/outside)
     * @param onSite whether people may check in now
     * @param callerRole what the permit names the reading user as, or null when it does not name them
     * @param summary what remains after the fixes were deleted, or null before
     */
    public record PresenceStatus(Permit permit, SiteState siteState, @Nullable String zoneName, String zoneGeometry,
            PresenceThresholds thresholds, boolean onSite, @Nullable PresenceRole callerRole,
            List<PersonPresence> people, List<PresenceAlert> alerts, @Nullable PresenceSummary summary) {

        /** Returns the caller's own presence, if the caller checked in. */
        public Optional<PersonPresence> caller(String username) {
            return people.stream().filter(person -> person.person().username().equals(username)).findFirst();
        }
    }

    /** Returns the presence on an issued permit the tenant has, or empty for other permits. */
    @Transactional(readOnly = true)
    public Optional<PresenceStatus> status(long tenantId, long permitId, String username) {
        Permit permit = permits.find(tenantId, permitId).orElse(null);
        if (permit == null || permit.status() != PermitStatus.ISSUED) {
            return Optional.empty();
        }
        PermitSite site = sites.find(tenantId, permitId).orElse(null);
        if (site == null) {
            return Optional.of(new PresenceStatus(permit, SiteState.ISSUED, null, "NONE",
                    PresenceThresholds.of(java.util.Map.of()), false, null, List.of(), List.of(), null));
        }
        PresencePolicy.Applied applied = policy.of(permit, site);
        List<PersonPresence> present = store.people(tenantId, permitId).stream()
                .map(person -> new PersonPresence(person, people.displayName(tenantId, person.username()),
                        store.newestFix(tenantId, permitId, person.username()).orElse(null)))
                .toList();
        String geometry = applied.zone() == null ? "NONE" : applied.zone().isPolygon() ? "POLYGON" : "CIRCLE";
        return Optional.of(new PresenceStatus(permit, site.state(), applied.zoneName(), geometry,
                applied.thresholds(), PresenceRecorder.onSiteStates().contains(site.state()),
                people.roleOf(permit, site, username).orElse(null), present, store.alerts(tenantId, permitId),
                store.summary(tenantId, permitId).orElse(null)));
    }

    /**
     * Returns the presence on a permit of the tenant.
     *
     * @throws NotFoundException when the tenant has no such permit
     * @throws PresenceStateException when the permit is not issued, so it has no presence records
     */
    public PresenceStatus require(long tenantId, long permitId, String username) {
        Permit permit = permits.find(tenantId, permitId).orElseThrow(() -> new NotFoundException("作业票", permitId));
        return status(tenantId, permitId, username).orElseThrow(() -> new PresenceStateException(
                "presence.notIssued", PresenceAlerts.number(permit),
                org.tezuo.app.permit.site.SiteText.fixed(permit.status().zh(), permit.status().en())));
    }

    /** Returns the sentence of an alert in {@code locale}. */
    public String describe(PresenceAlert alert, Permit permit, String personName, java.util.Locale locale,
            java.time.ZoneId zone) {
        return PresenceAlerts.describe(alert, permit, personName, locale, zone);
    }

    public String displayName(long tenantId, String username) {
        return people.displayName(tenantId, username);
    }
}
