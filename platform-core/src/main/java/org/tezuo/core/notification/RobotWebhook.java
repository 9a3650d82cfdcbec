package org.tezuo.core.notification;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.tezuo.core.connector.ConnectorHttpClient;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Posts a JSON message to a group robot webhook and checks the reply. WeCom and DingTalk both respond with HTTP
 * 200: {@code {"errcode":0,"errmsg":"ok"}} on success and a non-zero {@code errcode} otherwise.
 */
final class RobotWebhook {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private RobotWebhook() {
    }

    /** Returns the secret in {@code variable}, or throws naming the variable when it is unset. */
    static String requireSecret(NotificationChannel channel, @Nullable String variable,
            UnaryOperator<@Nullable String> environment) {
        String value = variable == null ? null : environment.apply(variable);
        if (value == null || value.isBlank()) {
            throw new DeliveryFailedException("delivery.secretMissing", channel.key(), String.valueOf(variable));
        }
        return value;
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static String write(Object message) {
        return JSON.writeValueAsString(message);
    }

    /** Posts {@code body} to {@code pathAndQuery} and throws unless the robot accepted it. */
    static void post(NotificationChannel channel, UnaryOperator<@Nullable String> environment, String pathAndQuery,
            String body) {
        HttpResponse<String> response = HttpPost.send(channel, environment, pathAndQuery, body);
        JsonNode reply;
        try {
            reply = JSON.readTree(response.body());
        } catch (JacksonException e) {
            throw new DeliveryFailedException(e, "delivery.invalidReply", channel.key(), abbreviate(response.body()));
        }
        int code = reply.path("errcode").asInt(-1);
        if (code != 0) {
            throw new DeliveryFailedException("delivery.rejected", channel.key(), String.valueOf(code),
                    reply.path("errmsg").asString(""));
        }
    }

    static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "…";
    }

    /** Sends a JSON POST through {@link ConnectorHttpClient} and turns transport errors into delivery failures. */
    static final class HttpPost {

        private HttpPost() {
        }

        static HttpResponse<String> send(NotificationChannel channel, UnaryOperator<@Nullable String> environment,
                String pathAndQuery, String body) {
            ConnectorHttpClient http = new ConnectorHttpClient(channel.connector(), environment);
            HttpResponse<String> response;
            try {
                response = http.send("POST", pathAndQuery, body);
            } catch (HttpTimeoutException e) {
                throw new DeliveryFailedException(e, "delivery.timedOut", channel.key(),
                        channel.connector().readTimeout().toMillis());
            } catch (IOException e) {
                throw new DeliveryFailedException(e, "delivery.unreachable", channel.key(),
                        channel.connector().baseUrl(), e.getClass().getSimpleName());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DeliveryFailedException(e, "delivery.interrupted", channel.key());
            }
            if (response.statusCode() / 100 != 2) {
                throw new DeliveryFailedException("delivery.errorStatus", channel.key(), response.statusCode());
            }
            return response;
        }
    }
}
