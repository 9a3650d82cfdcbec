package org.tezuo.core.notification;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.tezuo.core.connector.ConnectorDefinition;
import org.tezuo.core.connector.ConnectorType;

/**
 * A published connector document of a notification type (WeCom or DingTalk group robot, email, SMS gateway),
 * parsed with the channel settings of its {@code channel} object.
 *
 * @param topics the notice topics the channel sends: exact topics, prefixes ending in {@code .*}, or {@code *};
 *     empty means every topic
 * @param markdown whether the robot channels send markdown instead of plain text
 * @param tokenEnv environment variable holding the WeCom webhook key or the DingTalk access token
 * @param signingSecretEnv environment variable holding the DingTalk signing secret; null sends unsigned requests
 * @param from sender address of the email channel
 * @param startTls whether the email channel requires STARTTLS
 * @param path request path of the SMS gateway, starting with a slash
 * @param bodyTemplate JSON body of the SMS gateway with the placeholders {@code ${mobile}}, {@code ${subject}} and
 *     {@code ${text}}
 */
public record NotificationChannel(
        ConnectorDefinition connector,
        List<String> topics,
        boolean markdown,
        @Nullable String tokenEnv,
        @Nullable String signingSecretEnv,
        @Nullable String from,
        boolean startTls,
        String path,
        String bodyTemplate) {

    /** Default request path of the SMS gateway. */
    public static final String DEFAULT_SMS_PATH = "/sms/send";
    /** Default JSON body of the SMS gateway. */
    public static final String DEFAULT_SMS_TEMPLATE = "{\"mobile\":\"${mobile}\",\"content\":\"${subject}：${text}\"}";

    public NotificationChannel {
        topics = List.copyOf(topics);
    }

    public String key() {
        return connector.key();
    }

    public ConnectorType type() {
        return connector.type();
    }

    /** Returns whether the channel sends notices of {@code topic}. */
    public boolean sends(String topic) {
        if (topics.isEmpty()) {
            return true;
        }
        return topics.stream().anyMatch(pattern -> pattern.equals("*") || pattern.equals(topic)
                || pattern.endsWith(".*") && topic.startsWith(pattern.substring(0, pattern.length() - 1)));
    }
}
