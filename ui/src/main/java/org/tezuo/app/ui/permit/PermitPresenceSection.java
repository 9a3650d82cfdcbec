package org.tezuo.app.ui.permit;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.tezuo.app.permit.Actor;
import org.tezuo.app.permit.presence.PermitPresences;
import org.tezuo.app.permit.presence.PresenceAlert;
import org.tezuo.app.permit.presence.PresenceFix;
import org.tezuo.app.permit.presence.PresencePerson;
import org.tezuo.app.permit.presence.PresenceRecorder;
import org.tezuo.app.permit.presence.PresenceSummary;
import org.tezuo.app.security.CurrentUser;
import org.tezuo.app.ui.layout.Notices;
import org.tezuo.core.i18n.LocalizedException;

/**
 * The presence panel of a permit on site, laid out for a phone: the zone, who is checked in with the newest
 * placement, the alerts, and for a person the permit names a full-width 签到, 位置上报 or 签退 button. A button reads
 * the position through the browser Geolocation API and sends it to the server, which checks it. A denied
 * permission or a missing fix is shown in the panel. Element ids: {@code permit-presence}, {@code presence-check-in},
 * {@code presence-snapshot}, {@code presence-check-out}, {@code presence-message}, {@code presence-people},
 * {@code presence-alerts}.
 */
public class PermitPresenceSection extends Div {

    /**
     * Asks the browser for one fresh high-accuracy fix. It resolves to {@code ok:<lat>,<lon>,<accuracy>,<epoch ms>}
     * or {@code error:<reason>} (unsupported, denied, unavailable, timeout). The promise resolves instead of rejecting,
 * so a failure reaches the same callback as a fix.
     */
    static final String LOCATE = """
            if (!navigator.geolocation || !window.isSecureContext) { return 'error:unsupported'; }
            return new Promise(resolve => navigator.geolocation.getCurrentPosition(
                position => resolve('ok:' + position.coords.latitude + ',' + position.coords.longitude + ','
                    + position.coords.accuracy + ',' + position.timestamp),
                failure => resolve('error:' + (failure.code === 1 ? 'denied'
                    : failure.code === 2 ? 'unavailable' : 'timeout')),
                {enableHighAccuracy: true, timeout: 20000, maximumAge: 0}));""";

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm");

    private final PresenceRecorder recorder;
    private final CurrentUser user;
    private final long permitId;
    private final ZoneId zone;
    private final Runnable refresh;
    private final Paragraph message = new Paragraph();

    PermitPresenceSection(PresenceRecorder recorder, PermitPresences presences, CurrentUser user,
            PermitPresences.PresenceStatus status, ZoneId zone, Runnable refresh) {
        this.recorder = recorder;
        this.user = user;
        this.permitId = status.permit().id();
        this.zone = zone;
        this.refresh = refresh;
        setId("permit-presence");
        addClassName("tezuo-site");
        add(new H3(getTranslation("presence.title")), new Paragraph(zoneLine(status)));
        message.setId("presence-message");
        message.setVisible(false);
        if (status.onSite() && status.callerRole() != null) {
            add(buttons(status));
            add(message);
        }
        add(people(status, presences));
        add(alerts(status, presences));
        PresenceSummary summary = status.summary();
        if (summary != null) {
            add(new Paragraph(getTranslation("presence.summary", summary.people(), summary.fixes(),
                    summary.fixesOutside(), summary.alerts(), format(summary.purgedAt()))));
        }
    }

    private String zoneLine(PermitPresences.PresenceStatus status) {
        String name = status.zoneName() == null ? getTranslation("presence.zone.none") : status.zoneName();
        String geometry = switch (status.zoneGeometry()) {
            case "POLYGON" -> getTranslation("presence.zone.polygon");
            case "CIRCLE" -> getTranslation("presence.zone.circle",
                    status.thresholds().zoneRadiusMetres().toPlainString());
            default -> getTranslation("presence.zone.noCoordinates");
        };
        return getTranslation("presence.zone", name, geometry, status.thresholds().snapshotInterval().toMinutes(),
                status.thresholds().outsideAlertAfter().toMinutes());
    }

    private Div buttons(PermitPresences.PresenceStatus status) {
        Div actions = new Div();
        actions.addClassName("tezuo-site-actions");
        boolean checkedIn = status.caller(user.username()).map(present -> present.person().checkedIn())
                .orElse(false);
        if (!checkedIn) {
            actions.add(button("presence-check-in", "presence.checkIn", PresenceFix.Kind.CHECK_IN, true));
        } else {
            actions.add(button("presence-snapshot", "presence.snapshot", PresenceFix.Kind.SNAPSHOT, true));
            actions.add(button("presence-check-out", "presence.checkOut", PresenceFix.Kind.CHECK_OUT, false));
        }
        return actions;
    }

    private Button button(String id, String captionKey, PresenceFix.Kind kind, boolean primary) {
        Button button = new Button(getTranslation(captionKey), VaadinIcon.CROSSHAIRS.create());
        button.setId(id);
        button.setWidthFull();
        button.setDisableOnClick(true);
        if (primary) {
            button.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        }
        button.addClickListener(event -> {
            show(getTranslation("presence.locating"));
            getElement().executeJs(LOCATE).then(String.class, result -> {
                button.setEnabled(true);
                located(result, kind);
            }, failure -> {
                button.setEnabled(true);
                show(getTranslation("presence.error.unavailable"));
            });
        });
        return button;
    }

    /** Sends the browser's result to the server, or shows why there is no position. */
    void located(String result, PresenceFix.Kind kind) {
        if (!result.startsWith("ok:")) {
            String reason = result.startsWith("error:") ? result.substring("error:".length()) : "unavailable";
            show(getTranslation("presence.error." + switch (reason) {
                case "denied", "unsupported", "timeout" -> reason;
                default -> "unavailable";
            }));
            return;
        }
        String[] parts = result.substring("ok:".length()).split(",");
        PresenceRecorder.Report report;
        try {
            report = new PresenceRecorder.Report(Double.valueOf(parts[0]), Double.valueOf(parts[1]),
                    Double.valueOf(parts[2]), Instant.ofEpochMilli((long) Double.parseDouble(parts[3])));
        } catch (RuntimeException e) {
            show(getTranslation("presence.error.unavailable"));
            return;
        }
        Actor actor = new Actor(user.tenantId(), user.username(), getLocale());
        try {
            PresenceRecorder.Recorded recorded = switch (kind) {
                case CHECK_IN -> recorder.checkIn(actor, permitId, report);
                case SNAPSHOT -> recorder.snapshot(actor, permitId, report);
                case CHECK_OUT -> recorder.checkOut(actor, permitId, report);
            };
            Notices.success(getTranslation("presence.done." + kind.name(), placement(recorded.fix())));
            refresh.run();
        } catch (LocalizedException e) {
            show(e.message(getLocale()));
        }
    }

    private Div people(PermitPresences.PresenceStatus status, PermitPresences presences) {
        Div list = new Div();
        list.setId("presence-people");
        if (status.people().isEmpty()) {
            list.add(new Paragraph(getTranslation("presence.people.none")));
        }
        Locale locale = getLocale();
        for (PermitPresences.PersonPresence present : status.people()) {
            PresencePerson person = present.person();
            String state = !person.checkedIn() ? getTranslation("presence.checkedOut", format(person.checkedOutAt()))
                    : person.lastInside() == null ? getTranslation("presence.inside.unknown")
                    : person.lastInside() ? getTranslation("presence.inside.yes")
                    : getTranslation("presence.inside.no", person.lastDistanceMetres() == null ? "?"
                            : person.lastDistanceMetres().toPlainString());
            Div row = new Div(new Span(present.displayName() + "（" + person.role().text(locale) + "）"),
                    new Span(" · " + state + " · " + getTranslation("presence.lastFix", format(person.lastFixAt()))));
            row.getElement().setAttribute("data-user", person.username());
            list.add(row);
        }
        return list;
    }

    private Div alerts(PermitPresences.PresenceStatus status, PermitPresences presences) {
        Div list = new Div();
        list.setId("presence-alerts");
        for (PresenceAlert alert : status.alerts()) {
            Paragraph line = new Paragraph(presences.describe(alert, status.permit(),
                    presences.displayName(user.tenantId(), alert.username()), getLocale(), zone));
            line.addClassName("tezuo-site-reason");
            list.add(line);
        }
        return list;
    }

    private String placement(PresenceFix fix) {
        if (fix.inside() == null) {
            return getTranslation("presence.inside.unknown");
        }
        return fix.inside() ? getTranslation("presence.inside.yes")
                : getTranslation("presence.inside.no", fix.distanceMetres() == null ? "?"
                        : fix.distanceMetres().toPlainString());
    }

    private void show(String text) {
        message.setText(text);
        message.setVisible(true);
    }

    private String format(@org.jspecify.annotations.Nullable Instant instant) {
        return instant == null ? "" : TIME.format(instant.atZone(zone));
    }
}
