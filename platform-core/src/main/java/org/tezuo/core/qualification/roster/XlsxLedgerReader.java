package org.tezuo.core.qualification.roster;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ooxml.POIXMLException;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Reads the first visible sheet of an xlsx ledger. Formula cells give their cached result, and a merged cell
 * (a department written once for several rows) gives its value to every row it covers.
 */
final class XlsxLedgerReader {

    private XlsxLedgerReader() {
    }

    /**
     * Returns the non-blank rows with their spreadsheet row numbers.
     *
     * @throws RosterImportException when the file is not a readable workbook, unpacks to more than
     *     {@code maxUnzippedBytes} or has more than {@code maxRows} non-blank rows
     */
    // NOTE: the whole workbook is parsed in memory (POI user model). The importer's byte limit and the unpacked
    // size limit bound it; a streaming reader would be needed for much larger files.
    static List<LedgerRow> read(byte[] content, String fileName, int maxRows, long maxUnzippedBytes) {
        XlsxArchiveCheck.check(content, fileName, maxUnzippedBytes);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(content))) {
            Sheet sheet = firstVisibleSheet(workbook, fileName);
            List<List<LedgerCell>> cellsByRow = readCells(sheet, workbook.isDate1904(), fileName, maxRows);
            fillMergedRegions(sheet, cellsByRow);
            return toRows(cellsByRow);
        } catch (POIXMLException | IOException | IllegalArgumentException e) {
            // IllegalArgumentException covers NotOfficeXmlFileException: a zip archive that is not a workbook.
            throw new RosterImportException("file.unreadableXlsx", fileName);
        }
    }

    private static Sheet firstVisibleSheet(XSSFWorkbook workbook, String fileName) {
        for (int i = 0; i < workbook.getNumberOfSheets(); i++) {
            if (!workbook.isSheetHidden(i) && !workbook.isSheetVeryHidden(i)) {
                return workbook.getSheetAt(i);
            }
        }
        throw new RosterImportException("file.empty", fileName);
    }

    private static List<List<LedgerCell>> readCells(Sheet sheet, boolean date1904, String fileName, int maxRows) {
        List<List<LedgerCell>> cellsByRow = new ArrayList<>();
        int nonBlankRows = 0;
        for (Row row : sheet) {
            List<LedgerCell> cells = new ArrayList<>();
            for (int column = 0; column < Math.max(row.getLastCellNum(), 0); column++) {
                Cell cell = row.getCell(column);
                cells.add(cell == null ? LedgerCell.BLANK : toLedgerCell(cell, date1904));
            }
            if (!LedgerRow.isBlank(cells) && ++nonBlankRows > maxRows) {
                throw new RosterImportException("file.tooManyRows", fileName, String.valueOf(maxRows));
            }
            while (cellsByRow.size() < row.getRowNum()) {
                cellsByRow.add(new ArrayList<>());
            }
            cellsByRow.add(cells);
        }
        return cellsByRow;
    }

    private static LedgerCell toLedgerCell(Cell cell, boolean date1904) {
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        return switch (type) {
            case STRING -> new LedgerCell.Text(cell.getStringCellValue());
            case NUMERIC -> new LedgerCell.Number(cell.getNumericCellValue(), DateUtil.isCellDateFormatted(cell),
                    date1904);
            case BOOLEAN -> new LedgerCell.Text(String.valueOf(cell.getBooleanCellValue()));
            case ERROR -> new LedgerCell.Text("#ERROR");
            default -> LedgerCell.BLANK;
        };
    }

    private static void fillMergedRegions(Sheet sheet, List<List<LedgerCell>> cellsByRow) {
        for (CellRangeAddress region : sheet.getMergedRegions()) {
            if (region.getFirstRow() >= cellsByRow.size()) {
                continue;
            }
            LedgerCell value = cellAt(cellsByRow, region.getFirstRow(), region.getFirstColumn());
            for (int row = region.getFirstRow(); row <= Math.min(region.getLastRow(), cellsByRow.size() - 1); row++) {
                List<LedgerCell> cells = cellsByRow.get(row);
                for (int column = region.getFirstColumn(); column <= region.getLastColumn(); column++) {
                    while (cells.size() <= column) {
                        cells.add(LedgerCell.BLANK);
                    }
                    cells.set(column, value);
                }
            }
        }
    }

    private static LedgerCell cellAt(List<List<LedgerCell>> cellsByRow, int row, int column) {
        List<LedgerCell> cells = cellsByRow.get(row);
        return column < cells.size() ? cells.get(column) : LedgerCell.BLANK;
    }

    private static List<LedgerRow> toRows(List<List<LedgerCell>> cellsByRow) {
        List<LedgerRow> rows = new ArrayList<>();
        for (int index = 0; index < cellsByRow.size(); index++) {
            if (!LedgerRow.isBlank(cellsByRow.get(index))) {
                rows.add(new LedgerRow(index + 1, cellsByRow.get(index)));
            }
        }
        return rows;
    }
}
