package org.tezuo.app.permit.site;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.tezuo.app.permit.GasReadingsRecorded;
import org.tezuo.app.permit.PermitStatus;
import org.tezuo.core.environment.GasReading;
import org.tezuo.core.risk.RiskAssessment;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Counts readings posted for an accepted permit as a gas test on site, in the transaction that stores them. The
 * test is evaluated by the newest published ruleset (a re-test is a re-evaluation point): it passes when no
 * reading has a blocking item. A pass moves an accepted permit to {@link SiteState#GAS_TESTED}, completes an open
 * re-test and adopts that ruleset version. A failure suspends running work, with the failed items as the reason,
 * and notifies the work leader and the safety directors. Readings for a permit that is not issued, not yet accepted or
 * already closed are stored but are no gas test on site.
 */
@Component
class SiteGasTests {

    private static final Logger log = LoggerFactory.getLogger(SiteGasTests.class);

    private final SiteStepRunner runner;
    private final SiteRuleCheck rules;
    private final PermitSiteStore sites;
    private final SiteNotices notices;
    private final JsonMapper json;

    SiteGasTests(SiteStepRunner runner, SiteRuleCheck rules, PermitSiteStore sites, SiteNotices notices,
            JsonMapper json) {
        this.runner = runner;
        this.rules = rules;
        this.sites = sites;
        this.notices = notices;
        this.json = json;
    }

    @EventListener
    void onReadings(GasReadingsRecorded recorded) {
        if (recorded.permit().status() != PermitStatus.ISSUED || recorded.readings().isEmpty()) {
            return;
        }
        SiteStepRunner.Context context = runner.open(recorded.actor(), recorded.permit().id(), true).orElseThrow();
        if (!context.accepted() || context.state().terminal()) {
            log.debug("Readings for permit {} in site state {} are no gas test on site", recorded.permit().id(),
                    context.state());
            return;
        }
        SiteRuleCheck.SiteRuleset current = rules.current(context.permit());
        RiskAssessment assessment = rules.evaluate(context.permit(), current, new SiteRuleCheck.Inputs(
                SiteAction.GAS_TEST, null, recorded.readings(), context.now(), context.requireSite().validUntil(), null,
                null, null), context.zone());
        List<SiteReason> failures = SiteRuleCheck.blocking(assessment, current, true);
        boolean passed = failures.isEmpty();

        PermitSite next = passed ? passed(context, current, recorded.readings()) : failed(context, failures);
        ObjectNode details = json.createObjectNode();
        details.set("payloads", json.valueToTree(recorded.payloads()));
        runner.commit(context, SiteAction.GAS_TEST, new SiteStepRunner.Outcome(next, current.version(), passed,
                failures, details));
    }

    private PermitSite passed(SiteStepRunner.Context context, SiteRuleCheck.SiteRuleset current,
            List<GasReading> readings) {
        // A detector whose clock runs ahead must not make a test look fresher than now.
        Instant measuredAt = readings.stream().map(reading -> reading.measuredAt().toInstant())
                .max(Comparator.naturalOrder())
                .filter(newest -> newest.isBefore(context.now()))
                .orElse(context.now());
        sites.resolveRetests(context.permit().tenantId(), context.permit().id(), SiteRetest.DONE, context.now());
        PermitSite site = context.requireSite();
        Instant newestPassed = site.lastPassedGasTestAt() != null && site.lastPassedGasTestAt().isAfter(measuredAt)
                ? site.lastPassedGasTestAt() : measuredAt;
        return site.withState(SiteStateMachine.afterGasTest(site.state(), true))
                .withPassedGasTest(newestPassed)
                .withRulesetVersion(current.version());
    }

    private PermitSite failed(SiteStepRunner.Context context, List<SiteReason> failures) {
        PermitSite site = context.requireSite();
        if (SiteStateMachine.afterGasTest(site.state(), false) != SiteState.SUSPENDED_ON_SITE) {
            return site;
        }
        PermitSite suspended = site.suspended(context.now(), failures);
        notices.suspended(context.permit(), suspended, failures, context.now(), context.zone());
        return suspended;
    }
}
