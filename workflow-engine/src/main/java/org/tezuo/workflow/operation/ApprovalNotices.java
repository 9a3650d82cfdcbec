package org.tezuo.workflow.operation;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.tezuo.core.connector.ConnectorDefinition;
import org.tezuo.core.connector.ConnectorDirectory;
import org.tezuo.core.connector.ConnectorHttpClient;
import org.tezuo.core.connector.ConnectorType;
import org.tezuo.workflow.definition.Label;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends approval notices. Each notice is stored for the recipient's in-app list inside the caller's transaction.
 * When the tenant published a {@code notification} connector, the notice is also posted to its {@code
 * /notifications} path after that transaction commits; a failed post is logged and does not undo the operation.
 */
@Component
public class ApprovalNotices {

    /** Path of the notification connector that notices are posted to. */
    public static final String CONNECTOR_PATH = "/notifications";
    private static final Logger log = LoggerFactory.getLogger(ApprovalNotices.class);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ConnectorDirectory connectors;
    private final JsonMapper json;
    private final UnaryOperator<@Nullable String> environment = System::getenv;

    public ApprovalNotices(JdbcClient jdbc, Clock clock, ConnectorDirectory connectors, JsonMapper json) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.connectors = connectors;
        this.json = json;
    }

    /** Stores a notice for every recipient and posts it to the tenant's notification connector after commit. */
    void send(InstanceRef instance, Operation kind, List<String> recipients, Label message) {
        if (recipients.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        for (String recipient : recipients) {
            jdbc.sql("""
                    insert into approval_notice (tenant_id, recipient, process_instance_id, business_key, kind,
                                                 message_zh, message_en, created_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(instance.tenantId(), recipient, instance.processInstanceId(), instance.businessKey(),
                            kind.name(), message.zh(), message.en(), Timestamp.from(now))
                    .update();
        }
        Optional<ConnectorDefinition> connector = connectors.findByType(instance.tenantId(), ConnectorType.NOTIFICATION);
        if (connector.isEmpty()) {
            return;
        }
        String body = json.writeValueAsString(Map.of(
                "recipients", recipients,
                "businessKey", instance.businessKey(),
                "processInstanceId", instance.processInstanceId(),
                "kind", kind.name(),
                "message", Map.of("zh", message.zh(), "en", message.en() == null ? message.zh() : message.en())));
        Runnable post = () -> post(connector.get(), instance, body);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    post.run();
                }
            });
        } else {
            post.run();
        }
    }

    /** Returns the user's notices in the tenant, newest first. */
    public List<Notice> forRecipient(long tenantId, String user, boolean unreadOnly) {
        return jdbc.sql("""
                select * from approval_notice where tenant_id = ? and recipient = ?
                  and (? = false or read_at is null)
                order by id desc""")
                .params(tenantId, user, unreadOnly)
                .query((rs, row) -> new Notice(rs.getLong("id"), rs.getString("recipient"),
                        rs.getString("process_instance_id"), rs.getString("business_key"),
                        Operation.valueOf(rs.getString("kind")),
                        new Label(rs.getString("message_zh"), rs.getString("message_en")),
                        rs.getTimestamp("created_at").toInstant(),
                        Optional.ofNullable(rs.getTimestamp("read_at")).map(Timestamp::toInstant).orElse(null)))
                .list();
    }

    /** Marks a notice to the user as read; notices to other users are left alone. */
    public void markRead(long tenantId, long noticeId, String user) {
        jdbc.sql("update approval_notice set read_at = ? where tenant_id = ? and id = ? and recipient = ? and read_at is null")
                .params(Timestamp.from(clock.instant()), tenantId, noticeId, user)
                .update();
    }

    private void post(ConnectorDefinition connector, InstanceRef instance, String body) {
        try {
            HttpResponse<String> response = new ConnectorHttpClient(connector, environment)
                    .send("POST", CONNECTOR_PATH, body);
            if (response.statusCode() / 100 != 2) {
                log.warn("Notification connector '{}' of tenant {} returned HTTP {} for approval {}", connector.key(),
                        instance.tenantId(), response.statusCode(), instance.processInstanceId());
            }
        } catch (IOException e) {
            log.warn("Notification connector '{}' of tenant {} failed for approval {}: {}", connector.key(),
                    instance.tenantId(), instance.processInstanceId(), e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            log.warn("Interrupted while posting a notice of approval {} of tenant {}", instance.processInstanceId(),
                    instance.tenantId());
        }
    }
}
