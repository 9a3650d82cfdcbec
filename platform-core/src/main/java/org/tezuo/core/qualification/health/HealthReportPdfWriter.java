package org.tezuo.core.qualification.health;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.util.Locale;
import org.openpdf.text.Document;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfWriter;
import org.tezuo.core.font.BundledFont;

/**
 * Writes the report as an A4 landscape PDF with OpenPDF, in the {@link BundledFont} stored in this package
 * ({@code fonts/}), so Chinese renders on a server without fonts. The font has TrueType outlines and is embedded as a
 * subset of the glyphs used ({@code FontFile2}). pdf.js and poppler render it, but showed no hanzi from OpenPDF's
 * subset of the earlier OpenType/CFF font.
 */
public final class HealthReportPdfWriter {

    /** Class-path location of the bundled font. */
    public static final String FONT_RESOURCE = BundledFont.RESOURCE;

    /** Points of extra left padding per level of depth in the unit column. */
    private static final float INDENT_POINTS = 9f;
    private static final Color TOTAL_BACKGROUND = new Color(0xEE, 0xEE, 0xEE);

    /** Returns the PDF of {@code report} with captions in {@code locale}. */
    public byte[] write(HealthReport report, Locale locale) {
        BaseFont baseFont = font();
        Font title = new Font(baseFont, 14, Font.BOLD);
        Font body = new Font(baseFont, 8);
        Font bold = new Font(baseFont, 8, Font.BOLD);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4.rotate(), 24, 24, 24, 24);
        PdfWriter.getInstance(document, out);
        document.addTitle(HealthReportColumns.title(report, locale));
        document.open();
        document.add(new Paragraph(HealthReportColumns.title(report, locale), title));
        for (String note : HealthReportColumns.notes(report, locale)) {
            document.add(new Paragraph(note, body));
        }
        document.add(new Paragraph(" ", body));

        PdfPTable table = new PdfPTable(HealthReportColumns.COLUMNS.size());
        table.setWidthPercentage(100);
        table.setWidths(columnWidths());
        table.setHeaderRows(1);
        for (HealthReportColumns.Column column : HealthReportColumns.COLUMNS) {
            PdfPCell cell = cell(HealthReportColumns.caption(column, report.scope(), locale), bold);
            cell.setBackgroundColor(TOTAL_BACKGROUND);
            table.addCell(cell);
        }
        for (HealthRow row : report.rows()) {
            boolean total = HealthReportColumns.isTotal(row);
            for (HealthReportColumns.Column column : HealthReportColumns.COLUMNS) {
                PdfPCell cell = cell(HealthReportColumns.display(column, row, locale), total ? bold : body);
                if (column.kind() != HealthReportColumns.Kind.TEXT) {
                    cell.setHorizontalAlignment(Element.ALIGN_RIGHT);
                }
                if (column.captionKey().equals(HealthReportColumns.UNIT)) {
                    cell.setPaddingLeft(cell.getPaddingLeft() + INDENT_POINTS * Math.max(0, row.depth() - 1));
                }
                if (total) {
                    cell.setBackgroundColor(TOTAL_BACKGROUND);
                }
                table.addCell(cell);
            }
        }
        document.add(table);
        document.close();
        return out.toByteArray();
    }

    /** Returns a cell whose height fits the ascent and descent of the CJK glyphs, also when the text wraps. */
    private static PdfPCell cell(String text, Font font) {
        PdfPCell cell = new PdfPCell(new Phrase(text, font));
        cell.setUseAscender(true);
        cell.setUseDescender(true);
        cell.setLeading(0, 1.25f);
        return cell;
    }

    /** Gives the unit column two shares of the width and every other column one. */
    private static float[] columnWidths() {
        float[] widths = new float[HealthReportColumns.COLUMNS.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = HealthReportColumns.COLUMNS.get(i).captionKey().equals(HealthReportColumns.UNIT) ? 2f : 1f;
        }
        return widths;
    }

    /** Returns the bundled CJK font, never one from the system's font directories. */
    static BaseFont font() {
        return BundledFont.pdf();
    }
}
