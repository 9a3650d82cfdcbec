package org.tezuo.core.notification;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.tezuo.core.privacy.IdNumberMask;

/**
 * Receives every published {@link Notice}: masks ID numbers in its subject and body, stores it in the recipient's
 * in-app inbox and queues one delivery per channel the tenant configured for its topic, all in the publisher's
 * transaction. After that transaction commits, it hands the {@link DeliveryDispatcher} the queued
 * deliveries; a rollback leaves neither the notice nor its deliveries behind.
 */
@Component
public class NoticeRecorder {

    private static final Logger log = LoggerFactory.getLogger(NoticeRecorder.class);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final NotificationChannels channels;
    private final DeliveryDispatcher dispatcher;

    public NoticeRecorder(JdbcClient jdbc, Clock clock, NotificationChannels channels, DeliveryDispatcher dispatcher) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.channels = channels;
        this.dispatcher = dispatcher;
    }

    /** Handles a published notice. The method returns nothing, because Spring publishes a listener's result. */
    @EventListener
    public void onNotice(Notice notice) {
        record(notice);
    }

    /** Stores the notice and queues its deliveries, then returns the notice id. */
    public long record(Notice notice) {
        Instant now = clock.instant();
        long noticeId = insertNotice(notice, now);

        List<NotificationChannel> targets = channels.forTopic(notice.tenantId(), notice.topic());
        for (NotificationChannel channel : targets) {
            jdbc.sql("""
                    insert into notice_delivery (tenant_id, notice_id, connector_key, channel, status, attempts,
                                                 next_attempt_at, created_at)
                    values (?, ?, ?, ?, ?, 0, ?, ?)""")
                    .params(notice.tenantId(), noticeId, channel.key(), channel.type().code(),
                            DeliveryStatus.PENDING.name(), Timestamp.from(now), Timestamp.from(now))
                    .update();
        }
        log.debug("Stored notice {} on topic {} for {} of tenant {} with {} delivery(ies)", noticeId, notice.topic(),
                notice.recipient(), notice.tenantId(), targets.size());

        if (!targets.isEmpty()) {
            dispatchAfterCommit();
        }
        return noticeId;
    }

    private long insertNotice(Notice notice, Instant now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into notice (tenant_id, recipient, topic, subject, body, link, sender, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(notice.tenantId(), notice.recipient(), notice.topic(), IdNumberMask.mask(notice.subject()),
                        IdNumberMask.mask(notice.body()), notice.link(), notice.sender(), Timestamp.from(now))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    private void dispatchAfterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    dispatcher.dispatchSoon();
                }
            });
        } else {
            dispatcher.dispatchSoon();
        }
    }
}
