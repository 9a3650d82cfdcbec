package org.tezuo.core.qualification.health;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormat;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes the report as an xlsx workbook with Apache POI: one sheet, measures as numeric cells. Counts have the
 * number format {@code 0}, rates are fractions with the format {@code 0.0%} (66.7 % is stored as 0.667), changes
 * in percentage points and average days have one decimal, and changes carry their sign. The unit column is
 * indented by depth, and the total line of the whole tenant is bold on a grey fill.
 */
public final class HealthReportXlsxWriter {

    /** Number format of each kind of column, in Excel's notation. */
    static final Map<HealthReportColumns.Kind, String> FORMATS = new EnumMap<>(Map.of(
            HealthReportColumns.Kind.TEXT, "@",
            HealthReportColumns.Kind.COUNT, "0",
            HealthReportColumns.Kind.COUNT_CHANGE, "+0;-0;0",
            HealthReportColumns.Kind.PERCENT, "0.0%",
            HealthReportColumns.Kind.POINTS_CHANGE, "+0.0;-0.0;0.0",
            HealthReportColumns.Kind.DECIMAL, "0.0"));

    private static final int HEADER_ROW = 5;

    /** Returns the xlsx of {@code report} with captions in {@code locale}. */
    public byte[] write(HealthReport report, Locale locale) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet(report.month().toString());
            sheet.createRow(0).createCell(0).setCellValue(HealthReportColumns.title(report, locale));
            int noteRow = 1;
            for (String note : HealthReportColumns.notes(report, locale)) {
                sheet.createRow(noteRow++).createCell(0).setCellValue(note);
            }

            Styles styles = new Styles(workbook);
            Row header = sheet.createRow(HEADER_ROW);
            for (int i = 0; i < HealthReportColumns.COLUMNS.size(); i++) {
                Cell cell = header.createCell(i);
                cell.setCellValue(HealthReportColumns.caption(HealthReportColumns.COLUMNS.get(i), report.scope(),
                        locale));
                cell.setCellStyle(styles.header());
            }
            int rowIndex = HEADER_ROW + 1;
            for (HealthRow row : report.rows()) {
                Row line = sheet.createRow(rowIndex++);
                for (int i = 0; i < HealthReportColumns.COLUMNS.size(); i++) {
                    write(line.createCell(i), HealthReportColumns.COLUMNS.get(i), row, locale, styles);
                }
            }
            sheet.setColumnWidth(0, 28 * 256);
            for (int i = 1; i < HealthReportColumns.COLUMNS.size(); i++) {
                sheet.setColumnWidth(i, 14 * 256);
            }
            sheet.createFreezePane(2, HEADER_ROW + 1);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Cell cell, HealthReportColumns.Column column, HealthRow row, Locale locale,
            Styles styles) {
        boolean total = HealthReportColumns.isTotal(row);
        int indent = column.captionKey().equals(HealthReportColumns.UNIT) ? Math.max(0, row.depth() - 1) : 0;
        cell.setCellStyle(styles.of(column.kind(), total, indent));
        Object value = column.value().apply(row);
        if (value == null) {
            return;
        }
        switch (column.kind()) {
            case TEXT -> cell.setCellValue(HealthReportColumns.display(column, row, locale));
            case COUNT, COUNT_CHANGE -> cell.setCellValue((Integer) value);
            case PERCENT -> cell.setCellValue(((BigDecimal) value).movePointLeft(2).doubleValue());
            case POINTS_CHANGE, DECIMAL -> cell.setCellValue(((BigDecimal) value).doubleValue());
        }
    }

    /** The cell styles of one workbook, created once per kind, total flag and indent. */
    private static final class Styles {

        private record Key(HealthReportColumns.Kind kind, boolean total, int indent) {
        }

        private final XSSFWorkbook workbook;
        private final DataFormat formats;
        private final Font bold;
        private final Map<Key, CellStyle> styles = new HashMap<>();
        private final CellStyle header;

        Styles(XSSFWorkbook workbook) {
            this.workbook = workbook;
            this.formats = workbook.createDataFormat();
            this.bold = workbook.createFont();
            bold.setBold(true);
            this.header = workbook.createCellStyle();
            header.setFont(bold);
            header.setWrapText(true);
        }

        CellStyle header() {
            return header;
        }

        CellStyle of(HealthReportColumns.Kind kind, boolean total, int indent) {
            return styles.computeIfAbsent(new Key(kind, total, indent), key -> {
                CellStyle style = workbook.createCellStyle();
                style.setDataFormat(formats.getFormat(FORMATS.get(kind)));
                style.setIndention((short) indent);
                if (total) {
                    style.setFont(bold);
                    style.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
                    style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
                }
                return style;
            });
        }
    }
}
