package org.tezuo.core.connector.weather;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the JSON of QWeather {@code /v7/weather/now}: {@code code} "200" means success, and the {@code now}
 * object contains every value as a string, with {@code windSpeed} in km/h and {@code windScale} as level text.
 */
public final class QWeatherPayloadParser {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final BigDecimal KILOMETRES_PER_HOUR_PER_METRE_PER_SECOND = new BigDecimal("3.6");

    /**
     * Parses {@code payload} into an observation for {@code location}.
     *
     * @throws WeatherDataException naming the provider code, or the field and value that is missing or invalid
     */
    public WeatherObservation parse(String location, String payload) {
        JsonNode root;
        try {
            root = JSON.readTree(payload);
        } catch (JacksonException e) {
            throw new WeatherDataException("weather.notJson", location, abbreviate(payload));
        }
        String code = root.path("code").asString("");
        if (!"200".equals(code)) {
            throw new WeatherDataException("weather.providerError", location, code.isEmpty() ? "-" : code);
        }
        JsonNode now = root.path("now");

        BigDecimal windKilometresPerHour = decimal(now, "windSpeed");
        if (windKilometresPerHour.signum() < 0) {
            throw invalid("weather.invalidNumber", "windSpeed", windKilometresPerHour.toPlainString());
        }
        BigDecimal windMetresPerSecond = windKilometresPerHour.divide(KILOMETRES_PER_HOUR_PER_METRE_PER_SECOND, 2,
                RoundingMode.HALF_UP);
        String scaleText = text(now, "windScale");
        int reportedLevel = BeaufortScale.parseLevel(scaleText)
                .orElseThrow(() -> invalid("weather.invalidWindScale", "windScale", scaleText));
        int level = Math.max(reportedLevel, BeaufortScale.levelOf(windMetresPerSecond));

        return new WeatherObservation(location, windMetresPerSecond, level, decimal(now, "temp"),
                decimal(now, "humidity"), dateTime(now, "obsTime"));
    }

    private static String text(JsonNode now, String field) {
        JsonNode value = now.get(field);
        if (value == null || value.isNull() || value.asString("").isBlank()) {
            throw new WeatherDataException("weather.missingField", "now." + field);
        }
        return value.asString().trim();
    }

    private static BigDecimal decimal(JsonNode now, String field) {
        String text = text(now, field);
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw invalid("weather.invalidNumber", field, text);
        }
    }

    private static OffsetDateTime dateTime(JsonNode now, String field) {
        String text = text(now, field);
        try {
            return OffsetDateTime.parse(text);
        } catch (DateTimeParseException e) {
            throw invalid("weather.invalidTime", field, text);
        }
    }

    private static WeatherDataException invalid(String key, String field, String value) {
        return new WeatherDataException(key, "now." + field, value);
    }

    private static String abbreviate(String payload) {
        return payload.length() <= 80 ? payload : payload.substring(0, 80) + "…";
    }
}
