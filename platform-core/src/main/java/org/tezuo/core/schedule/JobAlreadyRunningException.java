package org.tezuo.core.schedule;

import org.tezuo.core.i18n.LocalizedException;
import org.tezuo.core.i18n.MessageBundle;

/** Thrown when a job of a tenant is already running, on this app node or on another one sharing the database. */
public final class JobAlreadyRunningException extends LocalizedException {

    public JobAlreadyRunningException(ScheduledJob job, long tenantId) {
        super(new MessageBundle(InvalidScheduleException.BUNDLE), "schedule.jobRunning", job.code(),
                String.valueOf(tenantId));
    }
}
