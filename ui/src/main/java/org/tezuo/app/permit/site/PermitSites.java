package org.tezuo.app.permit.site;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.tezuo.app.api.NotFoundException;
import org.tezuo.app.permit.Actor;
import org.tezuo.app.permit.PermitStatus;
import org.tezuo.core.i18n.UserMessages;

/** Reads the site phase of permits for the API and the permit pages. */
@Component
public class PermitSites {

    private final SiteStepRunner runner;
    private final PermitSiteStore sites;
    private final SitePeople people;
    private final SiteMeasures measures;

    PermitSites(SiteStepRunner runner, PermitSiteStore sites, SitePeople people, SiteMeasures measures) {
        this.runner = runner;
        this.sites = sites;
        this.people = people;
        this.measures = measures;
    }

    /**
     * The site phase of an issued permit as one user sees it.
     *
     * @param site the stored record, or null before acceptance
     * @param rulesetVersion the ruleset version in force on site
     * @param allowed the steps the state allows
     * @param available the allowed steps this user may take
     * @param openRetest the periodic re-test the work leader owes, or null
     * @param fireWatchConfirmation the fire watch's confirmation that closing would use, or null when there is
     *     none since the work last started or resumed
     * @param fireWatch who may confirm as fire watch, for types that need the confirmation
     * @param measures the safety measures that apply on the permit, which the pre-start check and the hand-over
     *     confirm one by one. The list is empty when the form has no measure table, so those steps take the
     *     single tick.
     */
    public record SiteStatus(long permitId, SiteState state, @Nullable PermitSite site, SiteProfile profile,
            int rulesetVersion, List<SiteAction> allowed, List<SiteAction> available,
            @Nullable SiteRetest openRetest, @Nullable SiteEvent fireWatchConfirmation, SiteText fireWatch,
            List<SiteMeasure> measures) {
    }

    /** Returns the site status of an issued permit of the tenant, or empty for another permit. */
    public Optional<SiteStatus> status(long tenantId, long permitId, String username) {
        Actor reader = new Actor(tenantId, username, UserMessages.DEFAULT_LOCALE);
        return runner.open(reader, permitId, false)
                .filter(context -> context.permit().status() == PermitStatus.ISSUED)
                .map(context -> status(context, username));
    }

    /**
     * Returns the site status of a permit of the tenant.
     *
     * @throws NotFoundException when the tenant has no such permit
     * @throws SiteActionException when the permit is not issued, so it has no site phase
     */
    public SiteStatus require(long tenantId, long permitId, String username) {
        Actor reader = new Actor(tenantId, username, UserMessages.DEFAULT_LOCALE);
        SiteStepRunner.Context context = runner.open(reader, permitId, false)
                .orElseThrow(() -> new NotFoundException("作业票", permitId));
        PermitStatus status = context.permit().status();
        if (status != PermitStatus.ISSUED) {
            throw new SiteActionException("site.notIssued", context.number(), SiteText.fixed(status.zh(),
                    status.en()));
        }
        return status(context, username);
    }

    private SiteStatus status(SiteStepRunner.Context context, String username) {
        long tenantId = context.permit().tenantId();
        long permitId = context.permit().id();
        return new SiteStatus(permitId, context.state(), context.site(), context.profile(),
                context.ruleset().version(), SiteStateMachine.allowed(context.state(), context.profile()),
                runner.stepsFor(context, username), sites.openRetest(tenantId, permitId).orElse(null),
                context.profile().fireWatchRequired() ? sites.fireWatchConfirmation(tenantId, permitId).orElse(null)
                        : null,
                people.audience(SiteAction.FIRE_WATCH_CONFIRM, context.permit(), context.site(), context.profile())
                        .description(),
                measures.applicable(context.permit()));
    }

    /** Returns the site timeline of a permit, oldest first. */
    public List<SiteEvent> timeline(long tenantId, long permitId) {
        return sites.timeline(tenantId, permitId);
    }

    /** Returns the display name of a user of the tenant, or the user name when the tenant has no such user. */
    public String displayName(long tenantId, String username) {
        return people.displayName(tenantId, username);
    }
}
