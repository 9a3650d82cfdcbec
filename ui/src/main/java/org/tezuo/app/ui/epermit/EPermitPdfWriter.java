package org.tezuo.app.ui.epermit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
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
import org.openpdf.text.pdf.PdfWriter;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.tezuo.app.permit.Permit;
import org.tezuo.app.permit.PermitApprovals;
import org.tezuo.app.permit.PermitRiskItem;
import org.tezuo.app.permit.PermitStore;
import org.tezuo.app.permit.QrCodeRenderer;
import org.tezuo.app.permit.evidence.EvidenceVerification;
import org.tezuo.app.permit.evidence.EvidenceVerifier;
import org.tezuo.app.ui.form.FieldDisplay;
import org.tezuo.app.ui.form.FormContext;
import org.tezuo.app.ui.i18n.DisplayFormats;
import org.tezuo.app.ui.i18n.TranslationProvider;
import org.tezuo.app.ui.permit.PermitPresentation;
import org.tezuo.app.ui.permit.PermitSummary;
import org.tezuo.core.font.BundledFont;
import org.tezuo.form.definition.FormDefinition;
import org.tezuo.form.definition.FormField;
import org.tezuo.workflow.approval.ApprovalRecord;
import tools.jackson.databind.JsonNode;

/**
 * Writes the printable e-permit as an A4 PDF in the bundled CJK font. It carries what the QR page shows: the facts,
 * the approvals with opinions and times, the risk items with each approver's confirmation, the measures, the
 * emergency contacts, the evidence integrity line and the QR code. The zone of the risk map comes as text.
 */
@Component
public class EPermitPdfWriter {

    private static final int QR_PIXELS = 240;
    private static final float QR_POINTS = 96f;

    private final PermitPresentation presentation;
    private final PermitApprovals approvals;
    private final PermitStore permits;
    private final EvidenceVerifier evidence;
    private final QrCodeRenderer qrCodes;
    private final TranslationProvider texts;
    private final RiskMapReader riskMaps;
    private final Clock clock;

    EPermitPdfWriter(PermitPresentation presentation, PermitApprovals approvals, PermitStore permits,
            EvidenceVerifier evidence, QrCodeRenderer qrCodes, TranslationProvider texts, RiskMapReader riskMaps,
            Clock clock) {
        this.presentation = presentation;
        this.approvals = approvals;
        this.permits = permits;
        this.evidence = evidence;
        this.qrCodes = qrCodes;
        this.texts = texts;
        this.riskMaps = riskMaps;
        this.clock = clock;
    }

    /** Returns the PDF of an issued permit whose QR page is at {@code qrUrl}, with captions in {@code locale}. */
    public byte[] write(Permit permit, String qrUrl, Locale locale) {
        FormContext context = presentation.formContext(permit.tenantId(), locale);
        FieldDisplay display = presentation.display(context);
        FormDefinition form = presentation.formOf(permit);
        PermitSummary summary = presentation.summary(permit, display, locale);
        BaseFont baseFont = BundledFont.pdf();
        Fonts fonts = new Fonts(new Font(baseFont, 15, Font.BOLD), new Font(baseFont, 11, Font.BOLD),
                new Font(baseFont, 9), new Font(baseFont, 9, Font.BOLD));

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 36, 36, 36, 36);
        PdfWriter.getInstance(document, out);
        document.open();

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
        fact(facts, fonts, text(locale, "permit.status"), summary.status());
        fact(facts, fonts, text(locale, "permit.location"), summary.location());
        fact(facts, fonts, text(locale, "permit.grade"), summary.grade());
        fact(facts, fonts, text(locale, "permit.workWindow"), summary.workWindow());
        fact(facts, fonts, text(locale, "permit.applicant"), summary.applicant());
        JsonNode data = permit.data();
        for (String role : List.of("workLeader", "workContent", "method", "guardian")) {
            FieldDisplay.bound(form, data, role).ifPresent(bound -> fact(facts, fonts, text(locale,
                    "epermit." + role), display.text(bound.field(), bound.value())));
        }
        if (permit.issuedAt() != null) {
            fact(facts, fonts, text(locale, "epermit.issuedAt"),
                    DisplayFormats.dateTime(permit.issuedAt(), context.zone()));
        }
        // NOTE: the PDF lists the zone's facts; the plan drawing is on the QR page only.
        riskMaps.read(permit, form, locale).ifPresent(map -> {
            fact(facts, fonts, text(locale, "epermit.map.zone"), map.zoneName());
            fact(facts, fonts, text(locale, "epermit.map.areaClass"), map.areaClass());
            fact(facts, fonts, text(locale, "epermit.map.aed"), map.aed());
            fact(facts, fonts, text(locale, "epermit.map.musterPoint"), map.musterPoint());
        });
        document.add(facts);

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

        section(document, fonts, text(locale, "epermit.pdf.risks"));
        List<PermitStore.RiskConfirmation> confirmations = permits.confirmations(permit.tenantId(), permit.id());
        PdfPTable risks = table(2, new float[] {3f, 1.6f});
        for (PermitRiskItem item : permit.riskItems()) {
            risks.addCell(cell(locale.getLanguage().equals("en") ? item.messageEn() : item.messageZh(),
                    fonts.body()));
            risks.addCell(cell(String.join("\n", confirmations.stream()
                    .filter(confirmation -> confirmation.itemCode().equals(item.code()))
                    .map(confirmation -> display.person(confirmation.approver()) + " "
                            + (locale.getLanguage().equals("en") ? confirmation.decision().en()
                                    : confirmation.decision().zh()))
                    .toList()), fonts.body()));
        }
        document.add(risks);

        for (String role : List.of("safetyMeasures", "emergencyContacts")) {
            String path = form.binding(role).orElse(role);
            form.fieldAt(path).filter(field -> data.path(path).isArray() && !data.path(path).isEmpty())
                    .ifPresent(field -> rows(document, fonts, field, data.path(path), display, locale));
        }

        Paragraph generated = new Paragraph(text(locale, "epermit.pdf.generatedAt",
                DisplayFormats.dateTime(clock.instant(), context.zone()), qrUrl), fonts.body());
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

    private static void section(Document document, Fonts fonts, String caption) {
        Paragraph heading = new Paragraph(caption, fonts.heading());
        heading.setSpacingBefore(10);
        heading.setSpacingAfter(4);
        document.add(heading);
    }

    private static PdfPTable table(int columns, float[] widths) {
        PdfPTable table = new PdfPTable(columns);
        table.setWidthPercentage(100);
        table.setWidths(widths);
        table.setSpacingBefore(4);
        return table;
    }

    private static void fact(PdfPTable facts, Fonts fonts, String caption, String value) {
        facts.addCell(cell(caption, fonts.bold()));
        facts.addCell(cell(value, fonts.body()));
    }

    private static PdfPCell cell(String text, Font font) {
        PdfPCell cell = new PdfPCell(new Phrase(text, font));
        cell.setPadding(4);
        return cell;
    }

    private String text(Locale locale, String key, Object... arguments) {
        return texts.getTranslation(key, locale, arguments);
    }

    private record Fonts(Font title, Font heading, Font body, Font bold) {
    }
}
