package org.tezuo.core.schedule;

import org.jspecify.annotations.Nullable;
import org.tezuo.core.qualification.verification.VerificationRun;
import org.tezuo.core.qualification.warning.WarningPassReport;

/**
 * Outcome of one run of a scheduled job.
 *
 * @param verification the verification report; null for {@link ScheduledJob#CERTIFICATE_WARNINGS}
 */
public record JobRun(long tenantId, ScheduledJob job, @Nullable VerificationRun verification,
        WarningPassReport warnings) {
}
