package org.tezuo.core.qualification.health;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Writes the report as an xlsx workbook with Apache POI: one sheet, numbers as numeric cells. */
public final class HealthReportXlsxWriter {

    /** Returns the xlsx of {@code report} with captions in {@code locale}. */
    public byte[] write(HealthReport report, Locale locale) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet(report.month().toString());
            sheet.createRow(0).createCell(0).setCellValue(HealthReportColumns.text(locale, "report.title",
                    report.tenantName(), report.month()));
            sheet.createRow(1).createCell(0).setCellValue(HealthReportColumns.text(locale, "report.asOf",
                    report.asOf(), report.zone()));

            Row header = sheet.createRow(3);
            for (int i = 0; i < HealthReportColumns.COLUMNS.size(); i++) {
                header.createCell(i).setCellValue(HealthReportColumns.text(locale,
                        HealthReportColumns.COLUMNS.get(i).captionKey()));
            }
            CellStyle decimal = workbook.createCellStyle();
            decimal.setDataFormat(workbook.createDataFormat().getFormat("0.0"));
            int rowIndex = 4;
            for (HealthRow row : report.rows()) {
                Row line = sheet.createRow(rowIndex++);
                for (int i = 0; i < HealthReportColumns.COLUMNS.size(); i++) {
                    HealthReportColumns.Column column = HealthReportColumns.COLUMNS.get(i);
                    write(line.createCell(i), column, row, locale, decimal);
                }
            }
            sheet.createFreezePane(1, 4);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Cell cell, HealthReportColumns.Column column, HealthRow row, Locale locale,
            CellStyle decimal) {
        Object value = column.value().apply(row);
        if (value instanceof Integer number) {
            cell.setCellValue(number);
        } else if (value instanceof BigDecimal number) {
            cell.setCellValue(number.doubleValue());
            cell.setCellStyle(decimal);
        } else if (value != null) {
            cell.setCellValue(HealthReportColumns.display(column, row, locale));
        }
    }
}
