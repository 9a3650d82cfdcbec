package org.tezuo.app.permit;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.tezuo.core.connector.ConnectorDefinition;
import org.tezuo.core.connector.ConnectorDirectory;
import org.tezuo.core.connector.ConnectorType;
import org.tezuo.core.connector.plant.EquipmentState;
import org.tezuo.core.connector.plant.FixedDetectorReading;
import org.tezuo.core.connector.plant.PlantGatewayClient;
import org.tezuo.core.connector.plant.PlantGatewayException;
import org.tezuo.core.connector.weather.QWeatherClient;
import org.tezuo.core.connector.weather.QWeatherSettings;
import org.tezuo.core.connector.weather.WeatherDataException;
import org.tezuo.core.connector.weather.WeatherObservation;
import org.tezuo.core.environment.GasReading;
import org.tezuo.core.environment.GasReadingException;
import org.tezuo.core.environment.GasReadingParser;
import org.tezuo.core.i18n.UserMessages;
import org.tezuo.core.pack.ActivePolicy;
import org.tezuo.core.risk.RiskAssessment;
import org.tezuo.core.risk.RiskEvaluator;
import org.tezuo.core.risk.RiskItem;
import org.tezuo.core.risk.RiskModel;
import org.tezuo.core.rules.CompiledRuleset;
import org.tezuo.core.rules.LocalizedText;
import org.tezuo.core.rules.RuleSeverity;
import org.tezuo.core.record.EntityNotFoundException;
import org.tezuo.core.record.RecordNotFoundException;
import org.tezuo.form.definition.FormDefinition;
import org.tezuo.form.record.RecordService;
import org.tezuo.metadata.MetadataDocument;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Evaluates a permit's risk on live data: the tenant's published ruleset for the permit type, the weather
 * connector's current observation, the gas readings posted for the permit and the analyses written on the form.
 * A weather connector that fails yields no observation, which the ruleset treats as missing live data. With a
 * {@code gas-detection-system} connector the readings of the zone's fixed detectors join the gas readings; with an
 * {@code equipment-state} connector the live state of the picked equipment overlays the manual register values. An
 * outage of either adds a confirmation item that says which data is missing.
 */
@Component
class PermitRiskAssessor {

    private static final Logger log = LoggerFactory.getLogger(PermitRiskAssessor.class);


    private final ActivePolicy policy;
    private final ConnectorDirectory connectors;
    private static final String SITE_ZONE_ENTITY = "site_zone";
    private static final String EQUIPMENT_ENTITY = "equipment";
    private static final String BUNDLE = "org.tezuo.app.permit.messages";
    // NOTE: platform design choice for connector documents without maxDataAgeSeconds; not a regulatory value.
    private static final Duration DEFAULT_MAX_DATA_AGE = Duration.ofMinutes(5);

    private final RecordService records;
    private final PermitPersonnelFacts personnel;
    private final RiskEvaluator evaluator;
    private final PermitStore permits;
    private final GasDetectorRegister detectors;
    private final JsonMapper json;
    private final Clock clock;

    PermitRiskAssessor(ActivePolicy policy, ConnectorDirectory connectors, RecordService records,
            PermitPersonnelFacts personnel, RiskEvaluator evaluator, PermitStore permits, GasDetectorRegister detectors,
            JsonMapper json, Clock clock) {
        this.detectors = detectors;
        this.policy = policy;
        this.connectors = connectors;
        this.records = records;
        this.personnel = personnel;
        this.evaluator = evaluator;
        this.permits = permits;
        this.json = json;
        this.clock = clock;
    }

    /** The outcome of an assessment and the live data it was made on. */
    record Outcome(int rulesetVersion, RiskAssessment assessment, ObjectNode liveData, Map<String, String> units,
            @Nullable PermitRiskScore score) {

        /** Returns the items as stored with the permit, each with the unit its rule declares. */
        List<PermitRiskItem> storedItems() {
            return assessment.items().stream().map(item -> toStored(item, units.get(item.code()))).toList();
        }
    }

    /**
     * Assesses the permit with the tenant's ruleset as {@link ActivePolicy} holds it, so the thresholds in force
     * include enterprise overrides and a policy change on any node applies to the next assessment.
     */
    Outcome assess(Permit permit, FormDefinition form, JsonNode data, ZoneId zone) {
        ActivePolicy.Snapshot snapshot = policy.snapshot(permit.tenantId());
        CompiledRuleset ruleset = snapshot.requireRuleset(permit.rulesetKey());
        MetadataDocument rulesetDocument = snapshot.documents().get(permit.rulesetKey());
        OffsetDateTime now = OffsetDateTime.now(clock.withZone(zone));

        LocalizedText scenario = new LocalizedText(ruleset.ruleset().scenarioLabel(Locale.SIMPLIFIED_CHINESE),
                ruleset.ruleset().scenarioLabel(Locale.ENGLISH));
        List<RiskItem> liveItems = new ArrayList<>();
        ObjectNode liveData = json.createObjectNode();
        WeatherObservation weather = currentWeather(permit.tenantId(), liveData);
        List<GasReading> readings = registeredDetectorsOnly(permit.tenantId(), postedReadings(permit, zone), zone,
                liveItems, scenario);
        readings.addAll(formAnalyses(form, data, zone));
        ArrayNode gasNode = liveData.putArray("gasReadings");
        readings.forEach(reading -> gasNode.add(json.valueToTree(reading)));

        Map<String, @Nullable Object> permitVariables = PermitRuleVariables.of(ruleset.ruleset().variables(), form,
                data, zone);
        Map<String, @Nullable Object> zoneRecord = registerRecord(permit.tenantId(), SITE_ZONE_ENTITY,
                form.boundValue("zone", data));
        Map<String, @Nullable Object> equipmentRecord = registerRecord(permit.tenantId(), EQUIPMENT_ENTITY,
                form.boundValue("equipment", data));
        readings.addAll(fixedDetectorReadings(permit.tenantId(), zoneRecord, now, liveData, liveItems, scenario));
        LocalizedText equipmentSource = overlayEquipmentState(permit.tenantId(), equipmentRecord, now, liveData,
                liveItems, scenario);
        if (equipmentRecord == null && form.binding("equipment").isPresent()) {
            // The score counts unknown equipment as risky, but only an item makes the approvers check it on site.
            liveItems.add(liveItem("live.equipment.unknown", scenario, null));
        }
        permitVariables.put("zone", zoneRecord);
        permitVariables.put("equipment", equipmentRecord);
        permitVariables.put("personnel", personnel.of(permit.tenantId(), namedWorkers(form, data), now));
        RiskModel model = snapshot.model(permit.rulesetKey());
        RiskAssessment evaluated;
        PermitRiskScore score = null;
        if (model == null) {
            evaluated = evaluator.evaluate(ruleset, permitVariables, weather, readings, now);
        } else {
            RiskEvaluator.Evaluation evaluation = evaluator.evaluateAndScore(ruleset, model, permitVariables, weather,
                    readings, now);
            evaluated = evaluation.assessment();
            score = PermitRiskScore.of(evaluation.score());
        }
        RiskAssessment assessment = withLiveItems(evaluated, liveItems);
        if (score != null && equipmentSource != null) {
            score = score.withDimensionSource("equipment", equipmentSource.zh());
        }
        liveData.put("evaluatedAt", now.toString());
        Map<String, String> units = new HashMap<>();
        rulesetDocument.body().path("rules").forEach(rule -> {
            if (rule.hasNonNull("unit")) {
                units.put(rule.path("id").asString(), rule.path("unit").asString());
            }
        });
        return new Outcome(rulesetDocument.version(), assessment, liveData, Map.copyOf(units), score);
    }

    /**
     * Returns the worker rows of the personnel dimension: the gate-checked {@code workers}, or the {@code crew} of a
     * form whose workers need no special-operation certificate (confined-space entrants, blind-flange workers, crane
     * operators). Both carry an {@code idNumber} per row.
     */
    private static JsonNode namedWorkers(FormDefinition form, JsonNode data) {
        JsonNode workers = form.boundValue("workers", data);
        return workers.isMissingNode() ? form.boundValue("crew", data) : workers;
    }

    /**
     * Returns the fields of the register record a reference field names, numbers as {@link BigDecimal}, or null when
     * the field is empty or the record or entity does not exist.
     */
    private @Nullable Map<String, @Nullable Object> registerRecord(long tenantId, String entity, JsonNode reference) {
        if (!reference.canConvertToLong() && !(reference.isString() && reference.asString().matches("\\d{1,18}"))) {
            return null;
        }
        long id = reference.isString() ? Long.parseLong(reference.asString()) : reference.asLong();
        try {
            Map<String, @Nullable Object> fields = new HashMap<>();
            // A JSON null stays null: as the text "null" it read as a detector tag and as a registered value.
            records.read(tenantId, entity, id).data().forEachEntry((name, value) -> fields.put(name,
                    value.isNull() ? null : value.isNumber() ? value.decimalValue()
                            : value.isString() ? value.asString() : value.toString()));
            return fields;
        } catch (RecordNotFoundException | EntityNotFoundException e) {
            log.info("Register record {}#{} of tenant {} is not available for the risk score: {}", entity, id, tenantId,
                    e.toString());
            return null;
        }
    }

    /**
     * Reads the latest readings of the zone's fixed detectors ({@code detectorTags} on the zone record) from the
     * tenant's gas-detection system connector. A faulty or stale reading becomes a sensor fault. An outage, and tags
     * the gateway does not have, add a confirmation item that names the missing data.
     */
    private List<GasReading> fixedDetectorReadings(long tenantId, @Nullable Map<String, @Nullable Object> zoneRecord,
            OffsetDateTime now, ObjectNode liveData, List<RiskItem> liveItems, LocalizedText scenario) {
        Object tagText = zoneRecord == null ? null : zoneRecord.get("detectorTags");
        List<String> tags = tagText == null ? List.of() : Arrays.stream(tagText.toString().split("[,，、;；\\s]+"))
                .filter(tag -> !tag.isBlank()).distinct().toList();
        ConnectorDefinition connector = connectors.findByType(tenantId, ConnectorType.GAS_DETECTION_SYSTEM)
                .orElse(null);
        if (tags.isEmpty() || connector == null) {
            return List.of();
        }
        Duration maxAge = connector.maxDataAge() == null ? DEFAULT_MAX_DATA_AGE : connector.maxDataAge();
        List<FixedDetectorReading> fixed;
        try {
            fixed = new PlantGatewayClient(connector, PermitRiskAssessor::secret).detectorReadings(tags);
        } catch (PlantGatewayException e) {
            log.warn("Gas-detection connector {}@{} failed for tenant {}: {}", connector.key(), connector.version(),
                    tenantId, e.toString());
            liveData.put("gasDetectionError", e.message(Locale.SIMPLIFIED_CHINESE));
            liveItems.add(liveItem("live.gas-detection.unavailable", scenario, e, String.join("、", tags)));
            return List.of();
        }
        ArrayNode node = liveData.putArray("fixedDetectors");
        fixed.forEach(reading -> node.add(json.valueToTree(reading)));
        List<String> missing = tags.stream()
                .filter(tag -> fixed.stream().noneMatch(reading -> reading.tag().equals(tag))).toList();
        if (!missing.isEmpty()) {
            liveItems.add(liveItem("live.gas-detection.tags-missing", scenario, null, String.join("、", missing),
                    connector.key()));
        }
        return fixed.stream().map(reading -> reading.toGasReading(now, maxAge)).toList();
    }

    /**
     * Overlays the live state of the picked equipment from the tenant's equipment-state connector on the register
     * record: the live state wins when it is newer than the manual {@code stateUpdatedAt}. Returns the text that names
     * the source and time of the equipment values, or null when the tenant has no such connector.
     */
    private @Nullable LocalizedText overlayEquipmentState(long tenantId,
            @Nullable Map<String, @Nullable Object> equipmentRecord, OffsetDateTime now, ObjectNode liveData,
            List<RiskItem> liveItems, LocalizedText scenario) {
        ConnectorDefinition connector = connectors.findByType(tenantId, ConnectorType.EQUIPMENT_STATE).orElse(null);
        if (equipmentRecord == null || connector == null || equipmentRecord.get("tag") == null) {
            return null;
        }
        String tag = String.valueOf(equipmentRecord.get("tag"));
        OffsetDateTime manualAt = manualStateTime(equipmentRecord.get("stateUpdatedAt"), now);
        String manualAge = manualAt == null ? "?" : String.valueOf(Duration.between(manualAt, now).toMinutes());
        String manualTime = manualAt == null ? "-" : manualAt.toString();
        EquipmentState live;
        try {
            live = new PlantGatewayClient(connector, PermitRiskAssessor::secret).equipmentState(tag);
        } catch (PlantGatewayException e) {
            log.warn("Equipment-state connector {}@{} failed for tenant {}: {}", connector.key(), connector.version(),
                    tenantId, e.toString());
            liveData.put("equipmentStateError", e.message(Locale.SIMPLIFIED_CHINESE));
            liveItems.add(liveItem("live.equipment-state.unavailable", scenario, e, tag, manualTime, manualAge));
            return text("live.equipment.source.manual-outage", manualTime, manualAge);
        }
        Duration maxAge = connector.maxDataAge() == null ? DEFAULT_MAX_DATA_AGE : connector.maxDataAge();
        if (live == null || Duration.between(live.observedAt(), now).compareTo(maxAge) > 0
                || (manualAt != null && !live.observedAt().isAfter(manualAt))) {
            return text("live.equipment.source.manual", manualTime, manualAge, connector.key());
        }
        liveData.set("equipmentState", json.valueToTree(live));
        equipmentRecord.put("pressureMpa", live.pressureMpa());
        equipmentRecord.put("valvePosition", live.valvePosition());
        equipmentRecord.put("isolationStatus", live.isolationStatus());
        equipmentRecord.put("stateUpdatedAt", live.observedAt().toString());
        equipmentRecord.put("stateSource", connector.key());
        return text("live.equipment.source.live", connector.key(), live.observedAt().toString());
    }

    /** Reads the register's state time; a time without an offset is read in the offset of {@code now}. */
    private static @Nullable OffsetDateTime manualStateTime(@Nullable Object value, OffsetDateTime now) {
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.toString());
        } catch (java.time.format.DateTimeParseException withoutOffset) {
            try {
                return java.time.LocalDateTime.parse(value.toString()).atOffset(now.getOffset());
            } catch (java.time.format.DateTimeParseException e) {
                return null;
            }
        }
    }

    private static LocalizedText text(String key, Object... arguments) {
        return new LocalizedText(UserMessages.render(BUNDLE, Locale.SIMPLIFIED_CHINESE, key, arguments),
                UserMessages.render(BUNDLE, Locale.ENGLISH, key, arguments));
    }

    /**
     * Returns a confirmation item about live data with the message {@code code} of the permit bundle: the arguments,
     * followed by the connector's error in the message's language when there is one.
     */
    private static RiskItem liveItem(String code, LocalizedText scenario,
            org.tezuo.core.i18n.@Nullable LocalizedException error, Object... arguments) {
        return liveItem(code, RuleSeverity.CONFIRM, null, scenario, error, arguments);
    }

    /**
     * Returns an item about live data of {@code severity}, of one detector when {@code detectorId} is set, with the
     * message {@code code} of the permit bundle as {@link #liveItem(String, LocalizedText, LocalizedException,
     * Object...)} renders it.
     */
    private static RiskItem liveItem(String code, RuleSeverity severity, @Nullable String detectorId,
            LocalizedText scenario, org.tezuo.core.i18n.@Nullable LocalizedException error, Object... arguments) {
        String source = UserMessages.render(BUNDLE, Locale.SIMPLIFIED_CHINESE, code + ".source");
        LocalizedText message = new LocalizedText(
                UserMessages.render(BUNDLE, Locale.SIMPLIFIED_CHINESE, code, withError(arguments, error,
                        Locale.SIMPLIFIED_CHINESE)),
                UserMessages.render(BUNDLE, Locale.ENGLISH, code, withError(arguments, error, Locale.ENGLISH)));
        return new RiskItem(code, severity, message, source, true, null, null, detectorId, "", scenario, List.of());
    }

    private static Object[] withError(Object[] arguments,
            org.tezuo.core.i18n.@Nullable LocalizedException error, Locale locale) {
        if (error == null) {
            return arguments;
        }
        Object[] all = Arrays.copyOf(arguments, arguments.length + 1);
        all[arguments.length] = error.message(locale);
        return all;
    }

    /** Adds the live-data items after the blocking items, keeping blocking, confirmation and information order. */
    private static RiskAssessment withLiveItems(RiskAssessment assessment, List<RiskItem> liveItems) {
        if (liveItems.isEmpty()) {
            return assessment;
        }
        List<RiskItem> items = new ArrayList<>(assessment.items());
        items.addAll(liveItems);
        items.sort(Comparator.comparing(RiskItem::severity));
        return new RiskAssessment(items);
    }

    private static @Nullable String secret(String variable) {
        return System.getenv().getOrDefault(variable,
                System.getProperty(variable.toLowerCase(Locale.ROOT).replace('_', '.')));
    }

    private static PermitRiskItem toStored(RiskItem item, @Nullable String unit) {
        // A rule over gas readings fires once per detector, so the detector keeps the codes distinct: each
        // approver confirms each reading.
        String code = item.detectorId() == null ? item.code() : item.code() + "@" + item.detectorId();
        return new PermitRiskItem(code, item.severity().name(), item.message().zh(),
                item.message().in(Locale.ENGLISH), text(item.value()), text(item.limit()), unit, item.source(),
                item.scenario().zh(), item.scenario().in(Locale.ENGLISH),
                item.limits().isEmpty() ? null : item.limitOrigin(Locale.SIMPLIFIED_CHINESE),
                item.limits().isEmpty() ? null : item.limitOrigin(Locale.ENGLISH));
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
     * Returns the posted readings whose detector the tenant's register allows. A reading from a detector listed as
     * not in service or past its calibration is left out and becomes a blocking item with the reason, as the register
     * may have changed since the reading was accepted. A detector the register does not list, while the tenant keeps
     * one, adds a confirmation item, once per detector.
     */
    private List<GasReading> registeredDetectorsOnly(long tenantId, List<GasReading> posted, ZoneId zone,
            List<RiskItem> liveItems, LocalizedText scenario) {
        List<GasReading> allowed = new ArrayList<>();
        boolean registerKept = !posted.isEmpty() && detectors.kept(tenantId);
        for (GasReading reading : posted) {
            if (!registerKept) {
                allowed.add(reading);
                continue;
            }
            Optional<GasDetectorRegister.Entry> entry = detectors.find(tenantId, reading.detectorId());
            if (entry.isEmpty()) {
                liveItems.add(liveItem("live.gas-detector.unregistered", RuleSeverity.CONFIRM, reading.detectorId(),
                        scenario, null, reading.detectorId()));
                allowed.add(reading);
                continue;
            }
            Optional<GasDetectorRegister.DetectorRejectedException> rejection = detectors.rejection(tenantId,
                    entry.get(), reading, zone);
            if (rejection.isPresent()) {
                liveItems.add(liveItem("live.gas-detector.rejected", RuleSeverity.BLOCK, reading.detectorId(),
                        scenario, rejection.get()));
            } else {
                allowed.add(reading);
            }
        }
        return allowed;
    }

    /**
     * Turns the gas analyses written on the form into readings. The hot-work form has one result and its unit per
     * row. There %LEL and %VOL rows are flammable readings of the named gas, a "%vol O2" row is an oxygen reading,
     * and ppm rows are CO or H₂S readings by the gas named. The confined-space form has a column per gas, so each
     * of its rows gives one reading with its oxygen, flammable and toxic columns.
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
                case "" -> readGasColumns(row, reading);
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

    /**
     * Copies the oxygen, flammable and toxic columns of a multi-gas row. NOTE: a reading carries only CO and H₂S
     * among the toxic gases, so a toxic column naming another gas (NH₃, Cl₂) is shown on the permit but not
     * evaluated.
     */
    private static void readGasColumns(JsonNode row, ObjectNode reading) {
        if (row.hasNonNull("point")) {
            // One analyst samples several points, and each point's reading gets its own risk items.
            reading.put("detectorId", row.path("analyst").asString("") + "（人工分析，" + row.path("point").asString()
                    + "）");
        }
        if (row.hasNonNull("oxygenPercentVol")) {
            reading.set("oxygenPercentVol", row.get("oxygenPercentVol"));
        }
        if (row.hasNonNull("flammableResult")) {
            ObjectNode flammable = reading.putObject("flammable");
            flammable.set("value", row.get("flammableResult"));
            flammable.put("unit", row.path("flammableUnit").asString("%LEL"));
            flammable.put("gas", row.path("flammableGas").asString(""));
        }
        String toxicGas = row.path("toxicGas").asString("");
        if (row.hasNonNull("toxicResultPpm")) {
            if (isHydrogenSulphide(toxicGas)) {
                reading.set("h2sPpm", row.get("toxicResultPpm"));
            } else if (isCarbonMonoxide(toxicGas)) {
                reading.set("coPpm", row.get("toxicResultPpm"));
            } else {
                log.debug("Toxic gas {} on the form is not evaluated", toxicGas);
            }
        }
    }

    private static boolean isCarbonMonoxide(String gas) {
        return gas.strip().equalsIgnoreCase("CO") || gas.contains("一氧化碳");
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
