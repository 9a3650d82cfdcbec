package org.tezuo.app.permit.site;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.tezuo.app.org.OrgDirectory;
import org.tezuo.app.permit.Permit;
import org.tezuo.app.security.Role;
import org.tezuo.core.i18n.UserMessages;
import org.tezuo.core.notification.Notice;

/**
 * Tells people about site events through the notification module. A suspension, automatic or by hand, and a SIMOPS
 * warning found while work runs go to the work leader in charge and every safety director. A due re-test goes to the
 * work leader. Notices are published in the transaction of the event, in the tenant's language (Chinese).
 */
@Component
class SiteNotices {

    /** Topic of suspensions, automatic or by hand, for the tenant's channel settings. */
    static final String SUSPENDED_TOPIC = "permit.site.suspended";
    /** Topic of SIMOPS warnings found while work runs. */
    static final String SIMOPS_TOPIC = "permit.site.simops-warning";
    /** Topic of due gas re-tests. */
    static final String RETEST_TOPIC = "permit.site.retest-due";

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final Locale LANGUAGE = UserMessages.DEFAULT_LOCALE;

    private final ApplicationEventPublisher events;
    private final OrgDirectory directory;

    SiteNotices(ApplicationEventPublisher events, OrgDirectory directory) {
        this.events = events;
        this.directory = directory;
    }

    void suspended(Permit permit, PermitSite site, List<SiteReason> reasons, Instant at, ZoneId zone) {
        toLeaderAndDirectors(permit, site, SUSPENDED_TOPIC, "site.notice.suspended", reasons, at, zone);
    }

    /**
     * Tells the work leader in charge and every safety director that a person suspended the work by hand, naming
     * the person and the reason they gave. The person who suspended gets no notice.
     */
    void suspendedBy(Permit permit, PermitSite site, String username, String reason, Instant at, ZoneId zone) {
        String number = numberOf(permit);
        String subject = SiteText.render(LANGUAGE, "site.notice.suspended.subject", number);
        String body = SiteText.render(LANGUAGE, "site.notice.suspendedBy.body", number, TIME.format(at.atZone(zone)),
                PersonName.of(directory, permit.tenantId(), username), reason);
        for (String recipient : leaderAndDirectors(permit, site)) {
            if (!recipient.equals(username)) {
                events.publishEvent(new Notice(permit.tenantId(), recipient, SUSPENDED_TOPIC, subject, body,
                        link(permit), username));
            }
        }
    }

    void simopsWarning(Permit permit, PermitSite site, List<SiteReason> warnings, Instant at, ZoneId zone) {
        toLeaderAndDirectors(permit, site, SIMOPS_TOPIC, "site.notice.simops", warnings, at, zone);
    }

    private void toLeaderAndDirectors(Permit permit, PermitSite site, String topic, String key,
            List<SiteReason> reasons, Instant at, ZoneId zone) {
        String number = numberOf(permit);
        String subject = SiteText.render(LANGUAGE, key + ".subject", number);
        String body = SiteText.render(LANGUAGE, key + ".body", number, TIME.format(at.atZone(zone)),
                SiteText.joinSentences(reasons));
        for (String recipient : leaderAndDirectors(permit, site)) {
            events.publishEvent(new Notice(permit.tenantId(), recipient, topic, subject, body, link(permit)));
        }
    }

    private Set<String> leaderAndDirectors(Permit permit, PermitSite site) {
        Set<String> recipients = new LinkedHashSet<>();
        recipients.add(site.workLeader());
        directory.usersWithRole(permit.tenantId(), Role.SAFETY_DIRECTOR.code())
                .forEach(user -> recipients.add(user.username()));
        return recipients;
    }

    void retestDue(Permit permit, PermitSite site, Instant dueAt, SiteReason reason, ZoneId zone) {
        String number = numberOf(permit);
        events.publishEvent(new Notice(permit.tenantId(), site.workLeader(), RETEST_TOPIC,
                SiteText.render(LANGUAGE, "site.notice.retest.subject", number),
                SiteText.render(LANGUAGE, "site.notice.retest.body", number, TIME.format(dueAt.atZone(zone)), reason),
                link(permit)));
    }

    static String numberOf(Permit permit) {
        return permit.permitNumber() != null ? permit.permitNumber() : "#" + permit.id();
    }

    private static String link(Permit permit) {
        return "/permits/" + permit.id() + "/detail";
    }
}
