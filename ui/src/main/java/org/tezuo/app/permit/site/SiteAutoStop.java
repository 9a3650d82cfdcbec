package org.tezuo.app.permit.site;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.tezuo.app.permit.Actor;
import org.tezuo.app.permit.PermitStatus;
import org.tezuo.core.audit.AuditLog;
import org.tezuo.core.i18n.UserMessages;

/**
 * Suspends work in progress without a person's step: for a broken live limit or a blocking SIMOPS conflict the
 * watcher finds, and for a presence alert that stops the work (the guardian left, GB 30871-2022 4.10). The
 * suspension is a {@link SiteAction#AUTO_SUSPEND} timeline entry by the system, and the work leader in charge and
 * every safety director get a notice. The work resumes through the resume step.
 */
@Component
public class SiteAutoStop {

    private final SiteStepRunner runner;
    private final PermitSiteStore sites;
    private final SiteNotices notices;

    SiteAutoStop(SiteStepRunner runner, PermitSiteStore sites, SiteNotices notices) {
        this.runner = runner;
        this.sites = sites;
        this.notices = notices;
    }

    /**
     * Suspends the permit if its work is in progress, in the caller's transaction and under the permit's row lock.
     *
     * @return whether the permit was suspended; false when it is not issued or not in progress
     */
    public boolean suspendInProgress(long tenantId, long permitId, List<SiteReason> reasons) {
        Actor system = new Actor(tenantId, AuditLog.SYSTEM_ACTOR, UserMessages.DEFAULT_LOCALE);
        SiteStepRunner.Context context = runner.open(system, permitId, true).orElse(null);
        if (context == null || context.state() != SiteState.IN_PROGRESS
                || context.permit().status() != PermitStatus.ISSUED) {
            return false;
        }
        suspend(context, reasons, null);
        return true;
    }

    /**
     * Suspends the permit of a context the caller opened under the row lock and found in progress.
     *
     * @param rulesetVersion the ruleset version that found the reasons, or null when no rule was evaluated
     */
    void suspend(SiteStepRunner.Context context, List<SiteReason> reasons, @Nullable Integer rulesetVersion) {
        PermitSite suspended = context.requireSite().suspended(context.now(), reasons);
        if (reasons.stream().anyMatch(reason -> reason.code().endsWith(".site.retest-overdue"))) {
            sites.resolveRetests(context.permit().tenantId(), context.permit().id(), SiteRetest.MISSED,
                    context.now());
        }
        notices.suspended(context.permit(), suspended, reasons, context.now(), context.zone());
        runner.commit(context, SiteAction.AUTO_SUSPEND, new SiteStepRunner.Outcome(suspended,
                rulesetVersion, null, reasons, runner.emptyDetails()));
    }
}
