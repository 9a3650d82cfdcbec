package org.tezuo.core.environment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Parses gas readings from JSON: one object or an array of objects with {@code detectorId}, {@code measuredAt}
 * (ISO date-time; without an offset it is read in the tenant's zone), optional {@code oxygenPercentVol},
 * {@code coPpm}, {@code h2sPpm} (numbers or numeric strings), optional {@code flammable} {@code {value, unit
 * ("%LEL" or "%VOL"), gas}}, optional {@code sensorFault} (default false) and optional {@code calibratedOn}.
 */
public final class GasReadingParser {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final ZoneId zone;

    /** Creates a parser that reads date-times without an offset in {@code zone}. */
    public GasReadingParser(ZoneId zone) {
        this.zone = zone;
    }

    /**
     * Parses {@code json}.
     *
     * @throws GasReadingException naming the first missing or invalid field, for example {@code [1].coPpm}
     */
    public List<GasReading> parse(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JacksonException e) {
            throw new GasReadingException("gas.notJson", json.length() <= 80 ? json : json.substring(0, 80) + "…");
        }
        if (root.isObject()) {
            return List.of(reading(root, ""));
        }
        if (!root.isArray()) {
            throw new GasReadingException("gas.notJson", root.toString());
        }
        List<GasReading> readings = new ArrayList<>();
        for (int index = 0; index < root.size(); index++) {
            readings.add(reading(root.get(index), "[" + index + "]."));
        }
        return readings;
    }

    private GasReading reading(JsonNode node, String path) {
        String detectorId = requiredText(node, path, "detectorId");
        OffsetDateTime measuredAt = dateTime(path + "measuredAt", requiredText(node, path, "measuredAt"));
        BigDecimal oxygen = concentration(node, path, "oxygenPercentVol");
        if (oxygen != null && oxygen.compareTo(HUNDRED) > 0) {
            throw new GasReadingException("gas.percentOverHundred", path + "oxygenPercentVol", oxygen.toPlainString());
        }
        return new GasReading(detectorId, measuredAt, oxygen, concentration(node, path, "coPpm"),
                concentration(node, path, "h2sPpm"), flammable(node.get("flammable"), path + "flammable."),
                flag(node, path, "sensorFault"), date(node, path, "calibratedOn"));
    }

    private static @Nullable FlammableMeasurement flammable(@Nullable JsonNode node, String path) {
        if (node == null || node.isNull()) {
            return null;
        }
        BigDecimal value = concentration(node, path, "value");
        if (value == null) {
            throw new GasReadingException("gas.missingField", path + "value");
        }
        String unitText = requiredText(node, path, "unit");
        FlammableUnit unit = switch (unitText.replace(" ", "").toUpperCase(Locale.ROOT)) {
            case "%LEL", "LEL", "%爆炸下限" -> FlammableUnit.PERCENT_LEL;
            case "%VOL", "VOL%", "%V/V", "%体积" -> FlammableUnit.PERCENT_VOL;
            default -> throw new GasReadingException("gas.invalidUnit", path + "unit", unitText);
        };
        if (value.compareTo(HUNDRED) > 0) {
            throw new GasReadingException("gas.percentOverHundred", path + "value", value.toPlainString());
        }
        return new FlammableMeasurement(value, unit, requiredText(node, path, "gas"));
    }

    private static String requiredText(JsonNode node, String path, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull() || value.asString("").isBlank()) {
            throw new GasReadingException("gas.missingField", path + field);
        }
        return value.asString().trim();
    }

    private static @Nullable BigDecimal concentration(JsonNode node, String path, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        BigDecimal number;
        if (value.isNumber()) {
            number = value.decimalValue();
        } else {
            String text = value.asString("").trim();
            try {
                number = new BigDecimal(text);
            } catch (NumberFormatException e) {
                throw new GasReadingException("gas.invalidNumber", path + field, value.asString(value.toString()));
            }
        }
        if (number.signum() < 0) {
            throw new GasReadingException("gas.invalidNumber", path + field, number.toPlainString());
        }
        return number;
    }

    private static boolean flag(JsonNode node, String path, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return false;
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        throw new GasReadingException("gas.invalidBoolean", path + field, value.toString());
    }

    private OffsetDateTime dateTime(String path, String text) {
        try {
            return OffsetDateTime.parse(text);
        } catch (DateTimeParseException withoutOffset) {
            try {
                return LocalDateTime.parse(text).atZone(zone).toOffsetDateTime();
            } catch (DateTimeParseException e) {
                throw new GasReadingException("gas.invalidTime", path, text);
            }
        }
    }

    private static @Nullable LocalDate date(JsonNode node, String path, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        try {
            return LocalDate.parse(value.asString("").trim());
        } catch (DateTimeParseException e) {
            throw new GasReadingException("gas.invalidDate", path + field, value.asString(value.toString()));
        }
    }
}
