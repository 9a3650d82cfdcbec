package org.tezuo.core.qualification.roster;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;

/**
 * Writes the row errors of an import as a downloadable file with the columns 行号, 列, 值, 原因, so that users
 * can correct the ledger next to it.
 */
@Component
public class RosterErrorReportWriter {

    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final int[] COLUMN_WIDTHS_IN_CHARACTERS = {8, 16, 24, 80};

    /** Returns an xlsx workbook with one sheet of errors; headers and reasons are in {@code locale}. */
    public byte[] xlsx(List<RowError> errors, Locale locale) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet(RosterMessages.render(locale, "report.sheet"));
            writeRow(sheet.createRow(0), headers(locale));
            for (int i = 0; i < errors.size(); i++) {
                RowError error = errors.get(i);
                Row row = sheet.createRow(i + 1);
                row.createCell(0).setCellValue(error.rowNumber());
                row.createCell(1).setCellValue(error.column());
                row.createCell(2).setCellValue(error.value());
                row.createCell(3).setCellValue(error.reason(locale));
            }
            for (int column = 0; column < COLUMN_WIDTHS_IN_CHARACTERS.length; column++) {
                sheet.setColumnWidth(column, COLUMN_WIDTHS_IN_CHARACTERS[column] * 256);
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Returns the errors as csv in UTF-8 with a byte order mark, so that Excel opens the Chinese text correctly.
     * A value that starts like a formula gets a leading apostrophe, so that a spreadsheet shows it as text.
     */
    public byte[] csv(List<RowError> errors, Locale locale) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(UTF8_BOM);
        try (Writer text = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                CSVPrinter printer = new CSVPrinter(text, CSVFormat.DEFAULT)) {
            printer.printRecord((Object[]) headers(locale));
            for (RowError error : errors) {
                printer.printRecord(error.rowNumber(), asText(error.column()), asText(error.value()),
                        asText(error.reason(locale)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static String[] headers(Locale locale) {
        return new String[] {RosterMessages.render(locale, "report.row"), RosterMessages.render(locale, "report.column"),
                RosterMessages.render(locale, "report.value"), RosterMessages.render(locale, "report.reason")};
    }

    private static void writeRow(Row row, String[] values) {
        for (int i = 0; i < values.length; i++) {
            row.createCell(i).setCellValue(values[i]);
        }
    }

    private static String asText(String value) {
        return !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }
}
