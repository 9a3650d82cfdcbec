package org.tezuo.core.connector.registry;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tezuo.core.connector.ConnectorDefinition;
import org.tezuo.core.connector.ConnectorException;
import org.tezuo.core.connector.ConnectorHttpClient;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Queries a registry over HTTP: {@code GET {baseUrl}/certificates?certNumber=&idNumber=&name=} returns 200 with one
 * record in the shape of {@link RegistryRecordCodec}, or 404 with {@link RegistryRecordCodec#notFoundBody()} when the
 * registry has no such certificate. Any other status, a 404 without that body, a time-out or an unreadable body
 * raises {@link RegistryUnavailableException}; a time-out, a connection error and a 5xx status are marked
 * {@linkplain RegistryUnavailableException#isTransient() transient}.
 */
public final class HttpCertificateRegistryClient implements CertificateRegistryClient {

    private static final Logger log = LoggerFactory.getLogger(HttpCertificateRegistryClient.class);

    private final ConnectorHttpClient http;
    private final JsonMapper json = JsonMapper.builder().build();

    public HttpCertificateRegistryClient(ConnectorDefinition definition) {
        this(definition, System::getenv);
    }

    /** Creates a client that reads secrets through {@code environment} instead of the process environment. */
    public HttpCertificateRegistryClient(ConnectorDefinition definition, UnaryOperator<@Nullable String> environment) {
        this.http = new ConnectorHttpClient(definition, environment);
    }

    @Override
    public Optional<RegistryCertificateRecord> find(RegistryQuery query) {
        String connector = http.definition().key();
        HttpResponse<String> response;
        try {
            response = http.send("GET", "/certificates?" + queryString(query), null);
            http.requireSecretsWhenRejected(response);
        } catch (HttpTimeoutException e) {
            throw RegistryUnavailableException.transientFailure(e, "registry.timedOut", connector,
                    http.definition().readTimeout().toMillis());
        } catch (IOException e) {
            throw RegistryUnavailableException.transientFailure(e, "registry.unreachable", connector, http.definition().baseUrl(),
                    e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RegistryUnavailableException(e, "registry.interrupted", connector);
        } catch (ConnectorException e) {
            throw new RegistryUnavailableException(e, e.messageKey(), e.arguments());
        }

        log.debug("Registry connector '{}' returned status {}", connector, response.statusCode());
        return switch (response.statusCode()) {
            case 200 -> Optional.of(parse(connector, response.body()));
            case 404 -> notFound(connector, response);
            default -> throw errorStatus(connector, response.statusCode());
        };
    }

    private static RegistryUnavailableException errorStatus(String connector, int status) {
        return status >= 500
                ? RegistryUnavailableException.transientFailure(null, "registry.errorStatus", connector, status)
                : new RegistryUnavailableException("registry.errorStatus", connector, status);
    }

    private Optional<RegistryCertificateRecord> notFound(String connector, HttpResponse<String> response) {
        boolean certificateUnknown;
        try {
            certificateUnknown = RegistryRecordCodec.isNotFoundBody(json.readTree(response.body()));
        } catch (JacksonException e) {
            certificateUnknown = false;
        }
        if (!certificateUnknown) {
            throw new RegistryUnavailableException("registry.wrongPath", connector, response.uri().getPath());
        }
        return Optional.empty();
    }

    private RegistryCertificateRecord parse(String connector, String body) {
        try {
            return RegistryRecordCodec.read(json.readTree(body));
        } catch (JacksonException | IllegalArgumentException e) {
            throw new RegistryUnavailableException(e, "registry.invalidResponse", connector,
                    e.getMessage() == null ? e.getClass().getSimpleName() : firstLine(e.getMessage()));
        }
    }

    private static String queryString(RegistryQuery query) {
        List<String> parameters = new ArrayList<>();
        add(parameters, "certNumber", query.certNumber());
        add(parameters, "idNumber", query.idNumber());
        add(parameters, "name", query.name());
        return String.join("&", parameters);
    }

    private static void add(List<String> parameters, String name, @Nullable String value) {
        if (value != null) {
            parameters.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
    }

    private static String firstLine(String text) {
        int end = text.indexOf('\n');
        String line = end < 0 ? text : text.substring(0, end);
        return line.length() > 200 ? line.substring(0, 200) : line;
    }
}
