package org.tezuo.core.qualification.roster;

import java.util.List;

/** The outcome of checking one ledger row before anything is written. */
sealed interface RowValidation {

    int rowNumber();

    record Accepted(LedgerEntry entry) implements RowValidation {

        @Override
        public int rowNumber() {
            return entry.rowNumber();
        }
    }

    record Rejected(int rowNumber, List<RowError> errors) implements RowValidation {

        public Rejected {
            errors = List.copyOf(errors);
        }
    }
}
