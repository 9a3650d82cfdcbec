package org.tezuo.core.pack;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Turns policy changes made on any node into {@link PolicyChanged} events on this node. On PostgreSQL one
 * connection outside the pool waits on {@code LISTEN tezuo_policy}, so a change arrives within milliseconds of its
 * commit; on other databases the node polls {@code policy_revision} every {@code tezuo.packs.poll-interval}
 * (500 ms unless set).
 */
@Component
class PolicyChangeListener implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PolicyChangeListener.class);

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final boolean postgres;
    private final Duration pollInterval;
    private final Map<Long, Long> seenRevisions = new HashMap<>();
    private volatile boolean running;
    private Thread thread = new Thread(() -> { });

    PolicyChangeListener(DataSource dataSource, JdbcClient jdbc, ApplicationEventPublisher events,
            DatabaseDialect dialect, @Value("${tezuo.packs.poll-interval:500ms}") Duration pollInterval) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.events = events;
        this.postgres = dialect.postgres();
        this.pollInterval = pollInterval;
    }

    @Override
    public void start() {
        running = true;
        thread = Thread.ofPlatform().daemon().name("tezuo-policy-listener")
                .start(postgres ? this::listen : this::poll);
    }

    @Override
    public void stop() {
        running = false;
        thread.interrupt();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void listen() {
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + PolicyChangeSignal.CHANNEL);
                }
                log.info("Listening for policy changes on channel {}", PolicyChangeSignal.CHANNEL);
                // The PostgreSQL driver is a runtime dependency only, so its notification API is called reflectively.
                Class<?> pgConnection = Class.forName("org.postgresql.PGConnection");
                Object listener = connection.unwrap(pgConnection);
                Method getNotifications = pgConnection.getMethod("getNotifications", int.class);
                while (running) {
                    Object[] notifications = (Object[]) getNotifications.invoke(listener,
                            (int) pollInterval.toMillis());
                    if (notifications != null) {
                        for (Object notification : notifications) {
                            publish(Long.parseLong((String) notification.getClass().getMethod("getParameter")
                                    .invoke(notification)));
                        }
                    }
                }
            } catch (SQLException | ReflectiveOperationException | RuntimeException e) {
                if (running) {
                    log.warn("Policy-change listener lost its connection; reconnecting", e);
                    pause();
                }
            }
        }
    }

    private void poll() {
        while (running) {
            try {
                jdbc.sql("select tenant_id, revision from policy_revision")
                        .query((rs, row) -> Map.entry(rs.getLong(1), rs.getLong(2))).list()
                        .forEach(revision -> {
                            Long seen = seenRevisions.put(revision.getKey(), revision.getValue());
                            if (seen != null && !seen.equals(revision.getValue())) {
                                publish(revision.getKey());
                            }
                        });
            } catch (RuntimeException e) {
                log.warn("Polling policy revisions failed; the next poll retries", e);
            }
            pause();
        }
    }

    private void publish(long tenantId) {
        log.debug("Policy of tenant {} changed", tenantId);
        events.publishEvent(new PolicyChanged(tenantId));
    }

    private void pause() {
        try {
            Thread.sleep(pollInterval);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
