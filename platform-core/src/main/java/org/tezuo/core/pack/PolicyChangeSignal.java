package org.tezuo.core.pack;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Announces a policy change of a tenant to every app node on the database, inside the changing transaction: it
 * raises the tenant's counter in {@code policy_revision} and, on PostgreSQL, sends {@code NOTIFY} on channel
 * {@value #CHANNEL}, which PostgreSQL delivers only when the transaction commits.
 */
@Component
public class PolicyChangeSignal {

    /** The LISTEN/NOTIFY channel; the payload is the tenant id. */
    public static final String CHANNEL = "tezuo_policy";

    private final JdbcClient jdbc;
    private final boolean postgres;

    PolicyChangeSignal(JdbcClient jdbc, DatabaseDialect dialect) {
        this.jdbc = jdbc;
        this.postgres = dialect.postgres();
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
    }
}
