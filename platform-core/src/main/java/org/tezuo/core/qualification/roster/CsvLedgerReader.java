package org.tezuo.core.qualification.roster;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** Reads a comma-separated ledger in UTF-8, with or without a byte order mark. */
final class CsvLedgerReader {

    private CsvLedgerReader() {
    }

    /**
     * Returns the non-blank rows with their spreadsheet row numbers (one csv record is one row, even when a
     * quoted value spans lines).
     *
     * @throws RosterImportException when the text is not UTF-8, quotes do not balance, or there are more than
     *     {@code maxRows} non-blank rows
     */
    static List<LedgerRow> read(byte[] content, String fileName, int maxRows) {
        String text = decodeUtf8(content, fileName);
        CSVFormat format = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(false).get();
        List<LedgerRow> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            for (CSVRecord record : parser) {
                List<LedgerCell> cells = record.stream().<LedgerCell>map(LedgerCell.Text::new).toList();
                if (LedgerRow.isBlank(cells)) {
                    continue;
                }
                if (rows.size() == maxRows) {
                    throw new RosterImportException("file.tooManyRows", fileName, String.valueOf(maxRows));
                }
                rows.add(new LedgerRow(Math.toIntExact(record.getRecordNumber()), cells));
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw new RosterImportException("file.malformedCsv", fileName, String.valueOf(rows.size() + 1));
        }
        return rows;
    }

    private static String decodeUtf8(byte[] content, String fileName) {
        int offset = content.length >= 3 && (content[0] & 0xFF) == 0xEF && (content[1] & 0xFF) == 0xBB
                && (content[2] & 0xFF) == 0xBF ? 3 : 0;
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content, offset, content.length - offset))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new RosterImportException("file.notUtf8", fileName);
        }
    }
}
