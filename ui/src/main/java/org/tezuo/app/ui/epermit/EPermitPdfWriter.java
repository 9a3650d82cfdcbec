package org.tezuo.app.ui.epermit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.openpdf.text.Document;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.Image;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfContentByte;
import org.openpdf.text.pdf.PdfWriter;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.tezuo.app.permit.AreaClassLabels;
import org.tezuo.app.permit.Permit;
import org.tezuo.app.permit.PermitApprovals;
import org.tezuo.app.permit.PermitRiskItem;
import org.tezuo.app.permit.PermitRiskScore;
import org.tezuo.app.permit.PermitStore;
import org.tezuo.app.permit.QrCodeRenderer;
import org.tezuo.app.permit.evidence.EvidenceVerification;
import org.tezuo.app.permit.evidence.EvidenceVerifier;
import org.tezuo.app.permit.presence.PermitPresences;
import org.tezuo.app.ui.form.FieldDisplay;
import org.tezuo.app.ui.form.FormContext;
import org.tezuo.app.ui.i18n.DisplayFormats;
import org.tezuo.app.ui.i18n.TranslationProvider;
import org.tezuo.app.ui.permit.PermitPresentation;
import org.tezuo.app.ui.permit.PermitRiskScoreSection;
import org.tezuo.app.ui.permit.PermitSiteSections;
import org.tezuo.app.ui.permit.PermitSummary;
import org.tezuo.core.privacy.IdNumberMask;
import org.tezuo.core.qualification.Certificate;
import org.tezuo.core.qualification.QualificationStore;
import org.tezuo.core.font.BundledFont;
import org.tezuo.form.definition.FormDefinition;
import org.tezuo.form.definition.FormField;
import org.tezuo.workflow.approval.ApprovalRecord;
import tools.jackson.databind.JsonNode;

/**
 * Writes the printable e-permit as an A4 PDF in the bundled CJK font. It carries what the QR page shows: the facts
 * and the workers with their role on the permit, masked ID number and certificate. The work leader is the one in
 * charge on site, followed by the earlier ones after a hand-over. Then comes the site state when the PDF was
 * generated: site state, last gas test with its limit, and the people on site or the time a closed or cancelled
 * permit ended. The risk map follows, drawn on the site plan, or its facts as text without a plan. The risk score,
 * the risk items with each approver's confirmation, the approvals with opinions and times, the site timeline
 * ({@link SiteRecordPdf}), the measures, the emergency contacts, the evidence integrity line and the QR code follow.
 * Severities, roles, states, site steps and area classes show as labels from the bundle or the metadata.
 */
@Component
public class EPermitPdfWriter {

    private static final int QR_PIXELS = 240;
    private static final float QR_POINTS = 96f;
    private static final float MAP_MAX_HEIGHT = 300f;

    private final PermitPresentation presentation;
    private final PermitApprovals approvals;
    private final PermitStore permits;
    private final EvidenceVerifier evidence;
    private final QrCodeRenderer qrCodes;
    private final TranslationProvider texts;
    private final RiskMapReader riskMaps;
    private final Live live;
    private final Clock clock;

    /** Readers of what changes after issue: the site phase, presence, the workers' certificates and area classes. */
    record Live(PermitSiteSections sites, PermitPresences presences, QualificationStore qualifications,
            AreaClassLabels areaClasses) {
    }

    EPermitPdfWriter(PermitPresentation presentation, PermitApprovals approvals, PermitStore permits,
            EvidenceVerifier evidence, QrCodeRenderer qrCodes, TranslationProvider texts, RiskMapReader riskMaps,
            PermitSiteSections sites, PermitPresences presences, QualificationStore qualifications,
            AreaClassLabels areaClasses, Clock clock) {
        this.presentation = presentation;
        this.approvals = approvals;
        this.permits = permits;
        this.evidence = evidence;
        this.qrCodes = qrCodes;
        this.texts = texts;
        this.riskMaps = riskMaps;
        this.live = new Live(sites, presences, qualifications, areaClasses);
        this.clock = clock;
    }

    /** Returns the PDF of an issued permit whose QR page is at {@code qrUrl}, with captions in {@code locale}. */
    public byte[] write(Permit permit, String qrUrl, Locale locale) {
        FormContext context = presentation.formContext(permit.tenantId(), locale);
        FieldDisplay display = presentation.display(context);
        FormDefinition form = presentation.formOf(permit);
        PermitSummary summary = presentation.summary(permit, display, locale);
        BaseFont baseFont = BundledFont.pdf();
        Fonts fonts = new Fonts(baseFont, new Font(baseFont, 15, Font.BOLD), new Font(baseFont, 11, Font.BOLD),
                new Font(baseFont, 9), new Font(baseFont, 9, Font.BOLD));
        Instant generatedAt = clock.instant();

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 36, 36, 36, 36);
        PdfWriter writer = PdfWriter.getInstance(document, out);
        document.open();
        Page page = new Page(document, writer.getDirectContent(), fonts, locale, context, display);
        SiteRecordPdf siteRecord = SiteRecordPdf.read(live.sites(), live.presences(), texts, permit);

        PdfPTable head = new PdfPTable(new float[] {4f, 1.2f});
        head.setWidthPercentage(100);
        PdfPCell title = new PdfPCell();
        title.setBorder(0);
        title.addElement(new Paragraph(text(locale, "epermit.title") + " " + summary.typeName(), fonts.title()));
        title.addElement(new Paragraph(String.valueOf(permit.permitNumber()), fonts.heading()));
        title.addElement(new Paragraph(integrity(permit, locale), fonts.body()));
        head.addCell(title);
        PdfPCell qr = new PdfPCell(qrImage(qrUrl), false);
        qr.setBorder(0);
        qr.setHorizontalAlignment(Element.ALIGN_RIGHT);
        head.addCell(qr);
        document.add(head);

        PdfPTable facts = table(2, new float[] {1f, 3f});
        fact(facts, fonts, text(locale, "permit.type"), summary.typeName());
        fact(facts, fonts, text(locale, "epermit.approvalStatus"), summary.status());
        fact(facts, fonts, text(locale, "permit.location"), summary.location());
        fact(facts, fonts, text(locale, "permit.grade"), summary.grade());
        fact(facts, fonts, text(locale, "permit.workWindow"), summary.workWindow());
        fact(facts, fonts, text(locale, "permit.applicant"), summary.applicant());
        JsonNode data = permit.data();
        Optional<String> workLeaders = siteRecord.workLeaders(page);
        for (String role : List.of("workLeader", "workContent", "method", "guardian")) {
            FieldDisplay.bound(form, data, role).ifPresent(bound -> fact(facts, fonts, text(locale,
                    "epermit." + role), role.equals("workLeader") && workLeaders.isPresent() ? workLeaders.get()
                            : display.text(bound.field(), bound.value())));
        }
        if (permit.issuedAt() != null) {
            fact(facts, fonts, text(locale, "epermit.issuedAt"),
                    DisplayFormats.dateTime(permit.issuedAt(), context.zone()));
        }
        document.add(facts);

        workers(page, permit, form, siteRecord);
        siteRecord.state(page, permit, generatedAt);
        riskMaps.read(permit, form, locale).ifPresent(map -> riskMap(page, map));
        permits.riskScore(permit.tenantId(), permit.id()).ifPresent(score -> riskScore(page, score,
                live.areaClasses().of(permit.tenantId(), locale)));
        riskItems(page, permit);

        List<ApprovalRecord> history = approvals.history(permit.tenantId(), permit.id());
        section(document, fonts, text(locale, "approval.history"));
        PdfPTable approvalTable = table(4, new float[] {1.4f, 1f, 1f, 2.6f});
        for (ApprovalRecord record : history) {
            approvalTable.addCell(cell(record.nodeName(), fonts.body()));
            approvalTable.addCell(cell(display.person(record.actor()), fonts.body()));
            approvalTable.addCell(cell(text(locale, "approval.decision." + record.decision().name()) + "\n"
                    + DisplayFormats.dateTime(record.decidedAt(), context.zone()), fonts.body()));
            approvalTable.addCell(cell(record.comment() == null ? "" : record.comment(), fonts.body()));
        }
        document.add(approvalTable);
        siteRecord.timeline(page);

        for (String role : List.of("safetyMeasures", "emergencyContacts")) {
            String path = form.binding(role).orElse(role);
            form.fieldAt(path).filter(field -> data.path(path).isArray() && !data.path(path).isEmpty())
                    .ifPresent(field -> rows(document, fonts, field, data.path(path), display, locale));
        }

        Paragraph generated = new Paragraph(text(locale, "epermit.pdf.generatedAt",
                DisplayFormats.dateTime(generatedAt, context.zone()), qrUrl), fonts.body());
        generated.setSpacingBefore(12);
        document.add(generated);
        document.close();
        return out.toByteArray();
    }

    /** Returns the PDF as a response shown in the browser and saved under the permit number, e.g. DH-…-0001.pdf. */
    public static ResponseEntity<byte[]> inline(Permit permit, byte[] pdf) {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename(permit.permitNumber() + ".pdf", StandardCharsets.UTF_8).build().toString())
                .body(pdf);
    }

    /**
     * Lists the people the permit names: the work leader in charge and those who handed over, the guardian (fire
     * watch) and each worker. A worker row carries the masked ID number and the certificate the permit names, with
     * its category, item and state from the register.
     */
    private void workers(Page page, Permit permit, FormDefinition form, SiteRecordPdf siteRecord) {
        Locale locale = page.locale();
        JsonNode data = permit.data();
        PdfPTable people = table(5, new float[] {1f, 0.9f, 1.5f, 2.7f, 0.9f});
        for (String caption : List.of("name", "role", "idNumber", "certificate", "certificateState")) {
            people.addCell(cell(text(locale, "epermit.pdf.worker." + caption), page.fonts().bold()));
        }
        String none = text(locale, "value.none");
        for (String role : List.of("workLeader", "guardian")) {
            FieldDisplay.bound(form, data, role).ifPresent(bound -> {
                String named = page.display().text(bound.field(), bound.value());
                String name = role.equals("workLeader")
                        ? siteRecord.currentWorkLeader().map(page.display()::person).orElse(named) : named;
                if (!name.isEmpty()) {
                    personRow(people, page, name, text(locale, "epermit." + role), none, none, none);
                }
            });
        }
        for (String former : siteRecord.formerWorkLeaders()) {
            personRow(people, page, page.display().person(former), text(locale, "epermit.pdf.worker.formerLeader"),
                    none, none, none);
        }
        Optional<FieldDisplay.BoundValue> workers = FieldDisplay.bound(form, data, "workers")
                .or(() -> FieldDisplay.bound(form, data, "crew"));
        workers.ifPresent(bound -> bound.value().forEach(worker -> {
            String idNumber = worker.path("idNumber").asString("");
            Optional<Certificate> certificate = certificate(permit.tenantId(), idNumber,
                    worker.path("certNumber").asString(""));
            personRow(people, page, worker.path("name").asString(""), text(locale, "role.WORKER"),
                    idNumber.isBlank() ? none : IdNumberMask.maskNumber(idNumber),
                    certificate.map(found -> found.category() + " / " + found.item())
                            .orElseGet(() -> text(locale, "epermit.pdf.worker.noCertificate")),
                    certificate.map(found -> found.state().label(locale)).orElse(none));
        }));
        if (people.getRows().size() > 1) {
            section(page.document(), page.fonts(), text(locale, "epermit.pdf.workers"));
            page.document().add(people);
        }
    }

    private static void personRow(PdfPTable people, Page page, String... values) {
        for (String value : values) {
            people.addCell(cell(value, page.fonts().body()));
        }
    }

    /** Returns the certificate a worker row names, or the holder's only certificate when the row names none. */
    private Optional<Certificate> certificate(long tenantId, String idNumber, String certNumber) {
        if (idNumber.isBlank()) {
            return Optional.empty();
        }
        List<Certificate> certificates = live.qualifications().findPersonByIdNumber(tenantId, idNumber)
                .map(person -> live.qualifications().certificatesOf(tenantId, person.id())).orElse(List.of());
        if (!certNumber.isBlank()) {
            return certificates.stream().filter(certificate -> certificate.certNumber().equals(certNumber)).findFirst();
        }
        return certificates.size() == 1 ? Optional.of(certificates.getFirst()) : Optional.empty();
    }

    /** Draws the zone on the site plan, or writes that the zone has no plan, and lists the zone's facts below. */
    private void riskMap(Page page, RiskMap map) {
        Locale locale = page.locale();
        RiskMap.Plan plan = map.plan();
        if (plan == null) {
            section(page.document(), page.fonts(), text(locale, "epermit.map.title"));
            page.document().add(new Paragraph(text(locale, "epermit.map.noPlan"), page.fonts().body()));
        } else {
            Image drawing = RiskMapPdf.draw(page.content(), map, plan, page.fonts().base(),
                    page.document().right() - page.document().left(), MAP_MAX_HEIGHT,
                    text(locale, "epermit.map.aedMarker"), text(locale, "epermit.map.musterMarker"));
            // A table keeps the drawing in reading order (a bare image that does not fit floats to the next page
            // while the text after it fills this one) and moves the heading along with it.
            PdfPTable frame = table(1, new float[] {1f});
            frame.setKeepTogether(true);
            PdfPCell heading = new PdfPCell(new Phrase(text(locale, "epermit.map.title"), page.fonts().heading()));
            heading.setBorder(0);
            heading.setPaddingTop(6);
            heading.setPaddingBottom(4);
            frame.addCell(heading);
            PdfPCell cell = new PdfPCell(drawing, false);
            cell.setBorder(0);
            cell.setHorizontalAlignment(Element.ALIGN_CENTER);
            frame.addCell(cell);
            page.document().add(frame);
        }
        PdfPTable facts = table(2, new float[] {1f, 3f});
        String none = text(locale, "value.none");
        fact(facts, page.fonts(), text(locale, "epermit.map.zone"), orNone(map.zoneName(), none));
        fact(facts, page.fonts(), text(locale, "epermit.map.areaClass"), orNone(map.areaClass(), none));
        fact(facts, page.fonts(), text(locale, "epermit.map.aed"), orNone(map.aed(), none));
        fact(facts, page.fonts(), text(locale, "epermit.map.musterPoint"), orNone(map.musterPoint(), none));
        page.document().add(facts);
    }

    /** Writes the total with its band, the dimension sub-scores and the top ranked factors with live values. */
    private void riskScore(Page page, PermitRiskScore score, UnaryOperator<String> values) {
        Locale locale = page.locale();
        section(page.document(), page.fonts(), text(locale, "riskScore.title"));
        PdfPTable lines = table(1, new float[] {1f});
        lines.addCell(cell(text(locale, "riskScore.total", score.total(), score.bandLabel(locale)),
                page.fonts().bold()));
        List<String> dimensions = new ArrayList<>();
        for (Map.Entry<String, BigDecimal> subScore : score.subScores().entrySet()) {
            dimensions.add(text(locale, "riskScore.dimension", text(locale, "riskScore.dimension." + subScore.getKey()),
                    subScore.getValue().stripTrailingZeros().toPlainString()));
        }
        lines.addCell(cell(text(locale, "epermit.pdf.score.dimensions",
                String.join(text(locale, "list.separator"), dimensions)), page.fonts().body()));
        String none = text(locale, "value.none");
        for (PermitRiskScore.Item item : score.top(PermitRiskScoreSection.TOP_ITEMS)) {
            lines.addCell(cell(text(locale, "riskScore.item", item.rank(), item.label(locale),
                    item.value() == null ? none : values.apply(item.value()),
                    item.limit() == null ? none : item.limit(),
                    item.unit(), item.contribution().stripTrailingZeros().toPlainString(), item.source()),
                    page.fonts().body()));
        }
        lines.addCell(cell(text(locale, "riskScore.source", score.source()), page.fonts().body()));
        page.document().add(lines);
    }

    /** Lists the risk items with their severity label, value and limit, and every approver's confirmation. */
    private void riskItems(Page page, Permit permit) {
        Locale locale = page.locale();
        boolean english = "en".equals(locale.getLanguage());
        section(page.document(), page.fonts(), text(locale, "epermit.pdf.risks"));
        List<PermitStore.RiskConfirmation> confirmations = permits.confirmations(permit.tenantId(), permit.id());
        String none = text(locale, "value.none");
        PdfPTable risks = table(2, new float[] {3f, 1.6f});
        for (PermitRiskItem item : permit.riskItems()) {
            StringBuilder description = new StringBuilder("[").append(text(locale, "risk.severity." + item.severity()))
                    .append("] ").append(english ? item.messageEn() : item.messageZh());
            if (item.value() != null || item.limit() != null) {
                description.append('\n').append(text(locale, "risk.valueAndLimit",
                        Objects.requireNonNullElse(item.value(), none), Objects.requireNonNullElse(item.limit(), none),
                        Objects.requireNonNullElse(item.unit(), "")));
            }
            if (item.limitOriginZh() != null) {
                description.append('\n').append(text(locale, "risk.limitOrigin",
                        english ? item.limitOriginEn() : item.limitOriginZh(),
                        english ? item.scenarioEn() : item.scenarioZh()));
            }
            risks.addCell(cell(description.toString(), page.fonts().body()));
            risks.addCell(cell(String.join("\n", confirmations.stream()
                    .filter(confirmation -> confirmation.itemCode().equals(item.code()))
                    .map(confirmation -> page.display().person(confirmation.approver()) + " "
                            + (english ? confirmation.decision().en() : confirmation.decision().zh()))
                    .toList()), page.fonts().body()));
        }
        page.document().add(risks);
    }

    private static String orNone(String value, String none) {
        return value.isEmpty() ? none : value;
    }

    private String integrity(Permit permit, Locale locale) {
        EvidenceVerification verification = evidence.verify(permit.tenantId(), permit.id());
        if (verification.intact()) {
            return text(locale, "epermit.integrity.intact", verification.evidenceCount());
        }
        return text(locale, "epermit.integrity.broken", verification.problems().size(),
                String.join(text(locale, "list.separator"), verification.problems().stream()
                        .map(problem -> problem.message(locale)).toList()));
    }

    private Image qrImage(String url) {
        try {
            Image image = Image.getInstance(qrCodes.png(url, QR_PIXELS));
            image.scaleToFit(QR_POINTS, QR_POINTS);
            return image;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Lists a table field's rows, one line per row with each filled column as "label：value". */
    private void rows(Document document, Fonts fonts, FormField table, JsonNode rows, FieldDisplay display,
            Locale locale) {
        section(document, fonts, table.label().text(locale));
        PdfPTable lines = table(1, new float[] {1f});
        for (JsonNode row : rows) {
            StringBuilder line = new StringBuilder();
            for (FormField column : table.children()) {
                String value = display.text(column, row.path(column.name()));
                if (!value.isEmpty()) {
                    line.append(line.isEmpty() ? "" : "  ").append(column.label().text(locale))
                            .append(text(locale, "epermit.separator")).append(value);
                }
            }
            lines.addCell(cell(line.toString(), fonts.body()));
        }
        document.add(lines);
    }

    static void section(Document document, Fonts fonts, String caption) {
        Paragraph heading = new Paragraph(caption, fonts.heading());
        heading.setSpacingBefore(10);
        heading.setSpacingAfter(4);
        document.add(heading);
    }

    static PdfPTable table(int columns, float[] widths) {
        PdfPTable table = new PdfPTable(columns);
        table.setWidthPercentage(100);
        table.setWidths(widths);
        table.setSpacingBefore(4);
        return table;
    }

    static void fact(PdfPTable facts, Fonts fonts, String caption, String value) {
        facts.addCell(cell(caption, fonts.bold()));
        facts.addCell(cell(value, fonts.body()));
    }

    static PdfPCell cell(String text, Font font) {
        PdfPCell cell = new PdfPCell(new Phrase(text, font));
        cell.setPadding(4);
        return cell;
    }

    private String text(Locale locale, String key, Object... arguments) {
        return texts.getTranslation(key, locale, arguments);
    }

    record Fonts(BaseFont base, Font title, Font heading, Font body, Font bold) {
    }

    /** The document, fonts and reader's settings every section writes with. */
    record Page(Document document, PdfContentByte content, Fonts fonts, Locale locale, FormContext context,
            FieldDisplay display) {
    }
}
