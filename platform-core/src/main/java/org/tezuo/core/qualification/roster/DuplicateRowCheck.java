package org.tezuo.core.qualification.roster;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Rejects a valid row that repeats the certificate of an earlier valid row (same ID number and certificate
 * number), or gives an earlier row's ID number with another name. The earlier row is kept.
 */
final class DuplicateRowCheck {

    private DuplicateRowCheck() {
    }

    static List<RowValidation> rejectDuplicates(List<RowValidation> rows, LedgerHeader header) {
        Map<String, LedgerEntry> entryOfCertificate = new HashMap<>();
        Map<String, LedgerEntry> firstEntryOfPerson = new HashMap<>();
        List<RowValidation> checked = new ArrayList<>(rows.size());
        for (RowValidation row : rows) {
            if (!(row instanceof RowValidation.Accepted accepted)) {
                checked.add(row);
                continue;
            }
            LedgerEntry entry = accepted.entry();
            String idNumber = entry.person().idNumber();
            String certNumber = entry.certificate().certNumber();

            LedgerEntry sameCertificate = entryOfCertificate.putIfAbsent(idNumber + '\n' + certNumber, entry);
            LedgerEntry earlierEntry = firstEntryOfPerson.putIfAbsent(idNumber, entry);
            if (sameCertificate != null) {
                checked.add(rejected(entry, header.header(LedgerField.CERT_NUMBER), certNumber,
                        duplicateReason(sameCertificate, entry)));
            } else if (earlierEntry != null && !earlierEntry.person().name().equals(entry.person().name())) {
                checked.add(rejected(entry, header.header(LedgerField.NAME), entry.person().name(),
                        new InvalidLedgerValueException("row.nameConflict", String.valueOf(earlierEntry.rowNumber()),
                                earlierEntry.person().name())));
            } else {
                checked.add(row);
            }
        }
        return checked;
    }

    // NOTE: the registry numbers certificates "T" + ID number, so a worker holding two categories may carry one
    // number twice. The certificate table's key (tenant, person, number) can store only one of them.
    private static InvalidLedgerValueException duplicateReason(LedgerEntry earlier, LedgerEntry entry) {
        String earlierRow = String.valueOf(earlier.rowNumber());
        if (earlier.certificate().item().equals(entry.certificate().item())) {
            return new InvalidLedgerValueException("row.duplicate", earlierRow);
        }
        return new InvalidLedgerValueException("row.sameNumberOtherItem", earlierRow,
                earlier.certificate().item(), entry.certificate().item());
    }

    private static RowValidation rejected(LedgerEntry entry, String column, String value,
            InvalidLedgerValueException reason) {
        return new RowValidation.Rejected(entry.rowNumber(), List.of(RowError.of(entry.rowNumber(), column, value,
                reason)));
    }
}
