package org.tezuo.core.connector.dooraccess;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tezuo.core.connector.ConnectorDefinition;
import org.tezuo.core.connector.ConnectorException;
import org.tezuo.core.connector.ConnectorHttpClient;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Calls a door-access system over HTTP: {@code POST {baseUrl}/access/revoke} and {@code POST {baseUrl}/access/restore}
 * with the JSON body {@code {"personReference": …, "personName": …, "reason": …}}. Any 2xx status confirms the change.
 */
public final class HttpDoorAccessClient implements DoorAccessClient {

    private static final Logger log = LoggerFactory.getLogger(HttpDoorAccessClient.class);

    private final ConnectorHttpClient http;
    private final JsonMapper json = JsonMapper.builder().build();

    public HttpDoorAccessClient(ConnectorDefinition definition) {
        this(definition, System::getenv);
    }

    /** Creates a client that reads secrets through {@code environment} instead of the process environment. */
    public HttpDoorAccessClient(ConnectorDefinition definition, UnaryOperator<@Nullable String> environment) {
        this.http = new ConnectorHttpClient(definition, environment);
    }

    @Override
    public void revoke(DoorAccessRequest request) {
        post("/access/revoke", request);
    }

    @Override
    public void restore(DoorAccessRequest request) {
        post("/access/restore", request);
    }

    private void post(String path, DoorAccessRequest request) {
        String connector = http.definition().key();
        ObjectNode body = json.createObjectNode()
                .put("personReference", request.personReference())
                .put("personName", request.personName())
                .put("reason", request.reason());
        HttpResponse<String> response;
        try {
            response = http.send("POST", path, json.writeValueAsString(body));
            http.requireSecretsWhenRejected(response);
        } catch (HttpTimeoutException e) {
            throw new DoorAccessFailedException(e, "doorAccess.timedOut", connector,
                    http.definition().readTimeout().toMillis());
        } catch (IOException e) {
            throw new DoorAccessFailedException(e, "doorAccess.unreachable", connector, http.definition().baseUrl(),
                    e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DoorAccessFailedException(e, "doorAccess.interrupted", connector);
        } catch (ConnectorException e) {
            throw new DoorAccessFailedException(e, e.messageKey(), e.arguments());
        }

        log.debug("Door-access connector '{}' returned status {} for {}", connector, response.statusCode(), path);
        if (response.statusCode() / 100 != 2) {
            throw new DoorAccessFailedException("doorAccess.errorStatus", connector, path, response.statusCode());
        }
    }
}
