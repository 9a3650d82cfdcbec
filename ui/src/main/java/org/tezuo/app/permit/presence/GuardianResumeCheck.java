package org.tezuo.app.permit.presence;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.tezuo.app.permit.Permit;
import org.tezuo.app.permit.site.PermitSite;
import org.tezuo.app.permit.site.PersonName;
import org.tezuo.app.permit.site.SiteReason;
import org.tezuo.app.permit.site.SiteResumeCheck;

/**
 * Keeps suspended work stopped until the guardian is back: every guardian with a presence record on the permit must
 * be checked in, and the newest fix must lie inside the zone (GB 30871-2022 4.10). A permit whose guardian never
 * checked in has no presence record of the guardian, so this check leaves it to the ruleset.
 */
@Component
class GuardianResumeCheck implements SiteResumeCheck {

    private final PermitPresenceStore store;
    private final PresenceAlerts alerts;

    GuardianResumeCheck(PermitPresenceStore store, PresenceAlerts alerts) {
        this.store = store;
        this.alerts = alerts;
    }

    @Override
    public List<SiteReason> refusals(Permit permit, PermitSite site) {
        List<SiteReason> refusals = new ArrayList<>();
        for (PresencePerson person : store.people(permit.tenantId(), permit.id())) {
            if (person.role() != PresenceRole.GUARDIAN) {
                continue;
            }
            if (!person.checkedIn()) {
                refusals.add(reason(permit, person, "presence.guardian.not-checked-in",
                        "presence.resume.guardianNotCheckedIn"));
            } else if (Boolean.FALSE.equals(person.lastInside())) {
                refusals.add(reason(permit, person, "presence.guardian.outside", "presence.resume.guardianOutside"));
            }
        }
        return refusals;
    }

    private SiteReason reason(Permit permit, PresencePerson guardian, String code, String key) {
        return guardianReason(code, key, alerts.name(permit, guardian.username()),
                guardian.lastDistanceMetres());
    }

    /**
     * Returns a site reason about the guardian under GB 30871-2022 4.10, in Chinese and English.
     *
     * @param key bundle key of the sentence; its arguments are the guardian's name, where the newest fix lies and
     *     the clause
     */
    static SiteReason guardianReason(String code, String key, PersonName guardianName,
            @Nullable BigDecimal distanceMetres) {
        String source = PresenceRecorder.GUARDIAN_SOURCE;
        return new SiteReason(code,
                PresenceText.render(Locale.SIMPLIFIED_CHINESE, key, guardianName.text(Locale.SIMPLIFIED_CHINESE),
                        PresenceAlerts.distance(distanceMetres, Locale.SIMPLIFIED_CHINESE), source),
                PresenceText.render(Locale.ENGLISH, key, guardianName.text(Locale.ENGLISH),
                        PresenceAlerts.distance(distanceMetres, Locale.ENGLISH), source),
                distanceMetres == null ? null : distanceMetres.toPlainString(), null,
                distanceMetres == null ? null : "m", source);
    }
}
