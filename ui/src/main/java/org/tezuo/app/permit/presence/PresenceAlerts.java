package org.tezuo.app.permit.presence;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.tezuo.app.org.OrgDirectory;
import org.tezuo.app.permit.Permit;
import org.tezuo.app.permit.site.PermitSite;
import org.tezuo.app.permit.site.PersonName;
import org.tezuo.app.permit.site.SiteAutoStop;
import org.tezuo.app.permit.site.SiteReason;
import org.tezuo.app.security.Role;
import org.tezuo.core.audit.AuditLog;
import org.tezuo.core.i18n.UserMessages;
import org.tezuo.core.notification.Notice;

/**
 * Raises presence alerts and requests position snapshots. An alert is stored, audited as {@code permit.presence.alert}
 * and sent as a notice (topic {@value #ALERT_TOPIC}) to every safety director and the work leader in charge, in
 * the transaction of the finding. A snapshot request is a notice (topic {@value #SNAPSHOT_TOPIC}) to the person.
 *
 * <p>An alert whose kind {@linkplain PresenceAlertKind#stopsWork() stops the work} (the guardian left the zone or
 * checked out, GB 30871-2022 4.10) also suspends the permit in the same transaction through {@link SiteAutoStop},
 * with the guardian and the clause as the reason. The clause leaves no choice, so no ruleset threshold turns this
 * off. The work resumes through the resume step once the guardian is back ({@link GuardianResumeCheck}).
 */
@Component
class PresenceAlerts {

    /** Topic of presence alerts, for the tenant's channel settings. */
    static final String ALERT_TOPIC = "permit.presence.alert";
    /** Topic of snapshot requests. */
    static final String SNAPSHOT_TOPIC = "permit.presence.snapshot-due";

    private static final Logger log = LoggerFactory.getLogger(PresenceAlerts.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final Locale LANGUAGE = UserMessages.DEFAULT_LOCALE;

    private final PermitPresenceStore store;
    private final ApplicationEventPublisher events;
    private final OrgDirectory directory;
    private final AuditLog audit;
    private final SiteAutoStop autoStop;

    PresenceAlerts(PermitPresenceStore store, ApplicationEventPublisher events, OrgDirectory directory,
            AuditLog audit, SiteAutoStop autoStop) {
        this.store = store;
        this.events = events;
        this.directory = directory;
        this.audit = audit;
        this.autoStop = autoStop;
    }

    /**
     * Stores, audits and sends one alert.
     *
     * @param since start of the stretch outside, or the time of the missed request
     * @param thresholdSource where the threshold that raised the alert comes from
     */
    PresenceAlert raise(Permit permit, PermitSite site, PresencePerson person, PresenceAlertKind kind,
            @Nullable Instant since, @Nullable BigDecimal distanceMetres, String thresholdSource, Instant now,
            ZoneId zone) {
        Integer minutes = since == null ? null : (int) Duration.between(since, now).toMinutes();
        PresenceAlert alert = new PresenceAlert(0, permit.id(), person.username(), person.role(), kind, now, since,
                minutes, distanceMetres, thresholdSource);
        long id = store.insertAlert(permit.tenantId(), alert);
        PresenceAlert stored = new PresenceAlert(id, alert.permitId(), alert.username(), alert.role(), kind, now,
                since, minutes, distanceMetres, thresholdSource);

        String personName = name(permit, person.username()).text(LANGUAGE);
        String subject = PresenceText.render(LANGUAGE, "presence.notice.alert.subject", number(permit),
                kind.text(LANGUAGE), personName);
        String body = describe(stored, permit, personName, LANGUAGE, zone);
        for (String recipient : alertRecipients(permit, site)) {
            events.publishEvent(new Notice(permit.tenantId(), recipient, ALERT_TOPIC, subject, body, link(permit)));
        }

        Map<String, Object> after = new LinkedHashMap<>();
        after.put("kind", kind.name());
        after.put("person", person.username());
        after.put("role", person.role().name());
        if (since != null) {
            after.put("since", since.toString());
            after.put("minutes", minutes);
        }
        if (distanceMetres != null) {
            after.put("distanceMetres", distanceMetres);
        }
        after.put("thresholdSource", thresholdSource);
        audit.append(permit.tenantId(), AuditLog.SYSTEM_ACTOR, "permit.presence.alert", "permit",
                String.valueOf(permit.id()), null, after);
        log.info("Presence alert {} of permit {} of tenant {} for user {}", kind, permit.id(), permit.tenantId(),
                person.username());
        if (kind.stopsWork()) {
            stopWork(permit, person, kind, distanceMetres);
        }
        return stored;
    }

    /** Suspends the permit's work in progress because the guardian left, naming the guardian and the clause. */
    private void stopWork(Permit permit, PresencePerson guardian, PresenceAlertKind kind,
            @Nullable BigDecimal distanceMetres) {
        SiteReason reason = GuardianResumeCheck.guardianReason(
                "presence." + kind.name().toLowerCase(Locale.ROOT).replace('_', '-'), "presence.stop." + kind.name(),
                name(permit, guardian.username()), distanceMetres);
        if (autoStop.suspendInProgress(permit.tenantId(), permit.id(), List.of(reason))) {
            log.info("Permit {} of tenant {} suspended: {} for guardian {}", permit.id(), permit.tenantId(), kind,
                    guardian.username());
        }
    }

    /** Asks a checked-in person for a position snapshot within {@code answerWithin}. */
    void requestSnapshot(Permit permit, PresencePerson person, Duration answerWithin) {
        events.publishEvent(new Notice(permit.tenantId(), person.username(), SNAPSHOT_TOPIC,
                PresenceText.render(LANGUAGE, "presence.notice.snapshot.subject", number(permit)),
                PresenceText.render(LANGUAGE, "presence.notice.snapshot.body", number(permit),
                        answerWithin.toMinutes()),
                link(permit)));
    }

    /** Returns the sentence of an alert in {@code locale}: who, what, how long, how far, on which permit. */
    static String describe(PresenceAlert alert, Permit permit, String personName, Locale locale, ZoneId zone) {
        String role = alert.role().text(locale);
        String since = alert.since() == null ? "" : TIME.format(alert.since().atZone(zone));
        return PresenceText.render(locale, "presence.alert." + alert.kind().name(), number(permit), personName, role,
                alert.minutes() == null ? 0 : alert.minutes(), distance(alert.distanceMetres(), locale), since,
                TIME.format(alert.raisedAt().atZone(zone)), alert.thresholdSource());
    }

    /** Returns where a fix lies in words: inside, metres outside the edge, or unknown without zone coordinates. */
    static String distance(@Nullable BigDecimal distanceMetres, Locale locale) {
        if (distanceMetres == null) {
            return PresenceText.render(locale, "presence.distance.unknown");
        }
        return distanceMetres.signum() == 0 ? PresenceText.render(locale, "presence.distance.inside")
                : PresenceText.render(locale, "presence.distance.metres", distanceMetres.toPlainString());
    }

    static String number(Permit permit) {
        return permit.permitNumber() != null ? permit.permitNumber() : "#" + permit.id();
    }

    private Set<String> alertRecipients(Permit permit, PermitSite site) {
        Set<String> recipients = new LinkedHashSet<>();
        directory.usersWithRole(permit.tenantId(), Role.SAFETY_DIRECTOR.code())
                .forEach(user -> recipients.add(user.username()));
        recipients.add(site.workLeader());
        return recipients;
    }

    /** Returns how messages name a user of the permit's tenant. */
    PersonName name(Permit permit, String username) {
        return PersonName.of(directory, permit.tenantId(), username);
    }

    private static String link(Permit permit) {
        return "/permits/" + permit.id() + "/detail";
    }
}
