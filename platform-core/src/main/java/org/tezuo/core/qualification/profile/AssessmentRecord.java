package org.tezuo.core.qualification.profile;

import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A training session or practical assessment of a person.
 *
 * @param item the operation item (操作项目) assessed or trained, for example 熔化焊接与热切割作业
 * @param heldOn the day of the session in the tenant's zone
 * @param assessor who assessed or taught, as written by the recorder
 */
public record AssessmentRecord(long id, long tenantId, long personId, AssessmentKind kind, String item,
        LocalDate heldOn, AssessmentResult result, String assessor, @Nullable String notes, String recordedBy,
        Instant recordedAt) {
}
