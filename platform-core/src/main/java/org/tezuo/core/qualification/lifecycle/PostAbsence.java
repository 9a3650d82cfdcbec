package org.tezuo.core.qualification.lifecycle;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A period a person was away from the post (离岗).
 *
 * @param returnedOn the day the person came back; null while still away
 * @param reexamPassedOn the day the person passed the practical re-exam after this absence; null when not recorded
 */
public record PostAbsence(long id, long personId, LocalDate leftOn, @Nullable LocalDate returnedOn,
        @Nullable LocalDate reexamPassedOn) {

    /** Returns whether the person is still away. */
    public boolean ongoing() {
        return returnedOn == null;
    }
}
