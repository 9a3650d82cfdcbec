package org.tezuo.core.qualification.health;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
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

/**
 * Writes the report as an A4 landscape PDF with OpenPDF. Text is set in the Noto Sans CJK SC subset bundled in this
 * package ({@code fonts/}, SIL Open Font License 1.1), so Chinese renders on a server without fonts. The bundled
 * font has TrueType outlines and is embedded as a subset of the glyphs used ({@code FontFile2}). pdf.js and poppler
 * render it, but showed no hanzi from OpenPDF's subset of the earlier OpenType/CFF font. The font covers ASCII,
 * Latin-1, common punctuation and symbols and the 6,763 hanzi of GB 2312.
 *
 * <p>NOTE: a name with a hanzi outside GB 2312 (some rare surname characters) renders without that glyph.
 */
public final class HealthReportPdfWriter {

    private static final String FONT_FILE = "NotoSansCJKsc-Regular-GB2312.ttf";

    /** Class-path location of the bundled font. */
    public static final String FONT_RESOURCE = "/org/tezuo/core/qualification/health/fonts/" + FONT_FILE;

    private static volatile byte[] fontBytes;

    /** Returns the PDF of {@code report} with captions in {@code locale}. */
    public byte[] write(HealthReport report, Locale locale) {
        BaseFont baseFont = font();
        Font title = new Font(baseFont, 14, Font.BOLD);
        Font body = new Font(baseFont, 8);
        Font header = new Font(baseFont, 8, Font.BOLD);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4.rotate(), 24, 24, 24, 24);
        PdfWriter.getInstance(document, out);
        document.addTitle(HealthReportColumns.text(locale, "report.title", report.tenantName(), report.month()));
        document.open();
        document.add(new Paragraph(HealthReportColumns.text(locale, "report.title", report.tenantName(),
                report.month()), title));
        document.add(new Paragraph(HealthReportColumns.text(locale, "report.asOf", report.asOf(),
                report.zone()), body));
        document.add(new Paragraph(" ", body));

        PdfPTable table = new PdfPTable(HealthReportColumns.COLUMNS.size());
        table.setWidthPercentage(100);
        table.setHeaderRows(1);
        for (HealthReportColumns.Column column : HealthReportColumns.COLUMNS) {
            table.addCell(new PdfPCell(new Phrase(HealthReportColumns.text(locale, column.captionKey()), header)));
        }
        for (HealthRow row : report.rows()) {
            for (HealthReportColumns.Column column : HealthReportColumns.COLUMNS) {
                String text = HealthReportColumns.display(column, row, locale);
                if (column.captionKey().equals("column.unit")) {
                    text = "  ".repeat(row.depth()) + text;
                }
                PdfPCell cell = new PdfPCell(new Phrase(text, body));
                if (!column.captionKey().equals("column.unit") && !column.captionKey().equals("column.level")) {
                    cell.setHorizontalAlignment(Element.ALIGN_RIGHT);
                }
                table.addCell(cell);
            }
        }
        document.add(table);
        document.close();
        return out.toByteArray();
    }

    /** Loads the bundled font from the class path, never from the system's font directories. */
    static BaseFont font() {
        try {
            return BaseFont.createFont(FONT_FILE, BaseFont.IDENTITY_H, BaseFont.EMBEDDED,
                    true, fontBytes(), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] fontBytes() throws IOException {
        byte[] bytes = fontBytes;
        if (bytes == null) {
            try (InputStream in = HealthReportPdfWriter.class.getResourceAsStream(FONT_RESOURCE)) {
                if (in == null) {
                    throw new IOException("The bundled font " + FONT_RESOURCE + " is missing from the class path");
                }
                bytes = in.readAllBytes();
            }
            fontBytes = bytes;
        }
        return bytes;
    }
}
