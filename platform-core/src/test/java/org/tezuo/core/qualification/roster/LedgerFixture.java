package org.tezuo.core.qualification.roster;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A ledger written cell by cell, rendered as xlsx (POI) or csv so that both formats carry the same cases.
 * A cell is a String, a {@link LocalDate} (a date-formatted xlsx cell, ISO text in csv), a {@link Serial}
 * (a plain numeric xlsx cell, bare digits in csv), a {@link Numeric} (numeric xlsx cell, Excel's text in csv),
 * or a {@link MergedBelow} (part of a vertically merged xlsx cell, repeated text in csv).
 */
final class LedgerFixture {

    record Serial(int days) {
    }

    record Numeric(double value, String csvText) {
    }

    record MergedBelow(String value) {
    }

    private final List<List<Object>> rows = new ArrayList<>();

    LedgerFixture row(Object... cells) {
        rows.add(Arrays.asList(cells));
        return this;
    }

    /** Returns the spreadsheet row number the next {@link #row} call will get. */
    int nextRowNumber() {
        return rows.size() + 1;
    }

    byte[] xlsx() {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("持证台账");
            CellStyle dateStyle = workbook.createCellStyle();
            dateStyle.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy年m月d日"));
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r);
                List<Object> cells = rows.get(r);
                for (int c = 0; c < cells.size(); c++) {
                    writeCell(row, c, cells.get(c), dateStyle);
                }
            }
            mergeRuns(sheet);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    byte[] csv(boolean withBom) {
        StringBuilder text = new StringBuilder();
        try (CSVPrinter printer = new CSVPrinter(text, CSVFormat.DEFAULT)) {
            for (List<Object> cells : rows) {
                printer.printRecord(cells.stream().map(LedgerFixture::csvText).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] body = text.toString().getBytes(StandardCharsets.UTF_8);
        if (!withBom) {
            return body;
        }
        byte[] withMark = new byte[body.length + 3];
        withMark[0] = (byte) 0xEF;
        withMark[1] = (byte) 0xBB;
        withMark[2] = (byte) 0xBF;
        System.arraycopy(body, 0, withMark, 3, body.length);
        return withMark;
    }

    private static void writeCell(Row row, int column, Object value, CellStyle dateStyle) {
        switch (value) {
            case String text -> row.createCell(column).setCellValue(text);
            case LocalDate date -> {
                Cell cell = row.createCell(column);
                cell.setCellValue(date);
                cell.setCellStyle(dateStyle);
            }
            case Serial serial -> row.createCell(column).setCellValue(serial.days());
            case Numeric numeric -> row.createCell(column).setCellValue(numeric.value());
            case MergedBelow ignored -> row.createCell(column);
            default -> throw new IllegalArgumentException("unsupported cell " + value);
        }
    }

    private void mergeRuns(Sheet sheet) {
        for (int r = 1; r < rows.size(); r++) {
            List<Object> cells = rows.get(r);
            for (int c = 0; c < cells.size(); c++) {
                boolean startsRun = cells.get(c) instanceof MergedBelow && !(cellAt(r - 1, c) instanceof MergedBelow);
                if (startsRun) {
                    int last = r;
                    while (cellAt(last + 1, c) instanceof MergedBelow) {
                        last++;
                    }
                    sheet.addMergedRegion(new CellRangeAddress(r - 1, last, c, c));
                }
            }
        }
    }

    private Object cellAt(int row, int column) {
        if (row >= rows.size() || column >= rows.get(row).size()) {
            return "";
        }
        return rows.get(row).get(column);
    }

    private static String csvText(Object value) {
        return switch (value) {
            case String text -> text;
            case LocalDate date -> date.format(DateTimeFormatter.ISO_LOCAL_DATE);
            case Serial serial -> String.valueOf(serial.days());
            case Numeric numeric -> numeric.csvText();
            case MergedBelow merged -> merged.value();
            default -> throw new IllegalArgumentException("unsupported cell " + value);
        };
    }
}
