package org.tezuo.core.pack;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Announces a policy change of a tenant to every app node on the database, inside the changing transaction: it
 * raises the tenant's counter in {@code policy_revision} and, on PostgreSQL, sends {@code NOTIFY} on channel
 * {@value #CHANNEL}, which PostgreSQL delivers only when the transaction commits. This node also publishes
 * {@link PolicyChanged} right after the commit, so the next evaluation here sees the change without waiting for the
 * notification to come back.
 */
@Component
public class PolicyChangeSignal {

    /** The LISTEN/NOTIFY channel; the payload is the tenant id. */
    public static final String CHANNEL = "tezuo_policy";

    private final JdbcClient jdbc;
    private final boolean postgres;
    private final ApplicationEventPublisher events;

    PolicyChangeSignal(JdbcClient jdbc, DatabaseDialect dialect, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.postgres = dialect.postgres();
        this.events = events;
    }

    /** Raises the tenant's revision and notifies the other nodes on commit. */
    public void raise(long tenantId) {
        int updated = jdbc.sql("update policy_revision set revision = revision + 1 where tenant_id = ?")
                .params(tenantId).update();
        if (updated == 0) {
            jdbc.sql("insert into policy_revision (tenant_id, revision) values (?, 1)").params(tenantId).update();
        }
        if (postgres) {
            jdbc.sql("select pg_notify(?, ?)").params(CHANNEL, Long.toString(tenantId)).query(String.class).list();
        }
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    events.publishEvent(new PolicyChanged(tenantId));
                }
            });
        } else {
            events.publishEvent(new PolicyChanged(tenantId));
        }
    }
}
