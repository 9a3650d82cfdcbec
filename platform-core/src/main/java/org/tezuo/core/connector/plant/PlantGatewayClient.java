package org.tezuo.core.connector.plant;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tezuo.core.connector.ConnectorDefinition;
import org.tezuo.core.connector.ConnectorException;
import org.tezuo.core.connector.ConnectorHttpClient;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads Tezuo's plant-gateway JSON format, documented in docs/architecture.md under "Plant gateways". It is Tezuo's
 * own format, not a vendor's, so a site puts a small adapter in front of its GDS, DCS or historian.
 *
 * <ul>
 *   <li>{@code GET {baseUrl}/detectors/readings?tags=GT-1101,GT-1102} answers {@code {"readings": [{"tag", "gas",
 *       "unit", "value", "alarm", "fault", "time"}]}} with the latest reading of each known tag.</li>
 *   <li>{@code GET {baseUrl}/equipment/{tag}/state} answers {@code {"tag", "pressureMpa", "valvePosition",
 *       "isolationStatus", "time"}}, or 404 for an unknown tag.</li>
 * </ul>
 */
public final class PlantGatewayClient {

    private static final Logger log = LoggerFactory.getLogger(PlantGatewayClient.class);

    private final ConnectorHttpClient http;
    private final JsonMapper json = JsonMapper.builder().build();

    public PlantGatewayClient(ConnectorDefinition definition) {
        this(definition, System::getenv);
    }

    /** Creates a client that reads secrets through {@code environment} instead of the process environment. */
    public PlantGatewayClient(ConnectorDefinition definition, UnaryOperator<@Nullable String> environment) {
        this.http = new ConnectorHttpClient(definition, environment);
    }

    /** Returns the latest reading of each of {@code tags} that the gateway has. Unknown tags are left out. */
    public List<FixedDetectorReading> detectorReadings(Collection<String> tags) {
        String query = URLEncoder.encode(String.join(",", tags), StandardCharsets.UTF_8);
        JsonNode root = get("/detectors/readings?tags=" + query);
        List<FixedDetectorReading> readings = new ArrayList<>();
        JsonNode array = root.path("readings");
        if (!array.isArray()) {
            throw new PlantGatewayException("plant.invalidField", http.definition().key(), "readings",
                    abbreviate(root.toString()));
        }
        for (int index = 0; index < array.size(); index++) {
            JsonNode node = array.get(index);
            String path = "readings[" + index + "].";
            readings.add(new FixedDetectorReading(text(node, path, "tag"), text(node, path, "gas"),
                    text(node, path, "unit"), decimal(node, path, "value"), node.path("alarm").asString("normal"),
                    node.path("fault").asBoolean(false), time(node, path)));
        }
        return readings;
    }

    /** Returns the live state of equipment {@code tag}, or null when the gateway does not know the tag. */
    public @Nullable EquipmentState equipmentState(String tag) {
        JsonNode node = get("/equipment/" + URLEncoder.encode(tag, StandardCharsets.UTF_8).replace("+", "%20")
                + "/state");
        if (node.isMissingNode()) {
            return null;
        }
        return new EquipmentState(tag, decimal(node, "", "pressureMpa"), optionalText(node, "valvePosition"),
                optionalText(node, "isolationStatus"), time(node, ""));
    }

    /** Sends a GET; returns the parsed body, or a missing node for 404. */
    private JsonNode get(String pathAndQuery) {
        String connector = http.definition().key();
        HttpResponse<String> response;
        try {
            response = http.send("GET", pathAndQuery, null);
            http.requireSecretsWhenRejected(response);
        } catch (HttpTimeoutException e) {
            throw new PlantGatewayException("plant.timedOut", connector, http.definition().readTimeout().toMillis());
        } catch (IOException e) {
            throw new PlantGatewayException("plant.unreachable", connector, http.definition().baseUrl(),
                    e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PlantGatewayException("plant.unreachable", connector, http.definition().baseUrl(),
                    e.getClass().getSimpleName());
        } catch (ConnectorException e) {
            throw new PlantGatewayException(e.messageKey(), e.arguments());
        }
        log.debug("Plant gateway '{}' returned status {} for {}", connector, response.statusCode(), pathAndQuery);
        if (response.statusCode() == 404) {
            return json.missingNode();
        }
        if (response.statusCode() / 100 != 2) {
            throw new PlantGatewayException("plant.errorStatus", connector, pathAndQuery, response.statusCode());
        }
        try {
            return json.readTree(response.body());
        } catch (JacksonException e) {
            throw new PlantGatewayException("plant.notJson", connector, abbreviate(response.body()));
        }
    }

    private String text(JsonNode node, String path, String field) {
        String value = optionalText(node, field);
        if (value == null) {
            throw new PlantGatewayException("plant.invalidField", http.definition().key(), path + field, "null");
        }
        return value;
    }

    private static @Nullable String optionalText(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || value.asString("").isBlank() ? null : value.asString().strip();
    }

    private @Nullable BigDecimal decimal(JsonNode node, String path, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isNumber()) {
            return value.decimalValue();
        }
        try {
            return new BigDecimal(value.asString("").strip());
        } catch (NumberFormatException e) {
            throw new PlantGatewayException("plant.invalidField", http.definition().key(), path + field,
                    value.toString());
        }
    }

    private OffsetDateTime time(JsonNode node, String path) {
        String text = text(node, path, "time");
        try {
            return OffsetDateTime.parse(text);
        } catch (DateTimeParseException e) {
            throw new PlantGatewayException("plant.invalidField", http.definition().key(), path + "time", text);
        }
    }

    private static String abbreviate(String payload) {
        return payload.length() <= 80 ? payload : payload.substring(0, 80) + "…";
    }
}
