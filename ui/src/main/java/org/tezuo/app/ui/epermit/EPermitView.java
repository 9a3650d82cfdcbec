package org.tezuo.app.ui.epermit;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.List;
import java.util.Optional;
import org.tezuo.app.permit.AreaClassLabels;
import org.tezuo.app.permit.EPermits;
import org.tezuo.app.permit.Permit;
import org.tezuo.app.permit.PermitApprovals;
import org.tezuo.app.permit.PermitStore;
import org.tezuo.app.permit.evidence.EvidenceVerifier;
import org.tezuo.app.permit.site.PermitSite;
import org.tezuo.app.permit.site.PermitSites;
import org.tezuo.app.ui.form.FieldDisplay;
import org.tezuo.app.ui.i18n.DisplayFormats;
import org.tezuo.app.ui.form.FormContext;
import org.tezuo.app.ui.i18n.LanguageSwitch;
import org.tezuo.app.ui.permit.ApprovalHistoryList;
import org.tezuo.app.ui.permit.PermitPresentation;
import org.tezuo.app.ui.permit.PermitRiskList;
import org.tezuo.app.ui.permit.PermitRiskScoreSection;
import org.tezuo.app.ui.permit.PermitSiteSections;
import org.tezuo.app.ui.permit.SiteTimelineList;
import org.tezuo.app.ui.permit.PermitSummary;
import org.tezuo.form.definition.FormDefinition;
import org.tezuo.form.definition.FormField;
import org.tezuo.workflow.approval.ApprovalRecord;
import tools.jackson.databind.JsonNode;

/**
 * The public page a QR code opens, at {@code /e-permit/<token>}, for the people who check the permit on site: number,
 * type and status, and the live site state with the end of validity and the reasons of a suspension. Then come
 * location, grade, work window, the applicant and guardian by display name, the workers by name only, the risk map
 * of the permit's zone (site plan with the zone, AED and muster point, or a list without a plan), the gas
 * analyses, the risk items with every approver's confirmation, every approval opinion, the site timeline and the
 * emergency contacts. It never shows ID numbers or certificate numbers (which embed ID numbers). An unknown or
 * revoked token shows one sentence and nothing else.
 */
@Route(value = "e-permit/:" + EPermitView.TOKEN, autoLayout = false)
@AnonymousAllowed
@StyleSheet("context://styles/tezuo.css")
public class EPermitView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    /** Route parameter holding the QR token. */
    public static final String TOKEN = "token";

    /** Data path of the emergency contacts table when the form binds no path to the role of the same name. */
    static final String EMERGENCY_CONTACTS = "emergencyContacts";

    private final EPermits ePermits;
    private final PermitApprovals approvals;
    private final PermitStore permits;
    private final PermitPresentation presentation;
    private final EvidenceVerifier evidenceVerifier;
    private final PermitSiteSections siteSections;
    private final RiskMapReader riskMaps;
    private final AreaClassLabels areaClasses;
    private String title = "";

    public EPermitView(EPermits ePermits, PermitApprovals approvals, PermitStore permits,
            PermitPresentation presentation, EvidenceVerifier evidenceVerifier, PermitSiteSections siteSections,
            RiskMapReader riskMaps, AreaClassLabels areaClasses) {
        this.ePermits = ePermits;
        this.approvals = approvals;
        this.permits = permits;
        this.presentation = presentation;
        this.evidenceVerifier = evidenceVerifier;
        this.siteSections = siteSections;
        this.riskMaps = riskMaps;
        this.areaClasses = areaClasses;
        addClassName("tezuo-epermit");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        add(new LanguageSwitch(), new H1(getTranslation("app.name")));
        Optional<Permit> permit = event.getRouteParameters().get(TOKEN).flatMap(ePermits::byToken);
        if (permit.isEmpty()) {
            title = getTranslation("epermit.title");
            Paragraph missing = new Paragraph(getTranslation("epermit.notFound"));
            missing.setId("epermit-not-found");
            add(missing);
            return;
        }
        show(permit.get());
    }

    @Override
    public String getPageTitle() {
        return title;
    }

    private void show(Permit permit) {
        FormContext context = presentation.formContext(permit.tenantId(), getLocale());
        FieldDisplay display = presentation.display(context);
        FormDefinition form = presentation.formOf(permit);
        PermitSummary summary = presentation.summary(permit, display, getLocale());
        JsonNode data = permit.data();
        title = getTranslation("epermit.title") + " " + permit.permitNumber();

        Div page = new Div();
        page.setId("epermit");
        H2 number = new H2(String.valueOf(permit.permitNumber()));
        number.setId("epermit-number");
        page.add(number);
        page.add(new EvidenceIntegrityLine(evidenceVerifier.verify(permit.tenantId(), permit.id()), getLocale()));
        Anchor pdf = new Anchor(EPermits.PATH + permit.qrToken() + "/pdf", getTranslation("epermit.pdf.link"));
        pdf.setId("epermit-pdf");
        pdf.setTarget("_blank");
        page.add(new Div(pdf));

        FormLayout facts = new FormLayout();
        facts.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 2));
        fact(facts, "permit.type", summary.typeName());
        fact(facts, "epermit.approvalStatus", summary.status());
        siteSections.publicStatus(permit).ifPresent(site -> siteFacts(facts, site, context));
        fact(facts, "permit.location", summary.location());
        fact(facts, "permit.grade", summary.grade());
        fact(facts, "permit.workWindow", summary.workWindow());
        fact(facts, "permit.applicant", summary.applicant());
        for (String role : List.of("workLeader", "workContent", "method")) {
            FieldDisplay.bound(form, data, role).ifPresent(bound -> fact(facts, "epermit." + role,
                    display.text(bound.field(), bound.value())));
        }
        if (permit.issuedAt() != null) {
            fact(facts, "epermit.issuedAt", DisplayFormats.dateTime(permit.issuedAt(), context.zone()));
        }
        FieldDisplay.bound(form, data, "guardian").ifPresent(guardian -> fact(facts, "epermit.guardian",
                display.text(guardian.field(), guardian.value())));
        // "workers" are the gate-checked certificate holders; forms whose crew needs no special-operation
        // certificate (confined-space entrants, crane operators) bind their names to "crew".
        FieldDisplay.bound(form, data, "workers").or(() -> FieldDisplay.bound(form, data, "crew"))
                .ifPresent(workers -> fact(facts, "epermit.workers", workerNames(workers.value())));
        page.add(facts);
        riskMaps.read(permit, form, getLocale())
                .ifPresent(map -> page.add(new Html(RiskMapSvg.render(map, riskMapLabels()))));

        FieldDisplay.bound(form, data, "gasAnalyses")
                .ifPresent(gas -> page.add(rows("epermit-gas", gas.field(), gas.value(), display)));

        FieldDisplay.bound(form, data, "safetyMeasures")
                .ifPresent(measures -> page.add(rows("epermit-measures", measures.field(), measures.value(), display)));

        List<ApprovalRecord> history = approvals.history(permit.tenantId(), permit.id());
        permits.riskScore(permit.tenantId(), permit.id())
                .ifPresent(score -> page.add(new PermitRiskScoreSection(score, context.locale(),
                        areaClasses.of(permit.tenantId(), context.locale()))));
        page.add(new PermitRiskList(permit, permits.confirmations(permit.tenantId(), permit.id()), history, display,
                context));
        page.add(new ApprovalHistoryList(history, display, context.zone()));
        page.add(new SiteTimelineList(siteSections.sites().timeline(permit.tenantId(), permit.id()), display,
                context.zone()));

        String contactsPath = form.binding(EMERGENCY_CONTACTS).orElse(EMERGENCY_CONTACTS);
        form.fieldAt(contactsPath).filter(field -> data.path(contactsPath).isArray())
                .ifPresent(field -> page.add(rows("epermit-contacts", field, data.path(contactsPath), display)));
        add(page);
    }

    private RiskMapSvg.Labels riskMapLabels() {
        return new RiskMapSvg.Labels(getTranslation("epermit.map.title"), getTranslation("epermit.map.zone"),
                getTranslation("epermit.map.areaClass"), getTranslation("epermit.map.aed"),
                getTranslation("epermit.map.musterPoint"), getTranslation("epermit.map.aedMarker"),
                getTranslation("epermit.map.musterMarker"), getTranslation("epermit.map.noPlan"),
                getTranslation("value.none"), getTranslation("epermit.separator"));
    }

    /** Joins the workers' names. Only each row's name is read, never its ID or certificate number. */
    private String workerNames(JsonNode workers) {
        return workers.valueStream()
                .map(worker -> worker.path("name").asString(""))
                .filter(name -> !name.isBlank())
                .reduce((first, second) -> first + getTranslation("list.separator") + second)
                .orElse("");
    }

    /** Lists the rows of a table field, one block per row and one line per filled column with its label. */
    private Component rows(String id, FormField table, JsonNode rows, FieldDisplay display) {
        Div section = new Div();
        section.setId(id);
        section.add(new H3(table.label().text(getLocale())));
        for (JsonNode row : rows) {
            Div line = new Div();
            line.addClassName("tezuo-epermit-row");
            for (FormField column : table.children()) {
                String value = display.text(column, row.path(column.name()));
                if (!value.isEmpty()) {
                    line.add(new Div(new Span(column.label().text(getLocale()) + getTranslation("epermit.separator")
                            + value)));
                }
            }
            section.add(line);
        }
        return section;
    }

    /** Adds the live site state, the end of validity and the reasons of a suspension. */
    private void siteFacts(FormLayout facts, PermitSites.SiteStatus site, FormContext context) {
        fact(facts, "epermit.siteState", site.state().text(getLocale())).setId("epermit-site-state");
        PermitSite record = site.site();
        if (record == null) {
            return;
        }
        fact(facts, "epermit.validUntil", DisplayFormats.dateTime(record.validUntil(), context.zone()));
        if (!record.suspension().isEmpty()) {
            fact(facts, "epermit.siteSuspension", String.join(getTranslation("site.reason.separator"),
                    record.suspension().stream().map(reason -> reason.text(getLocale())).toList()))
                    .setId("epermit-site-suspension");
        }
    }

    private Span fact(FormLayout facts, String captionKey, String value) {
        Span text = new Span(value.isEmpty() ? getTranslation("value.none") : value);
        facts.addFormItem(text, getTranslation(captionKey));
        return text;
    }
}
