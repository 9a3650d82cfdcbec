package org.tezuo.core.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.stereotype.Component;
import org.tezuo.core.privacy.IdNumberMask;

/**
 * Sends queued deliveries through their channels. It runs after a notice's transaction commits and every
 * {@code tezuo.notification.poll-interval} (30 s by default; 0 turns polling off). A failed attempt is retried
 * after {@code initial-backoff} (1 minute), doubling up to {@code max-backoff} (1 hour), until
 * {@code max-attempts} (5) attempts failed; the delivery then stays failed until an administrator retries it.
 * Each delivery is claimed in the database before it is sent, so two application nodes never send it twice at
 * once.
 */
@Component
public class DeliveryDispatcher implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(DeliveryDispatcher.class);
    /** Deliveries handled in one pass; the next pass takes the rest. */
    private static final int BATCH_SIZE = 100;
    /** How long a claimed delivery stays hidden from other dispatchers while it is being sent. */
    private static final Duration CLAIM_LEASE = Duration.ofMinutes(5);

    private final DeliveryOutbox outbox;
    private final NotificationChannels channels;
    private final NoticeSenders senders;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final int maxAttempts;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final Duration pollInterval;
    private final String publicBaseUrl;
    private final ThreadPoolTaskScheduler worker = new ThreadPoolTaskScheduler();
    private final AtomicBoolean passQueued = new AtomicBoolean();

    public DeliveryDispatcher(DeliveryOutbox outbox, NotificationChannels channels, NoticeSenders senders,
            JdbcClient jdbc, Clock clock,
            @Value("${tezuo.notification.max-attempts:5}") int maxAttempts,
            @Value("${tezuo.notification.initial-backoff:1m}") Duration initialBackoff,
            @Value("${tezuo.notification.max-backoff:1h}") Duration maxBackoff,
            @Value("${tezuo.notification.poll-interval:30s}") Duration pollInterval,
            @Value("${tezuo.public-base-url:}") String publicBaseUrl) {
        this.outbox = outbox;
        this.channels = channels;
        this.senders = senders;
        this.jdbc = jdbc;
        this.clock = clock;
        this.maxAttempts = maxAttempts;
        this.initialBackoff = initialBackoff;
        this.maxBackoff = maxBackoff;
        this.pollInterval = pollInterval;
        this.publicBaseUrl = publicBaseUrl.endsWith("/")
                ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1) : publicBaseUrl;
        worker.setThreadNamePrefix("tezuo-notification-");
        worker.setPoolSize(1);
        worker.initialize();
    }

    @EventListener(ApplicationReadyEvent.class)
    void startPolling() {
        if (!pollInterval.isZero() && !pollInterval.isNegative()) {
            worker.scheduleWithFixedDelay(this::dispatchQuietly, pollInterval);
            log.info("Polling the notice outbox every {}", pollInterval);
        }
    }

    /** Runs a dispatch pass on the dispatcher's own thread soon; at most one extra pass is queued at a time. */
    public void dispatchSoon() {
        if (passQueued.compareAndSet(false, true)) {
            worker.execute(() -> {
                passQueued.set(false);
                dispatchQuietly();
            });
        }
    }

    /** Sends every delivery due now, at most one batch; returns how many were sent successfully. */
    public synchronized int dispatchDue() {
        Instant now = clock.instant();
        List<Long> due = outbox.due(now, BATCH_SIZE);
        int sent = 0;
        for (long deliveryId : due) {
            if (outbox.claim(deliveryId, now, now.plus(CLAIM_LEASE)) && attempt(deliveryId)) {
                sent++;
            }
        }
        if (!due.isEmpty()) {
            log.info("Notice outbox pass: {} of {} due delivery(ies) sent", sent, due.size());
        }
        return sent;
    }

    /** Returns when a delivery that has failed {@code attempts} times is tried next, or null when it gives up. */
    @Nullable Instant nextAttempt(int attempts, Instant now) {
        if (attempts >= maxAttempts) {
            return null;
        }
        Duration backoff = initialBackoff.multipliedBy(1L << Math.min(attempts - 1, 30));
        return now.plus(backoff.compareTo(maxBackoff) > 0 ? maxBackoff : backoff);
    }

    private boolean attempt(long deliveryId) {
        Pending pending = jdbc.sql("""
                select d.tenant_id, d.connector_key, d.attempts, n.id as notice_id, n.recipient, n.subject, n.body,
                       n.link, u.display_name, u.email, u.mobile_phone
                from notice_delivery d join notice n on n.id = d.notice_id
                left join app_user u on u.tenant_id = n.tenant_id and u.username = n.recipient
                where d.id = ?""")
                .param(deliveryId)
                .query((rs, row) -> new Pending(rs.getInt("attempts"), rs.getString("connector_key"),
                        new ChannelMessage(rs.getLong("tenant_id"), rs.getLong("notice_id"), rs.getString("recipient"),
                                Optional.ofNullable(rs.getString("display_name")).orElse(rs.getString("recipient")),
                                rs.getString("email"), rs.getString("mobile_phone"),
                                IdNumberMask.mask(rs.getString("subject")), IdNumberMask.mask(rs.getString("body")),
                                absolute(rs.getString("link")))))
                .single();
        try {
            NotificationChannel channel = channels.find(pending.message().tenantId(), pending.connectorKey())
                    .orElseThrow(() -> new DeliveryFailedException("delivery.channelGone", pending.connectorKey()));
            senders.send(channel, pending.message());
            outbox.markSent(deliveryId, clock.instant());
            log.debug("Delivery {} of notice {} sent through '{}'", deliveryId, pending.message().noticeId(),
                    pending.connectorKey());
            return true;
        } catch (DeliveryFailedException e) {
            int attempts = pending.attempts() + 1;
            Instant next = nextAttempt(attempts, clock.instant());
            outbox.markFailed(deliveryId, e, next);
            log.warn("Delivery {} of tenant {} through '{}' failed on attempt {} ({}); {}", deliveryId,
                    pending.message().tenantId(), pending.connectorKey(), attempts, e.getMessage(),
                    next == null ? "no further attempts" : "next attempt at " + next);
            return false;
        }
    }

    private @Nullable String absolute(@Nullable String link) {
        if (link == null || publicBaseUrl.isEmpty()) {
            return null;
        }
        return link.startsWith("/") ? publicBaseUrl + link : publicBaseUrl + "/" + link;
    }

    private void dispatchQuietly() {
        try {
            dispatchDue();
        } catch (RuntimeException e) {
            log.error("Notice outbox pass failed", e);
        }
    }

    @Override
    public void destroy() {
        worker.shutdown();
    }

    private record Pending(int attempts, String connectorKey, ChannelMessage message) {
    }
}
