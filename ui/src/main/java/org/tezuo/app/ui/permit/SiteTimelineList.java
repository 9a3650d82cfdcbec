package org.tezuo.app.ui.permit;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.tezuo.app.permit.site.FireWatchCheck;
import org.tezuo.app.permit.site.SiteAction;
import org.tezuo.app.permit.site.SiteEvent;
import org.tezuo.app.permit.site.SiteReason;
import org.tezuo.app.permit.site.SiteText;
import org.tezuo.app.ui.form.FieldDisplay;
import org.tezuo.app.ui.i18n.DisplayFormats;
import org.tezuo.core.audit.AuditLog;
import org.tezuo.core.environment.FlammableMeasurement;
import org.tezuo.core.environment.FlammableUnit;
import org.tezuo.core.environment.LowerExplosiveLimits;
import tools.jackson.databind.JsonNode;

/**
 * The site timeline of a permit, oldest first. Each entry shows the step, its time, the person (or the site watch)
 * and the state it led to. Below come the facts of the step, such as gas readings or the new end of validity, and
 * the reasons with their rules and clauses. Element id {@code site-timeline}; each entry carries
 * {@code data-action}.
 */
public class SiteTimelineList extends Div {

    public SiteTimelineList(List<SiteEvent> events, FieldDisplay display, ZoneId zone) {
        setId("site-timeline");
        addClassName("tezuo-history");
        add(new H3(getTranslation("site.timeline")));
        if (events.isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("site.timeline.none"));
            none.addClassName("tezuo-muted");
            add(none);
            return;
        }
        for (SiteEvent event : events) {
            add(entry(event, display, zone));
        }
    }

    private Div entry(SiteEvent event, FieldDisplay display, ZoneId zone) {
        Div entry = new Div();
        entry.addClassName("tezuo-history-entry");
        entry.getElement().setAttribute("data-action", event.action().name());
        Span heading = new Span(getTranslation("site.timeline.entry", event.action().text(getLocale()),
                actorName(event, display, getLocale()), event.stateAfter().text(getLocale())));
        heading.addClassName("tezuo-history-heading");
        Span time = new Span(DisplayFormats.dateTime(event.occurredAt(), zone));
        time.addClassName("tezuo-muted");
        entry.add(new Div(heading), new Div(time));
        for (String fact : facts(event, display, zone, getLocale(), this::getTranslation)) {
            entry.add(new Div(new Span(fact)));
        }
        for (SiteReason reason : event.reasons()) {
            Div line = new Div(new Span(reason.text(getLocale())));
            line.addClassName("tezuo-site-reason");
            entry.add(line);
        }
        return entry;
    }

    /** Returns the display name of the person who took a step, or the site watch for the watcher's entries. */
    public static String actorName(SiteEvent event, FieldDisplay display, Locale locale) {
        return AuditLog.SYSTEM_ACTOR.equals(event.actor()) ? SiteText.render(locale, "site.who.system")
                : display.person(event.actor());
    }

    /**
     * Returns the facts of a step in {@code locale}, one line each: gas test result and readings, the fire watch's
     * checklist, the new end of validity, the hand-over, the stop time, a re-test deadline, who confirmed as fire
     * watch before a close, and the person's reason and note. Times are in {@code zone}.
     */
    public static List<String> facts(SiteEvent event, FieldDisplay display, ZoneId zone, Locale locale,
            Captions captions) {
        List<String> facts = new ArrayList<>();
        JsonNode details = event.details();
        if (event.action() == SiteAction.GAS_TEST) {
            facts.add(captions.text(Boolean.TRUE.equals(event.passed()) ? "site.gasTest.passed"
                    : "site.gasTest.failed"));
            details.path("payloads").forEach(reading -> facts.add(reading(reading, captions)));
        }
        if (event.action() == SiteAction.FIRE_WATCH_CONFIRM) {
            facts.add(SiteText.join(FireWatchCheck.items()).text(locale));
        }
        if (details.hasNonNull("until")) {
            facts.add(captions.text("site.timeline.until", time(details.path("until"), zone)));
        }
        if (details.hasNonNull("to")) {
            facts.add(captions.text("site.timeline.handOver", display.person(details.path("from").asString()),
                    display.person(details.path("to").asString())));
        }
        if (details.hasNonNull("stoppedMinutes")) {
            facts.add(captions.text("site.timeline.stopped", details.path("stoppedMinutes").asLong()));
        }
        if (details.hasNonNull("dueAt")) {
            facts.add(captions.text("site.timeline.dueAt", time(details.path("dueAt"), zone)));
        }
        if (details.hasNonNull("fireWatchConfirmedBy")) {
            facts.add(captions.text("site.timeline.fireWatchConfirmed",
                    display.person(details.path("fireWatchConfirmedBy").asString()),
                    time(details.path("fireWatchConfirmedAt"), zone)));
        }
        if (details.hasNonNull("reason")) {
            facts.add(captions.text("site.timeline.reason", details.path("reason").asString()));
        }
        if (details.hasNonNull("note")) {
            facts.add(captions.text("site.timeline.note", details.path("note").asString()));
        }
        return facts;
    }

    /** Looks up a caption by key with its arguments, so callers outside a Vaadin request can pass their bundle. */
    @FunctionalInterface
    public interface Captions {
        String text(String key, Object... arguments);
    }

    /**
     * Describes one posted reading by the values it carries, such as {@code GD-07：甲烷 4 %LEL，氧气 20.9 %vol}, with
     * captions from {@code captions}.
     */
    public static String reading(JsonNode reading, Captions captions) {
        List<String> values = new ArrayList<>();
        JsonNode flammable = reading.path("flammable");
        if (flammable.isObject()) {
            String gas = flammable.path("gas").asString("");
            String unit = flammable.path("unit").asString("");
            // Limits are in %vol, so a %LEL reading also shows its %vol value from the gas's LEL.
            Optional<BigDecimal> percentVol = FlammableUnit.PERCENT_LEL.symbol().equalsIgnoreCase(unit)
                    && flammable.path("value").isNumber()
                    ? LowerExplosiveLimits.toPercentVol(new FlammableMeasurement(flammable.path("value")
                            .decimalValue(), FlammableUnit.PERCENT_LEL, gas))
                    : Optional.empty();
            values.add(percentVol.isPresent()
                    ? captions.text("site.reading.flammableWithVol", gas, flammable.path("value").asString(""), unit,
                            percentVol.get().toPlainString())
                    : captions.text("site.reading.flammable", gas, flammable.path("value").asString(""), unit));
        }
        if (reading.hasNonNull("oxygenPercentVol")) {
            values.add(captions.text("site.reading.oxygen", reading.path("oxygenPercentVol").asString()));
        }
        if (reading.hasNonNull("coPpm")) {
            values.add(captions.text("site.reading.co", reading.path("coPpm").asString()));
        }
        if (reading.hasNonNull("h2sPpm")) {
            values.add(captions.text("site.reading.h2s", reading.path("h2sPpm").asString()));
        }
        if (reading.path("sensorFault").asBoolean(false)) {
            values.add(captions.text("site.reading.sensorFault"));
        }
        return captions.text("site.reading", reading.path("detectorId").asString(""),
                String.join(captions.text("site.reading.separator"), values));
    }

    private static String time(JsonNode instant, ZoneId zone) {
        return DisplayFormats.dateTime(Instant.parse(instant.asString()), zone);
    }
}
