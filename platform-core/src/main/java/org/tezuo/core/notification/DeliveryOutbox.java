package org.tezuo.core.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code notice_delivery} table: queued, sent and failed deliveries. Administrators list it and retry failed
 * deliveries; the {@link DeliveryDispatcher} claims due rows and records each outcome.
 */
@Component
public class DeliveryOutbox {

    private static final Logger log = LoggerFactory.getLogger(DeliveryOutbox.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Largest number of deliveries one listing returns. */
    public static final int MAX_LISTED = 500;

    private final JdbcClient jdbc;
    private final Clock clock;

    public DeliveryOutbox(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Returns the tenant's newest deliveries, at most {@link #MAX_LISTED}.
     *
     * @param status only deliveries in this state, or null for all; {@link DeliveryStatus#PENDING} rows with an
     *     error are retries waiting for their next attempt
     */
    public List<Delivery> list(long tenantId, @Nullable DeliveryStatus status) {
        return jdbc.sql("""
                select d.*, n.recipient, n.topic, n.subject from notice_delivery d join notice n on n.id = d.notice_id
                where d.tenant_id = ? and (cast(? as varchar) is null or d.status = ?)
                order by d.id desc limit ?""")
                .params(tenantId, status == null ? null : status.name(), status == null ? null : status.name(),
                        MAX_LISTED)
                .query(DeliveryOutbox::map)
                .list();
    }

    /** Finds a delivery of the tenant. */
    public Optional<Delivery> find(long tenantId, long deliveryId) {
        return jdbc.sql("""
                select d.*, n.recipient, n.topic, n.subject from notice_delivery d join notice n on n.id = d.notice_id
                where d.tenant_id = ? and d.id = ?""")
                .params(tenantId, deliveryId)
                .query(DeliveryOutbox::map)
                .optional();
    }

    /**
     * Queues a failed delivery for one more attempt now; the dispatcher sends it on its next pass.
     *
     * @return false when the tenant has no failed delivery with that id
     */
    public boolean retry(long tenantId, long deliveryId, String actor) {
        int updated = jdbc.sql("""
                update notice_delivery set status = ?, next_attempt_at = ?
                where tenant_id = ? and id = ? and status = ?""")
                .params(DeliveryStatus.PENDING.name(), Timestamp.from(clock.instant()), tenantId, deliveryId,
                        DeliveryStatus.FAILED.name())
                .update();
        if (updated == 1) {
            log.info("Delivery {} of tenant {} queued again by {}", deliveryId, tenantId, actor);
        }
        return updated == 1;
    }

    /** Returns the ids of pending deliveries due at {@code now}, oldest first, at most {@code limit}. */
    List<Long> due(Instant now, int limit) {
        return jdbc.sql("""
                select id from notice_delivery where status = ? and next_attempt_at <= ?
                order by next_attempt_at, id limit ?""")
                .params(DeliveryStatus.PENDING.name(), Timestamp.from(now), limit)
                .query(Long.class)
                .list();
    }

    /**
     * Claims a due delivery by moving its next attempt to {@code leaseUntil}, so no other dispatcher sends it
     * meanwhile. Returns false when another dispatcher claimed it first or it is no longer due.
     */
    boolean claim(long deliveryId, Instant now, Instant leaseUntil) {
        return jdbc.sql("""
                update notice_delivery set next_attempt_at = ?
                where id = ? and status = ? and next_attempt_at <= ?""")
                .params(Timestamp.from(leaseUntil), deliveryId, DeliveryStatus.PENDING.name(), Timestamp.from(now))
                .update() == 1;
    }

    void markSent(long deliveryId, Instant now) {
        jdbc.sql("""
                update notice_delivery set status = ?, attempts = attempts + 1, sent_at = ?, error_key = null,
                                           error_arguments = null
                where id = ?""")
                .params(DeliveryStatus.SENT.name(), Timestamp.from(now), deliveryId)
                .update();
    }

    /** Records a failed attempt: pending again at {@code nextAttemptAt}, or failed for good when that is null. */
    void markFailed(long deliveryId, DeliveryFailedException error, @Nullable Instant nextAttemptAt) {
        String[] arguments = Arrays.stream(error.arguments()).map(String::valueOf).toArray(String[]::new);
        jdbc.sql("""
                update notice_delivery set status = ?, attempts = attempts + 1, next_attempt_at = coalesce(?,
                       next_attempt_at), error_key = ?, error_arguments = ?
                where id = ?""")
                .params(nextAttemptAt == null ? DeliveryStatus.FAILED.name() : DeliveryStatus.PENDING.name(),
                        nextAttemptAt == null ? null : Timestamp.from(nextAttemptAt), error.messageKey(),
                        JSON.writeValueAsString(arguments), deliveryId)
                .update();
    }

    private static Delivery map(ResultSet rs, int row) throws SQLException {
        String arguments = rs.getString("error_arguments");
        Timestamp sentAt = rs.getTimestamp("sent_at");
        return new Delivery(rs.getLong("id"), rs.getLong("tenant_id"), rs.getLong("notice_id"),
                rs.getString("recipient"), rs.getString("topic"), rs.getString("subject"),
                rs.getString("connector_key"), rs.getString("channel"), DeliveryStatus.valueOf(rs.getString("status")),
                rs.getInt("attempts"), rs.getTimestamp("next_attempt_at").toInstant(), rs.getString("error_key"),
                arguments == null ? List.of() : List.of(JSON.readValue(arguments, String[].class)),
                rs.getTimestamp("created_at").toInstant(), sentAt == null ? null : sentAt.toInstant());
    }
}
