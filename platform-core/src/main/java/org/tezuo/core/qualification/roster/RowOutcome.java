package org.tezuo.core.qualification.roster;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The result of one ledger row.
 *
 * @param certificateId the stored certificate, null for a rejected row
 * @param errors every error found in the row; empty unless the row was rejected
 */
public record RowOutcome(int rowNumber, RowStatus status, @Nullable Long certificateId, List<RowError> errors) {

    public RowOutcome {
        errors = List.copyOf(errors);
    }
}
