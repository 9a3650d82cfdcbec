package org.tezuo.app.ui.permit;

import com.vaadin.flow.component.Component;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.tezuo.app.permit.GasReadingIntake;
import org.tezuo.app.permit.Permit;
import org.tezuo.app.permit.presence.PermitPresences;
import org.tezuo.app.permit.presence.PresenceRecorder;
import org.tezuo.app.permit.site.PermitSiteCommands;
import org.tezuo.app.permit.site.PermitSites;
import org.tezuo.app.security.CurrentUser;
import org.tezuo.app.ui.form.FieldDisplay;
import tools.jackson.databind.json.JsonMapper;

/** Builds the site section of an issued permit's pages from the site services. */
@org.springframework.stereotype.Component
public class PermitSiteSections {

    /** The services a section's buttons call. */
    record Steps(PermitSiteCommands commands, PermitSites sites, GasReadingIntake gasReadings, JsonMapper json,
            Clock clock) {

        Instant now() {
            return clock.instant();
        }
    }

    private final Steps steps;
    private final PermitPresentation presentation;
    private final PresenceRecorder presenceRecorder;
    private final PermitPresences presences;

    PermitSiteSections(PermitSiteCommands commands, PermitSites sites, GasReadingIntake gasReadings, JsonMapper json,
            Clock clock, PermitPresentation presentation, PresenceRecorder presenceRecorder,
            PermitPresences presences) {
        this.steps = new Steps(commands, sites, gasReadings, json, clock);
        this.presentation = presentation;
        this.presenceRecorder = presenceRecorder;
        this.presences = presences;
    }

    /**
     * Returns the section for a signed-in user, or empty when the permit is not issued.
     *
     * @param refresh runs after a step succeeded, so the page shows the new state
     */
    public Optional<Component> forUser(CurrentUser user, Permit permit, FieldDisplay display, Runnable refresh) {
        return steps.sites().status(user.tenantId(), permit.id(), user.username())
                .map(status -> new PermitSiteSection(steps, user, permit, status,
                        steps.sites().timeline(user.tenantId(), permit.id()), display,
                        presentation.zone(user.tenantId()), refresh));
    }

    /**
     * Returns the presence panel of a permit once its work leader accepted it, or empty before and for permits that
     * are not issued.
     */
    public Optional<Component> presenceFor(CurrentUser user, Permit permit, Runnable refresh) {
        return presences.status(user.tenantId(), permit.id(), user.username())
                .filter(status -> status.onSite() || !status.people().isEmpty())
                .map(status -> new PermitPresenceSection(presenceRecorder, presences, user, status,
                        presentation.zone(user.tenantId()), refresh));
    }

    /** Returns the site state and timeline of a permit for readers without an account, such as the e-permit page. */
    public Optional<PermitSites.SiteStatus> publicStatus(Permit permit) {
        return steps.sites().status(permit.tenantId(), permit.id(), "");
    }

    public PermitSites sites() {
        return steps.sites();
    }
}
