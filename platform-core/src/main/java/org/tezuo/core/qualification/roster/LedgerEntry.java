package org.tezuo.core.qualification.roster;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import org.tezuo.core.qualification.QualificationStore.CertificateData;
import org.tezuo.core.qualification.QualificationStore.PersonData;

/**
 * A valid ledger row, normalised.
 *
 * @param presentFields the fields the file has a column for; stored values of the others are kept on update
 */
record LedgerEntry(int rowNumber, PersonData person, CertificateData certificate, Set<LedgerField> presentFields) {

    LedgerEntry {
        presentFields = Collections.unmodifiableSet(presentFields.isEmpty() ? EnumSet.noneOf(LedgerField.class)
                : EnumSet.copyOf(presentFields));
    }
}
