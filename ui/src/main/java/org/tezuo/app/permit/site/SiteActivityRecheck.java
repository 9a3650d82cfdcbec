package org.tezuo.app.permit.site;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.tezuo.app.permit.simops.SimopsConflictCheck;
import org.tezuo.form.record.RecordWritten;

/**
 * Runs the site watch's SIMOPS step for the tenant's permits in progress once a record of the {@code site_activity}
 * register is created or updated, so that venting, draining or dewatering entered next to running hot work suspends
 * it at once rather than at the watcher's next pass. The check runs after the write has committed, on the writer's
 * thread, so the record API returns its response after the permits were checked. A failed check is logged and
 * leaves the write as it is, and the next pass checks again. Deleting a record only removes a conflict, and a suspended permit
 * resumes through the resume step, so a delete is not checked.
 */
@Component
class SiteActivityRecheck {

    private static final Logger log = LoggerFactory.getLogger(SiteActivityRecheck.class);

    private final PermitSiteWatcher watcher;

    SiteActivityRecheck(PermitSiteWatcher watcher) {
        this.watcher = watcher;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void recordWritten(RecordWritten written) {
        if (!SimopsConflictCheck.ACTIVITY_ENTITY.equals(written.entity()) || written.change() == RecordWritten.Change.DELETED) {
            return;
        }
        try {
            PermitSiteWatcher.WatchRun run = watcher.recheckSimops(written.tenantId());
            log.info("Register record {} of tenant {} written: {} permits in progress checked, {} suspended, {} "
                    + "SIMOPS warnings sent", written.recordId(), written.tenantId(), run.checked(), run.suspended(),
                    run.simopsWarned());
        } catch (RuntimeException e) {
            log.error("SIMOPS recheck after register record {} of tenant {} failed; the next site watch pass checks "
                    + "again", written.recordId(), written.tenantId(), e);
        }
    }
}
