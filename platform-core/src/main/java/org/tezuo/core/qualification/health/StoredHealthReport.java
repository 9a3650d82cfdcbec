package org.tezuo.core.qualification.health;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * A generated monthly report, kept for download.
 *
 * @param pdfFileId id of the PDF in the file store
 * @param xlsxFileId id of the xlsx workbook in the file store
 */
public record StoredHealthReport(long id, long tenantId, YearMonth month, LocalDate asOf, String pdfFileId,
        String xlsxFileId, Instant generatedAt, String generatedBy) {
}
