package org.tezuo.core.notification;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.tezuo.core.connector.ConnectorDefinition;
import org.tezuo.core.connector.ConnectorDefinitionParser;
import org.tezuo.core.connector.ConnectorType;
import org.tezuo.core.metadata.MetadataStore;
import org.tezuo.metadata.MetadataDocument;
import org.tezuo.metadata.MetadataKind;
import tools.jackson.databind.JsonNode;

/** Reads the tenant's published connector documents of the notification channel types. */
@Component
public class NotificationChannels {

    /** Connector types that deliver notices. */
    public static final Set<ConnectorType> CHANNEL_TYPES = EnumSet.of(ConnectorType.WECOM_ROBOT,
            ConnectorType.DINGTALK_ROBOT, ConnectorType.EMAIL, ConnectorType.SMS_GATEWAY, ConnectorType.NOTIFICATION);

    private final MetadataStore metadata;
    private final ConnectorDefinitionParser parser = new ConnectorDefinitionParser();

    public NotificationChannels(MetadataStore metadata) {
        this.metadata = metadata;
    }

    /** Returns the channels of the tenant, ordered by connector key. */
    public List<NotificationChannel> all(long tenantId) {
        List<NotificationChannel> channels = new ArrayList<>();
        for (MetadataDocument document : metadata.listPublished(tenantId, MetadataKind.CONNECTOR)) {
            ConnectorDefinition connector = parser.parse(document);
            if (CHANNEL_TYPES.contains(connector.type())) {
                channels.add(parse(connector, document.body()));
            }
        }
        return channels;
    }

    /** Returns the channels of the tenant that send {@code topic}. */
    public List<NotificationChannel> forTopic(long tenantId, String topic) {
        return all(tenantId).stream().filter(channel -> channel.sends(topic)).toList();
    }

    /** Returns the channel published under {@code key}, if it is still published. */
    public Optional<NotificationChannel> find(long tenantId, String key) {
        return all(tenantId).stream().filter(channel -> channel.key().equals(key)).findFirst();
    }

    static NotificationChannel parse(ConnectorDefinition connector, JsonNode body) {
        List<String> topics = new ArrayList<>();
        body.path("topics").forEach(topic -> topics.add(topic.asString()));
        JsonNode settings = body.path("channel");
        return new NotificationChannel(
                connector,
                topics,
                "markdown".equals(text(settings, "format")),
                text(settings, "tokenEnv"),
                text(settings, "signingSecretEnv"),
                text(settings, "from"),
                settings.path("startTls").asBoolean(false),
                Optional.ofNullable(text(settings, "path")).orElse(NotificationChannel.DEFAULT_SMS_PATH),
                Optional.ofNullable(text(settings, "bodyTemplate")).orElse(NotificationChannel.DEFAULT_SMS_TEMPLATE));
    }

    private static @Nullable String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asString() : null;
    }
}
