package org.tezuo.app.ui.epermit;

import static org.tezuo.app.ui.epermit.EPermitPdfWriter.cell;
import static org.tezuo.app.ui.epermit.EPermitPdfWriter.fact;
import static org.tezuo.app.ui.epermit.EPermitPdfWriter.section;
import static org.tezuo.app.ui.epermit.EPermitPdfWriter.table;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.openpdf.text.Paragraph;
import org.openpdf.text.pdf.PdfPTable;
import org.tezuo.app.permit.Permit;
import org.tezuo.app.permit.presence.PermitPresences;
import org.tezuo.app.permit.presence.PresencePerson;
import org.tezuo.app.permit.site.PermitSite;
import org.tezuo.app.permit.site.PermitSites;
import org.tezuo.app.permit.site.SiteAction;
import org.tezuo.app.permit.site.SiteEvent;
import org.tezuo.app.permit.site.SiteReason;
import org.tezuo.app.permit.site.SiteState;
import org.tezuo.app.ui.epermit.EPermitPdfWriter.Page;
import org.tezuo.app.ui.i18n.DisplayFormats;
import org.tezuo.app.ui.i18n.TranslationProvider;
import org.tezuo.app.ui.permit.PermitSiteSections;
import org.tezuo.app.ui.permit.SiteTimelineList;

/**
 * Writes the site part of the printable e-permit from one read of the permit's site record: the work leaders with
 * their hand-overs, the site state when the PDF was generated and the site timeline. Permits that are not issued
 * have no site phase and get none of it.
 */
final class SiteRecordPdf {

    private final PermitSites.@Nullable SiteStatus status;
    private final List<SiteEvent> timeline;
    private final PermitPresences presences;
    private final TranslationProvider texts;

    private SiteRecordPdf(PermitSites.@Nullable SiteStatus status, List<SiteEvent> timeline,
            PermitPresences presences, TranslationProvider texts) {
        this.status = status;
        this.timeline = timeline;
        this.presences = presences;
        this.texts = texts;
    }

    /** Reads the site state and timeline of {@code permit} once, for every site part of one PDF. */
    static SiteRecordPdf read(PermitSiteSections sites, PermitPresences presences, TranslationProvider texts,
            Permit permit) {
        Optional<PermitSites.SiteStatus> status = sites.publicStatus(permit);
        List<SiteEvent> timeline = status.isEmpty() ? List.of()
                : sites.sites().timeline(permit.tenantId(), permit.id());
        return new SiteRecordPdf(status.orElse(null), timeline, presences, texts);
    }

    /**
     * Returns the work leader in charge now. After hand-overs it returns one line per hand-over, newest first, each
     * with the incoming leader, the time and the outgoing leader, such as {@code 吴刚（2026-12-05 22:36 自王建国接班）}.
     * Empty before acceptance, when the permit names its leader only on the form.
     */
    Optional<String> workLeaders(Page page) {
        PermitSite site = site();
        if (site == null) {
            return Optional.empty();
        }
        List<SiteEvent> handOvers = handOvers();
        if (handOvers.isEmpty()) {
            return Optional.of(page.display().person(site.workLeader()));
        }
        List<String> lines = new ArrayList<>();
        for (SiteEvent handOver : handOvers.reversed()) {
            lines.add(text(page.locale(), "epermit.pdf.workLeader.handOver",
                    page.display().person(handOver.details().path("to").asString()),
                    DisplayFormats.dateTime(handOver.occurredAt(), page.context().zone()),
                    page.display().person(handOver.details().path("from").asString())));
        }
        return Optional.of(String.join("\n", lines));
    }

    /** Returns the user name of the work leader in charge now, or empty before acceptance. */
    Optional<String> currentWorkLeader() {
        return Optional.ofNullable(site()).map(PermitSite::workLeader);
    }

    /** Returns the user names of the work leaders who handed the permit over, oldest first. */
    List<String> formerWorkLeaders() {
        return handOvers().stream().map(handOver -> handOver.details().path("from").asString()).distinct()
                .filter(leader -> !currentWorkLeader().orElse("").equals(leader)).toList();
    }

    /**
     * Writes the site phase at the time the PDF is generated. It lists the site state, the end of validity, the
     * reasons of a suspension and the last gas test with its readings and the limits of the permit's gas risk items.
     * Then comes how many people checked in, or for a closed or cancelled permit the time it ended.
     */
    void state(Page page, Permit permit, Instant generatedAt) {
        if (status == null) {
            return;
        }
        Locale locale = page.locale();
        section(page.document(), page.fonts(), text(locale, "epermit.pdf.site",
                DisplayFormats.dateTime(generatedAt, page.context().zone())));
        PdfPTable facts = table(2, new float[] {1f, 3f});
        fact(facts, page.fonts(), text(locale, "epermit.siteState"), status.state().text(locale));
        PermitSite record = status.site();
        if (record == null) {
            fact(facts, page.fonts(), text(locale, "epermit.pdf.site.lastGasTest"),
                    text(locale, "epermit.pdf.site.notAccepted"));
            page.document().add(facts);
            return;
        }
        if (record.validUntil() != null) {
            fact(facts, page.fonts(), text(locale, "epermit.validUntil"),
                    DisplayFormats.dateTime(record.validUntil(), page.context().zone()));
        }
        if (!record.suspension().isEmpty()) {
            fact(facts, page.fonts(), text(locale, "epermit.siteSuspension"), String.join(
                    text(locale, "site.reason.separator"),
                    record.suspension().stream().map(reason -> reason.text(locale)).toList()));
        }
        fact(facts, page.fonts(), text(locale, "epermit.pdf.site.lastGasTest"), lastGasTest(page, permit));
        fact(facts, page.fonts(), text(locale, "epermit.pdf.site.presence"), presence(page, permit, record));
        page.document().add(facts);
    }

    /**
     * Writes the site timeline, oldest first, one row per step with its time, the step and the state it led to,
     * the person, and the step's facts and reasons as the permit page shows them.
     */
    void timeline(Page page) {
        if (status == null) {
            return;
        }
        Locale locale = page.locale();
        section(page.document(), page.fonts(), text(locale, "site.timeline"));
        if (timeline.isEmpty()) {
            page.document().add(new Paragraph(text(locale, "site.timeline.none"), page.fonts().body()));
            return;
        }
        PdfPTable rows = table(4, new float[] {1.2f, 1.3f, 1.1f, 3f});
        for (String caption : List.of("time", "step", "actor", "detail")) {
            rows.addCell(cell(text(locale, "epermit.pdf.timeline." + caption), page.fonts().bold()));
        }
        for (SiteEvent event : timeline) {
            rows.addCell(cell(DisplayFormats.dateTime(event.occurredAt(), page.context().zone()),
                    page.fonts().body()));
            rows.addCell(cell(text(locale, "epermit.pdf.timeline.stepAndState", event.action().text(locale),
                    event.stateAfter().text(locale)), page.fonts().body()));
            rows.addCell(cell(SiteTimelineList.actorName(event, page.display(), locale), page.fonts().body()));
            List<String> lines = new ArrayList<>(SiteTimelineList.facts(event, page.display(), page.context().zone(),
                    locale, (key, arguments) -> text(locale, key, arguments)));
            for (SiteReason reason : event.reasons()) {
                lines.add(text(locale, "site.timeline.reason", reason.text(locale)));
            }
            rows.addCell(cell(String.join("\n", lines), page.fonts().body()));
        }
        page.document().add(rows);
    }

    private String lastGasTest(Page page, Permit permit) {
        Locale locale = page.locale();
        List<SiteEvent> tests = timeline.stream().filter(event -> event.action() == SiteAction.GAS_TEST).toList();
        if (tests.isEmpty()) {
            return text(locale, "epermit.pdf.site.noGasTest");
        }
        SiteEvent last = tests.getLast();
        List<String> readings = new ArrayList<>();
        last.details().path("payloads").forEach(reading -> readings.add(SiteTimelineList.reading(reading,
                (key, arguments) -> text(locale, key, arguments))));
        List<String> lines = new ArrayList<>();
        lines.add(text(locale, "epermit.pdf.site.gasTest",
                DisplayFormats.dateTime(last.occurredAt(), page.context().zone()),
                text(locale, Boolean.TRUE.equals(last.passed()) ? "site.gasTest.passed" : "site.gasTest.failed"),
                String.join(text(locale, "list.separator"), readings)));
        permit.riskItems().stream()
                .filter(item -> item.code().contains(".gas.") && item.limit() != null)
                .forEach(item -> lines.add(text(locale, "epermit.pdf.site.gasLimit", item.limit(),
                        Objects.requireNonNullElse(item.unit(), ""), item.source())));
        last.reasons().forEach(reason -> lines.add(reason.text(locale)));
        return String.join("\n", lines);
    }

    /**
     * Counts who is checked in now, who checked in at all, and gives the time of the newest position. After the
     * close or cancellation it gives the time the permit ended, and the current counts are the counts at that time
     * because {@code PresenceRecorder} rejects check-ins and check-outs once the permit is off site.
     */
    private String presence(Page page, Permit permit, PermitSite record) {
        Locale locale = page.locale();
        Optional<PermitPresences.PresenceStatus> found = presences.status(permit.tenantId(), permit.id(), "")
                .filter(status -> !status.people().isEmpty() || status.summary() != null);
        boolean ended = record.state() == SiteState.CLOSED || record.state() == SiteState.CANCELLED;
        if (ended) {
            return ended(page, record, found.orElse(null));
        }
        return found.map(status -> {
                    List<PresencePerson> people = people(status);
                    @Nullable Instant lastFix = people.stream().map(PresencePerson::lastFixAt)
                            .max(Comparator.naturalOrder())
                            .orElse(status.summary() == null ? null : status.summary().lastFixAt());
                    return text(locale, "epermit.pdf.site.presenceSummary",
                            people.stream().filter(PresencePerson::checkedIn).count(), total(status, people),
                            lastFix == null ? text(locale, "value.none")
                                    : DisplayFormats.dateTime(lastFix, page.context().zone()));
                })
                .orElseGet(() -> text(locale, "epermit.pdf.site.noPresence"));
    }

    /** Describes presence on a closed or cancelled permit: when it ended, and who was still checked in then. */
    private String ended(Page page, PermitSite record, PermitPresences.@Nullable PresenceStatus status) {
        Locale locale = page.locale();
        Instant endedAt = timeline.stream()
                .filter(event -> event.action() == SiteAction.CLOSE || event.action() == SiteAction.CANCEL)
                .map(SiteEvent::occurredAt).reduce((first, second) -> second).orElse(record.updatedAt());
        String end = text(locale, "epermit.pdf.site.ended." + record.state().name(),
                DisplayFormats.dateTime(endedAt, page.context().zone()));
        if (status == null) {
            return text(locale, "epermit.pdf.site.endedNobody", end);
        }
        List<PresencePerson> people = people(status);
        if (people.isEmpty()) {
            return text(locale, "epermit.pdf.site.endedPurged", end, total(status, people));
        }
        return text(locale, "epermit.pdf.site.endedCounts", end,
                people.stream().filter(PresencePerson::checkedIn).count(), total(status, people));
    }

    private static List<PresencePerson> people(PermitPresences.PresenceStatus status) {
        return status.people().stream().map(PermitPresences.PersonPresence::person).toList();
    }

    private static int total(PermitPresences.PresenceStatus status, List<PresencePerson> people) {
        return status.summary() == null ? people.size() : Math.max(people.size(), status.summary().people());
    }

    private List<SiteEvent> handOvers() {
        return timeline.stream().filter(event -> event.action() == SiteAction.HAND_OVER).toList();
    }

    private @Nullable PermitSite site() {
        return status == null ? null : status.site();
    }

    private String text(Locale locale, String key, Object... arguments) {
        return texts.getTranslation(key, locale, arguments);
    }
}
