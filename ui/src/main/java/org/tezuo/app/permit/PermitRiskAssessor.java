package org.tezuo.app.permit;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.tezuo.core.connector.ConnectorDefinition;
import org.tezuo.core.connector.ConnectorDirectory;
import org.tezuo.core.connector.ConnectorType;
import org.tezuo.core.connector.weather.QWeatherClient;
import org.tezuo.core.connector.weather.QWeatherSettings;
import org.tezuo.core.connector.weather.WeatherDataException;
import org.tezuo.core.connector.weather.WeatherObservation;
import org.tezuo.core.environment.GasReading;
import org.tezuo.core.environment.GasReadingException;
import org.tezuo.core.environment.GasReadingParser;
import org.tezuo.core.metadata.MetadataStore;
import org.tezuo.core.risk.RiskAssessment;
import org.tezuo.core.risk.RiskEvaluator;
import org.tezuo.core.risk.RiskItem;
import org.tezuo.core.rules.CompiledRuleset;
import org.tezuo.core.rules.RulesetCompiler;
import org.tezuo.form.definition.FormDefinition;
import org.tezuo.metadata.MetadataDocument;
import org.tezuo.metadata.MetadataKind;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Evaluates a permit's risk on live data: the tenant's published ruleset for the permit type, the weather
 * connector's current observation, the gas readings posted for the permit and the analyses written on the form.
 * A weather connector that fails yields no observation, which the ruleset treats as missing live data.
 */
@Component
class PermitRiskAssessor {

    private static final Logger log = LoggerFactory.getLogger(PermitRiskAssessor.class);

    /** Roles every ruleset receives, whether it declares them or not. */
    private static final List<String> STANDARD_ROLES = List.of("grade", "openAir", "oxygenService", "workStart",
            "workEnd", "location");
    /** Variables that {@link RiskEvaluator} sets from live data; no form binding may supply them. */
    private static final Set<String> EVALUATOR_VARIABLES = Set.of("weather", "gasSamples", "gas", "now");

    private final MetadataStore metadata;
    private final ConnectorDirectory connectors;
    private final RulesetCompiler rulesets;
    private final RiskEvaluator evaluator;
    private final PermitStore permits;
    private final JsonMapper json;
    private final Clock clock;

    PermitRiskAssessor(MetadataStore metadata, ConnectorDirectory connectors, RulesetCompiler rulesets, RiskEvaluator evaluator, PermitStore permits,
            JsonMapper json, Clock clock) {
        this.metadata = metadata;
        this.connectors = connectors;
        this.rulesets = rulesets;
        this.evaluator = evaluator;
        this.permits = permits;
        this.json = json;
        this.clock = clock;
    }

    /** The outcome of an assessment and the live data it was made on. */
    record Outcome(int rulesetVersion, RiskAssessment assessment, ObjectNode liveData, Map<String, String> units) {

        /** Returns the items as stored with the permit, each with the unit its rule declares. */
        List<PermitRiskItem> storedItems() {
            return assessment.items().stream().map(item -> toStored(item, units.get(item.code()))).toList();
        }
    }

    Outcome assess(Permit permit, FormDefinition form, JsonNode data, ZoneId zone) {
        MetadataDocument rulesetDocument = metadata.requirePublished(permit.tenantId(), MetadataKind.RULESET,
                permit.rulesetKey());
        CompiledRuleset ruleset = rulesets.load(rulesetDocument.reference(), rulesetDocument.body());
        OffsetDateTime now = OffsetDateTime.now(clock.withZone(zone));

        ObjectNode liveData = json.createObjectNode();
        WeatherObservation weather = currentWeather(permit.tenantId(), liveData);
        List<GasReading> readings = new ArrayList<>(postedReadings(permit, zone));
        readings.addAll(formAnalyses(form, data, zone));
        ArrayNode gasNode = liveData.putArray("gasReadings");
        readings.forEach(reading -> gasNode.add(json.valueToTree(reading)));

        RiskAssessment assessment = evaluator.evaluate(ruleset, permitVariables(ruleset, form, data, zone), weather,
                readings, now);
        liveData.put("evaluatedAt", now.toString());
        Map<String, String> units = new HashMap<>();
        rulesetDocument.body().path("rules").forEach(rule -> {
            if (rule.hasNonNull("unit")) {
                units.put(rule.path("id").asString(), rule.path("unit").asString());
            }
        });
        return new Outcome(rulesetDocument.version(), assessment, liveData, Map.copyOf(units));
    }

    private static PermitRiskItem toStored(RiskItem item, @Nullable String unit) {
        // A rule over gas readings fires once per detector, so the detector keeps the codes distinct: each
        // approver confirms each reading.
        String code = item.detectorId() == null ? item.code() : item.code() + "@" + item.detectorId();
        return new PermitRiskItem(code, item.severity().name(), item.message().zh(),
                item.message().in(Locale.ENGLISH), text(item.value()), text(item.limit()), unit, item.source());
    }

    /**
     * Returns the permit variables of the rules: the standard roles and every other variable the ruleset declares,
     * each read from the form binding of the same name. An unbound or empty role is null (false for openAir and
     * oxygenService), so a ruleset for another permit type reads its own facts, such as an excavation depth.
     */
    private Map<String, Object> permitVariables(CompiledRuleset ruleset, FormDefinition form, JsonNode data,
            ZoneId zone) {
        Set<String> roles = new LinkedHashSet<>(STANDARD_ROLES);
        roles.addAll(ruleset.ruleset().variables());
        roles.removeAll(EVALUATOR_VARIABLES);
        Map<String, Object> variables = new HashMap<>();
        for (String role : roles) {
            JsonNode value = form.boundValue(role, data);
            variables.put(role, value.isMissingNode() || value.isNull() ? defaultFor(role)
                    : typed(form, role, value, zone));
        }
        return variables;
    }

    private static @Nullable Object defaultFor(String role) {
        return role.equals("oxygenService") || role.equals("openAir") ? Boolean.FALSE : null;
    }

    private static @Nullable Object typed(FormDefinition form, String role, JsonNode value, ZoneId zone) {
        if (value.isArray()) {
            List<@Nullable Object> items = new ArrayList<>();
            value.forEach(item -> items.add(scalar(item, false, zone)));
            return items;
        }
        return scalar(value, isDateTime(form, role), zone);
    }

    private static @Nullable Object scalar(JsonNode value, boolean dateTime, ZoneId zone) {
        if (value.isBoolean()) {
            return value.asBoolean();
        }
        if (value.isNumber()) {
            return value.decimalValue();
        }
        if (dateTime) {
            return OffsetDateTime.parse(value.asString()).atZoneSameInstant(zone).toOffsetDateTime();
        }
        return value.isValueNode() ? value.asString() : null;
    }

    /** Returns whether the field bound to {@code role} is a date-time, as workStart and workEnd always are. */
    private static boolean isDateTime(FormDefinition form, String role) {
        return role.equals("workStart") || role.equals("workEnd") || form.binding(role)
                .flatMap(form::fieldAt)
                .map(field -> "date-time".equals(field.format()))
                .orElse(false);
    }

    private @Nullable WeatherObservation currentWeather(long tenantId, ObjectNode liveData) {
        ConnectorDefinition connector = connectors.findByType(tenantId, ConnectorType.WEATHER).orElse(null);
        if (connector == null) {
            liveData.put("weatherError", "no weather connector published");
            return null;
        }
        String keyVariable = connector.credentials().apiKeyEnv();
        String apiKey = keyVariable == null ? "" : System.getenv().getOrDefault(keyVariable,
                System.getProperty(keyVariable.toLowerCase(Locale.ROOT).replace('_', '.'), ""));
        QWeatherSettings settings = new QWeatherSettings(connector.baseUrl(), apiKey, connector.connectTimeout(),
                connector.readTimeout());
        try {
            WeatherObservation observation = new QWeatherClient(settings)
                    .currentObservation(connector.location() == null ? "" : connector.location());
            liveData.set("weather", json.valueToTree(observation));
            return observation;
        } catch (WeatherDataException e) {
            log.warn("Weather connector {}@{} failed for tenant {}: {}", connector.key(), connector.version(), tenantId,
                    e.toString());
            liveData.put("weatherError", e.message(Locale.SIMPLIFIED_CHINESE));
            return null;
        }
    }

    /**
     * Returns the newest posted reading of each detector. A re-test replaces the detector's earlier reading, so a
     * failed or faulty reading stops counting once the same detector has measured again.
     */
    private List<GasReading> postedReadings(Permit permit, ZoneId zone) {
        GasReadingParser parser = new GasReadingParser(zone);
        Map<String, GasReading> newestByDetector = new LinkedHashMap<>();
        for (JsonNode payload : permits.gasReadingPayloads(permit.tenantId(), permit.id())) {
            for (GasReading reading : parser.parse(payload.toString())) {
                newestByDetector.merge(reading.detectorId(), reading,
                        (kept, next) -> next.measuredAt().isBefore(kept.measuredAt()) ? kept : next);
            }
        }
        return new ArrayList<>(newestByDetector.values());
    }

    /**
     * Turns the gas analyses written on the form into readings: %LEL and %VOL rows are flammable readings of the
     * named gas, a "%vol O2" row is an oxygen reading, and ppm rows are CO or H₂S readings by the gas named.
     */
    private List<GasReading> formAnalyses(FormDefinition form, JsonNode data, ZoneId zone) {
        JsonNode rows = form.boundValue("gasAnalyses", data);
        if (!rows.isArray()) {
            return List.of();
        }
        ArrayNode converted = json.createArrayNode();
        for (JsonNode row : rows) {
            ObjectNode reading = converted.addObject();
            reading.put("detectorId", row.path("analyst").asString("") + "（人工分析）");
            reading.put("measuredAt", row.path("time").asString());
            String unit = row.path("unit").asString("");
            String gas = row.path("gas").asString("");
            JsonNode result = row.path("result");
            switch (unit) {
                case "%LEL", "%VOL" -> {
                    ObjectNode flammable = reading.putObject("flammable");
                    flammable.set("value", result);
                    flammable.put("unit", unit);
                    flammable.put("gas", gas);
                }
                case "%vol O2" -> reading.set("oxygenPercentVol", result);
                case "ppm" -> reading.set(isHydrogenSulphide(gas) ? "h2sPpm" : "coPpm", result);
                default -> log.debug("Gas analysis with unit {} is not evaluated", unit);
            }
        }
        try {
            return new GasReadingParser(zone).parse(converted.toString());
        } catch (GasReadingException e) {
            log.info("Gas analyses on the form could not be read: {}", e.toString());
            return List.of();
        }
    }

    private static boolean isHydrogenSulphide(String gas) {
        String normalised = gas.replace("₂", "2").toUpperCase(Locale.ROOT);
        return normalised.contains("H2S") || gas.contains("硫化氢");
    }

    private static @Nullable String text(@Nullable Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof BigDecimal decimal ? decimal.stripTrailingZeros().toPlainString() : value.toString();
    }
}
