package org.tezuo.core.qualification.roster;

import java.time.Instant;

/**
 * One stored ledger import.
 *
 * @param errorsJson the rejected rows' errors as a JSON array of objects with {@code row}, {@code column},
 *     {@code value}, {@code reasonKey}, {@code reasonArguments} and {@code reason} (Simplified Chinese)
 */
public record RosterImportBatch(long id, long tenantId, String fileName, LedgerFileType fileType, String actor,
        Instant importedAt, int headerRow, int totalRows, int created, int updated, int unchanged, int rejected,
        String errorsJson) {
}
